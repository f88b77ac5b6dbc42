// Tokens of the expression language (internal to the expression compiler).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lc::expr {

enum class Tok : uint8_t {
  End, Int, Str, Name, Bad,
  // reserved words
  And, Or, Not, True, False, If, Else, EndKw, Visits, Seen,
  // punctuation
  LParen, RParen, EqEq, NotEq, Less, LessEq, Greater, GreaterEq,
  Plus, Minus, Star, Slash, Percent, Assign, PlusAssign, MinusAssign,
};

struct Token {
  Tok kind = Tok::End;
  size_t begin = 0, end = 0;  // byte range in the source
  int64_t number = 0;         // Int: the value (saturated far above int32)
  std::string text;           // Str: the unescaped string; Bad: the message
  std::string hint;           // Bad: what to do
  size_t errorOffset = 0;     // Bad: where the problem is
};

// The token that starts at or after `pos` (spaces, tabs and newlines are skipped).
Token lex(std::string_view src, size_t pos);

// Index of the first non-blank byte at or after `pos`.
size_t skipBlanks(std::string_view src, size_t pos);

bool isNameStart(char c);
bool isNameChar(char c);
// True for the reserved words: and or not true false if else end visits seen.
bool isReserved(std::string_view word);

// How a token reads in a message: 'text' as written, or "the end of the expression".
std::string describe(const Token& token, std::string_view src);

}  // namespace lc::expr

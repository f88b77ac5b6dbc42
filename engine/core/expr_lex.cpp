#include "core/expr_lex.h"

#include <array>
#include <utility>

namespace lc::expr {
namespace {

struct Keyword {
  std::string_view word;
  Tok kind;
};
constexpr std::array<Keyword, 10> kKeywords{{
    {"and", Tok::And}, {"or", Tok::Or}, {"not", Tok::Not}, {"true", Tok::True},
    {"false", Tok::False}, {"if", Tok::If}, {"else", Tok::Else}, {"end", Tok::EndKw},
    {"visits", Tok::Visits}, {"seen", Tok::Seen},
}};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

Token bad(size_t begin, size_t end, std::string message, std::string hint, size_t at) {
  Token t;
  t.kind = Tok::Bad;
  t.begin = begin;
  t.end = end;
  t.text = std::move(message);
  t.hint = std::move(hint);
  t.errorOffset = at;
  return t;
}

Token simple(Tok kind, size_t begin, size_t length) {
  Token t;
  t.kind = kind;
  t.begin = begin;
  t.end = begin + length;
  return t;
}

Token lexNumber(std::string_view src, size_t pos) {
  size_t end = pos;
  int64_t value = 0;
  while (end < src.size() && isDigit(src[end])) {
    if (value <= int64_t{1} << 40) value = value * 10 + (src[end] - '0');
    ++end;
  }
  if (end < src.size() && isNameChar(src[end])) {
    while (end < src.size() && isNameChar(src[end])) ++end;
    return bad(pos, end, "invalid number '" + std::string(src.substr(pos, end - pos)) + "'",
               "numbers are decimal digits only, and names cannot start with a digit", pos);
  }
  Token t = simple(Tok::Int, pos, end - pos);
  t.number = value;
  return t;
}

Token lexString(std::string_view src, size_t pos) {
  std::string text;
  size_t i = pos + 1;
  while (i < src.size() && src[i] != '"') {
    if (src[i] == '\\') {
      if (i + 1 < src.size() && (src[i + 1] == '"' || src[i + 1] == '\\')) {
        text += src[i + 1];
        i += 2;
        continue;
      }
      std::string shown = i + 1 < src.size() ? std::string(src.substr(i, 2)) : "\\";
      return bad(pos, i + 1, "unknown escape '" + shown + "' in a string",
                 "only \\\" and \\\\ are escapes; write other characters as they are", i);
    }
    text += src[i++];
  }
  if (i >= src.size())
    return bad(pos, i, "unterminated string", "close the string with '\"'", pos);
  Token t = simple(Tok::Str, pos, i + 1 - pos);
  t.text = std::move(text);
  return t;
}

Token lexWord(std::string_view src, size_t pos) {
  size_t end = pos;
  while (end < src.size() && isNameChar(src[end])) ++end;
  std::string_view word = src.substr(pos, end - pos);
  for (const Keyword& k : kKeywords)
    if (k.word == word) return simple(k.kind, pos, end - pos);
  return simple(Tok::Name, pos, end - pos);
}

// Length of the UTF-8 sequence starting with `lead` (1 for anything invalid).
size_t sequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

Token lexUnexpected(std::string_view src, size_t pos) {
  auto two = src.substr(pos, 2);
  if (two == "&&") return bad(pos, pos + 2, "unexpected '&&'", "write 'and'", pos);
  if (two == "||") return bad(pos, pos + 2, "unexpected '||'", "write 'or'", pos);
  if (src[pos] == '!') return bad(pos, pos + 1, "unexpected '!'", "write 'not'", pos);
  if (src[pos] == '\'')
    return bad(pos, pos + 1, "unexpected '''", "strings use double quotes: \"text\"", pos);
  size_t len = sequenceLength(static_cast<unsigned char>(src[pos]));
  if (pos + len > src.size()) len = 1;
  return bad(pos, pos + len,
             "unexpected character '" + std::string(src.substr(pos, len)) + "'", "", pos);
}

Token lexOperator(std::string_view src, size_t pos) {
  char c = src[pos];
  bool eq = pos + 1 < src.size() && src[pos + 1] == '=';
  switch (c) {
    case '(': return simple(Tok::LParen, pos, 1);
    case ')': return simple(Tok::RParen, pos, 1);
    case '*': return simple(Tok::Star, pos, 1);
    case '/': return simple(Tok::Slash, pos, 1);
    case '%': return simple(Tok::Percent, pos, 1);
    case '+': return eq ? simple(Tok::PlusAssign, pos, 2) : simple(Tok::Plus, pos, 1);
    case '-': return eq ? simple(Tok::MinusAssign, pos, 2) : simple(Tok::Minus, pos, 1);
    case '<': return eq ? simple(Tok::LessEq, pos, 2) : simple(Tok::Less, pos, 1);
    case '>': return eq ? simple(Tok::GreaterEq, pos, 2) : simple(Tok::Greater, pos, 1);
    case '=': return eq ? simple(Tok::EqEq, pos, 2) : simple(Tok::Assign, pos, 1);
    case '!':
      if (eq) return simple(Tok::NotEq, pos, 2);
      break;
    default: break;
  }
  return lexUnexpected(src, pos);
}

}  // namespace

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || isDigit(c); }

bool isReserved(std::string_view word) {
  for (const Keyword& k : kKeywords)
    if (k.word == word) return true;
  return false;
}

size_t skipBlanks(std::string_view src, size_t pos) {
  while (pos < src.size() &&
         (src[pos] == ' ' || src[pos] == '\t' || src[pos] == '\n' || src[pos] == '\r'))
    ++pos;
  return pos;
}

Token lex(std::string_view src, size_t pos) {
  pos = skipBlanks(src, pos);
  if (pos >= src.size()) return simple(Tok::End, src.size(), 0);
  char c = src[pos];
  if (isDigit(c)) return lexNumber(src, pos);
  if (isNameStart(c)) return lexWord(src, pos);
  if (c == '"') return lexString(src, pos);
  return lexOperator(src, pos);
}

std::string describe(const Token& token, std::string_view src) {
  if (token.kind == Tok::End) return "the end of the expression";
  return "'" + std::string(src.substr(token.begin, token.end - token.begin)) + "'";
}

}  // namespace lc::expr

// The YAML reader's problems: encoding, control characters, tabs and syntax errors,
// each with its exact position (columns in code points) and message.
#include <catch2/catch.hpp>
#include <string>

#include "load/yaml_tree.h"

using namespace lc::yaml;

namespace {

std::string at(Pos p) { return std::to_string(p.line) + ":" + std::to_string(p.col); }

std::string problems(const Document& d) {
  std::string s;
  for (const Problem& p : d.problems) s += (s.empty() ? "" : "\n") + at(p.pos) + ": " + p.message;
  return s;
}

struct ErrorCase {
  const char* name;
  std::string yaml;
  std::string problem;  // "line:col: message"
  std::string hint;
};

void checkAll(const ErrorCase* begin, const ErrorCase* end) {
  for (const ErrorCase* c = begin; c != end; ++c) {
    INFO(c->name);
    const Document d = parse(c->yaml);
    CHECK(problems(d) == c->problem);
    CHECK(d.root == nullptr);
    if (!d.problems.empty()) CHECK(d.problems[0].hint == c->hint);
  }
}

const char* const kUtf8 = "save the file as UTF-8 text";

}  // namespace

TEST_CASE("yaml errors: invalid UTF-8", "[yaml]") {
  const ErrorCase cases[] = {
      {"invalid byte", "a: \xFF\n", "1:4: invalid UTF-8 byte 0xFF", kUtf8},
      {"stray continuation after é", "é: \x80x\n", "1:4: invalid UTF-8 byte 0x80", kUtf8},
      {"column after CJK", "a: 日本\xFF", "1:6: invalid UTF-8 byte 0xFF", kUtf8},
      {"second line", "a: 1\nbé: \xFE\n", "2:5: invalid UTF-8 byte 0xFE", kUtf8},
      {"overlong 2 bytes", "a: \xC0\xAF\n", "1:4: invalid UTF-8: overlong encoding", kUtf8},
      {"overlong 3 bytes", "a: \xE0\x80\xAF\n", "1:4: invalid UTF-8: overlong encoding", kUtf8},
      {"overlong 4 bytes", "a: \xF0\x82\x82\xAC\n", "1:4: invalid UTF-8: overlong encoding", kUtf8},
      {"surrogate", "a: \xED\xA0\x80\n", "1:4: invalid UTF-8: surrogate", kUtf8},
      {"above U+10FFFF", "a: \xF4\x90\x80\x80\n", "1:4: invalid UTF-8: code point above U+10FFFF",
       kUtf8},
      {"F5 lead", "a: \xF5\x80\x80\x80\n", "1:4: invalid UTF-8: code point above U+10FFFF", kUtf8},
      {"truncated before a newline", "a: \xE2\x82\nb: 1\n",
       "1:4: invalid UTF-8: truncated sequence", kUtf8},
      {"truncated at the end", "a: x\xE2", "1:5: invalid UTF-8: truncated sequence", kUtf8},
      {"UTF-16", std::string("\xFF\xFE\x61\0:\0", 6), "1:1: the file is UTF-16, not UTF-8", kUtf8},
      {"one problem per broken character, all of them", "a: \xE2\x82 x \xC0\x80\n",
       "1:4: invalid UTF-8: truncated sequence\n1:8: invalid UTF-8: overlong encoding", kUtf8},
  };
  checkAll(std::begin(cases), std::end(cases));
}

TEST_CASE("yaml errors: NUL and control characters", "[yaml]") {
  const char* const control = "delete it; most editors do not show it";
  const ErrorCase cases[] = {
      {"NUL", std::string("a: x\0y\n", 7), "1:5: NUL character (U+0000) is not allowed",
       "the file may not be text; save it as UTF-8 text"},
      {"bell", "a: \x07\n", "1:4: control character U+0007 is not allowed", control},
      {"escape after é", "é: \x1B[0m\n", "1:4: control character U+001B is not allowed", control},
      {"DEL", "a: \x7F\n", "1:4: control character U+007F is not allowed", control},
      {"C1 control", "a: \xC2\x85\n", "1:4: control character U+0085 is not allowed", control},
      {"U+FFFE", "a: \xEF\xBF\xBE\n", "1:4: character U+FFFE is not allowed", "delete it"},
      {"lone carriage return", "a: 1\rb: 2\n", "1:5: carriage return (U+000D) without a line feed",
       "save the file with LF or CRLF line endings"},
      {"two problems", "a: \xFF\nb: \x01\n",
       "1:4: invalid UTF-8 byte 0xFF\n2:4: control character U+0001 is not allowed", kUtf8},
  };
  checkAll(std::begin(cases), std::end(cases));
}

TEST_CASE("yaml errors: at most 10 encoding problems", "[yaml]") {
  std::string yaml;
  for (int i = 0; i < 20; ++i) yaml += "a: \x01\n";
  const Document d = parse(yaml);
  CHECK(d.problems.size() == 10);
  CHECK(d.root == nullptr);
  CHECK(d.lineStarts.size() == 21);  // lines are still counted to the end
}

TEST_CASE("yaml errors: tabs in indentation", "[yaml]") {
  const char* const spaces = "indent with spaces";
  const ErrorCase cases[] = {
      {"tab first", "a:\n\tb: 1\n", "2:1: tab in indentation", spaces},
      {"tab after spaces", "a:\n  \tb: 1\n", "2:3: tab in indentation", spaces},
      {"tab alone in column 1", "a: 1\n\t\nb: 2\n", "2:1: tab in indentation", spaces},
      {"before a comment", "a: 1\n\t# c\n", "2:1: tab in indentation", spaces},
      {"after a block scalar ended", "a: |\n  x\n\tb: 1\n", "3:1: tab in indentation", spaces},
      {"block scalar with comment, then a key", "a: | # note\n  x\nb:\n\tc: 1\n",
       "4:1: tab in indentation", spaces},
  };
  checkAll(std::begin(cases), std::end(cases));
}

TEST_CASE("yaml errors: syntax errors at the real position", "[yaml]") {
  const ErrorCase cases[] = {
      {"key indented too far", "a: 1\n b: 2\n",
       "2:2: bad indentation: 'b' is indented more than 'a', so YAML reads it as more of that value",
       "indent it to column 1 to line it up with 'a' (line 1)"},
      {"key indented too little", "a:\n  b: 1\n c: 2\n",
       "3:2: bad indentation: 'c' at column 2 lines up with no key above it",
       "indent it to column 3 to line it up with 'b' (line 2), or to column 1 to line it up with 'a' (line 1)"},
      {"item after a key", "a: 1\n- b\n", "2:1: bad indentation: a list item ('-') where a key is expected",
       "a list is the value of a key: end the line above with ':' and nothing after it, then indent the items "
       "under it"},
      {"colon in a value", "a: b: c\n", "1:5: the text of 'a' has ': ' in it, which YAML reads as a new key",
       "put the text in double quotes: a: \"b: c\""},
      {"colon in a value after é", "ééé: x: y\n",
       "1:7: the text of 'ééé' has ': ' in it, which YAML reads as a new key",
       "put the text in double quotes: ééé: \"x: y\""},
      {"unclosed [", "a: [1, 2\nb: 3\n", "2:2: end of sequence flow not found",
       "close the '[' with ']'; text that starts with '[' must be put in quotes"},
      {"unclosed {", "{a: 1\n", "2:1: end of map flow not found",
       "close the '{' with '}'; text that starts with '{' must be put in quotes"},
      {"stray ]", "x: ]\n", "1:4: illegal flow end",
       "this ']' or '}' closes nothing; text with it must be put in quotes"},
      {"bad escape", "a: \"\\q\"\n", "1:7: unknown escape character: q",
       "inside double quotes write \\\\ for a backslash, or use single quotes"},
      {"@ starts a value", "a: @x\n", "1:4: unknown token", "text that starts with '@' or '`' must be put in quotes"},
      {"text after |", "a: |x\n  b\n", "1:5: unexpected character in block scalar",
       "after '|' or '>' only '-', '+', an indentation digit or a comment may follow"},
      {"--- inside quotes", "a: \"x\n---\n\"\n", "2:1: illegal document indicator in scalar",
       "'---' or '...' at the start of a line ends the document; indent the text"},
      {"unclosed double quote", "a: \"abc\nb: 2\n", "1:4: quoted text is not closed", "add the closing \""},
      {"unclosed single quote", "a: 'it''s\n", "1:4: quoted text is not closed", "add the closing '"},
      {"unknown anchor", "a: *nope\n", "1:4: alias '*nope' refers to an anchor that is not defined",
       "define it with '&nope' before the alias"},
  };
  checkAll(std::begin(cases), std::end(cases));
}

TEST_CASE("yaml errors: a key without ':' on its own line", "[yaml]") {
  const Document d = parse("a: 1\nb\n");
  CHECK(problems(d) == "2:1: missing ':' after the key 'b'");
  CHECK(d.problems.at(0).hint ==
        "write 'key: value'; if the line continues the text above, indent it more");
}

TEST_CASE("yaml errors: closed quotes at the end are fine", "[yaml]") {
  for (const char* yaml : {"a: \"x\\\"\"\n", "a: 'it''s'", "a: \"\"", "a: ''\n"}) {
    INFO(yaml);
    const Document d = parse(yaml);
    CHECK(problems(d) == "");
    CHECK(d.root != nullptr);
  }
}

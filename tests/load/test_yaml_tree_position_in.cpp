// Document::positionIn: an offset inside a scalar's value mapped back to the file, so
// that errors inside expressions and text tags point at the very character.
#include <catch2/catch.hpp>
#include <string>

#include "load/yaml_tree.h"

using namespace lc::yaml;

namespace {

std::string at(Pos p) { return std::to_string(p.line) + ":" + std::to_string(p.col); }

struct PositionCase {
  const char* name;
  std::string yaml;      // a map; the value of its key `v` is looked at
  std::string find;      // the offset is where this first occurs in the value
  std::string expected;  // line:col
};

}  // namespace

TEST_CASE("yaml positionIn: offsets in values map back to the file", "[yaml]") {
  const PositionCase cases[] = {
      {"plain", "v: trust >= 2 and x\n", "2", "1:13"},
      {"plain after multi-byte text", "v: éé {x}\n", "{", "1:7"},
      {"plain, offset 0", "v: abc\n", "a", "1:4"},
      {"double quoted with escape", "v: \"a\\\"b {x}\"\n", "{", "1:10"},
      {"double quoted with \\u escape", "v: \"\\u00e9 {x}\"\n", "{", "1:12"},
      {"single quoted with ''", "v: 'it''s {x}'\n", "{", "1:11"},
      {"literal, first line", "v: |\n  Hello {name}.\n  Second {x}\n", "{", "2:9"},
      {"literal, second line", "v: |\n  Hello {name}.\n  Second {x}\n", "{x", "3:10"},
      {"literal, deeper and multi-byte", "a: 1\nv: |\n    é {x}\n", "{", "3:7"},
      {"literal with a leading blank line", "v: |\n\n  a {x}\n", "{", "3:5"},
      {"literal with a comment after the indicator", "v: |- # note\n  a\n  b {x}\n", "{", "3:5"},
      {"literal with CRLF", "v: |\r\n  a\r\n  b {x}\r\n", "{", "3:5"},
      {"literal with an indentation indicator", "v: |2\n   x {a}\n", "{", "2:6"},
      {"folded with an indentation indicator", "v: >1\n  x {a}\n", "{", "2:5"},
      {"folded", "v: >\n  one two\n  three {x}\n", "{", "3:9"},
      {"folded with a paragraph break", "v: >\n  one\n\n  two {x}\n", "{", "4:7"},
      {"plain over two lines", "v: one\n  two {x}\n", "{", "2:7"},
      {"double quoted over two lines", "v: \"one\n  two {x}\"\n", "{", "2:7"},
      {"double quoted, escaped line break", "v: \"one \\\n  two {x}\"\n", "{", "2:7"},
      {"right after an escaped line break", "v: \"one \\\n  two\"\n", "two", "2:3"},
      {"flow map value", "v: {x: 1}\nw: 1\n", "", "1:4"},
  };
  for (const PositionCase& c : cases) {
    INFO(c.name);
    const Document d = parse(c.yaml);
    REQUIRE(d.problems.empty());
    const Node* v = d.root->find("v");
    REQUIRE(v != nullptr);
    const size_t offset = v->isScalar() ? v->text.find(c.find) : 0;
    REQUIRE(offset != std::string::npos);
    CHECK(at(d.positionIn(*v, offset)) == c.expected);
  }
}

TEST_CASE("yaml positionIn: items of a flow sequence", "[yaml]") {
  const Document d = parse("do: [a = 1, b += 2]\n");
  REQUIRE(d.root != nullptr);
  const Node* item = d.root->find("do")->items.at(1);
  CHECK(at(d.positionIn(*item, 0)) == "1:13");
  CHECK(at(d.positionIn(*item, 2)) == "1:15");
}

TEST_CASE("yaml positionIn: an offset past the end stops at the value's end", "[yaml]") {
  const Document d = parse("v: abc\n");
  CHECK(at(d.positionIn(*d.root->find("v"), 99)) == "1:7");
}

TEST_CASE("yaml posAt: byte offsets to line and code-point column", "[yaml]") {
  const Document d = parse("a: é\nbb: ü\n");
  CHECK(at(d.posAt(0)) == "1:1");
  CHECK(at(d.posAt(3)) == "1:4");
  CHECK(at(d.posAt(5)) == "1:5");  // the line break after é
  CHECK(at(d.posAt(6)) == "2:1");
  CHECK(at(d.posAt(10)) == "2:5");  // ü
  CHECK(at(d.posAt(1000)) == "3:1");
}

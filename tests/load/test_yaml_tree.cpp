// The YAML reader: tree shape, positions (1-based, columns in code points), styles,
// nulls, duplicate keys, aliases, depth, documents.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "load/yaml_tree.h"

using namespace lc::yaml;

namespace {

std::string at(Pos p) { return std::to_string(p.line) + ":" + std::to_string(p.col); }

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

// One line per tree: `{key@1:1: value@1:6}@1:1`; quotes, `|` and `>` mark the style,
// `~` a null.
std::string render(const Node* n) {
  if (!n) return "(none)";
  std::string s;
  switch (n->kind) {
    case Kind::Null: s = "~"; break;
    case Kind::Scalar: {
      const char* marks[] = {"", "'", "\"", "|", ">"};
      const char* m = marks[static_cast<int>(n->style)];
      const bool quoted = n->style == Style::SingleQuoted || n->style == Style::DoubleQuoted;
      s = m + escaped(n->text) + (quoted ? m : "");
      break;
    }
    case Kind::Sequence:
      s = "[";
      for (size_t i = 0; i < n->items.size(); ++i) s += (i ? ", " : "") + render(n->items[i]);
      s += "]";
      break;
    case Kind::Map:
      s = "{";
      for (size_t i = 0; i < n->entries.size(); ++i) {
        s += (i ? ", " : "") + render(n->entries[i].first) + ": " + render(n->entries[i].second);
      }
      s += "}";
      break;
  }
  return s + "@" + at(n->pos);
}

std::string problems(const Document& d) {
  std::string s;
  for (const Problem& p : d.problems) s += (s.empty() ? "" : "\n") + at(p.pos) + ": " + p.message;
  return s;
}

struct TreeCase {
  const char* name;
  std::string yaml;
  std::string tree;
};

}  // namespace

TEST_CASE("yaml tree: shapes, positions and styles", "[yaml]") {
  const TreeCase cases[] = {
      {"block map", "title: Hé é x\nid: y\n", "{title@1:1: Hé é x@1:8, id@2:1: y@2:5}@1:1"},
      {"columns count code points", "[é, ü, 日本, x]", "[é@1:2, ü@1:5, 日本@1:8, x@1:12]@1:1"},
      {"4-byte characters", "\"😀\": 😀 x\n", "{\"😀\"@1:1: 😀 x@1:6}@1:1"},
      {"nested", "a:\n  b: 1\n  c:\n    - x\n    - y\n",
       "{a@1:1: {b@2:3: 1@2:6, c@3:3: [x@4:7, y@5:7]@4:5}@2:3}@1:1"},
      {"indentless sequence", "a:\n- x\n- y\n", "{a@1:1: [x@2:3, y@3:3]@2:1}@1:1"},
      {"flow", "f: [x, {y: 1}]\n", "{f@1:1: [x@1:5, {y@1:9: 1@1:12}@1:8]@1:4}@1:1"},
      {"styles",
       "p: plain\ns: 'it''s'\nd: \"q\\\"x\"\nl: |\n  line1\n  line2\nf: >\n  one\n  two\n",
       "{p@1:1: plain@1:4, s@2:1: 'it's'@2:4, d@3:1: \"q\"x\"@3:4, "
       "l@4:1: |line1\\nline2\\n@4:4, f@7:1: >one two\\n@7:4}@1:1"},
      {"block scalar after multi-byte key", "ü: |-\n  x\n", "{ü@1:1: |x@1:4}@1:1"},
      {"anchored block map and its alias", "a: &x\n  b: 1\nc: *x\n",
       "{a@1:1: {b@2:3: 1@2:6}@2:3, c@3:1: {b@2:3: 1@2:6}@2:3}@1:1"},
      {"anchored scalar", "a: &n hello\nb: *n\n", "{a@1:1: hello@1:7, b@2:1: hello@1:7}@1:1"},
      {"tagged scalar", "a: !!str 12\n", "{a@1:1: 12@1:10}@1:1"},
      {"nulls", "a:\nb: ~\nc: null\nd:   # nothing\ne: [~, x]\n",
       "{a@1:1: ~@1:2, b@2:1: ~@2:4, c@3:1: ~@3:4, d@4:1: ~@4:2, e@5:1: [~@5:5, x@5:8]@5:4}@1:1"},
      {"empty sequence items", "- \n- a\n-\n", "[~@1:1, a@2:3, ~@3:1]@1:1"},
      {"flow map key without value", "{a, b: 1}", "{a@1:2: ~@1:3, b@1:5: 1@1:8}@1:1"},
      {"root scalar", "just text\n", "just text@1:1"},
      {"explicit start", "---\na: 1\n", "{a@2:1: 1@2:4}@2:1"},
      {"explicit end", "a: 1\n...\n", "{a@1:1: 1@1:4}@1:1"},
      {"CRLF", "a: 1\r\nb: |\r\n  x\r\n", "{a@1:1: 1@1:4, b@2:1: |x\\n@2:4}@1:1"},
      {"BOM skipped, positions unchanged", std::string("\xEF\xBB\xBF") + "a: é\n",
       "{a@1:1: é@1:4}@1:1"},
      {"tab inside a line", "a: b\tc\n", "{a@1:1: b\tc@1:4}@1:1"},
      {"tab after the indentation of a block scalar", "a: |\n  x\n  \ty\nb: 1\n",
       "{a@1:1: |x\\n\ty\\n@1:4, b@4:1: 1@4:4}@1:1"},
      {"blank line of spaces and a tab", "a: 1\n  \t\nb: 2\n", "{a@1:1: 1@1:4, b@3:1: 2@3:4}@1:1"},
  };
  for (const TreeCase& c : cases) {
    INFO(c.name);
    const Document d = parse(c.yaml);
    CHECK(problems(d) == "");
    CHECK(render(d.root) == c.tree);
  }
}

TEST_CASE("yaml tree: the BOM is not kept in the source", "[yaml]") {
  const Document d = parse(std::string("\xEF\xBB\xBF") + "a: 1\n");
  CHECK(d.source == "a: 1\n");
  CHECK(d.root->entries.at(0).second->byteOffset == 3);
}

// Found by fuzz_report: closing an empty collection stepped an iterator from a null
// begin() (undefined; the sanitizer build, tools/sanitize.sh, fails on it before the fix).
TEST_CASE("yaml tree: empty collections, first and nested, build without undefined steps", "[yaml]") {
  const Document flow = parse("{}");
  REQUIRE(flow.root);
  CHECK(flow.root->entries.empty());
  const Document nested = parse("a: []\nb: {}\n");
  REQUIRE(nested.root);
  CHECK(nested.root->entries.size() == 2);
  CHECK(nested.root->entries.at(0).second->items.empty());
  const Document junk = parse("{},\n  \"\"los{3lrc-e1\\");
  CHECK_FALSE(junk.problems.empty());
}

struct ProblemCase {
  const char* name;
  std::string yaml;
  std::string problems;
};

TEST_CASE("yaml tree: duplicate keys are reported at the second one", "[yaml]") {
  std::string big;
  for (int i = 0; i < 20; ++i) big += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  big += "k3: again\n";
  const ProblemCase cases[] = {
      {"top level", "title: a\nid: b\ntitle: c\n", "3:1: duplicate key 'title' (first at 1:1)"},
      {"nested", "scenes:\n  gate:\n    text: a\n    text: b\n  pond: {x: 1, x: 2}\n",
       "4:5: duplicate key 'text' (first at 3:5)\n5:16: duplicate key 'x' (first at 5:10)"},
      {"three times", "a: 1\na: 2\na: 3\n",
       "2:1: duplicate key 'a' (first at 1:1)\n3:1: duplicate key 'a' (first at 1:1)"},
      {"quoted and plain", "a: 1\n\"a\": 2\n", "2:1: duplicate key 'a' (first at 1:1)"},
      {"after multi-byte text", "é: 1\nb: {é: 2, é: 3}\n",
       "2:11: duplicate key 'é' (first at 2:5)"},
      {"big map", big, "21:1: duplicate key 'k3' (first at 4:1)"},
      {"inner problems come in source order", "a: {x: 1, x: 2}\nb: 1\na: 3\n",
       "1:11: duplicate key 'x' (first at 1:5)\n3:1: duplicate key 'a' (first at 1:1)"},
      {"same prefix is no duplicate", "ab: 1\na: 2\nabc: 3\n", ""},
  };
  for (const ProblemCase& c : cases) {
    INFO(c.name);
    const Document d = parse(c.yaml);
    CHECK(problems(d) == c.problems);
    REQUIRE(d.root != nullptr);  // a duplicate does not stop the reading
  }
}

TEST_CASE("yaml tree: find returns the first of duplicate keys, entries keep both", "[yaml]") {
  const Document d = parse("title: a\nid: b\ntitle: c\n");
  REQUIRE(d.root != nullptr);
  CHECK(d.root->entries.size() == 3);
  REQUIRE(d.root->find("title") != nullptr);
  CHECK(d.root->find("title")->text == "a");
  CHECK(d.root->find("nope") == nullptr);
  CHECK(d.problems.at(0).hint == "remove one of them or rename it");
}

namespace {

std::string nested(int levels, const std::string& inner) {
  return std::string(levels, '[') + inner + std::string(levels, ']');
}

std::string billionLaughs() {
  std::string yaml = "a: &a [";
  for (int i = 0; i < 10; ++i) yaml += i ? ", \"lol\"" : "\"lol\"";
  yaml += "]\n";
  for (char level = 'b'; level <= 'i'; ++level) {
    yaml += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 10; ++i) yaml += std::string(i ? ", " : "") + "*" + char(level - 1);
    yaml += "]\n";
  }
  return yaml;
}

std::string manyAliases(int count) {
  std::string yaml = "a: &s x\nl: [";
  for (int i = 0; i < count; ++i) yaml += i ? ",*s" : "*s";
  return yaml + "]\n";
}

}  // namespace

TEST_CASE("yaml tree: aliases", "[yaml]") {
  const ProblemCase cases[] = {
      {"shared defaults", "d: &d {type: int, initial: 0}\nx: *d\ny: *d\n", ""},
      {"self reference", "a: &x [*x]\n", "1:8: recursive alias '*x'"},
      {"self reference in a map", "a: &x {b: *x}\n", "1:11: recursive alias '*x'"},
      {"reference to an enclosing node", "a: &top\n  b:\n    - *top\n",
       "3:7: recursive alias '*top'"},
      {"unknown anchor", "a: *nope\n",
       "1:4: alias '*nope' refers to an anchor that is not defined"},
      {"billion laughs", billionLaughs(), "4:36: aliases expand to more than 10,000 nodes"},
      {"10,000 alias nodes are allowed", manyAliases(10000), ""},
      {"10,001 are not", manyAliases(10001),
       "2:" + std::to_string(5 + 3 * 10000) + ": aliases expand to more than 10,000 nodes"},
      {"depth through an alias within 100",
       "a: &d " + nested(60, "x") + "\nb: " + nested(39, "*d") + "\n", ""},
      {"depth through an alias beyond 100",
       "a: &d " + nested(60, "x") + "\nb: " + nested(40, "*d") + "\n",
       "2:44: nesting deeper than 100 levels (through this alias)"},
  };
  for (const ProblemCase& c : cases) {
    INFO(c.name);
    CHECK(problems(parse(c.yaml)) == c.problems);
  }
}

TEST_CASE("yaml tree: an alias shares the anchored node", "[yaml]") {
  const Document d = parse("d: &d {type: int}\nx: *d\n");
  REQUIRE(d.root != nullptr);
  CHECK(d.root->find("x") == d.root->find("d"));
  CHECK(d.arena.size() == 6);  // root, 2 keys, the anchored map and its entry
}

TEST_CASE("yaml tree: a recursive alias leaves a null, not a cycle", "[yaml]") {
  const Document d = parse("a: &x [*x, 1]\n");
  REQUIRE(d.root != nullptr);
  const Node* seq = d.root->find("a");
  REQUIRE(seq->items.size() == 2);
  CHECK(seq->items[0]->kind == Kind::Null);
  CHECK(at(seq->items[0]->pos) == "1:8");
  CHECK(d.problems.at(0).hint == "an alias cannot stand inside the node it refers to");
}

TEST_CASE("yaml tree: an alias bomb is cheap", "[yaml]") {
  const auto start = std::chrono::steady_clock::now();
  const Document d = parse(billionLaughs());
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(d.root == nullptr);
  CHECK(d.arena.size() < 100);
  CHECK(took < std::chrono::milliseconds(500));
}

namespace {

std::string repeat(const std::string& s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

std::string nestedMaps(int levels) {
  std::string yaml;
  for (int i = 0; i < levels; ++i) {
    yaml +=
        std::string(2 * i, ' ') + "k" + std::to_string(i) + ":" + (i + 1 == levels ? " x\n" : "\n");
  }
  return yaml;
}

}  // namespace

TEST_CASE("yaml tree: nesting depth", "[yaml]") {
  const ProblemCase cases[] = {
      {"100 flow levels", nested(100, "x"), ""},
      {"101 flow levels", nested(101, "x"), "1:101: nesting deeper than 100 levels"},
      {"100 block levels", nestedMaps(100), ""},
      {"101 block levels", nestedMaps(101), "101:201: nesting deeper than 100 levels"},
      // yaml-cpp reads unclosed brackets as keys of implicit maps: each '[' opens a
      // map and a sequence, and the first '{' sits in a block map.
      {"100,000 '['", std::string(100000, '['), "1:51: nesting deeper than 100 levels"},
      {"100,000 '{'", std::string(100000, '{'), "1:100: nesting deeper than 100 levels"},
      {"100,000 '[' closed", nested(100000, "x"), "1:101: nesting deeper than 100 levels"},
      {"50,000 '- '", repeat("- ", 50000) + "x\n", "1:201: nesting deeper than 100 levels"},
  };
  for (const ProblemCase& c : cases) {
    INFO(c.name);
    const Document d = parse(c.yaml);
    CHECK(problems(d) == c.problems);
    CHECK((d.root == nullptr) == !c.problems.empty());
  }
}

TEST_CASE("yaml tree: one document per file", "[yaml]") {
  const ProblemCase cases[] = {
      {"second document", "a: 1\n---\nb: 2\n",
       "2:1: a file holds one document; found a second one"},
      {"started twice", "---\na: 1\n---\n", "3:1: a file holds one document; found a second one"},
      {"after an end marker", "a: 1\n...\n# c\nb: 2\n",
       "4:1: a file holds one document; found a second one"},
      {"content yaml-cpp cannot fit", "- a\nb: 1\n",
       "2:1: unexpected content after the end of the document"},
      {"empty file", "", "1:1: the file is empty"},
      {"only comments", "# just a comment\n\n   # another\n", "1:1: the file is empty"},
      {"only a BOM", "\xEF\xBB\xBF", "1:1: the file is empty"},
  };
  for (const ProblemCase& c : cases) {
    INFO(c.name);
    CHECK(problems(parse(c.yaml)) == c.problems);
  }
}

TEST_CASE("yaml tree: the first document is kept when a second follows", "[yaml]") {
  const Document d = parse("a: 1\n---\nb: [\n");
  CHECK(render(d.root) == "{a@1:1: 1@1:4}@1:1");
  CHECK(d.problems.at(0).hint ==
        "remove the '---' line, or move what follows into a file of its own");
}

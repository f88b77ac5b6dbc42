// Text templates: interpolation, nested {if}, literal braces, errors at byte offsets
// into the whole text, the paragraph rule and code point counting.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "core/text.h"

using namespace lc;

namespace {

enum Slot { kTrust, kX, kY, kHasTape, kFlag, kKeepsake, kEnding, kSlots };

class TextScope : public NameScope {
 public:
  TextScope() {
    vars_["trust_ruth"] = {kTrust, Type::Int, -5, 5};
    vars_["x"] = {kX, Type::Int, {}, {}};
    vars_["y"] = {kY, Type::Int, {}, {}};
    vars_["has_tape"] = {kHasTape, Type::Bool, {}, {}};
    vars_["flag"] = {kFlag, Type::Bool, {}, {}};
    vars_["keepsake"] = {kKeepsake, Type::String, {}, {}};
    vars_["ending"] = {kEnding, Type::String, {}, {}};
  }
  const VarInfo* findVariable(std::string_view name) const override {
    auto it = vars_.find(std::string(name));
    return it == vars_.end() ? nullptr : &it->second;
  }
  int findScene(std::string_view ref) const override { return ref == "gate" ? 0 : -1; }
  std::vector<std::string> variableNames() const override {
    std::vector<std::string> out;
    for (const auto& [name, info] : vars_) out.push_back(name);
    return out;
  }

 private:
  std::map<std::string, VarInfo> vars_;
};

struct World {
  std::vector<Value> vars{kSlots};
  std::vector<uint32_t> visits{2};
  World() {
    vars[kTrust] = Value::ofInt(3);
    vars[kX] = Value::ofInt(7);
    vars[kY] = Value::ofInt(0);
    vars[kHasTape] = Value::ofBool(true);
    vars[kFlag] = Value::ofBool(false);
    vars[kKeepsake] = Value::ofString("tape");
    vars[kEnding] = Value::ofString("happy");
  }
  EvalEnv env() const { return EvalEnv{vars.data(), visits.data()}; }
};

TextTemplate compiled(const std::string& source) {
  static const TextScope scope;
  std::vector<ExprError> errors;
  std::optional<TextTemplate> t = compileText(source, scope, errors);
  INFO(source << (errors.empty() ? "" : " -> " + errors[0].message));
  REQUIRE(t);
  REQUIRE(errors.empty());
  return std::move(*t);
}

std::vector<ExprError> errorsOf(const std::string& source) {
  static const TextScope scope;
  std::vector<ExprError> errors;
  bool ok = compileText(source, scope, errors).has_value();
  CHECK(ok == errors.empty());
  return errors;
}

std::string rendered(const std::string& source) {
  std::string out;
  compiled(source).render(World().env(), out);
  return out;
}

using Paragraphs = std::vector<std::string>;

}  // namespace

TEST_CASE("text interpolates values and chooses branches", "[text]") {
  struct Case {
    const char* source;
    const char* expected;
  };
  const Case cases[] = {
      {"Hello", "Hello"},
      {"", ""},
      {"Trust: {trust_ruth}.", "Trust: 3."},
      {"{has_tape}/{flag}", "true/false"},
      {"{keepsake}", "tape"},
      {"{ x * 2 }", "14"},
      {"{-x}", "-7"},
      {"{keepsake + \"!\"}", "tape!"},
      {"{visits(gate)}", "2"},
      {"{ending}", "happy"},
      {"{if has_tape}yes{else}no{end}", "yes"},
      {"{if flag}yes{else}no{end}", "no"},
      {"{if flag}yes{end}!", "!"},
      {"{if has_tape}yes{end}!", "yes!"},
      {"{ if has_tape }A{ else }B{ end }", "A"},
      {"{\tif flag\t}A{\telse\t}B{\tend\t}", "B"},
      {"{if(has_tape)}A{end}", "A"},
      {"{if\nhas_tape\n}A{end}", "A"},
      {"{if has_tape}A{if flag}B{else}C{end}D{else}E{end}F", "ACDF"},
      {"{if flag}A{else}{if has_tape}B{end}{end}", "B"},
      {"{if flag}A{else}{if flag}B{else}C{end}{end}", "C"},
      {"{if has_tape}{if x > 5}big{end}{end}", "big"},
      {"a{if flag}b{end}c{if has_tape}d{end}e", "acde"},
      {"{{literal}}", "{literal}"},
      {"a {{ b }} c", "a { b } c"},
      {"{{{x}}}", "{7}"},
      {"{{}}", "{}"},
      {"{\"}\"}", "}"},
      {"{keepsake == \"}\"}", "false"},
      {"{\"\\\"}\\\\\"}", "\"}\\"},
      {"{if keepsake == \"{x}\"}A{else}B{end}", "B"},
      {"caf\xC3\xA9 {keepsake}", "caf\xC3\xA9 tape"},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    CHECK(rendered(c.source) == c.expected);
  }
}

TEST_CASE("text errors point at the tag, or into the expression inside it", "[text]") {
  struct Case {
    const char* source;
    size_t offset;
    const char* message;
    const char* hint;
  };
  const Case cases[] = {
      {"a } b", 2, "lone '}' in text", "write '}}' for a literal '}'"},
      {"{x}}", 3, "lone '}' in text", "write '}}' for a literal '}'"},
      {"a { b", 2, "unclosed '{' in text", "close the tag with '}', or write '{{' for a literal '{'"},
      {"{keepsake == \"a}", 0, "unclosed '{' in text",
       "a '\"' in this tag starts a string that is never closed"},
      {"ab{if x > 1}c", 2, "'{if}' is never closed", "close it with '{end}'"},
      {"a{end}", 1, "'{end}' without '{if}'", "remove it, or write '{{end}}' for the word"},
      {"a{ else }", 1, "'{else}' without '{if}'", "start the block with '{if condition}'"},
      {"{if flag}a{else}b{else}c{end}", 17, "second '{else}' in one '{if}'",
       "an '{if}' takes at most one '{else}'"},
      {"x{}", 1, "empty tag '{}' in text",
       "put an expression inside, or write '{{' and '}}' for literal braces"},
      {"{  }", 0, "empty tag '{}' in text",
       "put an expression inside, or write '{{' and '}}' for literal braces"},
      {"{ if }x{end}", 0, "'{if}' needs a condition", "write e.g. '{if has_tape}'"},
      {"{if flag}a{else if has_tape}b{end}", 10, "'{else}' takes no condition",
       "write '{elif condition}' for 'else if'"},
      {"{if flag}a{end x}", 10, "'{end}' takes nothing else", ""},
      // expression errors: byte offsets into the whole text
      {"Trust is {trust_rut}.", 10, "undeclared variable 'trust_rut'", "did you mean 'trust_ruth'?"},
      {"ab {if x}c{end}", 7, "condition must be bool, got int", "compare it, e.g. 'x >= 1'"},
      {"xx {1 < 2 < 3}", 10, "'<' needs two ints, got bool and int",
       "comparisons do not chain: write 'a < b and b < c'"},
      {"{ if  1 < \"a\" }{end}", 8, "cannot compare int with string using '<'", "a string is never a number: write the number without quotes, or compare the string with text in quotes"},
      {"\xC3\xA9 {zz}", 4, "undeclared variable 'zz'", "declare it under 'variables:' in story.yaml"},
      {"line\n{x / 0}", 8, "division by literal zero", "dividing by 0 always fails when the story runs"},
      {"{visits(pond)}", 8, "unknown scene 'pond' in visits()",
       "a scene of this chapter is 'scene', of another 'chapter.scene'"},
      {"{x +}", 4, "expected a value, got the end of the expression", ""},
      {"{if}{end}", 0, "'{if}' needs a condition", "write e.g. '{if has_tape}'"},
      {"{else}", 0, "'{else}' without '{if}'", "start the block with '{if condition}'"},
      {"{x {y}", 3, "unexpected character '{'", ""},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    std::vector<ExprError> errors = errorsOf(c.source);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == c.message);
    CHECK(errors[0].hint == c.hint);
    CHECK(errors[0].offset == c.offset);
  }
}

TEST_CASE("{elif} chains conditions; the first that holds wins", "[text]") {
  struct Case {
    const char* source;
    const char* expected;
  };
  const Case cases[] = {
      {"{if flag}A{elif has_tape}B{else}C{end}", "B"},
      {"{if has_tape}A{elif has_tape}B{else}C{end}", "A"},
      {"{if flag}A{elif x > 9}B{else}C{end}", "C"},
      {"{if flag}A{elif x > 9}B{end}!", "!"},
      {"{if flag}A{elif x > 9}B{elif x == 7}C{elif has_tape}D{end}", "C"},
      {"{ if flag }A{ elif  has_tape }B{ end }", "B"},
      {"{if flag}A{elif has_tape}{if x > 5}big{elif x > 1}small{end}{end}", "big"},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    CHECK(rendered(c.source) == c.expected);
  }
}

namespace {
std::string renderedOnVisit(const std::string& source, uint32_t visit, uint32_t seed = 1) {
  World w;
  EvalEnv env = w.env();
  env.visit = visit;
  env.seed = seed;
  std::string out;
  compiled(source).render(env, out);
  return out;
}
}  // namespace

TEST_CASE("text alternatives pick by the visit count of the scene shown", "[text]") {
  struct Case {
    const char* source;
    const char* byVisit[5];  // visits 1 to 5
  };
  const Case cases[] = {
      {"{a|b|c}", {"a", "b", "c", "c", "c"}},                     // sequence: stops at the last
      {"{&a|b|c}", {"a", "b", "c", "a", "b"}},                    // cycle
      {"{!a|b}", {"a", "b", "", "", ""}},                         // once each, then nothing
      {"{!|Again.}", {"", "Again.", "", "", ""}},                 // an empty alternative
      {"Day {& one | two }.", {"Day  one .", "Day  two .", "Day  one .", "Day  two .", "Day  one ."}},
      {"{a|{x}|{if flag}F{else}G{end}}", {"a", "7", "G", "G", "G"}},
      {"{&a|{!x|y}}", {"a", "y", "a", "", "a"}},                  // nested: both go by the visit
      {"{if has_tape}{&on|off}{else}never{end}", {"on", "off", "on", "off", "on"}},
      {"{\"a|b\"}", {"a|b", "a|b", "a|b", "a|b", "a|b"}},           // v1: a '|' inside a string
      {"{\"Go,\" she said|Stay.}", {"\"Go,\" she said", "Stay.", "Stay.", "Stay.", "Stay."}},
      {"a|b {x}", {"a|b 7", "a|b 7", "a|b 7", "a|b 7", "a|b 7"}},  // '|' outside braces is text
      {"{{a|b}}", {"{a|b}", "{a|b}", "{a|b}", "{a|b}", "{a|b}"}},
      {"{~only}", {"only", "only", "only", "only", "only"}},
      {"{&{{|}", {"{", "", "{", "", "{"}},  // '{{' is a literal brace; inside, '}' always closes
  };
  for (const Case& c : cases)
    for (uint32_t visit = 1; visit <= 5; ++visit) {
      INFO(c.source << " on visit " << visit);
      CHECK(renderedOnVisit(c.source, visit) == c.byVisit[visit - 1]);
    }
}

TEST_CASE("shuffled alternatives show each once per round, the same for the same seed", "[text]") {
  const std::string source = "{~a|b|c|d}";
  for (uint32_t seed : {1u, 2u, 99u}) {
    for (uint32_t round = 0; round < 3; ++round) {
      std::string seen;
      for (uint32_t v = 1; v <= 4; ++v) seen += renderedOnVisit(source, round * 4 + v, seed);
      std::string sorted = seen;
      std::sort(sorted.begin(), sorted.end());
      INFO("seed " << seed << " round " << round << ": " << seen);
      CHECK(sorted == "abcd");
      CHECK(renderedOnVisit(source, round * 4 + 1, seed) == seen.substr(0, 1));  // reproducible
    }
  }
  std::string one, two;
  for (uint32_t v = 1; v <= 12; ++v) {
    one += renderedOnVisit(source, v, 1);
    two += renderedOnVisit(source, v, 2);
  }
  CHECK(one != two);  // the seed matters
}

TEST_CASE("errors in alternatives and {elif} name the tag and what to do", "[text]") {
  struct Case {
    const char* source;
    size_t offset;
    const char* message;
    const char* hint;
  };
  const Case cases[] = {
      {"ab{&x|y", 2, "alternatives are never closed", "end the last alternative with '}'"},
      {"{a|{if flag}b|c}", 3, "'{if}' is never closed", "close it with '{end}' before the next '|'"},
      {"{&a{if flag}b}", 3, "'{if}' is never closed", "close it with '{end}' before the '}' that ends the alternatives"},
      {"{if flag}{a|b{end}}{end}", 13, "'{end}' without '{if}' in this alternative",
       "an '{if}' block starts and ends inside one alternative"},
      {"{a|{zz}}", 4, "undeclared variable 'zz'", "declare it under 'variables:' in story.yaml"},
      {"{elif flag}", 0, "'{elif}' without '{if}'", "start the block with '{if condition}'"},
      {"{if flag}a{else}b{elif x > 1}c{end}", 17, "'{elif}' after '{else}'", "put every '{elif}' before the '{else}'"},
      {"{if flag}a{elif}b{end}", 10, "'{elif}' needs a condition", "write e.g. '{elif has_tape}'"},
      {"{if flag}a{elif x}b{end}", 16, "condition must be bool, got int", "compare it, e.g. 'x >= 1'"},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    std::vector<ExprError> errors = errorsOf(c.source);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == c.message);
    CHECK(errors[0].hint == c.hint);
    CHECK(errors[0].offset == c.offset);
  }
}

TEST_CASE("text errors are all collected", "[text]") {
  std::vector<ExprError> errors = errorsOf("a } {zz} {end} {if x}{if flag}");
  REQUIRE(errors.size() == 6);
  CHECK(errors[0].offset == 2);
  CHECK(errors[0].message == "lone '}' in text");
  CHECK(errors[1].offset == 5);
  CHECK(errors[1].message == "undeclared variable 'zz'");
  CHECK(errors[2].offset == 9);
  CHECK(errors[2].message == "'{end}' without '{if}'");
  CHECK(errors[3].offset == 19);
  CHECK(errors[3].message == "condition must be bool, got int");
  CHECK(errors[4].offset == 15);
  CHECK(errors[4].message == "'{if}' is never closed");
  CHECK(errors[4].hint == "close it with '{end}'");
  CHECK(errors[5].offset == 21);
  CHECK(errors[5].message == "'{if}' is never closed");
}

TEST_CASE("run-time errors in text point into the whole text", "[text]") {
  struct Case {
    const char* source;
    size_t offset;
  };
  const Case cases[] = {{"ab {x / y}", 6}, {"{if x / y > 0}.{end}", 6}, {"{if flag}{else}..{x % y}{end}", 20}};
  for (const Case& c : cases) {
    INFO(c.source);
    TextTemplate t = compiled(c.source);
    std::string out;
    try {
      t.render(World().env(), out);
      FAIL("no EvalError");
    } catch (const EvalError& e) {
      CHECK(e.offset == c.offset);
      CHECK(std::string(e.what()).rfind("division by zero", 0) == 0);
    }
  }
}

TEST_CASE("static text precomputes its paragraphs", "[text]") {
  TextTemplate t = compiled("First  line\nfolds.\n\n  Second {{paragraph}}.  \n");
  CHECK(t.isStatic());
  CHECK_FALSE(t.empty());
  const Paragraphs expected{"First  line folds.", "Second {paragraph}."};
  CHECK(t.staticParagraphs() == expected);
  CHECK(t.paragraphs(World().env()) == expected);
  std::string scratch;
  CHECK(t.textLength(World().env(), scratch) == 19 + 20);
  CHECK(t.expressions().empty());
  CHECK(t.source() == "First  line\nfolds.\n\n  Second {{paragraph}}.  \n");
  std::string out = "[";
  t.render(World().env(), out);
  CHECK(out == "[First  line\nfolds.\n\n  Second {paragraph}.  \n");

  TextTemplate dynamic = compiled("A {x}.\n\n{if has_tape}B{end}\n\n{if flag}C{end}");
  CHECK_FALSE(dynamic.isStatic());
  CHECK(dynamic.staticParagraphs().empty());
  CHECK(dynamic.paragraphs(World().env()) == Paragraphs{"A 7.", "B"});
  CHECK(dynamic.textLength(World().env(), scratch) == 5 + 2);
  REQUIRE(dynamic.expressions().size() == 3);
  CHECK(dynamic.expressions()[0]->source() == "x");
  CHECK(dynamic.expressions()[1]->source() == "has_tape");

  TextTemplate none = compiled("");
  CHECK(none.empty());
  CHECK(none.isStatic());
  CHECK(none.paragraphs(World().env()).empty());
  TextTemplate blank;
  CHECK(blank.empty());
  CHECK(blank.isStatic());
  out.clear();
  blank.render(World().env(), out);
  CHECK(out.empty());
  CHECK(blank.textLength(World().env(), scratch) == 0);
}

TEST_CASE("text templates copy and move", "[text]") {
  TextTemplate t = compiled("{if has_tape}{keepsake}{end}");
  TextTemplate copy = t;
  TextTemplate moved = std::move(t);
  std::string a, b;
  copy.render(World().env(), a);
  moved.render(World().env(), b);
  CHECK(a == "tape");
  CHECK(b == "tape");
  copy = compiled("static");
  CHECK(copy.staticParagraphs() == Paragraphs{"static"});
}

TEST_CASE("splitParagraphs follows the contract's paragraph rule", "[text]") {
  struct Case {
    const char* text;
    Paragraphs expected;
  };
  const Case cases[] = {
      {"", {}},
      {"one", {"one"}},
      {"a\nb", {"a b"}},
      {"a\nb\nc", {"a b c"}},
      {"a\n\nb", {"a", "b"}},
      {"a\n  \t \nb", {"a", "b"}},
      {"a\n\n\n\nb\n", {"a", "b"}},
      {"  a  \n  b  ", {"a     b"}},
      {"\n\n  lead\n", {"lead"}},
      {"a\n \nb\n\t\nc", {"a", "b", "c"}},
      {"   \n\t\n", {}},
      {" \t ", {}},
      {"a\t\n\nb", {"a", "b"}},
      {"tab\tinside", {"tab\tinside"}},
      {"\xC3\xA9\n\n\xC3\xBC", {"\xC3\xA9", "\xC3\xBC"}},
      {"no\nblank\n line", {"no blank  line"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(splitParagraphs(c.text) == c.expected);
    size_t length = 0;
    for (const std::string& p : c.expected) length += codePointCount(p) + 1;
    CHECK(paragraphsLength(c.text) == length);
  }
}

TEST_CASE("codePointCount counts UTF-8 code points, invalid bytes one each", "[text]") {
  struct Case {
    const char* text;
    size_t count;
  };
  const Case cases[] = {
      {"", 0},
      {"abc", 3},
      {"\xC3\xA9", 1},                  // é
      {"\xE6\x97\xA5\xE6\x9C\xAC", 2},  // 日本
      {"\xF0\x9F\x98\x80", 1},          // 😀
      {"a\xFF", 2},
      {"\x80", 1},                      // stray continuation byte
      {"\xC3", 1},                      // truncated
      {"\xC3\x28", 2},                  // bad continuation
      {"\xE2\x82", 2},                  // truncated 3-byte sequence
      {"\xC0\xAF", 2},                  // overlong
      {"\xE0\x80\x80", 3},              // overlong
      {"\xED\xA0\x80", 3},              // surrogate
      {"\xF4\x90\x80\x80", 4},          // above U+10FFFF
      {"\xF5\x80\x80\x80", 4},          // invalid lead
      {"\xEF\xBB\xBF", 1},              // BOM is a code point
      {"x\xE2\x80\x94y", 3},            // em dash
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(codePointCount(c.text) == c.count);
  }
}

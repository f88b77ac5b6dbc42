// Expressions: evaluation, precedence, types, errors with exact messages and offsets,
// run-time semantics, effects and clamping, range analysis.
#include <catch2/catch.hpp>

#include <climits>
#include <map>

#include "core/expr.h"

using namespace lc;

namespace {

enum Slot { kTrustRuth, kTrust, kX, kY, kHasTape, kFlag, kKeepsake, kName, kLo, kHi, kSlots };

class TestScope : public NameScope {
 public:
  TestScope() {
    vars_["trust_ruth"] = {kTrustRuth, Type::Int, -5, 5};
    vars_["trust"] = {kTrust, Type::Int, 0, 5};
    vars_["x"] = {kX, Type::Int, {}, {}};
    vars_["y"] = {kY, Type::Int, {}, {}};
    vars_["has_tape"] = {kHasTape, Type::Bool, {}, {}};
    vars_["flag"] = {kFlag, Type::Bool, {}, {}};
    vars_["keepsake"] = {kKeepsake, Type::String, {}, {}};
    vars_["name"] = {kName, Type::String, {}, {}};
    vars_["lo"] = {kLo, Type::Int, 0, {}};
    vars_["hi"] = {kHi, Type::Int, {}, 10};
    scenes_ = {{"gate", 0}, {"pond", 1}, {"hailsham.gate", 0}, {"hailsham.pond", 1},
               {"cottages.barn", 2}, {"old-house", 3}};
  }
  const VarInfo* findVariable(std::string_view name) const override {
    auto it = vars_.find(std::string(name));
    return it == vars_.end() ? nullptr : &it->second;
  }
  int findScene(std::string_view ref) const override {
    auto it = scenes_.find(std::string(ref));
    return it == scenes_.end() ? -1 : it->second;
  }
  std::vector<std::string> variableNames() const override {
    std::vector<std::string> out;
    for (const auto& [name, info] : vars_) out.push_back(name);
    return out;
  }
  std::vector<std::string> sceneNames() const override {
    std::vector<std::string> out;
    for (const auto& [name, index] : scenes_) out.push_back(name);
    return out;
  }
  const VarInfo& info(const char* name) const { return vars_.at(name); }

 private:
  std::map<std::string, VarInfo> vars_;
  std::map<std::string, int> scenes_;
};

const TestScope& scope() {
  static const TestScope s;
  return s;
}

struct World {
  std::vector<Value> vars{kSlots};
  std::vector<uint32_t> visits{2, 0, 1, 0};
  World() {
    vars[kTrustRuth] = Value::ofInt(3);
    vars[kTrust] = Value::ofInt(2);
    vars[kX] = Value::ofInt(7);
    vars[kY] = Value::ofInt(-2);
    vars[kHasTape] = Value::ofBool(true);
    vars[kFlag] = Value::ofBool(false);
    vars[kKeepsake] = Value::ofString("tape");
    vars[kName] = Value::ofString("Ruth");
    vars[kLo] = Value::ofInt(0);
    vars[kHi] = Value::ofInt(0);
  }
  EvalEnv env() const { return EvalEnv{vars.data(), visits.data()}; }
};

enum class Mode { Expression, Condition, Effect };

std::vector<ExprError> errorsOf(const std::string& source, Mode mode) {
  std::vector<ExprError> errors;
  bool ok = false;
  if (mode == Mode::Expression) ok = compileExpression(source, scope(), errors).has_value();
  if (mode == Mode::Condition) ok = compileCondition(source, scope(), errors).has_value();
  if (mode == Mode::Effect) ok = compileEffect(source, scope(), errors).has_value();
  CHECK(ok == errors.empty());
  return errors;
}

Expr compiled(const std::string& source) {
  std::vector<ExprError> errors;
  std::optional<Expr> e = compileExpression(source, scope(), errors);
  INFO(source << (errors.empty() ? "" : " -> " + errors[0].message));
  REQUIRE(e);
  REQUIRE(errors.empty());
  return std::move(*e);
}

Value eval(const std::string& source, const World& world = World()) {
  return compiled(source).evaluate(world.env());
}

Effect effect(const std::string& source) {
  std::vector<ExprError> errors;
  std::optional<Effect> e = compileEffect(source, scope(), errors);
  INFO(source << (errors.empty() ? "" : " -> " + errors[0].message));
  REQUIRE(e);
  REQUIRE(errors.empty());
  return std::move(*e);
}

}  // namespace

TEST_CASE("expressions evaluate with the contract's precedence", "[expr]") {
  struct Case {
    const char* source;
    Value expected;
  };
  const Case cases[] = {
      {"1 + 2 * 3", Value::ofInt(7)},
      {"(1 + 2) * 3", Value::ofInt(9)},
      {"10 - 4 - 3", Value::ofInt(3)},
      {"100 / 10 / 5", Value::ofInt(2)},
      {"2 * 3 % 4", Value::ofInt(2)},
      {"-7 / 2", Value::ofInt(-3)},
      {"-7 % 2", Value::ofInt(-1)},
      {"7 % -2", Value::ofInt(1)},
      {"7 / -2", Value::ofInt(-3)},
      {"-x", Value::ofInt(-7)},
      {"- -x", Value::ofInt(7)},
      {"--x", Value::ofInt(7)},
      {"-x * 2", Value::ofInt(-14)},
      {"-2147483648", Value::ofInt(INT32_MIN)},
      {"2147483647", Value::ofInt(INT32_MAX)},
      {"007", Value::ofInt(7)},
      {"x * y + 1", Value::ofInt(-13)},
      {"x - y * 3", Value::ofInt(13)},
      {"1 + 2 == 3", Value::ofBool(true)},
      {"1 < 2 == true", Value::ofBool(true)},
      {"not true == false", Value::ofBool(true)},
      {"not has_tape or flag", Value::ofBool(false)},
      {"not not has_tape", Value::ofBool(true)},
      {"true or false and false", Value::ofBool(true)},
      {"(true or false) and false", Value::ofBool(false)},
      {"x >= 7 and x <= 7", Value::ofBool(true)},
      {"x > 7", Value::ofBool(false)},
      {"x < 8", Value::ofBool(true)},
      {"x == 7", Value::ofBool(true)},
      {"x != 7", Value::ofBool(false)},
      {"y < x == x > y", Value::ofBool(true)},
      {"has_tape == true", Value::ofBool(true)},
      {"has_tape != flag", Value::ofBool(true)},
      {"\"a\" + \"b\" == \"ab\"", Value::ofBool(true)},
      {"keepsake", Value::ofString("tape")},
      {"name + \" \" + keepsake", Value::ofString("Ruth tape")},
      {"keepsake != \"\"", Value::ofBool(true)},
      {"keepsake == \"tape\"", Value::ofBool(true)},
      {"\"say \\\"hi\\\"\"", Value::ofString("say \"hi\"")},
      {"\"back\\\\slash\"", Value::ofString("back\\slash")},
      {"\"caf\xC3\xA9 {}\"", Value::ofString("caf\xC3\xA9 {}")},
      {"\"\"", Value::ofString("")},
      {"visits(gate)", Value::ofInt(2)},
      {"visits(pond)", Value::ofInt(0)},
      {"visits( gate )", Value::ofInt(2)},
      {"visits(hailsham.gate)", Value::ofInt(2)},
      {"visits(cottages.barn)", Value::ofInt(1)},
      {"seen(gate)", Value::ofBool(true)},
      {"seen(pond)", Value::ofBool(false)},
      {"seen(old-house)", Value::ofBool(false)},
      {"visits(gate) * 10 + visits(cottages.barn)", Value::ofInt(21)},
      {"not seen(pond) and visits(gate) >= 2", Value::ofBool(true)},
      {"has_tape", Value::ofBool(true)},
      {"false", Value::ofBool(false)},
      {"\n\tx\n", Value::ofInt(7)},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    Expr e = compiled(c.source);
    CHECK(e.type() == c.expected.type);
    CHECK(e.evaluate(World().env()) == c.expected);
    if (c.expected.type == Type::Bool) CHECK(e.test(World().env()) == c.expected.asBool());
    std::string shown = ">";
    e.appendTo(World().env(), shown);
    CHECK(shown == ">" + c.expected.display());
  }
}

TEST_CASE("compile errors carry exact messages, hints and byte offsets", "[expr]") {
  struct Case {
    Mode mode;
    const char* source;
    size_t offset;
    const char* message;
    const char* hint;
  };
  const Mode E = Mode::Expression, C = Mode::Condition;
  const Case cases[] = {
      // types: operator errors point at the operator
      {C, "1 < 2 < 3", 6, "'<' needs two ints, got bool and int",
       "comparisons do not chain: write 'a < b and b < c'"},
      {C, "x < \"a\"", 2, "cannot compare int with string using '<'", "a string is never a number: write the number without quotes, or compare the string with text in quotes"},
      {C, "keepsake >= 1", 9, "cannot compare string with int using '>='", "a string is never a number: write the number without quotes, or compare the string with text in quotes"},
      {C, "\"a\" < \"b\"", 4, "'<' needs two ints, got string and string",
       "strings can only be compared with '==' and '!='"},
      {C, "flag > 1", 5, "'>' needs two ints, got bool and int", "'>' works on ints only"},
      {C, "keepsake == 1", 9, "cannot compare string with int using '=='", "a string is never a number: write the number without quotes, or compare the string with text in quotes"},
      {C, "has_tape != 0", 9, "cannot compare bool with int using '!='", "compare a bool only with true, false or another condition"},
      {E, "has_tape + 1", 9, "'+' needs two ints or two strings, got bool and int", "true and false cannot be added; use 'and' or 'or'"},
      {E, "1 + \"a\"", 2, "cannot add int and string with '+'",
       "'+' adds two ints or joins two strings"},
      {E, "\"a\" - \"b\"", 4, "'-' needs two ints, got string and string", "'-' works on ints only"},
      {E, "x * true", 2, "'*' needs two ints, got int and bool", "'*' works on ints only"},
      {E, "x / flag", 2, "'/' needs two ints, got int and bool", "'/' works on ints only"},
      {E, "x % \"s\"", 2, "'%' needs two ints, got int and string", "'%' works on ints only"},
      {E, "-has_tape", 0, "unary '-' needs an int, got bool", ""},
      {E, "not x", 0, "'not' needs a bool, got int", ""},
      {E, "x and flag", 2, "'and' needs two bools, got int and bool", "each side must be true or false: compare a number or text first, e.g. 'count > 0'"},
      {E, "flag or 1", 5, "'or' needs two bools, got bool and int", "each side must be true or false: compare a number or text first, e.g. 'count > 0'"},
      {C, "x", 0, "condition must be bool, got int", "compare it, e.g. 'x >= 1'"},
      {C, "  (x + 1)", 2, "condition must be bool, got int", "compare it, e.g. '(x + 1) >= 1'"},
      {C, "keepsake", 0, "condition must be bool, got string",
       "compare it, e.g. 'keepsake == \"some text\"'"},
      // names and scenes
      {E, "trust_rut > 1", 0, "undeclared variable 'trust_rut'", "did you mean 'trust_ruth'?"},
      {E, "1 + zzz", 4, "undeclared variable 'zzz'", "declare it under 'variables:' in story.yaml"},
      {E, "pond", 0, "undeclared variable 'pond'", "'pond' is a scene: write seen(pond) or visits(pond)"},
      {E, "visits(pnd)", 7, "unknown scene 'pnd' in visits()", "did you mean 'pond'?"},
      {E, "seen( lake )", 6, "unknown scene 'lake' in seen()",
       "a scene of this chapter is 'scene', of another 'chapter.scene'"},
      {E, "visits gate", 7, "expected '(' after 'visits'", "write visits(scene) or visits(chapter.scene)"},
      {E, "seen", 4, "expected '(' after 'seen'", "write seen(scene) or seen(chapter.scene)"},
      {E, "visits()", 7, "expected a scene name in visits()", "write visits(scene) or visits(chapter.scene)"},
      {E, "visits(\"gate\")", 7, "expected a scene name in visits()",
       "write the scene id without quotes: visits(scene)"},
      {E, "visits(gate", 11, "expected ')' after the scene name, got the end of the expression",
       "write visits(scene) or visits(chapter.scene)"},
      {E, "visits(gate pond)", 12, "expected ')' after the scene name, got 'pond'",
       "write visits(scene) or visits(chapter.scene)"},
      // literals
      {E, "x / 0", 2, "division by literal zero", "dividing by 0 always fails when the story runs"},
      {E, "x % (2 - 2)", 2, "division by literal zero", "dividing by 0 always fails when the story runs"},
      {E, "2147483648", 0, "integer 2147483648 does not fit in 32 bits",
       "ints range from -2147483648 to 2147483647"},
      {E, "-2147483649", 1, "integer 2147483649 does not fit in 32 bits",
       "ints range from -2147483648 to 2147483647"},
      {E, "x + 99999999999999999999", 4, "integer 99999999999999999999 does not fit in 32 bits",
       "ints range from -2147483648 to 2147483647"},
      {E, "12abc", 0, "invalid number '12abc'",
       "numbers are decimal digits only, and names cannot start with a digit"},
      {E, "x + \"abc", 4, "unterminated string", "close the string with '\"'"},
      {E, "\"a\\nb\"", 2, "unknown escape '\\n' in a string",
       "only \\\" and \\\\ are escapes; write other characters as they are"},
      {E, "\"a\\'\"", 2, "unknown escape '\\'' in a string",
       "only \\\" and \\\\ are escapes; write other characters as they are"},
      // stray characters
      {C, "has_tape && flag", 9, "unexpected '&&'", "write 'and'"},
      {C, "has_tape || flag", 9, "unexpected '||'", "write 'or'"},
      {C, "!flag", 0, "unexpected '!'", "write 'not'"},
      {E, "'a'", 0, "unexpected '''", "strings use double quotes: \"text\""},
      {E, "x @ 1", 2, "unexpected character '@'", ""},
      {E, "x \xC3\xA9", 2, "unexpected character '\xC3\xA9'", ""},
      // syntax
      {E, "", 0, "expected a value, got the end of the expression", ""},
      {E, "1 +", 3, "expected a value, got the end of the expression", ""},
      {E, "x == and", 5, "expected a value, got 'and'", ""},
      {C, "flag == not has_tape", 8, "expected a value, got 'not'", "put 'not ...' in parentheses"},
      {E, "* 2", 0, "expected a value, got '*'", ""},
      {E, "(1 + 2", 6, "expected ')', got the end of the expression", "every '(' needs a matching ')'"},
      {E, "1 + 2)", 5, "unexpected ')' after the expression", "there is no '(' for this ')' to close"},
      {C, "x = 1", 2, "unexpected '=' after the expression", "to compare, write '=='"},
      {E, "x y", 2, "unexpected 'y' after the expression", ""},
      {E, "x += 1", 2, "unexpected '+=' after the expression", ""},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    std::vector<ExprError> errors = errorsOf(c.source, c.mode);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == c.message);
    CHECK(errors[0].hint == c.hint);
    CHECK(errors[0].offset == c.offset);
  }
}

TEST_CASE("reserved words are not names", "[expr]") {
  const char* words[] = {"and", "or", "not", "true", "false", "if", "else", "end", "visits", "seen"};
  for (const char* w : words) {
    INFO(w);
    std::vector<ExprError> errors = errorsOf(std::string(w) + " = 1", Mode::Effect);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].offset == 0);
    CHECK(errors[0].message == "'" + std::string(w) + "' is a reserved word and cannot be a variable name");
  }
  struct Case {
    const char* source;
    const char* message;
  };
  const Case inExpressions[] = {
      {"if", "'if' is a reserved word and cannot be used in an expression"},
      {"x + else", "'else' is a reserved word and cannot be used in an expression"},
      {"end", "'end' is a reserved word and cannot be used in an expression"},
      {"and", "expected a value, got 'and'"},
      {"or", "expected a value, got 'or'"},
      {"not", "expected a value, got the end of the expression"},
      {"visits", "expected '(' after 'visits'"},
      {"seen + 1", "expected '(' after 'seen'"},
  };
  for (const Case& c : inExpressions) {
    INFO(c.source);
    std::vector<ExprError> errors = errorsOf(c.source, Mode::Expression);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == c.message);
  }
  // Names that merely start with a reserved word are fine.
  CHECK(errorsOf("x + 1", Mode::Expression).empty());
  std::vector<ExprError> errors = errorsOf("ending + android + notes", Mode::Expression);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].message == "undeclared variable 'ending'");
  CHECK(errors[1].message == "undeclared variable 'android'");
  CHECK(errors[2].message == "undeclared variable 'notes'");
}

TEST_CASE("name and type errors are all collected, without follow-up errors", "[expr]") {
  std::vector<ExprError> errors = errorsOf("zz + 1 < \"a\" and qq or 1 < \"b\"", Mode::Condition);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].offset == 0);
  CHECK(errors[0].message == "undeclared variable 'zz'");
  CHECK(errors[1].offset == 17);
  CHECK(errors[1].message == "undeclared variable 'qq'");
  CHECK(errors[2].offset == 25);
  CHECK(errors[2].message == "cannot compare int with string using '<'");

  errors = errorsOf("visits(nowhere) + \"a\" > 1", Mode::Condition);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message == "unknown scene 'nowhere' in visits()");
  CHECK(errors[1].message == "cannot add int and string with '+'");

  // A bad name poisons the type of what uses it; the condition check stays quiet.
  errors = errorsOf("zz + 1", Mode::Condition);
  REQUIRE(errors.size() == 1);
  errors = errorsOf("x / 0 > \"a\"", Mode::Condition);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message == "cannot compare int with string using '>'");
  CHECK(errors[1].message == "division by literal zero");
}

TEST_CASE("effect errors", "[expr]") {
  struct Case {
    const char* source;
    size_t offset;
    const char* message;
    const char* hint;
  };
  const Case cases[] = {
      {"trust += \"a\"", 6, "'+=' needs an int value, got string", ""},
      {"trust -= flag", 6, "'-=' needs an int value, got bool", ""},
      {"keepsake += \"a\"", 9, "'+=' needs an int variable, 'keepsake' is a string",
       "to append, write keepsake = keepsake + \"...\""},
      {"has_tape -= 1", 9, "'-=' needs an int variable, 'has_tape' is a bool", ""},
      {"trust = true", 6, "cannot assign bool to int variable 'trust'", ""},
      {"keepsake = 3", 9, "cannot assign int to string variable 'keepsake'", ""},
      {"flag = \"yes\"", 5, "cannot assign string to bool variable 'flag'", ""},
      {"nope = 1", 0, "undeclared variable 'nope'", "declare it under 'variables:' in story.yaml"},
      {"trus += 1", 0, "undeclared variable 'trus'", "did you mean 'trust'?"},
      {"1 = x", 0, "an effect starts with a variable name, got '1'",
       "write e.g. 'trust += 1' or 'has_tape = true'"},
      {"", 0, "an effect starts with a variable name, got the end of the expression",
       "write e.g. 'trust += 1' or 'has_tape = true'"},
      {"trust == 1", 6, "expected '=', '+=' or '-=' after 'trust', got '=='",
       "'==' compares; to assign, write '='"},
      {"trust", 5, "expected '=', '+=' or '-=' after 'trust', got the end of the effect", ""},
      {"trust *= 2", 6, "expected '=', '+=' or '-=' after 'trust', got '*'", ""},
      {"trust += ", 9, "expected a value, got the end of the expression", ""},
      {"trust = 1 = 2", 10, "unexpected '=' after the expression", "to compare, write '=='"},
      {"x = 1 / 0", 6, "division by literal zero", "dividing by 0 always fails when the story runs"},
      {"x = -zz", 5, "undeclared variable 'zz'", "declare it under 'variables:' in story.yaml"},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    std::vector<ExprError> errors = errorsOf(c.source, Mode::Effect);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == c.message);
    CHECK(errors[0].hint == c.hint);
    CHECK(errors[0].offset == c.offset);
  }
}

TEST_CASE("run-time errors: overflow and zero divisors at the operator", "[expr]") {
  struct Case {
    const char* source;
    int32_t x, y;
    size_t offset;
    const char* message;
  };
  const Case cases[] = {
      {"x + 1", INT32_MAX, 0, 2, "integer overflow: 2147483647 + 1 is outside the 32-bit range"},
      {"x - 1", INT32_MIN, 0, 2, "integer overflow: -2147483648 - 1 is outside the 32-bit range"},
      {"1 + x * 2", 1 << 30, 0, 6, "integer overflow: 1073741824 * 2 is outside the 32-bit range"},
      {"-x", INT32_MIN, 0, 0, "integer overflow: -(-2147483648) is outside the 32-bit range"},
      {"x / y", INT32_MIN, -1, 2, "integer overflow: -2147483648 / -1 is outside the 32-bit range"},
      {"x / y", 7, 0, 2, "division by zero: 7 / 0"},
      {"(x) % y", -7, 0, 4, "division by zero: -7 % 0"},
      {"flag or x / y > 0", 7, 0, 10, "division by zero: 7 / 0"},
      {"2147483647 + 1", 0, 0, 11, "integer overflow: 2147483647 + 1 is outside the 32-bit range"},
      {"-2147483648 / -1", 0, 0, 12, "integer overflow: -2147483648 / -1 is outside the 32-bit range"},
      {"-(-2147483648)", 0, 0, 0, "integer overflow: -(-2147483648) is outside the 32-bit range"},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    World w;
    w.vars[kX] = Value::ofInt(c.x);
    w.vars[kY] = Value::ofInt(c.y);
    Expr e = compiled(c.source);
    try {
      e.evaluate(w.env());
      FAIL("no EvalError");
    } catch (const EvalError& err) {
      CHECK(err.offset == c.offset);
      CHECK(std::string(err.what()) == c.message);
    }
  }
}

TEST_CASE("division semantics and short-circuit evaluation", "[expr]") {
  struct Case {
    const char* source;
    int32_t x, y;
    Value expected;
  };
  const Case cases[] = {
      {"x / y", -7, 2, Value::ofInt(-3)},
      {"x % y", -7, 2, Value::ofInt(-1)},
      {"x / y", 7, -2, Value::ofInt(-3)},
      {"x % y", 7, -2, Value::ofInt(1)},
      {"x / y", -7, -2, Value::ofInt(3)},
      {"x % y", -7, -2, Value::ofInt(-1)},
      {"x % y", INT32_MIN, -1, Value::ofInt(0)},
      {"x / y", INT32_MIN, 1, Value::ofInt(INT32_MIN)},
      {"x * y", -46341, 46340, Value::ofInt(-2147441940)},
      {"x - y", -1, INT32_MAX, Value::ofInt(INT32_MIN)},
      {"flag and 1 / y == 0", 0, 0, Value::ofBool(false)},
      {"false and 1 / y == 0", 0, 0, Value::ofBool(false)},
      {"true or 1 / y == 0", 0, 0, Value::ofBool(true)},
      {"has_tape or x / y > 0", 1, 0, Value::ofBool(true)},
      {"not has_tape and x % y == 0", 1, 0, Value::ofBool(false)},
      {"true and x > 0", 1, 0, Value::ofBool(true)},
      {"false or x > 0", 1, 0, Value::ofBool(true)},
  };
  for (const Case& c : cases) {
    INFO(c.source << " with x=" << c.x << " y=" << c.y);
    World w;
    w.vars[kX] = Value::ofInt(c.x);
    w.vars[kY] = Value::ofInt(c.y);
    CHECK(eval(c.source, w) == c.expected);
  }
}

TEST_CASE("effects assign, clamp to min/max, and fail on overflow", "[expr]") {
  struct Case {
    const char* source;
    int slot;
    Value before, after;
  };
  const Case cases[] = {
      {"trust_ruth += 1", kTrustRuth, Value::ofInt(3), Value::ofInt(4)},
      {"trust_ruth += 10", kTrustRuth, Value::ofInt(3), Value::ofInt(5)},
      {"trust_ruth -= 20", kTrustRuth, Value::ofInt(3), Value::ofInt(-5)},
      {"trust_ruth = 100", kTrustRuth, Value::ofInt(3), Value::ofInt(5)},
      {"trust_ruth = -x", kTrustRuth, Value::ofInt(3), Value::ofInt(-5)},
      {"lo = -3", kLo, Value::ofInt(1), Value::ofInt(0)},
      {"lo += 2147483647", kLo, Value::ofInt(0), Value::ofInt(INT32_MAX)},
      {"hi = 50", kHi, Value::ofInt(0), Value::ofInt(10)},
      {"hi = -50", kHi, Value::ofInt(0), Value::ofInt(-50)},
      {"x = x * 2", kX, Value::ofInt(7), Value::ofInt(14)},
      {"x -= y", kX, Value::ofInt(7), Value::ofInt(9)},
      {"has_tape = not has_tape", kHasTape, Value::ofBool(true), Value::ofBool(false)},
      {"flag = x > 3", kFlag, Value::ofBool(false), Value::ofBool(true)},
      {"keepsake = name + \"!\"", kKeepsake, Value::ofString("tape"), Value::ofString("Ruth!")},
      {"keepsake = keepsake", kKeepsake, Value::ofString("tape"), Value::ofString("tape")},
      {"keepsake = keepsake + keepsake", kKeepsake, Value::ofString("tape"),
       Value::ofString("tapetape")},
      {"keepsake = \"\"", kKeepsake, Value::ofString("tape"), Value::ofString("")},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    Effect e = effect(c.source);
    CHECK(e.slot == c.slot);
    World w;
    w.vars[static_cast<size_t>(c.slot)] = c.before;
    const VarInfo* info = scope().findVariable(std::string(c.source).substr(0, std::string(c.source).find(' ')));
    REQUIRE(info);
    e.apply(w.vars.data(), *info, w.env());
    CHECK(w.vars[static_cast<size_t>(c.slot)] == c.after);
  }
}

TEST_CASE("an effect records its operator; overflow of += itself is a run-time error", "[expr]") {
  Effect add = effect("trust_ruth  += 1");
  CHECK(add.op == AssignOp::Add);
  CHECK(add.opOffset == 12);
  CHECK(add.value.source() == "trust_ruth  += 1");
  CHECK(effect("x -= 1").op == AssignOp::Sub);
  CHECK(effect("x = 1").op == AssignOp::Set);

  struct Case {
    const char* source;
    int32_t before, x;
    const char* message;
  };
  const Case cases[] = {
      {"x += 1", INT32_MAX, 0, "integer overflow: 2147483647 + 1 is outside the 32-bit range"},
      {"x -= 1", INT32_MIN, 0, "integer overflow: -2147483648 - 1 is outside the 32-bit range"},
      // Clamping would bring it back into range, but the sum itself overflows.
      {"trust_ruth += x", 3, INT32_MAX, "integer overflow: 3 + 2147483647 is outside the 32-bit range"},
      {"trust_ruth -= x", 3, INT32_MIN, "integer overflow: 3 - -2147483648 is outside the 32-bit range"},
  };
  for (const Case& c : cases) {
    INFO(c.source);
    Effect e = effect(c.source);
    World w;
    w.vars[static_cast<size_t>(e.slot)] = Value::ofInt(c.before);
    if (e.slot != kX) w.vars[kX] = Value::ofInt(c.x);
    try {
      e.apply(w.vars.data(), scope().info(e.slot == kX ? "x" : "trust_ruth"), w.env());
      FAIL("no EvalError");
    } catch (const EvalError& err) {
      CHECK(err.offset == e.opOffset);
      CHECK(std::string(err.what()) == c.message);
    }
    CHECK(w.vars[static_cast<size_t>(e.slot)] == Value::ofInt(c.before));
  }
  // A run-time error inside the value points into the effect's source.
  Effect divide = effect("x = 10 / y");
  World w;
  w.vars[kY] = Value::ofInt(0);
  try {
    divide.apply(w.vars.data(), scope().info("x"), w.env());
    FAIL("no EvalError");
  } catch (const EvalError& err) {
    CHECK(err.offset == 7);
  }
}

TEST_CASE("truth() proves conditions constant from declared ranges", "[expr]") {
  using T = Expr::Truth;
  struct Case {
    const char* source;
    T truth;
  };
  const Case cases[] = {
      {"trust >= 10", T::AlwaysFalse},  // trust is 0..5
      {"trust > 5", T::AlwaysFalse},
      {"trust >= 5", T::Unknown},
      {"trust <= 5", T::AlwaysTrue},
      {"trust < 0", T::AlwaysFalse},
      {"trust >= 0", T::AlwaysTrue},
      {"trust_ruth == 6", T::AlwaysFalse},
      {"trust_ruth != 6", T::AlwaysTrue},
      {"trust_ruth == 5", T::Unknown},
      {"10 <= trust", T::AlwaysFalse},
      {"not (trust > 5)", T::AlwaysTrue},
      {"trust + 10 > 14", T::Unknown},
      {"trust + 10 > 15", T::AlwaysFalse},
      {"trust - 10 < -10", T::AlwaysFalse},
      {"trust * 2 <= 10", T::AlwaysTrue},
      {"-trust > 0", T::AlwaysFalse},
      {"trust / 2 <= 2", T::AlwaysTrue},
      {"x / trust_ruth <= 2147483647", T::AlwaysTrue},
      {"x % 3 < 3 and x % 3 > -3", T::AlwaysTrue},
      {"trust % x >= 0", T::AlwaysTrue},
      {"trust_ruth * trust_ruth > 25", T::AlwaysFalse},
      {"trust_ruth * trust_ruth >= 0", T::Unknown},  // intervals, not algebra
      {"x > 2147483647", T::AlwaysFalse},
      {"x >= -2147483648", T::AlwaysTrue},
      {"x > 0", T::Unknown},
      {"lo >= 0", T::AlwaysTrue},
      {"lo > 0", T::Unknown},
      {"hi > 10", T::AlwaysFalse},
      {"false and flag", T::AlwaysFalse},
      {"flag and false", T::AlwaysFalse},
      {"flag and true", T::Unknown},
      {"flag or true", T::AlwaysTrue},
      {"seen(gate) or true", T::AlwaysTrue},
      {"seen(gate)", T::Unknown},
      {"not seen(gate)", T::Unknown},
      {"visits(gate) >= 0", T::AlwaysTrue},
      {"visits(gate) < 0", T::AlwaysFalse},
      {"visits(gate) > 3", T::Unknown},
      {"trust >= 10 or has_tape", T::Unknown},
      {"trust >= 10 and has_tape", T::AlwaysFalse},
      {"has_tape and trust >= 10", T::AlwaysFalse},
      {"trust >= 10 or trust <= 5", T::AlwaysTrue},
      {"1 < 2", T::AlwaysTrue},
      {"true == false", T::AlwaysFalse},
      {"(trust > 5) == false", T::AlwaysTrue},
      {"\"a\" == \"a\"", T::AlwaysTrue},
      {"\"a\" + \"b\" != \"ab\"", T::AlwaysFalse},
      {"keepsake == \"a\"", T::Unknown},
      {"has_tape", T::Unknown},
      {"x + 1", T::Unknown},  // not a bool
  };
  for (const Case& c : cases) {
    INFO(c.source);
    CHECK(compiled(c.source).truth() == c.truth);
  }
}

TEST_CASE("an expression lists what it reads", "[expr]") {
  Expr e = compiled("x + trust + x > visits(cottages.barn) and seen(gate) or seen(hailsham.gate)");
  CHECK(e.readsVariables() == std::vector<int>{kTrust, kX});
  CHECK(e.readsScenes() == std::vector<int>{0, 2});
  CHECK(e.source() == "x + trust + x > visits(cottages.barn) and seen(gate) or seen(hailsham.gate)");
  CHECK(compiled("keepsake == name").readsVariables() == std::vector<int>{kKeepsake, kName});
  // Short-circuited by a constant: never read.
  CHECK(compiled("false and flag").readsVariables().empty());
  CHECK(compiled("1 + 2 * 3").readsVariables().empty());
}

TEST_CASE("Expr is copyable and movable; a default Expr is inert", "[expr]") {
  Expr e = compiled("x * 2");
  Expr copy = e;
  Expr moved = std::move(e);
  World w;
  CHECK(copy.evaluate(w.env()) == Value::ofInt(14));
  CHECK(moved.evaluate(w.env()) == Value::ofInt(14));
  copy = compiled("keepsake");
  CHECK(copy.evaluate(w.env()) == Value::ofString("tape"));
  Expr none;
  CHECK(none.evaluate(w.env()) == Value::ofInt(0));
  CHECK_FALSE(none.test(w.env()));
  CHECK(none.truth() == Expr::Truth::Unknown);
  CHECK(none.readsVariables().empty());
  CHECK(none.source().empty());
}

TEST_CASE("deep nesting is an error, not a crash", "[expr]") {
  std::string deep(1000, '(');
  deep += "1";
  deep += std::string(1000, ')');
  std::vector<ExprError> errors = errorsOf(deep, Mode::Expression);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "expression nested too deeply");
  std::string nots;
  for (int i = 0; i < 1000; ++i) nots += "not ";
  CHECK(errorsOf(nots + "true", Mode::Expression).size() == 1);
  // Long flat chains are fine, and deep stacks work too.
  std::string sum = "1";
  for (int i = 0; i < 500; ++i) sum += " + 1";
  CHECK(eval(sum) == Value::ofInt(501));
  std::string right = "1";
  for (int i = 0; i < 100; ++i) right = "(x + " + right + ")";
  CHECK(eval(right) == Value::ofInt(701));
  std::string strings = "name";
  for (int i = 0; i < 20; ++i) strings = "(name + " + strings + ")";
  CHECK(eval(strings + " == \"\"") == Value::ofBool(false));
}

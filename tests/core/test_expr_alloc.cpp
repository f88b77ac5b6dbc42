// Conditions, int evaluation, effects and text rendering must not allocate: the walk
// runs them millions of times per second. This file counts calls to the global
// operator new (the replacement only counts; it behaves like the default one).
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "core/text.h"
#include "support/skip.h"

// AddressSanitizer keeps its own books on operator new: counting is off under it.
#if defined(__SANITIZE_ADDRESS__)
#define LC_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LC_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef LC_COUNT_ALLOCATIONS
#define LC_COUNT_ALLOCATIONS 1
#endif

namespace {
std::atomic<long> gAllocations{0};
}

#if LC_COUNT_ALLOCATIONS
void* operator new(std::size_t size) {
  ++gAllocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#define REQUIRE_COUNTING() (void)0
#else
#define REQUIRE_COUNTING()                                                  \
  do {                                                                      \
    LC_SKIP("allocations are not counted under AddressSanitizer");   \
    return;                                                                 \
  } while (0)
#endif

using namespace lc;

namespace {

class AllocScope : public NameScope {
 public:
  const VarInfo* findVariable(std::string_view name) const override {
    for (const auto& [n, info] : vars_)
      if (n == name) return &info;
    return nullptr;
  }
  int findScene(std::string_view ref) const override { return ref == "gate" ? 0 : -1; }

 private:
  std::vector<std::pair<std::string, VarInfo>> vars_{
      {"trust", {0, Type::Int, -5, 5}},
      {"has_tape", {1, Type::Bool, {}, {}}},
      {"keepsake", {2, Type::String, {}, {}}},
      {"x", {3, Type::Int, {}, {}}},
  };
};

struct World {
  std::vector<Value> vars{Value::ofInt(2), Value::ofBool(true),
                          Value::ofString("a keepsake longer than the small-string buffer"),
                          Value::ofInt(7)};
  std::vector<uint32_t> visits{1};
  EvalEnv env() const { return EvalEnv{vars.data(), visits.data()}; }
};

template <class T>
T require(std::optional<T> value, const std::vector<ExprError>& errors) {
  INFO((errors.empty() ? "" : errors[0].message));
  REQUIRE(value);
  return std::move(*value);
}

}  // namespace

TEST_CASE("conditions, int values and effects evaluate without allocating", "[expr][alloc]") {
  REQUIRE_COUNTING();
  AllocScope scope;
  World world;
  std::vector<ExprError> errors;
  const char* conditions[] = {
      "trust >= 2 and not has_tape",
      "seen(gate) or visits(gate) > 3",
      "keepsake == \"a keepsake longer than the small-string buffer\"",
      "keepsake != \"\" and (x * 3 - 1) / 2 % 5 == 0",
  };
  std::vector<Expr> compiled;
  for (const char* c : conditions) compiled.push_back(require(compileCondition(c, scope, errors), errors));
  Expr number = require(compileExpression("x * trust + visits(gate)", scope, errors), errors);
  Effect add = require(compileEffect("trust += x", scope, errors), errors);
  Effect flip = require(compileEffect("has_tape = not has_tape", scope, errors), errors);
  Effect text = require(compileEffect("keepsake = \"short\"", scope, errors), errors);
  VarInfo trustInfo{0, Type::Int, -5, 5}, tapeInfo{1, Type::Bool, {}, {}},
      keepsakeInfo{2, Type::String, {}, {}};
  std::string out;
  out.reserve(256);

  long before = gAllocations.load();
  int holds = 0;
  for (int i = 0; i < 1000; ++i) {
    for (const Expr& e : compiled) holds += e.test(world.env());
    holds += number.evaluate(world.env()).number;
    out.clear();
    number.appendTo(world.env(), out);
    compiled[0].appendTo(world.env(), out);
    add.apply(world.vars.data(), trustInfo, world.env());
    flip.apply(world.vars.data(), tapeInfo, world.env());
  }
  text.apply(world.vars.data(), keepsakeInfo, world.env());  // fits the old capacity
  CHECK(gAllocations.load() == before);
  CHECK(holds > 0);
  CHECK(world.vars[2].text == "short");
}

TEST_CASE("rendering text and measuring it does not allocate", "[text][alloc]") {
  REQUIRE_COUNTING();
  AllocScope scope;
  World world;
  std::vector<ExprError> errors;
  TextTemplate dynamic = require(
      compileText("Trust {trust}.\n\n{if has_tape}You hold {keepsake}.{else}Nothing.{end}\n"
                  "{if seen(gate)}Again.{end}",
                  scope, errors),
      errors);
  TextTemplate fixed = require(compileText("Static text.\n\nTwo paragraphs.", scope, errors), errors);
  std::string out, scratch;
  out.reserve(512);
  scratch.reserve(512);
  size_t total = 0;
  long before = gAllocations.load();
  for (int i = 0; i < 1000; ++i) {
    out.clear();
    dynamic.render(world.env(), out);
    total += dynamic.textLength(world.env(), scratch);
    total += fixed.textLength(world.env(), scratch);
    world.vars[1].number = i % 2;
  }
  CHECK(gAllocations.load() == before);
  CHECK(total > 0);
  out.clear();
  dynamic.render(world.env(), out);
  CHECK(splitParagraphs(out) == dynamic.paragraphs(world.env()));
}

TEST_CASE("joining strings allocates only for the joined result", "[expr][alloc]") {
  REQUIRE_COUNTING();
  AllocScope scope;
  World world;
  std::vector<ExprError> errors;
  Expr joined = require(compileCondition("keepsake + \"!\" != \"\"", scope, errors), errors);
  long before = gAllocations.load();
  CHECK(joined.test(world.env()));
  long used = gAllocations.load() - before;
  CHECK(used >= 1);
  CHECK(used <= 2);  // the list of temporaries and one joined string
}

#include "core/expr_vm.h"

#include <algorithm>

namespace lc::expr {
namespace {

class Emitter {
 public:
  Emitter(const Ast& ast, const std::vector<Facts>& facts, Bytecode& out)
      : ast_(ast), facts_(facts), out_(out) {}
  void node(int i);

 private:
  size_t emit(Code op, int32_t arg, size_t offset, int ints, int strs);
  void constant(const Node& n, const Facts& f);
  void logical(const Node& n);
  void binary(const Node& n);
  const Facts& facts(int i) const { return facts_[static_cast<size_t>(i)]; }

  const Ast& ast_;
  const std::vector<Facts>& facts_;
  Bytecode& out_;
  int ints_ = 0, strs_ = 0;
};

size_t Emitter::emit(Code op, int32_t arg, size_t offset, int ints, int strs) {
  out_.code.push_back(Instr{op, arg});
  out_.offsets.push_back(static_cast<uint32_t>(offset));
  ints_ += ints;
  strs_ += strs;
  out_.intDepth = std::max(out_.intDepth, static_cast<uint32_t>(std::max(ints_, 0)));
  out_.strDepth = std::max(out_.strDepth, static_cast<uint32_t>(std::max(strs_, 0)));
  return out_.code.size() - 1;
}

void Emitter::constant(const Node& n, const Facts& f) {
  if (n.type != Type::String) {
    emit(Code::PushInt, f.number, n.offset, 1, 0);
    return;
  }
  auto it = std::find(out_.strings.begin(), out_.strings.end(), f.text);
  int32_t index = static_cast<int32_t>(it - out_.strings.begin());
  if (it == out_.strings.end()) out_.strings.push_back(f.text);
  emit(Code::PushStr, index, n.offset, 0, 1);
}

void Emitter::node(int i) {
  const Node& n = ast_.at(i);
  if (facts(i).constant) return constant(n, facts(i));
  switch (n.kind) {
    case NodeKind::Var:
      out_.vars.push_back(n.value);
      if (n.type == Type::String) emit(Code::LoadStr, n.value, n.offset, 0, 1);
      else emit(Code::LoadNum, n.value, n.offset, 1, 0);
      return;
    case NodeKind::Visits:
    case NodeKind::Seen:
      out_.scenes.push_back(n.value);
      emit(n.kind == NodeKind::Seen ? Code::Seen : Code::Visits, n.value, n.offset, 1, 0);
      return;
    case NodeKind::Random:
      out_.randoms.emplace_back(n.min.value_or(0), n.max.value_or(0));
      emit(Code::Random, static_cast<int32_t>(out_.randoms.size() - 1), n.offset, 1, 0);
      return;
    case NodeKind::Unary:
      node(n.lhs);
      emit(n.op == Op::Not ? Code::Not : Code::Neg, 0, n.offset, 0, 0);
      return;
    case NodeKind::Binary:
      if (n.op == Op::And || n.op == Op::Or) return logical(n);
      return binary(n);
    default: return constant(n, facts(i));
  }
}

void Emitter::logical(const Node& n) {
  // A constant left side that short-circuits made the node constant; any other
  // constant left side leaves the right side as the answer.
  if (facts(n.lhs).constant) return node(n.rhs);
  node(n.lhs);
  size_t jump = emit(n.op == Op::And ? Code::JumpIfFalseOrPop : Code::JumpIfTrueOrPop, 0,
                     n.offset, -1, 0);
  node(n.rhs);
  out_.code[jump].arg = static_cast<int32_t>(out_.code.size());
}

void Emitter::binary(const Node& n) {
  node(n.lhs);
  node(n.rhs);
  if (ast_.at(n.lhs).type == Type::String) {
    if (n.op == Op::Add) {
      ++out_.concats;
      emit(Code::Concat, 0, n.offset, 0, -1);
    } else {
      emit(n.op == Op::Eq ? Code::EqS : Code::NeS, 0, n.offset, 1, -2);
    }
    return;
  }
  Code code = Code::Add;
  switch (n.op) {
    case Op::Add: code = Code::Add; break;
    case Op::Sub: code = Code::Sub; break;
    case Op::Mul: code = Code::Mul; break;
    case Op::Div: code = Code::Div; break;
    case Op::Mod: code = Code::Mod; break;
    case Op::Lt: code = Code::Lt; break;
    case Op::Le: code = Code::Le; break;
    case Op::Gt: code = Code::Gt; break;
    case Op::Ge: code = Code::Ge; break;
    case Op::Eq: code = Code::EqI; break;
    case Op::Ne: code = Code::NeI; break;
    default: break;
  }
  emit(code, 0, n.offset, -1, 0);
}

void sortUnique(std::vector<int>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// ---- evaluation ----

[[noreturn]] void fail(const Bytecode& bc, size_t pc, const std::string& message) {
  throw EvalError(bc.offsets[pc], message);
}

int32_t arithmetic(Code op, int32_t a, int32_t b, const Bytecode& bc, size_t pc) {
  int32_t r = 0;
  bool overflow = false;
  switch (op) {
    case Code::Add: overflow = __builtin_add_overflow(a, b, &r); break;
    case Code::Sub: overflow = __builtin_sub_overflow(a, b, &r); break;
    case Code::Mul: overflow = __builtin_mul_overflow(a, b, &r); break;
    case Code::Div:
    case Code::Mod: {
      const char* sign = op == Code::Div ? " / " : " % ";
      if (b == 0) fail(bc, pc, "division by zero: " + std::to_string(a) + sign + "0");
      if (b == -1) {  // INT32_MIN / -1 overflows; INT32_MIN % -1 is 0 but traps in C++
        overflow = op == Code::Div && a == INT32_MIN;
        r = op == Code::Div ? (overflow ? 0 : -a) : 0;
      } else {
        r = op == Code::Div ? a / b : a % b;
      }
      break;
    }
    default: break;
  }
  if (overflow) {
    const char* text = op == Code::Add ? "+" : op == Code::Sub ? "-" : op == Code::Mul ? "*" : "/";
    fail(bc, pc, overflowMessage(a, text, b));
  }
  return r;
}

int32_t negate(int32_t a, const Bytecode& bc, size_t pc) {
  if (a == INT32_MIN)
    fail(bc, pc, "integer overflow: -(" + std::to_string(a) + ") is outside the 32-bit range");
  return -a;
}

int32_t visitCount(const EvalEnv& env, int32_t scene, const Bytecode& bc, size_t pc) {
  uint32_t v = env.visits[scene];
  if (v > static_cast<uint32_t>(INT32_MAX))
    fail(bc, pc, "visit count " + std::to_string(v) + " is outside the 32-bit range");
  return static_cast<int32_t>(v);
}

int32_t drawRandom(const EvalEnv& env, int32_t index, const Bytecode& bc, size_t pc) {
  if (!env.random) fail(bc, pc, "random() can only be drawn in an effect");
  const auto [lo, hi] = bc.randoms[static_cast<size_t>(index)];
  return env.random->draw(lo, hi);
}

// A string stack slot: trivially constructible, so the stack costs nothing to set up.
struct Str {
  const char* data;
  size_t size;
  std::string_view view() const { return {data, size}; }
  static Str of(std::string_view s) { return Str{s.data(), s.size()}; }
};

// String instructions, out of the hot loop.
void stringOp(Instr in, size_t pc, const EvalEnv& env, const Bytecode& bc, int32_t* ints, size_t& ti,
              Str* strs, size_t& si, std::vector<std::string>& temps) {
  switch (in.op) {
    case Code::PushStr: strs[si++] = Str::of(bc.strings[static_cast<size_t>(in.arg)]); break;
    case Code::LoadStr: strs[si++] = Str::of(env.vars[in.arg].text); break;
    case Code::EqS:
    case Code::NeS:
      si -= 2;
      ints[ti++] = (strs[si].view() == strs[si + 1].view()) == (in.op == Code::EqS);
      break;
    case Code::Concat: {
      const size_t size = strs[si - 2].size + strs[si - 1].size;
      if (size > kMaxStringBytes)  // `s = s + s` in a loop would otherwise eat all memory
        fail(bc, pc, "string too long: joining gives " + std::to_string(size) + " bytes, more than the " +
                         std::to_string(kMaxStringBytes) + " a string value may hold");
      std::string& joined = temps.emplace_back();  // capacity was reserved: no moves
      joined.reserve(size);
      joined.append(strs[si - 2].view()).append(strs[si - 1].view());
      --si;
      strs[si - 1] = Str::of(joined);
      break;
    }
    default: break;
  }
}

// The machine. With kStrings false it knows only int and bool instructions.
template <bool kStrings>
Result execute(const Bytecode& bc, const EvalEnv& env, int32_t* ints, Str* strs,
               std::vector<std::string>* temps) {
  const Instr* code = bc.code.data();
  const size_t n = bc.code.size();
  size_t ti = 0, si = 0;
  for (size_t pc = 0; pc < n; ++pc) {
    const Instr in = code[pc];
    switch (in.op) {
      case Code::PushInt: ints[ti++] = in.arg; break;
      case Code::LoadNum: ints[ti++] = env.vars[in.arg].number; break;
      case Code::Visits: ints[ti++] = visitCount(env, in.arg, bc, pc); break;
      case Code::Seen: ints[ti++] = env.visits[in.arg] != 0; break;
      case Code::Random:
        ints[ti++] = drawRandom(env, in.arg, bc, pc);
        break;
      case Code::Not: ints[ti - 1] = !ints[ti - 1]; break;
      case Code::Neg: ints[ti - 1] = negate(ints[ti - 1], bc, pc); break;
      case Code::Lt: --ti; ints[ti - 1] = ints[ti - 1] < ints[ti]; break;
      case Code::Le: --ti; ints[ti - 1] = ints[ti - 1] <= ints[ti]; break;
      case Code::Gt: --ti; ints[ti - 1] = ints[ti - 1] > ints[ti]; break;
      case Code::Ge: --ti; ints[ti - 1] = ints[ti - 1] >= ints[ti]; break;
      case Code::EqI: --ti; ints[ti - 1] = ints[ti - 1] == ints[ti]; break;
      case Code::NeI: --ti; ints[ti - 1] = ints[ti - 1] != ints[ti]; break;
      case Code::Add:
      case Code::Sub:
      case Code::Mul:
      case Code::Div:
      case Code::Mod:
        --ti;
        ints[ti - 1] = arithmetic(in.op, ints[ti - 1], ints[ti], bc, pc);
        break;
      case Code::JumpIfFalseOrPop:
        if (ints[ti - 1] == 0) pc = static_cast<size_t>(in.arg) - 1;
        else --ti;
        break;
      case Code::JumpIfTrueOrPop:
        if (ints[ti - 1] != 0) pc = static_cast<size_t>(in.arg) - 1;
        else --ti;
        break;
      default:
        if constexpr (kStrings) stringOp(in, pc, env, bc, ints, ti, strs, si, *temps);
        break;
    }
  }
  return Result{ti ? ints[0] : 0, si ? strs[0].view() : std::string_view()};
}

}  // namespace

void generate(const Ast& ast, const std::vector<Facts>& facts, Bytecode& out) {
  Emitter(ast, facts, out).node(ast.root);
  sortUnique(out.vars);
  sortUnique(out.scenes);
}

Result run(const Bytecode& bc, const EvalEnv& env, std::vector<std::string>& temps) {
  constexpr size_t kInts = 32, kStrs = 8;
  int32_t ints[kInts];
  if (bc.strDepth == 0 && bc.intDepth <= kInts)  // the common case: ints and bools only
    return execute<false>(bc, env, ints, nullptr, nullptr);
  Str strs[kStrs];
  std::vector<int32_t> moreInts;
  std::vector<Str> moreStrs;
  int32_t* intStack = ints;
  Str* strStack = strs;
  if (bc.intDepth > kInts) {
    moreInts.resize(bc.intDepth);
    intStack = moreInts.data();
  }
  if (bc.strDepth > kStrs) {
    moreStrs.resize(bc.strDepth);
    strStack = moreStrs.data();
  }
  if (bc.concats) temps.reserve(temps.size() + bc.concats);
  return execute<true>(bc, env, intStack, strStack, &temps);
}

std::string overflowMessage(int64_t a, const char* op, int64_t b) {
  return "integer overflow: " + std::to_string(a) + " " + op + " " + std::to_string(b) +
         " is outside the 32-bit range";
}

}  // namespace lc::expr

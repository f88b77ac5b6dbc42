// Values that story variables and expressions hold: 32-bit ints, bools, strings.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lc {

enum class Type : uint8_t { Int, Bool, String };

// The longest string value a story may build (joining longer is a run-time error).
inline constexpr size_t kMaxStringBytes = 65536;

const char* typeName(Type type);  // "int", "bool", "string"

struct Value {
  Type type = Type::Int;
  int32_t number = 0;  // the int, or 0/1 for a bool
  std::string text;    // the string (empty for int and bool)

  static Value ofInt(int32_t v) { return Value{Type::Int, v, {}}; }
  static Value ofBool(bool v) { return Value{Type::Bool, v ? 1 : 0, {}}; }
  static Value ofString(std::string v) { return Value{Type::String, 0, std::move(v)}; }

  bool asBool() const { return number != 0; }
  // How the value reads when interpolated into text: 42, true, plain string.
  std::string display() const;
  // How the value is written in a save, a reload or a debug view: 42, true, "quoted \"text\""
  // (strings through quoteText, the one quoting routine).
  std::string literal() const;

  bool operator==(const Value& other) const {
    return type == other.type && number == other.number && text == other.text;
  }
  bool operator!=(const Value& other) const { return !(*this == other); }
};

// The one quoting routine for text in saves, hot reload and tool output: double quotes,
// escaping \" \\ \n \r \t and every other control byte as \xHH, so the result is one line
// of printable text. readQuoted is its inverse.
std::string quoteText(std::string_view text);
// Reads a quoted string at the start of `in` into `out`; `rest` gets what follows the
// closing quote. False when `in` does not start with a well-formed quoted string.
bool readQuoted(std::string_view in, std::string& out, std::string_view* rest = nullptr);

}  // namespace lc

#include "core/value.h"

namespace lc {

const char* typeName(Type type) {
  switch (type) {
    case Type::Int: return "int";
    case Type::Bool: return "bool";
    case Type::String: return "string";
  }
  return "?";
}

std::string Value::display() const {
  switch (type) {
    case Type::Int: return std::to_string(number);
    case Type::Bool: return number ? "true" : "false";
    case Type::String: return text;
  }
  return {};
}

std::string Value::literal() const {
  if (type != Type::String) return display();
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace lc

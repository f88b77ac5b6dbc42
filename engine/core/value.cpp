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

std::string Value::literal() const { return type == Type::String ? quoteText(text) : display(); }

std::string quoteText(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

namespace {
int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool readQuoted(std::string_view in, std::string& out, std::string_view* rest) {
  out.clear();
  if (in.empty() || in[0] != '"') return false;
  for (size_t i = 1; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '"') {
      if (rest) *rest = in.substr(i + 1);
      return true;
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i == in.size()) return false;
    switch (in[i]) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case '"': case '\\': out += in[i]; break;
      case 'x': {
        const int hi = i + 2 < in.size() ? hexDigit(in[i + 1]) : -1;
        const int lo = hi >= 0 ? hexDigit(in[i + 2]) : -1;
        if (lo < 0) return false;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        break;
      }
      default: return false;  // not an escape quoteText writes: the text is damaged
    }
  }
  return false;
}

}  // namespace lc

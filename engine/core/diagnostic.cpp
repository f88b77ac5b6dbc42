#include "core/diagnostic.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace lc {

std::string Diagnostic::format() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(col);
  out += severity == Severity::Error ? ": error: " : ": warning: ";
  out += message;
  if (!hint.empty()) out += "\n  hint: " + hint;
  return out;
}

void Diagnostics::error(std::string file, int line, int col, std::string message, std::string hint) {
  items_.push_back({Severity::Error, std::move(file), line, col, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string file, int line, int col, std::string message, std::string hint) {
  items_.push_back({Severity::Warning, std::move(file), line, col, std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::sort() {
  std::unordered_map<std::string, size_t> fileOrder;
  for (const auto& d : items_) fileOrder.emplace(d.file, fileOrder.size());
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    size_t fa = fileOrder[a.file], fb = fileOrder[b.file];
    if (fa != fb) return fa < fb;
    if (a.line != b.line) return a.line < b.line;
    return a.col < b.col;
  });
}

size_t Diagnostics::errorCount() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t Diagnostics::warningCount() const { return items_.size() - errorCount(); }

std::string formatText(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += d.format() + "\n";
  return out;
}

std::string jsonQuote(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string formatJson(const Diagnostics& diags) {
  std::string out = "{\"diagnostics\":[";
  bool first = true;
  for (const auto& d : diags.items()) {
    if (!first) out += ",";
    first = false;
    out += "{\"file\":" + jsonQuote(d.file) + ",\"line\":" + std::to_string(d.line) +
           ",\"column\":" + std::to_string(d.col) + ",\"severity\":\"" +
           (d.severity == Severity::Error ? "error" : "warning") +
           "\",\"message\":" + jsonQuote(d.message) + ",\"hint\":" + jsonQuote(d.hint) + "}";
  }
  out += "],\"errors\":" + std::to_string(diags.errorCount()) +
         ",\"warnings\":" + std::to_string(diags.warningCount()) + "}";
  return out;
}

}  // namespace lc

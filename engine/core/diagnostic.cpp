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
  hidden_ += other.hidden_;
}

void Diagnostics::sort() {
  std::unordered_map<std::string, size_t> fileOrder;
  for (const auto& d : items_) fileOrder.emplace(d.file, fileOrder.size());
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    if (a.cause != b.cause) return a.cause < b.cause;
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
  if (size_t n = diags.hiddenCount())
    out += "note: " + std::to_string(n) + (n == 1 ? " more error is" : " more errors are") +
           " hidden: references into a file that failed to parse; fix the errors above, then check again\n";
  return out;
}

std::string formatJson(const Diagnostics& diags) {
  JsonWriter w;
  w.beginObject().key("diagnostics").beginArray();
  for (const auto& d : diags.items())
    w.beginObject()
        .field("file", d.file)
        .field("line", d.line)
        .field("column", d.col)
        .field("severity", d.severity == Severity::Error ? "error" : "warning")
        .field("message", d.message)
        .field("hint", d.hint)
        .endObject();
  w.endArray().field("errors", diags.errorCount()).field("warnings", diags.warningCount())
      .field("hidden", diags.hiddenCount())
      .endObject();
  return w.str();
}

}  // namespace lc

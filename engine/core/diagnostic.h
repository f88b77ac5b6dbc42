// Problems found in a story, each with its file:line:col and what to do about it.
#pragma once
#include <string>
#include <vector>

#include "core/json.h"  // jsonQuote, for the writers that include this

namespace lc {

enum class Severity { Error, Warning };

// What kind of mistake a diagnostic reports, in the order `check` lists them: a file
// that cannot be read or parsed first (everything else in it is suspect), then
// misspelled keys (a `choises:` explains the "no way on" it causes), then the rest.
enum class Cause : unsigned char { Unreadable, UnknownKey, Content };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;  // path as shown to the writer
  int line = 0;      // 1-based; 0 when the problem is about a whole file
  int col = 0;       // 1-based code points
  std::string message;
  std::string hint;  // what to do; may be empty
  Cause cause = Cause::Content;

  // "story/hailsham.yaml:42:7: error: message" (+ "\n  hint: ..." when there is one).
  std::string format() const;
};

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string file, int line, int col, std::string message, std::string hint = {});
  void warning(std::string file, int line, int col, std::string message, std::string hint = {});
  void append(const Diagnostics& other);
  // Counts an error not listed because a file that failed to parse caused it (a
  // reference into a chapter that has no scenes to find).
  void hide() { ++hidden_; }
  size_t hiddenCount() const { return hidden_; }
  // Sorted by cause, then file (in the order files were first seen), line, column.
  void sort();

  const std::vector<Diagnostic>& items() const { return items_; }
  size_t errorCount() const;
  size_t warningCount() const;
  bool hasErrors() const { return errorCount() > 0; }

 private:
  std::vector<Diagnostic> items_;
  size_t hidden_ = 0;
};

// The whole list as `check` prints it, one diagnostic per line (+ hints), and a last
// line saying how many knock-on errors were hidden, when some were.
std::string formatText(const Diagnostics& diags);
// As JSON for editors: {"diagnostics":[{"file":..,"line":..,"column":..,"severity":..,"message":..,"hint":..}],"errors":N,"warnings":N,"hidden":N}
std::string formatJson(const Diagnostics& diags);

}  // namespace lc

// Scene text: `{expr}` interpolation, `{if c}..{elif c}..{else}..{end}` (nestable),
// alternatives `{a|b}` (sequence), `{&a|b}` (cycle), `{!a|b}` (once), `{~a|b}` (shuffle)
// picked by the visit count of the scene shown, `{{`/`}}`, then the paragraph rules of
// the contract (blank lines split, newlines fold).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr.h"

namespace lc {

struct TextPiece;  // private to text.cpp

// How alternatives pick by visit: stop at the last, go round, show each once, shuffle.
enum class TextPick : uint8_t { Sequence, Cycle, Once, Shuffle };

class TextTemplate {
 public:
  TextTemplate();
  ~TextTemplate();
  TextTemplate(TextTemplate&&) noexcept;
  TextTemplate& operator=(TextTemplate&&) noexcept;
  TextTemplate(const TextTemplate&);
  TextTemplate& operator=(const TextTemplate&);

  bool empty() const;     // no text at all
  bool isStatic() const;  // no `{...}` tags: paragraphs() is precomputed
  // Precomputed paragraphs of a static text (empty vector otherwise).
  const std::vector<std::string>& staticParagraphs() const;
  // Interpolates the whole text (throws EvalError with an offset into the source).
  void render(const EvalEnv& env, std::string& out) const;
  // A one-line text (a choice label, a title): render(), then its paragraphs joined by
  // one space into `out` (cleared first).
  void renderLine(const EvalEnv& env, std::string& out) const;
  // render() then splitParagraphs(); for static text returns the precomputed ones.
  std::vector<std::string> paragraphs(const EvalEnv& env) const;
  // The walk fingerprint's text_len: the sum over paragraphs of (code points + 1),
  // without building the paragraphs. Static text is precomputed; otherwise the text is
  // rendered into `scratch` (cleared first, reused to avoid allocations).
  size_t textLength(const EvalEnv& env, std::string& scratch) const;
  // Conditions and inserted expressions in the text, for check/explore.
  std::vector<const Expr*> expressions() const;
  const std::string& source() const;

 private:
  friend struct TextCompiler;
  std::shared_ptr<const std::vector<TextPiece>> pieces_;
  std::shared_ptr<const std::vector<std::string>> static_;
  std::string source_;
  size_t staticLength_ = 0;  // textLength() of a static text
};

// Errors carry byte offsets into `source`.
std::optional<TextTemplate> compileText(std::string_view source, const NameScope& scope,
                                        std::vector<ExprError>& errors);

// The contract's paragraph rule: split on blank lines (only spaces/tabs count as blank),
// fold remaining newlines to one space, strip each paragraph, drop empty ones.
std::vector<std::string> splitParagraphs(std::string_view text);

// Sum over splitParagraphs(text) of (code points + 1), without building them.
size_t paragraphsLength(std::string_view text);

// Number of UTF-8 code points (invalid bytes count one each).
size_t codePointCount(std::string_view text);

}  // namespace lc

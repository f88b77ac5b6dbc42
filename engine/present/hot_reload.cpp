#include "present/hot_reload.h"

namespace lc::present {

void HotReload::showErrors(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity != Severity::Error) continue;
    lines.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + d.message);
    if (!d.hint.empty()) lines.push_back("    hint: " + d.hint);
  }
  const size_t errors = diagnostics.errorCount();
  panel_.setTitle("The story has errors (" + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                  "); still playing the previous version. Fix and save, or Ctrl+R. Esc closes.");
  panel_.setLines(std::move(lines));
  panel_.scrollToTop();
  errorsShown_ = true;
}

void HotReload::draw(Canvas& canvas) {
  if (!errorsShown_) return;
  // The lower part of the window: the scene's heading and first lines stay in view.
  const int m = canvas.px(12);
  const int h = canvas.height() * 2 / 5;
  panel_.draw(canvas, {m, canvas.height() - h - m - canvas.px(28), canvas.width() - 2 * m, h});
}

}  // namespace lc::present

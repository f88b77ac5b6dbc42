// Classroom pieces the Play screen and Game use: glossary underlines and their tooltip,
// projector pages, and the lesson's clock, start and timer.
#include <algorithm>
#include <memory>

#include "present/classroom_screens.h"
#include "core/text.h"
#include "present/session.h"

namespace lc::present {

std::vector<std::string> projectorPages(const std::string& text, size_t maxCodePoints) {
  std::vector<std::string> pages;
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && text[start] == ' ') ++start;
    const size_t limit = start + utf8Advance(std::string_view(text).substr(start), maxCodePoints);
    if (limit >= text.size()) {
      if (start < text.size()) pages.push_back(text.substr(start));
      break;
    }
    // The last sentence end in the second half of the page, else the last space.
    size_t cut = std::string::npos;
    for (size_t i = limit; i > start + (limit - start) / 2; --i)
      if (text[i] == ' ' && (text[i - 1] == '.' || text[i - 1] == '?' || text[i - 1] == '!')) {
        cut = i;
        break;
      }
    if (cut == std::string::npos) cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut <= start) cut = limit;  // one very long word
    pages.push_back(text.substr(start, cut - start));
    start = cut;
  }
  if (pages.empty()) pages.push_back(text);
  return pages;
}

std::string clockText(int seconds) {
  seconds = std::max(0, seconds);
  return std::to_string(seconds / 60) + ":" + (seconds % 60 < 10 ? "0" : "") + std::to_string(seconds % 60);
}

void underlineTerms(Canvas& canvas, const TextBlock& block, const std::vector<GlossaryHit>& hits, int x, int y,
                    long reveal, std::vector<TermBox>& boxes) {
  const int thick = std::max(2, canvas.px(2));
  for (const GlossaryHit& hit : hits) {
    for (size_t i = 0; i < block.lines.size(); ++i) {
      const TextLine& line = block.lines[i];
      if (hit.end <= line.begin || hit.begin >= line.end) continue;
      // Not yet revealed: the underline comes with the word.
      if (reveal >= 0 && codePointCount(std::string_view(block.text).substr(0, hit.end)) > static_cast<size_t>(reveal))
        continue;
      const int x0 = canvas.textCache().xOf(block, i, std::max(hit.begin, line.begin));
      const int x1 = canvas.textCache().xOf(block, i, std::min(hit.end, line.end));
      const int top = y + static_cast<int>(i) * block.lineSkip;
      canvas.fill({x + x0, top + block.lineHeight - thick, x1 - x0, thick}, canvas.theme().accent);
      boxes.push_back({SDL_Rect{x + x0, top, x1 - x0, block.lineHeight}, hit.term});
    }
  }
}

void drawTermTooltip(Canvas& canvas, const Story& story, size_t term, int px, int py) {
  if (term >= story.glossary.size()) return;
  const Theme& theme = canvas.theme();
  const auto& [word, explanation] = story.glossary[term];
  const int pad = canvas.px(10);
  const int wrap = std::min(canvas.px(460), canvas.width() - 4 * pad);
  const TextBlock& head = canvas.text(word, FontRole::UiBold, canvas.uiPixels(17), theme.accent, wrap);
  const TextBlock& body = canvas.text(explanation, FontRole::Ui, canvas.uiPixels(16), theme.text, wrap);
  const int w = std::max(head.width, body.width) + 2 * pad;
  const int h = head.height + body.height + 2 * pad;
  // Below the pointer, kept inside the window (above it near the bottom).
  int x = std::clamp(px + canvas.px(12), 0, std::max(0, canvas.width() - w));
  int y = py + canvas.px(20);
  if (y + h > canvas.height()) y = std::max(0, py - h - canvas.px(8));
  const SDL_Rect box{x, y, w, h};
  canvas.fill(box, theme.panel);
  canvas.frame(box, theme.accent, std::max(2, canvas.px(2)));
  canvas.draw(head, x + pad, y + pad);
  canvas.draw(body, x + pad, y + pad + head.height);
}

NowFn lessonClock(const std::function<double()>* windowClock) {
  // Epoch time that moves with the window's clock, so a test that moves its clock moves
  // the lesson too. The bases are taken at the first reading (after tests set the clock).
  struct Base {
    bool set = false;
    double clock = 0;
    int64_t epoch = 0;
  };
  auto base = std::make_shared<Base>();
  return [windowClock, base]() -> int64_t {
    const double now = (*windowClock)();
    if (!base->set) *base = {true, now, systemNowMs()};
    return base->epoch + static_cast<int64_t>(now - base->clock);
  };
}

bool startWindowLesson(Session& session, const WindowOptions& options, std::vector<std::string>& problems) {
  if (!options.classroom) return true;
  LessonRequest request{options.lesson, options.lessonPlan};
  request.options.enabled = true;
  if (!resolveLessonPlan(session.story(), request, options.pauseGiven, options.lengthGiven, problems)) return false;
  session.startLesson(request.options);
  return true;
}

void tickLesson(Session& session, Notices& notices) {
  Lesson* lesson = session.lesson();
  if (!lesson || !session.started()) return;
  lesson->begin();
  const std::string starter = lesson->takeStarter();
  if (!starter.empty()) notices.add("Starter: " + starter);
  const int left = lesson->warningDue();
  if (left >= 0) {
    std::string error;
    const bool saved = session.autosave(error);
    notices.add(lessonLeftText(left) + (saved ? " \u2014 the game is saved (Autosave)." : "."));
  }
  const std::string plenary = lesson->takePlenary();
  if (!plenary.empty()) notices.add("Plenary: " + plenary);
}

}  // namespace lc::present

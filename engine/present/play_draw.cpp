// Drawing of the Play screen: the chapter card, the page (scene title, paragraphs, what
// comes after the text), captions and the skip/auto status. Everything is laid out from
// cached text blocks each frame, so layout follows the window size and the settings.
#include <algorithm>
#include <cmath>

#include "present/play_screen.h"

namespace lc::present {

struct PlayScreen::Placed {
  const TextBlock* block = nullptr;
  int x = 0, y = 0;  // page coordinates: y counts from the top of the page
  long reveal = -1;  // code points shown, -1 for all
  bool boxed = false;
  int paragraph = -1;  // which of paragraphs_, for the glossary marks
};

namespace {

struct Column {
  int x, width, top, bottom;
};

// The page's column for story text of `body` pixels: about 34 ems, never past the margins.
Column columnOf(const Canvas& canvas, int body) {
  const int width = std::min(canvas.width() - 2 * canvas.px(64), body * 34);
  const int top = canvas.px(48);
  const int bottom = canvas.height() - canvas.px(44);
  return {(canvas.width() - width) / 2, width, top, std::max(top + 1, bottom)};
}

// Where the reveal has got to inside a block: the bottom of the line being revealed.
int revealBottom(const TextBlock& block, long reveal) {
  if (reveal < 0) return block.height;
  int bottom = block.lineSkip;
  for (size_t i = 0; i < block.lines.size(); ++i)
    if (block.lines[i].firstCodePoint <= static_cast<uint32_t>(reveal))
      bottom = static_cast<int>(i + 1) * block.lineSkip;
  return bottom;
}

}  // namespace

// Projector mode: the largest body size in the projector's range (kProjectorMinFontSize up
// to the canvas's own size) at which the page, the scene title and the paragraph shown with
// its "more" mark, fits the view, so a real paragraph is one page that is read from the
// back of the room. Measured once per paragraph, window size and font.
int PlayScreen::pageBody(Canvas& canvas) {
  const int hi = canvas.bodyPixels();
  if (!s_.settings.projector) return hi;
  const size_t shown = stage_ == Stage::Reading ? std::min(current_ + 1, paragraphs_.size()) : paragraphs_.size();
  const std::string& text = shown > 0 ? paragraphs_[shown - 1] : heading_;
  const FitKey key{text, heading_, canvas.width(), canvas.height(), hi, s_.settings.dyslexiaFont};
  if (fitKey_ && *fitKey_ == key) return fitPixels_;
  const int lo = std::min(hi, canvas.px(kProjectorMinFontSize));
  fitPixels_ = largestFitting(lo, hi, [&](int body) {
    const Column col = columnOf(canvas, body);
    int need = canvas.measureHeight(text, FontRole::Body, body, col.width) + body;  // + the mark's line
    if (!heading_.empty())
      need += canvas.measureHeight(heading_, FontRole::Heading, body * 5 / 4, col.width) + body * 7 / 10;
    return need <= col.bottom - col.top;
  });
  fitKey_ = key;
  return fitPixels_;
}

void PlayScreen::layout(Canvas& canvas, std::vector<Placed>& out, int& contentHeight, int& followY) {
  const Theme& theme = canvas.theme();
  const int body = body_;
  const Column col = columnOf(canvas, body);
  const int gap = body * 7 / 10;
  int y = 0;
  auto place = [&](const TextBlock& block, long reveal = -1, bool boxed = false) {
    const int pad = boxed ? canvas.px(12) : 0;
    out.push_back({&block, col.x + pad, y + pad, reveal, boxed});
    y += block.height + 2 * pad + gap;
  };
  if (!heading_.empty())
    place(canvas.text(heading_, FontRole::Heading, body * 5 / 4, theme.accent, col.width));
  followY = y;
  const bool reading = stage_ == Stage::Reading;
  const size_t shown = reading ? std::min(current_ + 1, paragraphs_.size()) : paragraphs_.size();
  // Projector mode shows one page at a time: the paragraph being read, or the last one.
  const size_t first = s_.settings.projector && shown > 0 ? shown - 1 : 0;
  for (size_t i = first; i < shown; ++i) {
    const TextBlock& block = canvas.text(paragraphs_[i], FontRole::Body, body, theme.text, col.width);
    const long reveal = reading && i == current_ && !waiting_ ? static_cast<long>(revealed_) : -1;
    followY = y + revealBottom(block, reveal);
    place(block, reveal);
    out.back().paragraph = static_cast<int>(i);
  }
  if (reading && waiting_) {
    // The "more to come" mark at the right end of the last paragraph.
    const TextBlock& mark = canvas.text("\u25BC", FontRole::Ui, body * 2 / 3, theme.accent);
    const int markY = y - gap + canvas.px(2);
    out.push_back({&mark, col.x + col.width - mark.width, markY, -1, false});
    // The mark belongs to the page: following the text keeps it in view, never clipped.
    followY = markY + mark.height;
    y = std::max(y, followY);
  }
  if (!reading) {
    const int inner = col.width - 2 * canvas.px(12);
    const int ui = canvas.uiPixels(20);
    if (!prompt_.empty()) place(canvas.text("Discuss \u2014 " + prompt_, FontRole::Ui, ui, theme.text, inner), -1, true);
    if (!journal_.empty()) place(canvas.text("Reading journal: " + journal_, FontRole::Ui, ui, theme.dim, inner), -1, true);
    if (!ending_.empty()) place(canvas.text(ending_, FontRole::Heading, body * 5 / 4, theme.accent, col.width));
    if (!message_.empty()) place(canvas.text(message_, FontRole::Ui, ui, theme.text, inner), -1, true);
    const int bottom = buttons_.layoutColumn(canvas, col.x, y, col.width, 21, 10);
    y = bottom + gap;
    followY = y;
  }
  contentHeight = y;
}

void PlayScreen::draw(Canvas& canvas) {
  canvas.clear();
  if (stage_ == Stage::Card) return drawCard(canvas);
  drawPage(canvas);
  drawCaptions(canvas);
  drawStatus(canvas);
  drawTermHover(canvas);
}

void PlayScreen::drawPage(Canvas& canvas) {
  body_ = pageBody(canvas);
  const Column col = columnOf(canvas, body_);
  std::vector<Placed> placed;
  termBoxes_.clear();
  int followY = 0;
  layout(canvas, placed, contentHeight_, followY);
  viewHeight_ = col.bottom - col.top;
  const double maxScroll = std::max(0, contentHeight_ - viewHeight_);
  if (follow_) scroll_ = std::max(scroll_, static_cast<double>(followY - viewHeight_));
  scroll_ = std::clamp(scroll_, 0.0, maxScroll);
  const int dy = col.top - static_cast<int>(std::lround(scroll_));
  const SDL_Rect view{0, col.top, canvas.width(), viewHeight_};
  view_ = view;
  canvas.setClip(&view);
  for (const Placed& p : placed) {
    if (p.boxed) {
      const int pad = canvas.px(12);
      const SDL_Rect box{p.x - pad, p.y + dy - pad, col.width, p.block->height + 2 * pad};
      canvas.fill(box, canvas.theme().panel);
      canvas.frame(box, canvas.theme().dim, canvas.px(1));
    }
    canvas.draw(*p.block, p.x, p.y + dy, p.reveal, &view);
    if (p.paragraph >= 0 && static_cast<size_t>(p.paragraph) < hits_.size())
      underlineTerms(canvas, *p.block, hits_[p.paragraph], p.x, p.y + dy, p.reveal, termBoxes_);
  }
  for (Button& b : buttons_.buttons) b.rect.y += dy;  // from page to window coordinates
  buttons_.draw(canvas, 21, &view);
  canvas.setClip(nullptr);
  // Hints that the page goes on beyond the view (lines cut by the view are not drawn).
  moreAbove_ = scroll_ > 0.5;
  moreBelow_ = !follow_ && scroll_ < maxScroll - 0.5;  // following: the newest text is in view
  const int hint = canvas.uiPixels(14);
  if (moreAbove_) {
    const TextBlock& up = canvas.text("\u25B2 more above", FontRole::Ui, hint, canvas.theme().dim);
    // Centred: the band's corners are the notices' (left) and the lesson clock's (right).
    canvas.draw(up, col.x + (col.width - up.width) / 2, col.top - up.height - canvas.px(4));
  }
  if (moreBelow_) {
    const TextBlock& down = canvas.text("\u25BC more below", FontRole::Ui, hint, canvas.theme().dim);
    canvas.draw(down, col.x + col.width - down.width, col.bottom + canvas.px(4));
  }
}

void PlayScreen::drawCard(Canvas& canvas) {
  const Theme& theme = canvas.theme();
  const Story& story = session_.story();
  const Chapter& chapter = story.chapters[chapter_];
  const int wrap = canvas.width() * 7 / 10;
  int y = canvas.height() * 36 / 100;
  y += canvas.centred("Chapter " + std::to_string(chapter_ + 1), FontRole::Ui, canvas.uiPixels(20),
                      theme.dim, y);
  y += canvas.px(12);
  y += canvas.centred(chapter.title.empty() ? chapter.id : chapter.title, FontRole::Heading,
                      canvas.bodyPixels() * 2, theme.accent, y, wrap);
  const bool note = showContentNotes() && !chapter.contentNote.empty();
  if (note) {
    y += canvas.px(28);
    y += canvas.centred("Content note: " + chapter.contentNote, FontRole::Ui, canvas.uiPixels(19),
                        theme.text, y, wrap);
    canvas.centred("Press Enter or click to go on", FontRole::Ui, canvas.uiPixels(16), theme.dim,
                   canvas.height() - canvas.px(60));
  }
  if (s_.settings.reducedMotion) return;
  // Fade in and out by covering the card with the background colour.
  const double t = now_ - stageSince_;
  double cover = std::max(0.0, 1.0 - t / kCardFadeMs);
  // A card with a content note waits for the reader, so it never fades out by itself.
  if (!note) cover = std::max(cover, std::clamp((t - (kCardMs - kCardFadeMs)) / kCardFadeMs, 0.0, 1.0));
  if (cover > 0.01) {
    SDL_Color c = theme.background;
    c.a = static_cast<Uint8>(std::lround(cover * 255));
    canvas.fill({0, 0, canvas.width(), canvas.height()}, c);
  }
}

void PlayScreen::drawCaptions(Canvas& canvas) {
  if (captions_.empty()) return;
  const Theme& theme = canvas.theme();
  const int pad = canvas.px(8);
  const int wrap = canvas.width() * 2 / 5;
  const Lesson* lesson = session_.lesson();
  int y = canvas.px(lesson && lesson->msLeft() >= 0 ? 40 : 10);  // below the lesson's clock
  for (const Caption& c : captions_) {
    const TextBlock& block = canvas.text(c.text, FontRole::Ui, canvas.uiPixels(16), theme.text, wrap);
    const SDL_Rect box{canvas.width() - block.width - 2 * pad - canvas.px(12), y,
                       block.width + 2 * pad, block.height + 2 * pad};
    canvas.fill(box, theme.panel);
    canvas.frame(box, theme.dim, canvas.px(1));
    canvas.draw(block, box.x + pad, box.y + pad);
    y += box.h + canvas.px(6);
  }
}

void PlayScreen::drawStatus(Canvas& canvas) {
  const Theme& theme = canvas.theme();
  std::string status;
  if (auto_) status += "Auto  ";
  if (skipToggle_ || skipHeld_) status += readBefore_ ? "Skipping  " : "Skip (waits for new text)  ";
  const int ui = canvas.uiPixels(14);
  // Above the window's bottom edge whatever the text size.
  const int y = canvas.height() - canvas.textCache().lineSkip(TextStyle{FontRole::Ui, ui, {}}) - canvas.px(8);
  if (!status.empty()) {
    const TextBlock& b = canvas.text(status, FontRole::UiBold, ui, theme.accent);
    canvas.draw(b, canvas.px(16), y);
  }
  const TextBlock& keys = canvas.text(
      "Esc menu \u00B7 PgUp history \u00B7 Backspace back \u00B7 A auto \u00B7 Tab skip",
      FontRole::Ui, ui, theme.dim);
  if (keys.width < canvas.width() / 2 && !moreBelow_)  // the hint below the page has its place
    canvas.draw(keys, canvas.width() - keys.width - canvas.px(16), y);
}

}  // namespace lc::present

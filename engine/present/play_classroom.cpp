// The Play screen in classroom mode: discussion, journal and chapter-gate cards pushed
// over the page, projector pages, glossary marks and hover, and the N (content note),
// G (glossary) and J (journal) keys. Without a lesson nothing here changes the page.
#include <algorithm>

#include "classroom/lesson_rules.h"
#include "present/play_screen.h"

namespace lc::present {

bool PlayScreen::showContentNotes() const { return s_.settings.contentNotes || session_.lesson(); }

void PlayScreen::addParagraph(const std::string& text) {
  std::vector<std::string> pages{text};
  if (s_.settings.projector) pages = projectorPages(text, kProjectorPageChars);
  Lesson* lesson = session_.lesson();
  for (std::string& page : pages) {
    hits_.push_back(lesson ? lesson->glossary().paragraph(session_.story(), page) : std::vector<GlossaryHit>{});
    paragraphs_.push_back(std::move(page));
  }
}

void PlayScreen::classroomEvent(const Event& e) {
  if (e.type == EventType::SceneEntered) {
    hits_.clear();
    cards_.clear();
    cardsReady_ = false;
    exam_.clear();
    examAtEnd_ = 0;
    promptRef_ = nullptr;
    promptAsk_.clear();
  }
  if (e.type == EventType::Prompt) {
    promptRef_ = e.prompt;
    promptAsk_ = e.text;
  }
  if (e.type == EventType::ChapterGate) gateChapter_ = e.chapter;
  if (e.type == EventType::Choices && session_.lesson()) {  // must-read scenes hold these (shown as such)
    const std::string held = heldChoicesText(session_.runner());
    if (!held.empty()) s_.notices.add(held);
  }
  if (Lesson* lesson = session_.lesson()) {
    lesson->noteEvent(session_.story(), e, session_.runner().state());
    // The chapter just left: its exam questions before the new chapter is read; at an
    // ending, after its text (queueClassroomCards).
    for (ExamQuestion& q : lesson->takeExam()) {
      exam_.push_back(std::move(q));
      if (e.type == EventType::Ended)
        ++examAtEnd_;
      else
        cards_.push_front(Card::Exam);
    }
  }
}

// After the text: the discussion card, then the journal (each once a scene).
void PlayScreen::queueClassroomCards() {
  if (!session_.lesson() || resumedScene_) return;
  if (!prompt_.empty()) cards_.push_back(Card::Prompt);
  if (!journal_.empty()) cards_.push_back(Card::Journal);
  for (; examAtEnd_ > 0; --examAtEnd_) cards_.push_back(Card::Exam);
}

// The discussion and journal cards wait until the reader goes on (Enter, a click, the
// Continue button) from the scene's last paragraph, so they never cover it the moment it
// appears. True when this input released them (and does nothing else).
bool PlayScreen::releaseCards() {
  if (cards_.empty() || cardsReady_ || stage_ == Stage::Reading || stage_ == Stage::Card) return false;
  cardsReady_ = true;
  return true;
}

// Cards are pushed from update(), when this screen is on top, never while it is being
// built (its constructor drains the runner before Game has pushed it). A gate card comes
// at once: there is no text under it to read.
void PlayScreen::showClassroomCards() {
  if (cards_.empty() || (!cardsReady_ && cards_.front() != Card::Gate)) return;
  const Card card = cards_.front();
  cards_.pop_front();
  Lesson* lesson = session_.lesson();
  if (!lesson) return;
  switch (card) {
    case Card::Prompt:
      s_.nav.push(makePromptScreen(s_, promptRef_ ? promptKindName(promptRef_->kind) : "discuss", promptAsk_,
                                   lesson->options().pauseSeconds, [this] {
                                     if (stage_ == Stage::Prompt) offerChoices();
                                   }));
      return;
    case Card::Journal: s_.nav.push(makeJournalScreen(s_, journal_)); return;
    case Card::Exam: {
      if (exam_.empty()) return;
      const ExamQuestion q = exam_.front();
      exam_.pop_front();
      s_.nav.push(makeExamScreen(s_, q));
      return;
    }
    case Card::Gate:
      s_.nav.push(makeGateScreen(s_, gateChapter_, [this] {
        message_.clear();
        gated_ = false;
        session_.runner().retryGate();
        drain();
      }));
      return;
  }
}

bool PlayScreen::classroomInput(const Input& in) {
  if (in.action == Action::PointerMove) {
    pointerX_ = in.x;
    pointerY_ = in.y;
    return false;  // the buttons want it too (hover)
  }
  if (in.action != Action::Key || !session_.lesson()) return false;
  switch (in.key) {
    case SDLK_n: s_.nav.push(makeContentNoteScreen(s_, chapter_)); return true;
    case SDLK_j: s_.nav.push(makeJournalScreen(s_, "", true)); return true;
    case SDLK_g: {
      std::vector<size_t> terms;
      for (const auto& paragraph : hits_)
        for (const GlossaryHit& h : paragraph) terms.push_back(h.term);
      s_.nav.push(makeGlossaryScreen(s_, std::move(terms)));
      return true;
    }
    default: return false;
  }
}

void PlayScreen::drawTermHover(Canvas& canvas) {
  for (const TermBox& box : termBoxes_) {
    const SDL_Point p{pointerX_, pointerY_};
    if (SDL_PointInRect(&p, &box.rect)) return drawTermTooltip(canvas, session_.story(), box.term, p.x, p.y);
  }
}

}  // namespace lc::present

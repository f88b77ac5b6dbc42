#include "present/play_screen.h"

#include <algorithm>
#include <cctype>

namespace lc::present {
namespace {

// What a button under the text does.
enum ButtonAction { kChoice, kPromptDone, kPlayAgain, kTitle, kBack, kRetryGate };

constexpr double kSkipStepMs = 70;     // skip still shows each paragraph for a moment
constexpr double kCaptionMs = 5000;

}  // namespace

PlayScreen::PlayScreen(Services& services) : s_(services), session_(*services.session) {
  drain();
}

// ---- Runner events -------------------------------------------------------------------

void PlayScreen::drain() {
  Runner& runner = session_.runner();
  while (runner.hasEvent()) apply(runner.next());
  session_.recordShown(paragraphs_);
  noteReached();
  const std::optional<SavePlace> place = resumedScene_ ? session_.takeResumePlace() : std::nullopt;
  if (place && place->paragraphs != SavePlace::kAll && !paragraphs_.empty()) return resumeAt(*place);
  if (stage_ == Stage::Reading && !paragraphs_.empty() && !resumedScene_) speakCurrent();
  if (stage_ == Stage::Reading && (paragraphs_.empty() || resumedScene_)) {
    // Nothing to reveal (a choices-only scene), or a scene shown again after load or
    // rollback, which the player has already read: everything at once.
    current_ = paragraphs_.empty() ? 0 : paragraphs_.size() - 1;
    revealed_ = currentLength();
    textFinished();
    noteReached();
  }
}

// A loaded save made mid-scene: the paragraphs read before it whole, the one being read
// complete and waiting (or, at the scene's start, revealing); the choices only if they
// were showing.
void PlayScreen::resumeAt(const SavePlace& place) {
  const size_t begun = std::min(static_cast<size_t>(place.paragraphs), paragraphs_.size());
  if (place.finished) {
    current_ = paragraphs_.size() - 1;
    revealed_ = currentLength();
    textFinished();
  } else if (begun == 0) {
    current_ = 0;
    revealed_ = 0;
    speakCurrent();
  } else {
    current_ = begun - 1;
    revealed_ = currentLength();
    waiting_ = current_ + 1 < paragraphs_.size();
    waitSince_ = now_;
    if (!waiting_) textFinished();
    else speakCurrent();
  }
  noteReached();
}

void PlayScreen::apply(const Event& e) {
  classroomEvent(e);
  switch (e.type) {
    case EventType::SceneEntered: beginScene(e.scene, e.resumed); break;
    case EventType::Music:
    case EventType::Sound: playCue(e); break;
    case EventType::Paragraph: addParagraph(e.text); break;
    case EventType::Prompt:
      if (e.prompt) {
        std::string kind = promptKindName(e.prompt->kind);
        kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
        prompt_ = kind + ": " + e.text;
      } else {
        prompt_ = e.text;
      }
      break;
    case EventType::Journal: journal_ = e.text; break;
    case EventType::Choices: break;  // offered once the text has been read
    case EventType::Ended: ending_ = e.text.empty() ? "The end" : e.text; break;
    case EventType::ChapterGate:
    case EventType::DeadEnd:
    case EventType::Fault:
      gated_ = e.type == EventType::ChapterGate;
      message_ = gated_ ? "The class waits here: the chapter \u201C" + e.text +
                              "\u201D is not open yet. Try again when your teacher opens it."
                        : e.text;
      // A fault while taking a choice arrives after this scene's text was read.
      if (stage_ == Stage::Choosing || stage_ == Stage::Prompt || stage_ == Stage::Ended ||
          stage_ == Stage::Stopped) {
        buttons_.clear();
        actions_.clear();
        offerWayBack(message_);
      }
      break;
  }
}

void PlayScreen::beginScene(int scene, bool resumed) {
  const Story& story = session_.story();
  scene_ = scene;
  resumedScene_ = resumed;
  heading_ = session_.runner().title();
  paragraphs_.clear();
  prompt_.clear();
  journal_.clear();
  ending_.clear();
  message_.clear();
  buttons_.clear();
  actions_.clear();
  current_ = 0;
  revealed_ = 0;
  waiting_ = false;
  scroll_ = 0;
  follow_ = true;
  readBefore_ = session_.wasRead(scene);
  session_.markRead(scene);
  if (resumed) s_.audio.stopLoops();
  const int chapter = story.scenes[scene].chapter;
  const bool newChapter = chapter != chapter_;
  chapter_ = chapter;
  stage_ = newChapter && !resumed ? Stage::Card : Stage::Reading;
  stageSince_ = now_;
  if (stage_ == Stage::Card) {
    const Chapter& c = story.chapters[chapter];
    s_.speak("Chapter " + std::to_string(chapter + 1) + ". " + (c.title.empty() ? c.id : c.title));
  }
  if (!resumed) {
    session_.setReached(0);  // the autosave resumes this scene from its first paragraph
    std::string error;
    if (!session_.autosave(error) && !error.empty()) s_.notices.add("Autosave failed: " + error);
  }
  if (skipToggle_ && !readBefore_ && !resumed) {
    skipToggle_ = false;
    s_.notices.add("Skipping stopped: this scene is new to you.");
  }
}

void PlayScreen::playCue(const Event& e) {
  const Story& story = session_.story();
  if (e.type == EventType::Music) {
    const Cue* cue = e.cue >= 0 ? &story.music[e.cue] : nullptr;
    s_.audio.setMusic(cue, s_.settings.reducedMotion);
    if (cue && !e.resumed && s_.settings.captions && !cue->caption.empty())
      addCaption("Music", cue->caption);
    return;
  }
  // The core says when a looping sound starts, is replaced or stops (cue -1);
  // one-shot sounds play over it.
  if (e.loop) s_.audio.stopLoops();
  if (e.cue < 0) return;
  const Cue& cue = story.sounds[e.cue];
  s_.audio.playSound(cue, e.loop);
  if (s_.settings.captions && !cue.caption.empty()) addCaption("Sound", cue.caption);
}

void PlayScreen::addCaption(const std::string& kind, const std::string& text) {
  captions_.push_back({"[" + kind + ": " + text + "]", -1});
  while (captions_.size() > 3) captions_.pop_front();
}

// The last paragraph is complete: the prompt, then the choices (or the ending).
void PlayScreen::textFinished() {
  queueClassroomCards();
  waiting_ = false;
  buttons_.clear();
  actions_.clear();
  stageSince_ = now_;
  if (!prompt_.empty()) {
    stage_ = Stage::Prompt;
    buttons_.add("Continue");
    actions_.push_back(kPromptDone);
    s_.speak("Discuss. " + prompt_);
    return;
  }
  offerChoices();
}

void PlayScreen::offerChoices() {
  Runner& runner = session_.runner();
  buttons_.clear();
  actions_.clear();
  stageSince_ = now_;
  if (!message_.empty()) return offerWayBack(message_);
  if (!ending_.empty()) {
    stage_ = Stage::Ended;
    buttons_.add("Play again");
    buttons_.add("Return to the title");
    actions_ = {kPlayAgain, kTitle};
    if (runner.canGoBack()) {
      buttons_.add("Go back one choice");
      actions_.push_back(kBack);
    }
    s_.speak(ending_);
    return;
  }
  stage_ = Stage::Choosing;
  buttons_.numbered = runner.choices().size() > 1;
  std::string spoken = "Choices.";
  for (size_t i = 0; i < runner.choices().size(); ++i) {
    buttons_.add(runner.label(i));
    actions_.push_back(kChoice);
    spoken += " " + std::to_string(i + 1) + ": " + runner.label(i) + ".";
  }
  s_.speak(spoken);
}

void PlayScreen::offerWayBack(const std::string& message) {
  stage_ = Stage::Stopped;
  if (gated_ && session_.lesson()) cards_.push_back(Card::Gate);
  if (gated_) {
    buttons_.add("Try again");
    actions_.push_back(kRetryGate);
  }
  if (session_.runner().canGoBack()) {
    buttons_.add("Go back one step");
    actions_.push_back(kBack);
  }
  buttons_.add("Return to the title");
  actions_.push_back(kTitle);
  s_.speak(message);
}

// ---- Player actions ------------------------------------------------------------------

uint32_t PlayScreen::currentLength() const {
  return current_ < paragraphs_.size() ? static_cast<uint32_t>(codePointCount(paragraphs_[current_])) : 0;
}

bool PlayScreen::revealing() const {
  return stage_ == Stage::Reading && !waiting_ && revealed_ < currentLength();
}

bool PlayScreen::skipping() const { return (skipToggle_ || skipHeld_) && readBefore_; }

double PlayScreen::autoDelayMs() const {
  // A pause that grows with what was just read: about a reading pace of 25 characters/s.
  return 1200 + 40.0 * currentLength();
}

void PlayScreen::advance() {
  follow_ = true;
  if (releaseCards()) return;
  switch (stage_) {
    case Stage::Card: return startReading();
    case Stage::Reading:
      if (!waiting_) {  // first the whole paragraph, then the next one
        revealed_ = currentLength();
        if (current_ + 1 >= paragraphs_.size()) {
          textFinished();
        } else {
          waiting_ = true;
          waitSince_ = now_;
        }
        return;
      }
      waiting_ = false;
      if (++current_ >= paragraphs_.size()) return textFinished();
      revealed_ = 0;
      speakCurrent();
      return;
    case Stage::Prompt: return offerChoices();
    case Stage::Choosing:
      // A single way on (a `next` scene) needs no aiming; otherwise Enter takes the focus.
      if (buttons_.focus >= 0) return activate(buttons_.focus);
      if (buttons_.buttons.size() == 1) return activate(0);
      return;
    case Stage::Ended:
    case Stage::Stopped:
      if (buttons_.focus >= 0) activate(buttons_.focus);
      return;
  }
}

// After the chapter card: the scene's text begins.
void PlayScreen::startReading() {
  stage_ = Stage::Reading;
  stageSince_ = now_;
  speakCurrent();
}

void PlayScreen::speakCurrent() {
  if (current_ < paragraphs_.size()) s_.speak(paragraphs_[current_]);
}

void PlayScreen::activate(int index) {
  if (index < 0 || index >= static_cast<int>(actions_.size())) return;
  switch (actions_[index]) {
    case kChoice: return choose(static_cast<size_t>(index));
    case kPromptDone: return releaseCards() ? void() : offerChoices();
    case kPlayAgain:
      if (session_.unsaved()) {
        s_.nav.push(makeConfirmScreen(s_, "Start again from the beginning? Progress since your last save is only in the autosave.",
                                      "Start again", "Stay", [this] { s_.nav.newGame(); }));
        return;
      }
      return s_.nav.newGame();
    case kTitle: return s_.nav.toTitle();
    case kBack: return rollback();
    case kRetryGate:
      message_.clear();
      gated_ = false;
      session_.runner().retryGate();
      return drain();
  }
}

void PlayScreen::choose(size_t index) {
  s_.voice.stop();
  session_.chose(index);
  drain();
}

void PlayScreen::rollback() {
  if (!session_.back()) {
    s_.notices.add("Nothing to go back to.");
    return;
  }
  s_.voice.stop();
  drain();
}

void PlayScreen::scrollBy(int pixels) {
  const double maxScroll = std::max(0, contentHeight_ - viewHeight_);
  scroll_ = std::clamp(scroll_ + pixels, 0.0, maxScroll);
  follow_ = scroll_ >= maxScroll;
}

void PlayScreen::handle(const Input& in) {
  handleInput(in);
  noteReached();
}

// The backlog and saves learn how far the reader has got (the paragraph being revealed
// counts: its start is on the page).
void PlayScreen::noteReached() {
  size_t reached = stage_ == Stage::Card ? 0 : paragraphs_.size();
  if (stage_ == Stage::Reading) reached = std::min(current_ + 1, paragraphs_.size());
  session_.setReached(reached, stage_ != Stage::Card && stage_ != Stage::Reading);
}

void PlayScreen::handleInput(const Input& in) {
  if (classroomInput(in)) return;
  const bool buttonsShown = stage_ != Stage::Card && stage_ != Stage::Reading;
  if (buttonsShown) {
    int index = -1;
    const auto result = buttons_.handle(in, index);
    if (result == ButtonList::Result::Activated) return activate(index);
    if (result == ButtonList::Result::Handled) {
      if (auto label = buttons_.takeFocusChange()) s_.speak(*label);
      return;
    }
  }
  const int line = std::max(1, viewHeight_ / 12);
  switch (in.action) {
    case Action::Confirm: case Action::Click: return advance();
    case Action::Cancel: case Action::Menu: return s_.nav.push(makeMenuScreen(s_));
    case Action::History: return s_.nav.push(makeHistoryScreen(s_));
    case Action::Rollback: return rollback();
    case Action::SkipToggle: skipToggle_ = !skipToggle_; return;
    case Action::SkipHold: skipHeld_ = true; return;
    case Action::SkipRelease: skipHeld_ = false; return;
    case Action::Auto: auto_ = !auto_; return;
    case Action::Up: return scrollBy(-line);
    case Action::Down: return scrollBy(line);
    case Action::PageDown: return scrollBy(viewHeight_ - line);
    case Action::Wheel:
      // Wheel up scrolls a long scene back; at its top it opens the backlog.
      if (in.wheel > 0 && scroll_ <= 0) return s_.nav.push(makeHistoryScreen(s_));
      return scrollBy(-in.wheel * line);
    default: return;
  }
}

void PlayScreen::resumed() {
  skipHeld_ = false;  // the Ctrl release may have gone to a dialog
}

// ---- Time ----------------------------------------------------------------------------

void PlayScreen::update(double nowMs) {
  const double dt = last_ < 0 ? 0 : std::min(250.0, nowMs - last_);
  if (last_ < 0) {
    // The first tick: the scene began while this screen was built, before it knew the
    // clock, so its timers start now (else a chapter card would count the time spent on
    // the title screen and be over before it was seen).
    stageSince_ = waitSince_ = nowMs;
  }
  last_ = now_ = nowMs;
  showClassroomCards();
  tick(nowMs, dt);
  noteReached();
}

void PlayScreen::tick(double nowMs, double dt) {
  for (Caption& c : captions_)
    if (c.until < 0) c.until = nowMs + kCaptionMs;
  while (!captions_.empty() && captions_.front().until <= nowMs) captions_.pop_front();

  const bool fast = skipping();
  switch (stage_) {
    case Stage::Card:
      if (nowMs - stageSince_ > (fast ? kSkipStepMs * 4 : kCardMs)) {
        // A content note waits for the player; a plain card goes by itself.
        const bool note = showContentNotes() &&
                          !session_.story().chapters[chapter_].contentNote.empty();
        if (!note || fast) startReading();
      }
      return;
    case Stage::Reading: {
      const double cps = charsPerSecond(s_.settings.textSpeed);
      if (waiting_) {
        if ((fast && nowMs - waitSince_ > kSkipStepMs) || (auto_ && nowMs - waitSince_ > autoDelayMs()))
          advance();
        return;
      }
      if (fast || cps <= 0 || s_.settings.reducedMotion) revealed_ = currentLength();
      else revealed_ += dt * cps / 1000.0;
      if (revealed_ >= currentLength()) {
        revealed_ = currentLength();
        if (current_ + 1 >= paragraphs_.size()) {
          textFinished();
        } else {
          waiting_ = true;
          waitSince_ = nowMs;
        }
      }
      return;
    }
    case Stage::Choosing:
      // Skip and auto go on through a `next` (one way on), never through a real choice.
      if (buttons_.buttons.size() == 1 && session_.runner().choices().size() == 1 &&
          session_.runner().choices()[0].choice < 0 &&
          ((fast && nowMs - stageSince_ > kSkipStepMs) || (auto_ && nowMs - stageSince_ > autoDelayMs())))
        choose(0);
      return;
    default: return;
  }
}

bool PlayScreen::animating() const {
  if (!captions_.empty()) return true;
  switch (stage_) {
    case Stage::Card:  // a content-note card waits still once it has faded in
      return !(showContentNotes() && !session_.story().chapters[chapter_].contentNote.empty()) ||
             now_ - stageSince_ < kCardFadeMs;
    case Stage::Reading: return !waiting_ || auto_ || skipping();
    case Stage::Choosing: return auto_ || skipping();
    default: return false;
  }
}

std::unique_ptr<Screen> makePlayScreen(Services& services) {
  return std::make_unique<PlayScreen>(services);
}

}  // namespace lc::present

// The Play screen: pulls events from the Runner and shows one scene at a time: a chapter
// card when the chapter changes, the scene title, its paragraphs revealed one by one,
// then the classroom prompt (if any) and the choices. Skip (Tab, or hold Ctrl) passes
// quickly through scenes read before; auto (A) advances after a pause that grows with
// the text; Backspace undoes the last choice; Esc opens the menu; PageUp the backlog.
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "classroom/classroom.h"
#include "present/classroom_screens.h"
#include "present/screen.h"
#include "present/widgets.h"

namespace lc::present {

class PlayScreen : public Screen {
 public:
  explicit PlayScreen(Services& services);

  const char* name() const override { return "play"; }
  void handle(const Input& in) override;
  void update(double nowMs) override;
  void draw(Canvas& canvas) override;
  bool animating() const override;
  void resumed() override;

  static constexpr double kCardMs = 2600;  // a chapter card stays this long unless clicked
  static constexpr double kCardFadeMs = 450;

  // For tests: what is on the page.
  enum class Stage { Card, Reading, Prompt, Choosing, Ended, Stopped };
  Stage stage() const { return stage_; }
  int scene() const { return scene_; }
  size_t paragraphsShown() const { return current_ + (stage_ == Stage::Reading ? 0 : 1); }
  const std::vector<std::string>& paragraphs() const { return paragraphs_; }
  const ButtonList* buttonList() const override { return &buttons_; }
  bool revealing() const;
  bool moreAbove() const { return moreAbove_; }
  bool moreBelow() const { return moreBelow_; }
  SDL_Rect view() const { return view_; }   // the page's scrolling area, as last drawn
  int bodyPixels() const { return body_; }  // the story text's size, as last drawn

 private:
  // Runner events.
  void drain();
  void apply(const Event& e);
  void beginScene(int scene, bool resumed);
  void resumeAt(const SavePlace& place);
  void playCue(const Event& e);
  void addCaption(const std::string& kind, const std::string& text);
  void textFinished();
  void offerChoices();
  void offerWayBack(const std::string& message);

  // Player actions.
  void handleInput(const Input& in);
  void noteReached();
  void tick(double nowMs, double dt);
  void advance();
  void startReading();
  void speakCurrent();
  void activate(int index);
  void choose(size_t index);
  void rollback();
  bool skipping() const;
  void scrollBy(int pixels);
  double autoDelayMs() const;
  uint32_t currentLength() const;

  // Classroom mode (play_classroom.cpp): full-screen cards pushed over the page when it
  // is the top screen, projector pages, glossary marks and the N, G and J keys.
  enum class Card { Prompt, Journal, Gate, Exam };
  void addParagraph(const std::string& text);
  void classroomEvent(const Event& e);
  void queueClassroomCards();
  void showClassroomCards();
  bool releaseCards();
  bool classroomInput(const Input& in);
  bool showContentNotes() const;
  void drawTermHover(Canvas& canvas);

  // Drawing (play_draw.cpp).
  struct Placed;
  int pageBody(Canvas& canvas);
  void layout(Canvas& canvas, std::vector<Placed>& out, int& contentHeight, int& followY);
  void drawCard(Canvas& canvas);
  void drawPage(Canvas& canvas);
  void drawCaptions(Canvas& canvas);
  void drawStatus(Canvas& canvas);

  Services& s_;
  Session& session_;
  Stage stage_ = Stage::Reading;
  int scene_ = -1;
  int chapter_ = -1;
  bool readBefore_ = false;
  bool resumedScene_ = false;
  std::string heading_;
  std::vector<std::string> paragraphs_;
  size_t current_ = 0;     // paragraph being revealed (or waiting after)
  double revealed_ = 0;    // code points of paragraphs_[current_] shown
  bool waiting_ = false;   // paragraph complete, waiting for the player
  std::string prompt_;     // classroom prompt ("" when none)
  std::string journal_;
  std::string ending_;
  std::string message_;    // dead end, run-time error, or a chapter not open yet
  bool gated_ = false;     // message_ is a chapter gate: offer to try again
  ButtonList buttons_;     // choices, or the ways out of an ending / dead end
  std::vector<int> actions_;  // what each button does when not a choice (see play_screen.cpp)

  struct Caption {
    std::string text;
    double until;
  };
  std::deque<Caption> captions_;

  std::deque<Card> cards_;                      // classroom cards still to show
  bool cardsReady_ = false;  // the reader went on past the last paragraph: the cards may cover it
  std::deque<ExamQuestion> exam_;               // the exam questions of those cards
  int examAtEnd_ = 0;                           // of them, asked once the ending is read
  const Prompt* promptRef_ = nullptr;           // the scene's discussion prompt
  std::string promptAsk_;
  int gateChapter_ = -1;
  std::vector<std::vector<GlossaryHit>> hits_;  // glossary terms, by paragraph
  std::vector<TermBox> termBoxes_;              // where they were drawn last
  int pointerX_ = -1, pointerY_ = -1;

  bool skipToggle_ = false, skipHeld_ = false, auto_ = false;
  double now_ = 0, last_ = -1, stageSince_ = 0, waitSince_ = 0;
  double scroll_ = 0;
  bool follow_ = true;   // keep the newest text in view until the player scrolls up
  int contentHeight_ = 0, viewHeight_ = 1;
  bool moreAbove_ = false, moreBelow_ = false;  // as last drawn
  SDL_Rect view_{};
  int body_ = 0;  // story text size of the page as last drawn (fitted in projector mode)
  struct FitKey {
    std::string text, heading;
    int width, height, largest;
    bool dyslexia;
    bool operator==(const FitKey&) const = default;
  };
  std::optional<FitKey> fitKey_;  // what fitPixels_ was measured for
  int fitPixels_ = 0;
};

}  // namespace lc::present

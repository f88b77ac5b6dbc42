// The window's classroom screens: the setup screen (from the title), the chapter gate,
// the discussion card, the content note card, the glossary and the reading journal; the
// glossary marks in the text; and the classroom hooks Game calls each frame.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "classroom/classroom.h"
#include "present/player.h"
#include "present/screen.h"
#include "present/text_cache.h"

namespace lc::present {

// Text sizes of projector mode (at 720 lines, scaled with the window): the page takes the
// largest in this range at which its paragraph fits (at 1920x1080: 48 to 90 pixels).
inline constexpr int kProjectorFontSize = 60;
inline constexpr int kProjectorMinFontSize = 32;
// A paragraph longer than this many code points is split into projector pages (at the
// smallest projector size such a page fits even an 800x600 window).
inline constexpr size_t kProjectorPageChars = 560;

std::unique_ptr<Screen> makeClassroomSetupScreen(Services& services);
// The class waits at a closed chapter; `onOpened` runs once the right code was typed.
std::unique_ptr<Screen> makeGateScreen(Services& services, int chapter, std::function<void()> onOpened);
// A discussion pause: kind, question, a countdown when `seconds` > 0; `onDone` when the
// teacher goes on.
std::unique_ptr<Screen> makePromptScreen(Services& services, std::string kind, std::string ask, int seconds,
                                         std::function<void()> onDone);
std::unique_ptr<Screen> makeContentNoteScreen(Services& services, int chapter);
// Every glossary term, those in `sceneTerms` (indexes into Story::glossary) first.
std::unique_ptr<Screen> makeGlossaryScreen(Services& services, std::vector<size_t> sceneTerms);
// The reading journal: `question` is the scene's journal question ("" for a free note).
// `openedWithJ`: the J key opened it, so the "j" SDL types for that same key press (a
// text event right behind the key event) is not taken as the first letter of the entry.
std::unique_ptr<Screen> makeJournalScreen(Services& services, std::string question, bool openedWithJ = false);
// A chapter's exam question (a plan's exam: true), written like a journal reflection; the
// answer is filed at the question's scene.
std::unique_ptr<Screen> makeExamScreen(Services& services, const ExamQuestion& exam);

// Splits a paragraph into projector pages of about `maxCodePoints`, at sentence ends
// where it can, else between words.
std::vector<std::string> projectorPages(const std::string& paragraph, size_t maxCodePoints);

// A countdown as a class reads it across the room: "4:05", "0:09", "62:00".
std::string clockText(int seconds);

// A glossary term as drawn on the page, for hover.
struct TermBox {
  SDL_Rect rect;
  size_t term;
};
// Underlines the glossary hits of a block drawn at (x, y) (as far as `reveal` shows it)
// and adds where they are to `boxes`.
void underlineTerms(Canvas& canvas, const TextBlock& block, const std::vector<GlossaryHit>& hits, int x, int y,
                    long reveal, std::vector<TermBox>& boxes);
// A box explaining the term under the pointer at (px, py).
void drawTermTooltip(Canvas& canvas, const Story& story, size_t term, int px, int py);

// Game hooks. The lesson's epoch clock, built on the window's (injectable) clock.
NowFn lessonClock(const std::function<double()>* windowClock);
// Starts the command line's lesson; false with the lesson plan's problems.
bool startWindowLesson(Session& session, const WindowOptions& options, std::vector<std::string>& problems);
// Each frame: the lesson timer's warning and autosave.
void tickLesson(Session& session, Notices& notices);

}  // namespace lc::present

// The lesson's time on screen: a countdown in the window's top-right corner while a timed lesson
// runs, and a card when its time is up (the place saved, the plenary, keep reading or
// stop). Game draws the clock over every screen and pushes the card once.
#pragma once
#include <memory>
#include <string>

#include "present/classroom_lesson.h"
#include "present/screen.h"

namespace lc::present {

// "Lesson 37:12 left", "Lesson time is up"; "" without a timed lesson.
std::string lessonClockText(const Lesson* lesson);
// Draws `text` in the top-right corner (nothing when it is empty): the top-left band is the
// notices', and the play screen's captions start below the clock.
void drawLessonClock(Canvas& canvas, const std::string& text);
// The card at the lesson's end: the place is in the Autosave when `saved`.
std::unique_ptr<Screen> makeLessonEndScreen(Services& services, bool saved);
// Each frame: pushes the end card once the time is up (after an autosave) and keeps
// `shown`, the corner clock's text; true when that text changed (the frame must be drawn).
bool lessonFrame(Services& services, std::string& shown);

}  // namespace lc::present

// Inside the console session: what classroom mode keeps between lines, and the small
// line helpers console.cpp and classroom_console.cpp share. Not for other front ends:
// they hold a classroom/lesson.h Lesson directly.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/console.h"
#include "classroom/lesson.h"

namespace lc {

// "save 3" -> {"save", "3"}
inline std::pair<std::string, std::string> splitCommand(const std::string& line) {
  size_t a = line.find_first_not_of(" \t\r");
  if (a == std::string::npos) return {};
  size_t b = line.find_first_of(" \t", a);
  std::string word = line.substr(a, b == std::string::npos ? std::string::npos : b - a);
  std::string rest;
  if (b != std::string::npos) {
    size_t c = line.find_first_not_of(" \t", b);
    size_t d = line.find_last_not_of(" \t\r");
    if (c != std::string::npos) rest = line.substr(c, d - c + 1);
  }
  return {word, rest};
}

inline bool isNumber(const std::string& s) {
  if (s.empty() || s.size() > 6) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The lesson (classroom/lesson.h, the one model the window holds too) and what the
// terminal adds to it: what the next line of input is for.
struct ConsoleSession::Classroom {
  Classroom(const Story& story, const ClassroomOptions& options);

  enum class Wait { Nothing, Pause, Reflection };

  Lesson lesson;
  Alarm pauseEnd;  // the discussion countdown
  Wait wait = Wait::Nothing;
  Wait afterReflection = Wait::Nothing;  // a note written during a pause goes back to it
  bool freeNote = false;
  std::vector<std::string> draft;  // lines of the reflection being written
  bool started = false;            // the lesson's opening notices were shown
  std::vector<ExamQuestion> exam;  // exam questions still to answer; the first is being written
  std::optional<Event> afterExam;  // the new chapter's first scene, shown once they are answered
};

}  // namespace lc

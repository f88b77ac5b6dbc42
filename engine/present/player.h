// The SDL window player: the entry point the app calls for `lostcorner play`.
#pragma once
#include <string>

#include "classroom/classroom.h"

namespace lc::present {

struct WindowOptions {
  std::string storyPath;   // a story folder or its story.yaml
  bool classroom = false;  // classroom prompts and reading-journal questions
  bool fullscreen = false;
  int width = 1280, height = 720;
  std::string saveDir;     // empty = SaveStore::defaultDir(story id)
  std::string configDir;   // empty = $XDG_CONFIG_HOME/lostcorner
  int maxFrames = -1;      // stop after this many frames (tests, benchmark); -1 = no limit
  // Classroom mode (with `classroom`): the lesson as the terminal player takes it.
  ClassroomOptions lesson;
  std::string lessonPlan;  // a lesson plan file, read once the story is loaded
  bool pauseGiven = false, lengthGiven = false;  // given on the command line: win over the plan
  bool projector = false;  // very large text, a few lines at a time, high contrast
};

// Opens the window and plays until the player quits. Returns the process exit code:
// 0 after a normal quit, 1 when no window could be opened or the story has errors.
int runWindowPlayer(const WindowOptions& options);

}  // namespace lc::present

namespace lc {
using present::runWindowPlayer;
using present::WindowOptions;
}  // namespace lc

// The web player's entry point (tools/web/CMakeLists.txt; not part of the desktop build).
// The page (tools/web/page.html) has unpacked the story and mounted the browser's storage
// before main runs; the arguments come from `lostcorner publish` and the page's URL:
//   --story PATH  --classroom  --homework  --projector  --teacher-code CODE
//   --pause-seconds N  --lesson-minutes N
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "present/player.h"

namespace {

// A whole number in [0, max], or -1.
int count(const char* text, int max) {
  char* end = nullptr;
  const long v = std::strtol(text, &end, 10);
  return (*text && !*end && v >= 0 && v <= max) ? static_cast<int>(v) : -1;
}

bool readOption(lc::WindowOptions& w, const std::string& name, const char* value) {
  if (name == "--story") w.storyPath = value;
  else if (name == "--teacher-code") w.lesson.teacherCode = value;
  else if (name == "--pause-seconds") w.pauseGiven = (w.lesson.pauseSeconds = count(value, 3600)) >= 0;
  else if (name == "--lesson-minutes") w.lengthGiven = (w.lesson.lessonMinutes = count(value, 600)) >= 0;
  else return false;
  if (name != "--story") w.classroom = w.lesson.enabled = true;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  lc::WindowOptions w;
  w.storyPath = "/story";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--classroom") w.classroom = w.lesson.enabled = true;
    else if (a == "--homework") w.classroom = w.lesson.enabled = w.lesson.homework = true;
    else if (a == "--projector") w.projector = true;
    else if (i + 1 < argc && readOption(w, a, argv[i + 1])) ++i;
    else std::fprintf(stderr, "lostcorner (web): ignored argument '%s'\n", argv[i]);
  }
  if (w.lesson.pauseSeconds < 0) w.lesson.pauseSeconds = 0, w.pauseGiven = false;
  if (w.lesson.lessonMinutes < 0) w.lesson.lessonMinutes = 0, w.lengthGiven = false;
  return lc::runWindowPlayer(w);
}

// A small story for the writer's tools in the window (debug overlay, hot reload): a
// once-only choice and a conditional one, so that hidden choices can be explained.
#pragma once
#include <fcntl.h>
#include <sys/stat.h>

#include <string>

#include "fixtures.h"

namespace lc::present::testing {

inline const char* kDevManifest =
    "format: lostcorner/1\nid: dev-test\ntitle: Dev\nstart: one.gate\nchapters: [one.yaml]\n"
    "variables:\n  trust: {type: int, initial: 0}\n  lamp: {type: bool, initial: true}\n";

inline std::string devChapter(const std::string& gateText, const std::string& homeTarget = "field") {
  return "chapter: one\ntitle: One\nscenes:\n"
         "  gate:\n    title: The gate\n    text: " + gateText + "\n    choices:\n"
         "      - {text: Wait, goto: gate, once: true, do: [trust += 1]}\n"
         "      - {text: Walk on, goto: field, if: trust >= 2}\n"
         "      - {text: Go home, goto: " + homeTarget + "}\n"
         "  field:\n    title: The field\n    text: A field.\n    end: true\n";
}

inline std::string writeDevStory(const TempDir& dir) {
  const std::string folder = dir / "story";
  writeText(folder + "/story.yaml", kDevManifest);
  writeText(folder + "/one.yaml", devChapter("At the gate."));
  return folder;
}

// Rewrites a story file with a later modification time, as an editor's save would,
// so the watcher sees it without the test sleeping.
inline void editLater(const std::string& path, const std::string& text, int seconds = 5) {
  writeText(path, text);
  struct timespec times[2];
  clock_gettime(CLOCK_REALTIME, &times[0]);
  times[0].tv_sec += seconds;
  times[1] = times[0];
  utimensat(AT_FDCWD, path.c_str(), times, 0);
}

inline void ctrlR(Harness& h) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.state = SDL_PRESSED;
  e.key.keysym.sym = SDLK_r;
  e.key.keysym.mod = KMOD_LCTRL;
  SDL_PushEvent(&e);
  h.frame();
  h.finishReload();
}

// New game, past the chapter card, to the gate's choices; then Wait once (trust 1).
inline void playToSecondGate(Harness& h) {
  h.key(SDLK_1);  // New game
  REQUIRE(h.game->topName() == "play");
  REQUIRE(h.readToChoices());
  h.key(SDLK_1);  // Wait
  REQUIRE(h.readToChoices());
  REQUIRE(h.sceneId() == "one.gate");
}

}  // namespace lc::present::testing

// Frame benchmark of the SDL player. Prints numbers; asserts nothing (timings are never
// unit tests). Run it under Xvfb for the real-window numbers:
//
//   xvfb-run -a -s '-screen 0 1920x1080x24' build/tools/bench/lc_frame_bench [STORY]
//
// 1. Cold start to the first frame: this program starts itself again as a child that
//    opens the window player on the story (default: the bundled one) and reports the
//    time from before exec() to the first presented frame. Five runs.
// 2. CPU time per frame at 1920x1080 with the software renderer (a real window when there
//    is a display, and offscreen): a still screen (nothing changed: nothing is drawn),
//    a still screen forced to redraw everything, and while text is revealing.
// 3. Peak RSS of a player that opened its window and played 60 scenes.
// Targets (issue 6): first frame < 150 ms, still < 2 ms, revealing < 4 ms, RSS < 80 MB.
#include <SDL.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "present/game.h"
#include "present/play_screen.h"

using namespace lc::present;

namespace {

double nowNs(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

void pushKey(SDL_Keycode key) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = key;
  SDL_PushEvent(&e);
}

std::string tempDir(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   (std::string("lc-frame-bench-") + name + "-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

WindowOptions optionsFor(const std::string& story, const std::string& dir) {
  WindowOptions o;
  o.storyPath = story;
  o.saveDir = dir + "/saves";
  o.configDir = dir + "/config";
  return o;
}

// Plays on: Enter through text and single ways on, the first choice at real choices.
void playScenes(Game& game, int scenes) {
  for (int steps = 0; steps < scenes * 12 && scenes > 0; ++steps) {
    auto* play = dynamic_cast<PlayScreen*>(game.top());
    if (!play) break;
    if (play->stage() == PlayScreen::Stage::Ended) {
      pushKey(SDLK_1);  // play again
      --scenes;
    } else if (play->stage() == PlayScreen::Stage::Choosing) {
      pushKey(SDLK_1);
      --scenes;
    } else {
      pushKey(SDLK_RETURN);
    }
    game.frame();
  }
}

// ---- 1 and 3: the child that opens the real window player ------------------------------

int firstFrameChild(const std::string& story, double startNs) {
  const double mainMs = (nowNs(CLOCK_MONOTONIC) - startNs) / 1e6;  // exec and dynamic linking
  const std::string dir = tempDir("child");
  {
    Game game(optionsFor(story, dir), Game::Parts{});
    if (!game.ok()) {
      std::fprintf(stderr, "frame_bench: %s\n", game.error().c_str());
      return 1;
    }
    game.frame();
    const double firstMs = (nowNs(CLOCK_MONOTONIC) - startNs) / 1e6;
    // CPU time spent by then (all threads): unlike the wall clock, not stretched by a busy machine.
    const double cpuMs = nowNs(CLOCK_PROCESS_CPUTIME_ID) / 1e6;
    pushKey(SDLK_1);  // New game, then 60 scenes with instant text
    game.settings().textSpeed = TextSpeed::Instant;
    game.frame();
    playScenes(game, 60);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%.2f %.2f %.2f %ld %d %s\n", firstMs, mainMs, cpuMs, usage.ru_maxrss, game.display().software() ? 1 : 0,
                game.session() ? game.session()->story().id.c_str() : "-");
  }
  std::filesystem::remove_all(dir);
  return 0;
}

void coldStart(const char* self, const std::string& story) {
  std::vector<double> times, toMain, cpu;
  long rss = 0;
  bool software = false;
  for (int run = 0; run < 5; ++run) {
    int fds[2];
    if (pipe(fds) != 0) return;
    const double start = nowNs(CLOCK_MONOTONIC);
    const pid_t pid = fork();
    if (pid == 0) {
      dup2(fds[1], 1);
      const std::string t0 = std::to_string(start);
      execl(self, self, "--child", t0.c_str(), story.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    char buf[256] = {};
    const ssize_t n = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    double ms = 0, mainMs = 0, cpuMs = 0;
    int soft = 0;
    char id[128] = {};
    if (n <= 0 || std::sscanf(buf, "%lf %lf %lf %ld %d %127s", &ms, &mainMs, &cpuMs, &rss, &soft, id) != 6) {
      std::printf("cold start: the child failed (status %d)\n", status);
      return;
    }
    software = soft != 0;
    times.push_back(ms);
    toMain.push_back(mainMs);
    cpu.push_back(cpuMs);
  }
  std::sort(times.begin(), times.end());
  std::sort(toMain.begin(), toMain.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("cold start to first frame (%s renderer): median %.1f ms, best %.1f ms, worst %.1f ms  [target < 150 ms]\n",
              software ? "software" : "accelerated", times[2], times[0], times[4]);
  std::printf("  of which exec and dynamic linking up to main(): median %.1f ms\n", toMain[2]);
  std::printf("  CPU time used by the player up to its first frame (all threads): median %.1f ms\n", cpu[2]);
  std::printf("peak RSS of the window player after 60 scenes: %.1f MB  [target < 80 MB]\n", rss / 1024.0);
}

// ---- 2: CPU per frame at 1920x1080 with the software renderer --------------------------

struct FrameCost {
  double still = 0, redraw = 0, reveal = 0;
  size_t textCacheMb = 0;
};

double cpuPerFrameMs(Game& game, int frames, double& fakeNow, bool forceRedraw) {
  const double start = nowNs(CLOCK_THREAD_CPUTIME_ID);
  for (int i = 0; i < frames; ++i) {
    if (forceRedraw) game.redraw();
    fakeNow += 16.7;
    game.frame();
  }
  return (nowNs(CLOCK_THREAD_CPUTIME_ID) - start) / 1e6 / frames;
}

FrameCost measureFrames(const std::string& story, std::unique_ptr<Display> display) {
  const std::string dir = tempDir("frames");
  FrameCost cost;
  {
    Game::Parts parts;
    parts.display = std::move(display);
    parts.audio = silentAudio();
    parts.voice = silentVoice();
    Game game(optionsFor(story, dir), std::move(parts));
    double fakeNow = 0;
    game.setClock([&] { return fakeNow; });
    game.frame();
    pushKey(SDLK_1);  // New game
    game.frame();
    pushKey(SDLK_RETURN);  // past the chapter card
    game.frame();
    auto* play = dynamic_cast<PlayScreen*>(game.top());
    if (!play) return cost;
    // Revealing: average over frames while the typewriter runs (next paragraphs too).
    double total = 0;
    int frames = 0;
    while (frames < 400 && play->stage() == PlayScreen::Stage::Reading) {
      if (!play->revealing()) {
        pushKey(SDLK_RETURN);
        game.frame();
        continue;
      }
      total += cpuPerFrameMs(game, 1, fakeNow, false);
      ++frames;
    }
    cost.reveal = frames ? total / frames : 0;
    while (play->stage() == PlayScreen::Stage::Reading) {
      pushKey(SDLK_RETURN);
      game.frame();
    }
    cpuPerFrameMs(game, 5, fakeNow, false);  // let the last change settle
    cost.still = cpuPerFrameMs(game, 300, fakeNow, false);
    cost.redraw = cpuPerFrameMs(game, 200, fakeNow, true);
    cost.textCacheMb = game.textCache().bytes() >> 20;
  }
  std::filesystem::remove_all(dir);
  return cost;
}

void report(const char* what, const FrameCost& c) {
  std::printf("%s:\n  still screen %.3f ms/frame (nothing changed, nothing drawn)  [target < 2 ms]\n"
              "  still screen, full redraw forced %.3f ms/frame\n"
              "  text revealing %.3f ms/frame  [target < 4 ms]\n  text cache %zu MB\n",
              what, c.still, c.redraw, c.reveal, c.textCacheMb);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::string(argv[1]) == "--child")
    return firstFrameChild(argc >= 4 ? argv[3] : LC_SOURCE_DIR "/story/never-let-me-go", std::atof(argv[2]));
  const std::string story = argc >= 2 ? argv[1] : LC_SOURCE_DIR "/story/never-let-me-go";
  setenv("SDL_AUDIODRIVER", "dummy", 0);  // music is decoded and mixed, but not heard
  const bool display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
  std::printf("story: %s\n", story.c_str());
  if (display) coldStart("/proc/self/exe", story);
  else std::printf("cold start: skipped (no display; run under xvfb-run)\n");

  SDL_Init(SDL_INIT_VIDEO);
  std::string error;
  if (display) {
    DisplayOptions d;
    d.width = 1920;
    d.height = 1080;
    d.forceSoftware = true;
    if (auto window = Display::openWindow(d, error)) {
      const bool sized = window->width() == 1920;
      report(sized ? "1920x1080 window, software renderer" : "window (smaller than asked), software renderer",
             measureFrames(story, std::move(window)));
    }
  }
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
  report("1920x1080 offscreen surface, software renderer", measureFrames(story, Display::offscreen(surface, error)));
  SDL_FreeSurface(surface);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS of this benchmark process: %.1f MB\n", usage.ru_maxrss / 1024.0);
  SDL_Quit();
  return 0;
}

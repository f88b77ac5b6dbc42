// Shared by the present tests: small stories written to a temp folder, tiny WAV files,
// a Game drawing into an offscreen surface with a clock the test moves, injected input,
// screenshots (BMP under ${LC_BINARY_DIR}/screenshots) and pixel checks.
#pragma once
#include <SDL.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "present/game.h"
#include "present/play_screen.h"
#include "present/widgets.h"

namespace lc::present::testing {

namespace fs = std::filesystem;

// A fresh folder under the build tree, removed when the test ends.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::path(LC_BINARY_DIR) / "present-tmp" / (name + "-" + std::to_string(getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string operator/(const std::string& child) const { return (path / child).string(); }
};

inline void writeText(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A mono 16-bit WAV: a sine at `hz` (0 = silence).
inline void writeWav(const std::string& path, double hz, double seconds, double amplitude = 0.5) {
  const int rate = 22050;
  const int n = static_cast<int>(rate * seconds);
  std::vector<int16_t> samples(n);
  for (int i = 0; i < n; ++i)
    samples[i] = static_cast<int16_t>(amplitude * 32767 * std::sin(2 * M_PI * hz * i / rate));
  auto u32 = [](std::string& s, uint32_t v) { s.append(reinterpret_cast<char*>(&v), 4); };
  auto u16 = [](std::string& s, uint16_t v) { s.append(reinterpret_cast<char*>(&v), 2); };
  std::string out = "RIFF";
  u32(out, 36 + n * 2);
  out += "WAVEfmt ";
  u32(out, 16);
  u16(out, 1);
  u16(out, 1);
  u32(out, rate);
  u32(out, rate * 2);
  u16(out, 2);
  u16(out, 16);
  out += "data";
  u32(out, n * 2);
  out.append(reinterpret_cast<const char*>(samples.data()), samples.size() * 2);
  writeText(path, out);
}

// The test story: two chapters, music and sound cues, UTF-8 text, a choice, a `next`,
// an ending. Returns the story folder.
inline std::string writeTestStory(const TempDir& dir, bool withAudioFiles = true) {
  const std::string folder = dir / "story";
  writeText(folder + "/story.yaml", R"(format: lostcorner/1
id: present-test
title: "The Window Test"
version: 1
start: one.start
chapters: [one.yaml, two.yaml]
variables:
  brave: {type: int, initial: 0}
music:
  low: {file: low.wav, loop: true, volume: 1.0, caption: "a low hum"}
  high: {file: high.wav, loop: true, volume: 1.0, caption: "a high whistle"}
sounds:
  click: {file: click.wav, caption: "a click"}
)");
  writeText(folder + "/one.yaml", R"(chapter: one
title: The First Chapter
content_note: "A test note."
scenes:
  start:
    title: The gate
    music: low
    text: |
      It was a grey morning — “curly quotes”, an accent: café. The gate stood open.

      A second paragraph follows, long enough to wrap across more than one line of the column, so that the wrapping can be seen in the screenshots at every size.
    choices:
      - text: Walk down to the pond
        goto: pond
        do: [brave += 1]
      - text: Stay by the gate
        goto: stay
  pond:
    title: The pond
    music: high
    sound: click
    text: |
      The pond was still. Brave is {brave}.
    next: two.end
  stay:
    title: Staying
    music: none
    text: Nothing happened.
    next: two.end
)");
  writeText(folder + "/two.yaml", R"(chapter: two
title: The Second Chapter
scenes:
  end:
    title: The last page
    text: It ended.
    end: true
    ending: "A quiet ending"
)");
  if (withAudioFiles) {
    writeWav(folder + "/low.wav", 220, 1.0);
    writeWav(folder + "/high.wav", 1760, 1.0);
    writeWav(folder + "/click.wav", 880, 0.1);
  }
  return folder;
}

// A Game drawing into an offscreen surface, with silent audio (unless given) and a clock
// that only moves when the test says so.
struct Harness {
  SDL_Surface* surface = nullptr;
  std::unique_ptr<Game> game;
  double now = 0;

  Harness(const WindowOptions& options, int w = 1280, int h = 720,
          std::unique_ptr<Audio> audio = silentAudio(), std::unique_ptr<Voice> voice = silentVoice()) {
    surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    std::string error;
    Game::Parts parts;
    parts.display = Display::offscreen(surface, error);
    parts.audio = std::move(audio);
    parts.voice = std::move(voice);
    game = std::make_unique<Game>(options, std::move(parts));
    game->setClock([this] { return now; });
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    frame();
  }
  ~Harness() {
    game.reset();
    SDL_FreeSurface(surface);
  }

  bool frame(double ms = 16) {
    now += ms;
    return game->frame();
  }
  void frames(int n, double ms = 16) {
    for (int i = 0; i < n; ++i) frame(ms);
  }
  void wait(double ms) {
    for (double t = 0; t < ms; t += 50) frame(50);
    finishReload();
  }
  // Frames until a hot reload under way (loaded off the frame path) has been applied.
  void finishReload() {
    while (game->reloading()) frame(0);
  }
  // Draws the current screen even when nothing changed.
  void draw() {
    game->redraw();
    frame(0);
  }
  PlayScreen* play() const { return dynamic_cast<PlayScreen*>(game->top()); }
  const ButtonList* buttons() const { return game->top() ? game->top()->buttonList() : nullptr; }

  void key(SDL_Keycode k, bool release = true) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    SDL_PushEvent(&e);
    if (release) {
      e.type = SDL_KEYUP;
      e.key.state = SDL_RELEASED;
      SDL_PushEvent(&e);
    }
    frame();
  }
  void motion(int x, int y) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    SDL_PushEvent(&e);
    frame();
  }
  void click(int x, int y, Uint8 button = SDL_BUTTON_LEFT) {
    SDL_Event e{};
    e.type = SDL_MOUSEBUTTONUP;
    e.button.button = button;
    e.button.x = x;
    e.button.y = y;
    SDL_PushEvent(&e);
    frame();
  }
  void wheel(int y) {
    SDL_Event e{};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = y;
    SDL_PushEvent(&e);
    frame();
  }
  void quitEvent() {
    SDL_Event e{};
    e.type = SDL_QUIT;
    SDL_PushEvent(&e);
  }
  // Clicks the centre of the top screen's button `i`.
  void clickButton(size_t i) {
    const SDL_Rect r = buttons()->buttons.at(i).rect;
    click(r.x + r.w / 2, r.y + r.h / 2);
  }
  // Moves on (Enter) until the Play screen offers its choices; false if it never does.
  bool readToChoices(int limit = 40) {
    for (int i = 0; i < limit; ++i) {
      PlayScreen* p = play();
      if (!p) return false;
      if (p->stage() == PlayScreen::Stage::Choosing || p->stage() == PlayScreen::Stage::Ended) return true;
      key(SDLK_RETURN);
    }
    return false;
  }
  std::string sceneId() const {
    Session* s = game->session();
    return s && s->runner().state().scene >= 0 ? s->story().scenes[s->runner().state().scene].qualified : "";
  }

  SDL_Color pixel(int x, int y) const {
    const Uint32 v = static_cast<Uint32*>(surface->pixels)[y * (surface->pitch / 4) + x];
    SDL_Color c;
    SDL_GetRGBA(v, surface->format, &c.r, &c.g, &c.b, &c.a);
    return c;
  }
  // Pixels in the rectangle that differ from `bg` by more than a little.
  int inkIn(const SDL_Rect& r, SDL_Color bg) const {
    int n = 0;
    for (int y = std::max(0, r.y); y < std::min(surface->h, r.y + r.h); ++y)
      for (int x = std::max(0, r.x); x < std::min(surface->w, r.x + r.w); ++x) {
        const SDL_Color c = pixel(x, y);
        if (std::abs(c.r - bg.r) + std::abs(c.g - bg.g) + std::abs(c.b - bg.b) > 30) ++n;
      }
    return n;
  }
  std::string screenshot(const std::string& name) const {
    const fs::path dir = fs::path(LC_BINARY_DIR) / "screenshots";
    fs::create_directories(dir);
    const std::string path = (dir / (name + ".bmp")).string();
    SDL_SaveBMP(surface, path.c_str());
    return path;
  }
};

inline bool sameColour(SDL_Color a, SDL_Color b, int tolerance = 3) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
         std::abs(a.b - b.b) <= tolerance;
}

inline WindowOptions optionsFor(const TempDir& dir, const std::string& story) {
  WindowOptions o;
  o.storyPath = story;
  o.saveDir = dir / "saves";
  o.configDir = dir / "config";
  return o;
}

}  // namespace lc::present::testing

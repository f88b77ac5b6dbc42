// The Game: owns the window (or an offscreen surface), the fonts and text cache, audio,
// voice, settings, the session and the stack of screens. One frame() handles pending
// events, updates, draws only when something changed, and never waits: the desktop loop
// calls it, and the browser build calls it through emscripten_set_main_loop.
#pragma once
#include <signal.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "load/check_cache.h"
#include "load/loader.h"
#include "present/audio.h"
#include "present/background_load.h"
#include "present/debug_overlay.h"
#include "present/hot_reload.h"
#include "present/display.h"
#include "present/fonts.h"
#include "present/input.h"
#include "present/notices.h"
#include "present/player.h"
#include "present/screen.h"
#include "present/session.h"
#include "present/settings.h"
#include "present/text_cache.h"
#include "present/voice.h"

namespace lc::present {

// SDL subsystems and SDL_ttf, started before and stopped after everything that uses them.
struct SdlLibraries {
  explicit SdlLibraries(bool withVideo);
  ~SdlLibraries();
  SdlLibraries(const SdlLibraries&) = delete;
  SdlLibraries& operator=(const SdlLibraries&) = delete;
  bool ttf = false;
  bool video = false;
  std::string videoError;
  // SIGTERM or SIGINT arrived (the Game then ends without asking).
  static bool terminateRequested();

 private:
#ifndef __EMSCRIPTEN__
  struct sigaction previousTerm_{}, previousInt_{};
#endif
};

class Game : public Navigator {
 public:
  // What the Game runs on. A null display opens a window (after reading the settings, so
  // fullscreen can be honoured); null audio opens the sound device; null voice looks for
  // espeak-ng. Tests and the benchmark pass an offscreen display and silent parts.
  struct Parts {
    std::unique_ptr<Display> display;
    std::unique_ptr<Audio> audio;
    std::unique_ptr<Voice> voice;
  };

  Game(const WindowOptions& options, Parts parts);
  ~Game() override;
  Game(const Game&) = delete;
  Game& operator=(const Game&) = delete;

  bool ok() const { return ok_; }            // false when no display could be opened
  const std::string& error() const { return error_; }
  bool frame();                              // false once the game should end
  int exitCode() const { return exitCode_; }
  bool drewLastFrame() const { return drew_; }
  void setClock(std::function<double()> nowMs) { clock_ = std::move(nowMs); }
  void redraw() { dirty_ = true; }

  // For tests and the benchmark.
  Screen* top() const { return screens_.empty() ? nullptr : screens_.back().get(); }
  std::string topName() const { return top() ? top()->name() : ""; }
  Session* session() const { return session_.get(); }
  Settings& settings() { return settings_; }
  Notices& notices() { return notices_; }
  Audio& audio() { return *audio_; }
  Display& display() { return *display_; }
  TextCache& textCache() { return *textCache_; }
  int frames() const { return frames_; }
  DebugOverlay& debugOverlay() { return debug_; }
  HotReload* hotReload() { return hotReload_.get(); }
  bool reloading() const { return reloading_ != nullptr; }  // a hot reload is being loaded
  Fonts& fonts() { return fonts_; }
  // While set, each drawn frame writes what it drew and where into `log` (layout test).
  void setLayoutLog(LayoutLog* log) { layoutLog_ = log; }

  // Navigator.
  void push(std::unique_ptr<Screen> screen) override;
  void pop() override;
  void toTitle() override;
  void newGame() override;
  bool loadSlot(const std::string& slot) override;
  void quit(bool ask) override;
  void reloadStory() override;
  void settingsChanged() override;

 private:
  void openStory(LoadResult result);
  void handleEvent(const SDL_Event& event);
  bool handleGlobal(const Input& in);
  void terminate();
  void quickSave();
  void quickLoad();
  void replaceStack(std::unique_ptr<Screen> bottom);
  void applySettings(bool saveFile);
  void applyVolumes();
  void duckMusic();
  void toggleVoice();
  void speak(const std::string& text);
  void draw();
  size_t firstVisibleScreen() const;
  bool visibleScreensAnimating() const;
  // Writer's tools (game_devtools.cpp): hot reload (a story file changed, or Ctrl+R)
  // and the debug overlay (F1). They see raw key events before the screens do.
  bool handleDevTools(const SDL_Event& event);
  void checkStoryFiles(double nowMs);
  void reloadKeepingPlace();
  void finishReload();  // applies the reload once its load is done (off the frame path)
  void drawDevTools(Canvas& canvas);

  WindowOptions options_;
  FileStorage config_;  // settings.yaml, read/<story id>.txt
  SdlLibraries sdl_;
  std::unique_ptr<Display> display_;
  Fonts fonts_;
  std::unique_ptr<TextCache> textCache_;
  Settings settings_;
  Notices notices_;
  std::unique_ptr<Audio> audio_;
  std::unique_ptr<Voice> voice_;
  InputMapper input_;
  std::unique_ptr<Session> session_;
  std::unique_ptr<Services> services_;
  std::vector<std::unique_ptr<Screen>> screens_;
  std::vector<std::unique_ptr<Screen>> closed_;  // popped during this frame; freed after it
  std::unique_ptr<HotReload> hotReload_;
  std::unique_ptr<CheckCache> reloadCache_;    // each chapter's parse, kept between reloads
  std::unique_ptr<BackgroundLoad> reloading_;  // after the cache: finishes before it goes
  bool reloadAgain_ = false;                   // Ctrl+R or an edit during a reload
  DebugOverlay debug_;
  LayoutLog* layoutLog_ = nullptr;
  int pointerX_ = 0, pointerY_ = 0;  // last pointer position (drawing pixels): wheel over a panel
  std::function<double()> clock_;
  bool ok_ = false, running_ = true, dirty_ = true, drew_ = false, noticesShown_ = false;
  std::string lessonClock_;  // the lesson's countdown in the corner, as drawn ("" = none)
  bool voiceWarned_ = false;
  bool ducked_ = false;  // the music is lowered under the voice
  int exitCode_ = 0;
  int frames_ = 0;
  std::string error_;
};

}  // namespace lc::present

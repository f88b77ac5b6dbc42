#include "present/game.h"

#include <SDL_ttf.h>

#include <csignal>
#include <cstdio>
#include <exception>
#ifdef LC_PRESENT_THREADS
#include <future>
#endif

#include "load/loader.h"
#include "platform/env.h"
#include "present/browser.h"
#include "present/classroom_screens.h"
#include "present/lesson_clock.h"
#include "present/text_input.h"

namespace lc::present {

namespace {

// SIGTERM and SIGINT end the game as a confirmed quit would. SDL's own handlers turn them
// into SDL_QUIT, which a closed window sends too, and that asks "Quit?" first: a session
// manager or a teacher's script cannot answer a dialog.
volatile std::sig_atomic_t terminateAsked = 0;
extern "C" void onTerminateSignal(int) { terminateAsked = 1; }

}  // namespace

SdlLibraries::SdlLibraries(bool withVideo) {
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
#ifndef __EMSCRIPTEN__
  terminateAsked = 0;
  struct sigaction action{};
  action.sa_handler = onTerminateSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, &previousTerm_);
  sigaction(SIGINT, &action, &previousInt_);
#endif
  SDL_InitSubSystem(SDL_INIT_EVENTS);
  SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER);  // fine to fail: the keyboard still works
  if (withVideo) {
    video = SDL_InitSubSystem(SDL_INIT_VIDEO) == 0;
    if (!video) videoError = SDL_GetError();
  }
  ttf = TTF_Init() == 0;
}

SdlLibraries::~SdlLibraries() {
  if (ttf) TTF_Quit();
  if (video) SDL_QuitSubSystem(SDL_INIT_VIDEO);
  SDL_QuitSubSystem(SDL_INIT_GAMECONTROLLER);
  SDL_QuitSubSystem(SDL_INIT_EVENTS);
#ifndef __EMSCRIPTEN__
  sigaction(SIGTERM, &previousTerm_, nullptr);
  sigaction(SIGINT, &previousInt_, nullptr);
#endif
}

bool SdlLibraries::terminateRequested() { return terminateAsked != 0; }

namespace {

double performanceMs() {
  static const double perMs = static_cast<double>(SDL_GetPerformanceFrequency()) / 1000.0;
  return static_cast<double>(SDL_GetPerformanceCounter()) / perMs;
}

LoadResult loadNow(const std::string& path) {
  LoadResult result;
  try {
    result = loadStory(path);
  } catch (const std::exception& e) {
    result.diagnostics.error(path, 0, 0, std::string("could not be read: ") + e.what());
  }
  return result;
}

// Reads the story on a worker thread while SDL opens the window (each takes tens of
// milliseconds and neither needs the other); without threads it simply reads it now.
class StoryLoad {
 public:
  explicit StoryLoad(const std::string& path) {
#ifdef LC_PRESENT_THREADS
    future_ = std::async(std::launch::async, loadNow, path);
#else
    result_ = loadNow(path);
#endif
  }
  LoadResult get() {
#ifdef LC_PRESENT_THREADS
    return future_.get();
#else
    return std::move(result_);
#endif
  }

 private:
#ifdef LC_PRESENT_THREADS
  std::future<LoadResult> future_;
#else
  LoadResult result_;
#endif
};

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

Game::Game(const WindowOptions& options, Parts parts)
    : options_(options),
      config_(options.configDir.empty() ? configDir() : options.configDir),
      sdl_(parts.display == nullptr),  // (before display_ takes it) a window needs SDL video
      display_(std::move(parts.display)),
      audio_(std::move(parts.audio)),
      voice_(std::move(parts.voice)),
      clock_(performanceMs) {
  StoryLoad story(options.storyPath);
  SettingsRead read = loadSettings(config_);
  settings_ = read.settings;
  for (std::string& notice : read.notices) notices_.add(std::move(notice));
  if (options.projector) settings_.projector = true;  // for this run; saved only if settings change
  if (!display_) {
    DisplayOptions d;
    d.width = options.width;
    d.height = options.height;
    d.fullscreen = options.fullscreen || settings_.fullscreen;
    if (!sdl_.video) error_ = "cannot start SDL video: " + sdl_.videoError;
    else display_ = Display::openWindow(d, error_);
    if (!display_) return;
  }
  if (!sdl_.ttf) {
    error_ = std::string("cannot start SDL_ttf: ") + TTF_GetError();
    return;
  }
  if (!fonts_.open(findAssetsDir(), error_)) return;
  textCache_ = std::make_unique<TextCache>(display_->renderer(), fonts_);
  if (!audio_) audio_ = openAudio([this](const std::string& m) { notices_.add(m); });
  if (!voice_) voice_ = openVoice();
  input_.openControllers();
  services_ = std::make_unique<Services>(Services{settings_, *audio_, *voice_, notices_, *this, nullptr,
                                                  [this](const std::string& t) { speak(t); }});
  applySettings(false);
  ok_ = true;
  hotReload_ = std::make_unique<HotReload>(options.storyPath);
  openStory(story.get());
}

Game::~Game() {
  // Screens first (they refer to the session), then the session (its read log is saved).
  screens_.clear();
  closed_.clear();
  if (session_) session_->saveReadLog();
}

void Game::openStory(LoadResult result) {
  for (auto& s : screens_) closed_.push_back(std::move(s));  // they refer to the old session
  screens_.clear();
  for (const Diagnostic& d : result.diagnostics.items())
    if (d.severity == Severity::Warning) std::fprintf(stderr, "%s\n", d.format().c_str());
  session_.reset();
  if (result.story) {
    Session::Options o;
    o.saveDir = options_.saveDir;
    o.classroom = options_.classroom;
    o.config = &config_;
    o.lessonClock = lessonClock(&clock_);
    session_ = std::make_unique<Session>(std::move(result.story), o);
    if (hotReload_) hotReload_->watch(session_->story());
    services_->session = session_.get();
    exitCode_ = 0;
    std::vector<std::string> problems;
    if (startWindowLesson(*session_, options_, problems)) return replaceStack(makeTitleScreen(*services_));
    exitCode_ = 1;
    return replaceStack(makeErrorScreen(*services_, "The lesson plan " + options_.lessonPlan +
                                        " cannot be used. Fix it and choose Try again.", std::move(problems)));
  }
  services_->session = nullptr;
  exitCode_ = 1;
  std::vector<std::string> lines;
  for (const Diagnostic& d : result.diagnostics.items()) lines.push_back(d.format());
  const size_t errors = result.diagnostics.errorCount();
  if (lines.empty()) lines.push_back(options_.storyPath + ": error: the story could not be loaded");
  replaceStack(makeErrorScreen(*services_,
      "The story at " + options_.storyPath + " cannot be played: " + plural(errors, "error") + ", " +
          plural(result.diagnostics.warningCount(), "warning") +
          ". Fix them and choose Try again (or run `lostcorner check`).",
      std::move(lines)));
}

// ---- Frames ----------------------------------------------------------------------------

bool Game::frame() {
  if (!ok_) return false;
  const double now = clock_();
  SDL_Event event;
  while (running_ && SDL_PollEvent(&event)) handleEvent(event);
  if (running_ && SdlLibraries::terminateRequested()) terminate();
  for (std::string& problem : fonts_.takeProblems()) notices_.add(std::move(problem));  // a damaged font file
  notices_.update(now);
  audio_->update(now);
  voice_->update();
  duckMusic();
  // A screen that was moving before this update must be drawn once more even if the
  // update stopped it: that frame shows where the motion ended (the reveal's last
  // characters, the "more" mark, the choices) — skipping it leaves a page that looks frozen.
  bool animating = visibleScreensAnimating();
  if (running_ && top()) top()->update(now);
  if (running_ && session_) tickLesson(*session_, notices_);
  if (running_ && session_ && lessonFrame(*services_, lessonClock_)) dirty_ = true;
  if (running_) checkStoryFiles(now);
  closed_.clear();
  // Draw when something moved or changed; a still screen costs nothing.
  animating = animating || notices_.visible() || visibleScreensAnimating();
  if (noticesShown_ && !notices_.visible()) dirty_ = true;  // the last notice just went
  noticesShown_ = notices_.visible();
  drew_ = running_ && (dirty_ || animating);
  if (drew_) draw();
  ++frames_;
  if (options_.maxFrames >= 0 && frames_ >= options_.maxFrames) running_ = false;
  browser::afterFrame(*this);
  return running_;
}

bool Game::visibleScreensAnimating() const {
  for (size_t i = firstVisibleScreen(); i < screens_.size(); ++i)
    if (screens_[i]->animating()) return true;
  return false;
}

size_t Game::firstVisibleScreen() const {
  size_t i = screens_.size();
  while (i > 0) {
    --i;
    if (screens_[i]->opaque()) return i;
  }
  return 0;
}

void Game::draw() {
  // Projector mode: its own theme (dark or light) and large text, whatever the player's own settings.
  const bool projector = settings_.projector;
  const ThemeId theme = !projector                 ? settings_.theme
                        : settings_.projectorLight ? ThemeId::ProjectorLight
                                                   : ThemeId::HighContrast;
  Canvas canvas(display_->renderer(), *textCache_, themeFor(theme), display_->width(), display_->height(),
                projector ? kProjectorFontSize : settings_.fontSize);
  if (layoutLog_) layoutLog_->items.clear();
  textCache_->setLog(layoutLog_);
  const size_t first = firstVisibleScreen();
  if (screens_.empty() || !screens_[first]->opaque()) canvas.clear();
  for (size_t i = first; i < screens_.size(); ++i) {
    if (layoutLog_) layoutLog_->items.clear();  // the log keeps the top screen (dialogs cover what is below)
    screens_[i]->draw(canvas);
  }
  drawLessonClock(canvas, lessonClock_);
  drawDevTools(canvas);
  notices_.draw(canvas);
  textCache_->setLog(nullptr);
  display_->present();
  textCache_->endFrame();
  dirty_ = false;
}

void Game::handleEvent(const SDL_Event& event) {
  if (handleDevTools(event)) {
    dirty_ = true;
    return;
  }
  const Input in = input_.map(event, display_->pointScale());
  if (in.action == Action::None) return;
  dirty_ = true;
  if (handleGlobal(in)) return;
  if (top()) top()->handle(in);
}

// Keys that work on every screen: window events, fullscreen, quick save and load.
bool Game::handleGlobal(const Input& in) {
  switch (in.action) {
    case Action::Quit: quit(true); return true;
    case Action::Resized:
    case Action::Exposed: display_->refreshSize(); return true;
    case Action::Fullscreen:
      settings_.fullscreen = !display_->fullscreen();
      applySettings(true);
      return true;
    case Action::VoiceToggle:
      if (TextInputScope::active()) return false;  // a "v" typed into a field
      toggleVoice();
      return true;
    case Action::QuickSave: quickSave(); return true;
    case Action::QuickLoad: quickLoad(); return true;
    default: return false;
  }
}

void Game::quickSave() {
  if (!session_ || !session_->started()) return notices_.add("Nothing to save yet.");
  std::string error;
  if (session_->save("quick", error)) notices_.add("Quick saved (F9 loads it).");
  else notices_.add("Could not save: " + error);
}

void Game::quickLoad() {
  if (!session_ || topName() == "error" || topName() == "confirm") return;
  if (!session_->slotExists("quick")) return notices_.add("There is no quick save yet (F5 makes one).");
  if (!session_->unsaved()) {
    loadSlot("quick");
    return;
  }
  push(makeConfirmScreen(*services_, "Load the quick save? Progress since your last save is kept only in the autosave.",
                         "Load", "Cancel", [this] { loadSlot("quick"); }));
}

// ---- Navigator -------------------------------------------------------------------------

void Game::push(std::unique_ptr<Screen> screen) {
  screens_.push_back(std::move(screen));
  dirty_ = true;
}

void Game::pop() {
  if (screens_.empty()) return;
  closed_.push_back(std::move(screens_.back()));
  screens_.pop_back();
  if (top()) top()->resumed();
  dirty_ = true;
}

void Game::replaceStack(std::unique_ptr<Screen> bottom) {
  for (auto& s : screens_) closed_.push_back(std::move(s));
  screens_.clear();
  push(std::move(bottom));
}

void Game::toTitle() {
  voice_->stop();
  audio_->stopLoops();
  audio_->setMusic(nullptr, settings_.reducedMotion);
  if (session_) session_->saveReadLog();
  replaceStack(makeTitleScreen(*services_));
}

void Game::newGame() {
  if (!session_) return;
  voice_->stop();
  audio_->stopLoops();
  audio_->setMusic(nullptr, settings_.reducedMotion);  // the first scene's cue fades in after
  session_->newGame();
  replaceStack(makeTitleScreen(*services_));
  push(makePlayScreen(*services_));
}

bool Game::loadSlot(const std::string& slot) {
  if (!session_) return false;
  LoadOutcome outcome = session_->load(slot);
  if (!outcome.ok) {
    notices_.add("Could not load: " + outcome.error);
    return false;
  }
  voice_->stop();
  for (std::string& n : outcome.notices) notices_.add(std::move(n));
  notices_.add("Loaded: " + slotLabel(slot) + ".");
  replaceStack(makeTitleScreen(*services_));
  push(makePlayScreen(*services_));
  return true;
}

void Game::quit(bool ask) {
  if (ask && session_ && session_->unsaved() && topName() != "confirm") {
    push(makeConfirmScreen(*services_,
                           "Quit Lost Corner? Progress since your last save is kept only in the autosave.",
                           "Quit", "Keep playing", [this] { running_ = false; }));
    return;
  }
  running_ = false;
}

// Asked to end from outside (a signal): no dialog; the place is kept in the autosave and
// the read log is written as the game closes, as after a confirmed quit.
void Game::terminate() {
  std::string error;
  if (session_ && session_->started() && !session_->autosave(error) && !error.empty())
    std::fprintf(stderr, "lostcorner: autosave failed: %s\n", error.c_str());
  running_ = false;
}

void Game::reloadStory() { openStory(loadNow(options_.storyPath)); }

void Game::settingsChanged() { applySettings(true); }

void Game::applySettings(bool saveFile) {
  fonts_.setDyslexic(settings_.dyslexiaFont);
  applyVolumes();
  display_->setFullscreen(settings_.fullscreen || (options_.fullscreen && !saveFile));
  if (!settings_.selfVoicing) voice_->stop();
  if (settings_.selfVoicing && !voice_->available() && !voiceWarned_) {
    voiceWarned_ = true;
    notices_.add("Self-voicing needs espeak-ng, which is not installed: the text will not be read aloud.");
  }
  dirty_ = true;
  if (!saveFile) return;
  std::string error;
  if (!saveSettings(config_, settings_, error))
    notices_.add("Settings could not be saved: " + error);
}

// The music is ducked (to a third) while the voice reads, as a screen reader's user expects.
void Game::applyVolumes() {
  const int music = ducked_ ? settings_.musicVolume / 3 : settings_.musicVolume;
  audio_->setVolumes(settings_.masterVolume, music, settings_.soundVolume);
}

void Game::duckMusic() {
  const bool duck = settings_.selfVoicing && voice_->speaking();
  if (duck == ducked_) return;
  ducked_ = duck;
  applyVolumes();
}

void Game::toggleVoice() {
  settings_.selfVoicing = !settings_.selfVoicing;
  voiceWarned_ = false;  // say again that espeak-ng is missing, if it is
  applySettings(true);
  notices_.add(settings_.selfVoicing ? "Self-voicing on (V turns it off)." : "Self-voicing off (V turns it on).");
  if (settings_.selfVoicing) speak("Self-voicing on.");
}

void Game::speak(const std::string& text) {
  browser::announce(text);  // the page's screen-reader mirror hears everything
  if (settings_.selfVoicing) voice_->say(text);
}

}  // namespace lc::present

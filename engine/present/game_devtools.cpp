// The Game's writer tools: hot reload and the debug overlay. Kept apart from game.cpp
// so the player's own flow stays readable there.
#include <cstdio>

#include "load/reload.h"
#include "present/background_load.h"
#include "present/game.h"

namespace lc::present {

// F1 and Ctrl+R anywhere; while a panel is open, Esc closes the error panel and
// PageUp/PageDown (or the wheel over a panel) scroll it. Everything else goes on to
// the screens, so the game keeps responding under the panels.
bool Game::handleDevTools(const SDL_Event& event) {
  if (event.type == SDL_MOUSEMOTION) {
    const float scale = display_->pointScale();
    pointerX_ = static_cast<int>(event.motion.x * scale);
    pointerY_ = static_cast<int>(event.motion.y * scale);
    return false;
  }
  OverlayPanel* errors = hotReload_ && hotReload_->errorsShown() ? &hotReload_->panel() : nullptr;
  OverlayPanel* debug = debug_.visible() ? &debug_.panel() : nullptr;
  if (event.type == SDL_MOUSEWHEEL) {
    for (OverlayPanel* p : {errors, debug}) {
      if (!p || !p->contains(pointerX_, pointerY_)) continue;
      p->scrollBy(-event.wheel.y * 3 * p->lineStep());
      return true;
    }
    return false;
  }
  if (event.type != SDL_KEYDOWN) return false;
  const SDL_Keycode key = event.key.keysym.sym;
  if (key == SDLK_F1) {
    if (!event.key.repeat) debug_.toggle();
    return true;
  }
  if (key == SDLK_r && (event.key.keysym.mod & KMOD_CTRL)) {
    if (!event.key.repeat) reloadKeepingPlace();
    return true;
  }
  OverlayPanel* scrolled = errors ? errors : debug;
  if (errors && key == SDLK_ESCAPE) {
    hotReload_->hideErrors();
    return true;
  }
  if (scrolled && (key == SDLK_PAGEUP || key == SDLK_PAGEDOWN)) {
    scrolled->scrollBy(key == SDLK_PAGEUP ? -scrolled->pageStep() : scrolled->pageStep());
    return true;
  }
  return false;
}

// A lesson keeps the story it began with (its record and glossary refer to it), so a
// class is never surprised by a reload.
namespace {
bool inLesson(Session* session) { return session && session->lesson(); }
}  // namespace

void Game::checkStoryFiles(double nowMs) {
  if (reloading_) return finishReload();
  if (hotReload_ && !inLesson(session_.get()) && hotReload_->due(nowMs)) reloadKeepingPlace();
}

// Reads the story again and plays on from the same place (load/reload.h). The load runs
// off the frame path (present/background_load.h); finishReload applies it. An edit with
// errors keeps the previous version running and lists the errors over it.
void Game::reloadKeepingPlace() {
  dirty_ = true;
  hotReload_->forget();
  if (!session_) return reloadStory();  // the story never loaded: the error screen tries again
  if (inLesson(session_.get())) return notices_.add("Hot reload is off during a lesson.");
  if (reloading_) {
    reloadAgain_ = true;  // this load may have read the files before the latest change
    return;
  }
  if (!reloadCache_) reloadCache_ = std::make_unique<CheckCache>(nullptr, true);
  reloading_ = std::make_unique<BackgroundLoad>(options_.storyPath, reloadCache_.get());
}

void Game::finishReload() {
  std::optional<LoadResult> loaded = reloading_->poll();
  if (!loaded) return;
  reloading_.reset();
  reloadCache_->prune();  // keeps only the parses of the files as they are now
  dirty_ = true;
  if (reloadAgain_) {
    reloadAgain_ = false;
    return reloadKeepingPlace();
  }
  if (!session_ || inLesson(session_.get())) return;
  ReloadResult r = lc::keepPlace(session_->story(), session_->runner().state(), std::move(*loaded), options_.storyPath);
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.severity == Severity::Warning) std::fprintf(stderr, "%s\n", d.format().c_str());
  if (!r.ok) {
    for (const Diagnostic& d : r.diagnostics.items())
      if (d.severity == Severity::Error) std::fprintf(stderr, "%s\n", d.format().c_str());
    hotReload_->showErrors(r.diagnostics);
    return;
  }
  hotReload_->hideErrors();
  hotReload_->watch(*r.story);
  const bool playing = session_->started();
  session_->replaceStory(std::move(r.story), r.state);
  std::string summary = reloadSummary(r);
  notices_.add(summary.substr(1, summary.size() - 2) + ".");  // without the terminal's brackets
  for (std::string& n : r.notices) notices_.add(std::move(n));
  voice_->stop();
  replaceStack(makeTitleScreen(*services_));
  if (playing) push(makePlayScreen(*services_));  // shows the scene again, as after loading
}

void Game::drawDevTools(Canvas& canvas) {
  debug_.draw(canvas, session_.get());
  if (hotReload_) hotReload_->draw(canvas);
}

}  // namespace lc::present

#include "present/display.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace lc::present {
namespace {

// Is there a GPU to accelerate with? On Linux a GPU shows up as a DRM device; without
// one an "accelerated" renderer is OpenGL emulated on the CPU (llvmpipe), which costs
// about 100 ms and 80 MB to start and draws no faster than SDL's own software renderer.
// LOSTCORNER_RENDERER=software|accelerated overrides the guess.
bool worthAccelerating() {
  if (const char* choice = std::getenv("LOSTCORNER_RENDERER"))
    return std::strcmp(choice, "software") != 0;
#if defined(__linux__) && !defined(__ANDROID__) && !defined(__EMSCRIPTEN__)
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec))
    if (entry.path().filename().string().rfind("renderD", 0) == 0) return true;
  return false;
#else
  return true;
#endif
}

}  // namespace

std::unique_ptr<Display> Display::openWindow(const DisplayOptions& options, std::string& error) {
  std::unique_ptr<Display> d(new Display());
  Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  d->window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                SDL_WINDOWPOS_CENTERED, options.width, options.height, flags);
  if (!d->window_) {
    error = std::string("cannot open a window: ") + SDL_GetError();
    return nullptr;
  }
  SDL_SetWindowMinimumSize(d->window_, 480, 320);
  d->fullscreen_ = options.fullscreen;
  if (!options.forceSoftware && worthAccelerating())
    d->renderer_ = SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!d->renderer_) {
    // No GPU (or asked not to use it): the software renderer always works. It writes
    // straight to the window's surface; left to itself SDL would upload that surface
    // through OpenGL, which is the cost we are avoiding.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    d->renderer_ = SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_SOFTWARE);
    d->software_ = true;
  }
  if (!d->renderer_) {
    error = std::string("cannot create a renderer: ") + SDL_GetError();
    return nullptr;
  }
  SDL_RendererInfo info;
  if (SDL_GetRendererInfo(d->renderer_, &info) == 0)
    d->software_ = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
  SDL_SetRenderDrawBlendMode(d->renderer_, SDL_BLENDMODE_BLEND);
  d->refreshSize();
  return d;
}

std::unique_ptr<Display> Display::offscreen(SDL_Surface* target, std::string& error) {
  std::unique_ptr<Display> d(new Display());
  d->target_ = target;
  d->renderer_ = SDL_CreateSoftwareRenderer(target);
  if (!d->renderer_) {
    error = std::string("cannot create a software renderer: ") + SDL_GetError();
    return nullptr;
  }
  d->software_ = true;
  SDL_SetRenderDrawBlendMode(d->renderer_, SDL_BLENDMODE_BLEND);
  d->refreshSize();
  return d;
}

Display::~Display() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
}

void Display::setFullscreen(bool on) {
  if (!window_ || on == fullscreen_) return;
  // Desktop fullscreen keeps the desktop's mode: no flicker, no mode switch.
  if (SDL_SetWindowFullscreen(window_, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0) == 0)
    fullscreen_ = on;
  refreshSize();
}

void Display::refreshSize() {
  int w = 0, h = 0;
  if (target_) {
    // The software renderer of a surface keeps the size the surface had.
    w = target_->w;
    h = target_->h;
  } else {
    SDL_GetRendererOutputSize(renderer_, &w, &h);
  }
  width_ = w > 0 ? w : 1;
  height_ = h > 0 ? h : 1;
  pointScale_ = 1.0f;
  if (window_) {
    int pw = 0, ph = 0;
    SDL_GetWindowSize(window_, &pw, &ph);
    if (pw > 0) pointScale_ = static_cast<float>(width_) / static_cast<float>(pw);
  }
}

void Display::present() { SDL_RenderPresent(renderer_); }

}  // namespace lc::present

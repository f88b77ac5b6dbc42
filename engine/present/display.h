// Where frames go: a real window with an SDL_Renderer (accelerated, software as the
// fallback), or an offscreen surface drawn by the software renderer (tests, benchmark).
#pragma once
#include <SDL.h>

#include <memory>
#include <string>

namespace lc::present {

struct DisplayOptions {
  std::string title = "Lost Corner";
  int width = 1280;  // window size in points
  int height = 720;
  bool fullscreen = false;
  bool forceSoftware = false;  // skip the accelerated renderer
};

class Display {
 public:
  // Opens a resizable, high-DPI aware window. Null with `error` set when SDL cannot.
  static std::unique_ptr<Display> openWindow(const DisplayOptions& options, std::string& error);
  // Draws into `target` (not owned) with the software renderer; no window at all.
  static std::unique_ptr<Display> offscreen(SDL_Surface* target, std::string& error);
  ~Display();
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;

  SDL_Renderer* renderer() const { return renderer_; }
  SDL_Window* window() const { return window_; }
  // Drawable size in pixels (larger than the window's points on high-DPI screens).
  int width() const { return width_; }
  int height() const { return height_; }
  // Pixels per window point, to map mouse positions into drawing coordinates.
  float pointScale() const { return pointScale_; }
  bool software() const { return software_; }
  bool fullscreen() const { return fullscreen_; }
  void setFullscreen(bool on);
  void refreshSize();  // after a resize or a display change
  void present();

 private:
  Display() = default;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  SDL_Surface* target_ = nullptr;
  int width_ = 0, height_ = 0;
  float pointScale_ = 1.0f;
  bool software_ = false;
  bool fullscreen_ = false;
};

}  // namespace lc::present

// What the last frame drew and where, for the layout guarantee: every line of text (with
// the font role and size it used) and every button or panel. Filled only while a test or
// the debug tools ask for it; drawing costs nothing extra otherwise.
#pragma once
#include <SDL.h>

#include <string>
#include <vector>

#include "present/fonts.h"

namespace lc::present {

struct Drawn {
  enum class Kind { Text, Button, Notice };
  Kind kind = Kind::Text;
  SDL_Rect rect{};
  std::string text;  // the line (Text) or the label (Button)
  FontRole role = FontRole::Body;
  int pixels = 0;
};

struct LayoutLog {
  std::vector<Drawn> items;
  void add(Drawn d) { items.push_back(std::move(d)); }
};

}  // namespace lc::present

// A column of buttons with hover (mouse), focus (arrows, D-pad) and number keys.
// Screens lay it out while drawing and feed it their input.
#pragma once
#include <SDL.h>

#include <optional>
#include <string>
#include <vector>

#include "present/canvas.h"
#include "present/input.h"

namespace lc::present {

struct Button {
  std::string label;
  std::string detail;  // an optional second, smaller line (save slots, settings values)
  bool enabled = true;
  SDL_Rect rect{};     // set by layout
};

class ButtonList {
 public:
  enum class Result { Ignored, Handled, Activated };

  std::vector<Button> buttons;
  bool numbered = false;  // show "1." etc.; number keys work either way
  int focus = -1;         // -1 until the keyboard or a gamepad is used
  // Menus: Enter (or gamepad A) with nothing focused focuses the first button, so a
  // gamepad player sees where they are before anything happens.
  bool enterFocuses = false;
  int hover = -1;

  void clear();
  void add(std::string label, std::string detail = {}, bool enabled = true);
  // Stacks the buttons from (x, y), each `width` wide; returns the y below the last one.
  int layoutColumn(Canvas& canvas, int x, int y, int width, double textSize720, int gap720 = 10);
  // The same in `columns` columns filled top to bottom (Left/Right move across them).
  int layoutGrid(Canvas& canvas, int x, int y, int width, int columns, double textSize720,
                 int gap720 = 10);
  // Buttons not entirely inside `clip` (when given) are not drawn: no sliced buttons.
  void draw(Canvas& canvas, double textSize720, const SDL_Rect* clip = nullptr);
  // `activated` is set when the result is Activated.
  Result handle(const Input& in, int& activated);
  // The label that just gained focus (once), so self-voicing can read it.
  std::optional<std::string> takeFocusChange();
  int hit(int x, int y) const;

 private:
  void moveFocus(int step);
  std::string labelText(size_t i) const;
  int announced_ = -1;
  int rows_ = 0;  // buttons per column when laid out as a grid (0: one column)
};

}  // namespace lc::present

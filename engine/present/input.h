// Turns SDL events (keyboard, mouse, wheel, gamepad, window) into the few actions the
// screens understand, so every screen handles the keyboard, the mouse and a gamepad alike.
//
//   Enter / Space / gamepad A ....... Confirm       Esc / gamepad B ......... Cancel
//   right click / gamepad Start ..... Menu          arrows / D-pad .......... Up Down Left Right
//   1-9 ............................. Number        Tab / gamepad Y ......... SkipToggle
//   Ctrl (held) ..................... SkipHold/SkipRelease
//   A ............................... Auto          PageUp / gamepad LB ..... History
//   PageDown ........................ PageDown      Backspace / gamepad X ... Rollback
//   F5 / F9 ......................... QuickSave / QuickLoad    F11 ........ Fullscreen
//   Home / End ...................... Home / End    wheel ................... Wheel (+ up)
#pragma once
#include <SDL.h>

#include <string>
#include <vector>

namespace lc::present {

enum class Action {
  None, Confirm, Cancel, Menu, Up, Down, Left, Right, Number, SkipToggle, SkipHold,
  SkipRelease, Auto, History, PageDown, Rollback, QuickSave, QuickLoad, Fullscreen,
  Home, End, PointerMove, Click, Wheel, Quit, Resized, Exposed,
  VoiceToggle,  // V: self-voicing on or off (as in Ren'Py), except while typing
  Text,  // typed text (SDL_TEXTINPUT): Input::text, UTF-8
  Key    // any other key pressed: Input::key (letters, Delete...), for text fields and
         // classroom keys; every key press also carries key and mod
};

struct Input {
  Action action = Action::None;
  int number = 0;    // Number: 1..9
  int x = 0, y = 0;  // pointer position in drawing pixels (PointerMove, Click)
  int wheel = 0;     // Wheel: positive = up
  SDL_Keycode key = 0;  // key presses: the key, whatever action it maps to
  Uint16 mod = 0;       // and the modifiers held (Ctrl+Enter saves a reflection)
  std::string text = {};  // Text
};

class InputMapper {
 public:
  InputMapper() = default;
  ~InputMapper();
  InputMapper(const InputMapper&) = delete;
  InputMapper& operator=(const InputMapper&) = delete;

  // `pointScale`: drawing pixels per window point (high-DPI). None for events to ignore.
  Input map(const SDL_Event& event, float pointScale);
  // Opens the game controllers already plugged in (later ones arrive as events).
  void openControllers();

 private:
  Input mapKey(const SDL_KeyboardEvent& key);
  Input mapButton(Uint8 button);
  void openController(int deviceIndex);

  std::vector<SDL_GameController*> controllers_;
};

}  // namespace lc::present

// Typed text in the window: a UTF-8 edit buffer with a cursor (TextField), fed by the
// Input the screens receive (SDL_TEXTINPUT text and raw key presses), and drawn wrapped
// with its cursor. Used by the classroom screens: the teacher code and the journal.
#pragma once
#include <SDL.h>

#include <string>

#include "present/canvas.h"
#include "present/input.h"

namespace lc::present {

class TextField {
 public:
  explicit TextField(bool multiline = false, size_t maxBytes = 20000)
      : multiline_(multiline), maxBytes_(maxBytes) {}

  enum class Result { Ignored, Edited, Moved, Submit };
  // Text, Backspace, Delete, arrows, Home/End, Enter (a new line when multi-line, else
  // Submit); Ctrl+Enter is always Submit.
  Result handle(const Input& in);

  const std::string& text() const { return text_; }
  size_t cursor() const { return cursor_; }  // byte offset, always on a code point boundary
  void set(std::string text);
  void clear() { set(""); }
  void insert(const std::string& utf8);
  void backspace();
  void del();
  void left();
  void right();
  void home();  // start of the current line
  void end();   // end of the current line

  // Draws the text wrapped in `box` (scrolling it up so the cursor stays in view) with a
  // cursor bar; `placeholder` when empty. Returns the box's height in use.
  // An unfocused field has a dim frame and no cursor.
  void draw(Canvas& canvas, const SDL_Rect& box, int pixels, const std::string& placeholder, bool focused = true);

 private:
  bool multiline_;
  size_t maxBytes_;
  std::string text_;
  size_t cursor_ = 0;
};

// SDL_StartTextInput for the life of a screen that takes typing (so an on-screen
// keyboard or IME shows only while it is needed).
class TextInputScope {
 public:
  TextInputScope() {
    SDL_StartTextInput();
    ++count();
  }
  ~TextInputScope() {
    SDL_StopTextInput();
    --count();
  }
  // A screen that takes typing is open: letter keys are its, not shortcuts (V).
  static bool active() { return count() > 0; }

 private:
  static int& count() {
    static int n = 0;
    return n;
  }
  TextInputScope(const TextInputScope&) = delete;
  TextInputScope& operator=(const TextInputScope&) = delete;
};

}  // namespace lc::present

#include "present/browser.h"

#ifdef __EMSCRIPTEN__
#include <SDL.h>

#include <cstdlib>
#include <vector>

#include "present/game.h"
#include "present/widgets.h"

extern "C" {
void lc_web_screen(const char* name);
void lc_web_announce(const char* text);
void lc_web_buttons(const char* json);
void lc_web_notice(const char* text);
char* lc_web_take_message();
int lc_web_take_activation();
}
#endif

namespace lc::present::browser {

#ifdef __EMSCRIPTEN__
namespace {

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c < 0x20) out += "\\u00" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
    else out += static_cast<char>(c);
  }
  return out + "\"";
}

// Each button: its text, and where it is as fractions of the canvas (tests aim clicks with it).
std::string buttonsJson(const ButtonList* list, int width, int height) {
  std::string out = "[";
  auto fraction = [](int v, int of) { return std::to_string(of > 0 ? static_cast<double>(v) / of : 0.0); };
  if (list)
    for (const Button& b : list->buttons) {
      if (out.size() > 1) out += ",";
      out += "{\"label\":" + jsonString(b.label) + ",\"detail\":" + jsonString(b.detail) +
             ",\"enabled\":" + (b.enabled ? "true" : "false") + ",\"box\":[" + fraction(b.rect.x, width) + "," +
             fraction(b.rect.y, height) + "," + fraction(b.rect.w, width) + "," + fraction(b.rect.h, height) + "]}";
    }
  return out + "]";
}

// A mirror button was chosen: the same click a mouse would make on the canvas button.
void clickButton(Game& game, int index) {
  const ButtonList* list = game.top() ? game.top()->buttonList() : nullptr;
  if (!list || index < 0 || index >= static_cast<int>(list->buttons.size())) return;
  const SDL_Rect& r = list->buttons[static_cast<size_t>(index)].rect;
  const float scale = game.display().pointScale();  // drawing pixels per window point
  const int x = static_cast<int>((r.x + r.w / 2) / scale), y = static_cast<int>((r.y + r.h / 2) / scale);
  SDL_Event e{};
  e.type = SDL_MOUSEMOTION;
  e.motion.x = x;
  e.motion.y = y;
  SDL_PushEvent(&e);
  e = SDL_Event{};
  e.type = SDL_MOUSEBUTTONUP;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.clicks = 1;
  e.button.x = x;
  e.button.y = y;
  SDL_PushEvent(&e);
}

struct Mirrored {
  std::string screen, buttons;
  size_t notices = 0;
};

}  // namespace

void announce(const std::string& text) { lc_web_announce(text.c_str()); }

void afterFrame(Game& game) {
  static Mirrored shown;
  while (char* message = lc_web_take_message()) {
    game.notices().add(message);
    std::free(message);
  }
  for (int i = lc_web_take_activation(); i >= 0; i = lc_web_take_activation()) clickButton(game, i);
  const std::string screen = game.topName();
  if (screen != shown.screen) lc_web_screen((shown.screen = screen).c_str());
  const std::string buttons = buttonsJson(game.top() ? game.top()->buttonList() : nullptr, game.display().width(),
                                          game.display().height());
  if (buttons != shown.buttons) lc_web_buttons((shown.buttons = buttons).c_str());
  const std::vector<std::string>& log = game.notices().log();
  for (; shown.notices < log.size(); ++shown.notices) lc_web_notice(log[shown.notices].c_str());
}

#else

void announce(const std::string&) {}
void afterFrame(Game&) {}

#endif

}  // namespace lc::present::browser

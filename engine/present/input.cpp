#include "present/input.h"

#include <cmath>

namespace lc::present {

InputMapper::~InputMapper() {
  for (SDL_GameController* c : controllers_) SDL_GameControllerClose(c);
}

void InputMapper::openControllers() {
  for (int i = 0; i < SDL_NumJoysticks(); ++i) openController(i);
}

void InputMapper::openController(int deviceIndex) {
  if (!SDL_IsGameController(deviceIndex)) return;
  if (SDL_GameController* c = SDL_GameControllerOpen(deviceIndex)) controllers_.push_back(c);
}

Input InputMapper::map(const SDL_Event& e, float pointScale) {
  auto at = [pointScale](Action a, int x, int y) {
    Input in{a};
    in.x = static_cast<int>(std::lround(x * pointScale));
    in.y = static_cast<int>(std::lround(y * pointScale));
    return in;
  };
  switch (e.type) {
    case SDL_QUIT: return {Action::Quit};
    case SDL_KEYDOWN:
    case SDL_KEYUP: {
      Input in = mapKey(e.key);
      if (e.type == SDL_KEYDOWN) {
        // Text fields need the raw key (Backspace is Rollback, Enter Confirm elsewhere).
        if (in.action == Action::None && !e.key.repeat && e.key.keysym.sym != SDLK_LCTRL &&
            e.key.keysym.sym != SDLK_RCTRL)
          in.action = Action::Key;
        in.key = e.key.keysym.sym;
        in.mod = e.key.keysym.mod;
      }
      return in;
    }
    case SDL_TEXTINPUT: {
      Input in{Action::Text};
      in.text = e.text.text;
      return in;
    }
    case SDL_MOUSEMOTION: return at(Action::PointerMove, e.motion.x, e.motion.y);
    case SDL_MOUSEBUTTONUP:
      if (e.button.button == SDL_BUTTON_LEFT) return at(Action::Click, e.button.x, e.button.y);
      if (e.button.button == SDL_BUTTON_RIGHT) return {Action::Menu};
      return {};
    case SDL_MOUSEWHEEL: {
      Input in{Action::Wheel};
      in.wheel = e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e.wheel.y : e.wheel.y;
      return in.wheel == 0 ? Input{} : in;
    }
    case SDL_CONTROLLERBUTTONDOWN: return mapButton(e.cbutton.button);
    case SDL_CONTROLLERDEVICEADDED: openController(e.cdevice.which); return {};
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) return {Action::Resized};
      if (e.window.event == SDL_WINDOWEVENT_EXPOSED ||
          e.window.event == SDL_WINDOWEVENT_SHOWN ||
          e.window.event == SDL_WINDOWEVENT_RESTORED) return {Action::Exposed};
      return {};
    default: return {};
  }
}

Input InputMapper::mapKey(const SDL_KeyboardEvent& key) {
  const SDL_Keycode k = key.keysym.sym;
  if (k == SDLK_LCTRL || k == SDLK_RCTRL) {
    if (key.repeat) return {};
    return {key.type == SDL_KEYDOWN ? Action::SkipHold : Action::SkipRelease};
  }
  if (key.type != SDL_KEYDOWN) return {};
  // Held keys repeat only for movement; repeating Enter would rush through the story.
  const bool movement = k == SDLK_UP || k == SDLK_DOWN || k == SDLK_LEFT || k == SDLK_RIGHT ||
                        k == SDLK_PAGEUP || k == SDLK_PAGEDOWN;
  if (key.repeat && !movement) return {};
  if (k >= SDLK_1 && k <= SDLK_9) return {Action::Number, static_cast<int>(k - SDLK_0)};
  if (k >= SDLK_KP_1 && k <= SDLK_KP_9) return {Action::Number, static_cast<int>(k - SDLK_KP_1) + 1};
  switch (k) {
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SPACE: return {Action::Confirm};
    case SDLK_ESCAPE: return {Action::Cancel};
    case SDLK_UP: return {Action::Up};
    case SDLK_DOWN: return {Action::Down};
    case SDLK_LEFT: return {Action::Left};
    case SDLK_RIGHT: return {Action::Right};
    case SDLK_TAB: return {Action::SkipToggle};
    case SDLK_a: return {Action::Auto};
    case SDLK_PAGEUP: return {Action::History};
    case SDLK_PAGEDOWN: return {Action::PageDown};
    case SDLK_BACKSPACE: return {Action::Rollback};
    case SDLK_F5: return {Action::QuickSave};
    case SDLK_F9: return {Action::QuickLoad};
    case SDLK_F11: return {Action::Fullscreen};
    case SDLK_v: return {Action::VoiceToggle};
    case SDLK_HOME: return {Action::Home};
    case SDLK_END: return {Action::End};
    default: return {};
  }
}

Input InputMapper::mapButton(Uint8 button) {
  switch (button) {
    case SDL_CONTROLLER_BUTTON_A: return {Action::Confirm};
    case SDL_CONTROLLER_BUTTON_B: return {Action::Cancel};
    case SDL_CONTROLLER_BUTTON_X: return {Action::Rollback};
    case SDL_CONTROLLER_BUTTON_Y: return {Action::SkipToggle};
    case SDL_CONTROLLER_BUTTON_START: return {Action::Menu};
    case SDL_CONTROLLER_BUTTON_BACK: return {Action::Auto};
    case SDL_CONTROLLER_BUTTON_LEFTSHOULDER: return {Action::History};
    case SDL_CONTROLLER_BUTTON_RIGHTSHOULDER: return {Action::PageDown};
    case SDL_CONTROLLER_BUTTON_DPAD_UP: return {Action::Up};
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: return {Action::Down};
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: return {Action::Left};
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: return {Action::Right};
    default: return {};
  }
}

}  // namespace lc::present

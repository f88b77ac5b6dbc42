#include "present/player.h"

#include <SDL.h>

#include <cstdio>

#include "present/game.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace lc::present {
namespace {

#ifdef __EMSCRIPTEN__
void browserFrame(void* game) {
  if (!static_cast<Game*>(game)->frame()) emscripten_cancel_main_loop();
}
#else

// The desktop loop: frame() never waits, so the loop paces itself to about 60 frames a
// second (a vsynced present already waits; a skipped or software frame sleeps instead).
void desktopLoop(Game& game) {
  constexpr Uint64 kFrameMs = 16;
  for (;;) {
    const Uint64 start = SDL_GetTicks64();
    if (!game.frame()) return;
    const Uint64 spent = SDL_GetTicks64() - start;
    if (spent < kFrameMs) SDL_Delay(static_cast<Uint32>(kFrameMs - spent));
  }
}
#endif

}  // namespace

int runWindowPlayer(const WindowOptions& options) {
  SDL_SetHint(SDL_HINT_APP_NAME, "Lost Corner");
  SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
#ifdef __EMSCRIPTEN__
  // The browser owns the loop: the Game must outlive this function, which never returns.
  Game* game = new Game(options, Game::Parts{});
  if (!game->ok()) {
    std::fprintf(stderr, "lostcorner: %s\n", game->error().c_str());
    // The page's own message box (page.html's onAbort): a canvas with no fonts stays blank.
    EM_ASM(
        {
          if (Module.onAbort) Module.onAbort(UTF8ToString($0));
        },
        game->error().c_str());
    return 1;
  }
  emscripten_set_main_loop_arg(browserFrame, game, 0, 1);
  return 0;
#else
  int code = 1;
  {
    Game game(options, Game::Parts{});
    if (!game.ok()) {
      std::fprintf(stderr, "lostcorner: %s\n", game.error().c_str());
    } else {
      desktopLoop(game);
      code = game.exitCode();
    }
  }
  SDL_Quit();
  return code;
#endif
}

}  // namespace lc::present

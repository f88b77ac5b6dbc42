// A real window under Xvfb. The test runs this binary again under `xvfb-run` with the
// hidden child test below, which opens the window through the same path as
// `lostcorner play`, drives it with injected events and quits. Skipped (with a warning)
// when xvfb-run is missing or no X server can be started.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>

#include "fixtures.h"
#include "support/skip.h"

using namespace lc::present;
using namespace lc::present::testing;

namespace {

constexpr int kNoXServer = 77;

std::string readAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("a real window under Xvfb: start, advance, choose, menu, save, quit", "[present][xvfb]") {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
    LC_SKIP("xvfb-run is not installed (apt-get install xvfb xauth): no real window");
    return;
  }
  TempDir dir("xvfb");
  writeTestStory(dir);
  const std::string exe = fs::read_symlink("/proc/self/exe").string();
  const std::string log = dir / "child.log";
  const std::string command = "LC_XVFB_DIR='" + dir.path.string() +
                              "' SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy timeout 120 xvfb-run -a "
                              "-s '-screen 0 1600x900x24' '" + exe + "' '[.xvfb-child]' > '" + log +
                              "' 2>&1";
  const int status = std::system(command.c_str());
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  const std::string output = readAll(log);
  if (code == kNoXServer || output.find("Xvfb failed to start") != std::string::npos) {
    LC_SKIP("no X server could be started: no real window\n" << output);
    return;
  }
  INFO(output);
  CHECK(code == 0);
  CHECK(fs::exists(dir / "saves/1.save"));
}

TEST_CASE("xvfb child: the window player driven by injected events", "[.xvfb-child]") {
  const char* folder = std::getenv("LC_XVFB_DIR");
  REQUIRE(folder);
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) std::exit(kNoXServer);
  const std::string dir = folder;
  WindowOptions o;
  o.storyPath = dir + "/story";
  o.saveDir = dir + "/saves";
  o.configDir = dir + "/config";
  {
    Game game(o, Game::Parts{});  // a real window, as runWindowPlayer opens it
    REQUIRE(game.ok());
    REQUIRE(game.display().window() != nullptr);
    CHECK(game.display().width() == 1280);
    auto key = [&](SDL_Keycode k) {
      SDL_Event e{};
      e.type = SDL_KEYDOWN;
      e.key.keysym.sym = k;
      SDL_PushEvent(&e);
      for (int i = 0; i < 3; ++i) game.frame();
    };
    game.frame();
    CHECK(game.topName() == "title");
    {  // F11 without a window manager: the window takes the screen and the layout follows it.
      SDL_Event f11{};
      f11.type = SDL_KEYDOWN;
      f11.key.keysym.sym = SDLK_F11;
      SDL_PushEvent(&f11);
      for (int i = 0; i < 40; ++i) {
        game.frame();
        SDL_Delay(10);
      }
      game.redraw();
      game.frame();
      int rw = 0, rh = 0, ww = 0, wh = 0;
      SDL_GetRendererOutputSize(game.display().renderer(), &rw, &rh);
      SDL_GetWindowSize(game.display().window(), &ww, &wh);
      CHECK(ww == 1600);
      CHECK(wh == 900);
      CHECK(rw == ww);
      CHECK(rh == wh);
      CHECK(game.display().width() == rw);  // what the screens lay out for
      CHECK(game.display().height() == rh);
      const ButtonList* menu = game.top()->buttonList();
      REQUIRE(menu);
      const SDL_Rect first = menu->buttons.at(0).rect;
      CHECK(std::abs(first.x + first.w / 2 - ww / 2) <= 2);  // centred in the whole screen
      key(SDLK_F11);  // and back
      for (int i = 0; i < 40; ++i) {
        game.frame();
        SDL_Delay(10);
      }
      SDL_GetRendererOutputSize(game.display().renderer(), &rw, &rh);
      CHECK(game.display().width() == rw);
      CHECK(game.display().height() == rh);
    }
    key(SDLK_1);  // New game
    REQUIRE(game.topName() == "play");
    for (int i = 0; i < 6; ++i) key(SDLK_RETURN);  // card, paragraphs
    auto* play = dynamic_cast<PlayScreen*>(game.top());
    REQUIRE(play);
    REQUIRE(play->stage() == PlayScreen::Stage::Choosing);
    key(SDLK_1);
    CHECK(play->scene() == game.session()->story().findScene("one.pond"));
    key(SDLK_ESCAPE);
    CHECK(game.topName() == "menu");
    key(SDLK_2);
    key(SDLK_3);  // Slot 1
    CHECK(game.notices().log().back() == "Saved: Slot 1.");
    key(SDLK_ESCAPE);
    key(SDLK_ESCAPE);
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);
    CHECK_FALSE(game.frame());
  }
  // The entry point itself: a bounded number of frames, then a clean exit.
  o.maxFrames = 20;
  CHECK(runWindowPlayer(o) == 0);
}

// Self-voicing through a stand-in espeak-ng, and the gamepad mapping.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "fixtures.h"
#include "present/input.h"
#include "present/voice.h"

using namespace lc::present;
using namespace lc::present::testing;

namespace {

// Puts a fake `espeak-ng` first on PATH: it appends its last argument to a file, then
// sleeps, like a voice still speaking.
struct FakeEspeak {
  TempDir dir{"voice"};
  std::string oldPath = std::getenv("PATH") ? std::getenv("PATH") : "";
  std::string log = dir / "spoken.txt";
  FakeEspeak() {
    const std::string script = dir / "bin/espeak-ng";
    writeText(script, "#!/bin/sh\nfor last; do :; done\necho \"$last\" >> '" + log + "'\nexec sleep 5\n");
    chmod(script.c_str(), 0755);
    setenv("PATH", (dir / "bin" + ":" + oldPath).c_str(), 1);
  }
  ~FakeEspeak() { setenv("PATH", oldPath.c_str(), 1); }
  std::string spoken() const {
    std::ifstream in(log);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
};

bool waitFor(const std::function<bool()>& done) {
  for (int i = 0; i < 200 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return done();
}

}  // namespace

TEST_CASE("self-voicing speaks through espeak-ng without waiting, and stops for new text", "[present][voice]") {
  FakeEspeak espeak;
  auto voice = openVoice();
  REQUIRE(voice->available());
  const auto start = std::chrono::steady_clock::now();
  voice->say("-The first line.");
  voice->say("The second line.");  // stops the first, which would still be speaking
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
  REQUIRE(waitFor([&] { return espeak.spoken().find("The second line.") != std::string::npos; }));
  voice->stop();
  voice->update();
  voice.reset();  // no process is left behind (the destructor reaps them)
}

TEST_CASE("without espeak-ng, self-voicing is unavailable and the game says so", "[present][voice]") {
  const std::string oldPath = std::getenv("PATH");
  TempDir dir("voice-missing");
  setenv("PATH", dir.path.c_str(), 1);
  CHECK_FALSE(openVoice()->available());
  setenv("PATH", oldPath.c_str(), 1);

  Harness h(optionsFor(dir, writeTestStory(dir)));  // the harness has no voice
  h.game->settings().selfVoicing = true;
  h.game->settingsChanged();
  CHECK_THAT(h.game->notices().log().back(), Catch::Contains("espeak-ng"));
}

TEST_CASE("with self-voicing on, the game reads the text, the choices and the focus", "[present][voice]") {
  struct Recorder : Voice {
    std::vector<std::string>* said;
    explicit Recorder(std::vector<std::string>* s) : said(s) {}
    bool available() const override { return true; }
    void say(const std::string& text) override { said->push_back(text); }
    void stop() override {}
    void update() override {}
  };
  std::vector<std::string> said;
  TempDir dir("voice-game");
  writeText(dir / "config/settings.yaml", "self_voicing: true\n");
  Harness h(optionsFor(dir, writeTestStory(dir)), 1280, 720, silentAudio(), std::make_unique<Recorder>(&said));
  REQUIRE_FALSE(said.empty());
  CHECK(said.back() == "The Window Test. Title screen.");
  h.key(SDLK_DOWN);
  CHECK(said.back() == "New game");
  h.key(SDLK_RETURN);
  CHECK(said.back() == "Chapter 1. The First Chapter");
  h.key(SDLK_RETURN);
  CHECK_THAT(said.back(), Catch::StartsWith("It was a grey morning"));
  REQUIRE(h.readToChoices());
  CHECK(said.back() == "Choices. 1: Walk down to the pond. 2: Stay by the gate.");
}

TEST_CASE("a gamepad drives the menus and the story", "[present][input]") {
  TempDir dir("gamepad");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  auto button = [&](Uint8 b) {
    SDL_Event e{};
    e.type = SDL_CONTROLLERBUTTONDOWN;
    e.cbutton.button = b;
    SDL_PushEvent(&e);
    h.frame();
  };
  button(SDL_CONTROLLER_BUTTON_DPAD_DOWN);
  button(SDL_CONTROLLER_BUTTON_A);  // New game
  REQUIRE(h.game->topName() == "play");
  for (int i = 0; i < 6 && h.play()->stage() != PlayScreen::Stage::Choosing; ++i) button(SDL_CONTROLLER_BUTTON_A);
  REQUIRE(h.play()->stage() == PlayScreen::Stage::Choosing);
  button(SDL_CONTROLLER_BUTTON_DPAD_DOWN);
  button(SDL_CONTROLLER_BUTTON_DPAD_DOWN);  // the second choice
  button(SDL_CONTROLLER_BUTTON_A);
  CHECK(h.sceneId() == "one.stay");
  button(SDL_CONTROLLER_BUTTON_START);
  CHECK(h.game->topName() == "menu");
  button(SDL_CONTROLLER_BUTTON_B);
  CHECK(h.game->topName() == "play");
  button(SDL_CONTROLLER_BUTTON_X);  // rollback
  CHECK(h.sceneId() == "one.start");
}

TEST_CASE("keys map to actions; held Enter does not rush through the story", "[present][input]") {
  InputMapper mapper;
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = SDLK_RETURN;
  CHECK(mapper.map(e, 1).action == Action::Confirm);
  e.key.repeat = 1;
  CHECK(mapper.map(e, 1).action == Action::None);
  e.key.keysym.sym = SDLK_DOWN;
  CHECK(mapper.map(e, 1).action == Action::Down);  // movement repeats
  e.key.repeat = 0;
  e.key.keysym.sym = SDLK_7;
  CHECK(mapper.map(e, 1).number == 7);
  SDL_Event m{};
  m.type = SDL_MOUSEBUTTONUP;
  m.button.button = SDL_BUTTON_LEFT;
  m.button.x = 100;
  m.button.y = 50;
  const Input click = mapper.map(m, 2.0f);  // high-DPI: window points to drawing pixels
  CHECK(click.action == Action::Click);
  CHECK(click.x == 200);
  CHECK(click.y == 100);
}

TEST_CASE("V turns self-voicing on and off, and the music is ducked while the voice reads", "[present][voice]") {
  struct Speaker : Voice {
    std::vector<std::string>* said;
    bool* talking;
    Speaker(std::vector<std::string>* s, bool* t) : said(s), talking(t) {}
    bool available() const override { return true; }
    void say(const std::string& text) override {
      said->push_back(text);
      *talking = true;
    }
    void stop() override { *talking = false; }
    void update() override {}
    bool speaking() const override { return *talking; }
  };
  struct Volumes : Audio {
    int* music;
    explicit Volumes(int* m) : music(m) {}
    bool available() const override { return true; }
    void setMusic(const lc::Cue*, bool) override {}
    void playSound(const lc::Cue&, bool) override {}
    void stopLoops() override {}
    void stopAll() override {}
    void setVolumes(int, int m, int) override { *music = m; }
    void update(double) override {}
    const std::string& musicCue() const override { return cue; }
    std::string cue;
  };
  std::vector<std::string> said;
  bool talking = false;
  int music = -1;
  TempDir dir("voice-toggle");
  Harness h(optionsFor(dir, writeTestStory(dir)), 1280, 720, std::make_unique<Volumes>(&music),
            std::make_unique<Speaker>(&said, &talking));
  CHECK(said.empty());  // off by default
  CHECK(music == 70);
  h.key(SDLK_v);
  CHECK(h.game->settings().selfVoicing);
  CHECK(h.game->notices().log().back() == "Self-voicing on (V turns it off).");
  REQUIRE_FALSE(said.empty());
  CHECK(said.back() == "Self-voicing on.");
  h.frame();
  CHECK(music == 23);  // a third of 70 while it speaks
  talking = false;     // the line was read
  h.frame();
  CHECK(music == 70);
  h.key(SDLK_v);
  CHECK_FALSE(h.game->settings().selfVoicing);
  CHECK(h.game->notices().log().back() == "Self-voicing off (V turns it on).");
  std::ifstream in(dir / "config/settings.yaml");
  const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(saved.find("self_voicing: false") != std::string::npos);
}

// Audio through SDL's disk driver (the mixed output lands in a file), and with no sound
// device at all.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <cstring>
#include <thread>

#include "fixtures.h"

using namespace lc::present;
using namespace lc::present::testing;

namespace {

// The disk driver's output: stereo 16-bit samples; the left channel is enough.
std::vector<int16_t> leftChannel(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<int16_t> out(bytes.size() / 4);
  for (size_t i = 0; i < out.size(); ++i) std::memcpy(&out[i], bytes.data() + i * 4, 2);
  return out;
}

double rms(const std::vector<int16_t>& s, size_t from, size_t to) {
  double sum = 0;
  for (size_t i = from; i < to; ++i) sum += double(s[i]) * s[i];
  return to > from ? std::sqrt(sum / double(to - from)) : 0;
}

// Frequency from zero crossings.
double frequency(const std::vector<int16_t>& s, size_t from, size_t to, int rate) {
  int crossings = 0;
  for (size_t i = from + 1; i < to; ++i)
    if ((s[i - 1] < 0) != (s[i] < 0)) ++crossings;
  return crossings / 2.0 / (double(to - from) / rate);
}

// Runs the audio for `ms` of real time (the disk driver writes in real time).
void run(Audio& audio, int ms) {
  for (int t = 0; t < ms; t += 10) {
    audio.update(t);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

struct DiskAudio {
  std::string file;
  std::vector<std::string> warnings;
  std::unique_ptr<Audio> audio;
  explicit DiskAudio(const TempDir& dir, int fadeMs) : file(dir / "out.raw") {
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
    audio = openAudio([this](const std::string& w) { warnings.push_back(w); }, fadeMs);
    audio->setVolumes(100, 100, 100);
  }
  std::vector<int16_t> finish() {
    audio.reset();  // closes the device: the file is complete
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    return leftChannel(file);
  }
};

lc::Cue cue(const std::string& id, const std::string& file, bool loop = true) {
  lc::Cue c;
  c.id = id;
  c.file = file;
  c.loop = loop;
  return c;
}

constexpr int kRate = 44100;

}  // namespace

TEST_CASE("a music cue produces sound; `none` goes silent", "[present][audio]") {
  TempDir dir("audio-music");
  writeWav(dir / "low.wav", 220, 1.0);
  DiskAudio disk(dir, 300);
  REQUIRE(disk.audio->available());
  const lc::Cue low = cue("low", dir / "low.wav");
  disk.audio->setMusic(&low, true);
  CHECK(disk.audio->musicCue() == "low");
  run(*disk.audio, 1200);  // longer than the file: it loops
  disk.audio->setMusic(nullptr, false);
  CHECK(disk.audio->musicCue().empty());
  run(*disk.audio, 700);
  const auto out = disk.finish();
  REQUIRE(out.size() > kRate);
  CHECK(rms(out, kRate / 2, kRate) > 2000);                  // playing
  CHECK(rms(out, out.size() - kRate / 5, out.size()) < 10);  // silent after `none`
  CHECK(disk.warnings.empty());
}

TEST_CASE("a crossfade ends on the new track", "[present][audio]") {
  TempDir dir("audio-crossfade");
  writeWav(dir / "low.wav", 220, 1.0);
  writeWav(dir / "high.wav", 1760, 1.0);
  DiskAudio disk(dir, 400);
  const lc::Cue low = cue("low", dir / "low.wav"), high = cue("high", dir / "high.wav");
  disk.audio->setMusic(&low, true);
  run(*disk.audio, 500);
  disk.audio->setMusic(&high, false);
  CHECK(disk.audio->musicCue() == "high");
  run(*disk.audio, 1100);
  const auto out = disk.finish();
  REQUIRE(out.size() > kRate);
  const double before = frequency(out, kRate / 10, kRate * 4 / 10, kRate);
  const double after = frequency(out, out.size() - kRate / 4, out.size() - kRate / 20, kRate);
  CHECK(before == Approx(220).margin(30));
  CHECK(after == Approx(1760).margin(100));
  CHECK(rms(out, out.size() - kRate / 4, out.size() - kRate / 20) > 2000);
}

TEST_CASE("sound cues play on their own channels; a broken file is a warning", "[present][audio]") {
  TempDir dir("audio-sounds");
  writeWav(dir / "click.wav", 880, 0.3);
  writeText(dir / "broken.wav", "RIFF this is not a wave file");
  DiskAudio disk(dir, 300);
  const lc::Cue click = cue("click", dir / "click.wav", false);
  const lc::Cue broken = cue("broken", dir / "broken.wav");
  const lc::Cue missing = cue("missing", dir / "missing.ogg");
  disk.audio->playSound(click, false);
  disk.audio->playSound(broken, false);
  disk.audio->setMusic(&missing, true);
  run(*disk.audio, 500);
  const auto out = disk.finish();
  REQUIRE(out.size() > kRate / 4);
  CHECK(rms(out, 0, kRate / 4) > 1000);
  REQUIRE(disk.warnings.size() == 2);
  CHECK_THAT(disk.warnings[0], Catch::Contains("broken") && Catch::Contains("going on without it"));
  CHECK_THAT(disk.warnings[1], Catch::Contains("missing.ogg"));
}

TEST_CASE("with no sound device the game runs silently and says so once", "[present][audio]") {
  TempDir dir("audio-none");
  setenv("SDL_AUDIODRIVER", "nonexistent", 1);
  std::vector<std::string> warnings;
  {
    auto audio = openAudio([&](const std::string& w) { warnings.push_back(w); });
    CHECK_FALSE(audio->available());
  }
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("playing silently"));

  WindowOptions o = optionsFor(dir, writeTestStory(dir));
  Harness h(o, 1280, 720, nullptr);  // the Game opens the (missing) device itself
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  int silentNotices = 0;
  for (const auto& n : h.game->notices().log()) silentNotices += n.find("playing silently") != std::string::npos;
  CHECK(silentNotices == 1);
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_1);
  CHECK(h.sceneId() == "one.pond");
  CHECK(h.game->audio().musicCue() == "high");  // the music state is still followed
}

TEST_CASE("missing audio files in a story: warnings, never a crash", "[present][audio]") {
  TempDir dir("audio-missing-files");
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  Harness h(optionsFor(dir, writeTestStory(dir, false)), 1280, 720, nullptr);
  REQUIRE(h.game->audio().available());
  h.key(SDLK_1);
  CHECK(h.sceneId() == "one.start");
  REQUIRE(h.readToChoices());
  CHECK(h.sceneId() == "one.start");
  h.key(SDLK_1);
  CHECK(h.sceneId() == "one.pond");
  REQUIRE(h.readToChoices());
  CHECK(h.sceneId() == "one.pond");
  int warnings = 0;
  for (const auto& n : h.game->notices().log()) warnings += n.find("cannot be played") != std::string::npos;
  CHECK(warnings == 3);  // low.wav, high.wav, click.wav: each said once
}

TEST_CASE("a looping sound stops with a fade, not a hard cut", "[present][audio]") {
  TempDir dir("audio-loop-fade");
  writeWav(dir / "hum.wav", 440, 0.5);
  DiskAudio disk(dir, 900);  // loops fade out over a third of it: 300 ms
  const lc::Cue hum = cue("hum", dir / "hum.wav", true);
  disk.audio->playSound(hum, true);
  run(*disk.audio, 600);
  disk.audio->stopLoops();
  run(*disk.audio, 700);
  const auto out = disk.finish();
  // The level in 10 ms windows: a cut goes from full to nothing in one window; a fade
  // passes through many windows in between.
  const size_t window = kRate / 100;
  double full = 0;
  for (size_t i = 0; i + window <= out.size(); i += window) full = std::max(full, rms(out, i, i + window));
  REQUIRE(full > 2000);
  int between = 0;
  for (size_t i = 0; i + window <= out.size(); i += window) {
    const double level = rms(out, i, i + window);
    between += level > 0.1 * full && level < 0.8 * full;
  }
  CHECK(between >= 8);
  CHECK(rms(out, out.size() - kRate / 10, out.size()) < 10);  // and then silence
}

namespace {

// Runs `body` in a child process and returns what it wrote to `out`; a child still running
// after `seconds` is killed and "HUNG" is returned. (Before audio files were checked, a FIFO
// cue blocked SDL_mixer's open forever: the test must fail, not hang with it.)
std::string inChild(int seconds, const std::function<std::string()>& body) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    const std::string out = body();
    (void)!::write(fds[1], out.data(), out.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string out;
  struct pollfd p{fds[0], POLLIN, 0};
  char buf[4096];
  for (;;) {
    if (::poll(&p, 1, seconds * 1000) <= 0) {  // nothing for `seconds`: it hangs
      ::kill(pid, SIGKILL);
      out = "HUNG";
      break;
    }
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  ::waitpid(pid, nullptr, 0);
  return out;
}

}  // namespace

TEST_CASE("a FIFO or a device as an audio file is refused with a notice, never waited on", "[present][audio]") {
  TempDir dir("audio-not-files");
  REQUIRE(::mkfifo((dir / "pipe.ogg").c_str(), 0600) == 0);
  std::filesystem::create_symlink("/dev/urandom", dir / "noise.wav");
  const std::string fifo = "it is a FIFO (named pipe), not a regular file";
  const std::string device = "it is a device, not a regular file";
  struct Case {
    std::string file;
    bool music;
    std::string why;
  };
  const std::vector<Case> cases = {
      {dir / "pipe.ogg", true, fifo},    {dir / "pipe.ogg", false, fifo},
      {dir / "noise.wav", true, device}, {dir / "noise.wav", false, device},
      {"/dev/urandom", true, device},    {"/dev/zero", false, device},
  };
  for (const Case& c : cases) {
    const std::string kind = c.music ? "music" : "sound";
    INFO(kind << " " << c.file);
    const std::string warnings = inChild(20, [&] {
      ::setenv("SDL_AUDIODRIVER", "dummy", 1);
      std::string said;
      auto audio = openAudio([&](const std::string& w) { said += w + "\n"; });
      if (!audio->available()) return std::string("no audio device\n");
      const lc::Cue it = cue("it", c.file);
      if (c.music) audio->setMusic(&it, true);
      else audio->playSound(it, false);
      audio->update(0);
      return said;
    });
    CHECK(warnings == kind + " 'it' (" + c.file + ") cannot be played: " + c.why + "; going on without it.\n");
  }
}

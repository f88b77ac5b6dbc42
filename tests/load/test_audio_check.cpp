// `check` opens every audio file a story names (without playing it) and reports a missing,
// unreadable or undecodable one as an error at the cue; `play` stays tolerant (a missing
// file is a warning, files are not read).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/audio_check.h"
#include "load/check.h"
#include "support/temp_story.h"

namespace {

const std::string kPlays = "the player plays Ogg Vorbis (.ogg) and WAV (.wav)";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string bell() { return slurp(std::string(LC_SOURCE_DIR) + "/assets/sfx/bell.ogg"); }

std::string u32(uint32_t v) {
  std::string s(4, '\0');
  for (int i = 0; i < 4; ++i) s[static_cast<size_t>(i)] = static_cast<char>(v >> (8 * i));
  return s;
}
std::string u16(uint16_t v) { return std::string{static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}; }

// A WAV file: `format` 1 is PCM; `claimed` the data chunk's size as written.
std::string wav(uint16_t format, uint32_t claimed, size_t actual) {
  std::string fmt = u16(format) + u16(1) + u32(8000) + u32(16000) + u16(2) + u16(16);
  std::string body = "WAVEfmt " + u32(16) + fmt + "data" + u32(claimed) + std::string(actual, '\0');
  return "RIFF" + u32(static_cast<uint32_t>(body.size())) + body;
}

std::string problemOf(const std::string& bytes) {
  lc::test::TempDir dir;
  dir.write("f", bytes);
  return lc::audioFileProblem(dir.file("f"));
}

const std::string kChapter = "chapter: a\nscenes:\n  start:\n    text: Hi\n    music: theme\n    end: true\n";
std::string manifest(const std::string& file) {
  return "format: lostcorner/1\nid: t\ntitle: T\nstart: a.start\nchapters: [a.yaml]\nmusic:\n  theme: {file: " + file +
         ", caption: \"a tune\"}\n";
}

}  // namespace

TEST_CASE("audio check: every bundled audio file reads as Ogg Vorbis") {
  for (const char* folder : {"/assets/music", "/assets/sfx"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(LC_SOURCE_DIR) + folder)) {
      if (entry.path().extension() != ".ogg") continue;
      INFO(entry.path());
      CHECK(lc::audioFileProblem(entry.path().string()) == "");
    }
  }
}

TEST_CASE("audio check: a table of broken and foreign files, with exact messages") {
  const std::string ogg = bell();
  REQUIRE(ogg.size() > 1000);
  std::string flipped = ogg;
  flipped[40] = static_cast<char>(flipped[40] ^ 0x10);  // inside the first page's Vorbis header
  std::string flippedLate = ogg;
  flippedLate[ogg.size() - 10] = static_cast<char>(flippedLate[ogg.size() - 10] ^ 0x01);
  const struct {
    const char* name;
    std::string bytes, expected;
  } cases[] = {
      {"the bell as it is", ogg, ""},
      {"a byte changed in the first page", flipped, "is damaged: page 1 (byte 0) fails its checksum"},
      {"cut after the first page", ogg.substr(0, 58), "is cut short: its Ogg stream does not reach its end"},
      {"cut inside the second page's header", ogg.substr(0, 70), "is cut short: page 2 (byte 58) is incomplete"},
      {"cut in the middle", ogg.substr(0, ogg.size() / 2), "ends past the end of the file"},
      {"a byte changed near the end", flippedLate, "fails its checksum"},
      {"something after the end", ogg + "OggS",
       "has data after the end of its Ogg stream, at byte " + std::to_string(ogg.size())},
      {"empty", "", "is empty"},
      {"MP3", "ID3\x03\x00\x00\x00\x00\x00\x00", "is MP3; " + kPlays},
      {"FLAC", "fLaC\x00\x00\x00\x22", "is FLAC; " + kPlays},
      {"text", "not audio at all\n", "is not an audio file the player knows; " + kPlays},
      {"PCM WAV", wav(1, 100, 100), ""},
      {"float WAV", wav(3, 100, 100), ""},
      {"WAV cut short", wav(1, 1000, 100), "is cut short: its WAV data says 1000 bytes, the file holds 100"},
      {"MP3 inside WAV", wav(85, 100, 100), "is a compressed WAV (format 85); " + kPlays + " with PCM samples"},
      {"WAV without data", wav(1, 0, 0).substr(0, 36), "is damaged: it has no WAV data chunk"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const std::string got = problemOf(c.bytes);
    if (c.expected.empty() || c.expected.rfind("is ", 0) == 0 || c.expected.rfind("has ", 0) == 0)
      CHECK(got == c.expected);
    else  // where in the stream depends on the bell's pages: the kind of fault is fixed
      CHECK_THAT(got, Catch::StartsWith("is ") && Catch::EndsWith(c.expected));
  }
}

TEST_CASE("audio check: check makes a missing or damaged cue file an error at the cue; play only warns") {
  const std::string damaged = bell().substr(0, 70);
  const struct {
    const char* name;
    std::string file, bytes;  // bytes "" for no file
    std::string checkSays, loadSays;
  } cases[] = {
      {"damaged", "theme.ogg", damaged,
       "DIR/story.yaml:7:3: error: music cue 'theme': file 'DIR/theme.ogg' is cut short: page 2 (byte 58) is "
       "incomplete\n"
       "  hint: export it again as Ogg Vorbis (.ogg) or WAV (.wav); the window would play nothing for this cue\n",
       ""},
      {"missing", "gone.ogg", "",
       "DIR/story.yaml:7:3: error: music cue 'theme': file 'DIR/gone.ogg' not found\n"
       "  hint: check the path; it is relative to the manifest's folder\n",
       "DIR/story.yaml:7:3: warning: music cue 'theme': file 'DIR/gone.ogg' not found (it will be silent)\n"
       "  hint: check the path; it is relative to the manifest's folder\n"},
      {"a whole WAV", "theme.wav", wav(1, 100, 100), "", ""},
      {"the bell", "bell.ogg", bell(), "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    lc::test::TempStory story({{"story.yaml", manifest(c.file)}, {"a.yaml", kChapter}});
    if (!c.bytes.empty()) story.write(c.file, c.bytes);
    const lc::LoadResult checked = lc::checkStory(story.path());
    CHECK(lc::test::diagnosticsText(checked, story.path()) == c.checkSays);
    CHECK(bool(checked.story) == c.checkSays.empty());
    const lc::LoadResult loaded = story.load();
    CHECK(lc::test::diagnosticsText(loaded, story.path()) == c.loadSays);
    CHECK(loaded.story);
  }
}

// lostcorner publish, run as a writer would, against a stand-in web player (three small files
// and the real page template), so these tests need no Emscripten. The pages themselves are
// driven in Chromium by tests/web.
#include <sys/stat.h>

#include <cstdio>
#include <functional>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/temp_story.h"

namespace {

using lc::test::TempDir;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

// A stand-in for build/web-player.
struct FakePlayer : TempDir {
  FakePlayer() {
    write("lostcorner-player.js", "console.log('player');");
    write("lostcorner-player.wasm", std::string("\0asm-wasm", 9));
    write("lostcorner-player.data", "FONTDATA");
    write("page.html", slurp(std::string(LC_SOURCE_DIR) + "/tools/web/page.html"));
  }
};

struct Run {
  int status;
  std::string out;  // stdout and stderr
};

Run publish(const std::string& player, const std::string& args, const std::string& prefix = "") {
  const std::string cmd = "LOSTCORNER_WEB_PLAYER='" + player + "' " + prefix + LC_BINARY_DIR + "/lostcorner publish " + args + " 2>&1";
  Run r{-1, ""};
  FILE* p = ::popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

const char* const kStory = "format: lostcorner/1\nid: garden\ntitle: \"The <Night> Garden\"\nstart: a.start\n"
                           "chapters: [a.yaml]\nmusic:\n  rain: {file: media/rain.ogg, caption: rain}\n";
const char* const kChapter = "chapter: a\nscenes:\n  start:\n    music: rain\n    text: The gate is locked.\n    end: true\n";

// A story keeps its music inside its folder (a story reads nothing outside it; the bundled
// stories' ../../assets are the one exception, packed by the web page tests).
struct Workspace : TempDir {
  Workspace() {
    ::mkdir(file("story").c_str(), 0755);
    ::mkdir(file("story/media").c_str(), 0755);
    write("story/story.yaml", kStory);
    write("story/a.yaml", kChapter);
    write("story/.hidden", "editor state");
    write("story/media/rain.ogg", "OggS-rain");
  }
};

}  // namespace

TEST_CASE("publish refuses what it must not do, with a clear message and nothing written") {
  FakePlayer player;
  Workspace ws;
  ws.write("broken.yaml", "");
  ::mkdir(ws.file("broken").c_str(), 0755);
  ws.write("broken/story.yaml", "format: lostcorner/1\nid: b\ntitle: B\nstart: a.nowhere\nchapters: [a.yaml]\n");
  ws.write("broken/a.yaml", "chapter: a\nscenes:\n  start:\n    text: Hello.\n    end: true\n");
  ::mkdir(ws.file("foreign").c_str(), 0755);
  ws.write("foreign/notes.txt", "mine");
  struct Case {
    const char* what;
    std::string player, args, message, untouched;
  };
  const std::vector<Case> cases = {
      {"a story with errors", player.path(), ws.file("broken") + " -o " + ws.file("out"),
       "lostcorner publish: " + ws.file("broken") + " has 1 error(s); fix them (lostcorner check " + ws.file("broken") +
           ") and publish again",
       ws.file("out")},
      {"no web player", ws.file("no-player"), ws.file("story") + " -o " + ws.file("out"),
       "lostcorner publish: the web player is not built; looked in:\n  " + ws.file("no-player") +
           "\nBuild it with `bash tools/web.sh` (needs Debian's emscripten), or set LOSTCORNER_WEB_PLAYER.",
       ws.file("out")},
      {"a non-empty folder it did not write", player.path(), ws.file("story") + " -o " + ws.file("foreign"),
       "lostcorner publish: " + ws.file("foreign") +
           " is not empty and was not written by lostcorner publish; choose a new or empty folder (nothing was written)",
       ""},
      {"a file in the way", player.path(), ws.file("story") + " -o " + ws.file("broken.yaml"),
       "lostcorner publish: " + ws.file("broken.yaml") + " exists and is not a folder; choose a new folder", ""},
      {"a folder that cannot be created", player.path(), ws.file("story") + " -o " + ws.file("missing/out"),
       "lostcorner publish: " + ws.file("missing") + " does not exist; create it first", ws.file("missing")},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const Run r = publish(c.player, c.args);
    CHECK(r.status == 1);
    CHECK(r.out.find(c.message) != std::string::npos);
    if (!c.untouched.empty()) CHECK_FALSE(exists(c.untouched));
  }
  CHECK(slurp(ws.file("foreign/notes.txt")) == "mine");
  CHECK(publish(player.path(), ws.file("broken") + " -o x").out.find("story.yaml:4:") != std::string::npos);
}

TEST_CASE("publish refuses a music file that is a FIFO or a device instead of reading it forever") {
  FakePlayer player;
  struct Case {
    const char* what;
    std::function<void(const std::string&)> make;
    std::string why;
  };
  const std::vector<Case> cases = {
      {"a FIFO", [](const std::string& p) { ::mkfifo(p.c_str(), 0600); },
       "it is a FIFO (named pipe), not a regular file"},
      {"a folder", [](const std::string& p) { ::mkdir(p.c_str(), 0755); }, "it is a folder, not a file"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Workspace ws;
    const std::string music = ws.file("story/media/rain.ogg");
    std::remove(music.c_str());
    c.make(music);
    // `timeout`: before files were checked, publish waited on the FIFO for ever.
    const Run r = publish(player.path(), ws.file("story") + " -o " + ws.file("site"), "timeout 60 ");
    CHECK(r.status == 1);
    CHECK(r.out == ws.file("story/story.yaml") + ":7:3: warning: music cue 'rain': file '" + music +
                       "' cannot be played: " + c.why + " (it will be silent)\n"
                       "  hint: point the cue at an audio file (.ogg or .wav)\n"
                       "lostcorner publish: " + music + ": cannot be read: " + c.why +
                       " (the story names it; check the path)\n");
    CHECK_FALSE(exists(ws.file("site")));
  }
}

TEST_CASE("publish writes a folder a web server can serve, and can replace it") {
  FakePlayer player;
  Workspace ws;
  const Run r = publish(player.path(), ws.file("story") + " -o " + ws.file("site"));
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK(r.out == "published The <Night> Garden (3 files of the story) to " + ws.file("site") + "/index.html\n");
  for (const char* f : {"index.html", "lostcorner-player.js", "lostcorner-player.wasm", "lostcorner-player.data",
                        "story.data", ".lostcorner-publish"})
    CHECK(exists(ws.file("site/") + f));
  const std::string page = slurp(ws.file("site/index.html"));
  CHECK(page.find("<title>The &lt;Night&gt; Garden</title>") != std::string::npos);
  CHECK(page.find("\"storyPath\":\"/story\"") != std::string::npos);
  CHECK(page.find("lc-file-wasm") == std::string::npos);  // served, not inlined
  CHECK(slurp(ws.file("site/story.data")) ==
        "LCPKG1\n/story/a.yaml\n" + std::to_string(std::string(kChapter).size()) + "\n" + kChapter +
            "/story/media/rain.ogg\n9\nOggS-rain/story/story.yaml\n" + std::to_string(std::string(kStory).size()) + "\n" + kStory);
  // Publishing again replaces its own folder as a whole.
  ws.write("story/a.yaml", std::string(kChapter) + "\n");
  REQUIRE(publish(player.path(), ws.file("story") + " -o " + ws.file("site")).status == 0);
  CHECK(slurp(ws.file("site/story.data")).find(std::string(kChapter) + "\n/story/media/rain.ogg") != std::string::npos);
}

TEST_CASE("publish --single-file writes one page holding the player and the story") {
  FakePlayer player;
  Workspace ws;
  const Run r = publish(player.path(), ws.file("story") + " -o " + ws.file("one") + " --single-file --teacher-code owl");
  INFO(r.out);
  REQUIRE(r.status == 0);
  CHECK_FALSE(exists(ws.file("one/story.data")));
  const std::string page = slurp(ws.file("one/garden.html"));
  CHECK(page.find("<script type=\"text/plain\" id=\"lc-file-wasm\">AGFzbS13YXNt</script>") != std::string::npos);
  CHECK(page.find("<script type=\"text/plain\" id=\"lc-file-data\">Rk9OVERBVEE=</script>") != std::string::npos);
  CHECK(page.find("\"args\":[\"--teacher-code\",\"owl\"]") != std::string::npos);
  CHECK(page.find("\"title\":\"The \\u003cNight> Garden\"") != std::string::npos);  // no "</" can end the script
}

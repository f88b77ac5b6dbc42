// A story reads only inside its folder (or the engine's bundled assets): absolute paths,
// "../" and symlinks that lead out are load errors at the path's position, so `check`
// reports them and `play` refuses the story. The bundled stories' ../../assets paths work.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "load/file_io.h"
#include "support/temp_story.h"

namespace {

std::string withoutFolder(std::string text, const std::string& folder) {
  for (size_t at; (at = text.find(folder)) != std::string::npos;) text.replace(at, folder.size(), "DIR");
  return text;
}

const std::string kChapter = "chapter: a\nscenes:\n  start:\n    text: Hi\n    end: true\n";

std::string manifest(const std::string& chapters, const std::string& music = "") {
  return "format: lostcorner/1\nid: t\ntitle: T\nstart: a.start\nchapters: " + chapters + "\n" +
         (music.empty() ? "" : "music:\n  theme: {file: " + music + "}\n");
}

}  // namespace

SCENARIO("chapter and cue paths that leave the story folder are errors at their position") {
  struct Case {
    const char* what;
    std::string manifest;
    std::string expected;  // "" = loads
  };
  const std::string outside =
      ": a story may only read files inside its own folder (or the engine's bundled assets)";
  const Case cases[] = {
      {"absolute chapter", manifest("[a.yaml, /etc/passwd]"),
       "DIR/story.yaml:5:20: error: chapter file: '/etc/passwd' is not a relative path" + outside +
           "; write the path relative to the story folder, with '/'"},
      {"chapter up and out", manifest("[a.yaml, ../../../../../../etc/passwd]"),
       "DIR/story.yaml:5:20: error: chapter file: '../../../../../../etc/passwd' leads outside the story folder" +
           outside},
      {"chapter through a symlink", manifest("[a.yaml, link.yaml]"),
       "DIR/story.yaml:5:20: error: chapter file: 'link.yaml' leads outside the story folder" + outside},
      {"music absolute", manifest("[a.yaml]", "/etc/shadow"),
       "DIR/story.yaml:7:17: error: the file of music cue 'theme': '/etc/shadow' is not a relative path" + outside +
           "; write the path relative to the story folder, with '/'"},
      {"music up and out", manifest("[a.yaml]", "../elsewhere.ogg"),
       "DIR/story.yaml:7:17: error: the file of music cue 'theme': '../elsewhere.ogg' leads outside the story folder" +
           outside},
      {"music in a subfolder, up and back in", manifest("[a.yaml]", "sub/../theme.ogg"), ""},
      {"chapter in the folder", manifest("[a.yaml]"), ""},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    lc::test::TempStory story({{"story.yaml", c.manifest}, {"a.yaml", kChapter}, {"theme.ogg", "x"}});
    REQUIRE(::symlink("/etc/passwd", story.file("link.yaml").c_str()) == 0);
    ::mkdir(story.file("sub").c_str(), 0755);
    lc::LoadResult r = story.load();
    const std::string out = withoutFolder(lc::formatText(r.diagnostics), story.path());
    INFO(out);
    if (c.expected.empty()) {
      CHECK(r.story);
      CHECK(out.find("error") == std::string::npos);
    } else {
      CHECK_FALSE(r.story);
      CHECK(out.find(c.expected + "\n") != std::string::npos);
      CHECK(out.find("root:") == std::string::npos);  // nothing of the file was read
    }
  }
}

SCENARIO("the bundled stories' ../../assets paths stay allowed, others' do not") {
  std::string why;
  const std::string bundled = LC_SOURCE_DIR "/story/never-let-me-go";
  CHECK(lc::storyFilePath(bundled, "../../assets/music/hailsham.ogg", why) ==
        bundled + "/../../assets/music/hailsham.ogg");
  CHECK(lc::storyFilePath(bundled, "../../assets/music/hailsham.ogg", why, "") == "");
  CHECK(why == "'../../assets/music/hailsham.ogg' leads outside the story folder: a story may only read files "
               "inside its own folder (or the engine's bundled assets)");
  CHECK(lc::storyFilePath(bundled, "../../README.md", why) == "");
  lc::LoadResult r = lc::loadStory(bundled);
  CHECK(r.story);
}

SCENARIO("a cue file inside the folder that is a FIFO or a folder is named as such, not as missing") {
  struct Case {
    const char* what;
    std::string music, expected;
  };
  const std::string at = "DIR/story.yaml:7:3: warning: music cue 'theme': file 'DIR/";
  const Case cases[] = {
      {"a FIFO", "pipe.ogg",
       at + "pipe.ogg' cannot be played: it is a FIFO (named pipe), not a regular file (it will be silent)"},
      {"a folder", "sub", at + "sub' cannot be played: it is a folder, not a file (it will be silent)"},
      {"missing", "gone.ogg", at + "gone.ogg' not found (it will be silent)"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    lc::test::TempStory story({{"story.yaml", manifest("[a.yaml]", c.music)}, {"a.yaml", kChapter}});
    REQUIRE(::mkfifo(story.file("pipe.ogg").c_str(), 0600) == 0);
    ::mkdir(story.file("sub").c_str(), 0755);
    lc::LoadResult r = story.load();  // stat only: a FIFO is never opened, so this cannot wait
    const std::string out = withoutFolder(lc::formatText(r.diagnostics), story.path());
    INFO(out);
    CHECK(r.story);
    CHECK(out.find(c.expected + "\n") != std::string::npos);
  }
}

// `check ferry/deck.yaml`: a chapter file given where a story is expected is taken to the
// story.yaml (in its folder or above) that lists it, or the writer is told how.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "load/find_manifest.h"
#include "support/temp_story.h"

namespace {

const std::string kDeck = "chapter: deck\nscenes:\n  rail:\n    text: Gulls.\n    end: true\n";

std::string manifest(const std::string& chapters) {
  return "format: lostcorner/1\nid: t\ntitle: T\nstart: deck.rail\nchapters: " + chapters + "\n";
}

}  // namespace

TEST_CASE("a chapter file finds the manifest that lists it") {
  lc::test::TempDir dir;
  ::mkdir(dir.file("ferry").c_str(), 0755);
  ::mkdir(dir.file("ferry/parts").c_str(), 0755);
  ::mkdir(dir.file("loose").c_str(), 0755);
  dir.write("ferry/story.yaml", manifest("[deck.yaml, parts/hold.yaml]"));
  dir.write("ferry/deck.yaml", kDeck);
  dir.write("ferry/parts/hold.yaml", "chapter: hold\nscenes:\n  dark:\n     text: x\n    end: true\n");  // broken
  dir.write("ferry/other.yaml", "chapter: other\nscenes: {}\n");
  dir.write("loose/deck.yaml", kDeck);
  const std::string d = dir.path();
  const struct {
    const char* name;
    std::string given, path, note, error, hint;
  } cases[] = {
      {"in the manifest's folder", d + "/ferry/deck.yaml", d + "/ferry/story.yaml",
       d + "/ferry/deck.yaml is a chapter of " + d + "/ferry/story.yaml: checking that story", "", ""},
      {"in a folder below, and not parsing", d + "/ferry/parts/hold.yaml", d + "/ferry/story.yaml",
       d + "/ferry/parts/hold.yaml is a chapter of " + d + "/ferry/story.yaml: checking that story", "", ""},
      {"a chapter the manifest does not list", d + "/ferry/other.yaml", "", "",
       d + "/ferry/other.yaml is a chapter file, and no story.yaml in its folder or above lists it",
       "give the story's folder (holding story.yaml), or add 'other.yaml' to the 'chapters' of its story.yaml"},
      {"no manifest at all", d + "/loose/deck.yaml", "", "",
       d + "/loose/deck.yaml is a chapter file, and no story.yaml in its folder or above lists it",
       "give the story's folder (holding story.yaml), or add 'deck.yaml' to the 'chapters' of its story.yaml"},
      {"a manifest: as given", d + "/ferry/story.yaml", d + "/ferry/story.yaml", "", "", ""},
      {"a folder: as given", d + "/ferry", d + "/ferry", "", "", ""},
      {"nothing there: as given (the load says so)", d + "/gone.yaml", d + "/gone.yaml", "", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const lc::StoryPath p = lc::storyPathFor(c.given);
    CHECK(p.path == c.path);
    CHECK(p.note == c.note);
    CHECK(p.error == c.error);
    CHECK(p.hint == c.hint);
  }
}

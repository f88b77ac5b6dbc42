// The order `check` lists problems in, and what it leaves out: a file that failed to
// parse comes first and the references into it are hidden (one line counts them);
// a misspelled key comes before the error it causes. DIR is the story's folder.
#include <catch2/catch.hpp>

#include "support/temp_story.h"

namespace {

struct OrderCase {
  const char* name;
  std::string manifestTail;  // after "chapters: [a.yaml, b.yaml]\n"
  std::string a, b;          // the two chapter files
  const char* expected;
};

const std::string kManifest =
    "format: lostcorner/1\nid: t\ntitle: T\nstart: a.start\nchapters: [a.yaml, b.yaml]\n"
    "variables:\n  n: {type: int, initial: 0}\n";
const std::string kA =
    "chapter: a\nscenes:\n  start:\n    text: Hi\n    choices:\n"
    "      - text: On\n        goto: b.hall\n"
    "      - text: \"{if seen(b.hall)}Back{end}\"\n        goto: b.yard\n";
const std::string kB = "chapter: b\nscenes:\n  hall:\n    text: Hall\n    next: yard\n  yard:\n    text: Yard\n    end: true\n";
// b.yaml with one extra space before `text:` of hall (line 4).
const std::string kBrokenB =
    "chapter: b\nscenes:\n  hall:\n     text: Hall\n    next: yard\n  yard:\n    text: Yard\n    end: true\n";

const OrderCase kCases[] = {
    {"a chapter that fails to parse hides the references into it", "", kA, kBrokenB,
     "DIR/b.yaml:4:6: error: bad indentation: 'text' at column 6 and 'next' at line 5, column 5, do not "
     "line up\n"
     "  hint: keys of one map line up: move 'text' to column 5, or 'next' to column 6\n"
     "note: 2 more errors are hidden: references into a file that failed to parse; fix the errors above, then "
     "check again\n"},
    {"start into a chapter that failed to parse: hidden too", "",
     "chapter: a\nscenes:\n  start:\n    text: Hi\n    next: b.hall\n", "chapter: b\nscenes:\n  hall: [\n",
     "DIR/b.yaml:4:1: error: end of sequence flow not found\n"
     "  hint: close the '[' with ']'; text that starts with '[' must be put in quotes\n"
     "note: 1 more error is hidden: references into a file that failed to parse; fix the errors above, then "
     "check again\n"},
    {"a missing chapter file comes first; nothing from it is listed twice", "",
     "chapter: a\nscenes:\n  start:\n    text: \"{n + true}\"\n    next: b.hall\n", "",
     "DIR/story.yaml:5:20: error: cannot read chapter file 'DIR/b.yaml': No such file or directory\n"
     "  hint: check the file name in 'chapters', or create the file\n"
     "DIR/a.yaml:4:15: error: '+' needs two ints or two strings, got int and bool\n"
     "  hint: true and false cannot be added; use 'and' or 'or'\n"
     "note: 1 more error is hidden: references into a file that failed to parse; fix the errors above, then "
     "check again\n"},
    {"a misspelled key is listed before the error it causes", "",
     "chapter: a\nscenes:\n  start:\n    text: Hi\n    choises:\n      - text: On\n        goto: b.hall\n", kB,
     "DIR/a.yaml:5:5: warning: unknown key 'choises' in scene 'start' (ignored)\n"
     "  hint: did you mean 'choices'?\n"
     "DIR/a.yaml:3:3: error: scene 'start' has no way on\n"
     "  hint: give it choices, next: <scene>, or end: true\n"},
    {"an unknown scene in a chapter that parsed is still an error", "",
     "chapter: a\nscenes:\n  start:\n    text: Hi\n    next: b.hal\n", kB,
     "DIR/a.yaml:5:11: error: unknown scene 'b.hal' in 'next' of scene 'start'\n"
     "  hint: did you mean 'b.hall'?\n"},
};

}  // namespace

TEST_CASE("check: parse errors first, their knock-ons hidden, misspelled keys before what they cause") {
  for (const OrderCase& c : kCases) {
    INFO(c.name);
    std::map<std::string, std::string> files = {{"story.yaml", kManifest + c.manifestTail}, {"a.yaml", c.a}};
    if (!c.b.empty()) files["b.yaml"] = c.b;
    lc::test::TempStory story(files);
    lc::LoadResult r = story.load();
    CHECK(lc::test::diagnosticsText(r, story.path()) == c.expected);
    CHECK_FALSE(r.story);
  }
}

TEST_CASE("check --format json counts the hidden errors") {
  lc::test::TempStory story({{"story.yaml", kManifest}, {"a.yaml", kA}, {"b.yaml", kBrokenB}});
  std::string json = lc::formatJson(story.load().diagnostics);
  CHECK(json.substr(json.find("\"errors\"")) == "\"errors\":1,\"warnings\":0,\"hidden\":2}");
}

TEST_CASE("check: a scene of another chapter written without its chapter gets the prefix as a suggestion") {
  const struct {
    const char* name;
    std::string start, a;
    const char* expected;
  } cases[] = {
      {"goto", "a.start", "chapter: a\nscenes:\n  start:\n    text: Hi\n    next: yard\n",
       "DIR/a.yaml:5:11: error: unknown scene 'yard' in 'next' of scene 'start'\n"
       "  hint: did you mean 'b.yard'? (a scene of another chapter is written chapter.scene)\n"},
      {"seen()", "a.start", "chapter: a\nscenes:\n  start:\n    text: \"{if seen(hall)}x{end}\"\n    end: true\n",
       "DIR/a.yaml:4:21: error: unknown scene 'hall' in seen()\n"
       "  hint: did you mean 'b.hall'? (a scene of another chapter is written chapter.scene)\n"},
      {"start", "hall", "chapter: a\nscenes:\n  start:\n    text: Hi\n    end: true\n",
       "DIR/story.yaml:4:8: error: start 'hall' must name its chapter\n"
       "  hint: did you mean 'b.hall'? (a scene of another chapter is written chapter.scene)\n"},
      {"start: the writer's own first scene as the example", "nowhere",
       "chapter: a\nscenes:\n  start:\n    text: Hi\n    end: true\n",
       "DIR/story.yaml:4:8: error: start 'nowhere' must name its chapter\n"
       "  hint: write start: chapter.scene, e.g. a.start\n"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    std::string manifest = kManifest;
    manifest.replace(manifest.find("a.start"), 7, c.start);
    lc::test::TempStory story({{"story.yaml", manifest}, {"a.yaml", c.a}, {"b.yaml", kB}});
    CHECK(lc::test::diagnosticsText(story.load(), story.path()) == c.expected);
  }
}

TEST_CASE("check: a cue without a caption is a warning") {
  lc::test::TempStory story({{"story.yaml", kManifest + "sounds:\n  rain: {file: rain.ogg}\n"},
                             {"a.yaml", "chapter: a\nscenes:\n  start:\n    text: Hi\n    sound: rain\n    end: true\n"},
                             {"b.yaml", kB},
                             {"rain.ogg", "OggS"}});
  lc::LoadResult r = story.load();
  const std::string text = lc::test::diagnosticsText(r, story.path());
  INFO(text);
  CHECK(text.find(
        "DIR/story.yaml:9:3: warning: sound cue 'rain' has no caption (a player who cannot hear it is told nothing)\n"
        "  hint: add caption: \"...\", a few words on what it sounds like\n") != std::string::npos);
  CHECK(r.story);  // a warning: the story still loads
}

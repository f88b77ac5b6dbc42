// `play --start CHAPTER.SCENE --set NAME=VALUE`: a writer tests a story from any point;
// an unknown scene or variable, or a value of the wrong type, is an error with a hint.
#include <catch2/catch.hpp>

#include "support/run.h"
#include "support/temp_story.h"

using lc::test::runLostCorner;

namespace {

const std::map<std::string, std::string> kStory = {
    {"story.yaml",
     "format: lostcorner/1\nid: point\ntitle: Point\nstart: one.gate\nchapters: [one.yaml, two.yaml]\n"
     "variables:\n  trust: {type: int, initial: 0, min: 0, max: 2}\n  lamp: {type: bool, initial: false}\n"
     "  name: {type: string, initial: \"\"}\n"},
    {"one.yaml",
     "chapter: one\nscenes:\n"
     "  gate:\n    text: \"At the gate. {if lamp}The lamp is lit.{end}\"\n"
     "    choices:\n      - {text: Wait, goto: gate, do: [trust += 1, lamp = true, name = \"x\"]}\n"
     "      - {text: Go on, goto: two.field}\n"},
    {"two.yaml",
     "chapter: two\nscenes:\n"
     "  field:\n    text: \"A field. Trust {trust}, {name}.\"\n    end: true\n    ending: The field\n"},
};

}  // namespace

SCENARIO("play --start and --set begin anywhere, with chosen values") {
  lc::test::TempStory story(kStory);
  auto r = runLostCorner("play " + story.path() + " --jsonl --start two.field --set trust=2 --set 'name=\"Ruth\"'", "");
  CHECK(r.status == 0);
  CHECK(r.out.find("{\"event\":\"scene\",\"id\":\"two.field\"") != std::string::npos);
  CHECK(r.out.find("{\"event\":\"paragraph\",\"text\":\"A field. Trust 2, Ruth.\"}") != std::string::npos);
  CHECK(r.out.find("one.gate") == std::string::npos);

  auto lit = runLostCorner("play " + story.path() + " --set lamp=true", "quit\n");  // implies --text
  CHECK(lit.out.find("At the gate. The lamp is lit.") != std::string::npos);
}

SCENARIO("play --start and --set name what is wrong, with a suggestion") {
  lc::test::TempStory story(kStory);
  const struct {
    const char* args;
    const char* expected;
  } cases[] = {
      {"--start two.feild", "lostcorner play: --start: unknown scene 'two.feild'\n  hint: did you mean 'two.field'?\n"},
      {"--start field",
       "lostcorner play: --start: unknown scene 'field'\n"
       "  hint: did you mean 'two.field'? (a scene of another chapter is written chapter.scene)\n"},
      {"--start nowhere",
       "lostcorner play: --start: unknown scene 'nowhere'\n  hint: write chapter.scene, e.g. --start one.gate\n"},
      {"--set trus=1", "lostcorner play: --set trus=1: unknown variable 'trus'\n  hint: did you mean 'trust'?\n"},
      {"--set zzz=1",
       "lostcorner play: --set zzz=1: unknown variable 'zzz'\n  hint: the story's variables: trust, lamp, name\n"},
      {"--set trust", "lostcorner play: --set 'trust': write name=value\n  hint: e.g. --set trust=...\n"},
      {"--set trust=two", "lostcorner play: --set trust=two: 'trust' is an int; give a whole number\n"},
      {"--set trust=3", "lostcorner play: --set trust=3: 'trust' is an int of at most 2 (its max)\n"},
      {"--set trust=-1", "lostcorner play: --set trust=-1: 'trust' is an int of at least 0 (its min)\n"},
      {"--set lamp=yes", "lostcorner play: --set lamp=yes: 'lamp' is a bool; give true or false\n"},
      {"--start two.field --classroom",
       "lostcorner play: --start and --set test a story from any point; classroom mode starts where the lesson "
       "does: use them without classroom options\n"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    auto r = runLostCorner("play " + story.path() + " --text " + c.args, "", true);
    CHECK(r.status == 2);
    CHECK(r.out == c.expected);
  }
}

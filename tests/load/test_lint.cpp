// check's warnings: one planted fault per story, each reported at its place with a
// hint, and nothing on the clean stories (the bundled ones included).
#include <utility>

#include <catch2/catch.hpp>

#include "load/check.h"
#include "support/fault_stories.h"

namespace {

using lc::test::FaultStory;

struct LintCase {
  FaultStory story;
  const char* expected;  // check's output, the story's folder as DIR
};

std::string checkOutput(const FaultStory& s) {
  lc::test::TempStory story(s.files);
  lc::LoadResult r = lc::checkStory(story.path());
  return lc::test::diagnosticsText(r, story.path());
}

std::string loadOutput(const FaultStory& s) {
  lc::test::TempStory story(s.files);
  return lc::test::diagnosticsText(story.load(), story.path());
}

}  // namespace

TEST_CASE("check reports each planted fault at its place") {
  const LintCase cases[] = {
      {lc::test::deadEndStory(), 
       "DIR/a.yaml:11:3: warning: scene 'hall' is a dead end in play: it can be reached with none of its choices shown\n"
       "  hint: reached by: Go on; add a choice without a condition, or make one of the conditions hold there\n"},
      {lc::test::unreachableSceneStory(), 
       "DIR/a.yaml:9:3: warning: scene 'lost' can never be reached\n"
       "  hint: no choice or next leads here; add a goto to it from another scene, or remove it\n"},
      {lc::test::impossibleConditionStory(), 
       "DIR/a.yaml:8:9: warning: choice 2 (\"Fly\") of scene 'start' can never be shown: its condition is always false\n"
       "  hint: 'n > 5' never holds given the variables' min/max; fix the condition or remove the choice\n"},
      {lc::test::softLockStory(), 
       "DIR/a.yaml:10:3: warning: play can never end from scene 'maze': no ending can be reached from there\n"
       "  hint: reached by: Enter the maze; play then goes round a.maze, a.hall for ever. Give the loop a way out\n"},
      {lc::test::unreachableEndingStory(), 
       "DIR/a.yaml:9:9: warning: choice 2 (\"Climb\") of scene 'start' is never shown in play\n"
       "  hint: its condition never holds when play is here; check the condition\n"
       "DIR/a.yaml:15:3: warning: scene 'summit' can never be reached in play\n"
       "  hint: choices lead here, but their conditions never hold when play gets to them; check those conditions\n"},
      {lc::test::unusedVariableStory(), 
       "DIR/story.yaml:8:3: warning: variable 'spare' is never used\n"
       "  hint: remove it from 'variables', or use it in an 'if', a 'do' or the text ({spare})\n"},
  };
  for (const LintCase& c : cases) {
    INFO("story: " << c.story.name);
    CHECK(checkOutput(c.story) == c.expected);
  }
}

// Load is load: what only play shows costs an exploration, and `play`, hot reload and
// the window's frame never pay for it. The static warnings stay with every load.
TEST_CASE("a plain load explores nothing: play's faults are check's alone") {
  const std::pair<FaultStory, const char*> cases[] = {
      {lc::test::deadEndStory(), ""},
      {lc::test::softLockStory(), ""},
      {lc::test::unreachableEndingStory(), ""},
      {lc::test::unusedVariableStory(),
       "DIR/story.yaml:8:3: warning: variable 'spare' is never used\n"
       "  hint: remove it from 'variables', or use it in an 'if', a 'do' or the text ({spare})\n"},
  };
  for (const auto& [story, expected] : cases) {
    INFO("story: " << story.name);
    CHECK(loadOutput(story) == expected);
  }
}

TEST_CASE("check has nothing to say about a clean story") {
  CHECK(checkOutput(lc::test::cleanStory()).empty());
}

TEST_CASE("the bundled stories check without a single diagnostic") {
  for (const char* name : {"never-let-me-go", "tutorial"}) {
    lc::LoadResult r = lc::checkStory(std::string(LC_SOURCE_DIR) + "/story/" + name);
    INFO(name << "\n" << formatText(r.diagnostics));
    CHECK(r.diagnostics.items().empty());
  }
}

// Issue 15: a story's ESC sequences reached the terminal; raw ones are load errors, but a
// double-quoted escape still writes one: check warns where the text is.
TEST_CASE("check warns about control characters that escapes put in a scene's text") {
  const std::map<std::string, std::string> files = {
      {"story.yaml", "format: lostcorner/1\nid: esc\ntitle: Esc\nstart: a.s\nchapters: [a.yaml]\n"},
      {"a.yaml", "chapter: a\nscenes:\n  s:\n    text: \"\\e[2J Cleared.\"\n    end: true\n"}};
  lc::test::TempStory story(files);
  const std::string out = lc::test::diagnosticsText(lc::checkStory(story.path()), story.path());
  CHECK(out ==
        "DIR/a.yaml:4:12: warning: the text of scene 's' holds the control character U+001B\n"
        "  hint: remove the escape that writes it (such as \\e or \\x1b); players see a replacement mark\n");
}

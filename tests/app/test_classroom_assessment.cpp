// A lesson plan's choice of questions: `level` asks the support or stretch version of each
// prompt and journal question, `ao` keeps only those tagged with its objectives (untagged
// ones count as AO1); mistakes in either are file:line:col errors with a suggestion, and a
// choice that would ask nothing is a warning from `plan check`.
#include <catch2/catch.hpp>

#include "load/lesson_plan.h"
#include "support/classroom.h"
#include "support/run.h"
#include "support/temp_story.h"

using lc::test::contains;
using lc::test::runLostCorner;

namespace {

std::string play(const lc::test::TempStory& story, const std::string& plan) {
  story.write("plan.yaml", plan);
  lc::test::TempDir saves;
  // Enter after the discussion, a one-line journal entry at each question, Continue.
  return runLostCorner(
             "play " + story.path() + " --text --save-dir " + saves.path() + " --lesson " + story.file("plan.yaml"),
             "\nmine\n.\n1\nmine\n.\nquit\n")
      .out;
}

}  // namespace

SCENARIO("a plan's level asks the support or stretch version, and its ao picks the questions") {
  lc::test::TempStory story(lc::test::kTaggedStory);
  WHEN("the plan says nothing: every question, as its ask") {
    std::string out = play(story, "title: Plain\n");
    INFO(out);
    CHECK(contains(out, "Discussion — question: Why is the gate shut?\n"));
    CHECK(contains(out, "What would you ask the narrator?"));
    CHECK(contains(out, "When might this story be set?"));
  }
  WHEN("level: stretch and ao: [AO2]: the AO2 prompt's stretch version, no AO1 or AO3 journal question") {
    std::string out = play(story, "level: stretch\nao: [AO2]\n");
    INFO(out);
    CHECK(contains(out, "Discussion — question: What does the shut gate let the narrator leave unsaid?\n"));
    CHECK_FALSE(contains(out, "Why is the gate shut?"));
    CHECK_FALSE(contains(out, "What would you ask the narrator?"));
    CHECK_FALSE(contains(out, "When might this story be set?"));
  }
  WHEN("level: support and ao: [AO1, AO3]: the untagged journal question (AO1), the AO3 one's support version") {
    std::string out = play(story, "level: support\nao: [AO1, AO3]\n");
    INFO(out);
    CHECK_FALSE(contains(out, "Discussion —"));
    CHECK(contains(out, "What would you ask the narrator?"));  // no support version: its ask
    CHECK(contains(out, "Is this story set now or long ago?"));
    CHECK_FALSE(contains(out, "When might this story be set?"));
  }
}

SCENARIO("a plan's level and ao: unknown values are errors with suggestions, an empty choice a warning") {
  auto story = lc::test::loadValid(lc::test::kTaggedStory);
  struct Case {
    std::string plan, messages;
    bool usable;
  };
  const std::vector<Case> cases = {
      {"level: strech\n",
       "plan.yaml:1:8: error: unknown level 'strech' in the lesson plan's 'level'\n  hint: did you mean 'stretch'?\n",
       false},
      {"level: hard\n",
       "plan.yaml:1:8: error: unknown level 'hard' in the lesson plan's 'level'\n  hint: the levels are support (the "
       "easier ask), "
       "core (the default) and stretch (the harder ask)\n",
       false},
      {"ao: [AO2, AO7]\n",
       "plan.yaml:1:11: error: unknown assessment objective 'AO7' in the lesson plan's 'ao'\n  hint: the objectives "
       "are AO1 "
       "(reading, evidence), AO2 (the writer's methods), AO3 (context), AO4 (spelling, punctuation, grammar)\n",
       false},
      {"ao: []\n",
       "plan.yaml:1:5: error: the lesson plan's 'ao' is an empty list\n  hint: name at least one objective, e.g. ao: "
       "[AO1], or remove the key\n",
       false},
      {"exam: yes\n",
       "plan.yaml:1:7: error: 'exam' of the lesson plan must be true or false, got 'yes'\n  hint: write true or false "
       "(yes/no/on/off are "
       "not booleans in Lost Corner)\n",
       false},
      {"ao: [AO4]\n",
       "plan.yaml:1:5: warning: no prompt or journal question in the chapters this lesson opens is tagged AO4: the "
       "lesson asks none\n"
       "  hint: untagged questions count as AO1: add AO1 to 'ao', or tag questions in the chapter files, e.g. ao: "
       "[AO4]\n",
       true},
      {"level: stretch\nao: [AO3]\n",
       "plan.yaml:1:8: warning: no prompt or journal question the lesson asks has a stretch version: each is asked as "
       "its 'ask'\n  hint: write stretch: \"...\" beside 'ask' in the chapter files, or remove 'level'\n",
       true},
      {"exam: true\n",
       "plan.yaml:1:7: warning: no chapter this lesson opens has exam questions\n  hint: add exam: [{ask: \"How does "
       "the writer present "
       "...?\", ao: [AO1, AO2]}] to a chapter file, or remove 'exam'\n",
       true},
      {"level: stretch\nao: [AO2]\nexam: false\n", "", true},
  };
  for (const auto& c : cases) {
    INFO(c.plan);
    lc::Diagnostics diags;
    auto plan = lc::parseLessonPlan("plan.yaml", c.plan, *story, diags);
    CHECK(static_cast<bool>(plan) == c.usable);
    diags.sort();
    CHECK(lc::formatText(diags) == c.messages);
  }
}

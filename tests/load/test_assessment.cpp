// Assessment tags on classroom material: a prompt's and a journal question's objectives
// (ao: [AO1..AO4]) and their support and stretch versions, a chapter's exam questions,
// and the mistakes a writer can make in them, each at its file:line:col with a hint.
#include <catch2/catch.hpp>

#include "load/check.h"
#include "support/temp_story.h"

namespace {

const std::string kManifest = "format: lostcorner/1\nid: t\ntitle: T\nstart: a.start\nchapters: [a.yaml]\n";

std::string checkOutput(const std::string& chapter) {
  lc::test::TempStory story({{"story.yaml", kManifest}, {"a.yaml", chapter}});
  return lc::test::diagnosticsText(lc::checkStory(story.path()), story.path());
}

}  // namespace

TEST_CASE("prompts, journal questions and exam questions carry objectives and support and stretch versions") {
  auto story = lc::test::loadValid({{"story.yaml", kManifest},
                                    {"a.yaml",
                                     "chapter: a\n"
                                     "exam:\n"
                                     "  - ask: \"How does the writer present the gate?\"\n"
                                     "    ao: [AO1, AO2]\n"
                                     "    stretch: \"How far does the writer make the gate a symbol?\"\n"
                                     "scenes:\n"
                                     "  start:\n"
                                     "    text: Hi\n"
                                     "    prompt: {kind: predict, ask: \"Why now?\", ao: [AO2, ao3], support: \"Who "
                                     "speaks?\", stretch: \"Why is it withheld?\"}\n"
                                     "    journal: {ask: \"What do you notice?\", ao: [AO3]}\n"
                                     "    next: two\n"
                                     "  two:\n"
                                     "    text: There.\n"
                                     "    journal: \"Plain, as in v1\"\n"
                                     "    end: true\n"}});
  const lc::Scene& start = story->scenes[0];
  REQUIRE(start.prompt);
  CHECK(start.prompt->ao == (2 | 4));
  CHECK(lc::aoNames(start.prompt->ao) == "AO2, AO3");
  CHECK(start.prompt->at(lc::AskLevel::Support) == "Who speaks?");
  CHECK(start.prompt->at(lc::AskLevel::Core) == "Why now?");
  CHECK(start.prompt->at(lc::AskLevel::Stretch) == "Why is it withheld?");
  CHECK(start.journal.ask == "What do you notice?");
  CHECK(start.journal.at(lc::AskLevel::Stretch) == "What do you notice?");  // no stretch: the core ask
  CHECK(start.journal.ao == 4);
  const lc::Scene& two = story->scenes[1];
  CHECK(two.journal.ask == "Plain, as in v1");
  CHECK(two.journal.objectives() == 1);  // untagged counts as AO1
  CHECK(two.journal.pick(lc::AskLevel::Core, 2) == nullptr);
  CHECK(*two.journal.pick(lc::AskLevel::Core, 1 | 2) == "Plain, as in v1");
  REQUIRE(story->chapters[0].exam.size() == 1);
  CHECK(story->chapters[0].exam[0].ao == (1 | 2));
  CHECK(story->chapters[0].exam[0].at(lc::AskLevel::Stretch) == "How far does the writer make the gate a symbol?");
}

TEST_CASE("an unknown objective, a tag list that is not a list, an exam question without ask: errors with hints") {
  struct Case {
    std::string chapter, expected;
  };
  const std::string ok = "scenes:\n  start:\n    text: Hi\n    end: true\n";
  const std::vector<Case> cases = {
      {"chapter: a\nscenes:\n  start:\n    text: Hi\n    prompt: {kind: predict, ask: \"Why?\", ao: [AO5]}\n    end: "
       "true\n",
       "DIR/a.yaml:5:47: error: unknown assessment objective 'AO5' in 'ao' of the prompt of scene 'start'\n"
       "  hint: the objectives are AO1 (reading, evidence), AO2 (the writer's methods), AO3 (context), AO4 (spelling, "
       "punctuation, grammar)\n"},
      {"chapter: a\nscenes:\n  start:\n    text: Hi\n    journal: {ask: \"Why?\", ao: [A02]}\n    end: true\n",
       "DIR/a.yaml:5:33: error: unknown assessment objective 'A02' in 'ao' of the journal question of scene 'start'\n"
       "  hint: did you mean 'AO2'?\n"},
      {"chapter: a\nscenes:\n  start:\n    text: Hi\n    journal: {ask: \"Why?\", ao: [OA]}\n    end: true\n",
       "DIR/a.yaml:5:33: error: unknown assessment objective 'OA' in 'ao' of the journal question of scene 'start'\n"
       "  hint: the objectives are AO1 (reading, evidence), AO2 (the writer's methods), AO3 (context), AO4 (spelling, "
       "punctuation, grammar)\n"},
      {"chapter: a\nscenes:\n  start:\n    text: Hi\n    journal: {ask: \"Why?\", ao: AO2}\n    end: true\n",
       "DIR/a.yaml:5:32: error: 'ao' of the journal question of scene 'start' must be a list of assessment objectives, "
       "got a "
       "single value\n  hint: write it as a list, e.g. ao: [AO2]\n"},
      {"chapter: a\nexam:\n  - {ao: [AO1]}\n" + ok,
       "DIR/a.yaml:3:6: error: exam question 1 of chapter 'a' is missing the required key 'ask'\n"},
      {"chapter: a\nexam: \"How does the writer present it?\"\n" + ok,
       "DIR/a.yaml:2:7: error: 'exam' of chapter 'a' must be a list, got a single value\n"
       "  hint: write each question as   - ask: \"How does the writer present ...?\"\n      ao: [AO1, AO2]\n"},
      {"chapter: a\nscenes:\n  start:\n    text: Hi\n    journal: [\"Why?\"]\n    end: true\n",
       "DIR/a.yaml:5:14: error: the journal question of scene 'start' must be a text or a map {ask, ao, support, "
       "stretch}, got "
       "a list\n  hint: e.g. {ask: \"How does the writer present ...?\", ao: [AO2]}\n"},
      {"chapter: a\nscenes:\n  start:\n    text: Hi\n    prompt: {kind: predict, ask: \"Why?\", level: stretch}\n    "
       "end: true\n",
       "DIR/a.yaml:5:42: warning: unknown key 'level' in the prompt of scene 'start' (ignored)\n"
       "  hint: the keys here are: kind, ask, ao, support, stretch\n"},
  };
  for (const Case& c : cases) {
    INFO(c.chapter);
    CHECK(checkOutput(c.chapter) == c.expected);
  }
}

TEST_CASE(
    "check warns about exam questions that send students to this story's text, untagged, or versions that ask the "
    "same") {
  CHECK(
      checkOutput("chapter: a\n"
                  "exam:\n"
                  "  - {ask: \"Using moments from this chapter, how is Ruth presented?\", ao: [AO1]}\n"
                  "  - {ask: \"How does the writer present hope?\"}\n"
                  "scenes:\n"
                  "  start:\n"
                  "    text: Hi\n"
                  "    journal: {ask: \"Why?\", support: \"Why?\"}\n"
                  "    end: true\n") ==
      "DIR/a.yaml:3:5: warning: exam question 1 of chapter 'a' sends students to this story's own text for their "
      "evidence\n"
      "  hint: an exam answer quotes the set text: ask about the novel itself (\"How does the writer present ...?\"), "
      "so no "
      "one quotes sentences its author never wrote\n"
      "DIR/a.yaml:4:5: warning: exam question 2 of chapter 'a' has no 'ao'\n"
      "  hint: tag the objectives it assesses, e.g. ao: [AO1, AO2] (untagged, it counts as AO1)\n"
      "DIR/a.yaml:8:14: warning: the support version of the journal question of scene 'start' is the same as its ask\n"
      "  hint: write an easier ask, or remove 'support'\n");
}

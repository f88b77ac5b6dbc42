// A lesson plan in the teacher's hands: where the class starts, scenes it must read before
// it leaves their chapter, the glossary's reveal, a starter and a plenary, and
// `lostcorner plan check` with its estimate of the route's time.
#include <catch2/catch.hpp>

#include "classroom/lesson_route.h"
#include "load/lesson_plan.h"
#include "support/classroom.h"
#include "support/run.h"
#include "support/temp_story.h"

using lc::test::contains;
using lc::test::runLostCorner;

namespace {

// A hub with three ways: the lake and Miss Lucy come back to it; the third leaves the chapter.
// The cheapest route of the plan below: hub, Miss Lucy, back to the hub, the field (4 scenes, 27 words).
const std::map<std::string, std::string> kHubStory = {
    {"story.yaml",
     "format: lostcorner/1\nid: hub\ntitle: Hub\nstart: one.hub\nchapters: [one.yaml, two.yaml]\nglossary:\n"
     "  carer: \"Someone who looks after donors.\"\n  donor: \"Someone who gives organs.\"\n"
     "  completion: \"A euphemism for death.\"\n"},
    {"one.yaml",
     "chapter: one\ntitle: One\nscenes:\n"
     "  hub:\n    title: The hub\n    text: The carer waits at the hub.\n    choices:\n"
     "      - {text: See the lake, goto: lake}\n      - {text: Hear Miss Lucy, goto: lucy}\n"
     "      - {text: Leave for two, goto: two.field}\n"
     "  lake:\n    title: The lake\n    text: A lake, and a donor by it.\n    next: hub\n"
     "  lucy:\n    title: Miss Lucy\n    text: She speaks of completion, plainly, for once.\n"
     "    prompt: {kind: question, ask: \"Why does she speak now?\"}\n    next: hub\n"},
    {"two.yaml",
     "chapter: two\ntitle: Two\nscenes:\n  field:\n    title: The field\n    text: A donor and a carer in the field.\n"
     "    end: true\n    ending: The field\n"},
};

const char* kPlan =
    "title: Monday\nstart: one.hub\nmust_read: [one.lucy]\npause_seconds: 60\nlength_minutes: 50\n"
    "starter: \"What do you already know?\"\nplenary: \"What did Miss Lucy change?\"\n"
    "glossary_reveal: {donor: two}\nglossary_hide: [completion]\n";

}  // namespace

SCENARIO("a plan with mistakes names each with file:line:col and a suggestion") {
  auto story = lc::test::loadValid(kHubStory);
  struct Case {
    std::string plan, messages;
  };
  const std::vector<Case> cases = {
      {"start: one.hbu\n", "plan.yaml:1:8: error: no scene 'one.hbu' in story 'hub'\n  hint: did you mean 'one.hub'?\n"},
      {"start: [one.hub]\n", "plan.yaml:1:8: error: 'start' must be a text, got a list\n"},
      {"must_read: [one.lucy, one.lacy]\n", "plan.yaml:1:23: error: no scene 'one.lacy' in story 'hub'\n  hint: did you mean 'one.lucy'?\n"},
      {"must_read: one.lucy\n",
       "plan.yaml:1:12: error: 'must_read' must be a list, got a single value\n  hint: write it as a list, e.g. must_read: [one.hub]\n"},
      {"glossary_hide: [compleshun]\n",
       "plan.yaml:1:17: error: no glossary term 'compleshun' in story 'hub'\n  hint: did you mean 'completion'?\n"},
      {"glossary_hide: [zebra]\n",
       "plan.yaml:1:17: error: no glossary term 'zebra' in story 'hub'\n  hint: the terms are: carer, donor, completion\n"},
      {"glossary_reveal: {donor: tow}\n", "plan.yaml:1:26: error: no chapter 'tow' in story 'hub'\n  hint: the chapters are: one, two\n"},
      {"glossary_reveal: [donor]\n",
       "plan.yaml:1:18: error: 'glossary_reveal' must be a map of term: chapter, got a list\n  hint: e.g. glossary_reveal: {carer: two}\n"},
  };
  for (const auto& c : cases) {
    INFO(c.plan);
    lc::Diagnostics diags;
    CHECK_FALSE(lc::parseLessonPlan("plan.yaml", c.plan, *story, diags));
    diags.sort();
    CHECK(lc::formatText(diags) == c.messages);
  }
}

SCENARIO("the plan's must-read scene holds the hub; its glossary reveals by chapter; starter and plenary") {
  lc::test::TempStory story(kHubStory);
  lc::test::TempDir saves;
  story.write("plan.yaml", kPlan);
  // At the hub (the way out held): the glossary, then try to leave (held), Miss Lucy, Enter, Continue, then leave.
  auto r = runLostCorner("play " + story.path() + " --text --save-dir " + saves.path() + " --lesson " + story.file("plan.yaml"),
                         "glossary\nglossary donor\n1\n1\n2\n\n1\n3\nglossary\nquit\n");
  const std::string& out = r.out;
  INFO(out);
  CHECK(contains(out, "[Starter: What do you already know?]\n"));
  THEN("the hub holds the way out until Miss Lucy is read, and says so") {
    CHECK(contains(out, "The carer* waits at the hub.\n  * carer: Someone who looks after donors.\n\n"
                        "[Read first: \u201CMiss Lucy\u201D (the lesson plan asks for it). Until then this waits: Leave for two]\n"
                        "  1. See the lake\n  2. Hear Miss Lucy\n"));
    size_t lucy = out.find("# Miss Lucy");
    REQUIRE(lucy != std::string::npos);
    size_t held = out.find("Until then this waits", lucy);
    size_t open = out.find("  1. See the lake\n  2. Hear Miss Lucy\n  3. Leave for two\n", lucy);
    CHECK(held == std::string::npos);  // read now: nothing waits
    CHECK(open != std::string::npos);
    CHECK(contains(out, "# The field"));
    CHECK(contains(out, "[Plenary: What did Miss Lucy change?]\n"));
  }
  THEN("donor appears from chapter two, completion never") {
    CHECK(contains(out, "\ncarer: Someone who looks after donors.\n! 'donor' is not in the glossary"));  // `glossary` in chapter one: carer alone
    CHECK(contains(out, "! 'donor' is not in the glossary: type glossary for the list\n"));
    CHECK(contains(out, "A lake, and a donor by it.\n"));  // not marked in chapter one
    CHECK(contains(out, "She speaks of completion, plainly, for once.\n"));
    CHECK(contains(out, "A donor* and a carer* in the field.\n"));
    CHECK(contains(out, "carer: Someone who looks after donors.\ndonor: Someone who gives organs.\n"));
  }
}

SCENARIO("lostcorner plan check prints the route's estimated time") {
  lc::test::TempStory story(kHubStory);
  story.write("plan.yaml", kPlan);
  auto r = runLostCorner("plan check " + story.file("plan.yaml"), "", true);
  CHECK(r.status == 0);
  CHECK(r.out == story.file("plan.yaml") + ": the plan can be used with story 'hub' (\u201CMonday\u201D)\n"
                 "  starts at \u201CThe hub\u201D (one.hub)\n"
                 "  cheapest route: 4 scenes, 27 words, 1 discussion prompts, 0 journal questions\n"
                 "  estimated time: about 1 min = reading 0 (at 150 words a minute) + pauses 1 (1 x 60 s) + journal 0 (0 x 3 min)\n"
                 "  lesson of 50 min: 49 min left for the starter, the plenary and discussion\n");
  story.write("bad.yaml", "must_read: [one.lacy]\n");
  auto bad = runLostCorner("plan check " + story.file("bad.yaml"), "", true);
  CHECK(bad.status == 1);
  CHECK(contains(bad.out, story.file("bad.yaml") + ":1:13: error: no scene 'one.lacy' in story 'hub'\n  hint: did you mean 'one.lucy'?\n"));
  auto usage = runLostCorner("plan", "", true);
  CHECK(usage.status == 2);
}

SCENARIO("the bundled Hailsham plan checks against the bundled story") {
  // Guards the plan while the chapters are edited: its scenes, terms and chapters must stay.
  const std::string plan = std::string(LC_SOURCE_DIR) + "/story/never-let-me-go/lessons/hailsham.yaml";
  auto r = runLostCorner("plan check " + plan, "", true);
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(contains(r.out, plan + ": the plan can be used with story 'never-let-me-go' (\u201CHailsham: what the students are told\u201D)\n"
                        "  starts at \u201CThe road past the pavilion\u201D (hailsham.gate)\n"));
  CHECK(contains(r.out, "  lesson of 50 min: "));
  CHECK_FALSE(contains(r.out, "warning:"));
}

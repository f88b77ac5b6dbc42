// Hot reload: an edited story read again with the player kept in place, by the same
// rules as loading a save after an edit; an edit with errors keeps the old story; the
// watcher notices a changed file.
#include <fcntl.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "core/runner.h"
#include "load/reload.h"
#include "load/story_watcher.h"
#include "support/temp_story.h"

using lc::test::TempStory;

namespace {

const char* kManifest =
    "format: lostcorner/1\nid: hr\ntitle: Reload\nstart: a.gate\nchapters: [a.yaml]\n"
    "variables:\n  trust: {type: int, initial: 0}\n";

const char* kChapter =
    "chapter: a\nscenes:\n"
    "  gate:\n    text: At the gate.\n    choices:\n      - {text: Go in, goto: yard, do: [trust += 1]}\n"
    "  yard:\n    text: The yard.\n    choices:\n      - {text: Back, goto: gate}\n"
    "      - {text: Walk on, goto: end, if: trust >= 2}\n"
    "  end:\n    text: The end.\n    end: true\n";

// Plays to the yard (trust 1) and returns the state there.
lc::State playToYard(const lc::Story& story) {
  lc::Runner runner(story);
  runner.restart();
  while (runner.hasEvent()) runner.next();
  REQUIRE(runner.choose(0));
  while (runner.hasEvent()) runner.next();
  REQUIRE(story.scenes[runner.state().scene].qualified == "a.yard");
  return runner.state();
}

// Sets a file's modification time `seconds` after now, so a change shows without sleeping.
void touchLater(const std::string& path, int seconds) {
  struct timespec times[2];
  clock_gettime(CLOCK_REALTIME, &times[0]);
  times[0].tv_sec += seconds;
  times[1] = times[0];
  REQUIRE(utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

}  // namespace

SCENARIO("an edit that adds a variable and changes text keeps the player's place") {
  TempStory dir({{"story.yaml", kManifest}, {"a.yaml", kChapter}});
  auto first = dir.load();
  REQUIRE(first.story);
  const lc::State before = playToYard(*first.story);
  dir.write("story.yaml", std::string(kManifest) + "  lamp: {type: bool, initial: true}\n");
  std::string edited = kChapter;
  edited.replace(edited.find("The yard."), 9, "The yard, edited.");
  dir.write("a.yaml", edited);

  lc::ReloadResult r = lc::reloadKeepingPlace(*first.story, before, dir.path());
  REQUIRE(r.ok);
  REQUIRE(r.story);
  CHECK(r.story->scenes[r.state.scene].qualified == "a.yard");
  CHECK(r.state.vars[r.story->findVariable("trust")].number == 1);
  CHECK(r.state.vars[r.story->findVariable("lamp")].asBool());
  CHECK(r.notices == std::vector<std::string>{"new variable 'lamp' starts at its initial value"});
  CHECK(lc::reloadSummary(r) == "[Story reloaded: 1 notice]");
  THEN("the runner shows the edited text at the same scene") {
    lc::Runner runner(*first.story);
    runner.resume(*r.story, r.state);
    std::string text;
    while (runner.hasEvent()) {
      lc::Event e = runner.next();
      if (e.type == lc::EventType::Paragraph) text += e.text;
    }
    CHECK(text == "The yard, edited.");
    CHECK(runner.phase() == lc::Phase::Choosing);
    CHECK(runner.choices().size() == 1);  // "Walk on" still needs trust >= 2
  }
}

SCENARIO("an edit without changes to the state says nothing") {
  TempStory dir({{"story.yaml", kManifest}, {"a.yaml", kChapter}});
  auto first = dir.load();
  REQUIRE(first.story);
  lc::ReloadResult r = lc::reloadKeepingPlace(*first.story, playToYard(*first.story), dir.path());
  REQUIRE(r.ok);
  CHECK(r.notices.empty());
  CHECK(lc::reloadSummary(r) == "[Story reloaded: 0 notices]");
}

SCENARIO("an edit that removes the current scene falls back as the save rules say") {
  TempStory dir({{"story.yaml", kManifest}, {"a.yaml", kChapter}});
  auto first = dir.load();
  REQUIRE(first.story);
  const lc::State before = playToYard(*first.story);
  dir.write("a.yaml",
            "chapter: a\nscenes:\n"
            "  gate:\n    text: At the gate.\n    choices:\n      - {text: Go in, goto: end, do: [trust += 1]}\n"
            "  end:\n    text: The end.\n    end: true\n");
  lc::ReloadResult r = lc::reloadKeepingPlace(*first.story, before, dir.path());
  REQUIRE(r.ok);
  CHECK(r.story->scenes[r.state.scene].qualified == "a.gate");
  CHECK(r.notices == std::vector<std::string>{
                         "scene 'a.yard' is no longer in the story; resuming at 'a.gate', the latest scene of "
                         "your history that still exists"});
  CHECK(r.state.vars[0].number == 1);
}

SCENARIO("an edit with errors keeps the old story and returns the diagnostics") {
  TempStory dir({{"story.yaml", kManifest}, {"a.yaml", kChapter}});
  auto first = dir.load();
  REQUIRE(first.story);
  const lc::State before = playToYard(*first.story);
  std::string broken = kChapter;
  broken.replace(broken.find("goto: gate"), 10, "goto: nowhere");
  dir.write("a.yaml", broken);
  lc::ReloadResult r = lc::reloadKeepingPlace(*first.story, before, dir.path());
  CHECK_FALSE(r.ok);
  CHECK_FALSE(r.story);
  REQUIRE(r.diagnostics.hasErrors());
  const lc::Diagnostic& d = r.diagnostics.items().front();
  CHECK(d.file == dir.path() + "/a.yaml");
  CHECK(d.line == 10);
  CHECK(d.message.find("nowhere") != std::string::npos);
  CHECK(lc::reloadSummary(r) == "[The story has errors; still playing the previous version]");
  // The old story is untouched and still plays.
  CHECK(first.story->scenes[before.scene].qualified == "a.yard");
}

SCENARIO("a reload before the game started gives the new story's first state") {
  TempStory dir({{"story.yaml", kManifest}, {"a.yaml", kChapter}});
  auto first = dir.load();
  REQUIRE(first.story);
  lc::ReloadResult r = lc::reloadKeepingPlace(*first.story, lc::State::initial(*first.story), dir.path());
  REQUIRE(r.ok);
  CHECK(r.state.scene < 0);
  CHECK(r.notices.empty());
}

SCENARIO("the watcher notices a changed story file") {
  TempStory dir({{"story.yaml", kManifest}, {"a.yaml", kChapter}});
  auto loaded = dir.load();
  REQUIRE(loaded.story);
  lc::StoryWatcher watcher(dir.path(), 500);
  watcher.watch(*loaded.story);
  CHECK(watcher.files() == std::vector<std::string>{dir.path() + "/story.yaml", dir.path() + "/a.yaml"});
  CHECK_FALSE(watcher.changed());
  CHECK_FALSE(watcher.poll(0));

  touchLater(dir.file("a.yaml"), 5);
  WHEN("it is polled sooner than the interval") {
    CHECK_FALSE(watcher.poll(100));
    THEN("it looks again once the interval has passed, and says so once") {
      CHECK(watcher.poll(600));
      CHECK_FALSE(watcher.poll(1200));
    }
  }
  WHEN("it is asked at once") {
    CHECK(watcher.changed());
    CHECK_FALSE(watcher.changed());
  }
  WHEN("the manifest changes too") {
    watcher.changed();
    touchLater(dir.file("story.yaml"), 7);
    CHECK(watcher.changed());
  }
  WHEN("a chapter file disappears") {
    watcher.changed();
    std::remove(dir.file("a.yaml").c_str());
    CHECK(watcher.changed());
  }
}

SCENARIO("a watcher made before the story loaded watches the manifest") {
  TempStory dir(std::map<std::string, std::string>{{"story.yaml", kManifest}});
  lc::StoryWatcher watcher(dir.path());
  CHECK(watcher.files() == std::vector<std::string>{dir.path() + "/story.yaml"});
  touchLater(dir.file("story.yaml"), 3);
  CHECK(watcher.changed());
}

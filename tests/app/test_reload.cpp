// Hot reload in the terminal player: the `reload` command, and the check before each
// input line, driven in-process (the test edits the story between two lines).
#include <fcntl.h>
#include <sys/stat.h>

#include <cstdio>

#include <catch2/catch.hpp>

#include "app/console.h"
#include "support/temp_story.h"

namespace {

const char* kManifest =
    "format: lostcorner/1\nid: hr\ntitle: Reload\nstart: a.gate\nchapters: [a.yaml]\n"
    "variables:\n  trust: {type: int, initial: 0}\n";

std::string chapter(const std::string& yardText, const std::string& backTarget = "gate") {
  return "chapter: a\nscenes:\n"
         "  gate:\n    text: At the gate.\n    choices:\n      - {text: Go in, goto: yard, do: [trust += 1]}\n"
         "  yard:\n    text: " + yardText + "\n    choices:\n      - {text: Back, goto: " + backTarget + "}\n"
         "      - {text: Walk on, goto: end, if: trust >= 2}\n"
         "  end:\n    text: The end.\n    end: true\n";
}

void touchLater(const std::string& path, int seconds) {
  struct timespec times[2];
  clock_gettime(CLOCK_REALTIME, &times[0]);
  times[0].tv_sec += seconds;
  times[1] = times[0];
  REQUIRE(utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

// A ConsoleSession over a story folder, writing to a temporary file the test reads.
struct Console {
  lc::test::TempStory dir;
  lc::test::TempDir saves;
  std::unique_ptr<lc::Story> story;
  FILE* out = std::tmpfile();
  std::unique_ptr<lc::Presenter> presenter;
  std::unique_ptr<lc::ConsoleSession> session;
  long read = 0;

  explicit Console(bool jsonl) : dir({{"story.yaml", kManifest}, {"a.yaml", chapter("The yard.")}}) {
    auto loaded = dir.load();
    REQUIRE(loaded.story);
    story = std::move(loaded.story);
    presenter = jsonl ? lc::makeJsonlPresenter(out) : lc::makeTextPresenter(out, false);
    lc::SessionOptions options;
    options.saveDir = saves.path();
    options.storyPath = dir.path();
    session = std::make_unique<lc::ConsoleSession>(*story, *presenter, options);
    session->start();
  }
  ~Console() { std::fclose(out); }
  // What was written since the last call.
  std::string output() {
    std::fflush(out);
    std::fseek(out, read, SEEK_SET);
    std::string text;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, out)) > 0) text.append(buf, n);
    read = std::ftell(out);
    return text;
  }
  void edit(const std::string& file, const std::string& text) {
    dir.write(file, text);
    touchLater(dir.file(file), 5);  // a later mtime, as an editor's save would give
  }
};

}  // namespace

SCENARIO("the terminal player reloads the story and keeps the player's place") {
  Console c(false);
  REQUIRE(c.session->handleLine("1"));
  c.output();
  WHEN("the chapter changes and the player types reload") {
    c.edit("a.yaml", chapter("The yard, edited."));
    REQUIRE(c.session->handleLine("reload"));
    THEN("the scene is shown again with the new text, once") {
      CHECK(c.output() == "[Story reloaded: 0 notices]\nThe yard, edited.\n\n  1. Back\n");
    }
    THEN("play goes on in the new story") {
      c.output();
      REQUIRE(c.session->handleLine("1"));
      CHECK(c.output() == "At the gate.\n\n  1. Go in\n");
    }
  }
  WHEN("a variable is added and the next line is a choice") {
    c.edit("story.yaml", std::string(kManifest) + "  lamp: {type: bool, initial: true}\n");
    REQUIRE(c.session->handleLine("1"));
    THEN("the change is noticed before the choice is taken") {
      CHECK(c.output() ==
            "[Story reloaded: 1 notice]\n[new variable 'lamp' starts at its initial value]\n"
            "The yard.\n\n  1. Back\nAt the gate.\n\n  1. Go in\n");
    }
  }
  WHEN("the edit has errors") {
    c.edit("a.yaml", chapter("The yard.", "nowhere"));
    REQUIRE(c.session->handleLine("reload"));
    const std::string out = c.output();
    THEN("the diagnostics are shown and the previous version plays on") {
      CHECK(out.find(c.dir.path() + "/a.yaml:10:") == 0);
      CHECK(out.find("nowhere") != std::string::npos);
      CHECK(out.find("[The story has errors; still playing the previous version]\n") != std::string::npos);
      REQUIRE(c.session->handleLine("1"));
      CHECK(c.output() == "At the gate.\n\n  1. Go in\n");
    }
  }
  WHEN("nothing changed, an input line does not reload") {
    REQUIRE(c.session->handleLine("history"));
    CHECK(c.output().find("reloaded") == std::string::npos);
  }
}

SCENARIO("the JSONL protocol reports reloads as events") {
  Console c(true);
  REQUIRE(c.session->handleLine("1"));
  c.output();
  WHEN("an edit adds a variable") {
    c.edit("story.yaml", std::string(kManifest) + "  lamp: {type: bool, initial: true}\n");
    REQUIRE(c.session->handleLine("reload"));
    CHECK(c.output().rfind("{\"event\":\"reloaded\",\"notices\":[\"new variable 'lamp' starts at its initial value\"]}\n", 0) == 0);
  }
  WHEN("an edit has errors") {
    c.edit("a.yaml", chapter("The yard.", "nowhere"));
    REQUIRE(c.session->handleLine("reload"));
    const std::string out = c.output();
    CHECK(out.rfind("{\"event\":\"reload_failed\",\"diagnostics\":[{\"file\":\"" + c.dir.path() + "/a.yaml\",\"line\":10,", 0) == 0);
  }
}

// Issue 15: the session kept its own story beside the runner's; after a reload `notes`
// read the new story's scene and chapter indexes in the old one (out of bounds here: the
// edit puts a chapter, with three scenes, before the one being played).
SCENARIO("after a reload that moves every scene index, notes read the reloaded story") {
  Console c(false);
  REQUIRE(c.session->handleLine("1"));  // a.yard, scene 1 of chapter 0
  c.output();
  c.dir.write("z.yaml", "chapter: z\ntitle: Zed\ncontent_note: \"Zed's note.\"\nscenes:\n"
                        "  one:\n    text: One.\n    next: two\n  two:\n    text: Two.\n    next: three\n"
                        "  three:\n    text: Three.\n    end: true\n");
  c.edit("story.yaml", std::string(kManifest).replace(std::string(kManifest).find("[a.yaml]"), 8, "[z.yaml, a.yaml]"));
  c.edit("a.yaml", "title: Yard\ncontent_note: \"The yard's note.\"\n" + chapter("The yard."));
  REQUIRE(c.session->handleLine("reload"));
  const std::string reloaded = c.output();
  INFO(reloaded);
  REQUIRE(c.session->handleLine("notes"));
  CHECK(c.output() == "[Content note for \"Yard\": The yard's note.]\n\n");
}

// The terminal player and the JSONL protocol, driven through a pipe as a user or a
// program would drive them.
#include <catch2/catch.hpp>

#include "support/run.h"
#include "support/temp_story.h"

using lc::test::runLostCorner;

namespace {

const std::map<std::string, std::string> kStory = {
    {"story.yaml",
     "format: lostcorner/1\nid: pipe\ntitle: Pipe\nstart: one.gate\nchapters: [one.yaml, two.yaml]\n"
     "variables:\n  trust: {type: int, initial: 0, min: 0, max: 2}\n"
     "music:\n  theme: {file: theme.ogg, loop: true, caption: a quiet theme}\n"
     "sounds:\n  rain: {file: rain.ogg, caption: rain on a roof}\n"},
    {"one.yaml",
     "chapter: one\ntitle: One\nscenes:\n"
     "  gate:\n    title: The gate\n    music: theme\n    text: |\n      At the gate.\n\n      Trust {trust}.\n"
     "    prompt: {kind: predict, ask: \"What will she do?\"}\n"
     "    choices:\n"
     "      - {text: Wait, goto: gate, once: true, do: [trust += 1]}\n"
     "      - {text: Go on, goto: two.field}\n"},
    {"two.yaml",
     "chapter: two\ntitle: Two\nscenes:\n"
     "  field:\n    sound: rain\n    text: A field. Trust {trust}.\n    end: true\n    ending: The field\n"},
};

}  // namespace

SCENARIO("the terminal player reads choices and commands from a pipe") {
  lc::test::TempStory story(kStory);
  lc::test::TempDir saves;
  std::string args = "play " + story.path() + " --text --save-dir " + saves.path();
  WHEN("choices are piped in") {
    auto r = runLostCorner(args, "1\n1\n");
    CHECK(r.status == 0);
    CHECK(r.out ==
          "== One ==\n\n# The gate\n\n[Music: a quiet theme]\nAt the gate.\n\nTrust 0.\n\n"
          "  1. Wait\n  2. Go on\n"
          "# The gate\n\n"
          "At the gate.\n\nTrust 1.\n\n  1. Go on\n"
          "== Two ==\n\n[Sound: rain on a roof]\nA field. Trust 1.\n\n"
          "THE END: The field\n(type restart to play again, back to undo the last choice, or quit)\n");
  }
  WHEN("the player saves, goes on, loads and goes on again") {
    auto r = runLostCorner(args, "1\nsave 2\n1\nload 2\nhistory\n1\nback\nquit\n");
    CHECK(r.status == 0);
    CHECK(r.out.find("[Saved to slot 2: " + saves.path() + "/2.save]") != std::string::npos);
    CHECK(r.out.find("[Loaded slot 2]\n== One ==\n\n# The gate\n\n[Music: a quiet theme]\nAt the gate.\n\nTrust 1.\n") !=
          std::string::npos);
    CHECK(r.out.find("1. The gate -> Wait\n2. The gate (now)\n") != std::string::npos);
    CHECK(r.out.find("2. The gate (now)\n== Two ==\n\n[Sound: rain on a roof]\nA field. Trust 1.\n") != std::string::npos);
    CHECK(r.out.find("(type restart to play again, back to undo the last choice, or quit)\n== One ==\n\n# The gate\n") != std::string::npos);
  }
  WHEN("the player types something wrong") {
    auto r = runLostCorner(args, "7\nfly\nload 9\nback\nquit\n");
    CHECK(r.out.find("! there is no choice 7: choose 1 to 2\n") != std::string::npos);
    CHECK(r.out.find("! unknown command 'fly': type a choice number, or help\n") != std::string::npos);
    CHECK(r.out.find("! could not load: there is no save in slot '9'\n") != std::string::npos);
    CHECK(r.out.find("! there is no choice to undo\n") != std::string::npos);
  }
  WHEN("a save is corrupt, the other slots are untouched") {
    runLostCorner(args, "save 1\nsave 2\nquit\n");
    lc::test::TempDir unused;
    std::ofstream(saves.file("1.save")) << "lostcorner-save: 1\ngarbage here\n";
    auto r = runLostCorner(args, "load 1\nload 2\nquit\n");
    CHECK(r.out.find("! could not load slot 1 (" + saves.path() + "/1.save): the save is damaged at line 2: 'garbage here'.") !=
          std::string::npos);
    CHECK(r.out.find("[Loaded slot 2]") != std::string::npos);
  }
}

SCENARIO("the JSONL protocol reports every event as one JSON object per line") {
  lc::test::TempStory story(kStory);
  lc::test::TempDir saves;
  auto r = runLostCorner("play " + story.path() + " --jsonl --classroom --save-dir " + saves.path(), "2\n");
  CHECK(r.status == 0);
  std::string file = story.path() + "/theme.ogg";
  CHECK(r.out ==
        "{\"event\":\"protocol\",\"name\":\"lostcorner-jsonl\",\"version\":1}\n"
        "{\"event\":\"scene\",\"id\":\"one.gate\",\"title\":\"The gate\",\"chapter\":\"one\",\"chapter_title\":\"One\",\"resumed\":false}\n"
        "{\"event\":\"music\",\"cue\":\"theme\",\"file\":\"" + file + "\",\"volume\":1,\"caption\":\"a quiet theme\",\"loop\":true}\n"
        "{\"event\":\"paragraph\",\"text\":\"At the gate.\"}\n"
        "{\"event\":\"paragraph\",\"text\":\"Trust 0.\"}\n"
        "{\"event\":\"prompt\",\"kind\":\"predict\",\"ask\":\"What will she do?\"}\n"
        "{\"event\":\"pause\",\"kind\":\"predict\",\"ask\":\"What will she do?\",\"seconds\":0}\n"
        "{\"event\":\"choices\",\"choices\":[{\"number\":1,\"text\":\"Wait\"},{\"number\":2,\"text\":\"Go on\"}]}\n"
        "{\"event\":\"scene\",\"id\":\"two.field\",\"title\":\"\",\"chapter\":\"two\",\"chapter_title\":\"Two\",\"resumed\":false}\n"
        "{\"event\":\"sound\",\"cue\":\"rain\",\"file\":\"" + story.path() + "/rain.ogg\",\"volume\":1,\"caption\":\"rain on a roof\",\"loop\":false}\n"
        "{\"event\":\"paragraph\",\"text\":\"A field. Trust 0.\"}\n"
        "{\"event\":\"end\",\"ending\":\"The field\"}\n");
}

// Issue 15: invalid UTF-8 typed into --jsonl came back as raw bytes inside the message.
SCENARIO("the JSONL protocol writes valid UTF-8 JSON whatever bytes are typed") {
  lc::test::TempStory story(kStory);
  lc::test::TempDir saves;
  auto r = runLostCorner("play " + story.path() + " --jsonl --save-dir " + saves.path(), "\xFF\x1b[2J\xC3\n");
  const std::string last = r.out.substr(r.out.rfind("{\"event\":\"error\""));
  CHECK(last == "{\"event\":\"error\",\"message\":\"unknown command '\xEF\xBF\xBD\\u001b[2J\xEF\xBF\xBD': type a choice number, or help\"}\n");
}

// Issue 15: a story's ESC sequences (window title, colours, screen clear) reached --text
// output, and ESC bytes typed were echoed back.
SCENARIO("the terminal player never writes control characters, from the story or from what is typed") {
  // Raw control characters are load errors; YAML's escapes write them anyway.
  const std::string bad = R"(\e]0;pwned\aTitle \x1b[31mred\e[0m \e[2J\r\x7f\x9b end)";
  const std::string safe = "\uFFFD]0;pwned\uFFFDTitle \uFFFD[31mred\uFFFD[0m \uFFFD[2J\uFFFD\uFFFD\uFFFD end";
  lc::test::TempStory story({{"story.yaml", "format: lostcorner/1\nid: esc\ntitle: Esc\nstart: a.s\nchapters: [a.yaml]\n"},
                             {"a.yaml", "chapter: a\nscenes:\n  s:\n    text: \"" + bad +
                                            "\"\n    choices:\n      - {text: Go, goto: t}\n  t:\n    text: Done.\n    end: true\n"}});
  lc::test::TempDir saves;
  auto r = runLostCorner("play " + story.path() + " --text --save-dir " + saves.path(), "\x1b[2J\x1b]0;typed\x07\n1\n");
  INFO(r.out);
  CHECK(r.out.find(safe + "\n") != std::string::npos);
  CHECK(r.out.find("unknown command '\uFFFD[2J\uFFFD]0;typed\uFFFD'") != std::string::npos);
  int controls = 0;
  for (unsigned char c : r.out) controls += (c < 0x20 && c != '\n') || c == 0x7F;
  CHECK(controls == 0);
  CHECK(r.out.find("Done.") != std::string::npos);
}

SCENARIO("check and explore from the command line") {
  lc::test::TempStory story(kStory);
  // The two cue files are missing: check is strict about audio (play only warns).
  auto check = runLostCorner("check " + story.path(), "", true);
  CHECK(check.status == 1);
  CHECK(check.out.find("error: music cue 'theme': file") != std::string::npos);
  auto json = runLostCorner("check " + story.path() + " --format json", "");
  CHECK(json.out.rfind("{\"diagnostics\":[{\"file\":", 0) == 0);
  CHECK(json.out.find("\"errors\":2,\"warnings\":0,\"hidden\":0}") != std::string::npos);
  auto walk = runLostCorner("explore " + story.path() + " --walk 10 --seed 5", "");
  CHECK(walk.status == 0);
  CHECK(walk.out.size() == 9);  // eight hex digits and a newline
  auto bad = runLostCorner("explore " + story.path() + " --walk ten", "", true);
  CHECK(bad.status == 2);
  auto help = runLostCorner("check --help", "");
  CHECK(help.out.rfind("usage: lostcorner check", 0) == 0);
}

// Second edition: tags in a title, a label and an ending title reach both front ends
// filled in, never as braces.
SCENARIO("the terminal player and the protocol show titles, labels and endings with their tags filled in") {
  lc::test::TempStory story(
      {{"story.yaml",
        "format: lostcorner/1\nid: tags\ntitle: Tags\nstart: one.gate\nchapters: [one.yaml]\n"
        "variables:\n  trust: {type: int, initial: 0}\n"},
       {"one.yaml",
        "chapter: one\ntitle: One\nscenes:\n"
        "  gate:\n    title: \"Gate, trust {trust}\"\n    text: At the gate.\n"
        "    choices:\n"
        "      - {text: \"Wait ({trust} so far)\", goto: gate, do: [trust += 1]}\n"
        "      - {text: \"{if trust > 0}Go on together{else}Go on alone{end}\", goto: field}\n"
        "  field:\n    text: A field.\n    end: true\n    ending: \"{if trust > 0}Trusted{else}Alone{end}\"\n"}});
  lc::test::TempDir saves;
  auto text = runLostCorner("play " + story.path() + " --text --save-dir " + saves.path(), "1\n2\n");
  CHECK(text.out ==
        "== One ==\n\n# Gate, trust 0\n\nAt the gate.\n\n  1. Wait (0 so far)\n  2. Go on alone\n"
        "# Gate, trust 1\n\nAt the gate.\n\n  1. Wait (1 so far)\n  2. Go on together\n"
        "A field.\n\nTHE END: Trusted\n(type restart to play again, back to undo the last choice, or quit)\n");
  auto jsonl = runLostCorner("play " + story.path() + " --jsonl --save-dir " + saves.path(), "2\n");
  CHECK(jsonl.out ==
        "{\"event\":\"protocol\",\"name\":\"lostcorner-jsonl\",\"version\":1}\n"
        "{\"event\":\"scene\",\"id\":\"one.gate\",\"title\":\"Gate, trust 0\",\"chapter\":\"one\",\"chapter_title\":\"One\",\"resumed\":false}\n"
        "{\"event\":\"paragraph\",\"text\":\"At the gate.\"}\n"
        "{\"event\":\"choices\",\"choices\":[{\"number\":1,\"text\":\"Wait (0 so far)\"},{\"number\":2,\"text\":\"Go on alone\"}]}\n"
        "{\"event\":\"scene\",\"id\":\"one.field\",\"title\":\"\",\"chapter\":\"one\",\"chapter_title\":\"One\",\"resumed\":false}\n"
        "{\"event\":\"paragraph\",\"text\":\"A field.\"}\n"
        "{\"event\":\"end\",\"ending\":\"Alone\"}\n");
}

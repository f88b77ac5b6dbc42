// The writer tools from the command line, as a writer runs them: explore, graph, stats
// and new. Outputs are read back (JSON through our own YAML reader: JSON is YAML).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "load/yaml_tree.h"
#include "support/fault_stories.h"
#include "support/run.h"
#include "support/skip.h"

using lc::test::runLostCorner;

namespace {

std::string bin() { return std::string(LC_BINARY_DIR) + "/lostcorner"; }

bool exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

bool haveDot() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

int shell(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A value in a parsed JSON object by a path of keys ("routes", "count").
const lc::yaml::Node* at(const lc::yaml::Node* node, std::initializer_list<const char*> keys) {
  for (const char* k : keys) node = node ? node->find(k) : nullptr;
  return node;
}

std::string text(const lc::yaml::Node* node) { return node ? node->text : "(missing)"; }

// An acyclic story: 3 routes (start>a>one, start>b>one, start>b>two), 2 endings.
const std::map<std::string, std::string> kTiny = lc::test::oneChapter(
    "",
    "  start:\n    title: The start\n    text: One two three four five.\n    choices:\n"
    "      - {text: Left, goto: a}\n      - {text: Right, goto: b}\n"
    "  a:\n    text: Six seven eight.\n    next: one\n"
    "  b:\n    text: \"Nine {{ten}}, eleven -- twelve.\"\n    choices:\n"
    "      - {text: Up, goto: one}\n      - {text: Down, goto: two}\n      - {text: Across, goto: two}\n"
    "  one:\n    text: \"{if true}Thirteen{else}fourteen fifteen{end}.\"\n    end: true\n    ending: The first\n"
    "  two:\n    text: Sixteen.\n    end: true\n");

}  // namespace

SCENARIO("explore reports the faults of a story and exits non-zero") {
  GIVEN("each planted fault") {
    const std::pair<lc::test::FaultStory, const char*> cases[] = {
        {lc::test::deadEndStory(), "/a.yaml:11:3: dead end: scene 'a.hall' can be reached with none of its choices to show\n  path: Go on\n"},
        {lc::test::unreachableSceneStory(), "/a.yaml:9:3: scene 'a.lost' is never reached in play\n"},
        {lc::test::softLockStory(),
         "/a.yaml:10:3: soft-lock: from scene 'a.maze' no ending can be reached any more\n  path: Enter the maze\n"},
        {lc::test::unreachableEndingStory(), "/a.yaml:15:3: ending 'a.summit' is never reached in play\n"},
    };
    for (const auto& [fault, expected] : cases) {
      lc::test::TempStory story(fault.files);
      auto r = runLostCorner("explore " + story.path(), "");
      INFO(fault.name << "\n" << r.out);
      CHECK(r.status == 1);
      CHECK(r.out.find(story.path() + expected) != std::string::npos);
    }
  }
  GIVEN("a fault's path as the numbers a player types, and the line that replays it") {
    lc::test::TempStory story(lc::test::deadEndStory().files);
    auto r = runLostCorner("explore " + story.path(), "");
    std::string replay = "lostcorner play " + story.path() + " --text --choices 2";
    CHECK(r.out.find("  path: Go on\n  replay: " + replay + "\n") != std::string::npos);
    // Played as written: the reader arrives at the dead end.
    auto played = runLostCorner("play " + story.path() + " --text --choices 2 --save-dir " + story.file("saves"), "");
    INFO(played.out);
    CHECK(played.status == 0);
    CHECK(played.out.find("A hall.") != std::string::npos);
    CHECK(played.out.find("Open the door") == std::string::npos);
    auto bad = runLostCorner("play " + story.path() + " --choices 2,x", "", true);
    CHECK(bad.status == 2);
    CHECK(bad.out == "lostcorner play: --choices takes choice numbers from 1 up, separated by commas (e.g. 1,3,2), not '2,x'\n");
  }
  GIVEN("a clean story") {
    lc::test::TempStory story(lc::test::cleanStory().files);
    auto r = runLostCorner("explore " + story.path(), "");
    CHECK(r.status == 0);
    CHECK(r.out.find("every state reached") != std::string::npos);
    CHECK(r.out.find("endings reached: 1 of 1\n  a.home  \"Home\" — 1 choice\n    Leave\n") != std::string::npos);
    CHECK(r.out.find("  key  bool   false, true\n") != std::string::npos);
    CHECK(r.out.find("\n  text is not part of a state: what it prints never decides where play goes") != std::string::npos);
    CHECK(r.out.find("\nno faults found\n") != std::string::npos);
  }
  GIVEN("JSON for tools") {
    lc::test::TempStory story(lc::test::deadEndStory().files);
    auto r = runLostCorner("explore " + story.path() + " --format json", "");
    CHECK(r.status == 1);
    lc::yaml::Document doc = lc::yaml::parse(r.out);
    REQUIRE(doc.problems.empty());
    CHECK(text(at(doc.root, {"complete"})) == "true");
    CHECK(text(at(doc.root, {"faults"})) == "1");
    const lc::yaml::Node* dead = at(doc.root, {"dead_ends"});
    REQUIRE(dead);
    REQUIRE(dead->items.size() == 1);
    CHECK(text(dead->items[0]->find("scene")) == "a.hall");
    CHECK(text(dead->items[0]->find("line")) == "11");
    CHECK(text(dead->items[0]->find("path")->items[0]->find("text")) == "Go on");
  }
  GIVEN("a path through a choice below a hidden one (issue 11: JSON gave its place in the file)") {
    lc::test::TempStory story(
        lc::test::oneChapter("  key: {type: bool, initial: false}\n",
                             "  start:\n    text: A door.\n    choices:\n"
                             "      - {text: Use the key, if: key, goto: in}\n      - {text: Knock, goto: porch}\n"
                             "  porch:\n    text: Nobody.\n    choices:\n      - {text: Enter, if: key, goto: in}\n"
                             "  in:\n    text: In.\n    end: true\n"));
    auto r = runLostCorner("explore " + story.path() + " --format json", "");
    lc::yaml::Document doc = lc::yaml::parse(r.out);
    REQUIRE(doc.problems.empty());
    const lc::yaml::Node* dead = at(doc.root, {"dead_ends"});
    REQUIRE(dead);
    REQUIRE(dead->items.size() == 1);
    const lc::yaml::Node* step = dead->items[0]->find("path")->items.at(0);
    CHECK(text(step->find("text")) == "Knock");
    CHECK(text(step->find("choice")) == "1");  // the number the player types
    CHECK(text(step->find("choice_in_file")) == "2");
    auto plain = runLostCorner("explore " + story.path(), "");
    CHECK(plain.out.find("  path: Knock\n  replay: lostcorner play " + story.path() + " --text --choices 1\n") !=
          std::string::npos);
  }
  GIVEN("a state cap smaller than the story") {
    auto r = runLostCorner("explore " + std::string(LC_SOURCE_DIR) + "/story/never-let-me-go --max-states 5000", "");
    CHECK(r.status == 3);
    CHECK(r.out.find("stopped at the state cap (--max-states 5,000): results are partial.") != std::string::npos);
    CHECK(r.out.find("(partial search)") != std::string::npos);
    CHECK(r.out.find("\n    round hailsham.grounds: ") != std::string::npos);
    CHECK(r.out.find(" sets of its 13 once-choices, over ") != std::string::npos);
  }
}

TEST_CASE("explore takes a hub's commuting rooms in one order, and in every order with --every-order") {
  // Three once-only rooms adding one to done, the way out after all three: every order
  // holds the hub with each of 8 sets, each room entered after each set of the other two
  // (12) and the end (21); one order enters room i only after rooms before it (1 + 2 + 4).
  std::string scenes = "  hub:\n    text: H\n    choices:\n";
  for (int i = 0; i < 3; ++i) scenes += "      - {text: Room " + std::to_string(i) + ", goto: r" + std::to_string(i) + ", once: true}\n";
  scenes += "      - {text: Leave, goto: out, if: done >= 3}\n";
  for (int i = 0; i < 3; ++i) scenes += "  r" + std::to_string(i) + ":\n    text: R\n    do: [done += 1]\n    next: hub\n";
  lc::test::TempStory story(
      lc::test::oneChapter("  done: {type: int, initial: 0, min: 0, max: 3}\n", scenes + "  out:\n    text: O\n    end: true\n", "a.hub"));
  auto one = runLostCorner("explore " + story.path(), "");
  auto every = runLostCorner("explore " + story.path() + " --every-order", "");
  CHECK(one.status == 0);
  CHECK(every.status == 0);
  CHECK(one.out.find("explored test: 16 states,") == 0);
  CHECK(every.out.find("explored test: 21 states,") == 0);
  CHECK(one.out.find("\n  a.hub: 3 once-only rooms searched in one order where they commute") != std::string::npos);
  CHECK(every.out.find("searched in one order") == std::string::npos);
  CHECK(one.out.find("\nno faults found\n") != std::string::npos);
  CHECK(every.out.find("\nno faults found\n") != std::string::npos);
}

TEST_CASE("graph draws soft-locks and the loops they trap play in") {
  lc::test::TempStory story(lc::test::softLockStory().files);
  auto r = runLostCorner("graph " + story.path(), "");
  CHECK(r.status == 0);
  CHECK(r.out.find("a.maze\\n(soft-lock: no ending from here)\", color=red, fontcolor=red") != std::string::npos);
  CHECK(r.out.find("a.hall\\n(in a loop with no way out)\", color=red, penwidth=2") != std::string::npos);
  CHECK(r.out.find("[label=\"a.start\", penwidth=2]") != std::string::npos);  // the start: no mark
}

SCENARIO("graph draws the story map") {
  lc::test::TempStory story(lc::test::oneChapter(
      "  key: {type: bool, initial: false}\n",
      "  start:\n    title: \"The \\\"front\\\" door\"\n    text: S\n    choices:\n"
      "      - {text: \"Say \\\"hi\\\" \\\\ wave\", goto: hall, once: true, do: [key = true]}\n"
      "      - {text: Go in, goto: hall}\n"
      "  hall:\n    text: H\n    choices:\n      - {text: Open, goto: done, if: key}\n"
      "  done:\n    text: D\n    end: true\n    ending: Out\n"
      "  lost:\n    text: L\n    next: done\n"));
  lc::test::TempDir out;
  WHEN("asked for DOT") {
    REQUIRE(shell(bin() + " graph " + story.path() + " -o " + out.file("map.dot")) == 0);
    std::string dot = slurp(out.file("map.dot"));
    CHECK(dot.find("subgraph cluster_0 {") != std::string::npos);
    CHECK(dot.find("label=\"The \\\"front\\\" door\\na.start\"") != std::string::npos);
    CHECK(dot.find("shape=doubleoctagon") != std::string::npos);
    CHECK(dot.find("label=\"Say \\\"hi\\\" \\\\ wave\\n(once)\", color=\"#1f5fbf\"") != std::string::npos);
    CHECK(dot.find("[label=\"Open\\nif key\", style=dashed]") != std::string::npos);
    CHECK(dot.find("a.hall\\n(dead end)\", color=red") != std::string::npos);
    CHECK(dot.find("a.lost\\n(never reached)\", color=red") != std::string::npos);
    CHECK(dot.find("  s3 -> s2;\n") != std::string::npos);  // next: plain
    if (haveDot()) CHECK(shell("dot -Tsvg " + out.file("map.dot") + " -o " + out.file("check.svg")) == 0);
    else LC_SKIP("Graphviz's dot is not installed (apt-get install graphviz): the DOT text was not rendered");
  }
  WHEN("asked for SVG") {
    if (!haveDot()) {
      LC_SKIP("Graphviz's dot is not installed (apt-get install graphviz): no SVG");
      return;
    }
    REQUIRE(shell(bin() + " graph " + story.path() + " -o " + out.file("map.svg")) == 0);
    CHECK(slurp(out.file("map.svg")).find("<svg") != std::string::npos);
  }
  WHEN("Graphviz is not on the PATH") {
    int status = shell("PATH=/nonexistent " + bin() + " graph " + story.path() + " -o " + out.file("map.png") + " 2>" +
                       out.file("err.txt"));
    CHECK(status == 3);
    CHECK(exists(out.file("map.dot")));
    CHECK_FALSE(exists(out.file("map.png")));
    CHECK(slurp(out.file("err.txt")).find("Graphviz's 'dot' was not found") != std::string::npos);
  }
  WHEN("the output is neither DOT, SVG nor PNG") {
    auto r = runLostCorner("graph " + story.path() + " -o map.pdf", "", true);
    CHECK(r.status == 2);
  }
}

SCENARIO("stats counts words, choices, endings and routes") {
  lc::test::TempStory story(kTiny);
  WHEN("as JSON") {
    auto r = runLostCorner("stats " + story.path() + " --format json", "");
    REQUIRE(r.status == 0);
    lc::yaml::Document doc = lc::yaml::parse(r.out);
    REQUIRE(doc.problems.empty());
    CHECK(text(at(doc.root, {"words"})) == "16");  // "--" is no word; {{ten}} is; both {if} branches count
    CHECK(text(at(doc.root, {"choices", "scenes_with_choices"})) == "2");
    CHECK(text(at(doc.root, {"choices", "min"})) == "2");
    CHECK(text(at(doc.root, {"choices", "mean"})) == "2.50");
    CHECK(text(at(doc.root, {"choices", "max"})) == "3");
    CHECK(text(at(doc.root, {"routes", "finite"})) == "true");
    CHECK(text(at(doc.root, {"routes", "count"})) == "4");  // Up, Down and Across are three ways from b
    CHECK(at(doc.root, {"endings"})->items.size() == 2);
    CHECK(text(at(doc.root, {"chapters"})->items[0]->find("words")) == "16");
    CHECK(text(at(doc.root, {"scenes"})->items[0]->find("words")) == "5");
  }
  WHEN("as text, with a loop in the story") {
    lc::test::TempStory looping(lc::test::cleanStory().files);
    auto r = runLostCorner("stats " + looping.path(), "");
    CHECK(r.out.find("routes from the start to an ending: infinite (loops)\n") != std::string::npos);
    CHECK(r.out.find("3 scenes in 1 chapter: 2 with choices, 0 with next, 1 ending\n") != std::string::npos);
  }
}

SCENARIO("new starts a story that checks clean and plays") {
  lc::test::TempDir dir;
  std::string folder = dir.file("My First Story");
  auto r = runLostCorner("new '" + folder + "'", "");
  REQUIRE(r.status == 0);
  CHECK(exists(folder + "/story.yaml"));
  CHECK(exists(folder + "/one.yaml"));
  CHECK(exists(folder + "/README.md"));
  CHECK(slurp(folder + "/story.yaml").find("id: my-first-story\ntitle: \"My First Story\"\n") != std::string::npos);
  auto check = runLostCorner("check '" + folder + "'", "", true);
  CHECK(check.status == 0);
  CHECK(check.out.empty());
  CHECK(runLostCorner("explore '" + folder + "'", "").status == 0);
  auto play = runLostCorner("play '" + folder + "' --text", "1\n");
  CHECK(play.out.find("THE END: Through the door") != std::string::npos);
  WHEN("the folder exists already") {
    std::string before = slurp(folder + "/one.yaml");
    auto again = runLostCorner("new '" + folder + "'", "", true);
    CHECK(again.status == 1);
    CHECK(again.out.find("already exists; nothing was written") != std::string::npos);
    CHECK(slurp(folder + "/one.yaml") == before);
  }
}

// Issue 11: new wrote absolute schema paths, which break as soon as the story is shared.
SCENARIO("new writes schema modelines relative to the story's folder") {
  lc::test::TempDir dir;
  const std::string folder = dir.file("shared");
  REQUIRE(runLostCorner("new '" + folder + "'", "").status == 0);
  const std::string prefix = "# yaml-language-server: $schema=";
  for (const char* file : {"story.yaml", "one.yaml"}) {
    INFO(file);
    const std::string text = slurp(folder + "/" + file);
    REQUIRE(text.rfind(prefix, 0) == 0);
    const std::string path = text.substr(prefix.size(), text.find('\n') - prefix.size());
    CHECK(path.rfind("../", 0) == 0);
    const std::string schema = std::string(file) == "story.yaml" ? "manifest" : "chapter";
    char a[PATH_MAX], b[PATH_MAX];
    REQUIRE(::realpath((folder + "/" + path).c_str(), a));
    REQUIRE(::realpath((std::string(LC_SOURCE_DIR) + "/tools/schema/" + schema + ".schema.json").c_str(), b));
    CHECK(std::string(a) == std::string(b));
  }
}

// Issue 11: check on a chapter file treated it as a manifest (7 confusing messages).
SCENARIO("check on a chapter file checks the story that lists it, or says how") {
  lc::test::TempDir dir;
  const std::string folder = dir.file("ferry");
  REQUIRE(runLostCorner("new '" + folder + "'", "").status == 0);
  auto r = runLostCorner("check '" + folder + "/one.yaml'", "", true);
  CHECK(r.status == 0);
  CHECK(r.out == "note: " + folder + "/one.yaml is a chapter of " + folder + "/story.yaml: checking that story\n");
  std::ofstream(folder + "/two.yaml") << "chapter: two\nscenes:\n  a:\n    text: Hi\n    end: true\n";
  auto loose = runLostCorner("check '" + folder + "/two.yaml'", "", true);
  CHECK(loose.status == 1);
  CHECK(loose.out == "lostcorner check: " + folder +
                         "/two.yaml is a chapter file, and no story.yaml in its folder or above lists it\n"
                         "  hint: give the story's folder (holding story.yaml), or add 'two.yaml' to the 'chapters' "
                         "of its story.yaml\n");
}

TEST_CASE("every writer tool answers --help") {
  for (const char* command : {"explore", "graph", "stats", "new"}) {
    auto r = runLostCorner(std::string(command) + " --help", "");
    INFO(command);
    CHECK(r.status == 0);
    CHECK(r.out.rfind(std::string("usage: lostcorner ") + command, 0) == 0);
  }
}

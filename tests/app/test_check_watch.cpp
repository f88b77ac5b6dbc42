// `lostcorner check --watch`: checks, then checks again when a story file is saved and
// prints the new result, until interrupted; and `check` with its disk cache prints the
// same as `check --no-cache`, run after run and after an edit.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "support/run.h"
#include "support/temp_story.h"

namespace {

const std::map<std::string, std::string> kStory = lc::test::oneChapter(
    "  lamp: {type: bool, initial: false}\n",
    "  start:\n    text: A door.\n    choices:\n      - text: Open\n        goto: end\n        do: [lamp = true]\n"
    "  end:\n    text: The end. {lamp}\n    end: true\n");

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

}  // namespace

TEST_CASE("check --watch prints a new result after each save, until interrupted") {
  lc::test::TempStory story(kStory);
  const std::string out = story.file("watch.out"), lc = std::string(LC_BINARY_DIR) + "/lostcorner";
  // Waits (up to 30 s, polling) for the n-th result; then edits, waits, interrupts.
  const std::string script = "export XDG_CACHE_HOME='" + story.file("cache") +
                             "'\n"
                             "'" +
                             lc + "' check --watch '" + story.path() + "' > '" + out +
                             "' 2>&1 &\n"
                             "pid=$!\n"
                             "until_results() { for i in $(seq 300); do [ $(grep -c '^\\[check at' '" +
                             out +
                             "') -ge $1 ] && return 0; sleep 0.1; done; return 1; }\n"
                             "until_results 1 || { kill $pid; exit 90; }\n"
                             "sed -i 's/goto: end/goto: nowhere/' '" +
                             story.file("a.yaml") +
                             "'\n"
                             "touch -d '+5 seconds' '" +
                             story.file("a.yaml") +
                             "'\n"
                             "until_results 2 || { kill $pid; exit 91; }\n"
                             "kill -INT $pid\n"
                             "wait $pid\n";
  std::ofstream(story.file("watch.sh")) << script;
  const int status = std::system(("bash '" + story.file("watch.sh") + "'").c_str());
  const std::string text = readAll(out);
  INFO(text);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);  // the last check found an error
  CHECK(count(text, "[check at") == 2);
  const size_t second = text.rfind("[check at");
  CHECK(text.find("0 error(s), 0 warning(s)]") < second);
  CHECK(text.find("1 error(s)", second) != std::string::npos);
  CHECK(text.find("unknown scene 'nowhere'", second) != std::string::npos);
  CHECK(text.find("unknown scene 'nowhere'") > second);
}

TEST_CASE("check with its disk cache prints what check --no-cache prints") {
  lc::test::TempStory story(kStory);
  auto check = [&](const std::string& flags) {
    const std::string cmd = "XDG_CACHE_HOME='" + story.file("cache") + "' '" + LC_BINARY_DIR + "/lostcorner' check " +
                            flags + " '" + story.path() + "' 2>&1";
    lc::test::RunResult r;
    FILE* p = ::popen(cmd.c_str(), "r");
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int status = ::pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
  };
  const char* edits[] = {"  extra:\n    text: Nobody comes here.\n    end: true\n", "  broken: [\n"};
  for (const char* edit : edits) {
    const lc::test::RunResult plain = check("--no-cache");
    for (int run = 0; run < 2; ++run) {  // cold, then warm
      const lc::test::RunResult cached = check("");
      CHECK(cached.out == plain.out);
      CHECK(cached.status == plain.status);
    }
    story.write("a.yaml", readAll(story.file("a.yaml")) + edit);
  }
  const lc::test::RunResult last = check("");
  CHECK(last.status == 1);
  CHECK(last.out == check("--no-cache").out);
}

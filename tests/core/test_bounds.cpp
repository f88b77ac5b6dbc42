// Bounded everything: no expression a story writes drives a recursion past a fixed
// depth (100,000 `and`s, 60,000 `+`s), and no string value grows without bound
// (`s = s + s` in a loop is a run-time fault, not 7 GB of memory).
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/temp_story.h"
#include "support/transcript.h"

namespace {

std::string chain(const std::string& first, const std::string& op, int count) {
  std::string out = first;
  out.reserve(static_cast<size_t>(count) * (op.size() + first.size()));
  for (int i = 0; i < count; ++i) out += op + first;
  return out;
}

}  // namespace

SCENARIO("an expression too long to walk safely is a located load error") {
  struct Case {
    const char* what;
    std::string scene;  // the start scene's body
    std::string error;  // a line of `check`'s output
  };
  const std::string tooLong =
      "error: expression too long: more than 2000 values and operators\n"
      "  hint: split it: compute a part in an effect (do: [part = ...]) and use the variable\n";
  const Case cases[] = {
      {"100,000 ands in a condition",
       "    text: Hi\n    choices:\n      - {text: Go, goto: start, if: \"" + chain("b", " and ", 100000) + "\"}\n",
       "a.yaml:6:6034: " + tooLong},
      {"60,000 pluses in text", "    text: \"{" + chain("1", "+", 60000) + "}\"\n    end: true\n",
       "a.yaml:4:2012: " + tooLong},
      {"a long effect", "    text: Hi\n    do: [\"n = " + chain("n", " - ", 5000) + "\"]\n    end: true\n",
       "a.yaml:5:4013: " + tooLong},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    lc::test::TempStory story(lc::test::oneChapter(
        "  b: {type: bool, initial: true}\n  n: {type: int, initial: 0}\n", "  start:\n" + c.scene));
    lc::LoadResult r = story.load();
    CHECK_FALSE(r.story);
    std::string out = lc::formatText(r.diagnostics);
    INFO(out.substr(0, 400));
    CHECK(out.find(c.error) != std::string::npos);
  }
  GIVEN("998 operators: still an expression") {
    auto story = lc::test::loadValid(lc::test::oneChapter(
        "  b: {type: bool, initial: true}\n",
        "  start:\n    text: Hi\n    choices:\n      - {text: Go, goto: end, if: \"" + chain("b", " and ", 998) +
            "\"}\n  end:\n    text: E\n    end: true\n"));
    CHECK(story);
  }
}

SCENARIO("a string that doubles in a loop stops with a run-time fault at the limit") {
  auto story = lc::test::loadValid(lc::test::oneChapter("  s: {type: string, initial: \"ab\"}\n",
                                                        "  start:\n"
                                                        "    text: Loop\n"
                                                        "    choices:\n"
                                                        "      - {text: Again, goto: start, do: [s = s + s]}\n"));
  lc::Runner r(*story);
  std::vector<std::string> lines = lc::test::play(r, std::vector<int>(20, 1));
  const std::string fault = "fault: " + story->folder + "/a.yaml:6:47: run-time error: string too long: joining gives 131072 bytes, more than the 65536 a string value may hold";
  std::string faults;
  for (const std::string& l : lines) faults += l.rfind("fault", 0) == 0 ? l + "\n" : "";
  INFO(faults);
  CHECK(std::count(lines.begin(), lines.end(), fault) == 1);
  CHECK(r.state().vars[0].text.size() == 65536);
}

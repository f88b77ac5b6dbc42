// The class report: summaries merged once per student, problems listed, never fatal.
#include <catch2/catch.hpp>

#include "app/classroom_summary.h"
#include "classroom/classroom_report.h"
#include "support/classroom.h"
#include "support/run.h"
#include "support/temp_story.h"

using lc::test::contains;

namespace {

lc::ClassReport mergeFiles(const std::map<std::string, std::string>& files) {
  std::vector<lc::ClassSummary> summaries;
  std::vector<lc::ReportProblem> problems;
  for (const auto& [name, text] : files) {
    lc::ClassSummary s;
    lc::ReportProblem p;
    if (lc::parseClassSummary(name, text, s, p)) summaries.push_back(s);
    else problems.push_back(p);
  }
  return lc::mergeSummaries(summaries, problems);
}

std::string tally(const std::vector<lc::OptionTally>& options) {
  std::string out;
  for (const auto& o : options) out += (out.empty() ? "" : ", ") + o.label + " " + std::to_string(o.count);
  return out;
}

}  // namespace

SCENARIO("a report merges several exports, a duplicate and a broken one") {
  lc::ClassReport r = mergeFiles(lc::test::classExports());
  CHECK(r.counted == 4);
  CHECK(r.storyId == "lesson");
  CHECK(r.versions == std::vector<int>{3});
  REQUIRE(r.choicePoints.size() == 2);
  CHECK(r.choicePoints[0].scene == "one.gate");
  CHECK(r.choicePoints[0].reached == 4);
  CHECK(tally(r.choicePoints[0].options) == "Walk to the pond 3, Go straight on 1");
  CHECK(r.choicePoints[1].scene == "two.fork");
  CHECK(r.choicePoints[1].reached == 3);
  CHECK(tally(r.choicePoints[1].options) == "Left 2, Right 1, Back 0");
  CHECK(tally(r.endings) == "The field 2, The sea 1");
  CHECK(r.withoutEnding == 1);
  REQUIRE(r.prompts.size() == 1);
  CHECK(r.prompts[0].reached == 4);
  CHECK(r.prompts[0].wrote == 3);
  CHECK(r.prompts[0].averageWritten() == Approx(80.0));
  CHECK(r.prompts[0].longest == 120);
  REQUIRE(r.chapters.size() == 1);
  CHECK(r.chapters[0].minutes.size() == 4);
  REQUIRE(r.problems.size() == 3);
  CHECK(r.problems[0].source == "broken.json:2:1");  // files that do not read come first
  CHECK(r.problems[0].message.rfind("not valid JSON: ", 0) == 0);
  CHECK(r.problems[1].source == "a-old.json");
  CHECK(r.problems[1].message == "duplicate of a.json (the same export id aaaa): the student is counted once, from the latest export");
  CHECK(r.problems[2].source == "other.json");
  CHECK(r.problems[2].message == "is for another story ('another-story', not 'lesson')");
}

SCENARIO("summaries that are not summaries say where they go wrong") {
  lc::ClassSummary s;
  lc::ReportProblem p;
  CHECK_FALSE(lc::parseClassSummary("x.json", "{\"a\": 1}", s, p));
  CHECK(p.source == "x.json:1:1");
  CHECK(p.message == "not a Lost Corner class summary (no \"format\" key)");
  CHECK_FALSE(lc::parseClassSummary("y.json", "{\"format\": \"lostcorner-class-summary/9\"}", s, p));
  CHECK(p.message == "unknown summary format 'lostcorner-class-summary/9' (this report reads lostcorner-class-summary/1)");
  lc::test::FakeExport fake;
  fake.id = "ffff";
  std::string text = lc::test::summaryJson(fake);
  text.replace(text.find("\"reflection_chars\": 0"), 21, "\"reflection_chars\": \"many\"");
  CHECK_FALSE(lc::parseClassSummary("z.json", text, s, p));
  CHECK(p.source == "z.json:8:107");
  CHECK(p.message == "'reflection_chars' must be a number from 0 to 100000000");
  WHEN("a number is out of range, infinite or not a number") {
    struct Case {
      std::string from, to, message;
    };
    const std::vector<Case> cases = {
        {"\"reflection_chars\": 0", "\"reflection_chars\": 1e308", "'reflection_chars' must be a number from 0 to 100000000"},
        {"\"reflection_chars\": 0", "\"reflection_chars\": .inf", "'reflection_chars' must be a number from 0 to 100000000"},
        {"\"reflection_chars\": 0", "\"reflection_chars\": nan", "'reflection_chars' must be a number from 0 to 100000000"},
        {"\"reflection_chars\": 0", "\"reflection_chars\": -1", "'reflection_chars' must be a number from 0 to 100000000"},
        {"\"minutes\": 12.5", "\"minutes\": 1e308", "'minutes' must be a number from 0 to 100000"},
        {"\"minutes\": 12.5", "\"minutes\": inf", "'minutes' must be a number from 0 to 100000"},
        {"\"version\": 3", "\"version\": 1e12", "'version' must be a number from 0 to 1000000000"},
        {"\"chapter_number\": 1", "\"chapter_number\": 2147483648", "'chapter_number' must be a number from 0 to 100000"},
    };
    lc::test::FakeExport one;
    one.id = "ffff";
    one.choices = {{"one.gate", "Walk to the pond"}};
    for (const auto& c : cases) {
      INFO(c.to);
      std::string bad = lc::test::summaryJson(one);
      REQUIRE(bad.find(c.from) != std::string::npos);
      bad.replace(bad.find(c.from), c.from.size(), c.to);
      CHECK_FALSE(lc::parseClassSummary("n.json", bad, s, p));
      CHECK(p.message == c.message);
    }
  }
}

SCENARIO("the merge stays linear: 40,000 choice points in one report") {
  std::vector<lc::ClassSummary> summaries(3);
  for (size_t k = 0; k < summaries.size(); ++k) {
    summaries[k].exportId = "id" + std::to_string(k);
    summaries[k].storyId = "big";
    for (int i = 0; i < 40000; ++i)
      summaries[k].choices.push_back({"c", "C", "s" + std::to_string(i), "S", i % 2 ? "left" : "right", 1, {"left", "right"}});
  }
  lc::ClassReport r = lc::mergeSummaries(summaries, {});
  CHECK(r.counted == 3);
  REQUIRE(r.choicePoints.size() == 40000);
  CHECK(r.choicePoints[1].reached == 3);
  CHECK(tally(r.choicePoints[1].options) == "left 3, right 0");
}

SCENARIO("lostcorner report writes one anonymous page and lists what it did not count") {
  lc::test::TempDir dir;
  for (const auto& [name, text] : lc::test::classExports()) dir.write(name, text);
  std::string page = dir.file("class.html");
  auto r = lc::test::runLostCorner("report " + dir.path() + " -o " + page, "", true);
  CHECK(r.status == 0);
  CHECK(contains(r.out, "lostcorner report: " + dir.file("a-old.json") + ": duplicate of " + dir.file("a.json")));
  CHECK(contains(r.out, "lostcorner report: " + dir.file("broken.json") + ":2:1: not valid JSON: "));
  CHECK(contains(r.out, "4 journals counted, 3 not counted; wrote " + page + "\n"));
  std::string html = lc::test::readText(page);
  CHECK(contains(html, "<p class=\"sub\">4 journals counted · story lesson (version 3)"));
  CHECK(contains(html, ">Walk to the pond</text>"));
  CHECK(contains(html, ">3 of 4 · 75%</text>"));
  CHECK(contains(html, ">0 of 3 · 0%</text>"));
  CHECK(contains(html, "<rect class=\"bar\" x=\"0\" y=\"22\" width=\"390\" height=\"24\" fill=\"#2b6cb0\"/>"));
  CHECK(contains(html, "1 of 4 had not reached an ending."));
  CHECK(contains(html, "<td class=\"num\">3 / 4</td>"));
  CHECK(contains(html, "Files not counted (3)"));
  CHECK(contains(html, "default-src 'none'"));
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "http://"));  // nothing from outside
  CHECK(html.find("https://") == std::string::npos);
  CHECK_FALSE(contains(html, "Ann"));
  WHEN("a text tries to be HTML") {
    lc::test::TempDir evil;
    evil.write("e.json", lc::test::summaryJson({"e1", "2026-03-02T10:00:00Z", "lesson",
                                                {{"one.gate", "<script>alert(1)</script>"}}, {"<b>&</b>"}, 1}));
    lc::test::runLostCorner("report " + evil.file("e.json") + " -o " + evil.file("r.html"), "");
    std::string escaped = lc::test::readText(evil.file("r.html"));
    CHECK_FALSE(contains(escaped, "<script>"));
    CHECK(contains(escaped, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(contains(escaped, "&lt;b&gt;&amp;&lt;/b&gt;"));
  }
  WHEN("nothing is given") {
    auto none = lc::test::runLostCorner("report", "", true);
    CHECK(none.status == 2);
  }
}

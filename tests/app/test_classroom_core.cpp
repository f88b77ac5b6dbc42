// The std-only classroom pieces every front end shares (classroom/classroom.h).
#include <catch2/catch.hpp>

#include "classroom/classroom.h"
#include "support/classroom.h"
#include "support/temp_story.h"

namespace {

// "carer@4-9* Sales@36-41" : term, byte range, * when first in the scene.
std::string hits(const lc::Story& story, const std::vector<lc::GlossaryHit>& found) {
  std::string out;
  for (const auto& h : found)
    out += (out.empty() ? "" : " ") + story.glossary[h.term].first + "@" + std::to_string(h.begin) + "-" +
           std::to_string(h.end) + (h.first ? "*" : "");
  return out;
}

lc::LoadResult glossaryStory() {
  static lc::test::TempStory story(lc::test::oneChapter(
      "  x: {type: int, initial: 0}\nglossary:\n  carer: a\n  the Sales: b\n  tokens: c\n  recovery centre: d\n"
      "  possible: e\n",
      "  start:\n    text: Hi.\n    end: true\n"));
  return story.load();
}

}  // namespace

SCENARIO("glossary terms are found as whole words, plurals and without their article") {
  auto loaded = glossaryStory();
  REQUIRE(loaded.story);
  const lc::Story& s = *loaded.story;
  CHECK(hits(s, lc::findGlossaryTerms(s, "The carers met a carer.")) == "carer@4-10 carer@17-22");
  CHECK(hits(s, lc::findGlossaryTerms(s, "At the Sale, one token; at the Sales, two Tokens.")) ==
        "the Sales@7-11 tokens@17-22 the Sales@31-36 tokens@42-48");
  CHECK(hits(s, lc::findGlossaryTerms(s, "A caretaker, scarer, carer’s coat; recovery centres.")) ==
        "carer@21-26 recovery centre@37-53");
  CHECK(hits(s, lc::findGlossaryTerms(s, "")) == "");
  lc::GlossaryTracker tracker;
  CHECK(hits(s, tracker.paragraph(s, "A carer and a carer.")) == "carer@2-7* carer@14-19");
  CHECK(hits(s, tracker.paragraph(s, "The carer again; tokens.")) == "carer@4-9 tokens@17-23*");
  tracker.newScene();
  CHECK(hits(s, tracker.paragraph(s, "The carer.")) == "carer@4-9*");
  CHECK(lc::markGlossaryTerms("A carer and a carer.", tracker.paragraph(s, "")) == "A carer and a carer.");
  lc::GlossaryTracker fresh;
  CHECK(lc::markGlossaryTerms("A Carer and the Sales.", fresh.paragraph(s, "A Carer and the Sales.")) == "A Carer* and the Sales*.");
  CHECK(lc::findGlossaryEntry(s, "sales") == 1);
  CHECK(lc::findGlossaryEntry(s, "The SALES") == 1);
  CHECK(lc::findGlossaryEntry(s, "carers") == 0);
  CHECK(lc::findGlossaryEntry(s, "token") == 2);
  CHECK(lc::findGlossaryEntry(s, "donor") == -1);
}

SCENARIO("chapter pacing: a teacher code closes what the plan does not open") {
  lc::test::TempStory story(lc::test::kLessonStory);
  auto loaded = story.load();
  REQUIRE(loaded.story);
  const lc::Story& s = *loaded.story;
  lc::ClassroomOptions o;
  CHECK_FALSE(lc::ChapterPacing::fromOptions(s, o).teacherPaced());  // no code, no plan: all open
  o.teacherCode = " Oak ";
  lc::ChapterPacing pacing = lc::ChapterPacing::fromOptions(s, o);
  CHECK(pacing.isOpen(0));
  CHECK_FALSE(pacing.isOpen(1));
  int opened = -1;
  CHECK(pacing.open("pine", -1, opened) == lc::OpenResult::WrongCode);
  CHECK_FALSE(pacing.isOpen(1));
  CHECK(pacing.open("OAK", -1, opened) == lc::OpenResult::Opened);
  CHECK(opened == 1);
  CHECK(pacing.isOpen(1));
  CHECK(pacing.open("oak", -1, opened) == lc::OpenResult::NothingClosed);
  o.homework = true;
  CHECK_FALSE(lc::ChapterPacing::fromOptions(s, o).teacherPaced());
  o.homework = false;
  o.teacherCode.clear();
  o.hasOpenList = true;  // a plan that opens nothing still opens the start chapter
  lc::ChapterPacing plan = lc::ChapterPacing::fromOptions(s, o);
  CHECK(plan.isOpen(0));
  CHECK_FALSE(plan.isOpen(1));
  CHECK(plan.open("anything", 1, opened) == lc::OpenResult::NoCode);
}

SCENARIO("typed lines are kept as valid UTF-8") {
  CHECK(lc::cleanTypedLine("café — ok\r") == "café — ok");
  CHECK(lc::cleanTypedLine("a\x01z\tb") == "az\tb");
  CHECK(lc::cleanTypedLine("bad \xC3 end") == "bad \xEF\xBF\xBD end");
  CHECK(lc::cleanTypedLine("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate is not UTF-8
  CHECK(lc::cleanTypedLine("\xF0\x9F\x8C\xB1 tree") == "\xF0\x9F\x8C\xB1 tree");
}

SCENARIO("the lesson timer and the alarm ring once") {
  lc::LessonTimer none;
  CHECK_FALSE(none.active());
  CHECK_FALSE(none.warningDue(1LL << 40));
  lc::LessonTimer timer(0, 50, 5);
  CHECK(timer.minutesLeft(0) == 50);
  CHECK_FALSE(timer.warningDue(45 * 60000 - 1));
  CHECK(timer.warningDue(45 * 60000));
  CHECK_FALSE(timer.warningDue(46 * 60000));
  CHECK(timer.minutesLeft(45 * 60000) == 5);
  CHECK(timer.minutesLeft(60 * 60000) == 0);
}

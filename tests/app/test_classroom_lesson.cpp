// A lesson in-process, with a clock the test moves: timer, countdown, time per chapter,
// and the lesson plan file.
#include <catch2/catch.hpp>

#include "load/file_io.h"
#include "load/lesson_plan.h"
#include "support/classroom.h"
#include "support/run.h"
#include "support/temp_story.h"

using lc::test::contains;

namespace {

// One lesson: the story, a clock, a text presenter writing into memory, a session.
struct Lesson {
  explicit Lesson(void (*setup)(lc::ClassroomOptions&) = nullptr) {
    loaded = story.load();
    REQUIRE(loaded.story);
    presenter = lc::makeTextPresenter(out.file(), false);
    lc::SessionOptions options;
    options.saveDir = saves.path();
    options.classroom.enabled = true;
    options.classroom.now = clock.fn();
    options.classroom.exportDir = exports.path();
    options.classroom.exportId = "0123456789abcdef0123456789abcdef";
    if (setup) setup(options.classroom);
    session = std::make_unique<lc::ConsoleSession>(*loaded.story, *presenter, options);
  }
  void lines(std::initializer_list<const char*> input) {
    for (const char* l : input) session->handleLine(l);
  }

  lc::test::TempStory story{lc::test::kLessonStory};
  lc::test::TempDir saves, exports;
  lc::LoadResult loaded;
  lc::test::FakeClock clock;
  lc::test::CapturedOutput out;
  std::unique_ptr<lc::Presenter> presenter;
  std::unique_ptr<lc::ConsoleSession> session;
};

}  // namespace

SCENARIO("the lesson timer warns once, five minutes before the end, and autosaves") {
  Lesson lesson([](lc::ClassroomOptions& o) { o.lessonMinutes = 50; });
  lesson.session->start();
  CHECK(lesson.out.fresh().rfind("[Lesson timer: 50 minutes; a reminder 5 minutes before the end, with an autosave]\n", 0) == 0);
  lesson.clock.advanceMinutes(44.9);
  CHECK_FALSE(lesson.session->tick());
  CHECK(lesson.out.fresh() == "");
  lesson.clock.advanceMinutes(0.1);
  CHECK(lesson.session->tick());
  CHECK(lesson.out.fresh() ==
        "[About 5 minutes of the lesson left]\n[Saved to slot auto: " + lesson.saves.path() + "/auto.save]\n");
  CHECK(lc::fileExists(lesson.saves.file("auto.save")));
  lesson.clock.advanceMinutes(1);
  CHECK_FALSE(lesson.session->tick());
  WHEN("the warning falls due while the class is typing, it comes before the line's answer") {
    Lesson late([](lc::ClassroomOptions& o) { o.lessonMinutes = 10; o.warningMinutes = 2; });
    late.session->start();
    late.out.fresh();
    late.clock.advanceMinutes(8);
    late.lines({""});
    CHECK(late.out.fresh().rfind("[About 2 minutes of the lesson left]\n[Saved to slot auto: ", 0) == 0);
  }
}

SCENARIO("a discussion pause counts down but waits for Enter") {
  Lesson lesson([](lc::ClassroomOptions& o) { o.pauseSeconds = 90; });
  lesson.session->start();
  CHECK(contains(lesson.out.fresh(), "[Discussion time: 1:30. Press Enter to go on.]\n"));
  lesson.clock.advanceMinutes(89.0 / 60);
  CHECK_FALSE(lesson.session->tick());
  lesson.clock.advanceMinutes(1.0 / 60);
  CHECK(lesson.session->tick());
  CHECK(lesson.out.fresh() == "[Discussion time is up. Press Enter to go on.]\n");
  lesson.clock.advanceMinutes(5);
  CHECK_FALSE(lesson.session->tick());
  lesson.lines({"glossary carer"});  // commands still work during the pause
  CHECK(lesson.out.fresh() == "carer: Someone who looks after donors.\n");
  CHECK(lesson.session->runner().phase() == lc::Phase::Choosing);
  lesson.lines({""});
  CHECK(lesson.out.fresh() == "[Journal] How does Kathy feel?\n\n"
                              "(Write as many lines as you like; finish with a line holding only a full stop: .)\n");
  lesson.lines({"Unsure.", "."});
  CHECK(lesson.out.fresh() == "[Saved in your journal: 7 characters]\n\n  1. Walk to the pond\n  2. Go straight on\n");
}

SCENARIO("the export tells the time spent in each chapter") {
  Lesson lesson;
  lesson.session->start();
  lesson.clock.advanceMinutes(3);
  lesson.lines({"", "Lonely.", "."});
  lesson.clock.advanceMinutes(1);
  lesson.lines({"2"});
  lesson.clock.advanceMinutes(2);
  lesson.lines({"export"});
  CHECK(contains(lesson.out.text(), "[Journal exported to " + lesson.exports.path() + ":]\n"));
  auto json = lc::test::filesEndingWith(lesson.exports.path(), ".json");
  REQUIRE(json.size() == 1);
  std::string summary = lc::test::readText(json[0]);
  CHECK(contains(summary, "\"export_id\": \"0123456789abcdef0123456789abcdef\",\n  \"exported_at\": \"2026-03-02T09:06:00Z\",\n"));
  CHECK(contains(summary, "\"chapters\": [\n    {\"id\": \"one\", \"title\": \"One\", \"minutes\": 4.0},\n"
                          "    {\"id\": \"two\", \"title\": \"Two\", \"minutes\": 2.0}\n  ]\n}\n"));
  CHECK_FALSE(contains(summary, "\"student\""));  // no name unless the student gives one
  std::string md = lc::test::readText(lc::test::filesEndingWith(lesson.exports.path(), ".md").at(0));
  CHECK(contains(md, "| One | 4 min |\n| Two | 2 min |\n"));
  WHEN("the student restarts after the ending, the export still tells the finished route") {
    lesson.lines({"restart", "export"});
    std::string again = lc::test::readText(lc::test::filesEndingWith(lesson.exports.path(), ".md").at(0));
    CHECK(contains(again, "1. **The gate** — you chose: “Go straight on”\n"));
    CHECK(contains(again, "## Endings reached\n\n- The field\n"));
  }
}

SCENARIO("a lesson plan sets open chapters, pauses and the timer, with file:line:col errors") {
  lc::test::TempStory story(lc::test::kLessonStory);
  auto loaded = story.load();
  REQUIRE(loaded.story);
  GIVEN("a good plan") {
    lc::Diagnostics diags;
    auto plan = lc::parseLessonPlan("plan.yaml", "title: Monday\nopen_chapters: [one]\npause_seconds: 60\n"
                                                 "length_minutes: 45\nwarning_minutes: 10\n", *loaded.story, diags);
    REQUIRE(plan);
    CHECK(diags.items().empty());
    lc::ClassroomOptions options;
    options.pauseSeconds = 30;  // given on the command line: wins
    lc::applyLessonPlan(*plan, options, true, false);
    CHECK(options.hasOpenList);
    CHECK(options.openChapters == std::vector<int>{0});
    CHECK(options.pauseSeconds == 30);
    CHECK(options.lessonMinutes == 45);
    CHECK(options.warningMinutes == 10);
  }
  GIVEN("a plan with mistakes") {
    lc::Diagnostics diags;
    auto plan = lc::parseLessonPlan("plan.yaml", "open_chapters: [one, tow]\npause_seconds: ninety\n"
                                                 "length_minutes: 5\nwarning_minute: 5\nwarning_minutes: 7\n", *loaded.story, diags);
    CHECK_FALSE(plan);
    diags.sort();
    CHECK(lc::formatText(diags) ==
          "plan.yaml:4:1: warning: unknown key 'warning_minute' in the lesson plan (ignored)\n"
          "  hint: did you mean 'warning_minutes'?\n"
          "plan.yaml:1:22: error: no chapter 'tow' in story 'lesson'\n  hint: the chapters are: one, two\n"
          "plan.yaml:2:16: error: 'pause_seconds' of the lesson plan must be a whole number, got 'ninety'\n"
          "  hint: write a decimal integer such as 3\n"
          "plan.yaml:5:18: error: 'warning_minutes' (7) must be less than 'length_minutes' (5)\n"
          "  hint: the warning comes this many minutes before the end of the lesson\n");
  }
  GIVEN("the plan on the command line") {
    lc::test::TempDir dir;
    dir.write("bad.yaml", "open_chapters: one\n");
    auto bad = lc::test::runLostCorner("play " + story.path() + " --text --lesson " + dir.file("bad.yaml"), "", true);
    CHECK(bad.status == 2);
    CHECK(contains(bad.out, dir.file("bad.yaml") + ":1:16: error: 'open_chapters' must be a list of chapter names, got a single value\n"));
    dir.write("closed.yaml", "open_chapters: [one]\n");
    auto closed = lc::test::runLostCorner("play " + story.path() + " --text --save-dir " + dir.path() + " --lesson " +
                                          dir.file("closed.yaml"), "\n.\n2\nopen x\nquit\n");
    CHECK(contains(closed.out, "[These chapters stay closed in this lesson (no teacher code was set): Two]\n"));
    CHECK(contains(closed.out, "[The class waits here: the chapter \"Two\" is not open yet.]\n"));
    CHECK(contains(closed.out, "! no teacher code was set for this lesson (lostcorner play --teacher-code CODE): the closed chapters stay closed\n"));
    auto missing = lc::test::runLostCorner("play " + story.path() + " --text --lesson " + dir.file("none.yaml"), "", true);
    CHECK(missing.status == 2);
    CHECK(contains(missing.out, dir.file("none.yaml") + ": error: cannot read the lesson plan: No such file or directory\n"));
  }
}

SCENARIO("only a line that is exactly a full stop ends a journal entry") {
  Lesson lesson;
  lesson.session->start();
  lesson.lines({""});  // the discussion is over: the journal question
  lesson.out.fresh();
  lesson.lines({"I think she knows.", " . "});
  CHECK(lesson.out.fresh() == "[Kept as text. To finish, type a line that is exactly a full stop (.), with no spaces]\n");
  lesson.lines({"1", "."});  // "1" is text here, not a choice
  CHECK(lesson.out.fresh() == "[Saved in your journal: 24 characters]\n\n  1. Walk to the pond\n  2. Go straight on\n");
  REQUIRE(lesson.session->runner().state().journal.size() == 1);
  CHECK(lesson.session->runner().state().journal[0].answer == "I think she knows.\n . \n1");
  CHECK(lesson.session->runner().state().scene == lesson.loaded.story->findScene("one.gate"));
}

SCENARIO("short lessons: the reminder comes halfway, and one minute is one minute") {
  struct Case {
    int length, warning;
    std::string notice;
    double dueAfter;  // minutes
    std::string reminder;
  };
  const std::vector<Case> cases = {
      {1, 5, "[Lesson timer: 1 minute; a reminder halfway through, with an autosave]\n", 0.5, "[About 1 minute of the lesson left]\n"},
      {5, 5, "[Lesson timer: 5 minutes; a reminder halfway through, with an autosave]\n", 2.5, "[About 3 minutes of the lesson left]\n"},
      {6, 5, "[Lesson timer: 6 minutes; a reminder 5 minutes before the end, with an autosave]\n", 1, "[About 5 minutes of the lesson left]\n"},
      {10, 1, "[Lesson timer: 10 minutes; a reminder 1 minute before the end, with an autosave]\n", 9, "[About 1 minute of the lesson left]\n"},
      {3, 0, "[Lesson timer: 3 minutes; a reminder at the end, with an autosave]\n", 3, "[Under a minute of the lesson left]\n"},
  };
  for (const auto& c : cases) {
    INFO(c.notice);
    static Case current;
    current = c;
    Lesson lesson([](lc::ClassroomOptions& o) { o.lessonMinutes = current.length; o.warningMinutes = current.warning; });
    lesson.session->start();
    CHECK(lesson.out.fresh().rfind(c.notice, 0) == 0);
    lesson.clock.advanceMinutes(c.dueAfter - 0.05);
    CHECK_FALSE(lesson.session->tick());
    lesson.clock.advanceMinutes(0.05);
    CHECK(lesson.session->tick());
    CHECK(lesson.out.fresh().rfind(c.reminder, 0) == 0);
  }
}

// One lesson model (classroom/lesson.h) for the terminal, the protocol and the window, and
// the plan's `exam: true`: a chapter's exam questions come as the class leaves it (before
// the next chapter's first scene) or as the story ends there, each chapter once, in the
// version the plan's level asks; the answers go into the journal and its export.
#include <catch2/catch.hpp>

#include "classroom/lesson.h"
#include "load/file_io.h"
#include "support/classroom.h"
#include "support/temp_story.h"

using lc::test::contains;

namespace {

const std::map<std::string, std::string> kExamStory = {
    {"story.yaml", "format: lostcorner/1\nid: exam\ntitle: Exam\nstart: one.gate\nchapters: [one.yaml, two.yaml]\n"},
    {"one.yaml",
     "chapter: one\ntitle: One\n"
     "exam:\n  - {ask: \"How does the writer present the gate?\", ao: [AO1, AO2],\n"
     "     stretch: \"How far does the writer make the gate stand for what is kept back?\"}\n"
     "scenes:\n  gate:\n    title: The gate\n    text: The gate is shut.\n    choices:\n"
     "      - {text: Walk on, goto: two.field}\n"},
    {"two.yaml",
     "chapter: two\ntitle: Two\ncontent_note: \"Grief.\"\nexam:\n  - {ask: \"How is the ending presented?\", ao: "
     "[AO2]}\n"
     "scenes:\n  field:\n    title: The field\n    text: A wide field.\n    end: true\n    ending: The field\n"},
};

struct ExamLesson {
  explicit ExamLesson(bool exam) {
    loaded = story.load();
    REQUIRE(loaded.story);
    presenter = lc::makeTextPresenter(out.file(), false);
    lc::SessionOptions options;
    options.saveDir = saves.path();
    options.classroom.enabled = true;
    options.classroom.now = clock.fn();
    options.classroom.exportDir = exports.path();
    options.classroom.exportId = "0123456789abcdef0123456789abcdef";
    options.classroom.exam = exam;
    options.classroom.level = lc::AskLevel::Stretch;
    options.classroom.plenary = "What stays with you?";
    session = std::make_unique<lc::ConsoleSession>(*loaded.story, *presenter, options);
  }
  lc::test::TempStory story{kExamStory};
  lc::test::TempDir saves, exports;
  lc::LoadResult loaded;
  lc::test::FakeClock clock;
  lc::test::CapturedOutput out;
  std::unique_ptr<lc::Presenter> presenter;
  std::unique_ptr<lc::ConsoleSession> session;
};

}  // namespace

SCENARIO("exam: true asks a chapter's exam questions as the class leaves it, and at the ending") {
  ExamLesson lesson(true);
  lesson.session->start();
  lesson.out.fresh();
  lesson.session->handleLine("1");
  const std::string left = lesson.out.fresh();
  INFO(left);
  THEN("the question of chapter one, in its stretch version, comes before chapter two's note and heading") {
    const size_t exam = left.find(
        "[Exam question for the end of \"One\" (AO1, AO2; answer from the novel itself): "
        "How far does the writer make the gate stand for what is kept back?]\n");
    REQUIRE(exam != std::string::npos);
    CHECK(left.find("Grief.") == std::string::npos);  // the next chapter waits for the answer
  }
  lesson.session->handleLine("It is shut, like what they are told.");
  lesson.session->handleLine(".");
  const std::string on = lesson.out.fresh();
  INFO(on);
  CHECK(contains(on, "Grief."));
  CHECK(contains(on, "A wide field."));
  CHECK(contains(
      on,
      "[Exam question for the end of \"Two\" (AO2; answer from the novel itself): How is the ending presented?]\n"));
  CHECK_FALSE(contains(on, "Plenary"));  // after the answers
  lesson.session->handleLine("Quietly.");
  lesson.session->handleLine(".");
  CHECK(contains(lesson.out.fresh(), "[Plenary: What stays with you?]"));
  const auto& journal = lesson.session->runner().state().journal;
  REQUIRE(journal.size() == 2);
  CHECK(journal[0].scene == lesson.loaded.story->findScene("one.gate"));
  CHECK(journal[0].question == "How far does the writer make the gate stand for what is kept back?");
  CHECK(journal[0].answer == "It is shut, like what they are told.");
  CHECK(journal[1].scene == lesson.loaded.story->findScene("two.field"));
  lesson.session->handleLine("export");
  auto md = lc::test::filesEndingWith(lesson.exports.path(), ".md");
  REQUIRE(md.size() == 1);
  CHECK(contains(lc::test::readText(md[0]), "How far does the writer make the gate stand for what is kept back?"));
}

SCENARIO("without exam: true no exam question is asked") {
  ExamLesson lesson(false);
  lesson.session->start();
  lesson.session->handleLine("1");
  const std::string out = lesson.out.text();
  CHECK_FALSE(contains(out, "Exam question"));
  CHECK(contains(out, "[Plenary: What stays with you?]"));
}

SCENARIO("the lesson model: exam questions each chapter once, as play moves on to a later chapter or ends") {
  auto story = lc::test::loadValid(kExamStory);
  lc::ClassroomOptions options;
  options.exam = true;
  int64_t now = 0;
  lc::Lesson lesson(
      *story, options, [&] { return now; }, "session");
  lc::State state;
  auto enter = [&](const char* scene) {
    lc::Event e;
    e.type = lc::EventType::SceneEntered;
    e.scene = story->findScene(scene);
    lesson.noteEvent(*story, e, state);
  };
  enter("one.gate");
  CHECK(lesson.takeExam().empty());
  enter("two.field");
  auto due = lesson.takeExam();
  REQUIRE(due.size() == 1);
  CHECK(due[0].ask == "How does the writer present the gate?");  // core: the plan's default level
  CHECK(due[0].scene == story->findScene("one.gate"));
  CHECK(due[0].ao == (1 | 2));
  enter("one.gate");  // back (a load, or back): nothing
  enter("two.field");
  CHECK(lesson.takeExam().empty());  // chapter one's were asked already
  lc::Event ended;
  ended.type = lc::EventType::Ended;
  ended.scene = story->findScene("two.field");
  lesson.noteEvent(*story, ended, state);
  due = lesson.takeExam();
  REQUIRE(due.size() == 1);
  CHECK(due[0].ask == "How is the ending presented?");
  CHECK(lesson.takePlenary() == "");  // none in the plan
  CHECK(lesson.exportId(state) == "session");
}

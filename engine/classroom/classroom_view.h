// The journal export's shape, shared by its Markdown, HTML and JSON writers: the route
// cut into chapters, each step with the notes written there.
#pragma once
#include <string>
#include <vector>

#include "classroom/classroom_export.h"

namespace lc {

struct RouteStep {
  int scene = -1;
  std::string choice;                      // "" while still there, or for a lone Continue
  std::vector<const JournalEntry*> notes;  // written at this scene (first visit only)
};

struct ChapterRun {  // consecutive steps in one chapter
  int chapter = -1;
  std::vector<RouteStep> steps;
};

// A question the student met on the route: a discussion prompt or a journal question.
struct RouteQuestion {
  int scene = -1;
  std::string kind;  // predict, question, clarify, summarise, connect, or journal
  std::string ask;
  size_t reflectionChars = 0;  // code points the student wrote in the journal at that scene
  AoSet ao = 1;                // the objectives it is tagged with (untagged: AO1)
};

// The answers the student wrote, under each assessment objective (an answer to a question
// tagged with two is under both); empty when the story tags none of its questions.
struct ObjectiveAnswers {
  int objective = 0;  // 0 = AO1
  std::vector<const JournalEntry*> answers;
};

struct JournalView {
  std::vector<ChapterRun> runs;
  std::vector<const JournalEntry*> otherNotes;  // written at scenes not on this route
  std::vector<RouteQuestion> questions;
  std::vector<ObjectiveAnswers> byObjective;
};

// Whether a story tags any prompt, journal question or exam question with `ao`.
bool storyHasObjectives(const Story& story);
// The objectives of the question a journal entry answers (the scene's prompt or journal
// question, or an exam question of its chapter, in any version), 0 for a note of its own.
AoSet answerObjectives(const Story& story, const JournalEntry& entry);
// "AO2: the writer's methods".
std::string objectiveHeading(int objective);

JournalView buildJournalView(const JournalExport& in);
// Chapters to list under "time spent": those on the route or with time in them.
std::vector<int> chaptersTimed(const JournalExport& in);
int64_t chapterMs(const JournalExport& in, int chapter);
std::string sceneName(const Scene& scene);      // title, or the id when untitled
std::string chapterName(const Chapter& chapter);

}  // namespace lc

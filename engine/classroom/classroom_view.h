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
};

struct JournalView {
  std::vector<ChapterRun> runs;
  std::vector<const JournalEntry*> otherNotes;  // written at scenes not on this route
  std::vector<RouteQuestion> questions;
};

JournalView buildJournalView(const JournalExport& in);
// Chapters to list under "time spent": those on the route or with time in them.
std::vector<int> chaptersTimed(const JournalExport& in);
int64_t chapterMs(const JournalExport& in, int chapter);
std::string sceneName(const Scene& scene);      // title, or the id when untitled
std::string chapterName(const Chapter& chapter);

}  // namespace lc

// The class report: many students' JSON summaries (classSummaryJson) merged into one
// anonymous, self-contained, printable page. Reading the files is the caller's
// (lostcorner report); this is the merge and the page, std only.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lc {

// The bars' fill colour in the report's SVG charts (the screenshot test looks for it).
inline constexpr const char* kReportBarColour = "#2b6cb0";

struct SummaryChoice {
  std::string chapter, chapterTitle, scene, sceneTitle, choice;
  int chapterNumber = 0;
  std::vector<std::string> options;  // every choice the scene has, in story order
};

struct SummaryPrompt {
  std::string scene, kind, ask;
  size_t reflectionChars = 0;
  uint8_t ao = 0;  // assessment objectives as bits (AO1 = 1); 0: the summary names none
};

// One student's summary, as read from an export's .json.
struct ClassSummary {
  std::string source;  // the file it came from
  std::string exportId, exportedAt, storyId, storyTitle;
  std::string student;  // "" unless the student exported with a name
  int storyVersion = 0;
  std::vector<SummaryChoice> choices;
  std::vector<std::string> endings;
  std::vector<SummaryPrompt> prompts;
  std::vector<std::pair<std::string, double>> chapterMinutes;  // chapter title, minutes
};

// A file that was not counted, and why.
struct ReportProblem {
  std::string source;   // the file, with :line:col when the mistake has a place
  std::string message;
};

struct OptionTally {
  std::string label;
  int count = 0;
};

struct ChoicePointTally {
  std::string scene, sceneTitle, chapterTitle;
  int chapterNumber = 0;
  int reached = 0;  // students who made a choice here
  std::vector<OptionTally> options;
};

struct PromptTally {
  std::string scene, kind, ask;
  int reached = 0;  // students who met the question
  int wrote = 0;    // ... and wrote something there
  size_t totalChars = 0, longest = 0;
  uint8_t ao = 0;  // as SummaryPrompt
  double averageWritten() const { return wrote ? double(totalChars) / wrote : 0.0; }
};

struct ChapterTime {
  std::string title;
  std::vector<double> minutes;  // one per student who spent time there
};

struct ClassReport {
  std::string storyId, storyTitle;
  std::vector<int> versions;
  int counted = 0;
  std::vector<ReportProblem> problems;
  std::vector<ChoicePointTally> choicePoints;  // by chapter, then first seen
  std::vector<OptionTally> endings;            // most reached first
  int withoutEnding = 0;
  std::vector<PromptTally> prompts;  // longest average reflection first
  std::vector<ChapterTime> chapters;
  std::vector<ClassSummary> students;  // the counted summaries, for the per-student view
};

// Duplicates (same export id: the latest export counts) and summaries of another story
// (the story most summaries are for wins) are added to the problems, never counted.
ClassReport mergeSummaries(std::vector<ClassSummary> summaries, std::vector<ReportProblem> problems);
std::string classReportHtml(const ClassReport& report, int64_t nowMs);

}  // namespace lc

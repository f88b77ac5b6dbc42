// The reading-journal export: what a student hands in. Three files from one lesson:
//   <story>-journal-<date>.md    the journal to read or edit
//   <story>-journal-<date>.html  the same, self-contained and printable (no external
//                                resources, everything escaped)
//   <story>-journal-<date>.json  a summary of choices for the class report (no text
//                                of the reflections, only their lengths)
// Pure text out; writing the files is the front end's (lc::writeFileAtomically).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "classroom/classroom.h"
#include "core/state.h"
#include "core/story.h"

namespace lc {

inline constexpr const char* kClassSummaryFormat = "lostcorner-class-summary/1";

// The id an export carries: one given on purpose (ClassroomOptions::exportId: tests,
// tools), else the game's own (State::exportId, kept across restarts and saves), else
// this session's.
inline const std::string& exportIdFor(const std::string& given, const State& state, const std::string& session) {
  return !given.empty() ? given : !state.exportId.empty() ? state.exportId : session;
}

struct JournalExport {
  const Story& story;
  const State& state;
  const ClassroomRecord& record;
  std::string exportId;  // State::exportId: the same for every export of one student's game
  std::string student;   // "" unless the student gave a name
  int64_t nowMs = 0;
};

struct ExportFile {
  std::string name;  // file name, no folder
  std::string contents;
};

// The three files, named <story id>-journal-<local date>.{md,html,json}.
std::vector<ExportFile> journalExportFiles(const JournalExport& in);
std::string journalMarkdown(const JournalExport& in);
std::string journalHtml(const JournalExport& in);
std::string classSummaryJson(const JournalExport& in);

// &, <, >, " and ' as entities: safe in element text and in attribute values.
std::string htmlEscape(std::string_view text);
// "12 min", "under a minute".
std::string minutesText(int64_t ms);

}  // namespace lc

// The reading-journal export: what a student hands in. Three files from one lesson,
// named <story>-journal-<name>-<id>-<date> (the name only when the student gave one; the
// id is the first 6 hex digits of the export id, so two students of the same name, or
// none, still differ):
//   .md    the journal to read or edit (every field escaped: no student's markup is live)
//   .html  the same, self-contained and printable (no external resources, everything escaped)
//   .json  a summary of choices for the class report (no text of the reflections, only
//          their lengths)
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

// "lesson-journal-ann-lee-3f2a9c-2026-03-02": the files' name without its extension.
std::string journalExportStem(const JournalExport& in);
// The three files, named <stem>.{md,html,json}.
std::vector<ExportFile> journalExportFiles(const JournalExport& in, const std::string& stem);
std::string journalMarkdown(const JournalExport& in);
std::string journalHtml(const JournalExport& in);
std::string classSummaryJson(const JournalExport& in);

// &, <, >, " and ' as entities: safe in element text and in attribute values.
std::string htmlEscape(std::string_view text);
// `text` with a backslash before each character that could be Markdown markup, a link or
// HTML; newlines become spaces. `lineStart`: the text begins a line (so "-", "+", "="
// there would make a list or a heading).
std::string markdownEscape(std::string_view text, bool lineStart);
// `text` as part of a file name: at most `maxCodePoints`, lower-case ASCII letters and
// digits and UTF-8 letters kept, runs of anything else as one "-".
std::string fileNamePart(std::string_view text, size_t maxCodePoints);
// "12 min", "under a minute".
std::string minutesText(int64_t ms);

}  // namespace lc

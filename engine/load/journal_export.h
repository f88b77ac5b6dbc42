// Writing a reading-journal export to the folder the student chose. The contents come
// from classroom/classroom_export.h; here they only reach the disk (atomically, so an export
// interrupted half way never leaves a broken file behind).
#pragma once
#include <string>
#include <vector>

#include "classroom/classroom_export.h"
#include "classroom/lesson.h"
#include "platform/env.h"  // expandHome, documentsDir

namespace lc {

// The stem journalExportStem gives, or "<stem>-2", "-3"... when files of that name in
// `folder` belong to another student (a different export id): one student's export
// never replaces another's.
std::string freeExportStem(const JournalExport& in, const std::string& folder);

// Writes the .md, .html and .json files into `folder` (created if missing); exporting
// again replaces only this student's own files, keeping the previous ones as .bak. On success
// fills `paths`; on failure says why in `error` (files written before it stay).
bool writeJournalExport(const JournalExport& in, const std::string& folder, std::vector<std::string>& paths,
                        std::string& error);

// A lesson's export (every front end's): into `typedFolder` (~ expanded), or the lesson's
// export folder, or documentsDir(); `usedFolder` says which. The record's time is brought
// up to now first.
bool exportLessonJournal(Lesson& lesson, const Story& story, const State& state, const std::string& typedFolder,
                         std::vector<std::string>& paths, std::string& error, std::string& usedFolder);

}  // namespace lc

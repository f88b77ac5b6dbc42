#include "load/journal_export.h"

#include "load/file_io.h"
#include "load/save_store.h"

namespace lc {

namespace {

// Another student's file: it exists and does not carry this export's id. (Every export
// file names its id; a file that cannot be read is taken as someone else's.)
bool someoneElses(const std::string& path, const std::string& exportId) {
  if (!fileExists(path) && !isDirectory(path)) return false;
  std::string text, why;
  return !readFile(path, text, why, size_t(64) << 20) || text.find(exportId) == std::string::npos;
}

}  // namespace

std::string freeExportStem(const JournalExport& in, const std::string& folder) {
  const std::string base = journalExportStem(in);
  for (int n = 1;; ++n) {
    std::string stem = n == 1 ? base : base + "-" + std::to_string(n);
    bool free = true;
    for (const char* ext : {".md", ".html", ".json"})
      free = free && !someoneElses(joinPath(folder, stem + ext), in.exportId);
    if (free || n == 1000) return stem;
  }
}

bool writeJournalExport(const JournalExport& in, const std::string& folder, std::vector<std::string>& paths,
                        std::string& error) {
  paths.clear();
  for (const ExportFile& file : journalExportFiles(in, freeExportStem(in, folder))) {
    std::string path = joinPath(folder, file.name);
    if (!writeFileAtomically(path, file.contents, error)) {
      error = path + ": " + error;
      return false;
    }
    paths.push_back(path);
  }
  return true;
}

bool exportLessonJournal(Lesson& lesson, const Story& story, const State& state, const std::string& typedFolder,
                         std::vector<std::string>& paths, std::string& error, std::string& usedFolder) {
  usedFolder = !typedFolder.empty()                  ? expandHome(typedFolder)
               : !lesson.options().exportDir.empty() ? lesson.options().exportDir
                                                     : documentsDir();
  const int64_t t = lesson.now();
  lesson.record().noteTime(t);
  const JournalExport in{story, state, lesson.record(), lesson.exportId(state), lesson.student, t};
  return writeJournalExport(in, usedFolder, paths, error);
}

}  // namespace lc

#include "load/journal_export.h"

#include <cstdlib>

#include "load/file_io.h"
#include "load/save_store.h"

namespace lc {

std::string expandHome(const std::string& path) {
  const char* home = std::getenv("HOME");
  if (!home || !*home || path.empty() || path[0] != '~') return path;
  if (path.size() == 1) return home;
  if (path[1] == '/') return std::string(home) + path.substr(1);
  return path;  // ~user: left to the shell
}

bool writeJournalExport(const JournalExport& in, const std::string& folder, std::vector<std::string>& paths,
                        std::string& error) {
  paths.clear();
  for (const ExportFile& file : journalExportFiles(in)) {
    std::string path = joinPath(folder, file.name);
    if (!writeFileAtomically(path, file.contents, error)) {
      error = path + ": " + error;
      return false;
    }
    paths.push_back(path);
  }
  return true;
}

}  // namespace lc

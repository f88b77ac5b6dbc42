// Writing a reading-journal export to the folder the student chose. The contents come
// from classroom/classroom_export.h; here they only reach the disk (atomically, so an export
// interrupted half way never leaves a broken file behind).
#pragma once
#include <string>
#include <vector>

#include "classroom/classroom_export.h"

namespace lc {

// "~/x" -> "$HOME/x"; other paths as they are.
std::string expandHome(const std::string& path);

// Writes the .md, .html and .json files into `folder` (created if missing). On success
// fills `paths`; on failure says why in `error` (files written before it stay).
bool writeJournalExport(const JournalExport& in, const std::string& folder, std::vector<std::string>& paths,
                        std::string& error);

}  // namespace lc

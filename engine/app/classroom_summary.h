// Reading a student's JSON summary (classroom/classroom_export.h) for the class report.
// JSON is YAML, so lc::yaml::parse reads it, with line:col for every mistake.
#pragma once
#include <string>

#include "classroom/classroom_report.h"

namespace lc {

// Parses `text` (from `path`, used in messages). False when it is not a summary, with
// where and why in `problem` ({"class/7.json:3:14", "'export_id' must be a text"}).
bool parseClassSummary(const std::string& path, std::string text, ClassSummary& out, ReportProblem& problem);
// Reads the file, then parseClassSummary.
bool readClassSummary(const std::string& path, ClassSummary& out, ReportProblem& problem);

}  // namespace lc

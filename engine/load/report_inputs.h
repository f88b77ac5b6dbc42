// What `lostcorner report` reads: the summaries (.json) in the files, folders (searched
// to any depth) and .zip archives a teacher names. Every file read is a regular file of
// bounded size (never a FIFO or a device); every file passed over that could have been
// a student's work is named with the reason, so a report never drops one silently.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "classroom/classroom_report.h"
#include "load/zip_read.h"

namespace lc {

struct ReportLimits {
  size_t maxSummaryBytes = size_t(4) << 20;  // one summary (a real one is a few KiB)
  size_t maxZipBytes = size_t(512) << 20;    // one archive on disk
  size_t maxTotalBytes = size_t(256) << 20;  // every summary's text together
  int maxDepth = 24;                         // folders inside folders
  ZipLimits zip;
};

struct ReportInput {
  std::string source;  // "class/ann.json", or "download.zip/ann/ann.json" inside an archive
  std::string text;
};

struct ReportInputs {
  std::vector<ReportInput> summaries;
  std::vector<ReportProblem> skipped;  // files not read, and why
  size_t ignored = 0;                  // the exports' own .md, .html and .bak copies
};

// `args` in order; folders sorted by name, so the report is the same each time.
ReportInputs collectReportInputs(const std::vector<std::string>& args, const ReportLimits& limits = {});

}  // namespace lc

// lostcorner report: a class's journal summaries merged into one anonymous page.
#include <dirent.h>

#include <algorithm>
#include <cstdio>

#include "app/classroom_summary.h"
#include "app/cli.h"
#include "app/commands.h"
#include "classroom/classroom.h"
#include "classroom/classroom_report.h"
#include "load/file_io.h"
#include "load/save_store.h"

namespace lc {

static const CommandSpec kReport = {
    "report", "lostcorner report EXPORTS... [-o class.html]",
    "Merges the class's journal summaries into one anonymous, printable page.",
    "\nEXPORTS are the .json files students exported from classroom mode (the `export`\n"
    "command), or folders holding them. The page shows, for each choice point, how many\n"
    "students took each choice; the endings reached; which questions drew the longest\n"
    "reflections; the time spent per chapter. It names no one and quotes no one, works\n"
    "offline and prints on paper. Duplicate exports (the same export id) count once;\n"
    "broken files and summaries of another story are listed on the page and on stderr.\n\n"
    "options:\n"
    "  -o, --output FILE   where the page goes (default class.html)\n",
    {}, {"-o", "--output"}};

// A folder stands for the .json files in it (sorted, so the page is the same each time).
static std::vector<std::string> expandExports(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const auto& a : args) {
    if (!isDirectory(a)) {
      files.push_back(a);
      continue;
    }
    std::vector<std::string> inFolder;
    if (DIR* dir = ::opendir(a.c_str())) {
      while (const dirent* entry = ::readdir(dir)) {
        std::string name = entry->d_name;
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) inFolder.push_back(joinPath(a, name));
      }
      ::closedir(dir);
    }
    std::sort(inFolder.begin(), inFolder.end());
    files.insert(files.end(), inFolder.begin(), inFolder.end());
  }
  return files;
}

int cmdReport(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kReport, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  if (args->positional.empty()) {
    std::fprintf(stderr, "lostcorner report: give the exported .json files (or their folder)\nusage: %s\n", kReport.usage);
    return 2;
  }
  std::string output = args->get("-o").value_or(args->get("--output").value_or("class.html"));
  std::vector<ClassSummary> summaries;
  std::vector<ReportProblem> problems;
  for (const auto& file : expandExports(args->positional)) {
    ClassSummary summary;
    ReportProblem problem;
    if (readClassSummary(file, summary, problem)) summaries.push_back(std::move(summary));
    else problems.push_back(std::move(problem));
  }
  ClassReport report = mergeSummaries(std::move(summaries), std::move(problems));
  for (const auto& p : report.problems)
    std::fprintf(stderr, "lostcorner report: %s: %s (not counted)\n", p.source.c_str(), p.message.c_str());
  std::string error;
  if (!writeFileAtomically(output, classReportHtml(report, systemNowMs()), error)) {
    std::fprintf(stderr, "lostcorner report: cannot write %s: %s\n", output.c_str(), error.c_str());
    return 1;
  }
  std::printf("%d %s counted, %zu not counted; wrote %s\n", report.counted, report.counted == 1 ? "journal" : "journals",
              report.problems.size(), output.c_str());
  return 0;
}

}  // namespace lc

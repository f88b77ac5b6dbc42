// lostcorner report: a class's journal summaries merged into one anonymous page.
#include <algorithm>
#include <cstdio>

#include "app/classroom_summary.h"
#include "app/cli.h"
#include "app/commands.h"
#include "classroom/classroom.h"
#include "classroom/classroom_report.h"
#include "load/report_inputs.h"
#include "load/save_store.h"

namespace lc {

static const CommandSpec kReport = {
    "report", "lostcorner report EXPORTS... [-o class.html]",
    "Merges the class's journal summaries into one anonymous, printable page.",
    "\nEXPORTS are the .json files students exported from classroom mode (the `export`\n"
    "command), folders holding them (searched to any depth) or .zip archives of them (a\n"
    "learning platform's \"download all\"). The page shows, for each choice point, how many\n"
    "students took each choice; the endings reached; which questions drew the longest\n"
    "reflections; the time spent per chapter. It names no one and quotes no one, works\n"
    "offline and prints on paper. Duplicate exports (the same export id) count once;\n"
    "broken files, summaries of another story and every file not read are listed, with\n"
    "the reason, on the page and on stderr. Exits 1 when no journal was counted.\n\n"
    "options:\n"
    "  -o, --output FILE   where the page goes (default class.html)\n",
    {}, {"-o", "--output"}};

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
  ReportInputs inputs = collectReportInputs(args->positional);
  std::vector<ClassSummary> summaries;
  std::vector<ReportProblem> problems = std::move(inputs.skipped);
  for (auto& input : inputs.summaries) {
    ClassSummary summary;
    ReportProblem problem;
    if (parseClassSummary(input.source, std::move(input.text), summary, problem)) summaries.push_back(std::move(summary));
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
  if (report.counted > 0) return 0;
  std::fflush(stdout);  // the warning comes after the count, also when both go to one place
  std::fprintf(stderr,
               "lostcorner report: WARNING: no journal was counted. Give the students' exported .json files, the "
               "folder they are in, or the .zip of them%s\n",
               !report.problems.empty() ? " (each file above says why it was not counted)"
               : inputs.ignored > 0     ? " (only the exports' .md or .html copies were found: the report reads the .json)"
                                        : " (nothing was found there)");
  return 1;
}

}  // namespace lc

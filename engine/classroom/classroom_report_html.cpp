// The class report page: inline CSS and SVG bar charts, no scripts, nothing loaded from
// anywhere (a Content-Security-Policy says so), every text escaped. Prints on paper.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "classroom/classroom.h"
#include "classroom/classroom_export.h"
#include "classroom/classroom_report.h"
#include "core/text.h"

namespace lc {
namespace {

constexpr int kChartWidth = 760;
constexpr int kBarMax = 520;  // pixels for "every student"
constexpr int kRowHeight = 54;
constexpr const char* kTrackColour = "#e3e8ef";
constexpr const char* kReflectionColour = "#c77d16";

const char* kReportCss = R"(
  :root { color-scheme: light; }
  body { font: 16px/1.5 "DejaVu Sans", Arial, sans-serif; color: #1a202c; background: #fff;
         max-width: 60rem; margin: 1.5rem auto; padding: 0 1.2rem; }
  h1 { font-size: 1.7rem; margin-bottom: .1rem; }
  h2 { font-size: 1.3rem; border-bottom: 2px solid #cbd5e0; padding-bottom: .2rem; margin-top: 2.2rem; }
  h3 { font-size: 1.1rem; color: #2d3748; }
  .sub { color: #4a5568; margin-top: 0; }
  figure { margin: 1rem 0 1.6rem; break-inside: avoid; }
  figcaption { font-weight: bold; margin-bottom: .3rem; }
  figcaption .id { font-weight: normal; color: #718096; font-size: .85rem; }
  svg text { font: 14px "DejaVu Sans", Arial, sans-serif; fill: #1a202c; }
  svg text.count { fill: #2d3748; font-weight: bold; }
  .problems { border: 2px solid #c05621; background: #fffaf0; padding: .4rem 1rem; }
  .problems h2 { margin-top: .6rem; }
  .problems li { font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .35rem .8rem .35rem 0; border-bottom: 1px solid #e2e8f0; }
  td.num { white-space: nowrap; }
  footer { margin-top: 3rem; font-size: .8rem; color: #718096; }
  @media print {
    body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
    h2, h3 { break-after: avoid; }
    figure, tr, .problems { break-inside: avoid; }
    svg rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  }
)";

std::string e(const std::string& s) { return htmlEscape(s); }

// Long labels are cut (at a code point) to fit the chart; the full text is in <title>.
std::string fitLabel(const std::string& label, size_t maxChars = 88) {
  if (codePointCount(label) <= maxChars) return label;
  size_t chars = 0, i = 0;
  for (; i < label.size() && chars < maxChars - 1; ++i)
    if ((static_cast<unsigned char>(label[i]) & 0xC0) != 0x80) ++chars;
  while (i < label.size() && (static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) ++i;
  return label.substr(0, i) + "…";
}

std::string percent(int count, int of) {
  return of > 0 ? std::to_string(static_cast<int>(std::lround(100.0 * count / of))) + "%" : "0%";
}

// A horizontal bar chart: a label above each bar, the bar scaled to `total` students.
std::string barChart(const std::vector<OptionTally>& rows, int total, const std::string& what, const char* colour) {
  int height = static_cast<int>(rows.size()) * kRowHeight + 6;
  std::string svg = "<svg width=\"" + std::to_string(kChartWidth) + "\" height=\"" +
                    std::to_string(height) + "\" role=\"img\" aria-label=\"" + e(what) + "\">\n";
  int y = 0;
  for (const auto& row : rows) {
    int width = total > 0 ? static_cast<int>(std::lround(double(kBarMax) * row.count / total)) : 0;
    std::string count = std::to_string(row.count) + " of " + std::to_string(total) + " · " + percent(row.count, total);
    svg += "<g><title>" + e(row.label) + ": " + e(count) + "</title>\n";
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 16) + "\">" + e(fitLabel(row.label)) + "</text>\n";
    svg += "<rect x=\"0\" y=\"" + std::to_string(y + 22) + "\" width=\"" + std::to_string(kBarMax) +
           "\" height=\"24\" fill=\"" + kTrackColour + "\"/>\n";
    if (width > 0)
      svg += "<rect class=\"bar\" x=\"0\" y=\"" + std::to_string(y + 22) + "\" width=\"" + std::to_string(width) +
             "\" height=\"24\" fill=\"" + colour + "\"/>\n";
    svg += "<text class=\"count\" x=\"" + std::to_string(kBarMax + 10) + "\" y=\"" + std::to_string(y + 40) + "\">" +
           e(count) + "</text>\n</g>\n";
    y += kRowHeight;
  }
  return svg + "</svg>\n";
}

void problemsSection(const ClassReport& r, std::string& out) {
  if (r.problems.empty()) return;
  out += "<section class=\"problems\">\n<h2>Files not counted (" + std::to_string(r.problems.size()) +
         ")</h2>\n<ul>\n";
  for (const auto& p : r.problems) out += "<li>" + e(p.source) + ": " + e(p.message) + "</li>\n";
  out += "</ul>\n</section>\n";
}

void choicesSection(const ClassReport& r, std::string& out) {
  out += "<section>\n<h2>Choices</h2>\n";
  if (r.choicePoints.empty()) out += "<p>No choices were recorded.</p>\n";
  std::string chapter;
  for (const auto& p : r.choicePoints) {
    if (p.chapterTitle != chapter || chapter.empty()) {
      chapter = p.chapterTitle;
      out += "<h3>" + e(chapter) + "</h3>\n";
    }
    out += "<figure>\n<figcaption>" + e(p.sceneTitle) + " <span class=\"id\">(" + e(p.scene) + "; " +
           std::to_string(p.reached) + (p.reached == 1 ? " student" : " students") + " chose here)</span></figcaption>\n" +
           barChart(p.options, p.reached, "How the class chose at " + p.sceneTitle, kReportBarColour) + "</figure>\n";
  }
  out += "</section>\n";
}

void endingsSection(const ClassReport& r, std::string& out) {
  out += "<section>\n<h2>Endings reached</h2>\n";
  if (r.endings.empty()) out += "<p>No one has reached an ending yet.</p>\n";
  else out += "<figure>\n" + barChart(r.endings, r.counted, "Endings reached by the class", kReportBarColour) + "</figure>\n";
  if (r.withoutEnding > 0)
    out += "<p>" + std::to_string(r.withoutEnding) + " of " + std::to_string(r.counted) + " had not reached an ending.</p>\n";
  out += "</section>\n";
}

void promptsSection(const ClassReport& r, std::string& out) {
  out += "<section>\n<h2>Questions that drew the longest reflections</h2>\n"
         "<p class=\"sub\">Average length, in characters, of what students wrote in their journal at each "
         "question; no one's words are shown here.</p>\n";
  size_t longest = 1;
  for (const auto& p : r.prompts) longest = std::max(longest, static_cast<size_t>(p.averageWritten()));
  out += "<table>\n<tr><th>Question</th><th>Kind</th><th>Wrote / met</th><th>Average</th><th>Longest</th></tr>\n";
  int silent = 0;
  for (const auto& p : r.prompts) {
    if (p.wrote == 0) { ++silent; continue; }
    int avg = static_cast<int>(std::lround(p.averageWritten()));
    int bar = static_cast<int>(std::lround(140.0 * avg / double(longest)));
    out += "<tr><td>" + e(p.ask) + " <span class=\"sub\">(" + e(p.scene) + ")</span></td><td>" + e(p.kind) +
           "</td><td class=\"num\">" + std::to_string(p.wrote) + " / " + std::to_string(p.reached) +
           "</td><td class=\"num\"><svg width=\"150\" height=\"14\" aria-hidden=\"true\"><rect width=\"" +
           std::to_string(std::max(bar, 1)) + "\" height=\"14\" fill=\"" + kReflectionColour + "\"/></svg> " +
           std::to_string(avg) + "</td><td class=\"num\">" + std::to_string(p.longest) + "</td></tr>\n";
  }
  out += "</table>\n";
  if (silent > 0) out += "<p>" + std::to_string(silent) + " other question(s) met by the class drew no written reflection.</p>\n";
  out += "</section>\n";
}

void timeSection(const ClassReport& r, std::string& out) {
  if (r.chapters.empty()) return;
  out += "<section>\n<h2>Time per chapter</h2>\n<table>\n<tr><th>Chapter</th><th>Students</th><th>Median time</th></tr>\n";
  for (auto c : r.chapters) {
    std::sort(c.minutes.begin(), c.minutes.end());
    size_t n = c.minutes.size();
    double median = n % 2 ? c.minutes[n / 2] : (c.minutes[n / 2 - 1] + c.minutes[n / 2]) / 2;
    out += "<tr><td>" + e(c.title) + "</td><td class=\"num\">" + std::to_string(n) + "</td><td class=\"num\">" +
           e(minutesText(static_cast<int64_t>(median * 60000))) + "</td></tr>\n";
  }
  out += "</table>\n</section>\n";
}

}  // namespace

std::string classReportHtml(const ClassReport& r, int64_t nowMs) {
  std::string title = r.storyTitle.empty() ? std::string("Class report") : "Class report: " + r.storyTitle;
  std::string versions;
  for (size_t i = 0; i < r.versions.size(); ++i) versions += (i ? ", " : "") + std::to_string(r.versions[i]);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + e(title) +
                    "</title>\n<style>" + kReportCss + "</style>\n</head>\n<body>\n<header>\n<h1>" + e(title) + "</h1>\n"
                    "<p class=\"sub\">" + std::to_string(r.counted) + (r.counted == 1 ? " journal" : " journals") +
                    " counted" + (r.storyId.empty() ? "" : " · story " + e(r.storyId) + " (version " + e(versions) + ")") +
                    " · made " + e(localStamp(nowMs)) + "</p>\n</header>\n";
  problemsSection(r, out);
  choicesSection(r, out);
  endingsSection(r, out);
  promptsSection(r, out);
  timeSection(r, out);
  out += "<footer>Anonymous: made from the summaries students exported from Lost Corner. It holds no names "
         "and none of their words, loads nothing and sends nothing.</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace lc

// The class report page: inline CSS and SVG bar charts, no scripts, nothing loaded from
// anywhere (a Content-Security-Policy says so), every text escaped. Prints on paper.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "classroom/classroom.h"
#include "classroom/classroom_export.h"
#include "classroom/classroom_report.h"
#include "classroom/classroom_view.h"
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
  .print-only, .print-columns { display: none; }
  table.compact td { padding: .1rem .6rem .1rem 0; }
  article.student { border-top: 1px solid #cbd5e0; padding-top: .3rem; margin-top: .6rem; }
  article.student h3 { margin: .2rem 0; }
  article.student p { margin: .2rem 0; font-size: .9rem; }
  .annotate { border: 1px dashed #a0aec0; min-height: 3.2rem; padding: .3rem .5rem; margin: .3rem 0 .4rem; }
  .annotate:empty::before { content: "Teacher's notes"; color: #a0aec0; }
  .notice { font-size: .85rem; color: #4a5568; }
  @page { size: A4; margin: 12mm; }
  @media print {
    body { font-size: 9.5pt; line-height: 1.35; max-width: none; margin: 0; padding: 0; }
    h1 { font-size: 1.4rem; }
    h2 { font-size: 1.1rem; margin-top: 1rem; }
    h3 { font-size: 1rem; margin: .5rem 0 .2rem; }
    h2, h3 { break-after: avoid; }
    figure, .screen-only { display: none; }
    .print-only { display: table; }
    .print-columns { display: block; columns: 2; column-gap: 6mm; font-size: 8pt; }
    .print-columns p { margin: 0 0 .2rem; break-inside: avoid; }
    table.compact { font-size: 8.5pt; }
    article.student p { font-size: 8.5pt; }
    tr, .problems, article.student { break-inside: avoid; }
    .annotate { min-height: 2.4rem; }
    .annotate:empty::before { content: ""; }
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

// On paper the charts are one line each: every choice with its count (a chart per choice
// point filled 20 pages for 3 students of the bundled story).
void choicesTable(const ClassReport& r, std::string& out) {
  out += "<div class=\"print-columns\">\n";
  for (const auto& p : r.choicePoints) {
    std::string counts;
    int unchosen = 0;
    for (const auto& o : p.options) {
      if (o.count == 0)
        ++unchosen;
      else
        counts += (counts.empty() ? "" : " \u00B7 ") + e(o.label) + " <b>" + std::to_string(o.count) + "</b>";
    }
    if (unchosen) counts += " <span class=\"sub\">(" + std::to_string(unchosen) + " not chosen)</span>";
    out += "<p><b>" + e(p.sceneTitle) + "</b> <span class=\"sub\">(" + e(p.chapterTitle) + ", " +
           std::to_string(p.reached) + " chose)</span>: " + counts + "</p>\n";
  }
  out += "</div>\n";
}

void choicesSection(const ClassReport& r, std::string& out) {
  out += "<section>\n<h2>Choices</h2>\n";
  if (r.choicePoints.empty()) out += "<p>No choices were recorded.</p>\n";
  else
    choicesTable(r, out);
  std::string chapter;
  for (const auto& p : r.choicePoints) {
    if (p.chapterTitle != chapter || chapter.empty()) {
      chapter = p.chapterTitle;
      out += "<h3 class=\"screen-only\">" + e(chapter) + "</h3>\n";
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
  else {
    out +=
        "<figure>\n" + barChart(r.endings, r.counted, "Endings reached by the class", kReportBarColour) + "</figure>\n";
    out += "<table class=\"print-only compact\">\n";
    for (const auto& ending : r.endings)
      out += "<tr><td>" + e(ending.label) + "</td><td class=\"num\">" + std::to_string(ending.count) + " of " +
             std::to_string(r.counted) + "</td></tr>\n";
    out += "</table>\n";
  }
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

// With objectives in the summaries: the questions under each objective they are tagged with.
void objectivesSection(const ClassReport& r, std::string& out) {
  bool tagged = false;
  for (const auto& p : r.prompts) tagged = tagged || p.ao;
  if (!tagged) return;
  out +=
      "<section>\n<h2>Questions by assessment objective</h2>\n<p class=\"sub\">How many students wrote at each "
      "question, and how much on average; untagged questions count as AO1.</p>\n";
  for (int o = 0; o < kAoCount; ++o) {
    std::string rows;
    for (const auto& p : r.prompts)
      if ((p.ao ? p.ao : 1) & (1u << o))
        rows += "<tr><td>" + e(p.ask) + " <span class=\"sub\">(" + e(p.kind) + ", " + e(p.scene) +
                ")</span></td><td class=\"num\">" + std::to_string(p.wrote) + " / " + std::to_string(p.reached) +
                "</td><td class=\"num\">" + std::to_string(static_cast<int>(std::lround(p.averageWritten()))) +
                "</td></tr>\n";
    if (rows.empty()) continue;
    out += "<h3>" + e(objectiveHeading(o)) +
           "</h3>\n<table class=\"compact\">\n<tr><th>Question</th><th>Wrote / met</th>"
           "<th>Average</th></tr>\n" +
           rows + "</table>\n";
  }
  out += "</section>\n";
}

// One block per student (named only when the student exported with a name) with room for
// the teacher's notes: typed in the page (it is editable, nothing is sent) or written on the print.
void studentsSection(const ClassReport& r, std::string& out) {
  if (r.students.empty()) return;
  out +=
      "<section>\n<h2>Each student</h2>\n<p class=\"sub\">Names only for students who exported with one. "
      "The dashed box is for your notes: type in it here, or write on the print.</p>\n";
  // What most of the class chose at each point (none on a tie): a student's own way is
  // where they chose otherwise, which is what a teacher asks about (and it fits on paper).
  std::vector<std::pair<std::string, std::string>> most;  // scene, label
  for (const auto& p : r.choicePoints) {
    const OptionTally* top = nullptr;
    bool tie = false;
    for (const auto& o : p.options) {
      if (!top || o.count > top->count)
        top = &o, tie = false;
      else if (o.count == top->count)
        tie = true;
    }
    if (top && !tie) most.emplace_back(p.scene, top->label);
  }
  for (const auto& s : r.students) {
    const std::string who = s.student.empty() ? "Student " + s.exportId.substr(0, 6) : s.student;
    std::string route;
    constexpr int kListed = 8;  // the first few; the student's own export has the whole route
    int own = 0;
    for (const auto& c : s.choices) {
      auto it = std::find_if(most.begin(), most.end(), [&](const auto& m) { return m.first == c.scene; });
      if (it != most.end() && it->second == c.choice) continue;
      if (++own <= kListed) route += (route.empty() ? "" : "; ") + e(c.sceneTitle) + ": " + e(c.choice);
    }
    if (own > kListed) route += "; and " + std::to_string(own - kListed) + " more";
    route = std::to_string(s.choices.size()) + " choices; " +
            (own == 0 ? std::string("the class's most common one every time")
                      : std::to_string(own) + " not the class's most common: " + route);
    std::string endings;
    for (const auto& ending : s.endings) endings += (endings.empty() ? "" : ", ") + e(ending);
    std::string wrote;
    for (int o = 0; o < kAoCount; ++o) {
      int met = 0, answered = 0;
      size_t chars = 0;
      for (const auto& p : s.prompts)
        if ((p.ao ? p.ao : 1) & (1u << o)) {
          ++met;
          answered += p.reflectionChars > 0;
          chars += p.reflectionChars;
        }
      if (met)
        wrote += std::string(wrote.empty() ? "" : " \u00B7 ") + "AO" + std::to_string(o + 1) + ": wrote at " +
                 std::to_string(answered) + " of " + std::to_string(met) + " (" + std::to_string(chars) +
                 " characters)";
    }
    out += "<article class=\"student\">\n<h3>" + e(who) + "</h3>\n<p><b>Endings:</b> " +
           (endings.empty() ? "none yet" : endings) + (wrote.empty() ? "" : " \u00B7 <b>Journal:</b> " + wrote) +
           "</p>\n<p><b>Choices:</b> " + route +
           "</p>\n<div class=\"annotate\" contenteditable=\"true\" "
           "aria-label=\"Teacher's notes on " +
           e(who) + "\"></div>\n</article>\n";
  }
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
  objectivesSection(r, out);
  timeSection(r, out);
  studentsSection(r, out);
  out +=
      "<footer>Made from the summaries students exported from Lost Corner. It holds none of their words (names "
      "only of students who exported with one), loads nothing and sends nothing.</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace lc

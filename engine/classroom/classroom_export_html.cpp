// The journal as one printable HTML page: inline CSS, no scripts, no external resources
// (the Content-Security-Policy forbids them), every piece of text escaped.
#include "classroom/classroom_view.h"

namespace lc {
namespace {

const char* kJournalCss = R"(
  :root { color-scheme: light; }
  body { font: 17px/1.55 Georgia, "DejaVu Serif", serif; color: #1b1b1b; background: #fff;
         max-width: 46rem; margin: 2rem auto; padding: 0 1.2rem; }
  h1 { font-size: 1.7rem; margin-bottom: .2rem; }
  h2 { font-size: 1.3rem; border-bottom: 2px solid #d5dbe3; padding-bottom: .2rem; margin-top: 2rem; }
  h3 { font-size: 1.1rem; margin-bottom: .3rem; }
  .story { font-style: italic; margin-top: 0; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; color: #444; }
  dl.meta dt { font-weight: bold; }
  dl.meta dd { margin: 0; }
  ol.route > li { margin: .5rem 0; break-inside: avoid; }
  .choice { color: #2a4d7a; }
  .discussion { margin: .2rem 0; font-size: .95rem; color: #5a3d00; }
  .note p { margin: .3rem 0 .1rem; font-size: .95rem; }
  blockquote { margin: .2rem 0 .6rem; padding: .3rem .9rem; border-left: 4px solid #7d9cc4;
               background: #f4f7fb; white-space: pre-wrap; }
  table { border-collapse: collapse; }
  th, td { text-align: left; padding: .25rem 1rem .25rem 0; border-bottom: 1px solid #e3e7ec; }
  footer { margin-top: 3rem; font-size: .8rem; color: #666; }
  @media print {
    body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
    h2, h3 { break-after: avoid; }
    blockquote { background: none; }
    footer { display: none; }
  }
)";

std::string e(const std::string& text) { return htmlEscape(text); }

void htmlNotes(const std::vector<const JournalEntry*>& notes, std::string& out) {
  for (const JournalEntry* j : notes) {
    out += "<div class=\"note\"><p>" +
           (j->question.empty() ? std::string("Note") : "Reflection on <em>" + e(j->question) + "</em>") +
           "</p><blockquote>" + e(j->answer) + "</blockquote></div>\n";
  }
}

void htmlStep(const Story& story, const RouteStep& step, std::string& out) {
  const Scene& s = story.scenes[step.scene];
  out += "<li><strong>" + e(sceneName(s)) + "</strong>";
  if (!step.choice.empty() && s.next < 0) out += " <span class=\"choice\">— you chose: “" + e(step.choice) + "”</span>";
  if (s.isEnd) out += " <span class=\"choice\">— ending" + (s.ending.empty() ? std::string() : ": “" + e(s.ending) + "”") + "</span>";
  out += "\n";
  if (s.prompt)
    out += "<p class=\"discussion\">Discussion (" + std::string(promptKindName(s.prompt->kind)) + "): " + e(s.prompt->ask) + "</p>\n";
  htmlNotes(step.notes, out);
  out += "</li>\n";
}

void htmlHeader(const JournalExport& in, std::string& out) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>Reading journal: " + e(in.story.title) + "</title>\n<style>" + kJournalCss + "</style>\n</head>\n<body>\n"
         "<header>\n<h1>Reading journal</h1>\n<p class=\"story\">" + e(in.story.title) + "</p>\n<dl class=\"meta\">\n";
  if (!in.student.empty()) out += "<dt>Student</dt><dd>" + e(in.student) + "</dd>\n";
  out += "<dt>Story</dt><dd>" + e(in.story.id) + ", version " + std::to_string(in.story.version) + "</dd>\n"
         "<dt>Exported</dt><dd>" + e(localStamp(in.nowMs)) + "</dd>\n"
         "<dt>Export id</dt><dd>" + e(in.exportId) + "</dd>\n</dl>\n</header>\n";
}

void htmlTimes(const JournalExport& in, std::string& out) {
  out += "<section>\n<h2>Time spent</h2>\n<table>\n<tr><th>Chapter</th><th>Time</th></tr>\n";
  for (int c : chaptersTimed(in))
    out += "<tr><td>" + e(chapterName(in.story.chapters[c])) + "</td><td>" + e(minutesText(chapterMs(in, c))) + "</td></tr>\n";
  out += "</table>\n</section>\n";
}

}  // namespace

std::string journalHtml(const JournalExport& in) {
  JournalView view = buildJournalView(in);
  std::string out;
  htmlHeader(in, out);
  out += "<section>\n<h2>Route</h2>\n";
  int chapterNumber = 0;
  for (const auto& run : view.runs) {
    out += "<h3>" + std::to_string(++chapterNumber) + ". " + e(chapterName(in.story.chapters[run.chapter])) +
           "</h3>\n<ol class=\"route\">\n";
    for (const auto& step : run.steps) htmlStep(in.story, step, out);
    out += "</ol>\n";
  }
  out += "</section>\n<section>\n<h2>Endings reached</h2>\n";
  if (in.record.endings().empty()) out += "<p>None yet.</p>\n";
  else {
    out += "<ul>\n";
    for (const auto& ending : in.record.endings()) out += "<li>" + e(ending) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</section>\n";
  htmlTimes(in, out);
  if (!view.otherNotes.empty()) {
    out += "<section>\n<h2>Other notes</h2>\n<p>Written at scenes that are not on this route (an earlier playthrough).</p>\n";
    htmlNotes(view.otherNotes, out);
    out += "</section>\n";
  }
  if (!view.byObjective.empty()) {
    out += "<section>\n<h2>Answers by assessment objective</h2>\n";
    for (const auto& group : view.byObjective) {
      out += "<h3>" + e(objectiveHeading(group.objective)) + "</h3>\n";
      for (const JournalEntry* j : group.answers)
        out += "<div class=\"note\"><p><em>" + e(j->question) + "</em> (" + e(sceneName(in.story.scenes[j->scene])) +
               ")</p><blockquote>" + e(j->answer) + "</blockquote></div>\n";
    }
    out += "</section>\n";
  }
  out += "<footer>Made with Lost Corner. This page holds only what its writer chose and wrote; "
         "it loads nothing and sends nothing.</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace lc

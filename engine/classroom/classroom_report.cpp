// Merging the class's summaries: each student counts once per choice, ending and question.
#include "classroom/classroom_report.h"

#include <algorithm>
#include <map>

namespace lc {
namespace {

// Keeps the newest summary of each export id; the others become problems.
std::vector<ClassSummary> dropDuplicates(std::vector<ClassSummary> all, std::vector<ReportProblem>& problems) {
  std::vector<ClassSummary> kept;
  for (auto& s : all) {
    auto same = std::find_if(kept.begin(), kept.end(), [&](const ClassSummary& k) { return k.exportId == s.exportId; });
    if (same == kept.end()) {
      kept.push_back(std::move(s));
      continue;
    }
    bool newer = s.exportedAt > same->exportedAt;
    const ClassSummary& dropped = newer ? *same : s;
    const ClassSummary& counted = newer ? s : *same;
    problems.push_back({dropped.source, "duplicate of " + counted.source + " (the same export id " + counted.exportId +
                                            "): the student is counted once, from the latest export"});
    if (newer) *same = std::move(s);
  }
  return kept;
}

// The report is about one story: the one most summaries are for.
std::vector<ClassSummary> keepMainStory(std::vector<ClassSummary> all, std::vector<ReportProblem>& problems) {
  std::map<std::string, int> counts;
  std::string main;
  for (const auto& s : all)
    if (++counts[s.storyId] > counts[main] || main.empty()) main = s.storyId;
  std::vector<ClassSummary> kept;
  for (auto& s : all) {
    if (s.storyId == main) kept.push_back(std::move(s));
    else problems.push_back({s.source, "is for another story ('" + s.storyId + "', not '" + main + "')"});
  }
  return kept;
}

void tallyChoices(const ClassSummary& s, std::vector<ChoicePointTally>& points) {
  std::vector<std::pair<std::string, std::string>> counted;  // (scene, choice) once per student
  std::vector<std::string> reached;
  for (const auto& c : s.choices) {
    auto point = std::find_if(points.begin(), points.end(), [&](const ChoicePointTally& p) { return p.scene == c.scene; });
    if (point == points.end()) {
      points.push_back({c.scene, c.sceneTitle, c.chapterTitle, c.chapterNumber, 0, {}});
      point = points.end() - 1;
    }
    for (const auto& label : c.options)
      if (std::none_of(point->options.begin(), point->options.end(), [&](const OptionTally& o) { return o.label == label; }))
        point->options.push_back({label, 0});
    if (std::find(reached.begin(), reached.end(), c.scene) == reached.end()) {
      reached.push_back(c.scene);
      ++point->reached;
    }
    if (std::find(counted.begin(), counted.end(), std::make_pair(c.scene, c.choice)) != counted.end()) continue;
    counted.emplace_back(c.scene, c.choice);
    auto option = std::find_if(point->options.begin(), point->options.end(), [&](const OptionTally& o) { return o.label == c.choice; });
    if (option == point->options.end()) point->options.push_back({c.choice, 1});
    else ++option->count;
  }
}

void tallyEndings(const ClassSummary& s, ClassReport& report) {
  if (s.endings.empty()) ++report.withoutEnding;
  std::vector<std::string> seen;
  for (const auto& e : s.endings) {
    if (std::find(seen.begin(), seen.end(), e) != seen.end()) continue;
    seen.push_back(e);
    auto it = std::find_if(report.endings.begin(), report.endings.end(), [&](const OptionTally& o) { return o.label == e; });
    if (it == report.endings.end()) report.endings.push_back({e, 1});
    else ++it->count;
  }
}

void tallyPrompts(const ClassSummary& s, std::vector<PromptTally>& prompts) {
  std::vector<std::pair<std::string, std::string>> seen;
  for (const auto& p : s.prompts) {
    auto key = std::make_pair(p.scene, p.kind);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    auto it = std::find_if(prompts.begin(), prompts.end(),
                           [&](const PromptTally& t) { return t.scene == p.scene && t.kind == p.kind; });
    if (it == prompts.end()) {
      prompts.push_back({p.scene, p.kind, p.ask});
      it = prompts.end() - 1;
    }
    ++it->reached;
    if (p.reflectionChars > 0) {
      ++it->wrote;
      it->totalChars += p.reflectionChars;
      it->longest = std::max(it->longest, p.reflectionChars);
    }
  }
}

void tallyTimes(const ClassSummary& s, std::vector<ChapterTime>& chapters) {
  for (const auto& timed : s.chapterMinutes) {
    const std::string& title = timed.first;  // not a structured binding: clang 14 (Emscripten) cannot capture those
    auto it = std::find_if(chapters.begin(), chapters.end(), [&](const ChapterTime& c) { return c.title == title; });
    if (it == chapters.end()) {
      chapters.push_back({title, {}});
      it = chapters.end() - 1;
    }
    it->minutes.push_back(timed.second);
  }
}

}  // namespace

ClassReport mergeSummaries(std::vector<ClassSummary> summaries, std::vector<ReportProblem> problems) {
  ClassReport report;
  summaries = keepMainStory(dropDuplicates(std::move(summaries), problems), problems);
  report.problems = std::move(problems);
  for (const auto& s : summaries) {
    if (report.storyId.empty()) {
      report.storyId = s.storyId;
      report.storyTitle = s.storyTitle;
    }
    if (std::find(report.versions.begin(), report.versions.end(), s.storyVersion) == report.versions.end())
      report.versions.push_back(s.storyVersion);
    ++report.counted;
    tallyChoices(s, report.choicePoints);
    tallyEndings(s, report);
    tallyPrompts(s, report.prompts);
    tallyTimes(s, report.chapters);
  }
  std::sort(report.versions.begin(), report.versions.end());
  std::stable_sort(report.choicePoints.begin(), report.choicePoints.end(),
                   [](const ChoicePointTally& a, const ChoicePointTally& b) { return a.chapterNumber < b.chapterNumber; });
  std::stable_sort(report.endings.begin(), report.endings.end(),
                   [](const OptionTally& a, const OptionTally& b) { return a.count > b.count; });
  std::stable_sort(report.prompts.begin(), report.prompts.end(), [](const PromptTally& a, const PromptTally& b) {
    return a.averageWritten() != b.averageWritten() ? a.averageWritten() > b.averageWritten() : a.wrote > b.wrote;
  });
  return report;
}

}  // namespace lc

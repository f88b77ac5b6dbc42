#include "load/lesson_plan.h"

#include "core/suggest.h"
#include "load/assessment.h"
#include "load/fields.h"
#include "load/file_io.h"

namespace lc {
namespace {

// "hailsham", or the file as the manifest lists it ("hailsham.yaml").
int chapterByName(const Story& story, const std::string& name) {
  for (size_t i = 0; i < story.chapters.size(); ++i)
    if (story.chapters[i].id == name || story.chapters[i].file == name) return static_cast<int>(i);
  return -1;
}

void readOpenChapters(FileCtx& f, const yaml::Node& node, const Story& story, LessonPlan& plan) {
  if (node.kind != yaml::Kind::Sequence) {
    f.error(node.pos, "'open_chapters' must be a list of chapter names, got " + std::string(kindName(node)),
            "write it as a list, e.g. open_chapters: [" + story.chapters.front().id + "]");
    return;
  }
  std::vector<std::string> names;
  for (const auto& c : story.chapters) names.push_back(c.id);
  plan.hasOpenList = true;
  for (const yaml::Node* item : node.items) {
    auto name = readString(f, *item, "a chapter in 'open_chapters'");
    if (!name) continue;
    int chapter = chapterByName(story, *name);
    if (chapter >= 0) {
      plan.openChapters.push_back(chapter);
      continue;
    }
    std::string hint = didYouMean(*name, names);
    std::string all;
    for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
    f.error(item->pos, "no chapter '" + *name + "' in story '" + story.id + "'",
            hint.empty() ? "the chapters are: " + all : hint);
  }
}

std::optional<int> readMinutesOrSeconds(FileCtx& f, Fields& fields, const char* key, int max) {
  const yaml::Node* node = fields.get(key);
  auto value = fields.integer(key);
  if (!value) return std::nullopt;
  if (*value < 0 || *value > max) {
    f.error(node->pos, "'" + std::string(key) + "' must be between 0 and " + std::to_string(max) + ", got " +
                           std::to_string(*value));
    return std::nullopt;
  }
  return *value;
}

std::string allOf(const std::vector<std::string>& names, size_t max = 12) {
  std::string all;
  for (size_t i = 0; i < names.size() && i < max; ++i) all += (i ? ", " : "") + names[i];
  return names.size() > max ? all + ", ..." : all;
}

// A scene by its qualified id ("hailsham.gate"), or an error with a suggestion.
int sceneByName(FileCtx& f, const yaml::Node& node, const Story& story, const std::string& what) {
  auto name = readString(f, node, what);
  if (!name) return -1;
  int scene = story.findScene(*name);
  if (scene >= 0) return scene;
  std::vector<std::string> names;
  for (const auto& s : story.scenes) names.push_back(s.qualified);
  std::string hint = didYouMean(*name, names);
  f.error(node.pos, "no scene '" + *name + "' in story '" + story.id + "'",
          hint.empty() ? "write it as chapter.scene, e.g. " + story.scenes[story.start >= 0 ? story.start : 0].qualified : hint);
  return -1;
}

int termByName(FileCtx& f, const yaml::Node& node, const Story& story, const std::string& what) {
  auto name = readString(f, node, what);
  if (!name) return -1;
  for (size_t i = 0; i < story.glossary.size(); ++i)
    if (story.glossary[i].first == *name) return static_cast<int>(i);
  std::vector<std::string> names;
  for (const auto& g : story.glossary) names.push_back(g.first);
  std::string hint = didYouMean(*name, names);
  f.error(node.pos, "no glossary term '" + *name + "' in story '" + story.id + "'",
          hint.empty() ? (names.empty() ? "the story has no glossary" : "the terms are: " + allOf(names)) : hint);
  return -1;
}

const std::vector<const yaml::Node*>* listOf(FileCtx& f, const yaml::Node& node, const char* key, const std::string& example) {
  if (node.kind == yaml::Kind::Sequence) return &node.items;
  f.error(node.pos, "'" + std::string(key) + "' must be a list, got " + std::string(kindName(node)),
          "write it as a list, e.g. " + std::string(key) + ": [" + example + "]");
  return nullptr;
}

void readScenesAndTerms(FileCtx& f, Fields& fields, const Story& story, LessonPlan& plan) {
  if (const yaml::Node* start = fields.get("start")) plan.startScene = sceneByName(f, *start, story, "'start'");
  if (const yaml::Node* must = fields.get("must_read"))
    if (auto items = listOf(f, *must, "must_read", story.scenes.empty() ? "" : story.scenes.front().qualified))
      for (const yaml::Node* item : *items)
        if (int scene = sceneByName(f, *item, story, "a scene in 'must_read'"); scene >= 0) plan.mustRead.push_back(scene);
  const std::string term = story.glossary.empty() ? "" : story.glossary.front().first;
  if (const yaml::Node* hide = fields.get("glossary_hide"))
    if (auto items = listOf(f, *hide, "glossary_hide", term))
      for (const yaml::Node* item : *items)
        if (int t = termByName(f, *item, story, "a term in 'glossary_hide'"); t >= 0) plan.hidden.push_back(t);
  const yaml::Node* reveal = fields.get("glossary_reveal");
  if (!reveal) return;
  if (reveal->kind != yaml::Kind::Map) {
    f.error(reveal->pos, "'glossary_reveal' must be a map of term: chapter, got " + std::string(kindName(*reveal)),
            "e.g. glossary_reveal: {" + term + ": " + story.chapters.back().id + "}");
    return;
  }
  std::vector<std::string> chapters;
  for (const auto& c : story.chapters) chapters.push_back(c.id);
  for (const auto& [key, value] : reveal->entries) {
    int t = termByName(f, *key, story, "a term in 'glossary_reveal'");
    auto name = readString(f, *value, "the chapter of '" + key->text + "'");
    if (t < 0 || !name) continue;
    int chapter = chapterByName(story, *name);
    if (chapter >= 0) plan.reveal.emplace_back(t, chapter);
    else {
      std::string hint = didYouMean(*name, chapters);
      f.error(value->pos, "no chapter '" + *name + "' in story '" + story.id + "'",
              hint.empty() ? "the chapters are: " + allOf(chapters) : hint);
    }
  }
}

// What the plan's level, ao and exam would ask in the chapters it opens: warnings when
// it would ask nothing (or nothing different), with what to write instead.
void checkAsks(FileCtx& f, Fields& fields, const Story& story, const LessonPlan& plan) {
  std::vector<bool> open(story.chapters.size(), !plan.hasOpenList);
  for (int c : plan.openChapters) open[static_cast<size_t>(c)] = true;
  if (!open.empty())
    open[static_cast<size_t>(story.scenes[plan.startScene >= 0 ? plan.startScene : story.start].chapter)] = true;
  bool tagged = false, version = false, exam = false;
  for (const Scene& s : story.scenes) {
    if (!open[static_cast<size_t>(s.chapter)]) continue;
    for (const Ask* a : {s.prompt ? static_cast<const Ask*>(&*s.prompt) : nullptr, &s.journal}) {
      if (!a || a->empty()) continue;
      const bool asked = !plan.objectives || (a->objectives() & plan.objectives);
      tagged = tagged || (plan.objectives && asked);
      version = version || (asked && (plan.level == AskLevel::Support ? !a->support.empty() : !a->stretch.empty()));
    }
  }
  for (size_t c = 0; c < story.chapters.size(); ++c) exam = exam || (open[c] && !story.chapters[c].exam.empty());
  if (plan.objectives && !tagged)
    f.warning(fields.get("ao")->pos,
              "no prompt or journal question in the chapters this lesson opens is tagged " + aoNames(plan.objectives) +
                  ": the lesson asks none",
              "untagged questions count as AO1: add AO1 to 'ao', or tag questions in the chapter files, e.g. ao: [" +
                  aoNames(plan.objectives) + "]");
  if (plan.level != AskLevel::Core && !version) {
    const std::string level = askLevelName(plan.level);
    f.warning(fields.get("level")->pos,
              "no prompt or journal question the lesson asks has a " + level + " version: each is asked as its 'ask'",
              "write " + level + ": \"...\" beside 'ask' in the chapter files, or remove 'level'");
  }
  if (plan.exam && !exam)
    f.warning(
        fields.get("exam")->pos, "no chapter this lesson opens has exam questions",
        "add exam: [{ask: \"How does the writer present ...?\", ao: [AO1, AO2]}] to a chapter file, or remove 'exam'");
}

}  // namespace

std::optional<LessonPlan> parseLessonPlan(const std::string& path, std::string text, const Story& story,
                                          Diagnostics& diags) {
  FileCtx f{path, -1, yaml::parse(std::move(text)), {}};
  for (const auto& p : f.doc.problems) f.error(p.pos, p.message, p.hint);
  LessonPlan plan;
  if (f.doc.root) {
    Fields fields(f, *f.doc.root, "the lesson plan",
                  {"title", "open_chapters", "pause_seconds", "length_minutes", "warning_minutes", "start", "must_read",
                   "starter", "plenary", "glossary_reveal", "glossary_hide", "level", "ao", "exam"});
    if (auto title = fields.string("title")) plan.title = *title;
    if (auto starter = fields.string("starter")) plan.starter = *starter;
    if (auto plenary = fields.string("plenary")) plan.plenary = *plenary;
    readScenesAndTerms(f, fields, story, plan);
    if (const yaml::Node* level = fields.get("level"))
      plan.level = readAskLevel(f, *level, "the lesson plan's 'level'").value_or(AskLevel::Core);
    if (const yaml::Node* ao = fields.get("ao"))
      plan.objectives = readObjectives(f, *ao, "the lesson plan's 'ao'").value_or(0);
    plan.exam = fields.boolean("exam").value_or(false);
    if (!plan.reveal.empty() || !plan.hidden.empty()) {
      plan.termFromChapter.assign(story.glossary.size(), -1);
      for (const auto& r : plan.reveal) plan.termFromChapter[r.first] = r.second;
      for (int h : plan.hidden) plan.termFromChapter[h] = kTermHidden;
    }
    if (const yaml::Node* open = fields.get("open_chapters")) readOpenChapters(f, *open, story, plan);
    if (!f.diags.hasErrors()) checkAsks(f, fields, story, plan);
    plan.pauseSeconds = readMinutesOrSeconds(f, fields, "pause_seconds", 3600);
    plan.lengthMinutes = readMinutesOrSeconds(f, fields, "length_minutes", 600);
    plan.warningMinutes = readMinutesOrSeconds(f, fields, "warning_minutes", 600);
    if (plan.lengthMinutes && plan.warningMinutes && *plan.warningMinutes >= *plan.lengthMinutes && *plan.lengthMinutes > 0)
      f.error(fields.get("warning_minutes")->pos,
              "'warning_minutes' (" + std::to_string(*plan.warningMinutes) + ") must be less than 'length_minutes' (" +
                  std::to_string(*plan.lengthMinutes) + ")",
              "the warning comes this many minutes before the end of the lesson");
  }
  bool ok = !f.diags.hasErrors();
  diags.append(f.diags);
  if (!ok) return std::nullopt;
  return plan;
}

std::optional<LessonPlan> loadLessonPlan(const std::string& path, const Story& story, Diagnostics& diags) {
  std::string text, error;
  if (!readFile(path, text, error)) {
    diags.error(path, 0, 0, "cannot read the lesson plan: " + error, "check the path given to --lesson");
    return std::nullopt;
  }
  return parseLessonPlan(path, std::move(text), story, diags);
}

void applyLessonPlan(const LessonPlan& plan, ClassroomOptions& options, bool explicitPause, bool explicitLength) {
  if (plan.hasOpenList) {
    options.hasOpenList = true;
    options.openChapters = plan.openChapters;
  }
  if (plan.pauseSeconds && !explicitPause) options.pauseSeconds = *plan.pauseSeconds;
  if (plan.lengthMinutes && !explicitLength) options.lessonMinutes = *plan.lengthMinutes;
  if (plan.warningMinutes) options.warningMinutes = *plan.warningMinutes;
  if (plan.startScene >= 0) options.startScene = plan.startScene;
  options.mustRead = plan.mustRead;
  options.starter = plan.starter;
  options.plenary = plan.plenary;
  if (!plan.termFromChapter.empty()) options.termFromChapter = plan.termFromChapter;
  options.level = plan.level;
  options.objectives = plan.objectives;
  options.exam = plan.exam;
}

}  // namespace lc

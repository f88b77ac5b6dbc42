#include "load/lesson_plan.h"

#include "core/suggest.h"
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

}  // namespace

std::optional<LessonPlan> parseLessonPlan(const std::string& path, std::string text, const Story& story,
                                          Diagnostics& diags) {
  FileCtx f{path, -1, yaml::parse(std::move(text)), {}};
  for (const auto& p : f.doc.problems) f.error(p.pos, p.message, p.hint);
  LessonPlan plan;
  if (f.doc.root) {
    Fields fields(f, *f.doc.root, "the lesson plan",
                  {"title", "open_chapters", "pause_seconds", "length_minutes", "warning_minutes"});
    if (auto title = fields.string("title")) plan.title = *title;
    if (const yaml::Node* open = fields.get("open_chapters")) readOpenChapters(f, *open, story, plan);
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
}

}  // namespace lc

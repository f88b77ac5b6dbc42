#include "app/classroom_summary.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "classroom/classroom_export.h"
#include "load/file_io.h"
#include "load/report_inputs.h"
#include "load/yaml_tree.h"

namespace lc {
namespace {

// Reads fields out of the parsed summary, keeping the first mistake with its place.
// Unknown keys are ignored: a newer exporter may add fields an older report can skip.
std::string numberText(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", d);
  return buf;
}

// Bounds no real export comes near; past them a summary is refused, not counted.
constexpr int kMaxChapterNumber = 100000, kMaxVersion = 1000000000, kMaxChars = 100000000;
constexpr double kMaxMinutes = 100000;  // about ten weeks on one chapter

class SummaryReader {
 public:
  explicit SummaryReader(const std::string& path) : path_(path) {}
  bool failed() const { return !problem_.message.empty(); }
  const ReportProblem& problem() const { return problem_; }

  void fail(const yaml::Node& at, const std::string& message) {
    if (!failed()) problem_ = {path_ + ":" + std::to_string(at.pos.line) + ":" + std::to_string(at.pos.col), message};
  }

  const yaml::Node* field(const yaml::Node& map, const char* key, yaml::Kind kind, const char* kindText) {
    const yaml::Node* v = map.find(key);
    if (!v) {
      fail(map, std::string("missing '") + key + "'");
      return nullptr;
    }
    if (v->kind != kind) {
      fail(*v, std::string("'") + key + "' must be " + kindText);
      return nullptr;
    }
    return v;
  }

  std::string text(const yaml::Node& map, const char* key) {
    const yaml::Node* v = field(map, key, yaml::Kind::Scalar, "a text");
    return v ? v->text : std::string();
  }

  // A number in [min, max], checked before anyone converts it (1e308, inf and nan would
  // make the conversion to int undefined).
  double number(const yaml::Node& map, const char* key, double min, double max) {
    const yaml::Node* v = field(map, key, yaml::Kind::Scalar, "a number");
    if (!v) return 0;
    char* end = nullptr;
    double d = std::strtod(v->text.c_str(), &end);
    if (v->text.empty() || *end || v->style != yaml::Style::Plain || !std::isfinite(d) || d < min || d > max) {
      fail(*v, std::string("'") + key + "' must be a number from " + numberText(min) + " to " + numberText(max));
      return 0;
    }
    return d;
  }
  int whole(const yaml::Node& map, const char* key, int max) { return static_cast<int>(number(map, key, 0, max)); }

  const yaml::Node* list(const yaml::Node& map, const char* key) {
    return field(map, key, yaml::Kind::Sequence, "a list");
  }

  const yaml::Node* item(const yaml::Node& node, const char* what) {
    if (node.kind == yaml::Kind::Map) return &node;
    fail(node, std::string("each of '") + what + "' must be a map of keys");
    return nullptr;
  }

 private:
  std::string path_;
  ReportProblem problem_;
};

void readChoices(SummaryReader& r, const yaml::Node& root, ClassSummary& out) {
  const yaml::Node* choices = r.list(root, "choices");
  for (size_t i = 0; choices && i < choices->items.size() && !r.failed(); ++i) {
    const yaml::Node* c = r.item(*choices->items[i], "choices");
    if (!c) return;
    SummaryChoice choice;
    choice.chapter = r.text(*c, "chapter");
    choice.chapterNumber = r.whole(*c, "chapter_number", kMaxChapterNumber);
    choice.chapterTitle = r.text(*c, "chapter_title");
    choice.scene = r.text(*c, "scene");
    choice.sceneTitle = r.text(*c, "scene_title");
    choice.choice = r.text(*c, "choice");
    if (const yaml::Node* options = r.list(*c, "options"))
      for (const yaml::Node* o : options->items) {
        if (o->kind == yaml::Kind::Scalar) choice.options.push_back(o->text);
        else r.fail(*o, "each of 'options' must be a text");
      }
    out.choices.push_back(std::move(choice));
  }
}

void readPrompts(SummaryReader& r, const yaml::Node& root, ClassSummary& out) {
  const yaml::Node* prompts = r.list(root, "prompts");
  for (size_t i = 0; prompts && i < prompts->items.size() && !r.failed(); ++i) {
    const yaml::Node* p = r.item(*prompts->items[i], "prompts");
    if (!p) return;
    out.prompts.push_back({r.text(*p, "scene"), r.text(*p, "kind"), r.text(*p, "ask"),
                           static_cast<size_t>(r.whole(*p, "reflection_chars", kMaxChars))});
    // Objectives came later: a summary without them is still a summary.
    if (const yaml::Node* ao = p->find("ao"); ao && ao->kind == yaml::Kind::Sequence)
      for (const yaml::Node* o : ao->items) {
        if (o->kind == yaml::Kind::Scalar && o->text.size() == 3 && o->text.rfind("AO", 0) == 0 && o->text[2] >= '1' &&
            o->text[2] <= '4')
          out.prompts.back().ao = static_cast<uint8_t>(out.prompts.back().ao | (1u << (o->text[2] - '1')));
        else
          r.fail(*o, "each of 'ao' must be AO1, AO2, AO3 or AO4");
      }
  }
}

void readEndingsAndTimes(SummaryReader& r, const yaml::Node& root, ClassSummary& out) {
  if (const yaml::Node* endings = r.list(root, "endings"))
    for (const yaml::Node* e : endings->items) {
      if (e->kind == yaml::Kind::Scalar) out.endings.push_back(e->text);
      else r.fail(*e, "each of 'endings' must be a text");
    }
  // Times came later than the rest: a summary without them is still a summary.
  const yaml::Node* chapters = root.find("chapters");
  if (!chapters || chapters->kind != yaml::Kind::Sequence) return;
  for (const yaml::Node* c : chapters->items) {
    if (!r.item(*c, "chapters")) return;
    out.chapterMinutes.emplace_back(r.text(*c, "title"), r.number(*c, "minutes", 0, kMaxMinutes));
  }
}

}  // namespace

bool parseClassSummary(const std::string& path, std::string text, ClassSummary& out, ReportProblem& problem) {
  out = ClassSummary{};
  out.source = path;
  yaml::Document doc = yaml::parse(std::move(text));
  if (!doc.problems.empty() || !doc.root) {
    const auto& p = doc.problems.empty() ? yaml::Problem{{1, 1}, "empty file", ""} : doc.problems.front();
    problem = {path + ":" + std::to_string(p.pos.line) + ":" + std::to_string(p.pos.col), "not valid JSON: " + p.message};
    return false;
  }
  SummaryReader r(path);
  const yaml::Node& root = *doc.root;
  if (root.kind != yaml::Kind::Map || !root.find("format")) {
    r.fail(root, "not a Lost Corner class summary (no \"format\" key)");
  } else if (r.text(root, "format") != kClassSummaryFormat && !r.failed()) {
    r.fail(*root.find("format"), "unknown summary format '" + root.find("format")->text + "' (this report reads " +
                                      kClassSummaryFormat + ")");
  }
  if (!r.failed()) {
    out.exportId = r.text(root, "export_id");
    out.exportedAt = r.text(root, "exported_at");
    if (const yaml::Node* name = root.find("student"); name && name->kind == yaml::Kind::Scalar)
      out.student = name->text;
    if (const yaml::Node* story = r.field(root, "story", yaml::Kind::Map, "a map")) {
      out.storyId = r.text(*story, "id");
      out.storyVersion = r.whole(*story, "version", kMaxVersion);
      out.storyTitle = r.text(*story, "title");
    }
    if (!r.failed() && out.exportId.empty()) r.fail(*root.find("export_id"), "'export_id' is empty");
  }
  if (!r.failed()) readChoices(r, root, out);
  if (!r.failed()) readPrompts(r, root, out);
  if (!r.failed()) readEndingsAndTimes(r, root, out);
  problem = r.problem();
  return !r.failed();
}

bool readClassSummary(const std::string& path, ClassSummary& out, ReportProblem& problem) {
  std::string text, why;
  if (!readFile(path, text, why, ReportLimits{}.maxSummaryBytes)) {
    problem = {path, "cannot read: " + why};
    return false;
  }
  return parseClassSummary(path, std::move(text), out, problem);
}

}  // namespace lc

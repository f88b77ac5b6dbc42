// story.yaml: the manifest.
#include <set>

#include "core/suggest.h"
#include "load/build.h"
#include "load/file_io.h"

namespace lc {
namespace {

bool isValidStoryId(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::optional<Value> readInitial(FileCtx& f, const yaml::Node& node, Type type, const std::string& what) {
  switch (type) {
    case Type::Int:
      if (auto v = readInt(f, node, what)) return Value::ofInt(*v);
      return std::nullopt;
    case Type::Bool:
      if (auto v = readBool(f, node, what)) return Value::ofBool(*v);
      return std::nullopt;
    case Type::String:
      if (node.kind == yaml::Kind::Null) return Value::ofString("");
      if (auto v = readString(f, node, what)) return Value::ofString(*v);
      return std::nullopt;
  }
  return std::nullopt;
}

void readVariable(FileCtx& f, Story& story, const yaml::Node& key, const yaml::Node& value) {
  const std::string& name = key.text;
  std::string what = "variable '" + name + "'";
  if (!isValidVariableName(name)) {
    f.error(key.pos, "'" + name + "' is not a valid variable name",
            "use letters, digits and _ (not starting with a digit), and not a reserved word "
            "(and or not true false if else end visits seen)");
    return;
  }
  Fields v(f, value, what, {"type", "initial", "min", "max"});
  if (!v.isMap()) return;
  auto typeName = v.string("type", true);
  if (!typeName) return;
  VariableDecl decl;
  decl.name = name;
  decl.loc = f.loc(key.pos);
  if (*typeName == "int") decl.info.type = Type::Int;
  else if (*typeName == "bool") decl.info.type = Type::Bool;
  else if (*typeName == "string") decl.info.type = Type::String;
  else {
    f.error(v.get("type")->pos, "unknown type '" + *typeName + "' for " + what, "the types are int, bool and string");
    return;
  }
  const yaml::Node* initial = v.require("initial");
  if (!initial) return;
  // A bad initial value is reported, and the variable still declared (with the type's
  // zero value) so that every use of it isn't reported again as undeclared.
  auto init = readInitial(f, *initial, decl.info.type, "'initial' of " + what);
  decl.initial = init ? *init : Value{decl.info.type, 0, {}};
  for (const char* bound : {"min", "max"}) {
    const yaml::Node* b = v.get(bound);
    if (!b) continue;
    if (decl.info.type != Type::Int) {
      f.error(b->pos, std::string("'") + bound + "' only applies to int variables, and " + what + " is a " +
              lc::typeName(decl.info.type), "remove it");
      continue;
    }
    if (auto n = readInt(f, *b, std::string("'") + bound + "' of " + what))
      (bound[1] == 'i' ? decl.info.min : decl.info.max) = *n;
  }
  if (decl.info.min && decl.info.max && *decl.info.min > *decl.info.max)
    f.error(v.get("min")->pos, "min is greater than max for " + what, "swap them");
  else if ((decl.info.min && decl.initial.number < *decl.info.min) ||
           (decl.info.max && decl.initial.number > *decl.info.max))
    f.error(initial->pos, "the initial value of " + what + " is outside its min/max", "make min <= initial <= max");
  decl.info.slot = static_cast<int>(story.variables.size());
  story.variables.push_back(std::move(decl));
}

void readCues(FileCtx& f, Story& story, const yaml::Node& node, bool music) {
  const std::string kind = music ? "music cue" : "sound cue";
  if (node.kind != yaml::Kind::Map) {
    if (node.kind != yaml::Kind::Null) f.error(node.pos, std::string(music ? "'music'" : "'sounds'") + " must be a map of cue id -> cue");
    return;
  }
  for (const auto& [key, value] : node.entries) {
    std::string what = kind + " '" + key->text + "'";
    if (key->text == "none") {
      f.error(key->pos, "a cue may not be named 'none'", "'music: none' stops the music; choose another name");
      continue;
    }
    Fields c(f, *value, what, {"file", "loop", "volume", "caption"});
    if (!c.isMap()) continue;
    Cue cue;
    cue.id = key->text;
    cue.loc = f.loc(key->pos);
    if (auto file = c.string("file", true)) {
      std::string why;
      cue.file = storyFilePath(story.folder, *file, why);
      if (cue.file.empty()) f.error(c.get("file")->pos, "the file of " + what + ": " + why);
    }
    cue.loop = c.boolean("loop").value_or(false);
    if (auto vol = c.number("volume")) {
      if (*vol < 0.0 || *vol > 1.0) f.error(c.get("volume")->pos, "volume of " + what + " must be between 0 and 1");
      cue.volume = static_cast<float>(*vol);
    }
    cue.caption = c.string("caption").value_or("");
    (music ? story.music : story.sounds).push_back(std::move(cue));
  }
}

std::vector<ChapterEntry> readChapterList(FileCtx& f, const Story& story, const yaml::Node& node) {
  std::vector<ChapterEntry> out;
  if (node.kind != yaml::Kind::Sequence) {
    f.error(node.pos, "'chapters' must be a list of chapter files", "write chapters: [first.yaml, second.yaml], the chapter files in order");
    return out;
  }
  std::set<std::string> stems;
  for (const yaml::Node* item : node.items) {
    auto file = readString(f, *item, "a chapter entry");
    if (!file) continue;
    std::string why, path = storyFilePath(story.folder, *file, why);
    if (path.empty()) {
      f.error(item->pos, "chapter file: " + why);
      continue;
    }
    ChapterEntry e{*file, path, fileStem(*file), item->pos};
    if (!stems.insert(e.stem).second) {
      f.error(item->pos, "chapter '" + e.stem + "' is listed twice", "remove the second entry");
      continue;
    }
    out.push_back(std::move(e));
  }
  if (out.empty() && node.items.empty()) f.error(node.pos, "the story has no chapters", "list at least one chapter file");
  return out;
}

void readGlossary(FileCtx& f, Story& story, const yaml::Node& node) {
  if (node.kind != yaml::Kind::Map) {
    f.error(node.pos, "'glossary' must be a map of term -> explanation");
    return;
  }
  for (const auto& [key, value] : node.entries)
    if (auto text = readString(f, *value, "the glossary entry '" + key->text + "'"))
      story.glossary.emplace_back(key->text, *text);
}

}  // namespace

Manifest buildManifest(FileCtx& f, Story& story) {
  Manifest m;
  if (!f.doc.root) return m;
  Fields top(f, *f.doc.root, "the manifest",
             {"format", "id", "title", "version", "start", "chapters", "variables", "music", "sounds", "glossary"});
  if (!top.isMap()) return m;
  if (auto format = top.string("format", true); format && *format != "lostcorner/1")
    f.error(top.get("format")->pos, "unknown story format '" + *format + "'", "this engine reads 'format: lostcorner/1'");
  if (auto id = top.string("id", true)) {
    story.id = *id;
    if (!isValidStoryId(*id)) f.error(top.get("id")->pos, "story id '" + *id + "' may use only a-z, 0-9 and -");
  }
  story.title = top.string("title", true).value_or("");
  story.version = top.integer("version").value_or(1);
  if (auto start = top.string("start", true)) {
    m.start = *start;
    m.startPos = top.get("start")->pos;
  }
  if (const yaml::Node* vars = top.get("variables")) {
    if (vars->kind == yaml::Kind::Map) {
      for (const auto& [key, value] : vars->entries) readVariable(f, story, *key, *value);
    } else if (vars->kind != yaml::Kind::Null) {
      f.error(vars->pos, "'variables' must be a map of name -> {type, initial}");
    }
  }
  if (const yaml::Node* music = top.get("music")) readCues(f, story, *music, true);
  if (const yaml::Node* sounds = top.get("sounds")) readCues(f, story, *sounds, false);
  if (const yaml::Node* glossary = top.get("glossary")) readGlossary(f, story, *glossary);
  if (const yaml::Node* chapters = top.require("chapters")) m.chapters = readChapterList(f, story, *chapters);
  return m;
}

bool isValidSceneId(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return false;
  return true;
}

bool isValidVariableName(const std::string& name) {
  static const std::set<std::string> reserved = {"and", "or", "not", "true", "false", "if", "else", "end", "visits", "seen"};
  if (name.empty() || reserved.count(name)) return false;
  if (name[0] >= '0' && name[0] <= '9') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace lc

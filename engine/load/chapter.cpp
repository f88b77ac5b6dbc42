// Chapter files: the scenes and their choices.
#include "core/suggest.h"
#include "load/assessment.h"
#include "load/build.h"
#include "load/scope.h"

namespace lc {
namespace {

// Compile errors of an expression or text, mapped back into the file.
void reportExprErrors(FileCtx& f, const yaml::Node& node, const std::vector<ExprError>& errors) {
  for (const auto& e : errors) {
    if (e.knockOn) f.diags.hide();
    else f.error(f.doc.positionIn(node, e.offset), e.message, e.hint);
  }
}

SourceLoc exprLoc(FileCtx& f, const yaml::Node& node) { return f.loc(f.doc.positionIn(node, 0)); }

// More '(' than ')' outside strings: an effect YAML cut short at a comma.
bool hasOpenParen(const std::string& text) {
  int depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
  }
  return depth > 0;
}

std::vector<LocatedEffect> readEffects(FileCtx& f, const yaml::Node& node, const StoryScope& scope) {
  std::vector<LocatedEffect> out;
  std::vector<const yaml::Node*> items;
  if (node.kind == yaml::Kind::Sequence) items = node.items;
  else if (node.kind == yaml::Kind::Scalar) items.push_back(&node);  // one effect without brackets
  else if (node.kind != yaml::Kind::Null) f.error(node.pos, "'do' must be a list of effects", "write do: [x = 1, y += 2]");
  for (size_t i = 0; i < items.size(); ++i) {
    const yaml::Node* item = items[i];
    if (!item->isScalar()) {
      f.error(item->pos, "an effect must be a text such as 'x = 1', got " + std::string(kindName(*item)));
      continue;
    }
    // `do: [roll = random(1, 6)]`: YAML splits a list in brackets at every comma, the one
    // inside random(...) too. The items the brackets were cut into are put back together.
    std::string text = item->text;
    std::vector<std::pair<size_t, const yaml::Node*>> parts{{0, item}};  // offset in text, node
    while (hasOpenParen(text) && i + 1 < items.size() && items[i + 1]->isScalar()) {
      text += ", ";
      parts.emplace_back(text.size(), items[++i]);
      text += items[i]->text;
    }
    std::vector<ExprError> errors;
    auto effect = compileEffect(text, scope, errors);
    for (const auto& e : errors) {
      size_t part = parts.size() - 1;
      while (part > 0 && e.offset < parts[part].first) --part;
      const size_t within = e.offset - parts[part].first;
      if (e.knockOn)
        f.diags.hide();
      else
        f.error(f.doc.positionIn(*parts[part].second, within), e.message, e.hint);
    }
    if (effect) out.push_back({std::move(*effect), exprLoc(f, *item)});
  }
  return out;
}

// A choice label, scene title or ending title with tags, compiled like scene text. It
// was shown as written before the second edition, so tags that do not compile are
// warnings and the line stays as written; `what` names it in the message.
TextTemplate readLine(FileCtx& f, const yaml::Node* node, const std::string& text, const StoryScope& scope,
                      const std::string& what, SourceLoc& loc, bool& dynamic) {
  if (!node || text.find_first_of("{}") == std::string::npos) return {};
  std::vector<ExprError> errors;
  auto compiled = compileText(text, scope, errors);
  for (const auto& e : errors) {
    if (e.knockOn) continue;
    f.warning(f.doc.positionIn(*node, e.offset), e.message + " in " + what,
              e.hint + (e.hint.empty() ? "" : "; ") + "until then it is shown as written, braces and all");
  }
  if (!compiled) return {};
  loc = exprLoc(f, *node);
  dynamic = true;
  return std::move(*compiled);
}

int resolveTarget(FileCtx& f, const yaml::Node& node, const StoryScope& scope, const std::string& what) {
  auto ref = readString(f, node, what);
  if (!ref) return -1;
  int target = scope.findScene(*ref);
  if (target < 0 && scope.inUnreadChapter(*ref)) {
    f.diags.hide();
  } else if (target < 0) {
    std::string hint = suggestScene(*ref, scope.sceneNames());
    f.error(node.pos, "unknown scene '" + *ref + "' in " + what,
            hint.empty() ? "write a scene of this chapter, or chapter.scene for another chapter" : hint);
  }
  return target;
}

// A target, or a list of branches `- {if: cond, goto: scene}` ending in one without `if`
// (the fallback). Fills `fallback` and `branches`.
void readTargets(FileCtx& f, const yaml::Node& node, const StoryScope& scope, const std::string& what,
                 int& fallback, std::vector<Branch>& branches) {
  if (node.kind != yaml::Kind::Sequence) {
    fallback = resolveTarget(f, node, scope, what);
    return;
  }
  if (node.items.empty()) {
    f.error(node.pos, what + " is an empty list", "write a scene, or branches: - {if: x > 1, goto: a} then - goto: b");
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    std::string item = "branch " + std::to_string(i + 1) + " of " + what;
    Fields b(f, *node.items[i], item, {"if", "goto"});
    if (!b.isMap()) continue;
    const yaml::Node* target = b.require("goto");
    const yaml::Node* cond = b.get("if");
    const bool last = i + 1 == node.items.size();
    if (!cond) {
      if (!last)
        f.error(b.firstKeyPos(), item + " has no 'if', so the branches after it are never taken",
                "give it an 'if', or move it to the end as the fallback");
      if (target) fallback = resolveTarget(f, *target, scope, "'goto' of " + item);
      continue;
    }
    Branch branch;
    if (auto src = readString(f, *cond, "'if' of " + item)) {
      std::vector<ExprError> errors;
      auto e = compileCondition(*src, scope, errors);
      reportExprErrors(f, *cond, errors);
      if (e) branch.condition = std::move(*e);
      branch.conditionLoc = exprLoc(f, *cond);
    }
    if (target) branch.target = resolveTarget(f, *target, scope, "'goto' of " + item);
    branches.push_back(std::move(branch));
    if (last)
      f.error(b.firstKeyPos(), "the last branch of " + what + " has an 'if': nothing says where to go when no condition holds",
              "end the list with a branch without 'if', e.g. - goto: " + std::string(target ? target->text : "scene"));
  }
}

void readChoice(FileCtx& f, Scene& scene, const yaml::Node& node, const StoryScope& scope, size_t index) {
  std::string what = "choice " + std::to_string(index + 1) + " of scene '" + scene.id + "'";
  Fields c(f, node, what, {"text", "goto", "if", "once", "do", "fallback"});
  if (!c.isMap()) return;
  Choice choice;
  choice.loc = f.loc(c.firstKeyPos());
  choice.text = c.string("text").value_or("");  // none: an automatic choice
  choice.label =
      readLine(f, c.get("text"), choice.text, scope, "the label of " + what, choice.labelLoc, scene.dynamicLines);
  if (const yaml::Node* target = c.require("goto"))
    readTargets(f, *target, scope, "'goto' of " + what, choice.target, choice.branches);
  choice.fallback = c.boolean("fallback").value_or(false) || choice.text.empty();
  scene.hasFallbacks = scene.hasFallbacks || choice.fallback;
  if (const yaml::Node* cond = c.get("if")) {
    if (auto src = readString(f, *cond, "'if' of " + what)) {
      std::vector<ExprError> errors;
      choice.condition = compileCondition(*src, scope, errors);
      reportExprErrors(f, *cond, errors);
      choice.conditionLoc = exprLoc(f, *cond);
    }
  }
  choice.once = c.boolean("once").value_or(false);
  if (const yaml::Node* effects = c.get("do")) choice.effects = readEffects(f, *effects, scope);
  scene.choices.push_back(std::move(choice));
}

void readMusic(FileCtx& f, const Story& story, Scene& scene, const yaml::Node& node) {
  auto id = readString(f, node, "'music' of scene '" + scene.id + "'");
  if (!id) return;
  if (*id == "none") {
    scene.music.kind = MusicChange::Stop;
    return;
  }
  scene.music.cue = story.findMusic(*id);
  scene.music.kind = MusicChange::Play;
  if (scene.music.cue >= 0) return;
  std::vector<std::string> ids;
  for (const auto& cue : story.music) ids.push_back(cue.id);
  std::string hint = didYouMean(*id, ids);
  f.error(node.pos, "unknown music cue '" + *id + "'", hint.empty() ? "declare it under 'music:' in the manifest, or write none" : hint);
}

void readSound(FileCtx& f, const Story& story, Scene& scene, const yaml::Node& node) {
  const yaml::Node* idNode = &node;
  if (node.kind == yaml::Kind::Map) {
    Fields s(f, node, "'sound' of scene '" + scene.id + "'", {"cue", "loop"});
    idNode = s.require("cue");
    scene.sound.loop = s.boolean("loop").value_or(false);
    if (!idNode) return;
  }
  auto id = readString(f, *idNode, "'sound' of scene '" + scene.id + "'");
  if (!id) return;
  if (*id == "none") {
    scene.sound.stop = true;
    return;
  }
  scene.sound.cue = story.findSound(*id);
  if (scene.sound.cue >= 0) return;
  std::vector<std::string> ids;
  for (const auto& cue : story.sounds) ids.push_back(cue.id);
  std::string hint = didYouMean(*id, ids);
  f.error(idNode->pos, "unknown sound cue '" + *id + "'", hint.empty() ? "declare it under 'sounds:' in the manifest" : hint);
}

void readPrompt(FileCtx& f, Scene& scene, const yaml::Node& node) {
  const std::string what = "the prompt of scene '" + scene.id + "'";
  Fields p(f, node, what, {"kind", "ask", "ao", "support", "stretch"});
  if (!p.isMap()) return;
  auto kind = p.string("kind", true);
  auto ask = p.string("ask", true);
  Prompt prompt;
  prompt.loc = f.loc(node.pos);
  readAskTags(f, p, what, prompt);
  if (!kind || !ask) return;
  prompt.ask = *ask;
  static const char* kinds[] = {"predict", "question", "clarify", "summarise", "connect"};
  for (int k = 0; k < 5; ++k)
    if (*kind == kinds[k]) {
      prompt.kind = static_cast<PromptKind>(k);
      scene.prompt = std::move(prompt);
      return;
    }
  std::string hint = didYouMean(*kind, {kinds, kinds + 5});
  f.error(p.get("kind")->pos, "unknown prompt kind '" + *kind + "'",
          hint.empty() ? "the kinds are predict, question, clarify, summarise, connect" : hint);
}

void readTags(FileCtx& f, Scene& scene, const yaml::Node& node) {
  if (node.kind != yaml::Kind::Sequence) {
    f.error(node.pos, "'tags' of scene '" + scene.id + "' must be a list", "write tags: [theme:memory]");
    return;
  }
  for (const yaml::Node* t : node.items)
    if (auto tag = readString(f, *t, "a tag of scene '" + scene.id + "'")) scene.tags.push_back(*tag);
}

void readText(FileCtx& f, Scene& scene, const yaml::Node& node, const StoryScope& scope) {
  auto src = readString(f, node, "'text' of scene '" + scene.id + "'");
  if (!src) return;
  std::vector<ExprError> errors;
  auto text = compileText(*src, scope, errors);
  reportExprErrors(f, node, errors);
  if (text) scene.text = std::move(*text);
  scene.textLoc = exprLoc(f, node);
}

// Exactly one way on: choices, next, or end: true.
void readWayOn(FileCtx& f, Scene& scene, Fields& s, const yaml::Node& key, const StoryScope& scope) {
  const yaml::Node* choices = s.get("choices");
  const yaml::Node* next = s.get("next");
  std::optional<bool> endValue = s.boolean("end");
  bool end = endValue.value_or(false);
  // A mistyped `end` was reported already; count it as a way on so as not to add
  // a second, misleading "no way on".
  bool endClaimed = end || (s.get("end") && !endValue);
  int ways = (choices ? 1 : 0) + (next ? 1 : 0) + (endClaimed ? 1 : 0);
  if (ways == 0) {
    f.error(key.pos, "scene '" + scene.id + "' has no way on", "give it choices, next: <scene>, or end: true");
  } else if (ways > 1) {
    std::string which = std::string(choices ? "choices" : "") + (choices && next ? " and " : "") +
                        (next ? "next" : "") + ((choices || next) && end ? " and " : "") + (end ? "end" : "");
    f.error(key.pos, "scene '" + scene.id + "' has more than one way on (" + which + ")", "keep only one of choices, next, end");
  }
  scene.isEnd = end;
  if (const yaml::Node* ending = s.get("ending")) {
    if (!end) f.error(ending->pos, "'ending' without 'end: true' in scene '" + scene.id + "'", "add end: true, or remove ending");
    else scene.ending = readString(f, *ending, "'ending' of scene '" + scene.id + "'").value_or("");
    scene.endingText = readLine(f, ending, scene.ending, scope, "the ending title of scene '" + scene.id + "'",
                                scene.endingLoc, scene.dynamicLines);
  }
  if (next) readTargets(f, *next, scope, "'next' of scene '" + scene.id + "'", scene.next, scene.nextBranches);
  if (!choices) return;
  if (choices->kind != yaml::Kind::Sequence) {
    if (choices->kind != yaml::Kind::Null) {
      f.error(choices->pos, "'choices' of scene '" + scene.id + "' must be a list", "write each choice as - text: ... goto: ...");
      return;
    }
  } else {
    for (size_t i = 0; i < choices->items.size(); ++i) readChoice(f, scene, *choices->items[i], scope, i);
  }
  if (!s.get("text") && end) return;  // reported by the caller
  if (choices->items.empty())
    f.error(key.pos, "scene '" + scene.id + "' is a dead end: its choice list is empty", "add a choice, or use next/end");
}

void readScene(FileCtx& f, const Story& story, Scene& scene, const yaml::Node& key, const yaml::Node& value,
               const StoryScope& scope) {
  Fields s(f, value, "scene '" + scene.id + "'",
           {"title", "music", "sound", "do", "text", "prompt", "journal", "tags", "choices", "next", "end", "ending"});
  if (!s.isMap()) return;
  scene.title = s.string("title").value_or("");
  scene.titleText = readLine(f, s.get("title"), scene.title, scope, "the title of scene '" + scene.id + "'",
                             scene.titleLoc, scene.dynamicLines);
  if (const yaml::Node* music = s.get("music")) readMusic(f, story, scene, *music);
  if (const yaml::Node* sound = s.get("sound")) readSound(f, story, scene, *sound);
  if (const yaml::Node* effects = s.get("do")) scene.onEnter = readEffects(f, *effects, scope);
  if (const yaml::Node* text = s.get("text")) readText(f, scene, *text, scope);
  if (const yaml::Node* prompt = s.get("prompt")) readPrompt(f, scene, *prompt);
  if (const yaml::Node* journal = s.get("journal"))
    readAsk(f, *journal, "the journal question of scene '" + scene.id + "'", true, scene.journal);
  if (const yaml::Node* tags = s.get("tags")) readTags(f, scene, *tags);
  readWayOn(f, scene, s, key, scope);
  if (!s.get("text") && s.get("end"))
    f.error(key.pos, "scene '" + scene.id + "' has no text", "an ending needs text; a scene that goes on by next or choices may leave it out");
  bool automatic = s.get("next") != nullptr;
  for (const Choice& c : scene.choices) automatic = automatic || c.text.empty();
  scene.passThrough = !s.get("text") && !scene.isEnd && automatic;
}

// `exam:` a list of {ask, ao, support, stretch}: questions for the end of the chapter.
void readExam(FileCtx& f, Chapter& c, const yaml::Node& node) {
  if (node.kind != yaml::Kind::Sequence) {
    f.error(node.pos, "'exam' of chapter '" + c.id + "' must be a list, got " + std::string(kindName(node)),
            "write each question as   - ask: \"How does the writer present ...?\"\n      ao: [AO1, AO2]");
    return;
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    Ask ask;
    if (readAsk(f, *node.items[i], "exam question " + std::to_string(i + 1) + " of chapter '" + c.id + "'", false, ask))
      c.exam.push_back(std::move(ask));
  }
}

const yaml::Node* scenesMap(FileCtx& f) {
  if (!f.doc.root || f.doc.root->kind != yaml::Kind::Map) return nullptr;
  const yaml::Node* scenes = f.doc.root->find("scenes");
  return scenes && scenes->kind == yaml::Kind::Map ? scenes : nullptr;
}

}  // namespace

void collectScenes(FileCtx& f, Story& story, int chapter, const std::string& expectedStem) {
  Chapter& c = story.chapters[chapter];
  c.id = expectedStem;
  if (!f.doc.root) return;
  Fields top(f, *f.doc.root, "the chapter file", {"chapter", "title", "content_note", "exam", "scenes"});
  if (!top.isMap()) return;
  if (const yaml::Node* exam = top.get("exam")) readExam(f, c, *exam);
  if (auto name = top.string("chapter", true); name && *name != expectedStem)
    f.error(top.get("chapter")->pos, "chapter '" + *name + "' must be named after its file, '" + expectedStem + "'",
            "write chapter: " + expectedStem + " (the chapter name is the file's stem)");
  c.title = top.string("title").value_or("");
  c.contentNote = top.string("content_note").value_or("");
  const yaml::Node* scenes = top.require("scenes");
  if (!scenes) return;
  if (scenes->kind != yaml::Kind::Map) {
    f.error(scenes->pos, "'scenes' must be a map of scene id -> scene", "write each scene as   id:\\n    text: ...");
    return;
  }
  if (scenes->entries.empty()) f.error(scenes->pos, "chapter '" + c.id + "' has no scenes");
  for (const auto& [key, value] : scenes->entries) {
    if (!isValidSceneId(key->text)) {
      f.error(key->pos, "'" + key->text + "' is not a valid scene id", "use letters, digits, _ and -");
      continue;
    }
    Scene scene;
    scene.id = key->text;
    scene.qualified = c.id + "." + key->text;
    scene.chapter = chapter;
    scene.loc = f.loc(key->pos);
    int index = static_cast<int>(story.scenes.size());
    if (!story.sceneIndex.emplace(scene.qualified, index).second) continue;  // duplicate key: yaml_tree reports it
    c.scenes.push_back(index);
    story.scenes.push_back(std::move(scene));
  }
}

void buildScenes(FileCtx& f, Story& story, int chapter, const std::vector<bool>& unread) {
  const yaml::Node* scenes = scenesMap(f);
  if (!scenes) return;
  StoryScope scope(story, chapter, unread);
  const Chapter& c = story.chapters[chapter];
  size_t next = 0;
  for (const auto& [key, value] : scenes->entries) {
    if (next >= c.scenes.size()) break;
    Scene& scene = story.scenes[c.scenes[next]];
    if (scene.id != key->text || scene.loc.line != key->pos.line) continue;  // skipped in pass 1
    ++next;
    readScene(f, story, scene, *key, *value, scope);
  }
}

}  // namespace lc

// Warnings about a story that loads but has something a writer should look at: scenes
// nobody can reach, choices nobody can see, variables and cues nothing uses, paragraphs
// too long for a screen. All of them read the story only; what play can reach is
// analysis/play_lint's, run by `check`. Run only on a story without errors: on a broken
// one they would be guesses.
#include <algorithm>
#include <cstdio>

#include "analysis/story_graph.h"
#include "load/build.h"

namespace lc {
namespace {

// Paragraphs longer than this do not fit on one screen of the player at its default
// text size (about 12 lines of 100 characters).
constexpr size_t kLongParagraph = 1200;
void warn(const Story& story, const SourceLoc& loc, std::string message, std::string hint, Diagnostics& out) {
  std::string file = loc.file >= 0 ? story.files[static_cast<size_t>(loc.file)] : "";
  out.warning(file, loc.line, loc.col, std::move(message), std::move(hint));
}

std::string grouped(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string choiceName(const Scene& s, size_t c) {
  return "choice " + std::to_string(c + 1) + " (\"" + s.choices[c].text + "\") of scene '" + s.id + "'";
}

// What leads to each scene: by `next` or a choice that can be shown, and by a choice
// that never can.
struct Leads {
  std::vector<std::vector<int>> open, hidden;
};

Leads leadsOf(const Story& story) {
  Leads l;
  l.open.resize(story.scenes.size());
  l.hidden.resize(story.scenes.size());
  for (size_t i = 0; i < story.scenes.size(); ++i) {
    const Scene& s = story.scenes[i];
    auto branches = [&](const std::vector<Branch>& list, bool never) {
      for (const Branch& b : list) {
        if (b.target < 0) continue;
        bool off = never || b.condition.truth() == Expr::Truth::AlwaysFalse;
        (off ? l.hidden : l.open)[static_cast<size_t>(b.target)].push_back(static_cast<int>(i));
      }
    };
    if (s.next >= 0) l.open[static_cast<size_t>(s.next)].push_back(static_cast<int>(i));
    branches(s.nextBranches, false);
    for (const Choice& c : s.choices) {
      if (c.target < 0) continue;
      bool never = c.condition && c.condition->truth() == Expr::Truth::AlwaysFalse;
      (never ? l.hidden : l.open)[static_cast<size_t>(c.target)].push_back(static_cast<int>(i));
      branches(c.branches, never);
    }
  }
  return l;
}

// Why nobody reaches `scene`: what leads there, and whether that is reachable itself.
std::string unreachableHint(const Story& story, size_t scene, const Leads& leads, const std::vector<bool>& reached) {
  std::vector<int> from = leads.open[scene];
  from.erase(std::unique(from.begin(), from.end()), from.end());
  if (!from.empty()) {
    std::string list;
    for (size_t i = 0; i < from.size() && i < 5; ++i)
      list += (i ? ", '" : "'") + story.scenes[static_cast<size_t>(from[i])].qualified + "'";
    return "only scenes that can never be reached lead here (" + list + "); link one of them from the story, or remove them";
  }
  for (int s : leads.hidden[scene])
    if (reached[static_cast<size_t>(s)]) return "the only choices leading here can never be shown; fix their conditions";
  return "no choice or next leads here; add a goto to it from another scene, or remove it";
}

void checkReachable(const Story& story, const SceneGraph& graph, Diagnostics& out) {
  std::vector<bool> reached = graph.reachableFrom(story.start);
  Leads leads = leadsOf(story);
  for (size_t i = 0; i < story.scenes.size(); ++i) {
    if (reached[i]) continue;
    const Scene& s = story.scenes[i];
    warn(story, s.loc, "scene '" + s.id + "' can never be reached", unreachableHint(story, i, leads, reached), out);
  }
}

void checkNeverShown(const Story& story, Diagnostics& out) {
  for (const Scene& s : story.scenes)
    for (size_t c = 0; c < s.choices.size(); ++c) {
      const Choice& choice = s.choices[c];
      if (!choice.condition || choice.condition->truth() != Expr::Truth::AlwaysFalse) continue;
      warn(story, choice.loc, choiceName(s, c) + " can never be shown: its condition is always false",
           "'" + choice.condition->source() + "' never holds given the variables' min/max; fix the condition or remove the choice", out);
    }
}

struct Use {
  bool read = false, written = false;
};

void noteEffects(const std::vector<LocatedEffect>& effects, std::vector<Use>& uses) {
  for (const LocatedEffect& e : effects) {
    uses[static_cast<size_t>(e.effect.slot)].written = true;
    // `x = x + 1` reads x only to change x: that is not a use of its value.
    for (int v : e.effect.value.readsVariables())
      if (v != e.effect.slot) uses[static_cast<size_t>(v)].read = true;
  }
}

void checkVariables(const Story& story, Diagnostics& out) {
  std::vector<Use> uses(story.variables.size());
  auto reads = [&](const Expr& e) {
    for (int v : e.readsVariables()) uses[static_cast<size_t>(v)].read = true;
  };
  for (const Scene& s : story.scenes) {
    noteEffects(s.onEnter, uses);
    for (const Expr* e : s.text.expressions()) reads(*e);
    for (const Expr* e : s.titleText.expressions()) reads(*e);
    for (const Expr* e : s.endingText.expressions()) reads(*e);
    for (const Branch& b : s.nextBranches) reads(b.condition);
    for (const Choice& c : s.choices) {
      if (c.condition) reads(*c.condition);
      for (const Expr* e : c.label.expressions()) reads(*e);
      for (const Branch& b : c.branches) reads(b.condition);
      noteEffects(c.effects, uses);
    }
  }
  for (size_t i = 0; i < uses.size(); ++i) {
    const VariableDecl& v = story.variables[i];
    if (!uses[i].read && !uses[i].written)
      warn(story, v.loc, "variable '" + v.name + "' is never used",
           "remove it from 'variables', or use it in an 'if', a 'do' or the text ({" + v.name + "})", out);
    else if (!uses[i].read)
      warn(story, v.loc, "variable '" + v.name + "' is set but never read",
           "nothing tests or shows it: use it in an 'if' or in the text ({" + v.name + "}), or remove it and the effects that set it", out);
    else if (!uses[i].written)
      warn(story, v.loc, "variable '" + v.name + "' never changes from its initial value",
           "no 'do' sets it: add an effect such as '" + v.name + " = ...', or write the value itself where it is read", out);
  }
}

void checkCues(const Story& story, Diagnostics& out) {
  std::vector<bool> music(story.music.size(), false), sounds(story.sounds.size(), false);
  for (const Scene& s : story.scenes) {
    if (s.music.kind == MusicChange::Play && s.music.cue >= 0) music[static_cast<size_t>(s.music.cue)] = true;
    if (s.sound.cue >= 0) sounds[static_cast<size_t>(s.sound.cue)] = true;
  }
  for (size_t i = 0; i < music.size(); ++i)
    if (!music[i])
      warn(story, story.music[i].loc, "music cue '" + story.music[i].id + "' is never played",
           "no scene says music: " + story.music[i].id + "; use it in a scene, or remove it", out);
  for (size_t i = 0; i < sounds.size(); ++i)
    if (!sounds[i])
      warn(story, story.sounds[i].loc, "sound cue '" + story.sounds[i].id + "' is never played",
           "no scene says sound: " + story.sounds[i].id + "; use it in a scene, or remove it", out);
}

std::string opening(const std::string& paragraph) {
  size_t cut = 0;
  for (int words = 0; cut < paragraph.size() && words < 6; ++cut)
    if (paragraph[cut] == ' ') ++words;
  return paragraph.substr(0, cut > 0 && cut < paragraph.size() ? cut - 1 : cut);
}

void checkParagraphs(const Story& story, Diagnostics& out) {
  for (const Scene& s : story.scenes) {
    if (!s.text.isStatic()) continue;  // interpolated text varies; only fixed text is measured
    const auto& paragraphs = s.text.staticParagraphs();
    for (size_t p = 0; p < paragraphs.size(); ++p) {
      size_t length = codePointCount(paragraphs[p]);
      if (length <= kLongParagraph) continue;
      warn(story, s.textLoc,
           "paragraph " + std::to_string(p + 1) + " of scene '" + s.id + "' (\"" + opening(paragraphs[p]) + " ...\") is " +
               grouped(length) + " characters long, more than fits on a screen",
           "split it with a blank line; about " + grouped(kLongParagraph) + " characters fit on one screen", out);
    }
  }
}

// Raw control characters are refused by the YAML reader; a double-quoted escape ("\e[2J")
// still writes one. The terminal shows it as U+FFFD, the window as nothing: say so.
void checkControlCharacters(const Story& story, Diagnostics& out) {
  for (const Scene& s : story.scenes) {
    for (unsigned char c : s.text.source()) {
      if ((c >= 0x20 && c != 0x7F) || c == '\n' || c == '\t') continue;
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      warn(story, s.textLoc, "the text of scene '" + s.id + "' holds the control character " + code,
           "remove the escape that writes it (such as \\e or \\x1b); players see a replacement mark", out);
      break;
    }
  }
}

// Classroom questions: a support or stretch version that asks the same as the core one;
// exam questions without objectives, or that send students to this story's own text
// for evidence (an exam answers from the set text, not from a companion's sentences).
void checkVersions(const Story& story, const Ask& a, const std::string& what, Diagnostics& out) {
  if (!a.support.empty() && a.support == a.ask)
    warn(story, a.loc, "the support version of " + what + " is the same as its ask",
         "write an easier ask, or remove 'support'", out);
  if (!a.stretch.empty() && a.stretch == a.ask)
    warn(story, a.loc, "the stretch version of " + what + " is the same as its ask",
         "write a harder ask, or remove 'stretch'", out);
}

bool pointsAtThisText(const std::string& ask) {
  std::string lower;
  for (char c : ask) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (const char* phrase :
       {"this chapter", "this scene", "these pages", "this extract from the game", "the text above"})
    if (lower.find(phrase) != std::string::npos) return true;
  return false;
}

void checkAssessment(const Story& story, Diagnostics& out) {
  for (const Scene& s : story.scenes) {
    if (s.prompt) checkVersions(story, *s.prompt, "the prompt of scene '" + s.id + "'", out);
    checkVersions(story, s.journal, "the journal question of scene '" + s.id + "'", out);
  }
  for (const Chapter& c : story.chapters)
    for (size_t i = 0; i < c.exam.size(); ++i) {
      const Ask& a = c.exam[i];
      const std::string what = "exam question " + std::to_string(i + 1) + " of chapter '" + c.id + "'";
      checkVersions(story, a, what, out);
      if (a.ao == 0)
        warn(story, a.loc, what + " has no 'ao'",
             "tag the objectives it assesses, e.g. ao: [AO1, AO2] (untagged, it counts as AO1)", out);
      if (pointsAtThisText(a.ask))
        warn(story, a.loc, what + " sends students to this story's own text for their evidence",
             "an exam answer quotes the set text: ask about the novel itself (\"How does the writer present ...?\"), "
             "so no one quotes sentences its author never wrote",
             out);
    }
}

}  // namespace

void lintStory(const Story& story, Diagnostics& out) {
  SceneGraph graph = SceneGraph::of(story);
  checkReachable(story, graph, out);
  checkNeverShown(story, out);
  checkVariables(story, out);
  checkCues(story, out);
  checkParagraphs(story, out);
  checkControlCharacters(story, out);
  checkAssessment(story, out);
}

}  // namespace lc

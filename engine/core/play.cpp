#include "core/play.h"

namespace lc {
namespace {

// Column of a byte offset inside an expression that starts at `base`.
SourceLoc offsetLoc(const SourceLoc& base, const std::string& source, size_t offset) {
  SourceLoc loc = base;
  if (offset > source.size()) offset = source.size();
  loc.col += static_cast<int>(codePointCount(std::string_view(source).substr(0, offset)));
  return loc;
}

// random(a, b) from the state's generator: xorshift32, then the value's share of it.
class StateRandom final : public RandomSource {
 public:
  explicit StateRandom(uint32_t& x) : x_(x) {}
  int32_t draw(int32_t lo, int32_t hi) override {
    x_ ^= x_ << 13;
    x_ ^= x_ >> 17;
    x_ ^= x_ << 5;
    const uint32_t span = static_cast<uint32_t>(static_cast<int64_t>(hi) - lo + 1);
    return static_cast<int32_t>(lo + static_cast<int64_t>(x_ % span));
  }

 private:
  uint32_t& x_;
};

bool runEffects(const Story& story, State& state, const std::vector<LocatedEffect>& effects,
                PlayError& error) {
  StateRandom generator(state.rng);
  for (const auto& e : effects) {
    try {
      EvalEnv env = state.env();
      env.random = state.draws ? state.draws : &generator;
      e.effect.apply(state.vars.data(), story.variables[e.effect.slot].info, env);
    } catch (const EvalError& err) {
      error = {offsetLoc(e.loc, e.effect.value.source(), err.offset), err.what()};
      return false;
    }
  }
  return true;
}

// The first branch whose condition holds, else the fallback.
bool chooseTarget(const std::vector<Branch>& branches, int fallback, const EvalEnv& env, int& target,
                  PlayError& error) {
  target = fallback;
  for (const Branch& b : branches) {
    try {
      if (!b.condition.test(env)) continue;
    } catch (const EvalError& err) {
      error = {offsetLoc(b.conditionLoc, b.condition.source(), err.offset), err.what()};
      return false;
    }
    target = b.target;
    break;
  }
  return true;
}

// Appends the choices whose `if` holds and that are not spent, fallbacks or the others.
bool collectChoices(const Scene& s, const State& state, bool fallbacks, std::vector<VisibleChoice>& out,
                    PlayError& error) {
  const EvalEnv env = state.env();
  for (size_t i = 0; i < s.choices.size(); ++i) {
    const Choice& c = s.choices[i];
    if (c.fallback != fallbacks) continue;
    if (c.once && state.spent[c.spentSlot]) continue;
    if (c.condition) {
      try {
        if (!c.condition->test(env)) continue;
      } catch (const EvalError& err) {
        error = {offsetLoc(c.conditionLoc, c.condition->source(), err.offset), err.what()};
        return false;
      }
    }
    int target = c.target;
    if (!c.branches.empty() && !chooseTarget(c.branches, c.target, env, target, error)) return false;
    out.push_back({static_cast<int>(i), target});
  }
  return true;
}

bool enterOne(const Story& story, State& state, int scene, PlayError& error) {
  const Scene& s = story.scenes[scene];
  if (state.scene >= 0 && story.scenes[state.scene].chapter != s.chapter) state.ambient = -1;
  state.scene = scene;
  ++state.visits[scene];
  if (!runEffects(story, state, s.onEnter, error)) return false;
  if (s.music.kind == MusicChange::Stop) state.music = -1;
  if (s.music.kind == MusicChange::Play) state.music = s.music.cue;
  if (s.sound.stop) state.ambient = -1;
  if (s.sound.cue >= 0 && s.sound.loop) state.ambient = s.sound.cue;
  return true;
}

// Where a pass-through scene goes on by itself: its one automatic way, or -1 when it
// offers something else (then it is shown, like any scene of choices).
bool automaticTarget(const Story& story, State& state, int& target, PlayError& error) {
  std::vector<VisibleChoice> visible;
  target = -1;
  if (!visibleChoices(story, state, state.scene, visible, error)) return false;
  if (visible.size() != 1) return true;
  const VisibleChoice& only = visible.front();
  if (only.choice >= 0 && !story.scenes[state.scene].choices[only.choice].text.empty()) return true;
  if (!takeChoice(story, state, only, error)) return false;
  target = only.target;
  return true;
}

constexpr int kMaxPassThrough = 1000;

}  // namespace

bool enterScene(const Story& story, State& state, int scene, PlayError& error) {
  for (int hops = 0;; ++hops) {
    if (!enterOne(story, state, scene, error)) return false;
    const Scene& s = story.scenes[scene];
    if (!s.passThrough) return true;
    int target = -1;
    if (!automaticTarget(story, state, target, error)) return false;
    if (target < 0) return true;
    if (hops == kMaxPassThrough) {
      error = {s.loc, "scenes without text passed play straight on " + std::to_string(kMaxPassThrough) +
                          " times in a row (last '" + s.qualified + "'): give one of them text or a choice"};
      return false;
    }
    scene = target;
  }
}

bool sceneParagraphs(const Story& story, const State& state, int scene,
                     std::vector<std::string>& out, PlayError& error) {
  const Scene& s = story.scenes[scene];
  if (s.text.isStatic()) {
    out = s.text.staticParagraphs();
    return true;
  }
  try {
    out = s.text.paragraphs(state.env());
  } catch (const EvalError& err) {
    error = {s.textLoc, err.what()};
    return false;
  }
  return true;
}

bool visibleChoices(const Story& story, const State& state, int scene,
                    std::vector<VisibleChoice>& out, PlayError& error) {
  const Scene& s = story.scenes[scene];
  out.clear();
  if (s.next >= 0) {
    int target = s.next;
    if (!s.nextBranches.empty() && !chooseTarget(s.nextBranches, s.next, state.env(), target, error)) return false;
    out.push_back({-1, target});
    return true;
  }
  if (!collectChoices(s, state, false, out, error)) return false;
  if (out.empty() && s.hasFallbacks) return collectChoices(s, state, true, out, error);
  return true;
}

bool takeChoice(const Story& story, State& state, const VisibleChoice& taken, PlayError& error) {
  if (taken.choice < 0) return true;
  const Choice& c = story.scenes[state.scene].choices[taken.choice];
  if (c.once) state.spent[c.spentSlot] = 1;
  return runEffects(story, state, c.effects, error);
}

const std::string& choiceLabel(const Story& story, int scene, const VisibleChoice& c) {
  static const std::string kContinue = "Continue";
  if (c.choice < 0) return kContinue;
  const std::string& text = story.scenes[scene].choices[c.choice].text;
  return text.empty() ? kContinue : text;
}

namespace {

// A label or title: as written when it has no tags, else rendered on one line.
bool renderLine(const TextTemplate& t, const std::string& written, const SourceLoc& loc, const State& state,
                std::string& out, PlayError& error) {
  if (t.empty()) {
    out = written;
    return true;
  }
  try {
    t.renderLine(state.env(), out);
  } catch (const EvalError& err) {
    error = {loc, err.what()};
    return false;
  }
  return true;
}

}  // namespace

bool choiceText(const Story& story, const State& state, const VisibleChoice& c, std::string& out, PlayError& error) {
  out = choiceLabel(story, state.scene, c);
  if (c.choice < 0) return true;
  const Choice& choice = story.scenes[state.scene].choices[c.choice];
  if (choice.text.empty()) return true;
  return renderLine(choice.label, choice.text, choice.labelLoc, state, out, error);
}

bool sceneTitle(const Story& story, const State& state, int scene, std::string& out, PlayError& error) {
  const Scene& s = story.scenes[scene];
  return renderLine(s.titleText, s.title, s.titleLoc, state, out, error);
}

bool endingTitle(const Story& story, const State& state, int scene, std::string& out, PlayError& error) {
  const Scene& s = story.scenes[scene];
  return renderLine(s.endingText, s.ending, s.endingLoc, state, out, error);
}

std::string sceneTitleOrSource(const Story& story, const State& state, int scene) {
  std::string out;
  PlayError error;
  if (!sceneTitle(story, state, scene, out, error)) out = story.scenes[scene].title;
  return out;
}

uint32_t textLength(const std::vector<std::string>& paragraphs) {
  uint32_t total = 0;
  for (const auto& p : paragraphs) total += static_cast<uint32_t>(codePointCount(p)) + 1;
  return total;
}

}  // namespace lc

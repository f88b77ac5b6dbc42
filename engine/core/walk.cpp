#include "core/walk.h"

#include "core/play.h"
#include "core/state.h"

namespace lc {
namespace {

struct XorShift32 {
  uint32_t x;
  uint32_t next() {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
  }
};

inline void mix(uint32_t& h, uint32_t v) { h = (h ^ v) * 16777619u; }

// text_len of every static text, computed once so the hot loop does no UTF-8 work.
std::vector<int64_t> staticLengths(const Story& story) {
  std::vector<int64_t> out(story.scenes.size(), -1);
  for (size_t i = 0; i < story.scenes.size(); ++i)
    if (story.scenes[i].text.isStatic()) out[i] = textLength(story.scenes[i].text.staticParagraphs());
  return out;
}

}  // namespace

WalkResult walk(const Story& story, uint64_t steps, uint32_t seed, bool coverage) {
  WalkResult r;
  if (coverage) {
    r.sceneVisits.assign(story.scenes.size(), 0);
    size_t choices = 0;
    for (const auto& s : story.scenes) choices += s.choices.size();
    r.choiceTaken.assign(choices, 0);
  }
  std::vector<size_t> choiceBase;
  for (size_t i = 0, base = 0; i < story.scenes.size(); base += story.scenes[i++].choices.size()) choiceBase.push_back(base);
  const std::vector<int64_t> lengths = staticLengths(story);
  const State initial = State::initial(story);
  State state = initial;
  XorShift32 rng{seed ? seed : 1};
  std::vector<std::string> paragraphs;
  std::vector<VisibleChoice> visible;
  PlayError error;
  int scene = story.start;
  auto fail = [&] { r.error = story.where(error.loc) + ": " + error.message; };
  for (; r.steps < steps; ++r.steps) {
    if (!enterScene(story, state, scene, error)) return fail(), r;
    uint32_t textLen;
    if (lengths[scene] >= 0) {
      textLen = static_cast<uint32_t>(lengths[scene]);
    } else {
      if (!sceneParagraphs(story, state, scene, paragraphs, error)) return fail(), r;
      textLen = textLength(paragraphs);
    }
    if (coverage) ++r.sceneVisits[scene];
    const Scene& s = story.scenes[scene];
    uint32_t n = 0, pick = 0;
    if (!s.isEnd) {
      if (!visibleChoices(story, state, scene, visible, error)) return fail(), r;
      n = static_cast<uint32_t>(visible.size());
    }
    if (n > 0) pick = rng.next() % n;
    mix(r.hash, n);
    mix(r.hash, pick);
    mix(r.hash, textLen);
    if (n == 0) {  // an ending or a dead end: a new playthrough
      ++r.endings;
      state.resetTo(initial);
      scene = story.start;
      continue;
    }
    if (coverage && visible[pick].choice >= 0) ++r.choiceTaken[choiceBase[scene] + visible[pick].choice];
    if (!takeChoice(story, state, visible[pick], error)) return fail(), r;
    scene = visible[pick].target;
  }
  return r;
}

}  // namespace lc

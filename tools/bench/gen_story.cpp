// Generates a large synthetic story in the Lost Corner format, for benchmarks and
// for the walk-fingerprint tests. Deterministic for a given seed.
//
//   lc_gen_story OUT_DIR [--scenes N] [--chapters N] [--words N] [--seed S] [--hubs N]
//
// --hubs N writes a different story, for `explore` benchmarks: per chapter a hub with N
// once-only rooms whose choices move counters and flags, then on to the next chapter.
// Its state space is large (subsets of rooms times counter values) but finite.
#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Rng {
  uint64_t s;
  uint32_t next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(s >> 33);
  }
  uint32_t below(uint32_t n) { return n ? next() % n : 0; }
};

const char* kWords[] = {"the", "pond", "quiet", "morning", "we", "walked", "past", "fence", "and", "field",
                        "remembered", "tape", "song", "Ruth", "Tommy", "said", "nothing", "rain", "was", "light",
                        "over", "marsh", "cottage", "kept", "drawing", "of", "small", "animal", "café", "road"};
const int kWordCount = sizeof kWords / sizeof kWords[0];

struct Params {
  int scenes = 10000, chapters = 10;
  long words = 900000;
  uint64_t seed = 1;
  int hubs = 0;
};

std::string sentenceWords(Rng& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ' ';
    out += kWords[rng.below(kWordCount)];
  }
  return out;
}

// One scene's text: paragraphs of words, sometimes with interpolation.
std::string sceneText(Rng& rng, int words) {
  std::string text;
  while (words > 0) {
    int n = std::min(words, 20 + static_cast<int>(rng.below(40)));
    text += "      " + sentenceWords(rng, n) + ".\n";
    if (rng.below(4) == 0) text += "      {if trust >= 2}Trust held.{else}Trust wavered.{end} Count {trust}.\n";
    if (rng.below(3) == 0) text += "\n";
    words -= n;
  }
  return text;
}

std::string target(Rng& rng, const Params& p, int chapter, int index, int perChapter) {
  // Mostly forward within the chapter; at the end of a chapter, on to the next one.
  int next = index + 1 + static_cast<int>(rng.below(5));
  if (next < perChapter) return "s" + std::to_string(next);
  int c = (chapter + 1) % p.chapters;
  return "c" + std::to_string(c) + ".s" + std::to_string(rng.below(3));
}

void writeScene(FILE* f, Rng& rng, const Params& p, int chapter, int index, int perChapter, int words) {
  std::fprintf(f, "  s%d:\n    title: Scene %d\n", index, index);
  if (rng.below(5) == 0) std::fprintf(f, "    do: [trust += 1, seen_pond = true]\n");
  std::fprintf(f, "    text: |\n%s", sceneText(rng, words).c_str());
  bool lastChapter = chapter == p.chapters - 1;
  if (lastChapter && index == perChapter - 1) {
    std::fprintf(f, "    end: true\n    ending: The far end\n");
    return;
  }
  if (rng.below(50) == 0 && index > 2) {
    std::fprintf(f, "    end: true\n");
    return;
  }
  if (rng.below(3) == 0) {
    std::fprintf(f, "    next: %s\n", target(rng, p, chapter, index, perChapter).c_str());
    return;
  }
  std::fprintf(f, "    choices:\n");
  std::fprintf(f, "      - text: Walk on\n        goto: %s\n", target(rng, p, chapter, index, perChapter).c_str());
  std::fprintf(f, "      - text: Keep the tape\n        goto: %s\n        once: true\n        do: [has_tape = true, trust -= 1]\n",
               target(rng, p, chapter, index, perChapter).c_str());
  std::fprintf(f, "      - text: Trust her\n        goto: %s\n        if: trust >= 1 and not has_tape\n        do: [trust += 2]\n",
               target(rng, p, chapter, index, perChapter).c_str());
}

void writeManifest(const std::string& dir, const Params& p) {
  FILE* f = std::fopen((dir + "/story.yaml").c_str(), "w");
  std::fprintf(f, "format: lostcorner/1\nid: synthetic\ntitle: Synthetic story\nversion: 1\nstart: c0.s0\nchapters: [");
  for (int c = 0; c < p.chapters; ++c) std::fprintf(f, "%sc%d.yaml", c ? ", " : "", c);
  std::fprintf(f, "]\nvariables:\n  trust: {type: int, initial: 0, min: -5, max: 5}\n"
                  "  has_tape: {type: bool, initial: false}\n  seen_pond: {type: bool, initial: false}\n");
  std::fclose(f);
}

void writeHubRoom(FILE* f, Rng& rng, int room, int words) {
  static const char* kEffects[] = {"trust += 1", "trust -= 1", "mood += 1", "mood -= 2", "f0 = not f0",
                                   "f1 = true", "f2 = not f2", "f3 = f0 and f1", "trust += 2, mood += 1"};
  const int n = sizeof kEffects / sizeof kEffects[0];
  std::fprintf(f, "  r%d:\n    title: Room %d\n    text: |\n%s    choices:\n", room, room, sceneText(rng, words).c_str());
  std::fprintf(f, "      - {text: Stay a while, goto: hub, do: [%s]}\n", kEffects[rng.below(n)]);
  std::fprintf(f, "      - {text: Go back, goto: hub, do: [%s]}\n", kEffects[rng.below(n)]);
  std::fprintf(f, "      - {text: Listen, goto: hub, if: mood >= %u or f%u, do: [%s]}\n", rng.below(6), rng.below(4),
               kEffects[rng.below(n)]);
}

// A chapter of the --hubs story: a hub, its rooms (each once only), the way on.
void writeHubChapter(FILE* f, Rng& rng, const Params& p, int chapter, int words) {
  std::fprintf(f, "chapter: c%d\ntitle: Chapter %d\nscenes:\n  hub:\n    title: The hub\n    text: |\n%s    choices:\n",
               chapter, chapter, sceneText(rng, words).c_str());
  for (int r = 0; r < p.hubs; ++r) std::fprintf(f, "      - {text: Room %d, goto: r%d, once: true}\n", r, r);
  if (chapter + 1 < p.chapters) std::fprintf(f, "      - {text: Leave, goto: c%d.hub, if: trust >= -3}\n", chapter + 1);
  else std::fprintf(f, "      - {text: Leave, goto: out}\n");
  std::fprintf(f, "      - {text: Wait, goto: hub, if: \"not f3\", do: [f3 = true]}\n");
  for (int r = 0; r < p.hubs; ++r) writeHubRoom(f, rng, r, words);
  if (chapter + 1 == p.chapters)
    std::fprintf(f, "  out:\n    text: \"Trust {trust}, mood {mood}.\"\n    end: true\n    ending: Out\n");
}

int writeHubStory(const std::string& dir, const Params& p) {
  FILE* f = std::fopen((dir + "/story.yaml").c_str(), "w");
  if (!f) return std::perror("lc_gen_story"), 1;
  std::fprintf(f, "format: lostcorner/1\nid: synthetic-hubs\ntitle: Synthetic hubs\nversion: 1\nstart: c0.hub\nchapters: [");
  for (int c = 0; c < p.chapters; ++c) std::fprintf(f, "%sc%d.yaml", c ? ", " : "", c);
  std::fprintf(f, "]\nvariables:\n  trust: {type: int, initial: 0, min: -5, max: 5}\n  mood: {type: int, initial: 0, min: 0, max: 7}\n");
  for (int i = 0; i < 4; ++i) std::fprintf(f, "  f%d: {type: bool, initial: false}\n", i);
  std::fclose(f);
  Rng rng{p.seed};
  int words = static_cast<int>(p.words / (p.chapters * (p.hubs + 1)));
  for (int c = 0; c < p.chapters; ++c) {
    FILE* cf = std::fopen((dir + "/c" + std::to_string(c) + ".yaml").c_str(), "w");
    if (!cf) return std::perror("lc_gen_story"), 1;
    writeHubChapter(cf, rng, p, c, words);
    std::fclose(cf);
  }
  std::printf("wrote %d hubs of %d rooms to %s\n", p.chapters, p.hubs, dir.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lc_gen_story OUT_DIR [--scenes N] [--chapters N] [--words N] [--seed S]\n");
    return 2;
  }
  Params p;
  std::string dir = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    long v = std::atol(argv[i + 1]);
    if (a == "--scenes") p.scenes = static_cast<int>(v);
    else if (a == "--chapters") p.chapters = static_cast<int>(v);
    else if (a == "--words") p.words = v;
    else if (a == "--seed") p.seed = static_cast<uint64_t>(v);
    else if (a == "--hubs") p.hubs = static_cast<int>(v);
    else {
      std::fprintf(stderr, "lc_gen_story: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (p.chapters < 1 || p.scenes < 3 * p.chapters) {
    std::fprintf(stderr, "lc_gen_story: need at least 3 scenes per chapter\n");
    return 2;
  }
  ::mkdir(dir.c_str(), 0755);
  if (p.hubs > 0) return writeHubStory(dir, p);
  writeManifest(dir, p);
  Rng rng{p.seed};
  int perChapter = p.scenes / p.chapters;
  int wordsPerScene = static_cast<int>(p.words / p.scenes);
  for (int c = 0; c < p.chapters; ++c) {
    FILE* f = std::fopen((dir + "/c" + std::to_string(c) + ".yaml").c_str(), "w");
    if (!f) {
      std::perror("lc_gen_story");
      return 1;
    }
    std::fprintf(f, "chapter: c%d\ntitle: Chapter %d\nscenes:\n", c, c);
    for (int s = 0; s < perChapter; ++s) writeScene(f, rng, p, c, s, perChapter, wordsPerScene);
    std::fclose(f);
  }
  std::printf("wrote %d scenes in %d chapters to %s\n", perChapter * p.chapters, p.chapters, dir.c_str());
  return 0;
}

// `lostcorner stats`: how long the story is and how it branches.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "app/cli.h"
#include "app/commands.h"
#include "app/explore_report.h"
#include "core/diagnostic.h"
#include "analysis/story_graph.h"
#include "load/loader.h"

namespace lc {

static const CommandSpec kStats = {
    "stats", "lostcorner stats [STORY] [--wpm N] [--format text|json]",
    "Counts words, reading time, choices, endings and routes.",
    "\nWords are those of the scenes' text, every branch of {if} included; reading time\n"
    "is words / N minutes (--wpm, default 200, a fair pace for students). Routes are the\n"
    "different ways through the choices from the start to an ending, conditions aside:\n"
    "a number when the story has no loop on the way, else 'infinite (loops)'.\n\n"
    "options:\n"
    "  --wpm N              reading speed in words a minute (default 200)\n"
    "  --format text|json   json prints one object for tools\n",
    {}, {"--wpm", "--format"}};

namespace {

// Skips a `{...}` tag starting at `i` (a string literal in it may hold a '}').
size_t skipTag(const std::string& text, size_t i) {
  bool inString = false;
  for (++i; i < text.size(); ++i) {
    char c = text[i];
    if (inString && c == '\\') ++i;
    else if (c == '"') inString = !inString;
    else if (c == '}' && !inString) return i + 1;
  }
  return i;
}

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool isBlockTag(const std::string& inside) {
  size_t a = 0, b = inside.size();
  while (a < b && isSpace(inside[a])) ++a;
  while (b > a && isSpace(inside[b - 1])) --b;
  std::string t = inside.substr(a, b - a);
  return t == "else" || t == "end" || (t.size() > 2 && t.compare(0, 2, "if") == 0 && (isSpace(t[2]) || t[2] == '('));
}

// Words of a text's source: runs of non-space characters outside `{...}` tags that hold
// a letter or digit (so a lone dash is not a word).
size_t countWords(const std::string& text) {
  size_t words = 0;
  bool inWord = false, hasLetter = false;
  auto endWord = [&] {
    if (inWord && hasLetter) ++words;
    inWord = hasLetter = false;
  };
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      inWord = true;
      i += 2;
    } else if (c == '{') {
      size_t end = skipTag(text, i);
      // {if}, {else} and {end} part words (branches are read apart); an inserted
      // value joins the letters around it: "{name}'s" is one word.
      if (isBlockTag(text.substr(i + 1, end - i - 2))) endWord();
      i = end;
    } else if (isSpace(c)) {
      endWord();
      ++i;
    } else {
      inWord = true;
      hasLetter = hasLetter || (static_cast<unsigned char>(c) >= 0x80) || std::isalnum(static_cast<unsigned char>(c));
      ++i;
    }
  }
  endWord();
  return words;
}

struct SceneStats {
  size_t words = 0;
  size_t choices = 0;
};

struct ChapterStats {
  size_t scenes = 0, words = 0;
};

struct Totals {
  std::vector<SceneStats> scenes;
  std::vector<ChapterStats> chapters;
  size_t words = 0, endings = 0, withChoices = 0, choices = 0, minChoices = 0, maxChoices = 0, nexts = 0;
  RouteCount routes;
};

Totals measure(const Story& story) {
  Totals t;
  t.scenes.resize(story.scenes.size());
  t.chapters.resize(story.chapters.size());
  for (size_t i = 0; i < story.scenes.size(); ++i) {
    const Scene& s = story.scenes[i];
    SceneStats& st = t.scenes[i];
    st.words = countWords(s.text.source());
    st.choices = s.choices.size();
    t.words += st.words;
    t.chapters[static_cast<size_t>(s.chapter)].words += st.words;
    ++t.chapters[static_cast<size_t>(s.chapter)].scenes;
    t.endings += s.isEnd;
    t.nexts += s.next >= 0;
    if (s.choices.empty()) continue;
    t.minChoices = t.withChoices == 0 ? st.choices : std::min(t.minChoices, st.choices);
    t.maxChoices = std::max(t.maxChoices, st.choices);
    t.choices += st.choices;
    ++t.withChoices;
  }
  t.routes = countRoutes(story, SceneGraph::of(story));
  return t;
}

std::string minutes(size_t words, double wpm) {
  double m = static_cast<double>(words) / wpm;
  char buf[48];
  if (m < 10) std::snprintf(buf, sizeof buf, "%.1f min", m);
  else if (m < 60) std::snprintf(buf, sizeof buf, "%.0f min", m);
  else std::snprintf(buf, sizeof buf, "%d h %02d min", static_cast<int>(m / 60), static_cast<int>(m) % 60);
  return buf;
}

std::string routesText(const RouteCount& r) {
  if (r.infinite) return "infinite (loops)";
  return r.saturated ? "more than " + groupDigits(r.count) : groupDigits(r.count);
}

std::string plural(size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::string pad(const std::string& s, size_t width) {
  size_t n = codePointCount(s);
  return n >= width ? s + " " : s + std::string(width - n, ' ');
}

void printText(const Story& story, const Totals& t, double wpm) {
  std::printf("%s (%s)\n", story.title.c_str(), story.id.c_str());
  std::printf("  %s words: about %s of reading at %.0f words a minute\n", groupDigits(t.words).c_str(),
              minutes(t.words, wpm).c_str(), wpm);
  std::printf("  %s in %s: %zu with choices, %zu with next, %s\n", plural(story.scenes.size(), "scene").c_str(),
              plural(story.chapters.size(), "chapter").c_str(), t.withChoices, t.nexts, plural(t.endings, "ending").c_str());
  if (t.withChoices > 0)
    std::printf("  choices per scene with choices: min %zu, mean %.1f, max %zu (%zu in all)\n", t.minChoices,
                static_cast<double>(t.choices) / static_cast<double>(t.withChoices), t.maxChoices, t.choices);
  std::printf("  routes from the start to an ending: %s\n", routesText(t.routes).c_str());
  std::printf("\nchapters:\n");
  for (size_t c = 0; c < story.chapters.size(); ++c) {
    const Chapter& ch = story.chapters[c];
    std::printf("  %s%s%8s words  %s\n", pad(ch.id, 16).c_str(), pad(ch.title, 28).c_str(),
                groupDigits(t.chapters[c].words).c_str(), minutes(t.chapters[c].words, wpm).c_str());
  }
  std::printf("\nendings:\n");
  for (const Scene& s : story.scenes)
    if (s.isEnd) std::printf("  %s%s\n", pad(s.qualified, 28).c_str(), s.ending.empty() ? "(untitled)" : ("\"" + s.ending + "\"").c_str());
  std::printf("\nscenes:\n");
  for (size_t i = 0; i < story.scenes.size(); ++i) {
    const Scene& s = story.scenes[i];
    std::string way = s.isEnd ? "ending" : s.next >= 0 ? "next" : plural(s.choices.size(), "choice");
    std::printf("  %s%s%7s words  %-9s  %s\n", pad(s.qualified, 28).c_str(), pad(s.title, 28).c_str(),
                groupDigits(t.scenes[i].words).c_str(), minutes(t.scenes[i].words, wpm).c_str(), way.c_str());
  }
}

double perMinute(size_t words, double wpm) { return static_cast<double>(words) / wpm; }

void chaptersJson(JsonWriter& w, const Story& story, const Totals& t, double wpm) {
  w.key("chapters").beginArray();
  for (size_t c = 0; c < story.chapters.size(); ++c)
    w.beginObject()
        .field("id", story.chapters[c].id)
        .field("title", story.chapters[c].title)
        .field("scenes", t.chapters[c].scenes)
        .field("words", t.chapters[c].words)
        .number("minutes", perMinute(t.chapters[c].words, wpm), "%.2f")
        .endObject();
  w.endArray();
}

void scenesJson(JsonWriter& w, const Story& story, const Totals& t, double wpm) {
  w.key("scenes").beginArray();
  for (size_t i = 0; i < story.scenes.size(); ++i) {
    const Scene& s = story.scenes[i];
    w.beginObject()
        .field("scene", s.qualified)
        .field("title", s.title)
        .field("words", t.scenes[i].words)
        .number("minutes", perMinute(t.scenes[i].words, wpm), "%.2f")
        .field("way", s.isEnd ? "end" : s.next >= 0 ? "next" : "choices")
        .field("choices", t.scenes[i].choices)
        .endObject();
  }
  w.endArray().key("endings").beginArray();
  for (const Scene& s : story.scenes)
    if (s.isEnd) w.beginObject().field("scene", s.qualified).field("title", s.ending).endObject();
  w.endArray();
}

void printJson(const Story& story, const Totals& t, double wpm) {
  double mean = t.withChoices ? static_cast<double>(t.choices) / static_cast<double>(t.withChoices) : 0;
  JsonWriter w;
  w.beginObject().field("story", story.id).field("title", story.title).field("words", t.words);
  w.number("wpm", wpm, "%.2f").number("minutes", perMinute(t.words, wpm), "%.2f");
  chaptersJson(w, story, t, wpm);
  scenesJson(w, story, t, wpm);
  w.key("choices").beginObject().field("scenes_with_choices", t.withChoices).field("total", t.choices);
  w.field("min", t.minChoices).number("mean", mean, "%.2f").field("max", t.maxChoices).endObject();
  w.key("routes").beginObject().field("finite", !t.routes.infinite);
  if (!t.routes.infinite) w.field("count", t.routes.count).field("saturated", t.routes.saturated);
  w.endObject().endObject();
  std::printf("%s\n", w.str().c_str());
}

}  // namespace

int cmdStats(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kStats, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  std::string format = args->get("--format").value_or("text");
  if (format != "text" && format != "json")
    return std::fprintf(stderr, "lostcorner stats: --format is text or json, not '%s'\n", format.c_str()), 2;
  double wpm = 200;
  if (auto w = args->get("--wpm")) {
    char* end = nullptr;
    wpm = std::strtod(w->c_str(), &end);
    if (w->empty() || *end != '\0' || !(wpm > 0) || wpm > 10000)
      return std::fprintf(stderr, "lostcorner stats: --wpm is a reading speed such as 200\n"), 2;
  }
  if (args->positional.size() > 1) return std::fprintf(stderr, "lostcorner stats: give one story folder\n"), 2;
  LoadResult loaded = loadStory(args->positional.empty() ? defaultStoryPath() : args->positional[0]);
  if (!loaded.story) {
    std::fputs(formatText(loaded.diagnostics).c_str(), stderr);
    return 1;
  }
  Totals t = measure(*loaded.story);
  if (format == "json") printJson(*loaded.story, t, wpm);
  else printText(*loaded.story, t, wpm);
  return 0;
}

}  // namespace lc

// `lostcorner graph`: the story map, as DOT and drawn by Graphviz's `dot` when the
// output asks for SVG or PNG.
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "app/cli.h"
#include "app/commands.h"
#include "analysis/explore.h"
#include "analysis/story_dot.h"
#include "analysis/story_graph.h"
#include "load/loader.h"
#include "platform/env.h"

extern char** environ;

namespace lc {

static const CommandSpec kGraph = {
    "graph", "lostcorner graph [STORY] [-o map.svg|map.png|map.dot] [--max-states N]",
    "Draws the story map: chapters, scenes, choices and endings.",
    "\nChapters are boxes around their scenes; endings are double octagons; a dashed arrow\n"
    "is a choice with a condition, a blue one can be taken once; plain arrows are 'next'.\n"
    "Scenes that can never be reached and dead ends are red (found from the links, and\n"
    "by exploring play up to --max-states states).\n\n"
    "Without -o the DOT text goes to standard output. .svg and .png are drawn by\n"
    "Graphviz's 'dot' (Debian: apt install graphviz); without it, the .dot file is written\n"
    "beside and the command says how to draw it (exit status 3).\n\n"
    "options:\n"
    "  -o FILE          map.dot (DOT text), map.svg or map.png\n"
    "  --max-states N   states explored to find dead ends (default 200,000; 0: links only)\n",
    {}, {"-o", "--output", "--max-states"}};

// Runs dot without a shell, so no file name needs quoting. Returns its exit status.
static int runDot(const std::string& dot, const std::string& format, const std::string& in, const std::string& out) {
  std::string t = "-T" + format, o = "-o" + out;
  char* argv[] = {const_cast<char*>(dot.c_str()), const_cast<char*>(t.c_str()), const_cast<char*>(o.c_str()),
                  const_cast<char*>(in.c_str()), nullptr};
  pid_t pid;
  if (::posix_spawn(&pid, dot.c_str(), nullptr, nullptr, argv, environ) != 0) return -1;
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static bool writeText(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  return static_cast<bool>(f);
}

static DotMarks findMarks(const Story& story, uint64_t maxStates) {
  DotMarks marks;
  std::vector<bool> linked = SceneGraph::of(story).reachableFrom(story.start);
  marks.unreachable.assign(story.scenes.size(), false);
  marks.deadEnd.assign(story.scenes.size(), false);
  marks.softLock.assign(story.scenes.size(), false);
  marks.trapped.assign(story.scenes.size(), false);
  for (size_t i = 0; i < linked.size(); ++i) marks.unreachable[i] = !linked[i];
  if (maxStates == 0) return marks;
  ExploreOptions options;
  options.maxStates = maxStates;
  ExploreResult r = explore(story, options);
  for (const ExploreFinding& f : r.deadEnds) marks.deadEnd[static_cast<size_t>(f.scene)] = true;
  for (const ExploreFinding& f : r.softLocks) {
    marks.softLock[static_cast<size_t>(f.scene)] = true;
    for (int s : f.loop) marks.trapped[static_cast<size_t>(s)] = true;
  }
  if (r.complete)
    for (size_t i = 0; i < r.sceneReached.size(); ++i) marks.unreachable[i] = marks.unreachable[i] || !r.sceneReached[i];
  return marks;
}

static std::string extensionOf(const std::string& path) {
  size_t dot = path.rfind('.'), slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return path.substr(dot + 1);
}

// map.svg -> map.dot
static std::string dotPathFor(const std::string& out) { return out.substr(0, out.size() - extensionOf(out).size()) + "dot"; }

static int drawWithDot(const std::string& dotText, const std::string& out, const std::string& format) {
  std::string dot = findInPath("dot") /* "" without Graphviz */, dotFile = dotPathFor(out);
  if (dot.empty()) {
    if (!writeText(dotFile, dotText)) return std::fprintf(stderr, "lostcorner graph: cannot write %s\n", dotFile.c_str()), 1;
    std::fprintf(stderr,
                 "lostcorner graph: Graphviz's 'dot' was not found, so %s was not drawn.\n"
                 "Wrote %s instead; draw it with:  dot -T%s %s -o %s\n"
                 "(install Graphviz first, e.g. 'sudo apt install graphviz' on Debian)\n",
                 out.c_str(), dotFile.c_str(), format.c_str(), dotFile.c_str(), out.c_str());
    return 3;
  }
  char tmpl[] = "/tmp/lostcorner-map-XXXXXX";
  int fd = ::mkstemp(tmpl);
  if (fd < 0) return std::fprintf(stderr, "lostcorner graph: cannot create a temporary file\n"), 1;
  ::close(fd);
  writeText(tmpl, dotText);
  int status = runDot(dot, format, tmpl, out);
  std::remove(tmpl);
  if (status == 0) return 0;
  writeText(dotFile, dotText);
  std::fprintf(stderr, "lostcorner graph: %s failed (exit status %d) drawing %s; the DOT text is in %s\n", dot.c_str(),
               status, out.c_str(), dotFile.c_str());
  return 1;
}

int cmdGraph(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kGraph, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  std::string out = args->get("-o").value_or(args->get("--output").value_or(""));
  std::string ext = extensionOf(out);
  if (!out.empty() && ext != "dot" && ext != "gv" && ext != "svg" && ext != "png") {
    std::fprintf(stderr, "lostcorner graph: -o takes a .dot, .svg or .png file, not '%s'\n", out.c_str());
    return 2;
  }
  unsigned long long maxStates = 200000;
  if (auto m = args->get("--max-states")) {
    char* end = nullptr;
    maxStates = std::strtoull(m->c_str(), &end, 10);
    if (m->empty() || *end != '\0' || maxStates > 0xFFFFFFFFull)
      return std::fprintf(stderr, "lostcorner graph: --max-states is a whole number\n"), 2;
  }
  if (args->positional.size() > 1) return std::fprintf(stderr, "lostcorner graph: give one story folder\n"), 2;
  LoadResult loaded = loadStory(args->positional.empty() ? defaultStoryPath() : args->positional[0]);
  if (!loaded.story) {
    std::fputs(formatText(loaded.diagnostics).c_str(), stderr);
    return 1;
  }
  std::string dotText = storyDot(*loaded.story, findMarks(*loaded.story, maxStates));
  if (out.empty()) return std::fputs(dotText.c_str(), stdout), 0;
  if (ext == "dot" || ext == "gv") {
    if (writeText(out, dotText)) return 0;
    return std::fprintf(stderr, "lostcorner graph: cannot write %s\n", out.c_str()), 1;
  }
  return drawWithDot(dotText, out, ext);
}

}  // namespace lc

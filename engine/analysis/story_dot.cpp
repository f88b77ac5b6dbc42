#include "analysis/story_dot.h"

#include "core/text.h"

namespace lc {
namespace {

constexpr size_t kLabelWidth = 28;  // characters per line in a box or on an arrow

// Breaks a label into lines of about `width` code points at spaces, so long choice
// texts make narrow arrows instead of one wide line across the map.
std::string wrap(const std::string& text, size_t width) {
  std::string out, line, word;
  auto flushWord = [&] {
    if (word.empty()) return;
    if (!line.empty() && codePointCount(line) + 1 + codePointCount(word) > width) {
      out += (out.empty() ? "" : "\n") + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') flushWord();
    else word += c;
  }
  flushWord();
  if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
  return out;
}

bool marked(const std::vector<bool>& marks, size_t i) { return i < marks.size() && marks[i]; }

std::string nodeId(size_t scene) { return "s" + std::to_string(scene); }

std::string sceneNode(const Story& story, size_t i, const DotMarks& marks) {
  const Scene& s = story.scenes[i];
  std::string label = s.title.empty() ? s.qualified : wrap(s.title, kLabelWidth) + "\n" + s.qualified;
  std::string attrs;
  if (s.isEnd) {
    label += "\nENDING" + (s.ending.empty() ? std::string() : ": " + wrap(s.ending, kLabelWidth));
    attrs += ", shape=doubleoctagon, fillcolor=\"#e6f2e6\"";
  }
  bool unreachable = marked(marks.unreachable, i), deadEnd = marked(marks.deadEnd, i);
  bool softLock = marked(marks.softLock, i), trapped = marked(marks.trapped, i) && !softLock;
  if (unreachable) label += "\n(never reached)";
  if (deadEnd) label += "\n(dead end)";
  if (softLock) label += "\n(soft-lock: no ending from here)";
  if (trapped) label += "\n(in a loop with no way out)";
  if (unreachable || deadEnd || softLock) attrs += ", color=red, fontcolor=red, fillcolor=\"#ffe5e5\", penwidth=2";
  else if (trapped) attrs += ", color=red, penwidth=2";
  if (static_cast<int>(i) == story.start) attrs += ", penwidth=2";
  return "    " + nodeId(i) + " [label=" + dotQuote(label) + attrs + "];\n";
}

std::string choiceEdge(size_t from, const Choice& c) {
  std::string label = wrap(c.text, kLabelWidth);
  std::string attrs;
  if (c.condition) {
    label += "\nif " + wrap(c.condition->source(), kLabelWidth);
    attrs += ", style=dashed";
  }
  if (c.once) {
    label += "\n(once)";
    attrs += ", color=\"#1f5fbf\", fontcolor=\"#1f5fbf\"";
  }
  return "  " + nodeId(from) + " -> " + nodeId(static_cast<size_t>(c.target)) + " [label=" + dotQuote(label) + attrs + "];\n";
}

// A conditional goto/next: one dashed edge per branch, labelled with its condition.
std::string branchEdges(size_t from, const std::vector<Branch>& branches) {
  std::string out;
  for (const Branch& b : branches)
    if (b.target >= 0)
      out += "  " + nodeId(from) + " -> " + nodeId(static_cast<size_t>(b.target)) + " [label=" +
             dotQuote("if " + wrap(b.condition.source(), kLabelWidth)) + ", style=dashed];\n";
  return out;
}

std::string chapterCluster(const Story& story, size_t c, const DotMarks& marks) {
  const Chapter& ch = story.chapters[c];
  std::string label = ch.title.empty() ? ch.id : ch.title + " (" + ch.id + ")";
  std::string out = "  subgraph cluster_" + std::to_string(c) + " {\n    label=" + dotQuote(label) +
                    ";\n    style=rounded;\n    color=\"#999999\";\n";
  for (int s : ch.scenes) out += sceneNode(story, static_cast<size_t>(s), marks);
  return out + "  }\n";
}

}  // namespace

std::string dotQuote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else if (c != '\r') out += c;
  }
  return out + "\"";
}

std::string storyDot(const Story& story, const DotMarks& marks) {
  std::string out = "digraph " + dotQuote(story.id) + " {\n";
  out += "  graph [label=" + dotQuote(story.title + "\n\nboxes: scenes · double octagons: endings · dashed: "
                                      "conditional choice · blue: once only · red: never reached, dead end or soft-lock "
                                      "(red border: its loop)") +
         ", labelloc=t, fontname=\"Helvetica\", fontsize=16, rankdir=TB, newrank=true];\n";
  out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=11];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n";
  for (size_t c = 0; c < story.chapters.size(); ++c) out += chapterCluster(story, c, marks);
  if (story.start >= 0) out += "  start [shape=circle, label=\"start\", fontsize=9, width=0.4];\n  start -> " + nodeId(static_cast<size_t>(story.start)) + ";\n";
  for (size_t i = 0; i < story.scenes.size(); ++i) {
    const Scene& s = story.scenes[i];
    if (s.next >= 0) out += "  " + nodeId(i) + " -> " + nodeId(static_cast<size_t>(s.next)) + ";\n";
    out += branchEdges(i, s.nextBranches);
    for (const Choice& c : s.choices) {
      if (c.target >= 0) out += choiceEdge(i, c);
      out += branchEdges(i, c.branches);
    }
  }
  return out + "}\n";
}

}  // namespace lc

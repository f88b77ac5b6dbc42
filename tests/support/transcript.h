// Playing a story through the Runner and writing down what a player would see.
#pragma once
#include <string>
#include <vector>

#include "core/runner.h"

namespace lc::test {

// Drains pending events into lines like "scene a.start", "p: text", "c: 1. Go".
inline std::vector<std::string> drain(Runner& r) {
  std::vector<std::string> out;
  while (r.hasEvent()) {
    Event e = r.next();
    const Story& s = r.story();
    switch (e.type) {
      case EventType::SceneEntered: out.push_back("scene " + s.scenes[e.scene].qualified); break;
      case EventType::Music: out.push_back("music " + (e.cue < 0 ? std::string("none") : s.music[e.cue].id)); break;
      case EventType::Sound: out.push_back("sound " + (e.cue < 0 ? std::string("none") : s.sounds[e.cue].id)); break;
      case EventType::Paragraph: out.push_back("p: " + e.text); break;
      case EventType::Prompt: out.push_back("prompt: " + e.text); break;
      case EventType::Journal: out.push_back("journal: " + e.text); break;
      case EventType::Choices:
        for (size_t i = 0; i < r.choices().size(); ++i) out.push_back("c: " + std::to_string(i + 1) + ". " + r.label(i));
        break;
      case EventType::Ended: out.push_back("end: " + e.text); break;
      case EventType::DeadEnd: out.push_back("dead end: " + e.text); break;
      case EventType::Fault: out.push_back("fault: " + e.text); break;
      case EventType::ChapterGate: out.push_back("gate: " + e.text); break;
    }
  }
  return out;
}

// Plays the given 1-based choices from the start; returns everything shown.
inline std::vector<std::string> play(Runner& r, const std::vector<int>& picks, bool restart = true) {
  if (restart) r.restart();
  std::vector<std::string> all = drain(r);
  for (int pick : picks) {
    all.push_back("> " + std::to_string(pick));
    r.choose(static_cast<size_t>(pick - 1));
    auto more = drain(r);
    all.insert(all.end(), more.begin(), more.end());
  }
  return all;
}

}  // namespace lc::test

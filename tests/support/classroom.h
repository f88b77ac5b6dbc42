// Classroom tests: a small two-chapter lesson story, a clock the test moves by hand, and
// a presenter whose output the test reads back (the console session runs in-process).
#pragma once
#include <dirent.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/console.h"

namespace lc::test {

// Chapter one: a gate with a prompt, a journal question and a glossary term; a pond.
// Chapter two: a field (the ending). Both chapters carry a content note.
inline const std::map<std::string, std::string> kLessonStory = {
    {"story.yaml",
     "format: lostcorner/1\nid: lesson\ntitle: \"A Lesson\"\nversion: 3\nstart: one.gate\nchapters: [one.yaml, two.yaml]\n"
     "glossary:\n  carer: \"Someone who looks after donors.\"\n  the Sales: \"Monthly deliveries of goods.\"\n"},
    {"one.yaml",
     "chapter: one\ntitle: One\ncontent_note: \"Mentions of illness.\"\nscenes:\n"
     "  gate:\n    title: The gate\n    text: |\n      The carer waits. Two carers talk about the Sales.\n\n      A carer again.\n"
     "    prompt: {kind: predict, ask: \"What will she do?\"}\n"
     "    journal: \"How does Kathy feel?\"\n"
     "    choices:\n      - {text: Walk to the pond, goto: pond}\n      - {text: Go straight on, goto: two.field}\n"
     "  pond:\n    title: The pond\n    text: A still pond.\n    next: two.field\n"},
    {"two.yaml",
     "chapter: two\ntitle: Two\ncontent_note: \"Grief.\"\nscenes:\n"
     "  field:\n    title: The field\n    text: A wide field.\n    end: true\n    ending: The field\n"},
};

// Two scenes: an AO2 prompt with all three versions, an untagged journal question, then an
// AO3 journal question with a support version.
inline const std::map<std::string, std::string> kTaggedStory = {
    {"story.yaml", "format: lostcorner/1\nid: tagged\ntitle: Tagged\nstart: one.gate\nchapters: [one.yaml]\n"},
    {"one.yaml",
     "chapter: one\ntitle: One\nscenes:\n"
     "  gate:\n    title: The gate\n    text: The gate is shut.\n"
     "    prompt: {kind: question, ask: \"Why is the gate shut?\", ao: [AO2], support: \"Is the gate open or shut?\",\n"
     "             stretch: \"What does the shut gate let the narrator leave unsaid?\"}\n"
     "    journal: \"What would you ask the narrator?\"\n    next: field\n"
     "  field:\n    title: The field\n    text: The field is wide.\n"
     "    journal: {ask: \"When might this story be set?\", ao: [AO3], support: \"Is this story set now or long "
     "ago?\"}\n"
     "    end: true\n"},
};

// A clock the test sets; starts at 2026-03-02 09:00 UTC.
struct FakeClock {
  int64_t ms = 1772442000000;
  void advanceMinutes(double minutes) { ms += static_cast<int64_t>(minutes * 60000); }
  NowFn fn() { return [this] { return ms; }; }
};

// Everything a presenter writes, read back as a string.
class CapturedOutput {
 public:
  CapturedOutput() : file_(::open_memstream(&buffer_, &size_)) {}
  ~CapturedOutput() {
    std::fclose(file_);
    std::free(buffer_);
  }
  CapturedOutput(const CapturedOutput&) = delete;
  CapturedOutput& operator=(const CapturedOutput&) = delete;
  FILE* file() { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buffer_, size_);
  }
  // What was written since the last call.
  std::string fresh() {
    std::string all = text();
    std::string out = all.substr(seen_);
    seen_ = all.size();
    return out;
  }

 private:
  char* buffer_ = nullptr;
  size_t size_ = 0;
  size_t seen_ = 0;
  FILE* file_;
};

// A student's export summary, written by hand so a test controls every tally.
struct FakeExport {
  std::string id, exportedAt = "2026-03-02T10:00:00Z", story = "lesson";
  std::vector<std::pair<std::string, std::string>> choices;  // scene, choice taken
  std::vector<std::string> endings;
  int reflectionChars = 0;  // at one.gate's journal question
};

inline std::string summaryJson(const FakeExport& e) {
  const std::map<std::string, std::string> options = {
      {"one.gate", "[\"Walk to the pond\", \"Go straight on\"]"}, {"two.fork", "[\"Left\", \"Right\", \"Back\"]"}};
  std::string out = "{\n  \"format\": \"lostcorner-class-summary/1\",\n  \"export_id\": \"" + e.id +
                    "\",\n  \"exported_at\": \"" + e.exportedAt + "\",\n  \"story\": {\"id\": \"" + e.story +
                    "\", \"version\": 3, \"title\": \"A Lesson\"},\n  \"choices\": [";
  for (size_t i = 0; i < e.choices.size(); ++i) {
    const auto& [scene, choice] = e.choices[i];
    bool one = scene.rfind("one.", 0) == 0;
    out += std::string(i ? "," : "") + "\n    {\"chapter\": \"" + (one ? "one" : "two") + "\", \"chapter_number\": " +
           (one ? "1" : "2") + ", \"chapter_title\": \"" + (one ? "One" : "Two") + "\", \"scene\": \"" + scene +
           "\", \"scene_title\": \"At " + scene + "\", \"choice\": \"" + choice + "\", \"options\": " + options.at(scene) + "}";
  }
  out += "],\n  \"endings\": [";
  for (size_t i = 0; i < e.endings.size(); ++i) out += (i ? ", \"" : "\"") + e.endings[i] + "\"";
  out += "],\n  \"prompts\": [{\"scene\": \"one.gate\", \"kind\": \"journal\", \"ask\": \"How does Kathy feel?\", "
         "\"reflection_chars\": " + std::to_string(e.reflectionChars) + "}],\n"
         "  \"chapters\": [{\"id\": \"one\", \"title\": \"One\", \"minutes\": 12.5}]\n}\n";
  return out;
}

// Four students, one export handed in twice (an older copy), a broken file and a summary
// of another story: 4 counted; at one.gate Walk 3 / Go 1; at two.fork Left 2 / Right 1 /
// Back 0 of 3; endings The field 2, The sea 1, none 1.
inline std::map<std::string, std::string> classExports() {
  return {
      {"a.json", summaryJson({"aaaa", "2026-03-02T10:00:00Z", "lesson", {{"one.gate", "Walk to the pond"}, {"two.fork", "Left"}}, {"The field"}, 120})},
      {"a-old.json", summaryJson({"aaaa", "2026-03-02T09:30:00Z", "lesson", {{"one.gate", "Go straight on"}}, {}, 10})},
      {"b.json", summaryJson({"bbbb", "2026-03-02T10:00:00Z", "lesson", {{"one.gate", "Walk to the pond"}, {"two.fork", "Right"}}, {"The field"}, 40})},
      {"c.json", summaryJson({"cccc", "2026-03-02T10:00:00Z", "lesson", {{"one.gate", "Walk to the pond"}}, {}, 0})},
      {"d.json", summaryJson({"dddd", "2026-03-02T10:00:00Z", "lesson", {{"one.gate", "Go straight on"}, {"two.fork", "Left"}}, {"The sea"}, 80})},
      {"broken.json", "{\"format\": \"lostcorner-class-summary/1\", \"export_id\": [\n"},
      {"other.json", summaryJson({"eeee", "2026-03-02T10:00:00Z", "another-story", {{"one.gate", "Walk to the pond"}}, {}, 5})},
  };
}

inline std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The files in `dir` whose names end with `suffix`, sorted.
inline std::vector<std::string> filesEndingWith(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        out.push_back(dir + "/" + name);
    }
    ::closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace lc::test

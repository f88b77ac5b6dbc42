// `check ferry/deck.yaml`: a chapter file given where a story is expected is taken to its
// story, the story.yaml in its folder or a folder above whose `chapters` list names it.
#pragma once
#include <string>

namespace lc {

struct StoryPath {
  std::string path;   // what to load: `given`, or the manifest that lists the chapter file
  std::string note;   // "ferry/deck.yaml is a chapter of ferry/story.yaml: checking that story"
  std::string error;  // set (and `path` empty) for a chapter file no manifest above lists
  std::string hint;
};

// `given` as it is unless it is a file whose top-level keys have `chapter:` and no
// `format:` (read as raw lines, so a chapter that does not parse is still one).
StoryPath storyPathFor(const std::string& given);

}  // namespace lc

// Building the Story from parsed files. Internal to the loader.
#pragma once
#include <string>
#include <vector>

#include "core/story.h"
#include "load/fields.h"

namespace lc {

struct ChapterEntry {
  std::string file;   // as written in the manifest
  std::string path;   // path to open and to show
  std::string stem;   // chapter name
  yaml::Pos pos;      // where the manifest lists it
};

// What the manifest gives besides the Story fields it fills.
struct Manifest {
  std::vector<ChapterEntry> chapters;
  std::string start;  // as written ("chapter.scene")
  yaml::Pos startPos;
};

// Reads story.yaml into `story` (id, title, version, variables, cues, glossary).
Manifest buildManifest(FileCtx& f, Story& story);

// Pass 1: the chapter's scene ids (so every goto and visits() can resolve), appended
// to story.scenes with their positions; fills story.chapters[chapter].
void collectScenes(FileCtx& f, Story& story, int chapter, const std::string& expectedStem);

// Pass 2: everything inside the chapter's scenes. Touches only this chapter's scenes,
// so chapters can be built in parallel. `unread[i]`: chapter i failed to read or parse
// (a reference into it that does not resolve is a hidden knock-on, not an error).
void buildScenes(FileCtx& f, Story& story, int chapter, const std::vector<bool>& unread);

// Whole-story checks after building: dead ends, `start`, missing cue files.
// `unreadable[i]` is true when chapter i could not be read or parsed. With `checkAudio`
// (`check`) every cue file is read and a missing, unreadable or undecodable one is an
// error; without (play) a missing or unreadable one is a warning and files are not read.
void validateStory(const Story& story, const Manifest& manifest, FileCtx& manifestFile,
                   const std::vector<bool>& unreadable, Diagnostics& out, bool checkAudio = false);

// Warnings on a story that built without errors (load/lint.cpp): unreachable scenes,
// choices never shown, unused variables and cues, long paragraphs. Cheap: they read the
// story only (what play can reach is checkStory's, load/check.h).
void lintStory(const Story& story, Diagnostics& out);

bool isValidSceneId(const std::string& id);
bool isValidVariableName(const std::string& name);

}  // namespace lc

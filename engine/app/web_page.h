// The pieces `lostcorner publish` writes: the story package the page unpacks into the
// browser's file system, and the page itself (tools/web/page.html filled in).
#pragma once
#include <string>
#include <vector>

#include "core/story.h"

namespace lc {

struct PackedFile {
  std::string source;  // where it is on disk
  std::string target;  // where the page puts it ("/story/...")
};

struct StoryPackage {
  std::vector<PackedFile> files;
  std::string storyPath;  // the story folder inside the page ("/story/never-let-me-go")
};

// The story folder's files (hidden ones left out) and every music and sound file its cues
// name, laid out under /story as they are on disk relative to their common folder, so the
// manifest's relative paths ("../../assets/music/x.ogg") still hold.
// `cueFiles` are the resolved paths of the story's cues (none when it could not be loaded).
StoryPackage collectStoryFiles(const std::string& storyFolder, const std::vector<std::string>& cueFiles,
                               std::string& error);

// The package bytes: "LCPKG1\n", then for each file "target\nsize\n" and its contents.
bool encodePackage(const StoryPackage& package, std::string& out, std::string& error);

std::string base64(const std::string& bytes);

struct PageFile {
  std::string key;       // "wasm", "data", "story", "js" (the page's names for them)
  std::string name;      // its file name next to the page
  std::string contents;  // inlined when the page is a single file
};

struct PageOptions {
  std::string title;
  std::string storyPath;
  std::vector<std::string> args;  // player arguments baked into the page (classroom mode)
  bool singleFile = false;
};

// tools/web/page.html with the title, the config and, for a single file, every part inlined.
std::string fillPage(const std::string& page, const PageOptions& options, const std::vector<PageFile>& files);

}  // namespace lc

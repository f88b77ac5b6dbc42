#include "load/find_manifest.h"

#include <climits>
#include <cstdlib>

#include "load/file_io.h"
#include "load/yaml_tree.h"

namespace lc {
namespace {

constexpr int kFoldersUp = 8;

std::string realPath(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

// A line "key:" (or "key: ...") at the left edge.
bool hasTopKey(const std::string& text, const std::string& key) {
  for (size_t at = 0; at < text.size();) {
    if (text.compare(at, key.size() + 1, key + ":") == 0) return true;
    at = text.find('\n', at);
    if (at == std::string::npos) break;
    ++at;
  }
  return false;
}

// Does the manifest at `manifest` list the chapter file whose real path is `chapter`?
bool lists(const std::string& manifest, const std::string& chapter) {
  std::string bytes, error;
  if (!readFile(manifest, bytes, error)) return false;
  const yaml::Document doc = yaml::parse(std::move(bytes));
  if (!doc.root) return false;
  const yaml::Node* chapters = doc.root->find("chapters");
  if (!chapters) return false;
  const std::string folder = parentFolder(manifest);
  for (const yaml::Node* item : chapters->items)
    if (item->isScalar() && realPath(joinPath(folder, item->text)) == chapter) return true;
  return false;
}

std::string baseNameOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

StoryPath storyPathFor(const std::string& given) {
  StoryPath out{given, "", "", ""};
  if (!fileExists(given)) return out;
  std::string text, error;
  if (!readFile(given, text, error) || !hasTopKey(text, "chapter") || hasTopKey(text, "format")) return out;
  const std::string chapter = realPath(given);
  // Its own folder as written (for the message), then the real folders above it.
  std::string folder = parentFolder(given);
  std::string real = realPath(folder);
  for (int up = 0; up < kFoldersUp && !real.empty(); ++up) {
    const std::string manifest = joinPath(up == 0 ? folder : real, "story.yaml");
    if (fileExists(manifest) && lists(manifest, chapter)) {
      out.path = manifest;
      out.note = given + " is a chapter of " + manifest + ": checking that story";
      return out;
    }
    if (real == "/") break;
    real = parentFolder(real);
    if (real.empty() || real == ".") real = "/";
  }
  out.path.clear();
  out.error = given + " is a chapter file, and no story.yaml in its folder or above lists it";
  out.hint = "give the story's folder (holding story.yaml), or add '" + baseNameOf(given) +
             "' to the 'chapters' of its story.yaml";
  return out;
}

}  // namespace lc

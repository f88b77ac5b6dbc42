// Save slots on disk: one readable file per slot under a folder per story.
// Writes always leave a loadable slot (see writeFileAtomically); reading falls back to the
// slot's backup, with a notice, when the slot is missing or damaged.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace lc {

struct SlotInfo {
  std::string slot;      // "1".."9", "auto", "quick", or any name
  std::string path;
  std::string contents;  // the save text (small); from the backup when the slot is damaged
};

class SaveStore {
 public:
  explicit SaveStore(std::string dir) : dir_(std::move(dir)) {}
  // $XDG_DATA_HOME/lostcorner/<storyId> (default ~/.local/share/lostcorner/<storyId>).
  static std::string defaultDir(const std::string& storyId);

  const std::string& dir() const { return dir_; }
  std::string pathOf(const std::string& slot) const;  // <dir>/<slot>.save
  // Writes atomically; on failure (a read-only slot among them) returns false and says why.
  // As writeFileAtomically, but the file is synced once, after its rename: a save cut by a
  // power loss is refused by its checksum and its .bak loads (save_store.cpp, replaceFile).
  bool write(const std::string& slot, const std::string& contents, std::string& error) const;
  // The slot's text, or nullopt with `error` ("there is no save in slot '3'", or an I/O
  // reason). When the slot is missing or damaged and its backup is sound, the backup's
  // text, and `notice` (if given) says so. A damaged slot without a sound backup is
  // returned as it is: reading it says what is wrong.
  std::optional<std::string> read(const std::string& slot, std::string& error, std::string* notice = nullptr) const;
  std::vector<SlotInfo> list() const;  // existing slots, sorted by name; cleans stale temp files

 private:
  std::string dir_;
};

// Writes `contents` to `path` so that a crash or power loss at any moment leaves `path`
// whole (the old or the new text): a temp file in the same folder, fsync; the old file kept as
// `path.bak` (hard link, or a copy); the temp renamed over `path`; the folder fsynced.
// Refuses to replace a read-only file. Removes temp files that crashed writers left.
// Creates missing folders. Used for saves, settings and exports.
bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error);

}  // namespace lc

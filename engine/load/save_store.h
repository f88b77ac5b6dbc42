// Save slots on disk: one readable file per slot under a folder per story.
// Writes are atomic (temp file, fsync, rename) and keep the previous file as .bak.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace lc {

struct SlotInfo {
  std::string slot;      // "1".."9", "auto", "quick", or any name
  std::string path;
  std::string contents;  // the save text (small)
};

class SaveStore {
 public:
  explicit SaveStore(std::string dir) : dir_(std::move(dir)) {}
  // $XDG_DATA_HOME/lostcorner/<storyId> (default ~/.local/share/lostcorner/<storyId>).
  static std::string defaultDir(const std::string& storyId);

  const std::string& dir() const { return dir_; }
  std::string pathOf(const std::string& slot) const;  // <dir>/<slot>.save
  // Writes atomically; on failure returns false and says why in `error`.
  bool write(const std::string& slot, const std::string& contents, std::string& error) const;
  // The slot's text, or nullopt with `error` ("no save in slot 3", or an I/O reason).
  std::optional<std::string> read(const std::string& slot, std::string& error) const;
  std::vector<SlotInfo> list() const;  // existing slots, sorted by name

 private:
  std::string dir_;
};

// Writes `contents` to `path` atomically: temp file in the same folder, fsync, keep the
// old file as `path.bak`, rename. Creates missing folders. Used for saves and settings.
bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error);

}  // namespace lc

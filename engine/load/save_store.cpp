#include "load/save_store.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/save.h"
#include "load/file_io.h"
#include "platform/env.h"

namespace lc {
namespace {

bool makeFolders(const std::string& path, std::string& error) {
  std::string partial;
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    partial = path.substr(0, pos);
    if (partial.empty() || isDirectory(partial)) continue;
    if (::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST) {
      error = "cannot create folder '" + partial + "': " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

bool writeAll(int fd, const std::string& contents) {
  size_t done = 0;
  while (done < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Writes a new file and makes its bytes durable before anyone renames it into place.
bool writeDurably(const std::string& path, const std::string& contents, std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  bool ok = writeAll(fd, contents) && ::fsync(fd) == 0;
  if (!ok) error = "cannot write '" + path + "': " + std::strerror(errno);
  ::close(fd);
  if (!ok) ::unlink(path.c_str());
  return ok;
}

std::string tempSuffix() { return ".tmp" + std::to_string(::getpid()); }

// "<name>.tmp<pid>" of a process that is gone: what a writer killed mid-save leaves.
bool isStaleTemp(const std::string& name, const std::string& prefix) {
  if (name.compare(0, prefix.size(), prefix) != 0) return false;
  const std::string rest = name.substr(prefix.size());
  if (rest.compare(0, 4, ".tmp") != 0 && rest.compare(0, 8, ".bak.tmp") != 0) return false;
  const std::string digits = rest.substr(rest.find("tmp") + 3);
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return false;
  const pid_t pid = static_cast<pid_t>(std::atol(digits.c_str()));
  return pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
}

// Removes the stale temp files of `prefix` ("1.save") in `folder` ("" prefix: of every file).
void removeStaleTemps(const std::string& folder, const std::string& prefix) {
  DIR* d = ::opendir(folder.c_str());
  if (!d) return;
  std::vector<std::string> stale;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    const size_t tmp = name.rfind(".tmp");
    if (tmp == std::string::npos) continue;
    std::string owner = prefix.empty() ? name.substr(0, tmp) : prefix;  // "1.save" or "1.save.bak"
    if (prefix.empty() && owner.size() > 4 && owner.compare(owner.size() - 4, 4, ".bak") == 0)
      owner.resize(owner.size() - 4);
    if (isStaleTemp(name, owner)) stale.push_back(joinPath(folder, name));
  }
  ::closedir(d);
  for (const std::string& path : stale) ::unlink(path.c_str());
}

// A file the user made read-only is theirs to keep: root ignores the mode, so read it too.
bool isReadOnly(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  return (st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0;
}

// path.bak becomes the old file: a hard link (no copy, no window without a backup), or a
// copy where the file system has no links. Done through a temp name so a crash never
// leaves a half-written .bak.
bool keepBackup(const std::string& path, std::string& error) {
  const std::string bak = path + ".bak";
  const std::string temp = bak + tempSuffix();
  ::unlink(temp.c_str());
  if (::link(path.c_str(), temp.c_str()) != 0) {
    std::string old;
    if (!readFile(path, old, error) || !writeDurably(temp, old, error)) {
      error = "cannot keep a backup of '" + path + "': " + error;
      return false;
    }
  }
  if (::rename(temp.c_str(), bak.c_str()) != 0) {
    error = "cannot keep a backup of '" + path + "': " + std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

void syncFolder(const std::string& folder) {
  int dir = ::open(folder.c_str(), O_RDONLY | O_CLOEXEC);
  if (dir < 0) return;
  ::fsync(dir);  // make the renames themselves durable
  ::close(dir);
}

std::string fileName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

namespace {

// The write order, and why a slot always loads after kill -9 or a power cut:
//   1. write path.tmp<pid>; fsync it now unless `framed` (see below)
//   2. path.bak becomes the old file (a hard link made under a temp name, renamed over)
//   3. rename path.tmp<pid> over path
//   4. (framed: fsync the new file, then) fsync the folder; only then is the write done.
// kill -9 loses nothing the kernel already has: at every step `path` is a whole file, the
// old or the new (step 3 is one rename), and stale temp files are removed next time.
// A power cut can lose what is not yet synced, in any order the disk likes. The old file
// was synced by the write that made it, so it is whole wherever it is named (path or
// .bak). A file whose reader cannot tell a cut copy must have its bytes on the disk before
// the rename (step 1). A save can tell (`framed`: its end marker and checksum refuse a cut
// or half-written file, and loading then falls back to path.bak, the old save or the one
// before it, both synced, with a notice), so its bytes may reach the disk after the
// rename: one sync after it covers the bytes and the renames, and the folder's fsync then
// finds the journal already committed (on ext4 one commit instead of two; save_bench).
bool replaceFile(const std::string& path, const std::string& contents, bool framed, std::string& error) {
  std::string folder = parentFolder(path);
  if (!makeFolders(folder, error)) return false;
  const bool exists = fileExists(path);
  if (exists && isReadOnly(path)) {
    error = "'" + path + "' is read-only, so it was left as it is; save somewhere else or make it writable";
    return false;
  }
  removeStaleTemps(folder, fileName(path));
  const std::string temp = path + tempSuffix();
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "cannot write '" + temp + "': " + std::strerror(errno);
    return false;
  }
  auto fail = [&](std::string why) {
    error = std::move(why);
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  if (!writeAll(fd, contents) || (!framed && ::fsync(fd) != 0))
    return fail("cannot write '" + temp + "': " + std::strerror(errno));
  // From here on `path` always exists: first the old text, then (one rename) the new.
  if (exists && !keepBackup(path, error)) return fail(error);
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail("cannot replace '" + path + "': " + std::strerror(errno));
  const bool synced = !framed || ::fsync(fd) == 0;
  const std::string why = std::strerror(errno);
  ::close(fd);
  syncFolder(folder);
  if (!synced) error = "cannot make '" + path + "' safe on the disk: " + why;
  return synced;
}

}  // namespace

bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error) {
  return replaceFile(path, contents, false, error);
}

std::string SaveStore::defaultDir(const std::string& storyId) {
  return dataDir() + "/" + storyId;
}

std::string SaveStore::pathOf(const std::string& slot) const { return joinPath(dir_, slot + ".save"); }

bool SaveStore::write(const std::string& slot, const std::string& contents, std::string& error) const {
  return replaceFile(pathOf(slot), contents, true, error);  // a save has its frame: see replaceFile
}

namespace {

// A save file as read for loading: its text, or what is wrong with it.
struct SaveFile {
  std::string text;
  bool missing = false;
  std::string readError;  // the file exists but cannot be read
  std::string damage;     // it reads, but its frame is broken
  bool sound() const { return !missing && readError.empty() && damage.empty(); }
  std::string what() const {
    return missing ? "the save is missing" : !readError.empty() ? "the save cannot be read (" + readError + ")" : damage;
  }
};

SaveFile readSaveFile(const std::string& path) {
  SaveFile f;
  f.missing = !fileExists(path);
  if (f.missing || !readFile(path, f.text, f.readError)) return f;
  SaveFrame frame = readSaveFrame(f.text);
  // A newer format is no damage: falling back would let the next save overwrite it.
  if (!frame.newerFormat) f.damage = frame.error;
  return f;
}

}  // namespace

std::optional<std::string> SaveStore::read(const std::string& slot, std::string& error, std::string* notice) const {
  const std::string path = pathOf(slot);
  SaveFile save = readSaveFile(path);
  if (save.sound()) return std::move(save.text);
  SaveFile backup = readSaveFile(path + ".bak");
  if (backup.sound()) {
    if (notice)
      *notice = "slot '" + slot + "': " + save.what() + "; loaded its backup (" + fileName(path) +
                ".bak), the save made before it";
    return std::move(backup.text);
  }
  if (save.missing) error = "there is no save in slot '" + slot + "'";
  else if (!save.readError.empty()) error = "cannot read '" + path + "': " + save.readError;
  else return std::move(save.text);  // damaged, no sound backup: reading it says what is wrong
  return std::nullopt;
}

std::vector<SlotInfo> SaveStore::list() const {
  removeStaleTemps(dir_, "");
  std::vector<std::string> slots;
  DIR* d = ::opendir(dir_.c_str());
  if (!d) return {};
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    for (const std::string ext : {".save", ".save.bak"})  // a slot whose save is lost still has its backup
      if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
        slots.push_back(name.substr(0, name.size() - ext.size()));
  }
  ::closedir(d);
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  std::vector<SlotInfo> out;
  for (const std::string& slot : slots) {
    std::string error;
    std::optional<std::string> text = read(slot, error);
    if (!text) continue;
    out.push_back({slot, pathOf(slot), std::move(*text)});
  }
  return out;
}

}  // namespace lc

#include "load/save_store.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

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

}  // namespace

bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error) {
  std::string folder = parentFolder(path);
  if (!makeFolders(folder, error)) return false;
  std::string temp = path + ".tmp" + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    error = "cannot write '" + temp + "': " + std::strerror(errno);
    return false;
  }
  bool ok = writeAll(fd, contents) && ::fsync(fd) == 0;
  if (!ok) error = "cannot write '" + temp + "': " + std::strerror(errno);
  ::close(fd);
  if (!ok) {
    ::unlink(temp.c_str());
    return false;
  }
  // Keep the previous version: a crash between these steps leaves either file intact.
  if (fileExists(path) && ::rename(path.c_str(), (path + ".bak").c_str()) != 0) {
    error = "cannot keep a backup of '" + path + "': " + std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    error = "cannot replace '" + path + "': " + std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  int dir = ::open(folder.c_str(), O_RDONLY);
  if (dir >= 0) {
    ::fsync(dir);  // make the rename itself durable
    ::close(dir);
  }
  return true;
}

std::string SaveStore::defaultDir(const std::string& storyId) {
  return dataDir() + "/" + storyId;
}

std::string SaveStore::pathOf(const std::string& slot) const { return joinPath(dir_, slot + ".save"); }

bool SaveStore::write(const std::string& slot, const std::string& contents, std::string& error) const {
  return writeFileAtomically(pathOf(slot), contents, error);
}

std::optional<std::string> SaveStore::read(const std::string& slot, std::string& error) const {
  std::string path = pathOf(slot);
  if (!fileExists(path)) {
    error = "there is no save in slot '" + slot + "'";
    return std::nullopt;
  }
  std::string text;
  if (!readFile(path, text, error)) {
    error = "cannot read '" + path + "': " + error;
    return std::nullopt;
  }
  return text;
}

std::vector<SlotInfo> SaveStore::list() const {
  std::vector<SlotInfo> out;
  DIR* d = ::opendir(dir_.c_str());
  if (!d) return out;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    const std::string ext = ".save";
    if (name.size() <= ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext) != 0) continue;
    SlotInfo info;
    info.slot = name.substr(0, name.size() - ext.size());
    info.path = joinPath(dir_, name);
    std::string error;
    readFile(info.path, info.contents, error);
    out.push_back(std::move(info));
  }
  ::closedir(d);
  std::sort(out.begin(), out.end(), [](const SlotInfo& a, const SlotInfo& b) { return a.slot < b.slot; });
  return out;
}

}  // namespace lc

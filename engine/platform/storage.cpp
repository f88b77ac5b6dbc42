#include "platform/storage.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace lc {
namespace {

std::string reason() { return std::strerror(errno); }

bool makeFolders(const std::string& folder, std::string& error) {
  for (size_t at = 1; at <= folder.size(); ++at) {
    if (at != folder.size() && folder[at] != '/') continue;
    const std::string part = folder.substr(0, at);
    if (::mkdir(part.c_str(), 0755) != 0 && errno != EEXIST) {
      error = "cannot make the folder '" + part + "': " + reason();
      return false;
    }
  }
  return true;
}

bool writeAll(int fd, const std::string& bytes) {
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string folderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::string blobNameProblem(const std::string& name) {
  if (name.empty()) return "a blob name cannot be empty";
  if (name[0] == '/') return "'" + name + "' is absolute; blob names are relative to the storage";
  for (size_t start = 0; start <= name.size();) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    const std::string part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..")
      return "'" + name + "' has an empty, '.' or '..' part; blob names stay inside the storage";
    start = end + 1;
  }
  return {};
}

std::optional<std::string> FileStorage::read(const std::string& name, std::string& error) const {
  if (error = blobNameProblem(name); !error.empty()) return std::nullopt;
  const std::string path = pathOf(name);
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = errno == ENOENT ? std::string() : "cannot read '" + path + "': " + reason();
    return std::nullopt;
  }
  struct stat info {};
  std::optional<std::string> bytes;
  if (::fstat(fd, &info) != 0) {
    error = "cannot read '" + path + "': " + reason();
  } else if (!S_ISREG(info.st_mode)) {
    error = "'" + path + "' is not a regular file";
  } else if (static_cast<unsigned long long>(info.st_size) > maxBytes_) {
    error = "'" + path + "' is larger than " + std::to_string(maxBytes_) + " bytes";
  } else {
    bytes.emplace(static_cast<size_t>(info.st_size), '\0');
    size_t done = 0;
    while (done < bytes->size()) {
      const ssize_t n = ::read(fd, bytes->data() + done, bytes->size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    bytes->resize(done);  // a file that shrank while read: what was there
  }
  ::close(fd);
  return bytes;
}

bool FileStorage::write(const std::string& name, const std::string& bytes, std::string& error) {
  if (error = blobNameProblem(name); !error.empty()) return false;
  const std::string path = pathOf(name), folder = folderOf(path);
  if (!makeFolders(folder, error)) return false;
  const std::string temp = path + ".tmp" + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "cannot write '" + temp + "': " + reason();
    return false;
  }
  const bool ok = writeAll(fd, bytes) && (!durable_ || ::fsync(fd) == 0);
  if (!ok) error = "cannot write '" + temp + "': " + reason();
  ::close(fd);
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    error = "cannot replace '" + path + "': " + reason();
  } else if (ok) {
    if (!durable_) return true;
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_CLOEXEC); dir >= 0) {
      ::fsync(dir);  // the rename itself, durable
      ::close(dir);
    }
    return true;
  }
  ::unlink(temp.c_str());
  return false;
}

std::vector<std::string> FileStorage::list(const std::string& folder) const {
  std::vector<std::string> names;
  if (!folder.empty() && !blobNameProblem(folder).empty()) return names;
  const std::string path = folder.empty() ? root_ : pathOf(folder);
  DIR* dir = ::opendir(path.c_str());
  if (!dir) return names;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string file = entry->d_name;
    struct stat info {};
    if (::stat((path + "/" + file).c_str(), &info) == 0 && S_ISREG(info.st_mode))
      names.push_back(folder.empty() ? file : folder + "/" + file);
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

bool FileStorage::remove(const std::string& name, std::string& error) {
  if (error = blobNameProblem(name); !error.empty()) return false;
  if (::unlink(pathOf(name).c_str()) == 0 || errno == ENOENT) return true;
  error = "cannot remove '" + pathOf(name) + "': " + reason();
  return false;
}

}  // namespace lc

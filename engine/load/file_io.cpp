#include "load/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace lc {

namespace {

std::string notRegular(mode_t mode) {
  if (S_ISDIR(mode)) return "it is a folder, not a file";
  if (S_ISFIFO(mode)) return "it is a FIFO (named pipe), not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device, not a regular file";
  if (S_ISSOCK(mode)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

std::string tooLarge(size_t maxBytes) { return "it is larger than " + formatSize(maxBytes) + ", the limit for this file"; }

}  // namespace

std::string formatSize(size_t bytes) {
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KB";
  return std::to_string(bytes) + " bytes";
}

std::string whyNotReadable(const std::string& path, size_t maxBytes) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::strerror(errno);
  if (!S_ISREG(st.st_mode)) return notRegular(st.st_mode);
  if (static_cast<unsigned long long>(st.st_size) > maxBytes) return tooLarge(maxBytes);
  return {};
}

bool readFile(const std::string& path, std::string& out, std::string& error, size_t maxBytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st;
  error.clear();
  if (::fstat(fd, &st) != 0) error = std::strerror(errno);
  else if (!S_ISREG(st.st_mode)) error = notRegular(st.st_mode);
  else if (static_cast<unsigned long long>(st.st_size) > maxBytes) error = tooLarge(maxBytes);
  if (!error.empty()) {
    ::close(fd);
    return false;
  }
  out.clear();
  out.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  bool ok = true;
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      ok = false;
      break;
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > maxBytes) {  // it grew while being read
      error = tooLarge(maxBytes);
      ok = false;
      break;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return ok;
}

bool fileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool pathExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

bool isDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string joinPath(const std::string& folder, const std::string& name) {
  if (folder.empty() || folder == "." || (!name.empty() && name[0] == '/')) return name;
  if (folder.back() == '/') return folder + name;
  return folder + "/" + name;
}

std::string parentFolder(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string fileStem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

namespace {

// The real path of `path`, or of its nearest existing folder with the rest appended.
std::string realOrParent(const std::string& path) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf)) return buf;
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return realOrParent(".") + "/" + path;
  if (slash == 0) return path;
  return realOrParent(path.substr(0, slash)) + path.substr(slash);
}

bool inside(const std::string& path, const std::string& root) {
  if (root.empty()) return false;
  return path.compare(0, root.size(), root) == 0 && (path.size() == root.size() || path[root.size()] == '/');
}

}  // namespace

std::string storyFilePath(const std::string& folder, const std::string& ref, std::string& why,
                          const std::string& bundledAssets) {
  const std::string allowed = "a story may only read files inside its own folder (or the engine's bundled assets)";
  if (ref.empty()) {
    why = "the path is empty";
    return {};
  }
  if (ref[0] == '/' || ref[0] == '~' || ref.find('\\') != std::string::npos) {
    why = "'" + ref + "' is not a relative path: " + allowed + "; write the path relative to the story folder, with '/'";
    return {};
  }
  const std::string path = joinPath(folder, ref);
  const std::string real = realOrParent(path);
  const std::string root = realOrParent(folder.empty() ? "." : folder);
  if (inside(real, root) || (!bundledAssets.empty() && inside(real, realOrParent(bundledAssets)))) return path;
  why = "'" + ref + "' leads outside the story folder: " + allowed;
  return {};
}

}  // namespace lc

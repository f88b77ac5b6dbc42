#include "platform/env.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace lc {

std::string envOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

std::string homeDir() { return envOr("HOME", "."); }

std::string configDir() { return envOr("XDG_CONFIG_HOME", homeDir() + "/.config") + "/lostcorner"; }

std::string dataDir() { return envOr("XDG_DATA_HOME", homeDir() + "/.local/share") + "/lostcorner"; }

std::string cacheDir() { return envOr("XDG_CACHE_HOME", homeDir() + "/.cache") + "/lostcorner"; }

std::string executableStamp() {
#ifdef __linux__
  struct stat info {};
  if (::stat("/proc/self/exe", &info) != 0) return {};
  return std::to_string(info.st_size) + ":" + std::to_string(info.st_mtim.tv_sec) + "." +
         std::to_string(info.st_mtim.tv_nsec) + ":" + std::to_string(info.st_ino);
#else
  return {};
#endif
}

std::string documentsDir() { return homeDir() + "/Documents/Lost Corner"; }

std::string expandHome(const std::string& path) {
  const char* home = std::getenv("HOME");
  if (!home || !*home || path.empty() || path[0] != '~') return path;
  if (path.size() == 1) return home;
  if (path[1] == '/') return std::string(home) + path.substr(1);
  return path;
}

std::string findInPath(const std::string& name) {
  const std::string dirs = envOr("PATH", "/usr/local/bin:/usr/bin:/bin");
  for (size_t start = 0; start <= dirs.size();) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string candidate = (end > start ? dirs.substr(start, end - start) : ".") + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

}  // namespace lc

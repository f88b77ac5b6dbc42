// Gathering the class report's summaries from files, folders and .zip archives.
#include "load/report_inputs.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>

#include "load/file_io.h"

namespace lc {
namespace {

enum class Kind { Summary, Zip, Companion, Other };

std::string baseName(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// By the name alone. Companions are what an export writes beside its summary (and what
// a computer leaves in a folder): expected, never counted, not worth a warning each.
Kind kindOf(const std::string& path) {
  std::string name = baseName(path);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  if (name.empty() || name[0] == '.' || path.find("__MACOSX") != std::string::npos) return Kind::Companion;
  if (endsWith(name, ".json")) return Kind::Summary;
  if (endsWith(name, ".zip")) return Kind::Zip;
  for (const char* companion : {".md", ".html", ".htm", ".bak"})
    if (endsWith(name, companion)) return Kind::Companion;
  return Kind::Other;
}

std::string mib(size_t bytes) { return formatSize(bytes); }

class Collector {
 public:
  explicit Collector(const ReportLimits& limits) : limits_(limits) {}
  ReportInputs take() { return std::move(out_); }

  void argument(const std::string& path) {
    if (isDirectory(path)) return folder(path, 0);
    Kind kind = kindOf(path);
    if (kind == Kind::Zip) return zip(path);
    if (kind == Kind::Companion) return void(++out_.ignored);
    summary(path);  // named on purpose: read whatever its name
  }

 private:
  void skip(const std::string& source, const std::string& why) { out_.skipped.push_back({source, why}); }

  void add(std::string source, std::string text) {
    if (text.size() > limits_.maxTotalBytes - total_)
      return skip(source, "not read: the summaries together pass the report's limit of " + mib(limits_.maxTotalBytes));
    total_ += text.size();
    out_.summaries.push_back({std::move(source), std::move(text)});
  }

  void summary(const std::string& path) {
    std::string text, why;
    if (!readFile(path, text, why, limits_.maxSummaryBytes)) return skip(path, "cannot read: " + why);
    add(path, std::move(text));
  }

  void entry(const std::string& path, Kind kind) {
    if (kind == Kind::Summary) summary(path);
    else if (kind == Kind::Zip) zip(path);
    else if (kind == Kind::Companion) ++out_.ignored;
    else skip(path, "not a journal summary (.json) or a .zip: not read");
  }

  void folder(const std::string& path, int depth) {
    std::vector<std::string> names;
    DIR* dir = ::opendir(path.c_str());
    if (!dir) return skip(path, "cannot open the folder");
    while (const dirent* e = ::readdir(dir)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      std::string child = joinPath(path, name);
      struct stat link, target;
      if (::lstat(child.c_str(), &link) != 0) continue;  // gone while we looked
      bool isLink = S_ISLNK(link.st_mode);
      bool isDir = S_ISDIR(link.st_mode) || (isLink && ::stat(child.c_str(), &target) == 0 && S_ISDIR(target.st_mode));
      if (isDir && isLink) skip(child, "a link to a folder: not followed");
      else if (isDir && kindOf(child) == Kind::Companion) ++out_.ignored;
      else if (isDir && depth + 1 >= limits_.maxDepth) skip(child, "folders nested deeper than " + std::to_string(limits_.maxDepth) + ": not read");
      else if (isDir) folder(child, depth + 1);
      else entry(child, kindOf(child));
    }
  }

  void zip(const std::string& path) {
    std::string bytes, why;
    if (!readFile(path, bytes, why, limits_.maxZipBytes)) return skip(path, "cannot read: " + why);
    std::vector<ZipEntry> entries;
    std::vector<ZipProblem> problems;
    auto want = [&](const std::string& name) {
      Kind kind = kindOf(name);
      if (kind == Kind::Summary) return true;
      if (kind == Kind::Zip) skip(path + "/" + name, "a .zip inside a .zip is not opened: unzip the outer one first");
      else if (kind == Kind::Companion) ++out_.ignored;
      else skip(path + "/" + name, "not a journal summary (.json) or a .zip: not read");
      return false;
    };
    ZipLimits zl = limits_.zip;
    zl.maxEntryBytes = std::min(zl.maxEntryBytes, limits_.maxSummaryBytes);
    readZip(bytes, zl, want, entries, problems);
    for (const auto& p : problems) skip(p.name.empty() ? path : path + "/" + p.name, p.message);
    for (auto& e : entries) add(path + "/" + e.name, std::move(e.data));
  }

  const ReportLimits& limits_;
  ReportInputs out_;
  size_t total_ = 0;
};

}  // namespace

ReportInputs collectReportInputs(const std::vector<std::string>& args, const ReportLimits& limits) {
  Collector c(limits);
  for (const auto& a : args) c.argument(a);
  return c.take();
}

}  // namespace lc

#include "app/web_page.h"

#include <algorithm>
#include <filesystem>

#include "load/file_io.h"

namespace fs = std::filesystem;

namespace lc {
namespace {

bool hidden(const fs::path& relative) {
  for (const fs::path& part : relative)
    if (!part.empty() && part.string()[0] == '.') return true;
  return false;
}

// The deepest folder holding every one of `paths`.
fs::path commonFolder(const std::vector<fs::path>& paths) {
  fs::path common = paths.front().parent_path();
  for (const fs::path& p : paths) {
    fs::path folder = p.parent_path();
    while (!common.empty() && std::mismatch(common.begin(), common.end(), folder.begin(), folder.end()).first != common.end())
      common = common.parent_path();
  }
  return common;
}

std::string htmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c == '<') out += "\\u003c";  // never "</script>" inside the page's script
    else if (c < 0x20) out += "\\u00" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
    else out += static_cast<char>(c);
  }
  return out + "\"";
}

void replaceAll(std::string& text, const std::string& what, const std::string& with) {
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
}

}  // namespace

StoryPackage collectStoryFiles(const std::string& storyFolder, const std::vector<std::string>& cueFiles,
                               std::string& error) {
  std::error_code ec;
  const fs::path folder = fs::weakly_canonical(fs::absolute(storyFolder), ec);
  std::vector<fs::path> sources;
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && !hidden(it->path().lexically_relative(folder))) sources.push_back(it->path());
  if (ec) {
    error = storyFolder + ": cannot be read: " + ec.message();
    return {};
  }
  for (const std::string& cue : cueFiles) sources.push_back(fs::weakly_canonical(fs::absolute(cue), ec));
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  sources.push_back(folder / "story.yaml");  // the common folder must hold the story folder itself
  const fs::path root = commonFolder(sources);
  sources.pop_back();
  StoryPackage package;
  package.storyPath = ("/story" / folder.lexically_relative(root)).lexically_normal().generic_string();
  if (!package.storyPath.empty() && package.storyPath.back() == '/') package.storyPath.pop_back();
  for (const fs::path& p : sources)
    package.files.push_back({p.string(), ("/story" / p.lexically_relative(root)).generic_string()});
  return package;
}

bool encodePackage(const StoryPackage& package, std::string& out, std::string& error) {
  out = "LCPKG1\n";
  for (const PackedFile& f : package.files) {
    // A cue may name a FIFO or a device: readFile refuses them instead of waiting or reading forever.
    std::string contents, why;
    if (!readFile(f.source, contents, why)) {
      error = f.source + ": cannot be read: " + why + " (the story names it; check the path)";
      return false;
    }
    out += f.target + "\n" + std::to_string(contents.size()) + "\n" + contents;
  }
  return true;
}

std::string base64(const std::string& bytes) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += digits[(v >> shift) & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += digits[(v >> 18) & 63];
    out += digits[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? digits[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string fillPage(const std::string& page, const PageOptions& options, const std::vector<PageFile>& files) {
  std::string config = "{\"title\":" + jsonString(options.title) + ",\"storyPath\":" + jsonString(options.storyPath) +
                       ",\"args\":[";
  for (size_t i = 0; i < options.args.size(); ++i) config += (i ? "," : "") + jsonString(options.args[i]);
  config += "],\"files\":{";
  std::string payload;
  for (size_t i = 0; i < files.size(); ++i) {
    const PageFile& f = files[i];
    config += (i ? "," : "") + jsonString(f.key) + ":{\"name\":" + jsonString(f.name) +
              ",\"size\":" + std::to_string(f.contents.size()) + "}";
    if (options.singleFile)
      payload += "<script type=\"text/plain\" id=\"lc-file-" + f.key + "\">" + base64(f.contents) + "</script>\n";
  }
  config += "}}";
  std::string out = page;
  replaceAll(out, "@PAYLOAD@", payload);  // first: base64 never holds the other markers' '@'
  replaceAll(out, "@CONFIG@", config);
  replaceAll(out, "@TITLE@", htmlEscape(options.title));
  return out;
}

}  // namespace lc

// Test stories written from inline YAML into a fresh temporary folder.
#pragma once
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "load/loader.h"

namespace lc::test {

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/lctest-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
  }
  ~TempDir() { std::system(("rm -rf '" + dir_ + "'").c_str()); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return dir_; }
  std::string file(const std::string& name) const { return dir_ + "/" + name; }
  void write(const std::string& name, const std::string& contents) const {
    std::ofstream(file(name), std::ios::binary) << contents;
  }

 private:
  std::string dir_;
};

// A story folder: file name -> contents ("story.yaml", "a.yaml", ...).
class TempStory : public TempDir {
 public:
  explicit TempStory(const std::map<std::string, std::string>& files) {
    for (const auto& [name, text] : files) write(name, text);
  }
  LoadResult load() const { return loadStory(path()); }
};

// A one-chapter story: the manifest's variables block and the chapter's scenes block.
inline std::map<std::string, std::string> oneChapter(const std::string& variables, const std::string& scenes,
                                                     const std::string& start = "a.start") {
  return {{"story.yaml", "format: lostcorner/1\nid: test\ntitle: Test\nstart: " + start +
                             "\nchapters: [a.yaml]\nvariables:\n" + variables},
          {"a.yaml", "chapter: a\nscenes:\n" + scenes}};
}

// Loads a story that must be valid; the test fails with the diagnostics otherwise.
// (A macro-using helper: REQUIRE works in a function called from a test case.)
inline std::unique_ptr<Story> loadValid(const std::map<std::string, std::string>& files) {
  TempStory story(files);
  LoadResult r = story.load();
  INFO(formatText(r.diagnostics));
  REQUIRE(r.story);
  return std::move(r.story);
}

// The diagnostics as text with the temp folder replaced by "DIR", for exact comparisons.
inline std::string diagnosticsText(const LoadResult& r, const std::string& dir) {
  std::string text = formatText(r.diagnostics);
  for (size_t at; (at = text.find(dir)) != std::string::npos;) text.replace(at, dir.size(), "DIR");
  return text;
}

}  // namespace lc::test

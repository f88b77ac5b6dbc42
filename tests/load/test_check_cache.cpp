// The check cache (load/check_cache.h) is an optimisation only: with it, without it,
// after deleting or damaging it, on a disk that cannot be written, and after any edit,
// `check` says exactly what a check without a cache says.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

#include <catch2/catch.hpp>

#include "load/check.h"
#include "load/check_cache.h"
#include "platform/storage.h"
#include "support/temp_story.h"

namespace {

using lc::CheckCache;
using lc::test::TempDir;
using lc::test::TempStory;

// Three chapters that refer to each other, a warning or two, and a music cue whose file
// may or may not be there.
std::map<std::string, std::string> storyFiles() {
  return {{"story.yaml",
           "format: lostcorner/1\nid: cache\ntitle: Cache\nstart: a.start\nchapters: [a.yaml, b.yaml, c.yaml]\n"
           "variables:\n  trust: {type: int, initial: 0, min: 0, max: 5}\n  unused: {type: bool, initial: false}\n"
           "music:\n  theme: {file: theme.ogg, caption: a slow piano}\n"},
          {"a.yaml",
           "chapter: a\nscenes:\n  start:\n    music: theme\n    text: A gate. Trust {trust}.\n"
           "    choices:\n      - text: In\n        goto: b.hall\n        do: [trust += 1]\n"
           "      - text: Away\n        goto: c.end\n"},
          {"b.yaml",
           "chapter: b\nscenes:\n  hall:\n    text: A long hall # with a comment\n    next: c.end\n  lost:\n    text: Nobody.\n"
           "    next: c.end\n"},
          {"c.yaml", "chapter: c\nscenes:\n  end:\n    text: The end.\n    end: true\n"}};
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string uncached(const TempStory& story) {
  return lc::test::diagnosticsText(lc::checkStory(story.path()), story.path());
}

std::string cached(const TempStory& story, CheckCache& cache) {
  lc::CheckOptions options;
  options.load.cache = &cache;
  return lc::test::diagnosticsText(lc::checkStory(story.path(), options), story.path());
}

// Every blob the cache wrote (the story's folder under check/).
std::vector<std::string> blobs(const lc::FileStorage& disk) {
  std::vector<std::string> out;
  for (const std::string& folder : {std::string("check")}) {
    std::string cmd = "find '" + disk.root() + "/" + folder + "' -type f 2>/dev/null | sort";
    FILE* p = ::popen(cmd.c_str(), "r");
    char line[4096];
    while (p && std::fgets(line, sizeof line, p)) {
      std::string s = line;
      if (!s.empty() && s.back() == '\n') s.pop_back();
      out.push_back(s);
    }
    if (p) ::pclose(p);
  }
  return out;
}

// A storage whose every write fails, as on a full disk.
class FullDisk final : public lc::Storage {
 public:
  explicit FullDisk(lc::Storage& inner) : inner_(inner) {}
  std::optional<std::string> read(const std::string& name, std::string& error) const override {
    return inner_.read(name, error);
  }
  bool write(const std::string&, const std::string&, std::string& error) override {
    error = "No space left on device";
    return false;
  }
  std::vector<std::string> list(const std::string& folder) const override { return inner_.list(folder); }
  bool remove(const std::string& name, std::string& error) override { return inner_.remove(name, error); }

 private:
  lc::Storage& inner_;
};

}  // namespace

TEST_CASE("a cached check says what an uncached one says, cold and warm") {
  TempStory story(storyFiles());
  TempDir cacheDir;
  lc::FileStorage disk(cacheDir.path(), size_t(64) << 20, false);
  const std::string expected = uncached(story);
  // The story has a warning to keep (check is strict about audio, so the missing cue file is
  // an error and the play lints' warnings do not run; the ' #' warning is a parse's).
  REQUIRE(expected.find("the text stops before ' #'") != std::string::npos);
  REQUIRE(expected.find("theme.ogg") != std::string::npos);
  {
    CheckCache cold(&disk, false);
    CHECK(cached(story, cold) == expected);
    CHECK(cold.counts().resultMisses == 1);
    CHECK(cold.counts().parseMisses == 3);
  }
  CHECK(blobs(disk).size() == 4);  // three parses and the result
  CheckCache warm(&disk, false);
  CHECK(cached(story, warm) == expected);
  CHECK(warm.counts().resultHits == 1);
  CHECK(warm.counts().parseHits + warm.counts().parseMisses == 0);  // nothing parsed at all
}

TEST_CASE("a check after an edit never gives the cached answer of the old files") {
  TempStory story(storyFiles());
  TempDir cacheDir;
  lc::FileStorage disk(cacheDir.path(), size_t(64) << 20, false);
  CheckCache first(&disk, false);
  cached(story, first);

  struct Edit {
    const char* what;
    std::function<void(const TempStory&)> apply;
    const char* expect;  // in the new output
  };
  const Edit edits[] = {
      {"a chapter gains an error (same size)",
       [](const TempStory& s) {
         s.write("c.yaml", read(s.file("c.yaml")).replace(read(s.file("c.yaml")).find("end: true"), 9, "end: tru3"));
       },
       "error"},
      {"a chapter's reference breaks",
       [](const TempStory& s) {
         s.write("b.yaml", "chapter: b\nscenes:\n  hall:\n    text: A hall.\n    next: c.nowhere\n");
       },
       "unknown scene 'c.nowhere'"},
      {"the manifest changes",
       [](const TempStory& s) { s.write("story.yaml", read(s.file("story.yaml")) + "title: Twice\n"); },
       "duplicate key"},
      {"the cue file appears", [](const TempStory& s) { s.write("theme.ogg", "OggS"); }, ""},
      {"a chapter file disappears", [](const TempStory& s) { ::unlink(s.file("b.yaml").c_str()); },
       "cannot read chapter file"},
  };
  for (const Edit& e : edits) {
    SECTION(e.what) {
      const std::string before = uncached(story);
      e.apply(story);
      const std::string after = uncached(story);
      REQUIRE(after != before);
      CHECK(after.find(e.expect) != std::string::npos);
      CheckCache again(&disk, false);
      CHECK(cached(story, again) == after);
      CHECK(again.counts().resultHits == 0);
      TempStory watched(storyFiles());  // and what the watcher keeps in memory
      CheckCache inMemory(nullptr, true);
      cached(watched, inMemory);
      e.apply(watched);
      CHECK(cached(watched, inMemory) == uncached(watched));
    }
  }
}

TEST_CASE("a deleted, damaged or foreign cache changes no result") {
  TempStory story(storyFiles());
  TempDir cacheDir;
  lc::FileStorage disk(cacheDir.path(), size_t(64) << 20, false);
  const std::string expected = uncached(story);
  {
    CheckCache fill(&disk, false);
    cached(story, fill);
  }
  const std::vector<std::string> files = blobs(disk);
  REQUIRE(files.size() == 4);
  const std::map<std::string, std::string> original = [&] {
    std::map<std::string, std::string> m;
    for (const std::string& f : files) m[f] = read(f);
    return m;
  }();
  auto restore = [&] {
    for (const auto& [f, bytes] : original) std::ofstream(f, std::ios::binary) << bytes;
  };
  struct Damage {
    const char* what;
    std::function<std::string(const std::string&)> apply;
  };
  const Damage damages[] = {
      {"emptied", [](const std::string&) { return std::string(); }},
      {"cut in half", [](const std::string& b) { return b.substr(0, b.size() / 2); }},
      {"a byte flipped near the end",
       [](std::string b) {
         b[b.size() - 3] ^= 0x20;
         return b;
       }},
      {"a byte flipped in the middle",
       [](std::string b) {
         b[b.size() / 2] ^= 0x01;
         return b;
       }},
      {"a byte flipped in the header",
       [](std::string b) {
         b[2] ^= 0x01;
         return b;
       }},
      {"garbage", [](const std::string& b) { return std::string(b.size(), '\xff'); }},
  };
  for (const Damage& d : damages) {
    for (const std::string& f : files) {
      restore();
      std::ofstream(f, std::ios::binary) << d.apply(original.at(f));
      // A parse is read only when the result is not known: take the result away.
      if (f.find("/parse-") != std::string::npos)
        for (const std::string& r : files)
          if (r.find("/result-") != std::string::npos) ::unlink(r.c_str());
      CheckCache cache(&disk, false);
      INFO(d.what << ": " << f);
      CHECK(cached(story, cache) == expected);
      CHECK(cache.counts().rejected >= 1);
    }
  }
  SECTION("written by another engine") {
    restore();
    CheckCache other(&disk, false, "lostcorner-check-cache 1 0.0.1 another build");
    CHECK(cached(story, other) == expected);
    CHECK(other.counts().resultHits + other.counts().parseHits == 0);
  }
  SECTION("deleted") {
    std::system(("rm -rf '" + cacheDir.path() + "/check'").c_str());
    CheckCache cache(&disk, false);
    CHECK(cached(story, cache) == expected);
    CHECK(cache.counts().resultMisses == 1);
  }
}

TEST_CASE("a cache that cannot be written changes no result") {
  TempStory story(storyFiles());
  const std::string expected = uncached(story);
  SECTION("its folder cannot be made (a file stands where it should be)") {
    TempDir dir;
    dir.write("blocked", "a file, not a folder");
    lc::FileStorage disk(dir.file("blocked") + "/cache", size_t(64) << 20, false);
    CheckCache cache(&disk, false);
    CHECK(cached(story, cache) == expected);
    CHECK(cache.counts().writeFailures == 4);
    CHECK(cached(story, cache) == expected);
  }
  SECTION("the disk is full") {
    TempDir dir;
    lc::FileStorage inner(dir.path(), size_t(64) << 20, false);
    FullDisk disk(inner);
    CheckCache cache(&disk, false);
    CHECK(cached(story, cache) == expected);
    CHECK(cache.counts().writeFailures == 4);
  }
  SECTION("a read-only folder") {
    TempDir dir;
    ::mkdir(dir.file("ro").c_str(), 0555);
    lc::FileStorage disk(dir.file("ro"), size_t(64) << 20, false);
    CheckCache cache(&disk, false);
    CHECK(cached(story, cache) == expected);  // as root the folder is writable after all: same answer
    CHECK(cached(story, cache) == expected);
  }
}

TEST_CASE("in memory, a check after editing one chapter parses only that chapter") {
  TempStory story(storyFiles());
  CheckCache cache(nullptr, true);
  cached(story, cache);
  CHECK(cache.counts().parseMisses == 3);
  story.write("b.yaml",
              "chapter: b\nscenes:\n  hall:\n    text: A long hall.\n    next: c.end\n  lost:\n    text: Nobody.\n"
              "    next: c.end\n");
  CHECK(cached(story, cache) == uncached(story));
  CHECK(cache.counts().parseMisses == 4);
  CHECK(cache.counts().parseHits == 2);
}

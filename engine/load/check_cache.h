// What `check`, `check --watch` and hot reload keep between loads, so that an edit to
// one chapter re-reads only that chapter: each chapter file's parse (keyed by the hash of
// its bytes) and each whole result (keyed by the hash of every input: the engine build,
// the paths, every file's bytes and the cue files' state). In memory, and on disk when
// given a storage (by default under $XDG_CACHE_HOME/lostcorner/check/).
//
// It is an optimisation only. Every blob is checked (engine build, key, checksum, and
// for a parse the very bytes it was made from) before it is trusted; a blob that fails
// is a miss, and a blob that cannot be written is not kept. Nothing it does changes a
// result.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "core/diagnostic.h"
#include "load/yaml_tree.h"
#include "platform/storage.h"

namespace lc {

class CheckCache {
 public:
  // `disk`: where blobs persist between runs (the cache does not own it), or null.
  // `inMemory`: also keep them in memory, for the loads to come in this process
  // (`check --watch`, hot reload). `engine` names the build (blobs of another are ignored).
  explicit CheckCache(Storage* disk, bool inMemory, std::string engine = defaultEngineStamp());
  static std::string defaultEngineStamp();  // version + executable stamp (platform/env.h)
  const std::string& engine() const { return engine_; }

  // The story whose blobs are being read and written: blobs live in a folder per story
  // (by its manifest's path), and prune() keeps there only what this load used.
  void beginStory(const std::string& manifestPath);

  // A parse of exactly `bytes` (`hash`: contentHash(bytes)), or nothing.
  std::optional<yaml::Document> findParse(const std::string& hash, const std::string& bytes);
  void keepParse(const std::string& hash, const yaml::Document& doc);
  std::optional<Diagnostics> findResult(const std::string& key);
  void keepResult(const std::string& key, const Diagnostics& diags);

  // Removes this story's blobs on disk that the load since beginStory did not use.
  void prune();

  struct Counts {
    uint64_t parseHits = 0, parseMisses = 0, resultHits = 0, resultMisses = 0;
    uint64_t rejected = 0;       // blobs found but not trusted (another engine, damaged)
    uint64_t writeFailures = 0;  // blobs that could not be written (the disk is full, read-only)
  };
  Counts counts() const;

 private:
  std::optional<std::string> find(const std::string& name);
  void keep(const std::string& name, const std::string& payload);
  void reject();
  void count(uint64_t Counts::*which);

  Storage* disk_;
  bool inMemory_;
  std::string engine_, folder_;
  mutable std::mutex mutex_;  // memory_, used_, counts_, folder_ (chapters are read in parallel)
  std::mutex writeMutex_;
  std::map<std::string, std::string> memory_;  // blob name -> payload
  std::set<std::string> used_;                 // names read or written since beginStory
  Counts counts_;
};

}  // namespace lc

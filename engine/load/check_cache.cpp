#include "load/check_cache.h"

#include "load/blob_codec.h"
#include "load/content_hash.h"
#include "platform/env.h"

namespace lc {
namespace {

// Bumped when the form of a blob, or what a load puts in one, changes.
constexpr const char* kFormat = "lostcorner-check-cache 1";

}  // namespace

CheckCache::CheckCache(Storage* disk, bool inMemory, std::string engine)
    : disk_(disk), inMemory_(inMemory), engine_(std::move(engine)) {}

std::string CheckCache::defaultEngineStamp() {
  return std::string(kFormat) + " " + LOSTCORNER_VERSION + " " + executableStamp();
}

void CheckCache::beginStory(const std::string& manifestPath) {
  std::lock_guard<std::mutex> lock(mutex_);
  folder_ = "check/" + contentHash(manifestPath).substr(0, 16) + "/";
  used_.clear();
}

// A blob on disk: engine stamp, the name it was written under, the payload's hash, the
// payload. Any mismatch is a miss.
std::optional<std::string> CheckCache::find(const std::string& name) {
  std::string full;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    full = folder_ + name;
    used_.insert(full);
    if (auto it = memory_.find(full); it != memory_.end()) return it->second;
  }
  if (!disk_) return std::nullopt;
  std::string error;
  std::optional<std::string> blob = disk_->read(full, error);
  if (!blob) return std::nullopt;
  const std::string head = engine_ + "\n" + full + "\n";
  if (blob->size() < head.size() + 33 || blob->compare(0, head.size(), head) != 0 ||
      (*blob)[head.size() + 32] != '\n') {
    reject();
    return std::nullopt;
  }
  const size_t start = head.size() + 33;
  if (blob->compare(head.size(), 32, contentHash(std::string_view(*blob).substr(start))) != 0) {
    reject();
    return std::nullopt;
  }
  blob->erase(0, start);  // the payload, without a second copy
  std::string payload = std::move(*blob);
  std::lock_guard<std::mutex> lock(mutex_);
  if (inMemory_) memory_[full] = payload;
  return payload;
}

void CheckCache::keep(const std::string& name, const std::string& payload) {
  std::string full;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    full = folder_ + name;
    used_.insert(full);
    if (inMemory_) memory_[full] = payload;
  }
  if (!disk_) return;
  std::string error;
  // Storage writes are atomic renames of a temporary file per name; one writer per name
  // at a time (two chapters with the same bytes share a blob).
  std::lock_guard<std::mutex> lock(writeMutex_);
  if (!disk_->write(full, engine_ + "\n" + full + "\n" + contentHash(payload) + "\n" + payload, error)) {
    std::lock_guard<std::mutex> counts(mutex_);
    ++counts_.writeFailures;
  }
}

void CheckCache::reject() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++counts_.rejected;
}

void CheckCache::count(uint64_t Counts::*which) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++(counts_.*which);
}

std::optional<yaml::Document> CheckCache::findParse(const std::string& hash, const std::string& bytes) {
  std::optional<std::string> payload = find("parse-" + hash);
  std::optional<yaml::Document> doc;
  if (payload) doc = decodeDocument(*payload);
  // The parse of exactly these bytes (a leading BOM is dropped from `source`).
  auto same = [&](const std::string& source) {
    if (source.size() == bytes.size()) return source == bytes;
    return source.size() + 3 == bytes.size() && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 &&
           bytes.compare(3, std::string::npos, source) == 0;
  };
  if (payload && (!doc || !same(doc->source))) {
    reject();
    doc.reset();
  }
  count(doc ? &Counts::parseHits : &Counts::parseMisses);
  return doc;
}

void CheckCache::keepParse(const std::string& hash, const yaml::Document& doc) {
  keep("parse-" + hash, encodeDocument(doc));
}

std::optional<Diagnostics> CheckCache::findResult(const std::string& key) {
  std::optional<std::string> payload = find("result-" + key);
  std::optional<Diagnostics> diags;
  if (payload) diags = decodeDiagnostics(*payload);
  if (payload && !diags) reject();
  count(diags ? &Counts::resultHits : &Counts::resultMisses);
  return diags;
}

void CheckCache::keepResult(const std::string& key, const Diagnostics& diags) {
  keep("result-" + key, encodeDiagnostics(diags));
}

void CheckCache::prune() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (folder_.empty()) return;
  const std::string folder = folder_.substr(0, folder_.size() - 1);
  for (auto it = memory_.begin(); it != memory_.end();)
    it = it->first.compare(0, folder_.size(), folder_) == 0 && !used_.count(it->first) ? memory_.erase(it)
                                                                                       : std::next(it);
  if (!disk_) return;
  std::string error;
  for (const std::string& name : disk_->list(folder))
    if (!used_.count(name)) disk_->remove(name, error);
}

CheckCache::Counts CheckCache::counts() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return counts_;
}

}  // namespace lc

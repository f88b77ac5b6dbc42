#include "analysis/explore_store.h"

#include <algorithm>

namespace lc {
namespace {

inline uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

inline uint64_t hashWords(const uint32_t* k, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ull;
  size_t i = 0;
  for (; i + 1 < n; i += 2) h = mix(h ^ (k[i] | (uint64_t{k[i + 1]} << 32))) * 0x9e3779b97f4a7c15ull;
  if (i < n) h = mix(h ^ k[i]) * 0x9e3779b97f4a7c15ull;
  return mix(h);
}

size_t tableSizeFor(size_t expected) {
  size_t size = 1024;
  while (size < expected * 2) size *= 2;
  return size;
}

}  // namespace

StateSet::StateSet(size_t words, size_t expected) : words_(words) {
  slots_.assign(tableSizeFor(expected), 0);
  mask_ = slots_.size() - 1;
  keys_.reserve(std::min<size_t>(expected, size_t{1} << 20) * words_);
}

uint64_t StateSet::hash(const uint32_t* key) const { return hashWords(key, words_); }

uint32_t StateSet::insert(const uint32_t* key, uint64_t hash, bool& added) {
  if ((count_ + 1) * 2 > slots_.size()) grow();
  uint64_t tag = hash >> 32;
  for (size_t i = tag & mask_;; i = (i + 1) & mask_) {
    uint64_t s = slots_[i];
    if (s == 0) {
      keys_.insert(keys_.end(), key, key + words_);
      slots_[i] = (tag << 32) | (count_ + 1);
      added = true;
      return static_cast<uint32_t>(count_++);
    }
    if ((s >> 32) == tag) {
      auto index = static_cast<uint32_t>(s) - 1;
      if (std::equal(key, key + words_, this->key(index))) {
        added = false;
        return index;
      }
    }
  }
}

uint32_t StateSet::find(const uint32_t* key) const {
  uint64_t tag = hash(key) >> 32;
  for (size_t i = tag & mask_;; i = (i + 1) & mask_) {
    uint64_t s = slots_[i];
    if (s == 0) return UINT32_MAX;
    auto index = static_cast<uint32_t>(s) - 1;
    if ((s >> 32) == tag && std::equal(key, key + words_, this->key(index))) return index;
  }
}

// The tag is the hash that places a key, so growing never reads the keys themselves.
void StateSet::grow() {
  std::vector<uint64_t> old(slots_.size() * 2, 0);
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (uint64_t s : old) {
    if (s == 0) continue;
    size_t i = (s >> 32) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

SpentLists::SpentLists() {
  table_.assign(1024, 0);
  mask_ = table_.size() - 1;
}

uint32_t SpentLists::cons(uint32_t slot, uint32_t tail) {
  if ((cells_.size() + 1) * 2 > table_.size()) grow();
  uint64_t tag = mix((uint64_t{slot} << 32 | tail) + 0x9e3779b97f4a7c15ull) >> 32;
  for (size_t i = tag & mask_;; i = (i + 1) & mask_) {
    uint64_t s = table_[i];
    if (s == 0) {
      cells_.push_back({slot, tail});
      table_[i] = (tag << 32) | cells_.size();
      return static_cast<uint32_t>(cells_.size());
    }
    if ((s >> 32) == tag) {
      const Cell& c = cells_[static_cast<uint32_t>(s) - 1];
      if (c.slot == slot && c.tail == tail) return static_cast<uint32_t>(s);
    }
  }
}

void SpentLists::grow() {
  std::vector<uint64_t> old(table_.size() * 2, 0);
  old.swap(table_);
  mask_ = table_.size() - 1;
  for (uint64_t s : old) {
    if (s == 0) continue;
    size_t i = (s >> 32) & mask_;
    while (table_[i] != 0) i = (i + 1) & mask_;
    table_[i] = s;
  }
}

uint32_t SpentLists::rebuild(uint32_t tail) {
  uint32_t list = tail;
  for (size_t i = scratch_.size(); i-- > 0;) list = cons(scratch_[i], list);
  return list;
}

uint32_t SpentLists::with(uint32_t list, uint32_t slot) {
  scratch_.clear();
  uint32_t l = list;
  for (; l != kEmpty && head(l) > slot; l = tail(l)) scratch_.push_back(head(l));
  if (l != kEmpty && head(l) == slot) return list;
  return rebuild(cons(slot, l));
}

uint32_t StringPool::id(const std::string& text) {
  auto it = ids_.find(text);
  if (it != ids_.end()) return it->second;
  auto id = static_cast<uint32_t>(texts_.size());
  texts_.push_back(text);
  ids_.emplace(text, id);
  return id;
}

}  // namespace lc

// Storage for explore's states: flat arrays and open addressing, so that finding or
// adding a state allocates nothing but the amortized growth of a few big vectors
// (internal to explore).
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace lc {

// A set of fixed-size keys of 32-bit words, numbered in the order they were added.
class StateSet {
 public:
  explicit StateSet(size_t words, size_t expected = 1024);
  // The number of `key`, adding it when new (then `added` is true).
  uint32_t insert(const uint32_t* key, bool& added) { return insert(key, hash(key), added); }
  // The same in two steps, so a caller can hash a few keys and prefetch their slots
  // before inserting them: the lookups' cache misses then overlap.
  uint64_t hash(const uint32_t* key) const;
  void prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[(hash >> 32) & mask_]); }
  uint32_t insert(const uint32_t* key, uint64_t hash, bool& added);
  // The number of `key`, or UINT32_MAX when it is not in the set.
  uint32_t find(const uint32_t* key) const;
  // Room for this many keys without moving them (memory is only touched when used).
  void reserve(size_t states) { keys_.reserve(states * words_); }
  const uint32_t* key(uint32_t index) const { return keys_.data() + static_cast<size_t>(index) * words_; }
  size_t size() const { return count_; }
  size_t words() const { return words_; }

 private:
  void grow();
  size_t words_;
  size_t count_ = 0;
  std::vector<uint32_t> keys_;
  // (hash tag << 32) | (number + 1); 0 is an empty slot. The tag places the key and
  // avoids most key comparisons, which would each touch another cache line.
  std::vector<uint64_t> slots_;
  size_t mask_ = 0;
};

// Sets of spent-choice slots as shared, hash-consed lists (greatest slot first), so a
// set is one 32-bit id however many choices it holds, equal sets have equal ids, and
// adding a slot to a set costs one new cell when the slot is the greatest.
class SpentLists {
 public:
  SpentLists();
  static constexpr uint32_t kEmpty = 0;
  uint32_t with(uint32_t list, uint32_t slot);  // the list with `slot` added
  uint32_t head(uint32_t list) const { return cells_[list - 1].slot; }
  uint32_t tail(uint32_t list) const { return cells_[list - 1].tail; }
  // The list of the slots for which keep(slot) holds.
  template <class Keep>
  uint32_t filter(uint32_t list, Keep keep) {
    scratch_.clear();
    for (uint32_t l = list; l != kEmpty; l = tail(l))
      if (keep(head(l))) scratch_.push_back(head(l));
    return rebuild(kEmpty);
  }
  size_t cells() const { return cells_.size(); }

 private:
  struct Cell {
    uint32_t slot, tail;
  };
  uint32_t cons(uint32_t slot, uint32_t tail);
  uint32_t rebuild(uint32_t tail);  // conses scratch_ (greatest first) onto `tail`
  void grow();
  std::vector<Cell> cells_;
  std::vector<uint64_t> table_;  // like StateSet's slots
  size_t mask_ = 0;
  std::vector<uint32_t> scratch_;
};

// String values of variables, as small ids.
class StringPool {
 public:
  uint32_t id(const std::string& text);
  const std::string& text(uint32_t id) const { return texts_[id]; }
  size_t size() const { return texts_.size(); }

 private:
  std::vector<std::string> texts_;
  std::unordered_map<std::string, uint32_t> ids_;
};

}  // namespace lc

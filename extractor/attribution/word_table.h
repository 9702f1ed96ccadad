// A read-mostly table from words (lower-case, as the lexicons list them) to
// a small value, for the lookups phrase reading makes on nearly every token.
//
//   WordTable<RoleClass> roles;
//   roles.Insert("minister", RoleClass::kRole);   // the first value wins
//   if (const RoleClass* r = roles.Find(token.lower)) ...
//
// Open addressing over one flat array with a cheap byte hash: a lookup is a
// length check, one hash of a short word and usually one probe. (The
// std::unordered_map it replaces hashed every word with murmur and chased a
// node, ~7% of the whole pipeline.) Words longer than any key are rejected
// before hashing, and most other misses by one bit of a small filter. Not thread-safe while inserting; Find is const and safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace claimex::attribution {

template <typename V>
class WordTable {
 public:
  // Adds `word` unless present; returns whether it was added.
  bool Insert(std::string_view word, V value) {
    if (FindMutable(word)) return false;
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    Place(Slot{Store(word), static_cast<std::uint32_t>(word.size()), value, true});
    ++count_;
    if (word.size() > max_len_) max_len_ = word.size();
    return true;
  }
  // Adds `word` or replaces its value.
  void Assign(std::string_view word, V value) {
    if (V* v = FindMutable(word)) {
      *v = value;
    } else {
      Insert(word, value);
    }
  }
  const V* Find(std::string_view word) const {
    if (word.size() > max_len_ || slots_.empty()) return nullptr;
    return Find(word, Mix(word));
  }
  // The same with `mixed` == Mix(word) computed by the caller: a token asked
  // about in several tables is hashed once (Mix does not depend on the table).
  const V* Find(std::string_view word, std::uint64_t mixed) const {
    if (word.size() > max_len_ || slots_.empty()) return nullptr;
    const std::uint64_t h = mixed;
    // Most words asked about are in no lexicon: one bit says so before
    // the probe loop runs.
    if (!((filter_[FilterBit(h) >> 6] >> (FilterBit(h) & 63)) & 1)) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = SlotOf(h) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.len == word.size() && std::memcmp(keys_.data() + s.offset, word.data(), word.size()) == 0) {
        return &s.value;
      }
    }
  }
  bool Contains(std::string_view word) const { return Find(word) != nullptr; }

  // The length and the first two and last two bytes, mixed by a multiply:
  // constant time whatever the word, and distinct enough for lexicon
  // words (a collision only costs another probe and compare). Never 0 for
  // a non-empty word.
  static std::uint64_t Mix(std::string_view w) {
    const std::size_t n = w.size();
    std::uint64_t h = n;
    if (n > 0) {
      auto b = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(w[i])); };
      h |= b(0) << 8 | b(n - 1) << 16 | b(n / 2) << 24 | b(n > 1 ? 1 : 0) << 32 | b(n > 1 ? n - 2 : 0) << 40;
    }
    return h * 0x9E3779B97F4A7C15ull;
  }

 private:
  struct Slot {
    std::uint32_t offset = 0, len = 0;  // the key in keys_
    V value{};
    bool used = false;
  };

  // The slot index and the filter bit come from different bits of one mix.
  static std::size_t SlotOf(std::uint64_t mixed) { return static_cast<std::size_t>(mixed >> 24); }
  static std::size_t FilterBit(std::uint64_t mixed) { return static_cast<std::size_t>(mixed >> (64 - kFilterLog)); }
  V* FindMutable(std::string_view word) { return const_cast<V*>(static_cast<const WordTable*>(this)->Find(word)); }
  std::uint32_t Store(std::string_view word) {
    auto offset = static_cast<std::uint32_t>(keys_.size());
    keys_.append(word);
    return offset;
  }
  void Place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t h = Mix(std::string_view(keys_.data() + slot.offset, slot.len));
    filter_[FilterBit(h) >> 6] |= std::uint64_t{1} << (FilterBit(h) & 63);
    std::size_t i = SlotOf(h) & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = slot;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.used) Place(s);
    }
  }

  // One bit per filter position set by some key (a Bloom filter with one
  // hash): 2 KiB, so a lexicon of a few hundred words answers ~98 % of
  // misses without probing.
  static constexpr int kFilterLog = 14;
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>((std::size_t{1} << kFilterLog) / 64, 0);
  std::string keys_;         // every key, back to back
  std::vector<Slot> slots_;  // size a power of two, at most half full
  std::size_t count_ = 0, max_len_ = 0;
};

}  // namespace claimex::attribution

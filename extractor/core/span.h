// A half-open range of UTF-8 byte offsets [start, end) into a document's text.
// Every field claimex takes from text carries one, so a reader can put the
// claim back on the page: Span{5, 9}.of(text) == text.substr(5, 4).
#pragma once

#include <cstddef>
#include <string_view>

namespace claimex {

struct Span {
  std::size_t start = 0;
  std::size_t end = 0;

  bool empty() const { return end <= start; }
  std::size_t size() const { return empty() ? 0 : end - start; }
  bool contains(std::size_t offset) const { return offset >= start && offset < end; }
  bool contains(Span other) const { return other.start >= start && other.end <= end; }
  bool overlaps(Span other) const { return other.start < end && start < other.end; }
  // CAVEAT: the caller guarantees the span lies inside `text`.
  std::string_view of(std::string_view text) const { return text.substr(start, size()); }
  friend bool operator==(Span a, Span b) = default;
};

}  // namespace claimex

// A buffered byte stream over a file or standard input that gunzips
// transparently: a stream starting with the gzip magic bytes (1f 8b) is
// inflated (concatenated members included), anything else is passed through.
// Reading is incremental (64 KiB at a time), so a caller that stops at a
// limit never holds more than the limit plus one chunk.
//
// Errors are values: after ReadLine/ReadAll return false (or report a short
// read), error() says why ("truncated gzip data (unexpected end of file)",
// a read error, corrupt data); it is empty at a clean end of input.
//
//   InputStream in;
//   if (!in.Open(path)) return InputError{path, 0, in.error()};
//   std::string line;
//   while (in.ReadLine(line, limit)) ...;
//   if (!in.error().empty()) ...;
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace claimex {

class InputStream {
 public:
  InputStream();
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Opens `path`, or standard input for "-". False (with error()) when the
  // file cannot be opened.
  bool Open(const std::string& path);

  // The first bytes of the (decompressed) stream, without consuming them:
  // up to `n` bytes, fewer at end of input.
  std::string_view Peek(std::size_t n);
  // Discards the next `n` bytes (after Peek showed they are there).
  void Skip(std::size_t n);
  // The first byte that is not ASCII whitespace, looking at most `limit`
  // bytes ahead; '\0' when there is none (empty or all-whitespace input).
  char FirstNonBlank(std::size_t limit);

  // Reads the next line without its '\n' into `line`. Returns false at end
  // of input (nothing read). A line longer than `limit` is skipped to its
  // end without being stored: `line` is cleared and `too_long` set.
  // `complete` is false when the line ended at end of input without '\n'.
  bool ReadLine(std::string& line, std::size_t limit, bool& too_long, bool& complete);
  // Reads the rest of the stream into `out`, stopping after `limit` + 1
  // bytes (so `out.size() > limit` tells the caller it was too large).
  void ReadAll(std::string& out, std::size_t limit);

  // Why reading stopped early; empty when the input ended cleanly.
  const std::string& error() const { return error_; }
  // Bytes of decompressed data consumed so far.
  std::size_t offset() const { return consumed_; }

 private:
  // Appends up to one chunk of decompressed data to buf_; false at end of
  // input or on error.
  bool Fill();
  std::size_t RawRead(unsigned char* dst, std::size_t n);

  struct Inflater;
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool eof_ = false;
  bool started_ = false;
  std::unique_ptr<Inflater> gz_;  // set once the gzip magic was seen
  std::string buf_;               // decompressed bytes not yet consumed start at pos_
  std::size_t pos_ = 0;
  std::size_t consumed_ = 0;
  std::string error_;
};

}  // namespace claimex

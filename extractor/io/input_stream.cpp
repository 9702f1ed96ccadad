#include "extractor/io/input_stream.h"

#include <zlib.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <vector>

namespace claimex {

namespace {
constexpr std::size_t kChunk = 64u << 10;
}  // namespace

struct InputStream::Inflater {
  z_stream z{};
  bool in_member = false;  // inside a gzip member (its end not yet seen)
  bool initialized = false;
  std::vector<unsigned char> raw = std::vector<unsigned char>(kChunk);
  ~Inflater() {
    if (initialized) inflateEnd(&z);
  }
};

InputStream::InputStream() = default;

InputStream::~InputStream() {
  if (file_ && owns_file_) std::fclose(file_);
}

bool InputStream::Open(const std::string& path) {
  if (path == "-") {
    file_ = stdin;
    owns_file_ = false;
  } else {
    file_ = std::fopen(path.c_str(), "rb");
    owns_file_ = true;
    if (!file_) {
      error_ = std::string("cannot open: ") + std::strerror(errno);
      return false;
    }
  }
  return true;
}

std::size_t InputStream::RawRead(unsigned char* dst, std::size_t n) {
  std::size_t got = std::fread(dst, 1, n, file_);
  if (got < n && std::ferror(file_)) {
    error_ = std::string("read error: ") + std::strerror(errno);
  }
  return got;
}

bool InputStream::Fill() {
  if (eof_ || !error_.empty() || !file_) return false;
  // Drop the consumed prefix so the buffer holds only unread bytes.
  if (pos_ > 0 && pos_ >= buf_.size() / 2) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  if (!started_) {
    started_ = true;
    unsigned char head[2];
    std::size_t n = RawRead(head, 2);
    if (n == 2 && head[0] == 0x1f && head[1] == 0x8b) {
      gz_ = std::make_unique<Inflater>();
      if (inflateInit2(&gz_->z, 15 + 16) != Z_OK) {
        error_ = "cannot initialize zlib";
        return false;
      }
      gz_->initialized = true;
      gz_->raw[0] = head[0];
      gz_->raw[1] = head[1];
      gz_->z.next_in = gz_->raw.data();
      gz_->z.avail_in = 2;
      gz_->in_member = true;
    } else {
      buf_.append(reinterpret_cast<const char*>(head), n);
      if (n < 2) {
        eof_ = true;
        return n > 0;
      }
      return true;
    }
  }
  if (!gz_) {
    std::size_t old = buf_.size();
    buf_.resize(old + kChunk);
    std::size_t n = RawRead(reinterpret_cast<unsigned char*>(buf_.data() + old), kChunk);
    buf_.resize(old + n);
    if (n == 0) eof_ = true;
    return n > 0;
  }
  // Inflate until at least one output byte, the end of the data, or an error.
  z_stream& z = gz_->z;
  std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  z.next_out = reinterpret_cast<unsigned char*>(buf_.data() + old);
  z.avail_out = kChunk;
  while (z.avail_out == kChunk) {
    if (z.avail_in == 0) {
      std::size_t n = RawRead(gz_->raw.data(), gz_->raw.size());
      if (n == 0) {
        if (gz_->in_member && error_.empty()) {
          error_ = "truncated gzip data (unexpected end of file)";
        }
        eof_ = true;
        break;
      }
      z.next_in = gz_->raw.data();
      z.avail_in = static_cast<uInt>(n);
    }
    if (!gz_->in_member) {
      // Another gzip member follows, or trailing bytes that gzip(1) also ignores.
      if (z.next_in[0] != 0x1f) {
        eof_ = true;
        break;
      }
      inflateReset(&z);
      gz_->in_member = true;
    }
    int rc = inflate(&z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      gz_->in_member = false;
    } else if (rc == Z_DATA_ERROR || rc == Z_MEM_ERROR || rc == Z_NEED_DICT) {
      error_ = std::string("corrupt gzip data: ") + (z.msg ? z.msg : "inflate failed");
      eof_ = true;
      break;
    }
  }
  std::size_t produced = kChunk - z.avail_out;
  buf_.resize(old + produced);
  return produced > 0;
}

std::string_view InputStream::Peek(std::size_t n) {
  while (buf_.size() - pos_ < n && Fill()) {
  }
  return std::string_view(buf_).substr(pos_, n);
}

void InputStream::Skip(std::size_t n) {
  Peek(n);
  n = std::min(n, buf_.size() - pos_);
  pos_ += n;
  consumed_ += n;
}

char InputStream::FirstNonBlank(std::size_t limit) {
  for (std::size_t i = pos_;; ++i) {
    if (i - pos_ >= limit) return '\0';
    if (i >= buf_.size()) {
      std::size_t rel = i - pos_;
      if (!Fill()) return '\0';
      i = pos_ + rel;  // Fill may have moved the unread bytes to the front
    }
    char c = buf_[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return c;
  }
}

bool InputStream::ReadLine(std::string& line, std::size_t limit, bool& too_long, bool& complete) {
  line.clear();
  too_long = false;
  complete = true;
  bool any = false;
  while (true) {
    if (pos_ >= buf_.size() && !Fill()) {
      complete = false;
      return any;
    }
    any = true;
    const char* begin = buf_.data() + pos_;
    std::size_t avail = buf_.size() - pos_;
    const void* nl = std::memchr(begin, '\n', avail);
    std::size_t take = nl ? static_cast<const char*>(nl) - begin : avail;
    if (!too_long) {
      if (line.size() + take > limit) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(begin, take);
      }
    }
    pos_ += take;
    consumed_ += take;
    if (nl) {
      ++pos_;
      ++consumed_;
      return true;
    }
  }
}

void InputStream::ReadAll(std::string& out, std::size_t limit) {
  out.clear();
  while (true) {
    if (pos_ >= buf_.size() && !Fill()) return;
    std::size_t take = std::min(buf_.size() - pos_, limit + 1 - out.size());
    out.append(buf_, pos_, take);
    pos_ += take;
    consumed_ += take;
    if (out.size() > limit) return;
  }
}

}  // namespace claimex

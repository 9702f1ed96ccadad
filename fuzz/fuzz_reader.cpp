// libFuzzer target for the readers (io/reader.h), built three times with
// CLAIMEX_FUZZ_EXT = "txt", "jsonl" or "gz" (fuzz_reader_txt, _jsonl, _gz).
// The input is written to a temporary file with that extension and read
// with ReadInputs, since the readers work on paths.
//
// For "gz": when byte 0 is odd the rest is written as is (corrupt or non-
// gzip data in a .gz file); when even, the rest is gzip-compressed and then
// cut to a length chosen by byte 1 (0xFF keeps it whole), to exercise
// truncated streams. The decompressed payload is read as JSON Lines when it
// starts with '{', else as one text article.
//
// Checks the reader's promises: every document is valid UTF-8 without NUL
// bytes and not larger than max_doc_bytes, every error names the file and
// has a reason.
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <variant>

#include "extractor/io/reader.h"
#include "fuzz/fuzz_util.h"

#ifndef CLAIMEX_FUZZ_EXT
#define CLAIMEX_FUZZ_EXT "txt"
#endif

namespace {

std::string Gzip(const uint8_t* data, size_t size) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, size) + 32, '\0');
  z.next_in = const_cast<Bytef*>(data);
  z.avail_in = static_cast<uInt>(size);
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimex;
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/claimex-fuzz-" + std::to_string(getpid()) +
           "." CLAIMEX_FUZZ_EXT;
  }();
  std::string bytes;
  std::string_view ext = CLAIMEX_FUZZ_EXT;
  if (ext == "gz") {
    if (size < 2) return 0;
    if (data[0] & 1) {
      bytes.assign(reinterpret_cast<const char*>(data) + 2, size - 2);
    } else {
      bytes = Gzip(data + 2, size - 2);
      if (data[1] != 0xFF) bytes.resize(bytes.size() * data[1] / 255);
    }
  } else {
    bytes.assign(reinterpret_cast<const char*>(data), size);
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);

  ReaderOptions options;
  options.max_doc_bytes = 1 << 16;
  ReadInputs({path}, options, [&](InputItem&& item) {
    if (auto* doc = std::get_if<Document>(&item)) {
      if (!fuzz::IsAcceptedText(doc->text)) fuzz::Fail("reader passed on bad text", {}, doc->text.size());
      if (doc->text.size() > options.max_doc_bytes) fuzz::Fail("document over limit", {}, doc->text.size());
      if (doc->published && !doc->published->ok()) fuzz::Fail("impossible date passed on", {}, 0);
    } else {
      const InputError& e = std::get<InputError>(item);
      if (e.reason.empty() || e.file.empty()) fuzz::Fail("error without file or reason", {}, 0);
    }
    return true;
  });
  std::remove(path.c_str());
  return 0;
}

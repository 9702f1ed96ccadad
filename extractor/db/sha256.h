// SHA-256 (FIPS 180-4) of a byte string, as 64 lower-case hex digits. Used
// for article content hashes and migration checksums; a small local
// implementation so claimex needs no crypto library.
//
//   Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
//
// Sha256 hashes input given in pieces, same result as one call on the concatenation.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimex {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  std::string HexDigest();  // CAVEAT: call once; the object is spent afterwards

 private:
  void Block(const unsigned char* p);
  std::array<std::uint32_t, 8> h_;
  unsigned char buf_[64];
  std::size_t buf_len_ = 0;
  std::uint64_t total_ = 0;
};

std::string Sha256Hex(std::string_view data);

}  // namespace claimex

// Decides who says each claim: reporting clauses ("X said", "said X",
// "according to X"), quotes with their speaker, titles and roles, and
// references back ("he", "the agency", "its director") resolved to the
// name given earlier. A claim with no attribution keeps speaker unset (the
// publisher's own figure).
//
//   Attributor attributor;
//   attributor.Attribute(text, segmentation, claims);  // fills Claim::speaker
//
// Thread-safe after construction; per-document state lives in the call,
// and per-thread scratch buffers are reused across calls. Cost is linear:
// tokens are made one sentence at a time, sentences after the last one a
// claim can be reached from are not read, and in a (machine-made) sentence
// with more than 64 reporting clauses a claim sees the 32 nearest on
// each side.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/text/segmenter.h"

namespace claimex {

class Attributor {
 public:
  Attributor();
  ~Attributor();
  Attributor(const Attributor&) = delete;
  Attributor& operator=(const Attributor&) = delete;

  void Attribute(std::string_view text, const Segmentation& segmentation,
                 std::vector<Claim>& claims) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimex

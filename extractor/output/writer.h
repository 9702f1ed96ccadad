// Sinks for extracted claims on a stream: JSON Lines (the SPEC record, one
// object per claim), CSV (one row per claim, the same fields flattened, a
// header line first) and an aligned table for people.
//
//   std::unique_ptr<ClaimWriter> w = MakeClaimWriter("jsonl", std::cout, {});
//   w->Write(doc, claims); ... w->Finish();
//
// Every SPEC field is always present (null where unknown). Extra fields:
// source, published, norm_value, norm_unit and byte spans of the entity,
// predicate, time text and speaker; with `explain`, the rule names and
// the category vote's features (claims/claim_category_vote.cpp).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/core/document.h"

namespace claimex {

struct WriterOptions {
  bool explain = false;  // add "rules" (and "category_features")
};

class ClaimWriter {
 public:
  virtual ~ClaimWriter() = default;
  virtual void Write(const Document& doc, const std::vector<Claim>& claims) = 0;
  virtual void Finish() {}
};

// format: "jsonl", "csv" or "table"; nullptr for anything else.
std::unique_ptr<ClaimWriter> MakeClaimWriter(std::string_view format, std::ostream& out,
                                             const WriterOptions& options);

// One claim as a JSON object without a trailing newline (the JSON Lines row).
std::string ClaimToJson(const Document& doc, const Claim& claim, const WriterOptions& options);
// The same row appended to `out` (no temporary string per claim).
void AppendClaimJson(std::string& out, const Document& doc, const Claim& claim, const WriterOptions& options);

}  // namespace claimex

// Writes extracted articles and their claims to PostgreSQL (schema:
// docs/schema.md), in batches through COPY.
//
//   ClaimStore store(*conn);              // conn already migrated
//   store.Add(doc, std::move(claims));    // buffers; writes when the batch is full
//   store.Flush();                        // writes the rest
//   const StoreCounts& c = store.counts();
//
// Guarantees:
// - An article and its claims land in one transaction, never half. A batch
//   is one transaction; when it fails on a data error (a CHECK constraint,
//   say), each of its articles is retried alone, so one bad article fails
//   alone (counted in `failed`, reported through the error callback) and the
//   rest are stored.
// - Idempotent by content hash, sha256(source + '\n' + text): an article
//   already stored by the same extractor version is left as is (`unchanged`);
//   one stored by another version (version.h) has its row updated and its
//   claims replaced in the same transaction (`replaced`).
// - Concurrent writers on overlapping input store each article once: the
//   UNIQUE content hash + INSERT ... ON CONFLICT decide, losers see the
//   article as unchanged; deadlocks and serialization failures retry the batch.
// - Speakers are upserted by (name, type), canonical updated when it differs.
//
// Connection errors (server gone) throw pqxx exceptions to the caller: the
// pending batch is lost, never half-written.
#pragma once

#include <pqxx/pqxx>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/core/document.h"

namespace claimex {

struct StoreCounts {
  std::size_t new_articles = 0;
  std::size_t unchanged = 0;
  std::size_t replaced = 0;
  std::size_t failed = 0;
  std::size_t claims = 0;  // claim rows written
};

struct StoreOptions {
  std::string extractor_version;     // empty = ExtractorVersion()
  std::size_t batch_articles = 1000;  // flush after this many articles ...
  std::size_t batch_claims = 50000;   // ... or this many claims
};

class ClaimStore {
 public:
  // Called once per article that could not be stored: (document id, reason).
  using FailureSink = std::function<void(const std::string&, const std::string&)>;

  explicit ClaimStore(pqxx::connection& conn, StoreOptions options = {},
                      FailureSink on_failure = nullptr);
  ClaimStore(const ClaimStore&) = delete;
  ClaimStore& operator=(const ClaimStore&) = delete;

  // Buffers the article (its text is hashed, not kept) and writes the batch
  // when full.
  void Add(const Document& doc, const std::vector<Claim>& claims);
  // Writes whatever is buffered. Call before reading final counts.
  void Flush();
  const StoreCounts& counts() const { return counts_; }

  // One claim as written to the claims table (empty strings -> NULL).
  struct ClaimRow {
    int claim_no = 0, sentence = 0, start = 0, end = 0;
    std::string text;
    std::optional<double> value, low, high, norm_value;
    std::string qualifier, kind, unit, norm_unit, entity, predicate, category;
    std::string aggregation, change, time_start, time_end, time_text, effective_date;
    bool has_speaker = false;
    std::string speaker_name, speaker_type, speaker_canonical, speaker_role, speaker_cue;
    std::string rules;  // PostgreSQL array literal, empty = NULL
  };
  struct ArticleRow {
    std::string doc_id, source, url, title, published, sha256;
    long text_bytes = 0;
    std::vector<ClaimRow> claims;
  };
  // The row Add buffers: hashing and copying, no database access, so it
  // may run on another thread than the store's.
  static ArticleRow ToRow(const Document& doc, const std::vector<Claim>& claims);
  // Add for a row made by ToRow.
  void AddRow(ArticleRow&& row);

 private:
  void WriteBatch(std::vector<ArticleRow>& batch);
  StoreCounts WriteOnce(std::vector<ArticleRow>& batch);

  pqxx::connection& conn_;
  StoreOptions options_;
  FailureSink on_failure_;
  std::vector<ArticleRow> pending_;
  std::size_t pending_claims_ = 0;
  StoreCounts counts_;
  std::map<std::string, int> source_ids_;  // committed sources, by name
};

}  // namespace claimex

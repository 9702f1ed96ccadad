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

  // An article as Add buffers it: the claims are already formatted as COPY
  // text rows (extractor/db/copy_in.h), so the writer only prefixes each
  // with the ids it learns in the transaction. Empty strings are NULL.
  struct SpeakerRow {
    std::string name, type, canonical;
  };
  struct ArticleRow {
    std::string doc_id, source, url, title, published, sha256;
    long text_bytes = 0;
    // The claims' fields in binary COPY format (copy_binary.h), the columns
    // of kClaimCopy (store.cpp) after article_id and speaker_id, one row
    // after the other; claim_row_ends[k] is where row k ends.
    std::string claim_rows;
    std::vector<std::size_t> claim_row_ends;
    std::vector<int> claim_speakers;  // per claim: index into speakers, -1 = none
    std::vector<SpeakerRow> speakers;  // distinct (name, type) of this article
    std::size_t claim_count() const { return claim_speakers.size(); }
  };
  // The row Add buffers: hashing and copying, no database access, so it
  // may run on another thread than the store's.
  static ArticleRow ToRow(const Document& doc, const std::vector<Claim>& claims);
  // Add for a row made by ToRow.
  void AddRow(ArticleRow&& row);
  // The buffered rows not yet written (a failed Flush keeps its batch),
  // removed from this store; after a lost connection, AddPending them to a
  // store on a new connection (buffers without writing) and Flush.
  std::vector<ArticleRow> TakePending();
  void AddPending(std::vector<ArticleRow>&& rows);

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

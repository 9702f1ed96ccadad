#include "extractor/db/store.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>
#include <tuple>
#include <unordered_map>

#include "extractor/db/copy_binary.h"
#include "extractor/db/copy_in.h"
#include "extractor/db/sha256.h"
#include "extractor/db/version.h"

namespace claimex {
namespace {

constexpr int kMaxAttempts = 6;

// {1,2,3}: a bigint[] literal.
std::string IdArray(const std::vector<long long>& ids) {
  std::string out = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "}";
}

// Staging tables live for the session and empty themselves at commit.
const char kCreateStaging[] =
    "CREATE TEMP TABLE IF NOT EXISTS claimex_stage_articles ("
    " seq int, source_id int, doc_id text, url text, title text, published date,"
    " content_sha256 text, text_bytes int) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE IF NOT EXISTS claimex_stage_speakers ("
    " name text, type text, canonical text) ON COMMIT DELETE ROWS";

// The two ids first: ToRow formats the rest of each row ahead of time.
const char kClaimCopy[] =
    "COPY claims (article_id, speaker_id, claim_no, sentence, start_byte, end_byte, text, value,"
    " low, high, qualifier, kind, unit, norm_value, norm_unit, entity, predicate, category,"
    " aggregation, change, time_start, time_end, time_text, effective_date, speaker_role,"
    " speaker_cue, rules) FROM STDIN (FORMAT binary)";
constexpr int kClaimCopyFields = 27;
const char kStageArticlesCopy[] =
    "COPY claimex_stage_articles (seq, source_id, doc_id, url, title, published, content_sha256,"
    " text_bytes) FROM STDIN";
const char kStageSpeakersCopy[] = "COPY claimex_stage_speakers (name, type, canonical) FROM STDIN";

}  // namespace

ClaimStore::ClaimStore(pqxx::connection& conn, StoreOptions options, FailureSink on_failure)
    : conn_(conn), options_(std::move(options)), on_failure_(std::move(on_failure)) {
  if (options_.extractor_version.empty()) options_.extractor_version = ExtractorVersion();
  if (options_.batch_articles == 0) options_.batch_articles = 1;
  pqxx::nontransaction(conn_).exec(kCreateStaging);
}

ClaimStore::ArticleRow ClaimStore::ToRow(const Document& doc, const std::vector<Claim>& claims) {
  ArticleRow a;
  a.doc_id = doc.id;
  a.source = doc.source;
  a.url = doc.url;
  a.title = doc.title;
  if (doc.published) a.published = FormatIsoDate(*doc.published);
  Sha256 h;
  h.Update(doc.source);
  h.Update("\n");
  h.Update(doc.text);
  a.sha256 = h.HexDigest();
  a.text_bytes = static_cast<long>(doc.text.size());
  a.claim_speakers.reserve(claims.size());
  a.claim_row_ends.reserve(claims.size());
  std::string& out = a.claim_rows;
  out.reserve(claims.size() * 256);
  std::vector<std::string_view> rules;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    const Quantity& q = c.quantity;
    std::optional<Date> time_start, time_end;
    if (c.time) {
      time_start = c.time->start;
      time_end = c.time->end;
    }
    BinaryAppendInt4(out, static_cast<int32_t>(i));  // claim_no
    BinaryAppendInt4(out, static_cast<int32_t>(c.sentence));
    BinaryAppendInt4(out, static_cast<int32_t>(q.span.start));
    BinaryAppendInt4(out, static_cast<int32_t>(q.span.end));
    if (q.span.end <= doc.text.size() && !q.span.empty()) {
      BinaryAppendText(out, q.span.of(doc.text));
    } else {
      BinaryAppendNull(out);
    }
    BinaryAppendNumeric(out, q.value);
    BinaryAppendNumeric(out, q.low);
    BinaryAppendNumeric(out, q.high);
    BinaryAppendText(out, ToString(q.qualifier));
    BinaryAppendText(out, ToString(q.kind));
    BinaryAppendTextOrNull(out, q.unit);
    BinaryAppendNumeric(out, q.norm_value);
    BinaryAppendTextOrNull(out, q.norm_unit);
    BinaryAppendTextOrNull(out, c.entity);
    BinaryAppendTextOrNull(out, c.predicate);
    BinaryAppendText(out, ToString(c.category));
    BinaryAppendTextOrNull(out, ToString(c.aggregation));
    // The claim's change, else the one the mention itself says ("topped").
    BinaryAppendTextOrNull(out, ToString(c.change != Change::kNone ? c.change : q.change));
    BinaryAppendDateOrNull(out, time_start);
    BinaryAppendDateOrNull(out, time_end);
    BinaryAppendTextOrNull(out, c.time ? std::string_view(c.time->text) : std::string_view());
    BinaryAppendDateOrNull(out, time_end ? time_end : time_start ? time_start : doc.published);  // effective_date
    int speaker = -1;
    if (c.speaker) {
      const std::string type(ToString(c.speaker->type));
      for (std::size_t k = 0; k < a.speakers.size(); ++k) {
        if (a.speakers[k].name == c.speaker->name && a.speakers[k].type == type) speaker = static_cast<int>(k);
      }
      if (speaker < 0) {
        speaker = static_cast<int>(a.speakers.size());
        a.speakers.push_back({c.speaker->name, type,
                              c.speaker->canonical.empty() ? c.speaker->name : c.speaker->canonical});
      }
      BinaryAppendTextOrNull(out, c.speaker->role);
      BinaryAppendTextOrNull(out, c.speaker->cue);
    } else {
      BinaryAppendNull(out);
      BinaryAppendNull(out);
    }
    rules.assign(q.rules.begin(), q.rules.end());
    rules.insert(rules.end(), c.rules.begin(), c.rules.end());
    if (rules.empty()) {
      BinaryAppendNull(out);
    } else {
      BinaryAppendTextArray(out, rules);
    }
    a.claim_speakers.push_back(speaker);
    a.claim_row_ends.push_back(out.size());
  }
  return a;
}

void ClaimStore::Add(const Document& doc, const std::vector<Claim>& claims) {
  AddRow(ToRow(doc, claims));
}

void ClaimStore::AddRow(ArticleRow&& row) {
  pending_claims_ += row.claim_count();
  pending_.push_back(std::move(row));
  if (pending_.size() >= options_.batch_articles || pending_claims_ >= options_.batch_claims) Flush();
}

void ClaimStore::Flush() {
  if (pending_.empty()) return;
  // The batch stays pending until written: on a lost connection a caller
  // can hand it to a store on a new connection (TakePending). Rows some of
  // which were committed before the loss are harmless to resend: articles
  // are keyed by content hash, the resent ones count as unchanged.
  WriteBatch(pending_);
  pending_.clear();
  pending_claims_ = 0;
}

void ClaimStore::AddPending(std::vector<ArticleRow>&& rows) {
  for (ArticleRow& r : rows) {
    pending_claims_ += r.claim_count();
    pending_.push_back(std::move(r));
  }
}

std::vector<ClaimStore::ArticleRow> ClaimStore::TakePending() {
  std::vector<ArticleRow> rows;
  rows.swap(pending_);
  pending_claims_ = 0;
  return rows;
}

void ClaimStore::WriteBatch(std::vector<ArticleRow>& batch) {
  try {
    StoreCounts c = WriteOnce(batch);
    counts_.new_articles += c.new_articles;
    counts_.unchanged += c.unchanged;
    counts_.replaced += c.replaced;
    counts_.claims += c.claims;
    return;
  } catch (const pqxx::broken_connection&) {
    throw;
  } catch (const pqxx::sql_error& e) {
    // The server shutting down (SQLSTATE 57P0x) or the link failing (08xxx)
    // is no data error: retrying articles alone or counting them as failed
    // would be wrong. Surface it as the lost connection it is.
    if (!conn_.is_open() || e.sqlstate().rfind("57P0", 0) == 0 || e.sqlstate().rfind("08", 0) == 0) {
      throw pqxx::broken_connection(e.what());
    }
    if (batch.size() == 1) {
      ++counts_.failed;
      std::string reason = e.what();
      while (!reason.empty() && reason.back() == '\n') reason.pop_back();
      if (on_failure_) on_failure_(batch[0].doc_id, reason);
      return;
    }
    spdlog::debug("batch of {} articles failed ({}); storing them one by one", batch.size(), e.what());
  }
  // Isolate the bad article(s): each alone in its own transaction.
  for (const ArticleRow& a : batch) {
    std::vector<ArticleRow> one{a};  // a copy: the batch stays whole until written
    WriteBatch(one);
  }
}

StoreCounts ClaimStore::WriteOnce(std::vector<ArticleRow>& batch) {
  for (int attempt = 1;; ++attempt) {
    try {
      StoreCounts c;
      std::map<std::string, int> new_sources;
      pqxx::work tx(conn_);

      // Sources: few per batch, so one statement each.
      for (const ArticleRow& a : batch) {
        if (a.source.empty() || source_ids_.count(a.source) || new_sources.count(a.source)) continue;
        pqxx::result r = tx.exec_params(
            "WITH ins AS (INSERT INTO sources (name) VALUES ($1) ON CONFLICT (name) DO NOTHING "
            "RETURNING id) SELECT id FROM ins UNION ALL SELECT id FROM sources WHERE name = $1",
            a.source);
        if (r.empty()) {
          // Inserted by a concurrent transaction that we waited for: read it now.
          r = tx.exec_params("SELECT id FROM sources WHERE name = $1", a.source);
        }
        new_sources[a.source] = r.at(0)[0].as<int>();
      }
      auto source_id = [&](const std::string& name) -> std::optional<int> {
        if (name.empty()) return std::nullopt;
        auto it = source_ids_.find(name);
        return it != source_ids_.end() ? it->second : new_sources.at(name);
      };

      // Articles: stage, insert the new ones, lock and classify the rest.
      {
        CopyIn copy(tx, kStageArticlesCopy);
        std::string& out = copy.buffer();
        for (std::size_t i = 0; i < batch.size(); ++i) {
          const ArticleRow& a = batch[i];
          CopyAppendInt(out, static_cast<long long>(i));
          out += '\t';
          if (std::optional<int> id = source_id(a.source)) {
            CopyAppendInt(out, *id);
          } else {
            CopyAppendNull(out);
          }
          out += '\t';
          CopyAppendTextOrNull(out, a.doc_id);
          out += '\t';
          CopyAppendTextOrNull(out, a.url);
          out += '\t';
          CopyAppendTextOrNull(out, a.title);
          out += '\t';
          CopyAppendTextOrNull(out, a.published);
          out += '\t';
          CopyAppendText(out, a.sha256);
          out += '\t';
          CopyAppendInt(out, a.text_bytes);
          out += '\n';
          copy.SendIfFull();
        }
        copy.Finish();
      }
      std::unordered_map<std::string, long long> new_ids, replace_ids;
      // In hash order, so concurrent writers take index locks in one order.
      for (const pqxx::row& r : tx.exec_params(
               "INSERT INTO articles (source_id, doc_id, url, title, published, content_sha256,"
               " extractor_version, text_bytes)"
               " SELECT DISTINCT ON (content_sha256) source_id, doc_id, url, title, published,"
               " content_sha256, $1, text_bytes FROM claimex_stage_articles"
               " ORDER BY content_sha256, seq"
               " ON CONFLICT (content_sha256) DO NOTHING RETURNING id, content_sha256",
               options_.extractor_version)) {
        new_ids[r[1].c_str()] = r[0].as<long long>();
      }
      std::vector<long long> stale;
      for (const pqxx::row& r : tx.exec_params(
               "SELECT a.id, a.content_sha256, a.extractor_version <> $1 FROM articles a"
               " WHERE a.content_sha256 IN (SELECT content_sha256 FROM claimex_stage_articles)"
               " ORDER BY a.id FOR UPDATE",
               options_.extractor_version)) {
        if (new_ids.count(r[1].c_str())) continue;
        if (r[2].as<bool>()) {
          replace_ids[r[1].c_str()] = r[0].as<long long>();
          stale.push_back(r[0].as<long long>());
        }
      }
      if (!stale.empty()) {
        std::string ids = IdArray(stale);
        tx.exec_params("DELETE FROM claims WHERE article_id = ANY($1::bigint[])", ids);
        tx.exec_params(
            "UPDATE articles a SET extractor_version = $2, ingested_at = now(), doc_id = s.doc_id,"
            " url = s.url, title = s.title, published = s.published"
            " FROM claimex_stage_articles s"
            " WHERE a.id = ANY($1::bigint[]) AND s.content_sha256 = a.content_sha256",
            ids, options_.extractor_version);
      }

      // Which batch rows get their claims written: the first row of each new
      // or replaced hash; later duplicates in the batch count as unchanged.
      std::vector<std::pair<const ArticleRow*, long long>> writes;
      std::set<std::string> seen;
      for (const ArticleRow& a : batch) {
        if (!seen.insert(a.sha256).second) {
          ++c.unchanged;
          continue;
        }
        if (auto it = new_ids.find(a.sha256); it != new_ids.end()) {
          ++c.new_articles;
          writes.push_back({&a, it->second});
        } else if (auto jt = replace_ids.find(a.sha256); jt != replace_ids.end()) {
          ++c.replaced;
          writes.push_back({&a, jt->second});
        } else {
          ++c.unchanged;
        }
      }

      // Speakers of the claims to write: upsert in (name, type) order.
      std::map<std::pair<std::string, std::string>, int> speaker_ids;
      for (const auto& [a, id] : writes) {
        for (const SpeakerRow& sp : a->speakers) speaker_ids.emplace(std::make_pair(sp.name, sp.type), 0);
      }
      if (!speaker_ids.empty()) {
        {
          CopyIn copy(tx, kStageSpeakersCopy);
          std::string& out = copy.buffer();
          std::set<std::pair<std::string_view, std::string_view>> staged;
          for (const auto& [a, id] : writes) {
            for (const SpeakerRow& sp : a->speakers) {
              if (!staged.insert({sp.name, sp.type}).second) continue;
              CopyAppendText(out, sp.name);
              out += '\t';
              CopyAppendText(out, sp.type);
              out += '\t';
              CopyAppendText(out, sp.canonical);
              out += '\n';
            }
            copy.SendIfFull();
          }
          copy.Finish();
        }
        // Not one INSERT ... ON CONFLICT DO UPDATE ... WHERE: that locks every
        // conflicting row even when the WHERE fails, so two writers sharing a
        // speaker ("officials") ran their claim COPYs one after the other (the
        // lock is held to commit). Only new rows and changed canonicals lock.
        tx.exec(
            "INSERT INTO speakers (name, type, canonical)"
            " SELECT name, type, canonical FROM claimex_stage_speakers ORDER BY name, type"
            " ON CONFLICT (name, type) DO NOTHING");
        tx.exec(
            "UPDATE speakers s SET canonical = t.canonical FROM claimex_stage_speakers t"
            " WHERE s.name = t.name AND s.type = t.type"
            " AND s.canonical IS DISTINCT FROM t.canonical");
        for (const pqxx::row& r : tx.exec(
                 "SELECT s.id, s.name, s.type FROM speakers s"
                 " JOIN claimex_stage_speakers t ON t.name = s.name AND t.type = s.type")) {
          speaker_ids[{r[1].c_str(), r[2].c_str()}] = r[0].as<int>();
        }
      }

      // Claims: straight into the table through binary COPY, each
      // pre-formatted row prefixed with its field count and its article
      // and speaker ids.
      {
        CopyIn copy(tx, kClaimCopy);
        std::string& out = copy.buffer();
        BinaryCopyHeader(out);
        std::vector<int> speakers;
        for (const auto& [a, article_id] : writes) {
          speakers.clear();
          for (const SpeakerRow& sp : a->speakers) speakers.push_back(speaker_ids.at({sp.name, sp.type}));
          std::size_t row = 0;
          for (std::size_t k = 0; k < a->claim_count(); ++k) {
            BinaryAppendFieldCount(out, kClaimCopyFields);
            BinaryAppendInt8(out, article_id);
            if (const int speaker = a->claim_speakers[k]; speaker >= 0) {
              BinaryAppendInt4(out, speakers[static_cast<std::size_t>(speaker)]);
            } else {
              BinaryAppendNull(out);
            }
            out.append(a->claim_rows, row, a->claim_row_ends[k] - row);
            row = a->claim_row_ends[k];
          }
          c.claims += a->claim_count();
          copy.SendIfFull();
        }
        BinaryCopyTrailer(out);
        copy.Finish();
      }
      tx.commit();
      for (auto& [name, id] : new_sources) source_ids_[name] = id;
      return c;
    } catch (const pqxx::deadlock_detected& e) {
      if (attempt >= kMaxAttempts) throw;
      spdlog::debug("deadlock, retrying batch (attempt {}): {}", attempt, e.what());
    } catch (const pqxx::serialization_failure& e) {
      if (attempt >= kMaxAttempts) throw;
      spdlog::debug("serialization failure, retrying batch (attempt {}): {}", attempt, e.what());
    }
  }
}

}  // namespace claimex

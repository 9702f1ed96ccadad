#include "extractor/report/report_runner.h"

#include <algorithm>

#include "extractor/db/sha256.h"
#include "extractor/db/sql_files.h"

namespace claimex {
namespace {

constexpr std::string_view kViewsPrefix = "views/";
// Arbitrary constant shared by every claimex process that applies views.
constexpr long long kViewsLockKey = 0x636c6d7876;  // "clmxv"

std::vector<SqlFile> ViewFiles() {
  std::vector<SqlFile> views;
  for (SqlFile& f : LoadSqlFiles("sql")) {
    if (f.name.substr(0, kViewsPrefix.size()) == kViewsPrefix) views.push_back(std::move(f));
  }
  return views;
}

std::string VersionOf(const std::vector<SqlFile>& views) {
  Sha256 h;
  for (const SqlFile& f : views) {
    h.Update(f.name);
    h.Update(std::string_view("\0", 1));
    h.Update(f.text);
    h.Update(std::string_view("\0", 1));
  }
  return h.HexDigest();
}

std::string StoredVersion(pqxx::transaction_base& tx) {
  pqxx::result r = tx.exec("SELECT to_regclass('claimex_views_version') IS NOT NULL");
  if (!r[0][0].as<bool>()) return "";
  r = tx.exec("SELECT sha256 FROM claimex_views_version");
  return r.empty() || r[0][0].is_null() ? "" : r[0][0].as<std::string>();
}

bool IsNumericType(pqxx::oid type) {
  // int8, int2, int4, float4, float8, numeric (pg_type.dat)
  return type == 20 || type == 21 || type == 23 || type == 700 || type == 701 || type == 1700;
}

}  // namespace

std::string ViewsVersion() { return VersionOf(ViewFiles()); }

bool EnsureViews(pqxx::connection& conn) {
  std::vector<SqlFile> views = ViewFiles();
  const std::string version = VersionOf(views);
  {
    pqxx::read_transaction check(conn);
    if (StoredVersion(check) == version) return false;
  }
  pqxx::work tx(conn);
  tx.exec_params("SELECT pg_advisory_xact_lock($1)", kViewsLockKey);
  if (StoredVersion(tx) == version) return false;  // another process just did it
  tx.exec("SET LOCAL client_min_messages = warning");  // silence DROP ... IF EXISTS notices
  for (const SqlFile& f : views) tx.exec(f.text, "sql/" + f.name);
  // The version is a view too, so that it goes wherever the views go.
  tx.exec("CREATE OR REPLACE VIEW claimex_views_version AS SELECT " + tx.quote(version) + "::text AS sha256");
  tx.commit();
  return true;
}

ResultTable RunReport(pqxx::connection& conn, const ReportSpec& spec,
                      const std::vector<std::optional<std::string>>& values, int timeout_ms) {
  std::vector<const char*> params;
  for (const auto& v : values) params.push_back(v ? v->c_str() : nullptr);
  pqxx::read_transaction tx(conn);
  tx.exec("SET LOCAL statement_timeout = " + std::to_string(std::max(1, timeout_ms)));
  // Reports sort every claim of a category to find syndicated copies; the
  // default 4 MB spills such sorts to disk from ~50k claims on.
  tx.exec("SET LOCAL work_mem = '64MB'");
  pqxx::result r = tx.exec_params(spec.sql, pqxx::prepare::make_dynamic_params(params));
  ResultTable t;
  for (pqxx::row::size_type c = 0; c < r.columns(); ++c) {
    t.columns.emplace_back(r.column_name(c));
    t.numeric.push_back(IsNumericType(r.column_type(c)));
  }
  for (const pqxx::row& row : r) {
    auto& out = t.rows.emplace_back();
    for (const pqxx::field& f : row) {
      out.push_back(f.is_null() ? std::nullopt : std::optional<std::string>(f.c_str()));
    }
  }
  tx.commit();
  return t;
}

}  // namespace claimex

// Runs reports against the database (libpqxx). The views of sql/views/ are
// (re)created by EnsureViews before reports read them; RunReport executes
// one report with its parameters bound as $1.. (exec_params, never text
// splicing) in a read-only transaction under a statement timeout, with
// work_mem raised to 64 MB for its sorts.
//
//   EnsureMigrated(conn);             // extractor/db/connection.h
//   EnsureViews(conn);
//   ResultTable t = RunReport(conn, spec, values, 30000);
//
// Both throw on database errors (pqxx::sql_error, pqxx::broken_connection,
// pqxx::query_canceled on timeout): the CLI converts them at its boundary.
#pragma once

#include <pqxx/pqxx>

#include <optional>
#include <string>
#include <vector>

#include "extractor/report/report_spec.h"
#include "extractor/report/result_table.h"

namespace claimex {

// Creates or replaces the views of sql/views/*.sql, in name order, in one
// transaction, unless the database already has this exact set (their
// SHA-256 is kept in the view claimex_views_version). Returns true when it
// (re)created them. Serialized across processes by an advisory lock.
bool EnsureViews(pqxx::connection& conn);

// The SHA-256 of the view files claimex would apply (for tests and `db status`).
std::string ViewsVersion();

ResultTable RunReport(pqxx::connection& conn, const ReportSpec& spec,
                      const std::vector<std::optional<std::string>>& values, int timeout_ms);

}  // namespace claimex

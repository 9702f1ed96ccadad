#include "extractor/db/copy_in.h"

#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace claimex {
namespace {

// libpqxx 6.4 exposes a transaction's PGconn only to its large-object
// classes (a protected static); a subclass may call it.
class RawConnection : pqxx::largeobject {
 public:
  static PGconn* Of(const pqxx::dbtransaction& tx) { return largeobject::raw_connection(tx); }
};

std::string Trimmed(const char* message) {
  std::string s = message != nullptr ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// The libpqxx exception libpqxx itself would throw for this SQLSTATE.
[[noreturn]] void ThrowSqlError(const std::string& message, const std::string& query,
                                const std::string& state) {
  auto is = [&](const char* prefix) { return state.rfind(prefix, 0) == 0; };
  // libpqxx 6.4's rollback exceptions carry only the message.
  if (state == "40P01") throw pqxx::deadlock_detected(message);
  if (state == "40001") throw pqxx::serialization_failure(message);
  if (is("40")) throw pqxx::transaction_rollback(message);
  if (state == "23502") throw pqxx::not_null_violation(message, query, state.c_str());
  if (state == "23503") throw pqxx::foreign_key_violation(message, query, state.c_str());
  if (state == "23505") throw pqxx::unique_violation(message, query, state.c_str());
  if (state == "23514") throw pqxx::check_violation(message, query, state.c_str());
  if (is("23")) throw pqxx::integrity_constraint_violation(message, query, state.c_str());
  if (is("22")) throw pqxx::data_exception(message, query, state.c_str());
  throw pqxx::sql_error(message, query, state.c_str());
}

}  // namespace

void CopyAppendText(std::string& out, std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  const char* run = p;
  for (; p < end; ++p) {
    char c = *p;
    if (c != '\\' && c != '\t' && c != '\n' && c != '\r') continue;
    out.append(run, p);
    out += '\\';
    out += c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
    run = p + 1;
  }
  out.append(run, end);
}

void CopyAppendInt(std::string& out, long long v) {
  char buf[24];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, ptr);
}

void CopyAppendDouble(std::string& out, std::optional<double> v) {
  if (!v || !std::isfinite(*v)) {
    CopyAppendNull(out);
    return;
  }
  double d = *v;
  // Whole numbers below 10^15 (almost every figure) print the same with
  // "%.17g" as an integer, and much faster.
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    CopyAppendInt(out, static_cast<long long>(d));
    return;
  }
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%.17g", d);
  out.append(buf, static_cast<std::size_t>(n));
}

CopyIn::CopyIn(pqxx::dbtransaction& tx, const std::string& statement)
    : conn_(RawConnection::Of(tx)), statement_(statement) {
  PGconn* conn = static_cast<PGconn*>(conn_);
  PGresult* r = PQexec(conn, statement.c_str());
  ExecStatusType status = r != nullptr ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status == PGRES_COPY_IN) {
    PQclear(r);
    buffer_.reserve(kChunk + 64 * 1024);
    return;
  }
  open_ = false;
  std::string state, message = Trimmed(r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn));
  if (r != nullptr) {
    const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    if (s != nullptr) state = s;
    PQclear(r);
  }
  // Other results (none expected) are drained so the connection stays usable.
  while (PGresult* more = PQgetResult(conn)) PQclear(more);
  if (PQstatus(conn) != CONNECTION_OK) throw pqxx::broken_connection(message);
  ThrowSqlError(message.empty() ? "COPY did not start" : message, statement_, state);
}

CopyIn::~CopyIn() {
  if (!open_) return;
  PGconn* conn = static_cast<PGconn*>(conn_);
  PQputCopyEnd(conn, "claimex: COPY abandoned");
  while (PGresult* r = PQgetResult(conn)) PQclear(r);
}

void CopyIn::Send() {
  if (buffer_.empty()) return;
  PGconn* conn = static_cast<PGconn*>(conn_);
  // -1 when the server already reported an error (or the connection broke):
  // the error is read from the result in ThrowResult.
  if (PQputCopyData(conn, buffer_.data(), static_cast<int>(buffer_.size())) != 1) ThrowResult();
  buffer_.clear();
}

long long CopyIn::Finish() {
  Send();
  PGconn* conn = static_cast<PGconn*>(conn_);
  if (PQputCopyEnd(conn, nullptr) != 1) ThrowResult();
  open_ = false;
  return Drain();
}

void CopyIn::ThrowResult() {
  if (open_) {
    // End our side of the COPY, then read the server's verdict.
    PQputCopyEnd(static_cast<PGconn*>(conn_), "claimex: COPY abandoned");
    open_ = false;
  }
  Drain();
  throw pqxx::broken_connection("COPY failed: " + Trimmed(PQerrorMessage(static_cast<PGconn*>(conn_))));
}

long long CopyIn::Drain() {
  PGconn* conn = static_cast<PGconn*>(conn_);
  long long rows = -1;
  bool failed = false;
  std::string message, state;
  // Every result is read, so the connection is idle (in the transaction) again.
  while (PGresult* r = PQgetResult(conn)) {
    if (PQresultStatus(r) == PGRES_COMMAND_OK) {
      const char* tuples = PQcmdTuples(r);
      rows = tuples != nullptr ? std::atoll(tuples) : 0;
    } else if (!failed) {
      failed = true;
      message = Trimmed(PQresultErrorMessage(r));
      const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      if (s != nullptr) state = s;
    }
    PQclear(r);
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    throw pqxx::broken_connection(message.empty() ? Trimmed(PQerrorMessage(conn)) : message);
  }
  if (failed) ThrowSqlError(message, statement_, state);
  if (rows < 0) throw pqxx::broken_connection("COPY ended without a result: " + Trimmed(PQerrorMessage(conn)));
  return rows;
}

}  // namespace claimex

// COPY ... FROM STDIN in PostgreSQL's text format, formatted by us into one
// buffer and sent with raw libpq calls, inside a libpqxx transaction.
//
//   std::string row;
//   CopyAppendInt(row, 42); row += '\t';
//   CopyAppendText(row, "a\tb");   // escaped
//   row += '\t'; CopyAppendNull(row); row += '\n';
//
//   CopyIn copy(tx, "COPY t (a, b, c) FROM STDIN");
//   copy.buffer() += row;    // append rows; SendIfFull() streams big buffers
//   copy.SendIfFull();
//   copy.Finish();           // throws a pqxx::sql_error subclass on failure
//
// Why not pqxx::stream_to: libpqxx 6.4 converts and escapes field by field
// through std::tuple and sends each row with its own PQputCopyData call;
// that was the largest client cost of ingest (docs/scaling.md). Here a row
// is a few memcpy's, and the data goes out in chunks of ~256 KiB, so the
// server parses one chunk while we format the next.
//
// Errors keep libpqxx's types, chosen by SQLSTATE (deadlock_detected,
// serialization_failure, check_violation, foreign_key_violation, ... else
// sql_error; broken_connection when the connection is gone), so callers'
// retry logic is the same as with libpqxx statements. After an error the
// transaction is aborted on the server; the caller drops it (rollback).
#pragma once

#include <pqxx/pqxx>

#include <optional>
#include <string>
#include <string_view>

namespace claimex {

// Field formatters for the COPY text format (no separators added).
void CopyAppendText(std::string& out, std::string_view s);  // escapes \ TAB LF CR
inline void CopyAppendNull(std::string& out) { out += "\\N"; }
// Empty -> NULL, else escaped text.
inline void CopyAppendTextOrNull(std::string& out, std::string_view s) {
  if (s.empty()) {
    CopyAppendNull(out);
  } else {
    CopyAppendText(out, s);
  }
}
void CopyAppendInt(std::string& out, long long v);
// 17 significant digits (like printf "%.17g", what libpqxx wrote before), so
// the numeric stored for a double is the same as with pqxx::stream_to;
// NULL when absent or not finite.
void CopyAppendDouble(std::string& out, std::optional<double> v);

class CopyIn {
 public:
  // Sends `statement` (a COPY ... FROM STDIN) on tx's connection.
  CopyIn(pqxx::dbtransaction& tx, const std::string& statement);
  CopyIn(const CopyIn&) = delete;
  CopyIn& operator=(const CopyIn&) = delete;
  // Ends an unfinished COPY with an error (the transaction is then aborted).
  ~CopyIn();

  std::string& buffer() { return buffer_; }
  // Sends the buffer when it holds a chunk's worth of whole rows.
  void SendIfFull() {
    if (buffer_.size() >= kChunk) Send();
  }
  // Sends the rest, ends the COPY and checks its result: returns the number
  // of rows stored, throws on error.
  long long Finish();

 private:
  static constexpr std::size_t kChunk = 256 * 1024;
  void Send();
  // After a failed libpq call: ends the COPY, reads the server's error and
  // throws it.
  [[noreturn]] void ThrowResult();
  // Reads every pending result; throws the first error, else returns the
  // COPY's row count.
  long long Drain();

  void* conn_;  // PGconn*, kept opaque so this header needs no libpq-fe.h
  std::string statement_;
  std::string buffer_;
  bool open_ = true;
};

}  // namespace claimex

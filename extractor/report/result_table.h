// A report's result as text cells, and the three ways `claimex report`
// prints it. Cells hold PostgreSQL's text output; nullopt is SQL NULL.
//
//   table  aligned columns for a terminal, numbers right-aligned, NULL blank,
//          long cells cut to 60 characters with "…"
//   csv    RFC 4180: a header line, fields quoted when they hold a comma,
//          quote or line break; NULL is an empty field
//   json   a JSON array, one object per row on its own line; numeric columns
//          become JSON numbers, NULL becomes null
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace claimex {

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<bool> numeric;  // per column: int, numeric or float type
  std::vector<std::vector<std::optional<std::string>>> rows;

  // Index of the column named `name`, or -1.
  int ColumnIndex(const std::string& name) const;
};

void WriteTable(const ResultTable& t, std::ostream& out);
void WriteCsv(const ResultTable& t, std::ostream& out);
void WriteJson(const ResultTable& t, std::ostream& out);

}  // namespace claimex

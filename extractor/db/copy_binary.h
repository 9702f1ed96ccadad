// Fields of PostgreSQL's binary COPY format, for COPY ... FROM STDIN
// (FORMAT binary) sent through CopyIn (copy_in.h).
//
//   std::string& out = copy.buffer();
//   BinaryCopyHeader(out);
//   BinaryAppendFieldCount(out, 3);          // each row: its field count,
//   BinaryAppendInt8(out, 42);               // then each field
//   BinaryAppendNumeric(out, 0.1);
//   BinaryAppendNull(out);
//   BinaryCopyTrailer(out);                  // before copy.Finish()
//
// Why binary for claims: with the text format the server parsed every
// numeric, date and the rules array from text, about a tenth of its work
// per claim row (docs/scaling.md). A field is its int32 length in network
// byte order, then its bytes; NULL is length -1.
//
// Numerics are stored exactly as the text format stored them: the double is
// printed as CopyAppendDouble prints it ("%.17g", integers plainly) and
// that decimal text is converted to the base-10000 digits numeric_in would
// make, display scale included, so `value::text` reads the same either way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/date.h"

namespace claimex {

void BinaryCopyHeader(std::string& out);   // signature, flags, header extension
void BinaryCopyTrailer(std::string& out);  // the int16 -1 that ends the data
void BinaryAppendFieldCount(std::string& out, int fields);

void BinaryAppendNull(std::string& out);
void BinaryAppendInt4(std::string& out, int32_t v);
void BinaryAppendInt8(std::string& out, int64_t v);
// Text as is: the binary format has no escapes.
void BinaryAppendText(std::string& out, std::string_view s);
// Empty -> NULL, else text.
void BinaryAppendTextOrNull(std::string& out, std::string_view s);
void BinaryAppendDate(std::string& out, Date d);
void BinaryAppendDateOrNull(std::string& out, const std::optional<Date>& d);
// NULL when absent or not finite.
void BinaryAppendNumeric(std::string& out, std::optional<double> v);
// A one-dimensional text[] (lower bound 1, no NULL elements).
void BinaryAppendTextArray(std::string& out, const std::vector<std::string_view>& items);

// The binary numeric for a decimal number written as numeric_in accepts it
// ("-12.50", "1.0000000000000001e-05"), field length excluded; exposed for
// tests. Returns false for text that is no such number.
bool NumericFromDecimal(std::string_view text, std::string& out);

}  // namespace claimex

#include "extractor/db/copy_binary.h"

#include <cmath>

#include "extractor/db/copy_in.h"

namespace claimex {
namespace {

void Put16(std::string& out, uint16_t v) {
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v & 0xff);
}

void Put32(std::string& out, uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>((v >> 16) & 0xff), static_cast<char>((v >> 8) & 0xff),
               static_cast<char>(v & 0xff)};
  out.append(b, 4);
}

void Put64(std::string& out, uint64_t v) {
  Put32(out, static_cast<uint32_t>(v >> 32));
  Put32(out, static_cast<uint32_t>(v & 0xffffffffu));
}

// numeric's sign words (src/include/utils/numeric.h).
constexpr uint16_t kNumericPositive = 0x0000;
constexpr uint16_t kNumericNegative = 0x4000;
constexpr int kOidText = 25;
const date::sys_days kPostgresEpoch = date::sys_days(date::year{2000} / 1 / 1);

}  // namespace

void BinaryCopyHeader(std::string& out) {
  static const char kSignature[] = "PGCOPY\n\377\r\n";  // 11 bytes with its NUL
  out.append(kSignature, 11);
  Put32(out, 0);  // flags: no OIDs
  Put32(out, 0);  // header extension length
}

void BinaryCopyTrailer(std::string& out) { Put16(out, 0xffff); }

void BinaryAppendFieldCount(std::string& out, int fields) { Put16(out, static_cast<uint16_t>(fields)); }

void BinaryAppendNull(std::string& out) { Put32(out, 0xffffffffu); }

void BinaryAppendInt4(std::string& out, int32_t v) {
  Put32(out, 4);
  Put32(out, static_cast<uint32_t>(v));
}

void BinaryAppendInt8(std::string& out, int64_t v) {
  Put32(out, 8);
  Put64(out, static_cast<uint64_t>(v));
}

void BinaryAppendText(std::string& out, std::string_view s) {
  Put32(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}

void BinaryAppendTextOrNull(std::string& out, std::string_view s) {
  if (s.empty()) {
    BinaryAppendNull(out);
  } else {
    BinaryAppendText(out, s);
  }
}

void BinaryAppendDate(std::string& out, Date d) {
  Put32(out, 4);
  Put32(out, static_cast<uint32_t>(static_cast<int32_t>((date::sys_days(d) - kPostgresEpoch).count())));
}

void BinaryAppendDateOrNull(std::string& out, const std::optional<Date>& d) {
  if (d) {
    BinaryAppendDate(out, *d);
  } else {
    BinaryAppendNull(out);
  }
}

bool NumericFromDecimal(std::string_view text, std::string& out) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  // The digits, wherever the point is, and where the point is.
  std::string digits;
  int int_digits = 0, frac_digits = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      (point ? frac_digits : int_digits)++;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (digits.empty()) return false;
  long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exp_negative = text[i++] == '-';
    if (i == text.size()) return false;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9' || exponent > 100000) return false;
      exponent = exponent * 10 + (text[i] - '0');
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return false;
  // numeric_in's display scale: the digits written after the point, less
  // the exponent, never negative.
  const long dscale = std::max(0L, static_cast<long>(frac_digits) - exponent);
  // Digit k (0-based) of `digits` has decimal weight point - 1 - k, where
  // point counts the digits before the decimal point once the exponent is
  // applied. Pad on the left so point is a multiple of 4 and on the right to
  // whole groups: each group of four is one base-10000 digit.
  long point_at = int_digits + exponent;
  const long pad_left = ((4 - point_at % 4) % 4 + 4) % 4;
  digits.insert(0, static_cast<std::size_t>(pad_left), '0');
  point_at += pad_left;
  digits.append((4 - digits.size() % 4) % 4, '0');
  std::vector<uint16_t> groups;
  groups.reserve(digits.size() / 4);
  for (std::size_t g = 0; g < digits.size(); g += 4) {
    groups.push_back(static_cast<uint16_t>((digits[g] - '0') * 1000 + (digits[g + 1] - '0') * 100 +
                                           (digits[g + 2] - '0') * 10 + (digits[g + 3] - '0')));
  }
  long weight = point_at / 4 - 1;
  // Stored stripped, as make_result stores them.
  std::size_t first = 0, last = groups.size();
  while (first < last && groups[first] == 0) {
    ++first;
    --weight;
  }
  while (last > first && groups[last - 1] == 0) --last;
  if (first == last) {
    weight = 0;
    negative = false;
  }
  if (weight > 32767 || weight < -32768 || dscale > 0x3fff) return false;
  Put16(out, static_cast<uint16_t>(last - first));
  Put16(out, static_cast<uint16_t>(static_cast<int16_t>(weight)));
  Put16(out, negative ? kNumericNegative : kNumericPositive);
  Put16(out, static_cast<uint16_t>(dscale));
  for (std::size_t g = first; g < last; ++g) Put16(out, groups[g]);
  return true;
}

void BinaryAppendNumeric(std::string& out, std::optional<double> v) {
  if (!v || !std::isfinite(*v)) {
    BinaryAppendNull(out);
    return;
  }
  std::string text;
  CopyAppendDouble(text, v);  // the text the text format sent
  std::string value;
  NumericFromDecimal(text, value);  // "%.17g" of a finite double always parses
  Put32(out, static_cast<uint32_t>(value.size()));
  out += value;
}

void BinaryAppendTextArray(std::string& out, const std::vector<std::string_view>& items) {
  std::size_t size = 20;  // ndim, flags, element type, length, lower bound
  for (std::string_view s : items) size += 4 + s.size();
  Put32(out, static_cast<uint32_t>(size));
  Put32(out, 1);  // dimensions
  Put32(out, 0);  // no NULL elements
  Put32(out, kOidText);
  Put32(out, static_cast<uint32_t>(items.size()));
  Put32(out, 1);  // lower bound
  for (std::string_view s : items) BinaryAppendText(out, s);
}

}  // namespace claimex

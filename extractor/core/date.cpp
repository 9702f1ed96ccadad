#include "extractor/core/date.h"

#include <fmt/format.h>

#include <charconv>

namespace claimex {

namespace {
bool ParseInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  if (text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!ParseInt(text.substr(0, 4), y) || !ParseInt(text.substr(5, 2), m) ||
      !ParseInt(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  Date date{date::year{y}, date::month{static_cast<unsigned>(m)},
            date::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string FormatIsoDate(Date d) {
  const int y = static_cast<int>(d.year());
  const auto m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  // Every date of a news corpus has a four-digit year: spelled out digit by
  // digit (the JSON writer prints several per claim; fmt parsed its format
  // string each time). Other years keep fmt's {:04d} (sign, width).
  if (y < 0 || y > 9999 || m > 99 || day > 99) {
    return fmt::format("{:04d}-{:02d}-{:02d}", y, m, day);
  }
  char buf[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                  static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                  static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10)};
  return std::string(buf, sizeof buf);
}

Date AddDays(Date d, int days) {
  return Date{date::sys_days{d} + date::days{days}};
}

}  // namespace claimex

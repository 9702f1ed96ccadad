// Calendar dates for publication dates and time scopes, on Howard Hinnant's
// date library. ParseIsoDate refuses impossible dates (2020-02-30) by
// returning nullopt; FormatIsoDate prints YYYY-MM-DD.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace claimex {

using Date = date::year_month_day;

// "2020-01-29" (also accepts a trailing time such as "T10:00:00Z", ignored).
std::optional<Date> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(Date d);
// Days added (negative: subtracted), calendar-correct.
Date AddDays(Date d, int days);

}  // namespace claimex

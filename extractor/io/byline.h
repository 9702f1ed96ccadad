// Sniffs the publication date and source from the head of a plain-text
// article (the first 12 non-blank lines, at most 2 KB):
//   "By AFP - Jan 29,2020 - Last updated at Jan 29,2020"  → 2020-01-29, AFP
//   "BEIRUT (Reuters) -"                                  → Reuters
//   "WASHINGTON, March 3 (AP) —"                          → AP (no year: no date)
//   "Published: 2020-02-17", "Published on February 17, 2020", "2020-02-17",
//   "Updated 3:05 PM ET, Mon February 17, 2020", "17 Sept. 2020"
//
// Dates: month names full or abbreviated (lexicons/io_months.txt), day-month
// and month-day order, ISO. A date counts when it stands on a byline-like
// line: "By ...", "Published"/"Posted", a dateline ("CITY, DATE" or
// "(AGENCY) -"), or a short line that is mostly the date; a date in a body
// sentence is not taken as the publication date. A "Published"/byline date
// wins over an "Updated" one. A date without a year is not guessed.
//
// Sources: the names of lexicons/io_sources.txt ("Associated Press" → "AP"),
// taken from a "By ..." line, a "(Reuters) -" dateline or "Source: X".
//
// Never fails: what is not found is left unset/empty. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "extractor/core/date.h"

namespace claimex {

struct Byline {
  std::optional<Date> published;
  std::string source;  // "AFP", "Reuters", "AP"; empty when not found
};

Byline SniffByline(std::string_view text);

// A date written in any of the forms above, alone or with a weekday and
// time around it ("Wed, 29 Jan 2020 10:00:00 GMT", "Jan 29,2020",
// "2020-01-29T10:00:00Z"): the first full date in `text`; nullopt when there
// is none or it is impossible (February 30).
std::optional<Date> ParseWrittenDate(std::string_view text);

}  // namespace claimex

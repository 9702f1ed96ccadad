// Finds time expressions ("since December", "in the last two days", "on
// Wednesday", "in 2019", "between April and June", ...) and resolves them
// against the publication date P with Howard Hinnant's date library.
//
//   TimeRecognizer times;
//   for (const TimeExpression& t : times.Find(text, published)) ...
//
// Without a publication date every expression keeps its text and span and
// has unset bounds. The supported forms and their resolutions are listed in
// docs/time-expressions.md; the word lists are lexicons/time_*.txt. Not
// time expressions here: "now", "today", "a year ago" (unresolvable). Results are sorted by span start and do not overlap.
// Thread-safe after construction.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/core/date.h"

namespace claimex {

// How a time expression scopes a figure, which decides the claim's
// aggregation: "since December", "so far this year" → running total;
// "in the last two days", "on Wednesday", "in 2019" → bounded period;
// "as of February 5", "by the end of January" → point (a level at a date).
enum class TimeScopeKind { kRunningTotal, kPeriod, kPoint, kForward, kVague };

struct TimeExpression {
  Span span;                       // the whole expression, preposition included
  std::optional<Date> start, end;  // resolved bounds, unset where open or unresolvable
  TimeScopeKind scope = TimeScopeKind::kPeriod;
  std::string_view rule;           // rule name, for --explain
  // For a current period read up to P ("this year" → Jan 1 .. P): the end of
  // the whole calendar period (Dec 31), which a forecast uses instead
  // ("will reach 8 billion tonnes this year" → the whole year).
  std::optional<Date> period_end;
  // A record's or comparison's frame, not a period: "their highest since
  // October", "the largest increase since 1993" (a superlative just before
  // "since"), "a 40 percent increase on the same period of 2022".
  bool record_frame = false;
  // For a date inside a "since" clause ("since the general election in July
  // 2024") or right after "since" ("since August 2019"): the end of that
  // date itself, which a ", when" clause about the event takes ("..., when
  // Labour won 412 seats": July 2024; "..., when 26 people died": August 2019).
  std::optional<Date> event_end;
  // The date a subject's event began, in its relative clause ("Syria's war,
  // which began in March 2011, has killed"): a running total from it, also
  // for the figures of the main clause outside that aside.
  bool event_began = false;
  // A current or last period written as a possessive ("last year's 2.4
  // million", "14 of this year's victims", "Last year's appeal was 42
  // percent funded"): it dates the noun it owns, so it scopes only the
  // figure that noun is or holds, never the rest of the sentence.
  bool possessive = false;
};

class TimeRecognizer {
 public:
  TimeRecognizer();
  ~TimeRecognizer();
  TimeRecognizer(const TimeRecognizer&) = delete;
  TimeRecognizer& operator=(const TimeRecognizer&) = delete;

  std::vector<TimeExpression> Find(std::string_view text, std::optional<Date> published) const;

  // The same, but only the expressions that start inside `ranges` (sorted by
  // start, not overlapping), e.g. the sentences that hold a figure: the
  // pipeline needs no others, and most text then is never searched. "the
  // same period" still resolves against the previous expression in the text.
  std::vector<TimeExpression> Find(std::string_view text, std::optional<Date> published,
                                   const std::vector<Span>& ranges) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimex

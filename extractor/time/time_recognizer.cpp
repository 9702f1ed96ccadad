// Time expressions: one RE2 pass over the text finds candidates with a
// small grammar (operator + calendar anchor, ranges, relative durations),
// then each candidate is validated and resolved against P in C++.
//
// Speed: the scan asks the whole grammar only where a match is (no capture
// groups, so RE2 stays on its DFA); the groups are then read by re-matching
// just that span with the one top-level alternative that produced it. RE2
// would otherwise run its NFA over the whole (large) program per match,
// which cost about as much as the scan of the text itself. The groups of a
// span depend only on its bytes and one byte either side, and news repeats
// its time phrases ("last year", "in 2019"), so each thread keeps the groups
// of the spans it has seen (a bounded cache, cleared when full).
//
// Grammar (see docs/time-expressions.md for every form with an example):
//   relative  [in|over|during|within|for] the past|last|previous|next|coming N unit
//   recent    in|over|during recent|the coming days|weeks|months|years
//   same      over|in|during the same period   (copies the previous expression)
//   anaphor   in|for the month|quarter    (copies the latest month or quarter)
//   range     between|from ANCHOR and|to|- ANCHOR [last|this|next year]
//   pair      on WEEKDAY and WEEKDAY; in|for|during YEAR and YEAR, MONTH and MONTH [YEAR],
//             [the] MONTH-MONTH [YEAR] [period|quarter|season]
//   single    [OP] ANCHOR
// ANCHOR is a date (January 24[, 2020], 24 January), a weekday, a month
// [year], a year, a decade, last/this/next week|month|year|weekend|quarter,
// the first quarter|half [of 2019], first-quarter, full-year, the year|N months to|ending MONTH
// [DAY] [YEAR], yesterday, last night, tonight. A "since" up to 12 words
// before an anchor ("since the war escalated in 2015") makes it a running
// total; a superlative before "since" ("its highest since") a record frame.
// OP decides the bounds: since → [a, P], by (the end of) → [null, b],
// at the end of → [b, b], in/on/during/bare → [a, b], ...
#include "extractor/time/time_recognizer.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "extractor/core/ascii.h"
#include "extractor/core/lexicon.h"

namespace claimex {

namespace {

using date::sys_days;

// Collapses runs of whitespace to one space, lower-cased.
std::string Norm(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

Date Ymd(int y, unsigned m, unsigned d) {
  Date r{date::year{y}, date::month{m}, date::day{d}};
  if (!r.ok()) r = Date{date::year_month_day_last{date::year{y}, date::month_day_last{date::month{m}}}};
  return r;
}
Date MonthStart(int y, unsigned m) { return Ymd(y, m, 1); }
Date MonthEnd(int y, unsigned m) {
  return Date{date::year_month_day_last{date::year{y}, date::month_day_last{date::month{m}}}};
}
int YearOf(Date d) { return static_cast<int>(d.year()); }
unsigned MonthOf(Date d) { return static_cast<unsigned>(d.month()); }
// ISO weekday, Monday = 1 .. Sunday = 7.
unsigned Iso(Date d) { return date::weekday{sys_days{d}}.iso_encoding(); }
Date AddMonths(Date d, int n) {
  date::year_month_day r = d + date::months{n};
  if (!r.ok()) r = Date{date::year_month_day_last{r.year(), date::month_day_last{r.month()}}};
  return r;
}
Date AddYears(Date d, int n) {
  date::year_month_day r = d + date::years{n};
  if (!r.ok()) r = Date{date::year_month_day_last{r.year(), date::month_day_last{r.month()}}};
  return r;
}
// The latest given weekday on or before d.
Date LatestWeekday(Date d, unsigned iso) {
  int back = (static_cast<int>(Iso(d)) - static_cast<int>(iso) + 7) % 7;
  return AddDays(d, -back);
}
Date WeekMonday(Date d) { return AddDays(d, -static_cast<int>(Iso(d) - 1)); }
// d moved by n calendar units (lexicons/time_units.txt), n < 0 back; hours
// round up to whole days ("the past 36 hours" → 2 days).
Date ShiftUnits(Date d, const std::string& unit, int n) {
  const int sign = n < 0 ? -1 : 1;
  if (unit == "hour") return AddDays(d, sign * std::max(1, (sign * n + 23) / 24));
  if (unit == "day") return AddDays(d, n);
  if (unit == "week") return AddDays(d, 7 * n);
  if (unit == "fortnight") return AddDays(d, 14 * n);
  if (unit == "month") return AddMonths(d, n);
  if (unit == "year") return AddYears(d, n);
  return AddYears(d, 10 * n);
}

struct Interval {
  std::optional<Date> a, b;
  bool current = false;  // "this year": a period that contains P
};

// How an operator turns the anchor's interval into bounds.
enum class Op {
  kIn, kSince, kBy, kAsOf, kAtEnd, kAtStart, kSinceEnd, kEarlier, kLater, kSoFar, kRange, kFrom
};

struct OpInfo {
  Op op;
  TimeScopeKind scope;
};

// Operators, longest first (leftmost-first matching prefers earlier entries).
struct OpRow {
  const char* text;
  Op op;
};
constexpr OpRow kOps[] = {
    {"since the end of", Op::kSinceEnd},   {"since the start of", Op::kSince},
    {"since the beginning of", Op::kSince}, {"since early", Op::kSince},
    {"since late", Op::kSince},            {"since mid-", Op::kSince},
    {"since mid", Op::kSince},             {"since", Op::kSince},
    {"so far in", Op::kSoFar},             {"so far", Op::kSoFar},
    {"by the end of", Op::kBy},            {"before the end of", Op::kBy},
    {"until the end of", Op::kBy},         {"through the end of", Op::kBy},
    {"by the start of", Op::kBy},          {"until", Op::kBy},
    {"till", Op::kBy},                     {"through", Op::kBy},
    {"by", Op::kBy},                       {"at the end of", Op::kAtEnd},
    {"at the start of", Op::kAtStart},     {"at the beginning of", Op::kAtStart},
    {"as of", Op::kAsOf},                  {"as at", Op::kAsOf},
    {"in early", Op::kIn},                 {"in late", Op::kIn},
    {"in mid-", Op::kIn},                  {"in mid", Op::kIn},
    {"in the middle of", Op::kIn},         {"early on", Op::kIn},
    {"late on", Op::kIn},                  {"earlier", Op::kEarlier},
    {"later", Op::kLater},                 {"early", Op::kIn},
    {"late", Op::kIn},                     {"mid-", Op::kIn},
    {"in", Op::kIn},                       {"on", Op::kIn},
    {"during", Op::kIn},                   {"throughout", Op::kIn},
    {"over", Op::kIn},                     {"for", Op::kIn},
    {"in all of", Op::kIn},                {"in the whole of", Op::kIn},
    {"for the whole of", Op::kIn},         {"for all of", Op::kIn},
    {"for much of", Op::kIn},              {"for most of", Op::kIn},
    {"in much of", Op::kIn},               {"in most of", Op::kIn},
    {"during much of", Op::kIn},           {"during most of", Op::kIn},
    {"throughout much of", Op::kIn},       {"for part of", Op::kIn},
    {"from", Op::kFrom},                   {"end", Op::kIn},
    {"of", Op::kIn},
};

std::string Spaces(std::string_view phrase) {
  std::string out;
  for (char c : phrase) {
    if (c == ' ') out += "\\s+";
    else if (c == '-') out += "-";
    else out.push_back(c);
  }
  return out;
}

// The up to `n` words just before `start`, nearest first, lower-cased;
// stops at punctuation, a line break or the start of the text. A clock
// time is one word ("took effect at 4:00 am on Wednesday"). Reads a
// bounded window back from `start` only.
std::vector<std::string> WordsBefore(std::string_view text, std::size_t start, int n) {
  std::vector<std::string> out;
  std::size_t i = start;
  auto digit = [&](std::size_t k) { return std::isdigit(static_cast<unsigned char>(text[k])) != 0; };
  while (static_cast<int>(out.size()) < n) {
    while (i > 0 && text[i - 1] == ' ') --i;
    const std::size_t e = i;
    while (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '\'' ||
                     text[i - 1] == '-' || static_cast<unsigned char>(text[i - 1]) >= 0x80 ||
                     (text[i - 1] == ':' && i >= 2 && i < e && digit(i - 2) && digit(i)))) {
      --i;
    }
    if (i == e) break;
    out.push_back(LowerAscii(text.substr(i, e - i)));
  }
  return out;
}

// A holiday's name as a key: lower case, one space between words, a
// curly apostrophe straightened ("New Year’s  Eve" → "new year's eve").
std::string HolidayKey(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(name[i]);
    }
  }
  return Norm(out);
}

// Whether the latest time in `found` names a year or a date in one and
// ends in the same sentence before `start` (no sentence stop between).
bool YearEarlierInSentence(std::string_view text, const std::vector<TimeExpression>& found, std::size_t start) {
  if (found.empty() || !found.back().start || found.back().span.end > start) return false;
  const std::string_view between = text.substr(found.back().span.end, start - found.back().span.end);
  return between.find(". ") == std::string_view::npos && between.find('\n') == std::string_view::npos;
}

// Whether `phrase` (lower case, with its leading space) follows `end` as
// whole words: " alone" in "June alone saw", not in "June alonely".
bool PhraseAfter(std::string_view text, std::size_t end, std::string_view phrase) {
  const std::size_t after = end + phrase.size();
  return LowerAscii(text.substr(end, phrase.size())) == phrase &&
         (after >= text.size() || !std::isalpha(static_cast<unsigned char>(text[after])));
}

// Whether "was" or "were" follows `end` ("between October and April was").
bool PastCopulaAfter(std::string_view text, std::size_t end) {
  const std::string_view rest = text.substr(end, 6);
  return rest.substr(0, 5) == " was " || rest == " were ";
}

constexpr int kSinceClauseWords = 12;
// The longest span a hyphenated year range may name ("the 2010-2020 decade").
constexpr int kMaxYearRange = 20;
// How far after a year "in the previous N years" counts back from it.
constexpr std::size_t kPreviousReach = 200;

// "370,000 in 2025, up from 276,000 the previous year", "in May, up from
// 41 a year earlier": the calendar year before the whole year named last
// (with `month`, also the same month a year before a whole month), at
// most kPreviousReach bytes before `start`. Sets t's bounds and rule;
// false when there is no such time (the phrase is then no time: "a year
// earlier" relative to nothing named).
bool YearBefore(const std::vector<TimeExpression>& found, std::size_t start, bool month, TimeExpression& t) {
  if (found.empty() || start - found.back().span.end > kPreviousReach) return false;
  const TimeExpression& ref = found.back();
  if (!ref.start || !ref.end) return false;
  const Date a = *ref.start, b = *ref.end;
  const bool whole_year = YearOf(a) == YearOf(b) && a == Ymd(YearOf(a), 1, 1) && b == Ymd(YearOf(b), 12, 31);
  const bool whole_month = YearOf(a) == YearOf(b) && MonthOf(a) == MonthOf(b) && a == MonthStart(YearOf(a), MonthOf(a)) &&
                           b == MonthEnd(YearOf(b), MonthOf(b));
  if (!whole_year && !(month && whole_month)) return false;
  t.rule = "time.previous_year";
  t.scope = TimeScopeKind::kPeriod;
  t.start = whole_year ? Ymd(YearOf(a) - 1, 1, 1) : MonthStart(YearOf(a) - 1, MonthOf(a));
  t.end = whole_year ? Ymd(YearOf(a) - 1, 12, 31) : MonthEnd(YearOf(a) - 1, MonthOf(a));
  return true;
}

// An event anaphor ("since then", "since the quake") looks this far back for
// the event's date (a wire article is 2-4 KB; the farthest event in the
// tuning sets is under 2 KB back); a bound, so a document full of anaphors
// stays linear. 6 KB found only wrong dates in Brown and SOTU ("since the
// principles" → a year 5 KB back) and cost 1.9 s instead of 1.3 s on a
// 1 MB document of 20,000 "since then".
constexpr std::size_t kEventLookBack = 4000;
// Words read after "since the" for the event's phrase ("since the start of
// what it calls ..."), and words before an earlier time for its event.
constexpr int kEventPhraseWords = 6;
constexpr int kEventContextWords = 10;
// Words after an earlier date that may name its event ("the Feb. 1 coup",
// "the August 4 port explosion").
constexpr int kEventNounWords = 2;
// A superlative this far before an event's "since" makes a record frame: an
// event noun phrase is longer than a date ("the first UN aid convoy since",
// "the highest number anywhere in the world since the 2011 famine").
constexpr int kEventFrameWords = 6;


// The up to `n` words from `from` on, lower-cased, to the first
// punctuation, and where each ends. Reads a bounded window only.
void WordsAfter(std::string_view text, std::size_t from, int n, std::vector<std::string>& out,
                std::vector<std::size_t>& ends) {
  std::size_t i = from;
  while (static_cast<int>(out.size()) < n) {
    std::size_t b = i;
    while (b < text.size() && text[b] == ' ') ++b;
    std::size_t e = b;
    while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '\'' ||
                               text[e] == '-' || static_cast<unsigned char>(text[e]) >= 0x80)) {
      ++e;
    }
    if (e == b) break;
    out.push_back(LowerAscii(text.substr(b, e - b)));
    ends.push_back(e);
    i = e;
  }
}

// Whether a change's "by <figure>" ends right before `start` ("risen by 35
// percent in a year", "swollen by some 200,000 in three weeks"): " by "
// within kChangeByBytes, a digit after it; or a percentage does ("has
// risen 36% in a year": a share moves, a level is not "in a year").
// Reads a bounded window only.
constexpr std::size_t kChangeByBytes = 40;
bool ChangeByBefore(std::string_view text, std::size_t start) {
  const std::size_t look = std::min(start, kChangeByBytes);
  const std::string_view w = text.substr(start - look, look);
  std::string_view tail = w;
  while (!tail.empty() && tail.back() == ' ') tail.remove_suffix(1);
  for (std::string_view pct : {"%", " percent", " per cent"}) {
    if (tail.size() > pct.size() && tail.substr(tail.size() - pct.size()) == pct &&
        std::isdigit(static_cast<unsigned char>(tail[tail.size() - pct.size() - 1]))) {
      return true;
    }
  }
  const std::size_t by = w.rfind(" by ");
  if (by == std::string_view::npos) return false;
  for (std::size_t i = by + 4; i < w.size(); ++i) {
    if (w[i] == ',' && (i + 1 >= w.size() || w[i + 1] == ' ')) return false;  // a clause between
    if (std::isdigit(static_cast<unsigned char>(w[i]))) return true;
  }
  return false;
}

// Whether two words name the same event: equal, one ends the other
// ("quake", "earthquake"), or they share a stem ("invasion", "invaded").
bool SameEventWord(const std::string& a, const std::string& b) {
  if (a.size() < 4 || b.size() < 4) return false;
  const std::string& s = a.size() < b.size() ? a : b;
  const std::string& l = a.size() < b.size() ? b : a;
  if (l.compare(l.size() - s.size(), s.size(), s) == 0) return true;
  std::size_t common = 0;
  while (common < s.size() && s[common] == l[common]) ++common;
  return common >= 4 && common + 3 >= s.size();
}  // "since" + this many words + an anchor
constexpr int kRecordFrameWords = 4;  // a superlative + this many words + "since"

}  // namespace

// The top-level alternatives of the grammar, in the pattern's order.
enum Alt {
  kRel, kRecent, kSame, kAnaphor, kRange, kPair, kYearBack, kSingle, kEvent, kSpan, kYearEvent, kHoursTo, kElapsed,
  kAltCount
};

// One match's capture groups: which alternative matched and its groups.
struct Groups {
  int alt = -1;
  std::vector<re2::StringPiece> m;
};

// Groups of a span seen before, as offsets from the span start (-1: unset).
struct CachedGroups {
  int alt = -1;
  std::vector<std::pair<int, int>> offsets;
};
constexpr std::size_t kGroupCacheEntries = 2048;
// How far before a month "in the month" looks for a baseline's "from"
// ("from 17.2% in January").
constexpr std::size_t kBaselineLook = 16;
// How many earlier expressions "in the month" searches for its month: a
// bound, so a document of such phrases without any month stays linear.
constexpr std::size_t kAnaphorLookBack = 64;
// How far past a range's end a search may read to finish an expression that
// starts inside it (the longest forms, "between the end of January and the
// beginning of March 2020", are well under this).
constexpr std::size_t kRangeSlack = 256;

// The latest of `out` (searching back at most kAnaphorLookBack) that is one
// whole calendar month, or with `quarter` one whole calendar quarter, and
// not a baseline's ("to 16.4% in February from 17.2% in January"): what "in
// the month" and "the same month last year" refer to. -1 where none is.
int LatestWholeMonths(std::string_view text, const std::vector<TimeExpression>& out, bool quarter) {
  for (std::size_t k = out.size(); k-- > 0 && out.size() - k <= kAnaphorLookBack;) {
    const TimeExpression& o = out[k];
    if (!o.start || !o.end || o.start->day() != date::day{1}) continue;
    const int months = (YearOf(*o.end) - YearOf(*o.start)) * 12 + int(MonthOf(*o.end)) - int(MonthOf(*o.start)) + 1;
    if (*o.end != MonthEnd(YearOf(*o.end), MonthOf(*o.end)) || months != (quarter ? 3 : 1)) continue;
    if (quarter && (MonthOf(*o.start) - 1) % 3 != 0) continue;
    const std::size_t look = std::min<std::size_t>(o.span.start, kBaselineLook);
    if (text.substr(o.span.start - look, look).find("from ") != std::string_view::npos) continue;
    return static_cast<int>(k);
  }
  return -1;
}

// The latest of `out` (searching back at most kAnaphorLookBack) that spans
// more than one day, or the latest of any span when none does: what "over
// the same period" refers to ("killed since October 2019 ..., the report
// said on Tuesday. 211 children were recruited over the same period": not
// the day the report was released).
int LatestPeriod(const std::vector<TimeExpression>& out) {
  for (std::size_t k = out.size(); k-- > 0 && out.size() - k <= kAnaphorLookBack;) {
    const TimeExpression& o = out[k];
    if (o.rule == "time.previous_year") continue;  // a baseline's year
    if (!o.start || !o.end || *o.start != *o.end) return static_cast<int>(k);
  }
  return static_cast<int>(out.size()) - 1;
}

// The latest of `out` (searching back at most kAnaphorLookBack) that is
// one day other than P: what "on the same day" refers to, an event told
// before ("floated its pound on Nov. 3, 2016, and the currency was trading
// at 18.1 on Tuesday [P]. The government raised fuel prices ... on the same
// day": Nov. 3); the day of publication is named, not referred back to.
// -1 where none is.
int LatestDay(const std::vector<TimeExpression>& out, std::optional<Date> P) {
  for (std::size_t k = out.size(); k-- > 0 && out.size() - k <= kAnaphorLookBack;) {
    const TimeExpression& o = out[k];
    if (o.start && o.end && *o.start == *o.end && o.start != P) return static_cast<int>(k);
  }
  return -1;
}

struct TimeRecognizer::Impl {
  // Appends the expressions that start in [from, to) to `out` and returns
  // where scanning stopped (>= to). Text before `complete_to` has all been
  // scanned; text between it and `from` was skipped by the caller and is
  // read (once) only when "the same period" needs the expression before it.
  // `events`: resolve event anaphors ("since then") against the text before
  // them; off in that look-back scan itself.
  std::size_t Scan(std::string_view text, std::optional<Date> published, std::size_t from,
                   std::size_t to, std::size_t& complete_to, std::vector<TimeExpression>& out,
                   bool events = true) const;
  // The start of the event an anaphor at [start, ...) refers to: "since then"
  // → the latest earlier time; "since the invasion began" (`words`: the
  // phrase's words) → the latest earlier time whose clause names the event
  // ("invaded ... on February 24"), else the latest event a "since" clause
  // dated, else the latest time right after a start verb ("The protests
  // began on Oct. 18"). Unset when the text before names none.
  std::optional<Date> EventStart(std::string_view text, std::optional<Date> published, std::size_t start,
                                 bool then, const std::vector<std::string>& words) const;
  // "the same period" and "in the month" refer back to an earlier
  // expression, which may lie in text the caller's ranges skipped: reads
  // that gap (from the last expression found up to `from`) into `out`.
  void ReadGapBefore(std::string_view text, std::optional<Date> published, std::size_t from,
                     std::size_t& complete_to, std::vector<TimeExpression>& out) const {
    if (complete_to < from && (out.empty() || out.back().span.start < from)) {
      const std::size_t back_from = std::max(complete_to, out.empty() ? 0 : out.back().span.end);
      std::size_t no_gap = back_from;
      Scan(text, published, back_from, from, no_gap, out);
      complete_to = from;  // each byte is read back at most once
    }
  }
  std::unique_ptr<RE2> re;                   // the whole grammar, for the scan
  std::unique_ptr<RE2> alt_re[kAltCount];    // "\b(?:ALT)" each, for the groups
  std::unordered_map<std::string_view, int> alt_group[kAltCount];  // name → index
  std::map<std::string, int> month_of;    // lower-case name or abbreviation → 1..12
  std::map<std::string, std::pair<unsigned, unsigned>> holiday_of;  // HolidayKey → month, day
  std::map<std::string, unsigned> weekday_of;
  std::map<std::string, int> number_of;   // lower-case word → value (0 = vague)
  std::map<std::string, std::string> unit_of;
  std::map<std::string, Op> op_of;        // normalized operator text → op
  std::set<std::string> superlatives;     // "highest", "first": before "since", a record's frame
  std::set<std::string> event_starts;     // "began", "struck": a time after them dates an event
  std::set<std::string> event_nouns;      // "earthquake", "appeal": a year before them dates them
  std::set<std::string> habit_words;      // "every": "every Thursday" is a habit
  std::set<std::string> name_heads;       // "street": "26th of July Street" is a name
  std::set<std::string> event_preps;      // "ahead of": "ahead of the May 18 election" names an event
  std::set<std::string> adjective_openers;  // "in": "in overnight raids" is an adjective
  std::set<std::string> day_openers;      // "on": "overnight on Tuesday" gives way to the day

  Impl();
  std::string_view Group(const Groups& g, std::string_view name) const {
    const auto& table = alt_group[g.alt];
    auto it = table.find(name);
    if (it == table.end()) return {};
    const re2::StringPiece& p = g.m[static_cast<std::size_t>(it->second)];
    return p.data() == nullptr ? std::string_view() : std::string_view(p.data(), p.size());
  }
  // Group `n` of anchor group set `p` ("c_" + "mon").
  std::string_view Prefixed(const Groups& g, const char* p, const char* n) const {
    char name[32];
    std::size_t len = 0;
    for (const char* c = p; *c && len < sizeof name; ++c) name[len++] = *c;
    for (const char* c = n; *c && len < sizeof name; ++c) name[len++] = *c;
    return Group(g, std::string_view(name, len));
  }
  int ParseCount(std::string_view s) const;
  // Whether a superlative is among the three words before `start` ("their
  // highest since", "the largest increase since"), not past a figure ("at
  // least 226 people since May 10").
  bool RecordFrameBefore(std::string_view text, std::size_t start) const {
    return RecordFrame(WordsBefore(text, start, kRecordFrameWords), 0);
  }
  // The same for `words` (nearest first) from index `from` on.
  bool RecordFrame(const std::vector<std::string>& words, std::size_t from,
                   std::size_t reach = kRecordFrameWords) const {
    for (std::size_t k = from; k < words.size() && k < from + reach; ++k) {
      if (std::isdigit(static_cast<unsigned char>(words[k][0]))) return false;
      // "lost more than a fifth of its population since": a fraction.
      if (superlatives.count(words[k]) && !(k + 1 < words.size() && words[k + 1] == "a")) return true;
    }
    return false;
  }
  // Whether `start` ends a short clause opened by "since" ("since the war
  // escalated in 2015", "since Russia launched its invasion on 24
  // February"): "since" at most kSinceClauseWords words before, no
  // punctuation between, and no record frame ("the biggest exchange since
  // the Cold War on Thursday").
  // With `record`, whether it ends such a clause of a record's frame
  // instead ("its lowest since it was filled in the 1930s", "for the first
  // time since Tigrayan forces retook the city last week").
  bool SinceClauseBefore(std::string_view text, std::size_t start, bool record = false) const {
    const std::vector<std::string> words =
        WordsBefore(text, start, kSinceClauseWords + 1 + kRecordFrameWords);
    for (std::size_t k = 1; k < words.size() && k <= kSinceClauseWords; ++k) {
      if (words[k] != "since") continue;
      // "the biggest exchange since the Cold War on Thursday": "since the"
      // opens a noun, after which the time dates the record itself.
      if (record && words[k - 1] == "the") return false;
      return RecordFrame(words, k + 1) == record;
    }
    return false;
  }
  // Whether an anchor [start, end) is not a time a figure covers
  // (lexicons/time_not_scope_context.txt): part of a name ("on 26th of
  // July Street"); with no operator, a habit ("every Thursday") or, for a
  // `day` date, an event's date after a preposition ("ahead of the May 18
  // election"); an `adjective_form` ("overnight") after a determiner or
  // preposition is an adjective ("in overnight raids"), and before a day
  // ("overnight on Tuesday") gives way to it.
  bool NotAScope(std::string_view text, std::size_t start, std::size_t end, bool has_op, bool day,
                 bool adjective_form) const {
    std::vector<std::string> after;
    std::vector<std::size_t> ends;
    WordsAfter(text, end, 1, after, ends);
    const bool word_after = !after.empty() && end < text.size() && text[end] == ' ';
    const bool capital = word_after && std::isupper(static_cast<unsigned char>(text[end + 1])) != 0;
    if (capital && name_heads.count(after[0])) return true;
    // "in overnight raids": an operator before "overnight" makes it an adjective.
    if (adjective_form && has_op) return true;
    if (has_op) return false;
    const std::vector<std::string> before = WordsBefore(text, start, 3);
    if (!before.empty() && habit_words.count(before[0])) return true;
    if (adjective_form && !before.empty() && adjective_openers.count(before[0])) return true;
    // "overnight on Tuesday", "overnight into Tuesday": the day named after it.
    if (adjective_form && word_after && (capital || day_openers.count(after[0]))) return true;
    if (!word_after || capital || !day || before.size() < 2 || (before[0] != "the" && before[0] != "a")) return false;
    if (!std::isalpha(static_cast<unsigned char>(text[end + 1]))) return false;
    return event_preps.count(before[1]) || (before.size() >= 3 && event_preps.count(before[2] + " " + before[1]));
  }
  // Whether a bare year ending at `end` is a clause's subject, the year a
  // record was set in ("2023 was the worst year on record, with 1,705
  // deaths", "2024, the hottest year ever recorded, when the average was
  // 1.60C"): "was the" or ", the", a superlative, "year".
  bool YearSubjectAfter(std::string_view text, std::size_t end) const {
    const bool comma = end < text.size() && text[end] == ',';
    std::vector<std::string> w;
    std::vector<std::size_t> ends;
    WordsAfter(text, comma ? end + 1 : end, 4, w, ends);
    const std::size_t k = comma ? 0 : 1;
    if (!comma && (w.empty() || w[0] != "was")) return false;
    return w.size() >= k + 3 && w[k] == "the" && superlatives.count(w[k + 1]) && w[k + 2] == "year";
  }
  // Whether anchor group set `p` is a month or a date with no year and
  // nothing relative ("March", "April 15"; not "March 2020", "last May").
  bool UndatedMonths(const Groups& m, const char* p) const {
    auto g = [&](const char* n) { return Prefixed(m, p, n); };
    const bool month = !g("mon").empty() || !g("mon2").empty() || !g("mon3").empty();
    return month && g("year").empty() && g("year2").empty() && g("mrel").empty();
  }
  // Whether a digit, or a capitalized month or weekday name, follows `end`
  // in its clause (before , ; . or a line break, within 100 bytes).
  bool DateInClauseAfter(std::string_view text, std::size_t end) const {
    const std::size_t stop = std::min(text.size(), end + 100);
    for (std::size_t i = end; i < stop; ++i) {
      const char c = text[i];
      if (c == ',' || c == ';' || c == '.' || c == '\n') return false;
      if (std::isdigit(static_cast<unsigned char>(c))) return true;
      if (i > end && text[i - 1] == ' ' && std::isupper(static_cast<unsigned char>(c))) {
        std::size_t e = i;
        while (e < stop && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
        const std::string word = LowerAscii(text.substr(i, e - i));
        if (month_of.count(word) || weekday_of.count(word)) return true;
      }
    }
    return false;
  }
  // Whether "which began" (started, erupted) ends right before `start`.
  bool BeganBefore(std::string_view text, std::size_t start) const {
    const std::vector<std::string> w = WordsBefore(text, start, 2);
    return w.size() == 2 && (w[1] == "which" || w[1] == "that") &&
           (w[0] == "began" || w[0] == "started" || w[0] == "erupted");
  }
  // "the last week of July", "the final three months of 2022" (a `rel`
  // match with `relof*` groups): the last N units of that month or year,
  // which without a year is the latest one begun by P. False when the
  // units do not fit in it.
  bool EndOfPeriod(const Groups& m, const std::string& dir, const std::string& unit, std::optional<Date> P,
                   TimeExpression& t) const;
  std::optional<Interval> TrailingMonths(const Groups& m, const char* p, std::optional<Date> ref,
                                         bool has_op) const;
  int MonthNumber(std::string_view s) const;
  // Resolves a `pair` match ("in 2017 and 2018", "the January-March
  // period") into t's bounds; false when it is not a period.
  bool Pair(const Groups& m, std::optional<Date> P, TimeExpression& t) const;
  // A range of bare months followed by "last|this|next year" (`rel`): both
  // months in that year. False when either end is not a bare month.
  bool MonthsOfYear(const Groups& m, const std::string& rel, std::optional<Date> P,
                    TimeExpression& t) const;
  std::optional<Interval> Anchor(const Groups& m, const char* p,
                                 std::optional<Date> P, bool needs_op, bool has_op, bool nearest,
                                 std::optional<Date> before) const;
};

int TimeRecognizer::Impl::MonthNumber(std::string_view s) const {
  std::string k = LowerAscii(s);
  if (!k.empty() && k.back() == '.') k.pop_back();
  auto it = month_of.find(k);
  return it == month_of.end() ? 0 : it->second;
}

int TimeRecognizer::Impl::ParseCount(std::string_view s) const {
  std::string k = Norm(s);
  if (k.empty()) return 1;
  if (std::isdigit(static_cast<unsigned char>(k[0]))) return std::atoi(k.c_str());
  auto it = number_of.find(k);
  if (it != number_of.end()) return it->second;
  std::size_t dash = k.find('-');
  if (dash != std::string::npos) {
    auto t = number_of.find(k.substr(0, dash));
    auto u = number_of.find(k.substr(dash + 1));
    if (t != number_of.end() && u != number_of.end()) return t->second + u->second;
  }
  return 0;
}

TimeRecognizer::Impl::Impl() {
  // Word lists from the lexicons.
  std::vector<std::string> months;
  for (const LexiconRow& r : LoadLexicon("time_months.txt")) {
    int n = std::atoi(std::string(r.get(1)).c_str());
    month_of[LowerAscii(r[0])] = n;
    months.push_back(r[0]);
    std::string abbr(r.get(2));
    std::size_t pos = 0;
    while (pos < abbr.size()) {
      std::size_t sp = abbr.find(' ', pos);
      std::string a = abbr.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      pos = sp == std::string::npos ? abbr.size() : sp + 1;
      if (a.empty()) continue;
      month_of[LowerAscii(a)] = n;
      months.push_back(a + "\\.");
      months.push_back(a + "\\b");
    }
  }
  std::vector<std::string> weekdays;
  for (const LexiconRow& r : LoadLexicon("time_weekdays.txt")) {
    weekday_of[LowerAscii(r[0])] = static_cast<unsigned>(std::atoi(std::string(r.get(1)).c_str()));
    weekdays.push_back(r[0]);
  }
  std::vector<std::string> holidays;
  for (const LexiconRow& r : LoadLexicon("time_holidays.txt")) {
    const unsigned mon = static_cast<unsigned>(std::atoi(std::string(r.get(1)).c_str()));
    const unsigned day = static_cast<unsigned>(std::atoi(std::string(r.get(2)).c_str()));
    holiday_of[HolidayKey(r[0])] = {mon, day};
    std::string pattern;
    for (char c : std::string(r[0])) pattern += c == '\'' ? std::string("['\xE2\x80\x99]") : std::string(1, c);
    holidays.push_back(pattern);
  }
  std::vector<std::string> tens, units, other;
  for (const LexiconRow& r : LoadLexicon("time_numbers.txt")) {
    int v = std::atoi(std::string(r.get(1)).c_str());
    number_of[LowerAscii(r[0])] = v;
    if (v >= 20) tens.push_back(r[0]);
    else if (v >= 1 && v <= 9 && r[0] != "a" && r[0] != "an") units.push_back(r[0]);
    else other.push_back(r[0]);
  }
  std::vector<std::string> unit_words;
  for (const LexiconRow& r : LoadLexicon("time_units.txt")) {
    unit_of[LowerAscii(r[0])] = std::string(r.get(1));
    unit_words.push_back(r[0]);
  }
  for (const OpRow& o : kOps) op_of[o.text] = o.op;
  for (const LexiconRow& r : LoadLexicon("time_superlatives.txt")) superlatives.insert(LowerAscii(r[0]));
  for (const LexiconRow& r : LoadLexicon("time_event_starts.txt")) event_starts.insert(LowerAscii(r[0]));
  for (const LexiconRow& r : LoadLexicon("time_event_nouns.txt")) event_nouns.insert(LowerAscii(r[0]));
  for (const LexiconRow& r : LoadLexicon("time_not_scope_context.txt")) {
    const std::string role(r[0]);
    std::set<std::string>* into = role == "habit"       ? &habit_words
                                  : role == "name"      ? &name_heads
                                  : role == "adjective" ? &adjective_openers
                                  : role == "day"       ? &day_openers
                                  : role == "event"     ? &event_preps
                                                        : nullptr;
    if (!into) throw std::runtime_error("time_not_scope_context.txt: unknown role '" + role + "'");
    into->insert(Norm(r.get(1)));
  }

  auto alt = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
    std::string s = "(?:";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "|" : "") + Spaces(v[i]);
    return s + ")";
  };
  std::vector<std::string> unit_and_other = units;
  unit_and_other.insert(unit_and_other.end(), other.begin(), other.end());
  const std::string MONTH = alt(months);
  const std::string WEEKDAY = "(?:" + [&] {
    std::string s;
    for (std::size_t i = 0; i < weekdays.size(); ++i) s += (i ? "|" : "") + weekdays[i];
    return s;
  }() + ")";
  const std::string YEAR = "(?:19|20)\\d\\d\\b";
  const std::string NUM = "(?:\\d+|(?i:" + alt(tens) + "(?:-" + alt(units) + ")?|" +
                          alt(unit_and_other) + "))";
  const std::string UNIT = "(?i:" + alt(unit_words) + ")\\b";
  std::vector<std::string> op_texts;
  for (const OpRow& o : kOps) op_texts.push_back(o.text);
  const std::string OPS = "(?i:" + alt(op_texts) + ")";

  auto anchor = [&](const std::string& p) {
    // "May 10-14": days of one month (single form only).
    const std::string day_to = p == "c_" ? "(?:\\s*[-–]\\s*(?P<c_dayto>\\d{1,2})\\b)?" : std::string();
    const std::string date_md = "(?P<" + p + "mon>" + MONTH + ")\\s*(?P<" + p +
                                "day>\\d{1,2})(?:st|nd|rd|th)?\\b" + day_to;
    const std::string date_dm = "(?P<" + p + "day2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?i:of\\s+)?(?P<" +
                                p + "mon2>" + MONTH + ")";
    // "on January 3 this year", "on March 5 last year" (single form only).
    const std::string date_year_rel =
        p == "c_" ? "|\\s+(?P<c_dyrel>(?i:last|this))\\s+(?i:year)\\b" : std::string();
    const std::string date = "(?:" + WEEKDAY + ",?\\s+)?(?:" + date_md + "|" + date_dm +
                             ")(?:,?\\s*(?P<" + p + "year>" + YEAR + ")" + date_year_rel + ")?";
    // "on Wednesday last week", "Friday of next week": that week's day.
    const std::string weekday = "(?:(?P<" + p + "wrel>(?i:last|this|next))\\s+)?(?P<" + p + "wd>" +
                                WEEKDAY + ")(?:\\s+(?i:morning|afternoon|evening|night))?(?:\\s+(?i:of\\s+)?(?P<" +
                                p + "wweek>(?i:last|next))\\s+(?i:week)\\b)?";
    // "since January last year", "in March this year": a single form only,
    // a range reads "last year" after both months (MonthsOfYear).
    const std::string month_year_rel =
        p == "c_" ? "|\\s+(?P<" + p + "myrel>(?i:last|this))\\s+(?i:year)\\b" : std::string();
    const std::string month = "(?:(?P<" + p + "mrel>(?i:last|this|next))\\s+)?(?P<" + p + "mon3>" +
                              MONTH + ")(?:,?\\s+(?P<" + p + "year2>" + YEAR + ")" + month_year_rel + ")?";
    // "2015-16", "2026-2027", "2019/20": both years, whole.
    const std::string year = "(?P<" + p + "year3>" + YEAR + ")(?:\\s*[-–/]\\s*(?P<" + p +
                             "year3b>(?:19|20)?\\d\\d)\\b)?";
    const std::string decade = "(?i:the\\s+)?(?P<" + p + "dec>(?:19|20)\\d0)'?s\\b";
    const std::string cal = "(?P<" + p + "cal>(?i:last|this|next|the|past))\\s+(?P<" + p +
                            "calunit>(?i:week|month|year|weekend|quarter))\\b";
    // "the first quarter|half", and "the first three months" (of the year).
    const std::string quarter = "(?i:the\\s+)(?:(?P<" + p +
                                "qord>(?i:first|second|third|fourth|final|last))\\s+(?P<" + p +
                                "qunit>(?i:quarter|half))|(?i:first)\\s+(?P<" + p +
                                "qn>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01]))"
                                "\\s+(?i:months))(?:\\s+(?i:of)\\s+(?:(?P<" + p + "qyear>" +
                                YEAR + ")|(?P<" + p + "qrel>(?i:this|last|next|the))\\s+(?i:year)))?";
    // "the year to March 2023", "the 12 months to August", "the three months
    // ending June 30", "the financial year to March", "the four weeks to
    // January 4": the N months (a year: 12) or weeks ending with that month
    // or day; "the week to August 15", "the week to Sunday": the seven days
    // ending that day.
    const std::string to_month = "(?i:the\\s+)(?:(?P<" + p + "tonum>" + NUM + ")\\s+(?:(?i:months)|(?P<" + p +
                                 "toweeks>(?i:weeks)))|(?P<" + p + "toweek>(?i:week))|(?i:(?:fiscal\\s+|financial\\s+)?year))\\s+"
                                 "(?i:to|ending|through|up\\s+to)\\s+(?:(?P<" + p +
                                 "tomon>" + MONTH + ")(?:\\s*(?P<" + p +
                                 "today>\\d{1,2})(?:st|nd|rd|th)?\\b)?(?:,?\\s+(?P<" + p + "toyear>" + YEAR +
                                 "))?|(?P<" + p + "towd>" + WEEKDAY + ")\\b)";
    // "first-quarter profit": the quarter as an adjective, operator optional.
    const std::string qadj = "(?P<" + p + "qadj>(?i:first|second|third|fourth))-(?i:quarter)\\b";
    // "full-year sales growth": the current year as an adjective; it dates
    // only a forecast (the claims stage drops it elsewhere: "full-year
    // profit rose" in a results report is the year before).
    const std::string fullyear = "(?P<" + p + "fullyr>(?i:full))-(?i:year)\\b";
    // "the first two weeks of February", "the first seven days of August":
    // from the 1st, N whole weeks or days.
    // "the first week of July", "the second week of May": the Nth seven days.
    const std::string weeks = "(?i:the\\s+)(?P<" + p + "wkord>(?i:first|second|third|fourth))\\s+(?:(?P<" + p +
                              "wkn>" + NUM + ")\\s+)?(?:(?i:weeks?)|(?P<" + p +
                              "wkdays>(?i:days?)))\\s+(?i:of)\\s+(?P<" +
                              p + "wkmon>" + MONTH + ")(?:,?\\s+(?P<" + p + "wkyear>" + YEAR + "))?";
    const std::string holiday = "(?P<" + p + "hol>" + alt(holidays) + ")\\b";
    const std::string dayword = "(?P<" + p +
                                "dw>(?i:yesterday|last\\s+night|overnight|tonight|this\\s+morning|this\\s+"
                                "afternoon|this\\s+evening))\\b";
    return "(?:" + date + "|" + weekday + "|" + month + "|" + year + "|" + decade + "|" + to_month + "|" + weeks +
           "|" + quarter + "|" + qadj + "|" + fullyear + "|" + cal + "|" + dayword + "|" + holiday + ")";
  };

  // "the last week of July", "the final three months of 2022": the end of
  // that month or year (`relof*`), not relative to P.
  const std::string rel = "(?P<rel>(?i:(?:(?P<relprep>in|over|during|within|for|throughout|across)\\s+)?"
                          "the\\s+(?P<reldir>past|last|final|previous|next|coming)\\s+)(?:(?P<relnum>" +
                          NUM + ")\\s+)?(?P<relunit>" + UNIT + ")(?:\\s+(?i:of)\\s+(?:(?P<relofmon>" + MONTH +
                          ")(?:,?\\s+(?P<relofmy>" + YEAR + "))?|(?P<relofy>" + YEAR + ")|(?P<relofrel>(?i:this|last))\\s+(?i:year)\\b))?)";
  const std::string recent = "(?P<recent>(?i:(?:in|over|during)\\s+(?:(?P<recdir>recent|the\\s+coming|"
                             "coming)\\s+)(?:days|weeks|months|years)\\b))";
  // "in the same period of 2022", "... last year": that span moved to the
  // year ("the same month|quarter": the latest whole month or quarter); without a preposition only so, and then a comparison's frame
  // ("rose 40 percent from the same period of 2020").
  const std::string same = "(?P<same>(?:(?P<sameprep>(?i:over|in|during|on|at))\\s+)?(?i:the\\s+same\\s+|(?P<samethat>that)\\s+(?:same\\s+)?)(?P<sameunit>(?i:period|months|month|quarter|day|point|time))\\b(?:\\s+(?i:of|in)\\s+(?P<samey>" +
                           YEAR + ")|\\s+(?P<samelast>(?i:last\\s+year)\\b))?)";
  // "fell 4.5% in the month", "a surplus of $45.5 billion for the month".
  const std::string anaphor = "(?P<anaphor>(?i:(?:in|for)\\s+the\\s+(?P<anunit>month|quarter))\\b)";
  // "between May 10 and 14": the second end a day of the first's month.
  const std::string range = "(?P<range>(?P<rop>(?i:between|from))\\s+" + anchor("a_") +
                            "\\s*(?:(?i:and|to|through|until)|-|–)\\s*(?:(?P<rend>(?i:the\\s+end\\s+of\\s+))?" + anchor("b_") +
                            "|(?P<rbday>\\d{1,2})(?:st|nd|rd|th)?\\b)" +
                            "(?:,?\\s+(?P<ryrel>(?i:last|this|next))\\s+(?i:year)\\b)?)";
  // Two years or months joined by "and" ("in 2017 and 2018", "for November
  // and December"), a hyphenated month range naming a period ("the
  // January-March period", "during the April-July lean season"), or two
  // weekdays ("on Friday and Saturday").
  const std::string pair =
      "(?P<pair>(?i:on)\\s+(?P<pw1>" + WEEKDAY + ")\\s+(?i:and)\\s+(?P<pw2>" + WEEKDAY + ")\\b|"
      "(?:(?P<pop>(?i:in|for|during|throughout|over))\\s+)?(?:(?P<py1>" + YEAR + ")\\s+(?i:and|to|through)\\s+(?P<py2>" +
      YEAR + ")|(?P<pm1>" + MONTH + ")\\s+(?i:and)\\s+(?P<pm2>" + MONTH + ")(?:,?\\s+(?P<pmy>" + YEAR +
      "))?|(?P<pthe>(?i:the)\\s+(?P<pcur>(?i:current)\\s+)?)?(?P<ph1>" + MONTH + ")\\s*[-–](?i:to-)?\\s*(?P<ph2>" + MONTH + ")(?:\\s+(?P<phy>" + YEAR +
      "))?(?P<pnoun>\\s+(?:[a-z]+\\s+)?(?i:period|quarter|season|months|rains)\\b)?))";
  const std::string single = "(?P<single>(?:(?P<op>" + OPS + ")\\s*)?" + anchor("c_") + ")";
  // An event named instead of dated ("since then", "since the quake"): last,
  // so "since the start of the year" stays a single form.
  const std::string event = "(?P<event>(?i:since\\s+(?:(?P<evthen>then)|the))\\b)";
  // How long a change took ("has risen by 35 percent in a year", "swollen
  // by some 200,000 in three weeks"): only right after "by" and a figure.
  // A year that dates an event noun ("The 1999 earthquake", "its 2018
  // appeal"; lexicons/time_event_nouns.txt).
  const std::string year_event = "(?P<yev>(?i:the|its|their|a|an)\\s+(?P<yevy>" + YEAR +
                                 ")\\s+(?:(?P<yeva>[a-z]+)\\s+)?(?P<yevn>[A-Za-z]+))";
  // "in the 24 hours to 9am on Tuesday": the days those hours touch; "in
  // the 24 hours to 9 a.m." (no day): the ones up to P.
  // A clock time; without a day after it, its dots are left to the
  // sentence ("to 9 a.m. In Cherrapunji": the span ends at "a.m").
  const std::string clock_dot = "(?:\\d{1,2}(?:[:.]\\d\\d)?\\s*(?i:a\\.?m\\.?|p\\.?m\\.?)|"
                                "\\d{4}\\s*(?i:gmt|utc)|(?i:midnight|noon))";
  const std::string clock = "(?:\\d{1,2}(?:[:.]\\d\\d)?\\s*(?i:a\\.?m|p\\.?m)|\\d{4}\\s*(?i:gmt|utc)|"
                            "(?i:midnight|noon))\\b";
  const std::string hours_to =
      "(?P<hto>(?i:(?:in|over|during)\\s+the\\s+)(?P<hton>" + NUM +
      ")\\s+(?i:hours)\\s+(?i:to|until|up\\s+to|ending(?:\\s+at)?)\\s+(?:" + clock_dot +
      "\\s+(?:(?i:on)\\s+)?(?P<htowd>" + WEEKDAY + ")\\b|" + clock + "|(?:(?i:on)\\s+)?(?P<htowd2>" + WEEKDAY +
      ")\\b))";
  // "a year earlier", "the year before": as "the previous year" (YearBefore).
  const std::string year_back = "(?P<yback>(?i:a\\s+year\\s+(?:earlier|before)|the\\s+year\\s+before)\\b)";
  // "in the six weeks since the United States froze aid": P − N units .. P.
  const std::string elapsed = "(?P<elapsed>(?i:in|over|during|for)\\s+(?i:the)\\s+(?P<eln>" + NUM +
                              ")\\s+(?P<elu>" + UNIT + ")\\s+(?i:since)\\b)";
  const std::string span = "(?P<span>(?i:in)\\s+(?P<spnum>(?i:a|an)|" + NUM + ")\\s+(?P<spunit>" + UNIT + "))";
  const std::string pattern =
      "\\b(?:" + rel + "|" + recent + "|" + same + "|" + anaphor + "|" + range + "|" + pair + "|" + year_back +
      "|" + single + "|" + event + "|" + span + "|" + year_event + "|" + hours_to + "|" + elapsed + ")";

  RE2::Options opts;
  opts.set_max_mem(64 << 20);
  opts.set_log_errors(false);
  re = std::make_unique<RE2>(pattern, opts);
  if (!re->ok()) throw std::logic_error("time_recognizer: bad pattern: " + re->error());
  const std::string* alts[kAltCount] = {&rel,    &recent, &same, &anaphor,    &range,    &pair,   &year_back,
                                        &single, &event,  &span, &year_event, &hours_to, &elapsed};
  for (int a = 0; a < kAltCount; ++a) {
    alt_re[a] = std::make_unique<RE2>("\\b(?:" + *alts[a] + ")", opts);
    if (!alt_re[a]->ok()) throw std::logic_error("time_recognizer: bad pattern: " + alt_re[a]->error());
    // Keys view the names RE2 keeps for the object's lifetime.
    for (const auto& [name, idx] : alt_re[a]->NamedCapturingGroups()) alt_group[a][name] = idx;
  }
}

// Resolves anchor group set `p` to a calendar interval. `nearest`: choose the
// year of a month or date nearest to P (deadlines: "by the end of June");
// otherwise the latest one begun by P. `before`: for the first half of a
// range, the latest one starting on or before this date.
std::optional<Interval> TimeRecognizer::Impl::Anchor(const Groups& m,
                                                     const char* p, std::optional<Date> P,
                                                     bool needs_op, bool has_op, bool nearest,
                                                     std::optional<Date> before) const {
  auto g = [&](const char* n) { return Prefixed(m, p, n); };
  Interval out;
  // Reference point for "latest begun by": P, or the range's end.
  std::optional<Date> ref = before ? before : P;

  auto pick_year = [&](unsigned mon, unsigned day, bool whole_month) -> Date {
    Date r = *ref;
    int y = YearOf(r);
    Date start = whole_month ? MonthStart(y, mon) : Ymd(y, mon, day);
    if (nearest && !before) {
      Date alt = whole_month ? MonthStart(y - 1, mon) : Ymd(y - 1, mon, day);
      Date next = whole_month ? MonthStart(y + 1, mon) : Ymd(y + 1, mon, day);
      auto dist = [&](Date d) {
        Date e = whole_month ? MonthEnd(YearOf(d), mon) : d;
        return std::abs((sys_days{e} - sys_days{r}).count());
      };
      Date best = start;
      for (Date c : {alt, next}) {
        if (dist(c) < dist(best)) best = c;
      }
      return best;
    }
    if (sys_days{start} > sys_days{r}) start = whole_month ? MonthStart(y - 1, mon) : Ymd(y - 1, mon, day);
    return start;
  };

  std::string_view mon = g("mon"), day = g("day");
  if (mon.empty()) {
    mon = g("mon2");
    day = g("day2");
  }
  if (!mon.empty() && !day.empty()) {
    int mn = MonthNumber(mon);
    int dn = std::atoi(std::string(day).c_str());
    if (mn == 0 || dn < 1 || dn > 31) return std::nullopt;
    if (!g("dyrel").empty() && P) {
      const Date d = Ymd(YearOf(*P) - (LowerAscii(g("dyrel")) == "last" ? 1 : 0), unsigned(mn), unsigned(dn));
      out.a = out.b = d;
    } else if (!g("year").empty()) {
      Date d{date::year{std::atoi(std::string(g("year")).c_str())}, date::month{unsigned(mn)},
             date::day{unsigned(dn)}};
      if (!d.ok()) return std::nullopt;
      out.a = out.b = d;
    } else if (ref) {
      out.a = out.b = pick_year(unsigned(mn), unsigned(dn), false);
    }
    if (const std::string_view to = g("dayto"); !to.empty() && out.a) {
      const Date last{out.a->year(), out.a->month(), date::day{static_cast<unsigned>(std::atoi(std::string(to).c_str()))}};
      if (!last.ok() || sys_days{last} <= sys_days{*out.a}) return std::nullopt;
      out.b = last;
    }
    return out;
  }
  if (!g("wd").empty()) {
    unsigned wd = weekday_of.at(LowerAscii(g("wd")));
    if (!P) return out;
    std::string rel = LowerAscii(g("wrel"));
    Date d = LatestWeekday(*ref, wd);
    if (rel == "last" && d == *ref) d = AddDays(d, -7);
    if (rel == "next") d = AddDays(LatestWeekday(*ref, wd), 7);
    if (rel == "this") d = AddDays(WeekMonday(*ref), static_cast<int>(wd) - 1);
    if (const std::string week = LowerAscii(g("wweek")); !week.empty() && rel.empty()) {
      d = AddDays(WeekMonday(*ref), 7 * (week == "last" ? -1 : 1) + static_cast<int>(wd) - 1);
    }
    out.a = out.b = d;
    return out;
  }
  if (!g("mon3").empty()) {
    int mn = MonthNumber(g("mon3"));
    if (mn == 0) return std::nullopt;
    std::string rel = LowerAscii(g("mrel"));
    if (!g("myrel").empty() && rel.empty() && P) {
      const int y = YearOf(*P) - (LowerAscii(g("myrel")) == "last" ? 1 : 0);
      out.a = MonthStart(y, unsigned(mn));
      out.b = MonthEnd(y, unsigned(mn));
      return out;
    }
    if (!g("year2").empty()) {
      int y = std::atoi(std::string(g("year2")).c_str());
      out.a = MonthStart(y, unsigned(mn));
      out.b = MonthEnd(y, unsigned(mn));
      return out;
    }
    if (rel.empty() && needs_op && !has_op) return std::nullopt;
    if (!ref) return out;
    Date s;
    if (rel == "last") {
      s = pick_year(unsigned(mn), 1, true);
      if (YearOf(s) == YearOf(*ref) && MonthOf(s) == MonthOf(*ref)) s = MonthStart(YearOf(s) - 1, unsigned(mn));
    } else if (rel == "this") {
      s = MonthStart(YearOf(*ref), unsigned(mn));
    } else if (rel == "next") {
      s = MonthStart(YearOf(*ref), unsigned(mn));
      if (sys_days{s} <= sys_days{*ref}) s = MonthStart(YearOf(*ref) + 1, unsigned(mn));
    } else {
      s = pick_year(unsigned(mn), 1, true);
    }
    out.a = s;
    out.b = MonthEnd(YearOf(s), unsigned(mn));
    return out;
  }
  if (!g("year3").empty()) {
    if (needs_op && !has_op) return std::nullopt;
    int y = std::atoi(std::string(g("year3")).c_str());
    int last = y;
    if (const std::string_view b = g("year3b"); !b.empty()) {
      // "2015-16": the second year in the first one's century. Not a range
      // when it does not come after the first ("2023-01-15" is an ISO date).
      last = std::atoi(std::string(b).c_str());
      if (b.size() == 2) last += y / 100 * 100;
      if (last <= y || last - y > kMaxYearRange) return std::nullopt;
    }
    out.a = Ymd(y, 1, 1);
    out.b = Ymd(last, 12, 31);
    return out;
  }
  if (!g("tomon").empty() || !g("towd").empty()) return TrailingMonths(m, p, ref, has_op);
  if (!g("dec").empty()) {
    if (!has_op) return std::nullopt;
    int y = std::atoi(std::string(g("dec")).c_str());
    out.a = Ymd(y, 1, 1);
    out.b = Ymd(y + 9, 12, 31);
    return out;
  }
  if (!g("wkmon").empty()) {  // "the first two weeks of February", "the first ten days of May"
    if (!has_op) return std::nullopt;
    const bool days = !g("wkdays").empty();
    const std::string ord = LowerAscii(g("wkord"));
    const int n = g("wkn").empty() ? 1 : ParseCount(g("wkn")), mn = MonthNumber(g("wkmon"));
    if (n < 1 || n > (days ? 30 : 4) || mn == 0) return std::nullopt;
    // Which run of n units: "the second week" is days 8-14; "the second two
    // weeks" is not a form.
    const int index = ord == "first" ? 0 : ord == "second" ? 1 : ord == "third" ? 2 : 3;
    if (index > 0 && (!g("wkn").empty() || days)) return std::nullopt;
    if (!g("wkyear").empty()) {
      out.a = MonthStart(std::atoi(std::string(g("wkyear")).c_str()), unsigned(mn));
    } else if (ref) {
      out.a = pick_year(unsigned(mn), 1, true);
    } else {
      return out;
    }
    out.a = AddDays(*out.a, 7 * index);
    out.b = AddDays(*out.a, (days ? 1 : 7) * n - 1);
    return out;
  }
  if (!g("qunit").empty() || !g("qn").empty() || !g("qadj").empty()) {
    const bool adjective = !g("qadj").empty();
    if (!has_op && !adjective) return std::nullopt;
    std::string ord = LowerAscii(adjective ? g("qadj") : g("qord")), unit = adjective ? "quarter" : LowerAscii(g("qunit"));
    int index = ord == "first" || ord.empty() ? 0 : ord == "second" ? 1 : ord == "third" ? 2 : 3;
    bool half = unit == "half";
    if (half && index > 1) index = 1;
    int span_months = half ? 6 : 3;
    if (!g("qn").empty()) {  // "the first three months": months 1..n
      static const char* const kWords[] = {"two", "three", "four", "five", "six",
                                           "seven", "eight", "nine", "ten", "eleven"};
      std::string n = LowerAscii(g("qn"));
      span_months = std::atoi(n.c_str());
      for (int k = 0; k < 10; ++k) {
        if (n == kWords[k]) span_months = k + 2;
      }
      if (span_months < 2 || span_months > 11) return std::nullopt;
    }
    unsigned first_month = unsigned(index * span_months + 1);
    if (!P) return out;
    int y;
    if (!g("qyear").empty()) {
      y = std::atoi(std::string(g("qyear")).c_str());
    } else if (!g("qrel").empty()) {
      std::string r = LowerAscii(g("qrel"));
      y = YearOf(*P) + (r == "last" ? -1 : r == "next" ? 1 : 0);
    } else {
      y = YearOf(*P);
      if (sys_days{MonthStart(y, first_month)} > sys_days{*P}) --y;
    }
    out.a = MonthStart(y, first_month);
    out.b = MonthEnd(y, first_month + unsigned(span_months) - 1);
    return out;
  }
  if (!g("fullyr").empty()) {
    if (!P) return out;
    out.a = Ymd(YearOf(*P), 1, 1);
    out.b = Ymd(YearOf(*P), 12, 31);
    out.current = true;
    return out;
  }
  if (!g("calunit").empty()) {
    std::string rel = LowerAscii(g("cal")), unit = LowerAscii(g("calunit"));
    if ((rel == "the" || rel == "past") && !has_op) return std::nullopt;
    if (rel == "past" && unit != "weekend") return std::nullopt;  // "the past week" is relative
    if (!P) return out;
    Date p = *P;
    int shift = rel == "last" ? -1 : rel == "next" ? 1 : 0;
    if (unit == "year") {
      int y = YearOf(p) + shift;
      out.a = Ymd(y, 1, 1);
      out.b = Ymd(y, 12, 31);
    } else if (unit == "month") {
      Date s = AddMonths(MonthStart(YearOf(p), MonthOf(p)), shift);
      out.a = s;
      out.b = MonthEnd(YearOf(s), MonthOf(s));
    } else if (unit == "week") {
      Date s = AddDays(WeekMonday(p), 7 * shift);
      out.a = s;
      out.b = AddDays(s, 6);
    } else if (unit == "quarter") {
      unsigned q0 = (MonthOf(p) - 1) / 3 * 3 + 1;
      Date s = AddMonths(MonthStart(YearOf(p), q0), 3 * shift);
      out.a = s;
      out.b = MonthEnd(YearOf(AddMonths(s, 2)), MonthOf(AddMonths(s, 2)));
    } else {  // weekend: the latest Saturday on or before P and the Sunday after
      Date sat = LatestWeekday(p, 6);
      if (Iso(p) == 7 && rel != "last") sat = AddDays(p, -1);
      if (rel == "last" && (Iso(p) == 6 || Iso(p) == 7)) sat = AddDays(sat, -7);
      if (rel == "next") sat = AddDays(LatestWeekday(p, 6), 7);
      out.a = sat;
      out.b = AddDays(sat, 1);
      return out;
    }
    out.current = shift == 0 && rel != "the";
    if (rel == "the") out.current = false;
    return out;
  }
  if (!g("hol").empty()) {
    if (!has_op) return std::nullopt;
    const auto it = holiday_of.find(HolidayKey(g("hol")));
    if (it == holiday_of.end()) return std::nullopt;
    if (!ref) return out;
    out.a = out.b = pick_year(it->second.first, it->second.second, false);
    return out;
  }
  if (!g("dw").empty()) {
    if (!P) return out;
    std::string w = Norm(g("dw"));
    Date d = (w == "yesterday" || w == "last night") ? AddDays(*P, -1) : *P;
    out.a = out.b = d;
    if (w == "overnight") out.a = AddDays(*P, -1);  // the night before P: that day and P
    return out;
  }
  return std::nullopt;
}

// "in the year to March 2023" (2022-04-01 .. 2023-03-31), "the 12 months to
// August", "the three months ending June 30": the N months (the year: 12)
// that end with the named month (or day), which without a year is the
// latest one begun by `ref`. Statistics offices' rolling periods; only after
// an operator ("in", "over", "for").
std::optional<Interval> TimeRecognizer::Impl::TrailingMonths(const Groups& m, const char* p,
                                                             std::optional<Date> ref, bool has_op) const {
  auto g = [&](const char* n) { return Prefixed(m, p, n); };
  if (!has_op) return std::nullopt;
  if (!g("towd").empty()) {  // "the week to Sunday", "the two weeks to Friday": the latest such day
    const int n = !g("toweek").empty() ? 1 : !g("toweeks").empty() ? ParseCount(g("tonum")) : 0;
    if (n < 1 || n > 52) return std::nullopt;
    Interval out;
    if (!ref) return out;
    out.b = LatestWeekday(*ref, weekday_of.at(LowerAscii(g("towd"))));
    out.a = AddDays(*out.b, n == 1 ? -6 : -7 * n);  // as "the week to August 15", "the four weeks to January 4"
    return out;
  }
  const int months = g("tonum").empty() ? 12 : ParseCount(g("tonum"));
  const int mon = MonthNumber(g("tomon"));
  const bool weeks = !g("toweeks").empty();  // "the four weeks to January 4": months counts weeks
  if (months < 1 || months > (weeks ? 52 : 36) || mon == 0) return std::nullopt;
  const int day = g("today").empty() ? 0 : std::atoi(std::string(g("today")).c_str());
  if (day > 31) return std::nullopt;
  const bool week = !g("toweek").empty();  // "the week to August 15": that day and the six before
  if (week && day == 0) return std::nullopt;
  Interval out;
  int year = 0;
  if (!g("toyear").empty()) {
    year = std::atoi(std::string(g("toyear")).c_str());
  } else if (ref) {
    year = YearOf(*ref);
    if (sys_days{MonthStart(year, unsigned(mon))} > sys_days{*ref}) --year;
  } else {
    return out;
  }
  if (week) {
    out.b = Ymd(year, unsigned(mon), unsigned(day));
    out.a = AddDays(*out.b, -6);
  } else if (weeks) {  // back N×7 days from that day (or the month's last), as "the last N days"
    out.b = day > 0 ? Ymd(year, unsigned(mon), unsigned(day)) : MonthEnd(year, unsigned(mon));
    out.a = AddDays(*out.b, -7 * months);
  } else if (day > 0 && Ymd(year, unsigned(mon), unsigned(day)) != MonthEnd(year, unsigned(mon))) {
    // The N months ending that day: from the day after it, N months earlier.
    out.b = Ymd(year, unsigned(mon), unsigned(day));
    out.a = AddDays(AddMonths(*out.b, -months), 1);
  } else {
    out.b = MonthEnd(year, unsigned(mon));
    out.a = AddMonths(MonthStart(year, unsigned(mon)), 1 - months);
  }
  return out;
}

bool TimeRecognizer::Impl::EndOfPeriod(const Groups& m, const std::string& dir, const std::string& unit,
                                       std::optional<Date> P, TimeExpression& t) const {
  if (dir != "last" && dir != "final") return false;
  const int count = Group(m, "relnum").empty() ? 1 : ParseCount(Group(m, "relnum"));
  const std::string_view mon = Group(m, "relofmon");
  const bool of_month = !mon.empty();
  // Units that fit: days and weeks in a month; those and months in a year.
  const int room = unit == "day" ? (of_month ? 31 : 366) : unit == "week" ? (of_month ? 4 : 52)
                 : unit == "month" && !of_month ? 12 : 0;
  if (count < 1 || count > room) return false;
  t.rule = "time.end_of_period";
  t.scope = TimeScopeKind::kPeriod;
  if (!P) return true;
  Date last;
  if (of_month) {
    const int mn = MonthNumber(mon);
    if (mn == 0) return false;
    int y = YearOf(*P);
    if (!Group(m, "relofmy").empty()) {
      y = std::atoi(std::string(Group(m, "relofmy")).c_str());
    } else if (sys_days{MonthStart(y, unsigned(mn))} > sys_days{*P}) {
      --y;
    }
    last = MonthEnd(y, unsigned(mn));
  } else {
    const int y = !Group(m, "relofy").empty() ? std::atoi(std::string(Group(m, "relofy")).c_str())
                  : YearOf(*P) - (LowerAscii(Group(m, "relofrel")) == "last" ? 1 : 0);
    last = Ymd(y, 12, 31);
  }
  t.end = last;
  t.start = AddDays(ShiftUnits(last, unit, -count), 1);
  if (unit == "month") t.start = AddMonths(MonthStart(YearOf(last), MonthOf(last)), 1 - count);
  if (sys_days{*t.start} > sys_days{*P}) t.scope = TimeScopeKind::kForward;
  return true;
}

bool TimeRecognizer::Impl::Pair(const Groups& m, std::optional<Date> P, TimeExpression& t) const {
  if (!Group(m, "pw1").empty()) {
    // "on Friday and Saturday": the latest second weekday <= P, and the
    // first weekday the days before it.
    const unsigned w1 = weekday_of.at(LowerAscii(Group(m, "pw1"))), w2 = weekday_of.at(LowerAscii(Group(m, "pw2")));
    if (w1 == w2) return false;
    if (!P) return true;
    t.end = LatestWeekday(*P, w2);
    t.start = AddDays(*t.end, -static_cast<int>((w2 + 7 - w1) % 7));
    return true;
  }
  if (!Group(m, "py1").empty()) {
    const int y1 = std::atoi(std::string(Group(m, "py1")).c_str());
    const int y2 = std::atoi(std::string(Group(m, "py2")).c_str());
    if (y2 <= y1) return false;  // "in 2018 and 2017" is two mentions, not a period
    t.start = Ymd(y1, 1, 1);
    t.end = Ymd(y2, 12, 31);
    return true;
  }
  const bool hyphen = !Group(m, "ph1").empty();
  // Without an operator only a period named as one ("The April-to-June
  // rains were 30% below average").
  if (Group(m, "pop").empty() && (!hyphen || Group(m, "pthe").empty() || Group(m, "pnoun").empty())) return false;
  // "in the January-March" without a period noun is not a period.
  if (hyphen && !Group(m, "pthe").empty() && Group(m, "pnoun").empty()) return false;
  const int m1 = MonthNumber(Group(m, hyphen ? "ph1" : "pm1"));
  const int m2 = MonthNumber(Group(m, hyphen ? "ph2" : "pm2"));
  if (m1 == 0 || m2 == 0) return false;
  const std::string_view year = Group(m, hyphen ? "phy" : "pmy");
  int y2;
  if (!year.empty()) {
    y2 = std::atoi(std::string(year).c_str());
  } else if (P && !Group(m, "pcur").empty()) {
    // "the current July-June season": the one that holds P.
    const int y1 = m1 <= m2 || int(MonthOf(*P)) >= m1 ? YearOf(*P) : YearOf(*P) - 1;
    y2 = m1 <= m2 ? y1 : y1 + 1;
  } else if (P) {
    y2 = YearOf(*P);  // the second month: the latest one begun by P
    if (sys_days{MonthStart(y2, unsigned(m2))} > sys_days{*P}) --y2;
  } else {
    return true;  // text and span only
  }
  const int y1 = m1 <= m2 ? y2 : y2 - 1;  // "the November-January period" spans New Year
  t.start = MonthStart(y1, unsigned(m1));
  t.end = MonthEnd(y2, unsigned(m2));
  return true;
}

std::optional<Date> TimeRecognizer::Impl::EventStart(std::string_view text, std::optional<Date> P,
                                                     std::size_t start, bool then,
                                                     const std::vector<std::string>& words) const {
  if (!P) return std::nullopt;
  // The earlier times, read again from a word start within the look-back.
  std::size_t from = start > kEventLookBack ? start - kEventLookBack : 0;
  while (from > 0 && from < start && text[from - 1] != ' ' && text[from - 1] != '\n') ++from;
  std::vector<TimeExpression> before;
  std::size_t complete_to = from;
  Scan(text, P, from, start, complete_to, before, false);
  auto dates_event = [&](const TimeExpression& e) {
    return e.start && e.span.end <= start && sys_days{*e.start} <= sys_days{*P} && !e.record_frame &&
           (e.scope == TimeScopeKind::kPeriod || e.scope == TimeScopeKind::kPoint ||
            e.scope == TimeScopeKind::kRunningTotal);
  };
  for (std::size_t k = before.size(); k-- > 0;) {
    if (!dates_event(before[k])) continue;
    if (then) return before[k].start;
    // The clause before this time, not past the time before it ("an
    // earthquake that struck on Sunday rose to 312 on Tuesday": Sunday).
    const std::size_t lo = k > 0 ? std::min(before[k - 1].span.end, before[k].span.start) : 0;
    std::vector<std::string> context = WordsBefore(text.substr(lo), before[k].span.start - lo, kEventContextWords);
    // "the February 1 coup", "the Aug. 14 quake": the noun the date modifies.
    std::vector<std::string> noun;
    std::vector<std::size_t> ends;
    WordsAfter(text.substr(0, start), before[k].span.end, kEventNounWords, noun, ends);
    context.insert(context.end(), noun.begin(), noun.end());
    for (const std::string& c : context) {
      for (const std::string& w : words) {
        if (!event_starts.count(w) && SameEventWord(w, c)) return before[k].start;
      }
    }
  }
  if (then) return std::nullopt;
  for (std::size_t k = before.size(); k-- > 0;) {
    if (dates_event(before[k]) && before[k].rule == "time.since_event") return before[k].start;
  }
  for (std::size_t k = before.size(); k-- > 0;) {
    if (!dates_event(before[k])) continue;
    for (const std::string& c : WordsBefore(text, before[k].span.start, kRecordFrameWords)) {
      if (event_starts.count(c)) return before[k].start;
    }
  }
  return std::nullopt;
}

bool TimeRecognizer::Impl::MonthsOfYear(const Groups& m, const std::string& rel, std::optional<Date> P,
                                        TimeExpression& t) const {
  const std::string_view a = Group(m, "a_mon3"), b = Group(m, "b_mon3");
  if (a.empty() || b.empty() || !Group(m, "a_mrel").empty() || !Group(m, "b_mrel").empty() ||
      !Group(m, "a_year2").empty() || !Group(m, "b_year2").empty()) {
    return false;
  }
  if (!P) return true;
  const int y = YearOf(*P) + (rel == "last" ? -1 : rel == "next" ? 1 : 0);
  const int m1 = MonthNumber(a), m2 = MonthNumber(b);
  if (m1 == 0 || m2 == 0 || m1 > m2) return false;
  t.start = MonthStart(y, unsigned(m1));
  t.end = MonthEnd(y, unsigned(m2));
  return true;
}

TimeRecognizer::TimeRecognizer() : impl_(std::make_unique<Impl>()) {}
TimeRecognizer::~TimeRecognizer() = default;

std::vector<TimeExpression> TimeRecognizer::Find(std::string_view text,
                                                 std::optional<Date> published) const {
  return Find(text, published, {Span{0, text.size()}});
}

std::vector<TimeExpression> TimeRecognizer::Find(std::string_view text, std::optional<Date> published,
                                                 const std::vector<Span>& ranges) const {
  std::vector<TimeExpression> out;
  std::size_t pos = 0;          // everything before pos has been scanned or skipped
  std::size_t complete_to = 0;  // everything before this has been scanned
  for (const Span& range : ranges) {
    const std::size_t from = std::max(pos, range.start);
    if (from >= range.end || from >= text.size()) continue;
    pos = impl_->Scan(text, published, from, std::min(range.end, text.size()), complete_to, out);
    if (complete_to >= from) complete_to = pos;
  }
  if (!published) {
    for (TimeExpression& t : out) t.start = t.end = t.period_end = std::nullopt;
  }
  return out;
}

std::size_t TimeRecognizer::Impl::Scan(std::string_view text, std::optional<Date> published,
                                       std::size_t from, std::size_t to, std::size_t& complete_to,
                                       std::vector<TimeExpression>& out, bool events) const {
  const Impl& im = *this;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece whole;
  Groups m;
  std::size_t pos = from;
  const std::optional<Date> P = published;
  // Matches must start before `to`; the search may read a little past it so
  // an expression that starts in the range is read whole (they are short).
  const std::size_t search_end = std::min(text.size(), to + kRangeSlack);
  while (pos < to && im.re->Match(input, pos, search_end, RE2::UNANCHORED, &whole, 1)) {
    const std::size_t start = static_cast<std::size_t>(whole.data() - text.data());
    if (start >= to) break;
    std::size_t end = start + whole.size();
    pos = end > start ? end : start + 1;
    // The groups: the first alternative that matches exactly [start, end) is
    // the one the whole grammar chose (leftmost-first tries them in order, and
    // an earlier one matching here at all would have won), with the same
    // preferred submatches. One byte either side keeps \b's context.
    {
      const std::size_t from = start > 0 ? start - 1 : 0;
      const std::size_t to = std::min(text.size(), end + 1);
      // Key: whether each neighbour byte exists, then the window's bytes.
      std::string key;
      key.reserve(to - from + 1);
      key.push_back(static_cast<char>('0' + (from < start) * 1 + (to > end) * 2));
      key.append(text.data() + from, to - from);
      thread_local std::unordered_map<std::string, CachedGroups> cache;
      auto hit = cache.find(key);
      if (hit != cache.end()) {
        const CachedGroups& c = hit->second;
        m.alt = c.alt;
        m.m.resize(c.offsets.size());
        for (std::size_t i = 0; i < c.offsets.size(); ++i) {
          m.m[i] = c.offsets[i].first < 0 ? re2::StringPiece()
                                          : re2::StringPiece(text.data() + start + c.offsets[i].first,
                                                             static_cast<std::size_t>(c.offsets[i].second));
        }
      } else {
        re2::StringPiece window(text.data() + from, to - from);
        m.alt = -1;
        // Each alternative but `single` opens with a fixed word: skip those
        // whose word is not the match's first word (a necessary condition).
        std::size_t w = start;
        while (w < end && std::isalpha(static_cast<unsigned char>(text[w]))) ++w;
        const std::string first = LowerAscii(text.substr(start, w - start));
        const bool in_over_during = first == "in" || first == "over" || first == "during";
        const bool may[kAltCount] = {
            /* rel */ in_over_during || first == "the" || first == "within" || first == "for" ||
                first == "throughout" || first == "across",
            /* recent */ in_over_during,
            /* same */ in_over_during || first == "the" || first == "on" || first == "at",
            /* anaphor */ first == "in" || first == "for",
            /* range */ first == "between" || first == "from",
            /* pair */ in_over_during || first == "for" || first == "throughout" || first == "on" || first == "the",
            /* year_back */ first == "a" || first == "the",
            /* single */ true,
            /* event */ first == "since",
            /* span */ first == "in",
            /* year_event */ first == "the" || first == "its" || first == "their" || first == "a" || first == "an",
            /* hours_to */ in_over_during,
            /* elapsed */ in_over_during || first == "for"};
        for (int a = 0; a < kAltCount && m.alt < 0; ++a) {
          if (!may[a]) continue;
          const RE2& r = *im.alt_re[a];
          m.m.assign(static_cast<std::size_t>(r.NumberOfCapturingGroups() + 1), re2::StringPiece());
          if (r.Match(window, start - from, end - from, RE2::ANCHOR_BOTH, m.m.data(), static_cast<int>(m.m.size())))
            m.alt = a;
        }
        if (cache.size() >= kGroupCacheEntries) cache.clear();
        CachedGroups c;
        c.alt = m.alt;
        for (const re2::StringPiece& p : m.m) {
          c.offsets.emplace_back(p.data() == nullptr ? -1 : static_cast<int>(p.data() - (text.data() + start)),
                                 static_cast<int>(p.size()));
        }
        cache.emplace(std::move(key), std::move(c));
      }
      if (m.alt < 0) continue;  // cannot happen: the scan matched one of them here
    }
    // Trim trailing whitespace a connector may have left.
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
    TimeExpression t;
    t.span = Span{start, end};
    auto g = [&](std::string_view name) { return im.Group(m, name); };

    if (!g("rel").empty()) {
      std::string dir = LowerAscii(g("reldir"));
      std::string unit = im.unit_of.count(LowerAscii(g("relunit"))) ? im.unit_of.at(LowerAscii(g("relunit"))) : "";
      if (unit.empty()) continue;
      if (!g("relofmon").empty() || !g("relofy").empty() || !g("relofrel").empty()) {
        if (!im.EndOfPeriod(m, dir, unit, P, t)) continue;
        out.push_back(t);
        continue;
      }
      // "the last week of the war" is not relative to P.
      std::string_view rest = text.substr(end, 4);
      if (rest == " of " || rest == "\nof ") continue;
      if (dir == "final") continue;
      // "the previous year" is relative to another time, not to P: the
      // calendar year before a whole year named just before ("370,000
      // Haitians in 2025, up from 276,000 the previous year"); left alone
      // after anything else.
      if (dir == "previous" && g("relnum").empty()) {
        if (unit != "year" || !YearBefore(out, start, false, t)) continue;
        out.push_back(t);
        continue;
      }
      int count = g("relnum").empty() ? 1 : im.ParseCount(g("relnum"));
      bool forward = dir == "next" || dir == "coming";
      t.rule = forward ? "time.next_n_units" : "time.past_n_units";
      t.scope = forward ? TimeScopeKind::kForward : TimeScopeKind::kPeriod;
      // "rose in 2022 ... compared with fewer than 20 in the previous five
      // years": the calendar years before the year just named.
      const TimeExpression* ref =
          dir == "previous" && unit == "year" && !out.empty() && out.back().start &&
                  start - out.back().span.end <= kPreviousReach
              ? &out.back()
              : nullptr;
      if (count <= 0) {
        t.scope = forward ? TimeScopeKind::kForward : TimeScopeKind::kVague;
      } else if (ref) {
        const int y = YearOf(*ref->start);
        t.start = Ymd(y - count, 1, 1);
        t.end = Ymd(y - 1, 12, 31);
      } else if (P) {
        const Date other = ShiftUnits(*P, unit, forward ? count : -count);
        t.start = forward ? *P : other;
        t.end = forward ? other : *P;
      }
      out.push_back(t);
      continue;
    }
    if (!g("recent").empty()) {
      t.rule = "time.recent";
      t.scope = LowerAscii(g("recdir")) == "recent" ? TimeScopeKind::kVague : TimeScopeKind::kForward;
      out.push_back(t);
      continue;
    }
    if (!g("event").empty()) {
      // "since then", "since the invasion began": the event's date named
      // earlier. Not a record's frame ("the largest protest since the
      // country's return to democracy"), not a clause that dates itself
      // ("since the war escalated in 2015": the single form reads that).
      if (!events || im.RecordFrame(WordsBefore(text, start, kEventFrameWords), 0, kEventFrameWords)) continue;
      const bool then = !g("evthen").empty();
      std::vector<std::string> words;
      if (!then) {
        std::vector<std::size_t> ends;
        WordsAfter(text, end, kSinceClauseWords + 1, words, ends);
        if (words.empty()) continue;
        re2::StringPiece ahead;
        if (im.re->Match(input, end, std::min(text.size(), ends.back() + kRangeSlack), RE2::UNANCHORED,
                         &ahead, 1) &&
            static_cast<std::size_t>(ahead.data() - text.data()) < ends.back()) {
          pos = start + 5;  // read "the ..." again: "since the 2021 coup"
          continue;
        }
        if (words.size() > static_cast<std::size_t>(kEventPhraseWords)) {
          words.resize(kEventPhraseWords);
          ends.resize(kEventPhraseWords);
        }
        // The span: up to the start verb ("since the unrest began"), else the
        // event's first word ("since the quake").
        t.span.end = ends[0];
        for (std::size_t k = 0; k < words.size(); ++k) {
          if (!im.event_starts.count(words[k])) continue;
          t.span.end = ends[k];
          break;
        }
        pos = t.span.end;
      }
      t.rule = "time.since_event";
      t.scope = TimeScopeKind::kRunningTotal;
      t.start = im.EventStart(text, P, start, then, words);
      if (t.start) t.end = P;
      out.push_back(t);
      continue;
    }
    if (!g("hto").empty()) {
      const int hours = im.ParseCount(g("hton"));
      if (hours <= 0) continue;
      t.rule = "time.hours_to";
      if (P) {
        const std::string_view wd = g("htowd").empty() ? g("htowd2") : g("htowd");
        t.end = wd.empty() ? *P : LatestWeekday(*P, im.weekday_of.at(LowerAscii(wd)));
        t.start = AddDays(*t.end, -std::max(1, (hours + 23) / 24));
      }
      out.push_back(t);
      continue;
    }
    if (!g("yev").empty()) {
      // "The 1999 earthquake killed": that year. After "since", a running
      // total from it, unless a record's frame ("the highest level since the
      // 2017 exodus").
      // The noun may follow one adjective ("a 2022 financial crisis"), or
      // be that word itself ("the 1999 earthquake killed").
      if (!im.event_nouns.count(LowerAscii(g("yevn"))) && !im.event_nouns.count(LowerAscii(g("yeva")))) continue;
      const std::string_view y = g("yevy");
      const int year = std::atoi(std::string(y).c_str());
      t.span = Span{static_cast<std::size_t>(y.data() - text.data()),
                    static_cast<std::size_t>(y.data() - text.data()) + y.size()};
      t.rule = "time.year_event";
      t.start = Ymd(year, 1, 1);
      t.end = Ymd(year, 12, 31);
      const std::vector<std::string> words = WordsBefore(text, start, kSinceClauseWords + 1 + kEventFrameWords);
      for (std::size_t k = 0; k < words.size() && k <= static_cast<std::size_t>(kSinceClauseWords); ++k) {
        if (words[k] != "since") continue;
        if (im.RecordFrame(words, k + 1, kEventFrameWords)) t.start.reset();
        t.end = P;
        t.scope = TimeScopeKind::kRunningTotal;
        break;
      }
      if (!t.start) continue;
      if (!P) t.start = t.end = std::nullopt;
      out.push_back(t);
      continue;
    }
    if (!g("yback").empty()) {
      // "the year before the uprising began" names a year by an event.
      std::vector<std::string> next;
      std::vector<std::size_t> next_ends;
      WordsAfter(text, end, 1, next, next_ends);
      if (!next.empty() && (next[0] == "the" || next[0] == "a" || next[0] == "an" || next[0] == "its" ||
                            next[0] == "their" || next[0] == "his" || next[0] == "her")) {
        continue;
      }
      if (!YearBefore(out, start, true, t)) continue;
      out.push_back(t);
      continue;
    }
    if (!g("elapsed").empty()) {
      // "in the three weeks since the ceasefire took effect on Jan. 19":
      // the since clause's own date is the start (read as a since clause).
      if (im.DateInClauseAfter(text, end)) continue;
      const std::string unit = im.unit_of.count(LowerAscii(g("elu"))) ? im.unit_of.at(LowerAscii(g("elu"))) : "";
      const int count = im.ParseCount(g("eln"));
      if (unit.empty() || count <= 0) continue;
      t.rule = "time.past_n_units";
      t.scope = TimeScopeKind::kPeriod;
      if (P) {
        t.end = P;
        t.start = ShiftUnits(*P, unit, -count);
      }
      out.push_back(t);
      continue;
    }
    if (!g("span").empty()) {
      if (!ChangeByBefore(text, start)) continue;
      const std::string unit = im.unit_of.count(LowerAscii(g("spunit"))) ? im.unit_of.at(LowerAscii(g("spunit"))) : "";
      const int count = im.ParseCount(g("spnum"));
      if (unit.empty() || count <= 0) continue;
      t.rule = "time.change_span";
      if (P) {
        t.end = P;
        t.start = ShiftUnits(*P, unit, -count);
      }
      out.push_back(t);
      continue;
    }
    if (!g("same").empty()) {
      const std::string unit = LowerAscii(g("sameunit"));
      std::string same_prep = LowerAscii(g("sameprep"));
      const bool moved = !g("samey").empty() || !g("samelast").empty();
      if (same_prep.empty() && !moved) continue;
      // "over that period" is "over the same period"; "that day" or "that
      // month" may be a clause's ("said that day").
      if (!g("samethat").empty() && (same_prep.empty() || unit != "period")) continue;
      // "at the same point (time) last year": the latest period moved to
      // that year; without a year it is a discourse word ("At the same
      // time, ...").
      const bool point = unit == "point" || unit == "time";
      if (point != (same_prep == "at") || (point && !moved)) continue;
      // "held on the same day as national elections": a comparison, no day named.
      if (unit == "day" && text.substr(end, 4) == " as ") continue;
      // Without "in": what a figure is compared with ("a 40 percent increase
      // on the same period of 2022", "from the same period of 2020"); so is
      // one moved to another year after "over" ("an increase of 160% over
      // the same period last year"), unlike a plain "over the same period".
      // "on" dates only "the same day"; "a 40 percent increase on the same
      // period of 2022" is a baseline, read as without it.
      if (same_prep == "on" && unit != "day") {
        std::size_t the = static_cast<std::size_t>(g("sameprep").data() - text.data()) + 2;
        while (the < end && std::isspace(static_cast<unsigned char>(text[the]))) ++the;
        t.span.start = the;
        same_prep.clear();
      }
      t.record_frame = same_prep.empty() || (same_prep == "over" && moved);
      t.rule = "time.same_period";
      ReadGapBefore(text, published, from, complete_to, out);
      const int k = unit == "period" || unit == "months" || unit == "point" || unit == "time" ? LatestPeriod(out)
                    : unit == "day"  ? LatestDay(out, P)
                                     : LatestWholeMonths(text, out, unit == "quarter");
      if (k >= 0) {
        const TimeExpression& o = out[static_cast<std::size_t>(k)];
        t.start = o.start;
        t.end = o.end;
        t.scope = o.scope;
        if (t.end && (!g("samey").empty() || (!g("samelast").empty() && P))) {
          const int y = g("samey").empty() ? YearOf(*P) - 1 : std::atoi(std::string(g("samey")).c_str());
          const int shift = y - YearOf(*t.end);
          if (t.start) t.start = AddYears(*t.start, shift);
          t.end = AddYears(*t.end, shift);
        }
      } else {
        t.scope = TimeScopeKind::kVague;
      }
      out.push_back(t);
      continue;
    }
    if (!g("anaphor").empty()) {
      // "later in the month" is a part of the current one; "in the month of
      // May" names its month.
      const std::vector<std::string> before = WordsBefore(text, start, 1);
      if (!before.empty() && (before[0] == "earlier" || before[0] == "later" || before[0] == "early" ||
                              before[0] == "late")) {
        continue;
      }
      if (text.substr(end, 3) == " of") continue;
      t.rule = "time.same_period";
      ReadGapBefore(text, published, from, complete_to, out);
      if (const int k = LatestWholeMonths(text, out, LowerAscii(g("anunit")) == "quarter"); k >= 0) {
        t.start = out[static_cast<std::size_t>(k)].start;
        t.end = out[static_cast<std::size_t>(k)].end;
      }
      if (!t.start) t.scope = TimeScopeKind::kVague;
      out.push_back(t);
      continue;
    }
    if (!g("range").empty() && !g("rbday").empty()) {
      // "between May 10 and 14", "from December 1 to 31": days of one month.
      if (g("a_day").empty() && g("a_day2").empty()) continue;
      auto a = im.Anchor(m, "a_", P, false, true, false, std::nullopt);
      if (!a) continue;
      t.rule = "time.range";
      t.scope = TimeScopeKind::kPeriod;
      if (a->a) {
        const Date first = *a->a;
        const unsigned last = static_cast<unsigned>(std::atoi(std::string(g("rbday")).c_str()));
        const Date end{first.year(), first.month(), date::day{last}};
        if (!end.ok() || sys_days{end} <= sys_days{first}) continue;
        t.start = first;
        t.end = end;
      }
      out.push_back(t);
      continue;
    }
    if (!g("range").empty()) {
      auto b = im.Anchor(m, "b_", P, false, true, false, std::nullopt);
      if (!b) continue;
      // "from July until the end of the year": the second's last day.
      if (!g("rend").empty()) b->a = b->b;
      auto a = im.Anchor(m, "a_", P, false, true, false, b->a ? b->a : P);
      if (!a) continue;
      t.rule = "time.range";
      t.scope = TimeScopeKind::kPeriod;
      t.start = a->a;
      t.end = b->b;
      // "Between January and March" written in February: the range under
      // way, not last year's. Months and dates without a year only, and
      // not after a year named earlier in the sentence ("In 2023, ... cuts
      // between October and December") nor before "was|were" ("rainfall
      // between October and April was 60% below average": a past season).
      if (P && t.start && t.end && sys_days{*t.end} < sys_days{*P} && im.UndatedMonths(m, "a_") &&
          im.UndatedMonths(m, "b_") && sys_days{AddYears(*t.start, 1)} <= sys_days{*P} &&
          !YearEarlierInSentence(text, out, start) && !PastCopulaAfter(text, end)) {
        t.start = AddYears(*t.start, 1);
        t.end = AddYears(*t.end, 1);
      }
      if (!g("ryrel").empty()) {
        // "between May and November last year": both months in that year.
        if (!im.MonthsOfYear(m, LowerAscii(g("ryrel")), P, t)) continue;
      }
      if (P && t.start && sys_days{*t.start} > sys_days{*P}) t.scope = TimeScopeKind::kForward;
      out.push_back(t);
      continue;
    }
    if (!g("pair").empty()) {
      if (!im.Pair(m, P, t)) continue;
      t.rule = "time.range";
      t.scope = TimeScopeKind::kPeriod;
      if (P && t.start && sys_days{*t.start} > sys_days{*P}) t.scope = TimeScopeKind::kForward;
      out.push_back(t);
      continue;
    }
    // Single: [OP] ANCHOR. A possessive ("Monday's earthquake") dates a
    // noun, not the sentence, unless the figure is in that event ("took
    // part in Sunday's march", "won 40% in last week's election"). A last
    // or current period's ("last year's 2.4 million") is kept, marked: the
    // claim stage lets it date only the noun it owns.
    std::string op_text = Norm(g("op"));
    const bool possessive = text.substr(end, 2) == "'s" || text.substr(end, 4) == "\xE2\x80\x99s";
    const std::string cal_rel = LowerAscii(g("c_cal"));
    const bool period_possessive =
        possessive && (op_text.empty() || op_text == "of") && (cal_rel == "last" || cal_rel == "this");
    if (possessive && op_text != "in" && op_text != "during" && !period_possessive) continue;
    t.possessive = period_possessive;
    if (period_possessive && !op_text.empty()) {  // "14 of this year's victims": "of" is the share's
      std::size_t anchor_start = start + op_text.size();
      while (anchor_start < end && (text[anchor_start] == ' ' || text[anchor_start] == '\n')) ++anchor_start;
      t.span.start = anchor_start;
      op_text.clear();
    }
    bool has_op = !op_text.empty();
    Op op = Op::kIn;
    if (has_op) {
      auto it = im.op_of.find(op_text);
      if (it == im.op_of.end()) {
        // "mid-" may be written without its hyphen, or with a space: normalize.
        continue;
      }
      op = it->second;
    }
    // "from Monday", "from February 1": a change takes effect that day, open
    // end. Coarser anchors after "from" are a baseline ("down 1.6 percent
    // from September") and read as without it ("from September 2019").
    if (op == Op::kFrom) {
      const bool day = !g("c_wd").empty() || !g("c_day").empty() || !g("c_day2").empty();
      if (!day) {
        std::size_t anchor_start = start + 4;
        while (anchor_start < end && (text[anchor_start] == ' ' || text[anchor_start] == '\n')) ++anchor_start;
        t.span.start = anchor_start;
        has_op = false;
        op = Op::kIn;
      }
    }
    // "on Christmas Island": a holiday's name in a proper name.
    if (!g("c_hol").empty() && end + 1 < text.size() && text[end] == ' ' &&
        std::isupper(static_cast<unsigned char>(text[end + 1]))) {
      continue;
    }
    if (im.NotAScope(text, start, end, has_op, events && (!g("c_day").empty() || !g("c_day2").empty()),
                     Norm(g("c_dw")) == "overnight")) {
      continue;
    }
    // "those of 2010, when 1,700 died": "of" dates only with a year.
    if (op_text == "of" && (g("c_year3").empty() && g("c_year2").empty())) continue;
    bool nearest = op == Op::kBy;
    const bool year_subject = !has_op && !g("c_year3").empty() && im.YearSubjectAfter(text, end);
    // "June alone saw 2,993 victims": a bare month or year before "alone".
    const bool alone = !has_op && (!g("c_mon3").empty() || !g("c_year3").empty()) && PhraseAfter(text, end, " alone");
    auto a = im.Anchor(m, "c_", P, true, has_op || year_subject || alone, nearest, std::nullopt);
    // "earlier this month" counts from the period's start; before another
    // anchor "earlier" ends a baseline ("rose 9 percent from a year earlier
    // last week", "said earlier Monday"): the anchor alone.
    if (a && (op == Op::kEarlier || op == Op::kLater) && !a->current) {
      std::size_t anchor_start = start + op_text.size();
      while (anchor_start < end && (text[anchor_start] == ' ' || text[anchor_start] == '\n')) ++anchor_start;
      t.span.start = anchor_start;
      has_op = false;
      op = Op::kIn;
      a = im.Anchor(m, "c_", P, true, has_op, nearest, std::nullopt);
    }
    if (!a) {
      // The operator may have eaten a word that was not one (e.g. "for May"
      // is fine, but a bare month without operator is not a time): skip.
      continue;
    }
    // "the year", "the month" only after end/start-of operators.
    const std::string& cal = cal_rel;
    if (cal == "the" && !(op == Op::kBy || op == Op::kAtEnd || op == Op::kAtStart ||
                          op == Op::kSinceEnd || op == Op::kSince || op_text == "over" ||
                          op_text == "during" || op_text == "in the middle of")) {
      continue;
    }
    t.rule = "time.anchor";
    t.scope = TimeScopeKind::kPeriod;
    // "since Russia launched its invasion on 24 February": the event's date
    // starts a running total.
    // "since the M23 resumed its offensive at the end of 2021": from that day.
    const bool since_clause = im.SinceClauseBefore(text, start);
    t.record_frame = op_text != "since" && im.SinceClauseBefore(text, start, true);
    // "since August 2019, when 26 people died": a ", when" clause about
    // the anchor itself takes that time alone.
    if (since_clause || op_text == "since") t.event_end = a->b;
    if (op == Op::kIn && since_clause) op = Op::kSince;
    // "The insurgency, which began in October 2017, has killed": from then.
    if (op == Op::kIn && im.BeganBefore(text, start)) {
      op = Op::kSince;
      t.event_began = true;
      t.event_end = a->b;
    }
    if ((op == Op::kAtEnd || op == Op::kAtStart) && since_clause && a->b) {
      *a = Interval{op == Op::kAtEnd ? a->b : a->a, a->b, false};
      op = Op::kSince;
    }
    switch (op) {
      case Op::kIn:
        t.start = a->a;
        t.end = a->b;
        if (a->current && P) {
          t.end = *P;
          t.period_end = a->b;
        }
        // "1,300 arrivals in March so far": the period that holds P, to P.
        if (P && a->a && a->b && sys_days{*a->a} <= sys_days{*P} && sys_days{*P} <= sys_days{*a->b} &&
            PhraseAfter(text, end, " so far")) {
          t.end = *P;
          t.period_end = a->b;
          t.span.end = end + 7;
          t.scope = TimeScopeKind::kRunningTotal;
          t.rule = "time.so_far";
        }
        if (P && t.start && sys_days{*t.start} > sys_days{*P}) t.scope = TimeScopeKind::kForward;
        break;
      case Op::kSince:
      case Op::kSoFar:
        t.record_frame = t.record_frame || (op_text == "since" && im.RecordFrameBefore(text, start));
        t.start = a->a;
        t.end = P;
        t.scope = TimeScopeKind::kRunningTotal;
        t.rule = op == Op::kSoFar ? "time.so_far" : op_text == "since" ? "time.since" : "time.since_event";
        break;
      case Op::kSinceEnd:
        t.start = a->b;
        t.end = P;
        t.scope = TimeScopeKind::kRunningTotal;
        t.rule = "time.since";
        break;
      case Op::kBy:
        // "had raised more than £18,000 by Monday evening", "by Saturday":
        // a total reached by then, open at the start (readers of 23 tuning
        // sets: 60 such days open against 3 read as that day alone).
        t.end = a->b;
        t.scope = (P && a->b && sys_days{*a->b} > sys_days{*P}) ? TimeScopeKind::kForward
                                                               : TimeScopeKind::kRunningTotal;
        t.rule = "time.by";
        break;
      case Op::kAsOf:
        t.start = t.end = a->a && a->a == a->b ? a->a : a->b;
        t.scope = TimeScopeKind::kPoint;
        t.rule = "time.as_of";
        break;
      case Op::kAtEnd:
        t.start = t.end = a->b;
        t.scope = TimeScopeKind::kPoint;
        t.rule = "time.at_end";
        break;
      case Op::kAtStart:
        t.start = t.end = a->a;
        t.scope = TimeScopeKind::kPoint;
        t.rule = "time.at_start";
        break;
      case Op::kEarlier:
        if (!a->current) continue;
        t.start = a->a;
        t.end = P;
        t.rule = "time.earlier";
        break;
      case Op::kLater:
        if (!a->current) continue;
        t.start = P;
        t.end = a->b;
        t.scope = TimeScopeKind::kForward;
        t.rule = "time.later";
        break;
      case Op::kFrom:
        t.start = a->a;
        t.rule = "time.from";
        if (P && t.start && sys_days{*t.start} > sys_days{*P}) t.scope = TimeScopeKind::kForward;
        break;
      case Op::kRange:
        break;
    }
    if (!g("c_fullyr").empty()) t.rule = "time.full_year";
    if (year_subject) t.rule = "time.year_subject";
    if (!P) t.start = t.end = t.period_end = std::nullopt;
    out.push_back(t);
  }
  return std::max(pos, to);
}

}  // namespace claimex

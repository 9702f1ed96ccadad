// TimeRecognizer: every supported form with its resolution (the table of
// docs/time-expressions.md), near-misses that must find nothing, and the
// no-publication-date case.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/time/time_recognizer.h"

using namespace claimex;

namespace {

struct Case {
  const char* text;       // sentence
  const char* published;  // P
  const char* expr;       // the expression expected inside text
  const char* start;      // "" = null
  const char* end;
};

// One value, many surface forms, grouped by rule.
const Case kCases[] = {
    // since
    {"has displaced 388,000 civilians since December, the UN says.", "2020-01-29", "since December", "2019-12-01", "2020-01-29"},
    {"captured 12 towns since December.", "2024-01-09", "since December", "2023-12-01", "2024-01-09"},
    {"27 towns since January 24.", "2020-01-29", "since January 24", "2020-01-24", "2020-01-29"},
    {"evacuated since August 14, over", "2021-08-30", "since August 14", "2021-08-14", "2021-08-30"},
    {"fled their homes since Thursday, some", "2022-02-25", "since Thursday", "2022-02-24", "2022-02-25"},
    {"burned since Friday and", "2019-08-12", "since Friday", "2019-08-09", "2019-08-12"},
    {"installed since 2015, the", "2024-05-02", "since 2015", "2015-01-01", "2024-05-02"},
    {"pledged since March, the", "2021-07-22", "since March", "2021-03-01", "2021-07-22"},
    {"Since January 24, the port", "2022-03-09", "Since January 24", "2022-01-24", "2022-03-09"},
    {"since last year", "2022-03-09", "since last year", "2021-01-01", "2022-03-09"},
    {"since March 2011", "2020-03-09", "since March 2011", "2011-03-01", "2020-03-09"},
    {"since the start of the year", "2020-05-14", "since the start of the year", "2020-01-01", "2020-05-14"},
    // relative durations
    {"moved in the last two days, said", "2020-01-29", "in the last two days", "2020-01-27", "2020-01-29"},
    {"killed in the past ten days", "2019-07-25", "in the past ten days", "2019-07-15", "2019-07-25"},
    {"17 of them over the past 24 hours", "2019-03-20", "over the past 24 hours", "2019-03-19", "2019-03-20"},
    {"infected in the last week", "2020-03-10", "in the last week", "2020-03-03", "2020-03-10"},
    {"in the past 48 hours", "2020-03-10", "in the past 48 hours", "2020-03-08", "2020-03-10"},
    {"over the past three months", "2020-05-31", "over the past three months", "2020-02-29", "2020-05-31"},
    {"during the past year", "2020-05-31", "during the past year", "2019-05-31", "2020-05-31"},
    {"in the past twenty-four hours", "2020-05-31", "in the past twenty-four hours", "2020-05-30", "2020-05-31"},
    {"in the past few days", "2020-05-31", "in the past few days", "", ""},
    {"in recent weeks", "2020-01-29", "in recent weeks", "", ""},
    {"over the next five years", "2022-03-30", "over the next five years", "2022-03-30", "2027-03-30"},
    // calendar-relative
    {"filed last week, including", "2024-04-10", "last week", "2024-04-01", "2024-04-07"},
    {"claims last week, the", "2021-11-03", "last week", "2021-10-25", "2021-10-31"},
    {"rose by 531,000 last month", "2021-11-03", "last month", "2021-10-01", "2021-10-31"},
    {"last year", "2021-11-03", "last year", "2020-01-01", "2020-12-31"},
    {"So far this year 41,000", "2023-04-18", "So far this year", "2023-01-01", "2023-04-18"},
    {"arrivals so far this year to", "2020-05-14", "so far this year", "2020-01-01", "2020-05-14"},
    {"will reach 8 billion tonnes this year", "2021-12-17", "this year", "2021-01-01", "2021-12-17"},
    {"narrow to 2.1% of GDP next year", "2022-12-14", "next year", "2023-01-01", "2023-12-31"},
    {"earlier this month", "2022-12-14", "earlier this month", "2022-12-01", "2022-12-14"},
    {"over the weekend", "2022-12-14", "over the weekend", "2022-12-10", "2022-12-11"},
    {"died yesterday", "2022-12-14", "yesterday", "2022-12-13", "2022-12-13"},
    // a calendar span's place in a month, year or week
    {"in the first week of July", "2025-07-23", "in the first week of July", "2025-07-01", "2025-07-07"},
    {"in the second week of May", "2024-06-02", "in the second week of May", "2024-05-08", "2024-05-14"},
    {"in the last week of September alone", "2022-10-05", "in the last week of September", "2022-09-24", "2022-09-30"},
    {"in the last three months of 2022", "2023-03-21", "in the last three months of 2022", "2022-10-01", "2022-12-31"},
    {"the final ten days of May", "2024-06-20", "the final ten days of May", "2024-05-22", "2024-05-31"},
    {"the last four months of this year", "2021-11-02", "the last four months of this year", "2021-09-01", "2021-12-31"},
    {"on Wednesday last week", "2024-04-10", "on Wednesday last week", "2024-04-03", "2024-04-03"},
    {"on Friday of next week", "2024-04-10", "on Friday of next week", "2024-04-19", "2024-04-19"},
    {"for 2026-2027", "2025-05-20", "for 2026-2027", "2026-01-01", "2027-12-31"},
    {"in 2015-16", "2017-03-20", "in 2015-16", "2015-01-01", "2016-12-31"},
    {"in 2022/23", "2023-09-12", "in 2022/23", "2022-01-01", "2023-12-31"},
    {"for much of last year", "2024-01-18", "for much of last year", "2023-01-01", "2023-12-31"},
    {"on New Year's Eve", "2026-01-14", "on New Year's Eve", "2025-12-31", "2025-12-31"},
    {"since Christmas", "2021-01-20", "since Christmas", "2020-12-25", "2021-01-20"},
    {"Between January and March, the agency plans", "2026-02-06", "Between January and March", "2026-01-01", "2026-03-31"},
    {"between October and April was 60% below", "2025-11-18", "between October and April", "2024-10-01", "2025-04-30"},
    // days
    {"capsized off the island on Tuesday, the", "2023-02-08", "on Tuesday", "2023-02-07", "2023-02-07"},
    {"new infections on Wednesday, bringing", "2020-01-31", "on Wednesday", "2020-01-29", "2020-01-29"},
    {"to 5.25 percent on Wednesday.", "2023-05-04", "on Wednesday", "2023-05-03", "2023-05-03"},
    {"On Sunday Chicago recorded", "2024-01-16", "On Sunday", "2024-01-14", "2024-01-14"},
    {"recaptured a town Wednesday, in", "2020-01-29", "Wednesday", "2020-01-29", "2020-01-29"},
    {"late on Tuesday night", "2020-01-29", "late on Tuesday night", "2020-01-28", "2020-01-28"},
    {"last Friday", "2020-01-31", "last Friday", "2020-01-24", "2020-01-24"},
    {"on January 24", "2020-01-29", "on January 24", "2020-01-24", "2020-01-24"},
    {"on Jan. 31, 2020, after", "2020-02-03", "on Jan. 31, 2020", "2020-01-31", "2020-01-31"},
    {"By AFP - Jan 29,2020 - Last", "2020-01-29", "Jan 29,2020", "2020-01-29", "2020-01-29"},
    {"on 5 March 2019", "2020-01-29", "on 5 March 2019", "2019-03-05", "2019-03-05"},
    {"on Wednesday, January 29", "2020-02-05", "on Wednesday, January 29", "2020-01-29", "2020-01-29"},
    // months, years, periods
    {"rose 3-4% in May, and", "2023-06-01", "in May", "2023-05-01", "2023-05-31"},
    {"rose 6.5% in December from", "2023-01-12", "in December", "2022-12-01", "2022-12-31"},
    {"fell to 3.9% in February, while", "2024-03-08", "in February", "2024-02-01", "2024-02-29"},
    {"in January 2020", "2023-01-12", "in January 2020", "2020-01-01", "2020-01-31"},
    {"fled since January last year, the", "2022-07-28", "since January last year", "2021-01-01", "2022-07-28"},
    {"fell 4% in March this year.", "2022-07-28", "in March this year", "2022-03-01", "2022-03-31"},
    {"In the week to August 15 alone,", "2021-08-24", "In the week to August 15", "2021-08-09", "2021-08-15"},
    {"opened in the past fortnight.", "2021-08-24", "in the past fortnight", "2021-08-10", "2021-08-24"},
    {"from a year earlier last week, the", "2026-04-28", "last week", "2026-04-20", "2026-04-26"},
    {"fell in the 24 hours to 9 a.m. In", "2026-07-09", "in the 24 hours to 9 a.m", "2026-07-08", "2026-07-09"},
    {"fell in the 24 hours to 9 a.m. on Tuesday.", "2017-05-31", "in the 24 hours to 9 a.m. on Tuesday", "2017-05-29", "2017-05-30"},
    {"passengers in 2019 and", "2020-02-10", "in 2019", "2019-01-01", "2019-12-31"},
    {"In 2020, 20 schools", "2021-01-05", "In 2020", "2020-01-01", "2020-12-31"},
    {"shrank by 9.1% between April and June, after", "2020-08-14", "between April and June", "2020-04-01", "2020-06-30"},
    {"Between April and June, the", "2023-09-05", "Between April and June", "2023-04-01", "2023-06-30"},
    {"from 2015 to 2019", "2023-09-05", "from 2015 to 2019", "2015-01-01", "2019-12-31"},
    {"between November and February", "2023-03-05", "between November and February", "2022-11-01", "2023-02-28"},
    {"in the third quarter", "2023-11-05", "in the third quarter", "2023-07-01", "2023-09-30"},
    {"in the first half of 2019", "2023-11-05", "in the first half of 2019", "2019-01-01", "2019-06-30"},
    {"Exports rose 5% in the first five months of the year.", "2020-06-15", "in the first five months of the year", "2020-01-01", "2020-05-31"},
    {"in the 1970s", "2020-02-03", "in the 1970s", "1970-01-01", "1979-12-31"},
    {"in mid-January", "2020-02-03", "in mid-January", "2020-01-01", "2020-01-31"},
    // the year / N months to a month or day
    {"rose by 20% in the year to March, with", "2024-04-25", "in the year to March", "2023-04-01", "2024-03-31"},
    {"rose by 5% in the year to December 2022, to", "2023-04-27", "in the year to December 2022", "2022-01-01", "2022-12-31"},
    {"totalled 80 billion tonnes in the 12 months to August, according", "2024-09-24", "in the 12 months to August", "2023-09-01", "2024-08-31"},
    {"grew 5.6% over the three months to May.", "2024-07-16", "over the three months to May", "2024-03-01", "2024-05-31"},
    {"in the six months ending June 30", "2024-08-01", "in the six months ending June 30", "2024-01-01", "2024-06-30"},
    {"in the year to March 15", "2024-08-01", "in the year to March 15", "2023-03-16", "2024-03-15"},
    // in + a possessive time: the event the figure is part of
    {"took part in Sunday's march", "2019-06-17", "in Sunday", "2019-06-16", "2019-06-16"},
    {"won 40.2% of the vote in last week's election", "2024-06-03", "in last week", "2024-05-27", "2024-06-02"},
    // since + a short clause + a time: a running total from that time
    {"have fled since Russia launched its invasion on 24 February, the", "2022-03-08", "on 24 February", "2022-02-24", "2022-03-08"},
    {"died since the war escalated in 2015.", "2018-11-20", "in 2015", "2015-01-01", "2018-11-20"},
    // points and deadlines
    {"By the end of March, 2.1 million", "2024-05-02", "By the end of March", "", "2024-03-31"},
    {"by the end of January", "2020-01-29", "by the end of January", "", "2020-01-31"},
    {"by the end of June", "2024-05-02", "by the end of June", "", "2024-06-30"},
    {"displaced worldwide at the end of 2018.", "2019-06-19", "at the end of 2018", "2018-12-31", "2018-12-31"},
    {"as of February 5", "2020-02-10", "as of February 5", "2020-02-05", "2020-02-05"},
    {"by 2030", "2020-02-10", "by 2030", "", "2030-12-31"},
    // a past weekday after "by": that day (a level reached then)
    {"was 35 percent contained by Monday night, according", "2018-11-13", "by Monday night", "", "2018-11-12"},
    {"had contained 80% of the blaze by Tuesday morning.", "2025-06-10", "by Tuesday morning", "", "2025-06-10"},
    {"at the end of last year", "2020-02-10", "at the end of last year", "2019-12-31", "2019-12-31"},
};

std::string D(const std::optional<Date>& d) { return d ? FormatIsoDate(*d) : ""; }

}  // namespace

TEST_CASE("time forms resolve against the publication date") {
  TimeRecognizer times;
  int failures = 0;
  for (const Case& c : kCases) {
    std::string_view text = c.text;
    auto found = times.Find(text, ParseIsoDate(c.published));
    const TimeExpression* hit = nullptr;
    for (const auto& t : found) {
      if (t.span.of(text) == c.expr) hit = &t;
    }
    std::string got;
    for (const auto& t : found) got += "[" + std::string(t.span.of(text)) + " " + D(t.start) + ".." + D(t.end) + "] ";
    INFO(c.text << "  (P=" << c.published << ")  found: " << got);
    if (!hit || D(hit->start) != c.start || D(hit->end) != c.end) {
      ++failures;
      CHECK(std::string(c.expr) + " " + c.start + ".." + c.end == got);
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("near-misses are not time expressions") {
  TimeRecognizer times;
  const char* negatives[] = {
      "Prices may rise 5% and protesters march on.",
      "more than 120,000 people, over 5,000 of them",
      "It now costs 1,500 pounds, up from 450 pounds a year ago.",
      "between 100,000 and 120,000 civilians",
      "for the first time since a 2016 truce",
      "in the last week of the war",
      "in the final week",
      "The 2023-01-15 deadline",
      "intercepted on Christmas Island",
      "the 2019 figure was 300",
      "Today its streets are largely empty.",
      "up from the previous year",
      "The death toll from Monday's earthquake passed 15,000.",
  };
  for (const char* n : negatives) {
    std::string_view text = n;
    auto found = times.Find(text, ParseIsoDate("2020-01-29"));
    std::string got;
    for (const auto& t : found) got += "[" + std::string(t.span.of(text)) + "] ";
    INFO(text);
    CHECK(got == "");
  }
}

TEST_CASE("same period copies the previous expression") {
  TimeRecognizer times;
  std::string_view text = "Prices rose 3-4% in May, and rents climbed 5-7% over the same period.";
  auto found = times.Find(text, ParseIsoDate("2023-06-01"));
  REQUIRE(found.size() == 2);
  CHECK(found[1].span.of(text) == "over the same period");
  CHECK(FormatIsoDate(*found[1].start) == "2023-05-01");
  CHECK(FormatIsoDate(*found[1].end) == "2023-05-31");
}

TEST_CASE("this year keeps the end of the whole year for forecasts") {
  TimeRecognizer times;
  auto found = times.Find("demand will reach 8 billion tonnes this year", ParseIsoDate("2021-12-17"));
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].period_end);
  CHECK(FormatIsoDate(*found[0].period_end) == "2021-12-31");
}

TEST_CASE("a superlative before since marks a record frame") {
  TimeRecognizer times;
  auto frame = [&](std::string_view s) {
    auto f = times.Find(s, ParseIsoDate("2024-04-12"));
    REQUIRE(f.size() == 1);
    return f[0].record_frame;
  };
  CHECK(frame("at $91.09 a barrel, their highest since October"));
  CHECK(frame("the largest increase since 1993"));
  CHECK(!frame("has killed at least 226 people since May 10"));
  CHECK(!frame("has displaced 388,000 civilians since December"));
}

TEST_CASE("without a publication date the text is kept and bounds are null") {
  TimeRecognizer times;
  std::string_view text = "displaced 388,000 civilians since December";
  auto found = times.Find(text, std::nullopt);
  REQUIRE(found.size() == 1);
  CHECK(found[0].span.of(text) == "since December");
  CHECK(!found[0].start);
  CHECK(!found[0].end);
  CHECK(found[0].scope == TimeScopeKind::kRunningTotal);
}

TEST_CASE("scope kinds") {
  TimeRecognizer times;
  auto kind = [&](std::string_view s) {
    auto f = times.Find(s, ParseIsoDate("2020-01-29"));
    REQUIRE(f.size() == 1);
    return f[0].scope;
  };
  CHECK(kind("since December") == TimeScopeKind::kRunningTotal);
  CHECK(kind("so far this year") == TimeScopeKind::kRunningTotal);
  CHECK(kind("in the last two days") == TimeScopeKind::kPeriod);
  CHECK(kind("on Wednesday") == TimeScopeKind::kPeriod);
  CHECK(kind("at the end of 2018") == TimeScopeKind::kPoint);
  CHECK(kind("in recent weeks") == TimeScopeKind::kVague);
  CHECK(kind("next year") == TimeScopeKind::kForward);
}

TEST_CASE("searching only some ranges finds what a full search finds there") {
  TimeRecognizer times;
  std::string_view text =
      "Fighting began in January 2020. Nothing moved for weeks. Since December, 388,000 people "
      "have fled. Aid stalled last week. On Wednesday 40 trucks crossed, the UN said in March.";
  const auto P = ParseIsoDate("2020-03-20");
  auto all = times.Find(text, P);
  // The second and fourth sentences, as the pipeline passes figure sentences.
  const std::size_t s2 = text.find("Since"), e2 = text.find(" Aid");
  const std::size_t s4 = text.find("On Wednesday");
  auto some = times.Find(text, P, {Span{s2, e2}, Span{s4, text.size()}});
  std::vector<std::string> expect, got;
  for (const auto& t : all) {
    if ((t.span.start >= s2 && t.span.start < e2) || t.span.start >= s4) {
      expect.push_back(std::string(t.span.of(text)) + "=" + FormatIsoDate(*t.start));
    }
  }
  for (const auto& t : some) got.push_back(std::string(t.span.of(text)) + "=" + FormatIsoDate(*t.start));
  CHECK(expect.size() == 3);
  CHECK(got == expect);
}

TEST_CASE("the same period reaches back over text the ranges skipped") {
  TimeRecognizer times;
  std::string_view text =
      "Exports fell in May. Imports held steady. Over the same period, prices rose 4%.";
  const std::size_t s3 = text.find("Over");
  auto found = times.Find(text, ParseIsoDate("2023-06-01"), {Span{s3, text.size()}});
  REQUIRE(!found.empty());
  const TimeExpression& same = found.back();
  CHECK(same.span.of(text) == "Over the same period");
  REQUIRE(same.start);
  CHECK(FormatIsoDate(*same.start) == "2023-05-01");
  CHECK(FormatIsoDate(*same.end) == "2023-05-31");
}

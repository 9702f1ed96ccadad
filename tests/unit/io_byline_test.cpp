// Byline sniffing: each byline form, and near-misses that must not be taken
// as the publication date or source.
#include <catch2/catch.hpp>

#include "extractor/io/byline.h"

using namespace claimex;

namespace {
std::string DateOf(std::string_view text) {
  Byline b = SniffByline(text);
  return b.published ? FormatIsoDate(*b.published) : "none";
}
std::string SourceOf(std::string_view text) { return SniffByline(text).source; }
}  // namespace

TEST_CASE("byline forms give date and source") {
  CHECK(DateOf("Title\nBy AFP - Jan 29,2020 - Last updated at Jan 30,2020\nBody.") == "2020-01-29");
  CHECK(SourceOf("Title\nBy AFP - Jan 29,2020 - Last updated at Jan 30,2020\nBody.") == "AFP");
  CHECK(SourceOf("BEIRUT (Reuters) - Syrian forces advanced on Wednesday, a war monitor said.") == "Reuters");
  CHECK(SourceOf("WASHINGTON, March 3 (AP) — The Senate voted on Tuesday.") == "AP");
  CHECK(DateOf("WASHINGTON, March 3 (AP) — The Senate voted on Tuesday.") == "none");
  CHECK(DateOf("WASHINGTON, March 3 (AP) — The Senate voted.\nPublished: 2020-03-03\n") == "2020-03-03");
  CHECK(DateOf("Headline\nPublished: 2020-02-17\nText.") == "2020-02-17");
  CHECK(DateOf("Headline\nPublished on February 17, 2020\nText.") == "2020-02-17");
  CHECK(DateOf("Headline\n2020-02-17\nText.") == "2020-02-17");
  CHECK(DateOf("Headline\nUpdated 3:05 PM ET, Mon February 17, 2020\nText.") == "2020-02-17");
  CHECK(DateOf("Headline\nUpdated: Feb. 20, 2020\nPublished: Feb. 17, 2020\n") == "2020-02-17");
  CHECK(DateOf("Headline\nSept. 4, 2019\n") == "2019-09-04");
  CHECK(DateOf("Headline\n4 Sept 2019\n") == "2019-09-04");
  CHECK(DateOf("Headline\nWednesday 29 January 2020 10:13 GMT\n") == "2020-01-29");
  CHECK(DateOf("Headline\nBy Jane Doe, Associated Press\nJan. 5, 2021\n") == "2021-01-05");
  CHECK(SourceOf("Headline\nBy Jane Doe, Associated Press\nJan. 5, 2021\n") == "AP");
  CHECK(SourceOf("Headline\nBy Kareem Chehayeb\nSource: Al Jazeera\n") == "Al Jazeera");
  CHECK(SourceOf("ANKARA (Anadolu Agency) - Turkey said.") == "Anadolu");
  CHECK(SourceOf("BERLIN (dpa) - Germany said.") == "dpa");
  CHECK(SourceOf("Washington (CNN)President Donald Trump said on Monday.") == "CNN");
  CHECK(SourceOf("Headline\nReuters Staff\n3 Min Read\n") == "Reuters");
  CHECK(DateOf("Headline\n2020-02-17T15:05:00Z\n") == "2020-02-17");
  CHECK(DateOf("Headline\nFebruary 17, 2020 / 3:05 PM / Updated an hour ago\n") == "2020-02-17");
  CHECK(DateOf("Headline\nMon 17 Feb 2020 15.05 GMT\n") == "2020-02-17");
  CHECK(DateOf("Headline\nPublished 3:05 PM EST, Feb 17, 2020\n") == "2020-02-17");
  CHECK(DateOf("BEIRUT, Jan 29, 2020 — Syrian government forces recaptured a strategic town "
               "from extremist and allied rebels, in the latest blow to the opposition.") == "2020-01-29");
}

TEST_CASE("not a publication date or source") {
  // A date inside a body sentence.
  CHECK(DateOf("Headline\nThe army said on January 5, 2020 that it had recaptured dozens of towns and "
               "villages in the province, a monitor said.\n") == "none");
  // No year: not guessed.
  CHECK(DateOf("Headline\nBy AFP - Jan 29\n") == "none");
  // Impossible dates are skipped.
  CHECK(DateOf("Headline\nPublished: 2020-02-30\n") == "none");
  CHECK(DateOf("Headline\nPublished: February 30, 2020\n") == "none");
  // A source named in a body sentence is not the publisher.
  CHECK(SourceOf("Headline\nThe monitor told AFP that 20 people were killed.\n") == "");
  CHECK(SourceOf("Headline\nBBC cuts 450 jobs\n") == "");
  CHECK(SourceOf("Syrian Arab News Agency (SANA) said 20 people were killed.\n") == "");
  // "AP" must be a whole word in upper case.
  CHECK(SourceOf("By Apple staff - Jan 29, 2020\n") == "");
  // Beyond the head (12 non-blank lines) nothing is looked at.
  std::string text;
  for (int i = 0; i < 12; ++i) text += "Line.\n";
  CHECK(DateOf(text + "Published: 2020-02-17\n") == "none");
}

TEST_CASE("ParseWrittenDate") {
  auto f = [](std::string_view s) {
    auto d = ParseWrittenDate(s);
    return d ? FormatIsoDate(*d) : "none";
  };
  CHECK(f("Jan 29,2020") == "2020-01-29");
  CHECK(f("29 January 2020") == "2020-01-29");
  CHECK(f("Wed, 29 Jan 2020 10:00:00 GMT") == "2020-01-29");
  CHECK(f("2020/1/29") == "2020-01-29");
  CHECK(f("February 30, 2020") == "none");
  CHECK(f("yesterday") == "none");
}

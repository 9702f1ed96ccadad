// Segmenter: sentence boundaries, abbreviations, line breaks, quotes and
// their byte offsets.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/text/segmenter.h"

using namespace claimex;

namespace {
std::vector<std::string> Sentences(std::string_view text) {
  static const Segmenter segmenter;
  std::vector<std::string> out;
  for (const Sentence& s : segmenter.Segment(text).sentences) out.emplace_back(s.span.of(text));
  return out;
}
}  // namespace

TEST_CASE("sentences end at terminal punctuation before a capital") {
  CHECK(Sentences("Fighting resumed. The UN said 20 died! Why? Nobody knows.") ==
        std::vector<std::string>{"Fighting resumed.", "The UN said 20 died!", "Why?", "Nobody knows."});
}

TEST_CASE("abbreviations, initials and decimals do not end a sentence") {
  CHECK(Sentences("Mr. Smith met Gen. Lee on Jan. 5 in the U.S. capital.").size() == 1);
  CHECK(Sentences("John F. Kennedy said 3.5 per cent.").size() == 1);
  CHECK(Sentences("It rose to 3.5. Then it fell.").size() == 2);
}

TEST_CASE("an abbreviation that can end a sentence ends one before a sentence opener") {
  CHECK(Sentences("The fighting displaced 40,000 people, according to the U.N. Some 63,000 others fled.") ==
        std::vector<std::string>{"The fighting displaced 40,000 people, according to the U.N.",
                                 "Some 63,000 others fled."});
  CHECK(Sentences("The curfew starts at 9 p.m. The army said 12 were held.").size() == 2);
  CHECK(Sentences("Shares of Acme Inc. It said profit rose.").size() == 2);
  // A name or noun after it continues the sentence.
  CHECK(Sentences("The U.S. Army said 300 troops left. The U.N. Security Council met.").size() == 2);
  CHECK(Sentences("Acme Inc. Chief Executive Jo Lee said 20 jobs go.").size() == 1);
  // Titles never end one ("Gen. The" is no sentence break either way in news).
  CHECK(Sentences("Mr. Smith met Gen. Lee.").size() == 1);
}

TEST_CASE("a line break always ends a sentence and blank lines are skipped") {
  CHECK(Sentences("Headline without period\n\nBody starts here. Second one.") ==
        std::vector<std::string>{"Headline without period", "Body starts here.", "Second one."});
}

TEST_CASE("closing quotes stay with their sentence") {
  std::string text = "\xE2\x80\x9CWe will stop them.\xE2\x80\x9D He left.";
  auto s = Sentences(text);
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "\xE2\x80\x9CWe will stop them.\xE2\x80\x9D");
}

TEST_CASE("a lower-case continuation does not start a sentence") {
  CHECK(Sentences("The toll is 20. according to them, it rose.").size() == 1);
}

TEST_CASE("quotes: straight and curly, with byte offsets") {
  Segmenter segmenter;
  std::string text = "He said \"20 died\" and \xE2\x80\x9Cmore\xE2\x80\x9D later.";
  Segmentation seg = segmenter.Segment(text);
  REQUIRE(seg.quotes.size() == 2);
  CHECK(seg.quotes[0].inner.of(text) == "20 died");
  CHECK(seg.quotes[0].span.of(text) == "\"20 died\"");
  CHECK(seg.quotes[1].inner.of(text) == "more");
  CHECK(seg.QuoteAt(text.find("died")) == &seg.quotes[0]);
  CHECK(seg.QuoteAt(text.find("later")) == nullptr);
}

TEST_CASE("a quote continues into a paragraph that opens with a quote mark") {
  Segmenter segmenter;
  std::string text = "\"First paragraph of the quote.\n\"Second paragraph,\" she said.";
  Segmentation seg = segmenter.Segment(text);
  REQUIRE(seg.quotes.size() == 1);
  CHECK(seg.quotes[0].span.start == 0);
  CHECK(seg.quotes[0].inner.of(text).find("Second paragraph,") != std::string_view::npos);
}

TEST_CASE("an unclosed quote ends at the paragraph") {
  Segmenter segmenter;
  std::string text = "\"Unclosed quote here.\nNew paragraph \"quoted\" here.";
  Segmentation seg = segmenter.Segment(text);
  REQUIRE(seg.quotes.size() == 1);
  CHECK(seg.quotes[0].inner.of(text) == "quoted");
}

TEST_CASE("SentenceAt maps offsets to sentences") {
  Segmenter segmenter;
  std::string text = "One sentence. Two sentence.";
  Segmentation seg = segmenter.Segment(text);
  CHECK(seg.SentenceAt(0) == 0);
  CHECK(seg.SentenceAt(text.find("Two")) == 1);
  CHECK(seg.SentenceAt(text.size() - 1) == 1);
  CHECK(segmenter.Segment("").sentences.empty());
}

TEST_CASE("pathological input stays linear: a long line without sentence end") {
  Segmenter segmenter;
  std::string text(1 << 20, 'a');
  for (std::size_t i = 0; i < text.size(); i += 7) text[i] = ' ';
  CHECK(segmenter.Segment(text).sentences.size() == 1);
  std::string quotes(1 << 18, '"');
  CHECK(segmenter.Segment(quotes).quotes.size() == (1 << 17));
}

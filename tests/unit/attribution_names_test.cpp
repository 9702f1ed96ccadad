// Canonical names, the alias table and the tokenizer behind speaker phrases.
#include <catch2/catch.hpp>

#include "extractor/attribution/canonical_names.h"
#include "extractor/attribution/cue_finder.h"
#include "extractor/attribution/tokens.h"

using namespace claimex::attribution;

TEST_CASE("aliases map to one canonical speaker", "[attribution]") {
  CanonicalNames names;
  CHECK(names.Canonical("UN") == "United Nations");
  CHECK(names.Canonical("the United Nations") == "United Nations");
  CHECK(names.Canonical("U.N.") == "United Nations");
  CHECK(names.Canonical("the world body") == "United Nations");
  CHECK(names.Canonical("OCHA") == "UN Office for the Coordination of Humanitarian Affairs");
  CHECK(names.Parent("OCHA") == "United Nations");
  CHECK(names.Canonical("UNHCR") == names.Canonical("the UN refugee agency"));
  CHECK(names.Parent("United Nations").empty());
  // Unknown names are their own canonical form, article dropped.
  CHECK(names.Canonical("the  provincial health office") == "provincial health office");
}

TEST_CASE("tokens keep initials, inner hyphens and possessives", "[attribution]") {
  std::string text = "Howard R. Leary, the Britain-based monitor’s head, said: “5,000”.";
  std::string lowered;
  std::vector<Token> t = Tokenize(text, lowered);
  REQUIRE(t.size() >= 10);
  CHECK(t[0].text == "Howard");
  CHECK(t[1].text == "R.");
  CHECK(t[2].text == "Leary");
  CHECK(t[3].kind == TokenKind::kComma);
  CHECK(t[5].text == "Britain-based");
  CHECK(t[6].text == "monitor’s");
  bool number = false, quote = false;
  for (const Token& tok : t) {
    number |= tok.kind == TokenKind::kNumber && tok.text == "5,000";
    quote |= tok.kind == TokenKind::kQuote;
  }
  CHECK(number);
  CHECK(quote);
  for (const Token& tok : t) CHECK(tok.span.of(text) == tok.text);
}

TEST_CASE("cues are found whole-word and case-insensitively", "[attribution]") {
  CueFinder finder;
  std::string text = "According  to the UN, 5 died, officials said; the Sayer family says unsaid things.";
  std::vector<Cue> cues = finder.Find(text);
  REQUIRE(cues.size() == 3);
  CHECK(cues[0].span.of(text) == "According  to");
  CHECK(cues[0].rule->lemma == "according to");
  CHECK(cues[1].span.of(text) == "said");
  CHECK(cues[2].span.of(text) == "says");
}

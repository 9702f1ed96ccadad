// Units and currencies around a figure: percent words, currency signs and
// codes before it ("$", "US$", "CHF"), currency names, measures and time
// units after it ("Syrian pounds", "km/h", "square miles", "years"), from
// quantity_units.txt and quantity_currency_prefixes.txt.
//
//   UnitMatcher units;
//   if (auto u = units.After(text, figure_end, /*hyphen_ok=*/true)) u->def->code ...
//
// "pound(s)" as money is resolved by ResolvePound from the document: a
// pound currency named earlier ("Syrian pounds") wins, then weight wording,
// then British context (GBP); plain US-style text reads pounds as weight.
// The whole-document questions those resolutions ask are answered once per
// document by a DocumentFacts, so N pounds in a 16 MiB text cost one scan.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/quantity/text_scan.h"

namespace claimex::quantity {

struct UnitDef {
  std::string surface;
  std::string code;      // SPEC code; "pound?" until resolved
  Kind kind = Kind::kMeasure;
  double multiplier = 1; // applied to the figure (decades, cents)
  double si_factor = 0;  // 0: no norm; temperatures use `temperature`
  bool temperature = false;
  std::string si_unit;
  bool space_ok = true, glued_ok = false;
};

struct UnitMatch {
  const UnitDef* def = nullptr;
  Span span;          // the unit as written
  bool hyphen = false;  // adjectival "12-metre", "nine-year"
};

struct CurrencyPrefix {
  std::string code;
  Span span;
};

// Lazily computed answers about the whole text (which pound currency it
// names, whether it reads as British, which country it names first). Each
// answer is computed on first use and kept, so resolving any number of units
// costs at most one scan of the text per question. One per document and
// thread; not thread-safe.
class DocumentFacts {
 public:
  explicit DocumentFacts(std::string_view text) : text_(text) {}
  std::string_view text() const { return text_; }

 private:
  friend class UnitMatcher;
  std::string_view text_;
  std::optional<std::string> named_pound_;        // "SYP", ... or "" when none is named
  std::optional<bool> british_;
  std::array<std::optional<std::string>, 6> by_country_;  // rupee, peso, dinar, crown, krone, shilling
  std::optional<bool> poll_;                              // the text reports an opinion poll
};

class UnitMatcher {
 public:
  UnitMatcher();
  // A unit right after a figure ending at `end` (glued, after spaces, or after a
  // hyphen when `hyphen_ok`).
  std::optional<UnitMatch> After(std::string_view text, std::size_t end, bool hyphen_ok) const;
  // A currency sign or code starting at `pos` and followed by a digit.
  // Returns the sign's span and the position of the digit.
  std::optional<CurrencyPrefix> PrefixAt(std::string_view text, std::size_t pos, std::size_t* digit_pos) const;
  // A currency name after "of" in vague money ("millions of dollars").
  std::optional<UnitMatch> MoneyWordAt(std::string_view text, std::size_t pos) const;
  // Resolves "pound?" written at `unit`: an ISO code or "lb". `facts` must
  // be built on the same text.
  std::string ResolvePound(std::string_view text, Span unit, DocumentFacts& facts) const;
  // Resolves "rupee?", "peso?", "dinar?", "krone?", "shilling?" by the country
  // the document names first (Pakistan → PKR, Argentina → ARS, Jordan → JOD,
  // Norway → NOK, Uganda → UGX, ...); default INR, MXN, IQD, DKK, KES. "crown?"
  // has no default: without Denmark, Sweden, Norway, Iceland or the Czech
  // Republic in the text it is "" (not a currency: "the crown", sport titles).
  // Other codes are returned as is.
  std::string ResolveByCountry(std::string_view code, DocumentFacts& facts) const;
  // Resolves "point?" written at `unit`: "percentage_point" when the text
  // reports a poll and a percent, "poll", "lead" or "margin" is near ("Labour
  // is on 41%, down three points"); else "" (sport and index points stay counts).
  std::string ResolvePoint(std::string_view text, Span unit, DocumentFacts& facts) const;

 private:
  std::vector<UnitDef> units_;
  PhraseTable unit_table_;
  struct Prefix {
    std::string code;
    int attach;           // 0 glued, 1 space, 2 both
    std::string surface;  // as written in the lexicon: letters match in this case only
  };
  std::vector<Prefix> prefixes_;
  PhraseTable prefix_table_;
};

}  // namespace claimex::quantity

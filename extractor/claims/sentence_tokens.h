// Word tokens of one sentence, with the clause structure the claim rules
// work in (internal to claims/). Tokens are UTF-8 byte spans into the
// document; words keep internal hyphens, apostrophes and number separators
// ("tropical-storm-force", "country's", "388,000").
//
// Three nested levels of clause pieces, each token tagged with its piece id:
//   level 3 (clause)  split at ; : ( ) — quotes, and a comma before a clause
//                     word ("and", "but", "while", "bringing", "adding", ...)
//   level 2 (segment) also split at every other comma
//   level 1 (piece)   also split at "and"/"or" before a verb ("and have
//                     captured", "and now flies", "and killed")
// Tokens inside a quantity or time span never split anything ("between
// April and June", "Between 100,000 and 120,000").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"
#include "extractor/core/span.h"

namespace claimex::claims_internal {

struct Predicate;

// Whether a word may head an entity (claims_entity_nonheads.txt). kPeriod
// words ("year", "days") are kNever words that also make the words before
// them a time ("the current financial year"), not a noun phrase; kDirection
// words ("west") end no phrase unless capitalized ("South Sudanese").
enum class HeadRole : unsigned char { kAny, kNever, kUnit, kModifier, kPeriod, kDirection };

struct Token {
  Span span;
  std::string low;     // lower-cased text
  bool word = false;   // letters/digits (else punctuation)
  bool number = false; // starts with a digit
  bool caps = false;   // all upper-case, 2+ letters ("US", "UN")
  int quantity = -1;   // index of the quantity whose span covers it
  int time = -1;       // index of the time expression covering it
  int level[4] = {0, 0, 0, 0};  // piece ids at levels 1..3 (index 0 unused)
  // Lexicon entries of `low`, looked up once per token by the claim
  // builder (the rules ask about the same token many times).
  std::string_view cls;             // function-word class, "" for none
  const Predicate* pred = nullptr;  // predicate verb or noun
  Change change = Change::kNone;    // change word
  bool speech = false;              // speech verb
  const std::vector<std::size_t>* context = nullptr;  // context cues starting with it
  const std::vector<std::string>* cumulative = nullptr;  // cumulative cues starting with it
  HeadRole head_role = HeadRole::kAny;  // claims_entity_nonheads.txt
};

// Splits `sentence` (a span of `text`) into tokens. Clause levels are set
// by AssignLevels once quantity/time tags are in place.
std::vector<Token> Tokenize(std::string_view text, Span sentence);

// `is_verbish(i)` says whether token i starts a verb phrase (aux, known
// verb, -ed form, "now", "that"): "and" before it opens a level-1 piece.
template <typename F>
void AssignLevels(std::vector<Token>& toks, F is_verbish);

bool IsClauseWord(std::string_view low);

// ---- implementation of the template ----
template <typename F>
void AssignLevels(std::vector<Token>& toks, F is_verbish) {
  int id[4] = {0, 0, 0, 0};
  auto bump = [&](int lvl) {
    for (int l = 1; l <= lvl; ++l) ++id[l];
  };
  for (std::size_t i = 0; i < toks.size(); ++i) {
    Token& t = toks[i];
    bool inside = t.quantity >= 0 || t.time >= 0;
    if (!inside && !t.word) {
      const std::string& p = t.low;
      // Parentheses hold conversions and asides ("12,000 hectares (29,650
      // acres) of forest"): they split nothing.
      // A colon inside a clock time or race time ("2:04:11", "8:30") splits nothing.
      const bool clock = p == ":" && i > 0 && i + 1 < toks.size() && toks[i - 1].number &&
                         toks[i + 1].number && toks[i - 1].span.end == t.span.start &&
                         toks[i + 1].span.start == t.span.end;
      bool hard = p == ";" || (p == ":" && !clock) || p == "\"" ||
                  p == "\xE2\x80\x94" || p == "\xE2\x80\x9C" || p == "\xE2\x80\x9D" || p == "[" ||
                  p == "]";
      if (hard) {
        bump(3);
      } else if (p == ",") {
        bool next_clause = i + 1 < toks.size() && toks[i + 1].quantity < 0 &&
                           toks[i + 1].time < 0 && IsClauseWord(toks[i + 1].low);
        bump(next_clause ? 3 : 2);
      }
    } else if (!inside && t.low == "and" && i + 1 < toks.size() && toks[i + 1].low == "that" &&
               (i == 0 || toks[i - 1].low != ",")) {
      // "said 180,000 had lined the streets and that registrations had
      // grown since 2019": a second reported clause.
      bump(3);
    } else if (!inside && (t.low == "and" || t.low == "or") && i + 1 < toks.size() &&
               (i == 0 || toks[i - 1].low != ",") && is_verbish(i + 1)) {
      bump(1);
    } else if (!inside && (t.low == "but" || t.low == "while" || t.low == "whereas") &&
               (i == 0 || toks[i - 1].low != ",")) {
      // "died while trying to cross the sea in 2022": "while" and a
      // participle go on the same subject's clause, a piece of it.
      const bool participle = t.low == "while" && i + 1 < toks.size() && toks[i + 1].low.size() > 4 &&
                              toks[i + 1].low.compare(toks[i + 1].low.size() - 3, 3, "ing") == 0;
      bump(participle ? 1 : 3);
    }
    for (int l = 1; l <= 3; ++l) t.level[l] = id[l];
  }
}

}  // namespace claimex::claims_internal

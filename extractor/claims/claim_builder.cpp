// Claim semantics from local windows of the sentence (no parser, no model):
//   entity     the noun phrase after the figure ("388,000 civilians"), after
//              "of" ("70 per cent of Syria"), money's "in/for" phrase, the
//              subject or object of a change verb, else the previous claim's
//   predicate  the nearest lexicon verb governing the figure
//   category   verb cue, then entity cue, then context cues of the clause
//              piece, clause, sentence (ties by the document's topic so
//              far); special readings first (ages, population stocks,
//              funding money, spills, shares of a sum); no cue at all →
//              the sentence's or the document's topic
//   change     change verb + "by X"/"X%" (difference) or "to X" (new level),
//              "up/down X", "up from X" (baseline)
//   time       the nearest time expression of the figure's clause piece,
//              segment or clause; a sentence-initial one; a subset's
//              antecedent's; never one dating a speech verb; a forecast's
//              months without a year are the coming ones
//   aggregation difference → increment; since/so far/by → cumulative;
//              bounded period → increment for flows; levels → null
// Every rule that fires is named in Claim::rules for --explain.
#include "extractor/claims/claim_builder.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "extractor/claims/claim_lexicons.h"
#include "extractor/claims/sentence_tokens.h"
#include "extractor/core/lexicon.h"

namespace claimex {

using claims_internal::ClaimLexicons;
using claims_internal::Predicate;
using claims_internal::HeadRole;
using claims_internal::Token;

namespace {

struct Range {
  int b = -1, e = -1;  // token indexes, [b, e)
  bool empty() const { return b < 0 || e <= b; }
};

enum class ChangeForm { kNone, kDifference, kLevel, kBaseline };

// What the builder knows about one claim while building the sentence.
struct Work {
  int qf = 0, ql = 0;  // first and last token of the mention
  bool subset = false;
  int antecedent = -1;  // index into the document's claims
  bool entity_inherited = false;
  ChangeForm form = ChangeForm::kNone;
  int change_verb = -1;
  int time_index = -1;  // into the sentence's time list
  const TimeExpression* time = nullptr;
  const Predicate* predicate = nullptr;
  bool forward = false;  // the time was moved to the coming period (a forecast)
};

// Whether a time text writes its year ("between October and December 2021").
bool HasYearDigits(std::string_view s) {
  int run = 0;
  for (char ch : s) {
    run = (ch >= '0' && ch <= '9') ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

// Whether quantity `q` is a hyphenated adjective: a measure or duration
// written with its unit ("four-year", "6-kilometer") or a figure joined to
// the noun it sizes ("five-storey", "7.8-magnitude", "400-member"); not a
// compound number ("Thirty-five") or a fraction ("two-thirds").
bool HyphenAdjective(std::string_view text, const Quantity& q) {
  auto letter_after_hyphen = [&](std::size_t i) {
    return i + 1 < text.size() && text[i] == '-' && std::isalpha(static_cast<unsigned char>(text[i + 1]));
  };
  if (letter_after_hyphen(q.span.end)) return true;
  if (q.kind != Kind::kDuration && q.kind != Kind::kMeasure) return false;
  for (std::size_t i = q.span.start; i < q.span.end; ++i) {
    if (letter_after_hyphen(i)) return true;
  }
  return false;
}

// Whether a time text says itself that it is over ("last year",
// "yesterday"): a forecast does not move it to the coming year.
bool NamesPastPeriod(std::string_view s) {
  for (std::string_view w : {"last", "Last", "yesterday", "Yesterday", "past", "previous"}) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// The same day a year later; a month's last day stays its last day (Feb 29).
Date NextYear(Date d) {
  const date::year y = d.year() + date::years{1};
  const date::year_month_day_last last{d.year() / d.month() / date::last};
  if (d.day() == last.day()) return date::year_month_day{y / d.month() / date::last};
  return date::year_month_day{y / d.month() / d.day()};
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

bool IsPossessive(std::string_view low) { return EndsWith(low, "'s") && low.size() > 2; }

}  // namespace

struct ClaimBuilder::Impl {
  ClaimLexicons lex;
  // Context cues split into words and indexed by their first word.
  std::vector<std::vector<std::string>> context_words;
  claims_internal::WordMap<std::vector<std::size_t>> context_by_first;

  // Lexicon line of each category's first context cue (the last tie-break).
  int category_order[9];
  // Every lexicon's entry for a word, merged: one hash lookup per token.
  struct WordEntry {
    std::string_view cls;
    const Predicate* pred = nullptr;
    Change change = Change::kNone;
    bool speech = false;
    const std::vector<std::size_t>* context = nullptr;
    const std::vector<std::string>* cumulative = nullptr;
    HeadRole head_role = HeadRole::kAny;
  };
  // Cumulative cues by first word ("so far" under "so"), without the
  // running nouns (total, toll, tally) that AggregationOf reads apart.
  claims_internal::WordMap<std::vector<std::string>> cumulative_by_first;
  claims_internal::WordMap<WordEntry> word_entries;
  // Phrases that open a parenthetical aside (claims_aside_openers.txt).
  std::vector<std::string> aside_openers;
  // Words that stretch "this year" to the whole year (time_whole_period_cues.txt).
  claims_internal::WordSet whole_period_cues;
  // Words after a distance that make it place something (time_place_words.txt).
  claims_internal::WordSet place_words;
  // word_entries as a flat open-addressing table (power-of-two slots, load
  // <= 1/4): one probe into a contiguous array per token instead of a walk
  // over separately allocated nodes. Slots hold the key's hash and entry.
  struct Slot {
    std::size_t hash = 0;
    const std::pair<const std::string, WordEntry>* entry = nullptr;
  };
  std::vector<Slot> slots;
  std::size_t slot_mask = 0;
  const WordEntry* Lookup(std::string_view w) const {
    const std::size_t h = std::hash<std::string_view>{}(w);
    for (std::size_t i = h & slot_mask;; i = (i + 1) & slot_mask) {
      const Slot& sl = slots[i];
      if (!sl.entry) return nullptr;
      if (sl.hash == h && sl.entry->first == w) return &sl.entry->second;
    }
  }

  Impl() {
    for (int& o : category_order) o = 1 << 20;
    for (std::size_t i = 0; i < lex.context_cues.size(); ++i) {
      int& o = category_order[static_cast<int>(lex.context_cues[i].category)];
      o = std::min(o, static_cast<int>(i));
    }
    for (std::size_t i = 0; i < lex.context_cues.size(); ++i) {
      std::vector<std::string> words;
      const std::string& p = lex.context_cues[i].phrase;
      std::size_t a = 0;
      while (a < p.size()) {
        std::size_t b = p.find(' ', a);
        if (b == std::string::npos) b = p.size();
        if (b > a) words.push_back(p.substr(a, b - a));
        a = b + 1;
      }
      if (!words.empty()) context_by_first[words[0]].push_back(i);
      context_words.push_back(std::move(words));
    }
    for (const std::string& cue : lex.cumulative_cues) {
      if (cue == "total" || cue == "toll" || cue == "tally") continue;
      cumulative_by_first[cue.substr(0, cue.find(' '))].push_back(cue);
    }
    auto add = [&](const std::string& w) {
      if (word_entries.count(w)) return;
      WordEntry e;
      e.cls = lex.Class(w);
      e.pred = lex.FindPredicate(w);
      e.change = lex.ChangeOf(w);
      e.speech = lex.speech_verbs.count(w) > 0;
      if (auto it = context_by_first.find(w); it != context_by_first.end()) e.context = &it->second;
      if (auto it = cumulative_by_first.find(w); it != cumulative_by_first.end()) e.cumulative = &it->second;
      if (auto it = lex.entity_nonheads.find(w); it != lex.entity_nonheads.end()) {
        e.head_role = it->second == "never"       ? HeadRole::kNever
                      : it->second == "unit"      ? HeadRole::kUnit
                      : it->second == "period"    ? HeadRole::kPeriod
                      : it->second == "direction" ? HeadRole::kDirection
                                                  : HeadRole::kModifier;
      }
      word_entries.emplace(w, e);
    };
    for (const LexiconRow& r : LoadLexicon("claims_aside_openers.txt")) aside_openers.push_back(r[0]);
    for (const LexiconRow& r : LoadLexicon("time_whole_period_cues.txt")) whole_period_cues.insert(r[0]);
    for (const LexiconRow& r : LoadLexicon("time_place_words.txt")) place_words.insert(r[0]);
    for (const auto& kv : lex.function_words) add(kv.first);
    for (const auto& kv : lex.predicates) add(kv.first);
    for (const auto& kv : lex.change_words) add(kv.first);
    for (const auto& w : lex.speech_verbs) add(w);
    for (const auto& kv : context_by_first) add(kv.first);
    for (const auto& kv : cumulative_by_first) add(kv.first);
    for (const auto& kv : lex.entity_nonheads) add(kv.first);
    std::size_t n = 16;
    while (n < word_entries.size() * 4) n <<= 1;
    slots.assign(n, Slot{});
    slot_mask = n - 1;
    for (const auto& kv : word_entries) {
      const std::size_t h = std::hash<std::string_view>{}(kv.first);
      std::size_t i = h & slot_mask;
      while (slots[i].entry) i = (i + 1) & slot_mask;
      slots[i] = Slot{h, &kv};
    }
  }

  // ---- per-sentence view ----
  struct View {
    std::string_view text;
    std::vector<Token> toks;
    std::vector<const TimeExpression*> times;
    std::vector<Range> time_toks;
    std::vector<bool> speech;
    // Tokens of an attribution ("the UN's humanitarian office said", "she
    // told MPs", "according to health officials"): who speaks is not what
    // the figure is about, so their words are no context cues.
    std::vector<char> attribution;
    // Per token: the id of the parenthetical aside it lies in (", who
    // visited Baidoa last week,"), -1 outside any.
    std::vector<int> aside;
    std::optional<Category> context;  // the sentence's context-cue category
    int context_counts[9] = {0};      // context-cue hits per category in the sentence
    const int* doc_counts = nullptr;  // hits in the document's figure sentences so far
  };

  std::string_view Cls(const View& v, int i) const {
    if (i < 0 || i >= static_cast<int>(v.toks.size())) return {};
    const Token& t = v.toks[static_cast<std::size_t>(i)];
    if (!t.word || t.caps) return {};
    return t.cls;
  }
  bool Is(const View& v, int i, std::string_view w) const {
    return i >= 0 && i < static_cast<int>(v.toks.size()) && v.toks[static_cast<std::size_t>(i)].low == w;
  }
  const Token* T(const View& v, int i) const {
    return i >= 0 && i < static_cast<int>(v.toks.size()) ? &v.toks[static_cast<std::size_t>(i)] : nullptr;
  }
  // Whether the phrase `r` is "points" ("percentage points"): the unit of a
  // change in a rate or poll share, not what moved.
  bool PointsNP(const View& v, Range r) const {
    if (r.empty()) return false;
    const std::string_view h = v.toks[static_cast<std::size_t>(r.e - 1)].low;
    return h == "points" || h == "point";
  }
  // Whether token i starts with an upper-case ASCII letter.
  bool Capitalized(const View& v, int i) const {
    const Token* t = T(v, i);
    if (!t || !t->word || t->span.start >= v.text.size()) return false;
    const char ch = v.text[t->span.start];
    return ch >= 'A' && ch <= 'Z';
  }
  // A word that never heads an entity (claims_entity_nonheads.txt).
  bool NeverHead(const View& v, int i) const {
    const Token* t = T(v, i);
    if (!t || t->caps) return false;
    // "2 km west of the town", but "13 northwest Georgia counties", "South
    // Sudanese", "the south of Idlib province" (a region).
    if (t->head_role == HeadRole::kDirection) {
      return !Capitalized(v, i) && !Nounish(v, i + 1, false) && Cls(v, i - 1) != "det";
    }
    return t->head_role == HeadRole::kNever || t->head_role == HeadRole::kUnit || t->head_role == HeadRole::kPeriod;
  }
  // A verb form that is not the bare lemma ("killed", "fled", "costs").
  bool IsInflectedVerb(const View& v, int i) const {
    const Token* t = T(v, i);
    if (!t || !t->word || t->caps) return false;
    if (const Predicate* p = t->pred; p && !p->base_form) return true;
    Change c = t->change;
    if (c != Change::kNone && t->low != "up" && t->low != "down" && t->low != "higher" &&
        t->low != "lower" && t->low != "cut" && t->low != "double" && t->low != "gain" &&
        t->low != "rise" && t->low != "fall" && t->low != "drop" && t->low != "increase" &&
        t->low != "decline" && t->low != "surge" && t->low != "jump") {
      return true;
    }
    return false;
  }
  bool IsVerbish(const View& v, int i) const {
    const Token* t = T(v, i);
    if (!t || !t->word) return false;
    std::string_view c = Cls(v, i);
    if (c == "aux" || t->low == "now" || t->low == "that" || t->low == "also") return true;
    if (IsInflectedVerb(v, i)) return true;
    return !t->number && t->low.size() > 4 && EndsWith(t->low, "ed");
  }
  bool IsPlural(const Token& t) const {
    static constexpr std::string_view kPlural[] = {"people", "children", "men", "women", "police", "staff",
                                          "personnel", "cattle", "livestock", "data", "media",
                                          "militia", "fishermen", "youth", "clergy", "poultry"};
    if (t.caps) return false;
    for (std::string_view p : kPlural) {
      if (t.low == p) return true;
    }
    if (EndsWith(t.low, "men")) return true;
    return t.low.size() >= 4 && t.low.back() == 's' && !EndsWith(t.low, "ss") &&
           !EndsWith(t.low, "us") && !EndsWith(t.low, "is") && !IsPossessive(t.low);
  }
  // A word that can be part of a noun phrase at position i.
  bool Nounish(const View& v, int i, bool first, bool after_of = false) const {
    const Token* t = T(v, i);
    if (!t || !t->word || t->quantity >= 0 || t->time >= 0) return false;
    if (!t->caps && !Cls(v, i).empty()) return false;
    if (t->number) return false;
    // Comparatives, adverbs, time nouns: "71 fewer", "48.8% year on year";
    // a participle opening an of-phrase still is one ("of the expected vote").
    if (NeverHead(v, i) && !(after_of && first && EndsWith(t->low, "ed"))) return false;
    if (first && !after_of && !t->caps) {
      const Predicate* p = t->pred;
      std::string_view nc = Cls(v, i + 1);
      // "another 9,000 remain missing": a verb before a participle.
      const Token* nt = T(v, i + 1);
      const bool participle = nt && nt->word && !nt->caps && nt->low.size() > 4 &&
                              (EndsWith(nt->low, "ed") || EndsWith(nt->low, "ing") || IsInflectedVerb(v, i + 1));
      if (p && p->base_form && p->cls != "noun" &&
          (nc == "pron" || nc == "det" || nc == "prep" || nc == "conj" || nc == "adv" || participle)) {
        return false;
      }
    }
    // "More than 1,400 wounded have been treated": a participle standing
    // as the subject names the people.
    if (first && !t->caps && t->low.size() > 4 && EndsWith(t->low, "ed") && Cls(v, i + 1) == "aux") return true;
    if (IsInflectedVerb(v, i)) {
      // "displaced people", "injured" after "of", "2,000 shelters"
      if (after_of && first) return true;
      if (first && t->low.back() == 's' && !EndsWith(t->low, "ss")) return true;
      if (first && EndsWith(t->low, "ed")) return Nounish(v, i + 1, false) && !Capitalized(v, i + 1);
      return false;
    }
    bool ed = !t->caps && t->low.size() > 4 && (EndsWith(t->low, "ed") || EndsWith(t->low, "ing"));
    if (ed && !(after_of && first)) {
      // "operating profit", "housing costs": an -ing word inside a compound.
      if (!first) return EndsWith(t->low, "ing") && Nounish(v, i + 1, false) && !Capitalized(v, i + 1);
      // A participle modifies a common noun ("displaced people"); before a
      // name it is a verb ("91,648 watched Barcelona beat Wolfsburg").
      return Nounish(v, i + 1, false) && !Capitalized(v, i + 1);
    }
    return true;
  }
  // The noun phrase starting at token i ("towns and villages").
  Range FollowNP(const View& v, int i, bool after_of = false) const {
    if (Is(v, i, "more") || Is(v, i, "other") || Is(v, i, "additional")) ++i;
    // "four consecutive failed rainy seasons": the noun follows the modifier.
    if (const Token* m = T(v, i); m && !m->caps && m->head_role == HeadRole::kModifier) ++i;
    Range r;
    int j = i;
    // "internally displaced people": an -ly adverb before a participle.
    if (const Token* t = T(v, i); t && t->word && EndsWith(t->low, "ly") && t->low.size() > 4 &&
                                  IsInflectedVerb(v, i + 1) && Nounish(v, i + 2, false)) {
      r.b = i;
      r.e = i + 2;
      j = i + 2;
    }
    int n = static_cast<int>(v.toks.size());
    while (j < n && j - i < 6 && Nounish(v, j, j == i, after_of)) {
      if (r.b < 0) r.b = j;
      r.e = j + 1;
      const Token& t = v.toks[static_cast<std::size_t>(j)];
      if (IsPlural(t)) {
        if (Is(v, j + 1, "and") && Nounish(v, j + 2, true) && !Is(v, j + 2, "and")) {
          j += 2;
          continue;
        }
        break;
      }
      ++j;
    }
    // A phrase that only modifies a non-head is none ("Danish crowns",
    // "2 percentage points").
    if (!r.empty() && r.e == j && T(v, j) && !T(v, j)->caps && T(v, j)->head_role == HeadRole::kUnit) return {};
    return r;
  }
  // "of [the] [country's] [1,200] schools" → schools; `them` reports a pronoun.
  Range OfNP(const View& v, int of, bool& them) const {
    them = false;
    int j = of + 1;
    for (int guard = 0; guard < 6; ++guard) {
      const Token* t = T(v, j);
      if (!t) return {};
      std::string_view c = Cls(v, j);
      if (c == "det" || IsPossessive(t->low) || t->low == "'" || t->quantity >= 0) {
        ++j;
        continue;
      }
      break;
    }
    const Token* t = T(v, j);
    if (!t) return {};
    if (t->low == "them" || t->low == "those" || t->low == "whom" || t->low == "these" ||
        t->low == "which") {
      them = true;
      return {};
    }
    Range r = FollowNP(v, j, true);
    // "$5bn in the current financial year": a phrase before a period noun
    // (that ends it) names a time, not a thing.
    const Token* next = T(v, r.e);
    if (!r.empty() && next && !next->caps && next->head_role == HeadRole::kPeriod && !Nounish(v, r.e + 1, false)) {
      return {};
    }
    return r;
  }
  // The noun phrase that ends right before token `end` (subject of a verb at
  // `end`), skipping auxiliaries and adverbs. "The death toll from the
  // quake has risen" → "death toll". `coordinated` is set on the call made
  // past an "and", which goes past no further one (a long list of names
  // would otherwise recurse once per "and").
  Range LeftNP(const View& v, int end, int limit, bool coordinated = false) const {
    int j = end - 1;
    // Also past a word that never names the subject ("Emissions are
    // projected to rise", "the government planned to raise", "Case
    // numbers nearly doubled").
    for (;;) {
      while (j >= limit &&
             (Cls(v, j) == "aux" || Cls(v, j) == "adv" || Is(v, j, "to") ||
              (NeverHead(v, j) &&
               (T(v, j)->head_role == HeadRole::kNever || T(v, j)->head_role == HeadRole::kPeriod)))) {
        --j;
      }
      // "Emissions are on track to rise", "is on course to": an "on"
      // phrase between the copula and "to" says how, not who.
      if (j - 2 >= limit && Is(v, j + 1, "to") && Is(v, j - 1, "on") && Cls(v, j - 2) == "aux") {
        j -= 2;
        continue;
      }
      // "Borrowing is forecast to be", "are set to": a passive before "to".
      if (j - 1 >= limit && Is(v, j + 1, "to") && Cls(v, j - 1) == "aux" && Cls(v, j).empty()) {
        --j;
        continue;
      }
      break;
    }
    Range r;
    while (j >= limit) {
      const Token* t = T(v, j);
      // A possessive time ("in Tuesday's election") still modifies the noun.
      bool ok = t->word && !t->number && t->quantity < 0 && (t->time < 0 || IsPossessive(t->low)) &&
                (t->caps || Cls(v, j).empty()) && !NeverHead(v, j);
      // A verb form is a noun after "of" or a determiner, and a plural one
      // ("exports", "costs") when nothing nounish precedes it.
      // The head right before the verb is a noun too ("Crude oil imports
      // slumped", "China's exports grew").
      // So is a gerund there after a noun ("Government borrowing is
      // forecast to be"; not "..., remaining for").
      const bool gerund = EndsWith(t->low, "ing") && j > limit && Nounish(v, j - 1, false);
      const bool plural_head = r.b < 0 && ((t->low.back() == 's' && !EndsWith(t->low, "ss")) || gerund);
      if (ok && IsInflectedVerb(v, j) && !(Is(v, j - 1, "of") || Cls(v, j - 1) == "det") && !plural_head &&
          !(t->low.back() == 's' && (j == limit || !Nounish(v, j - 1, false)))) {
        ok = false;
      }
      if (!ok && t->low == "of" && r.b >= 0 && j > limit && Nounish(v, j - 1, false)) ok = true;
      if (!ok) break;
      r.b = j;
      if (r.e < 0) r.e = j + 1;
      --j;
    }
    if (r.empty()) return r;
    // "Knife crime in England and Wales rose": past a coordination to the
    // head before the preposition ("Pappas and Walker, 22" stays "walker").
    if (!coordinated && (Is(v, r.b - 1, "and") || Is(v, r.b - 1, "or")) && r.b - 2 >= limit &&
        Nounish(v, r.b - 2, false)) {
      Range more = LeftNP(v, r.b - 1, limit, true);
      if (!more.empty() && more.e < r.b - 1) return more;
    }
    // Past a determiner and a preposition to the head: "toll from the quake".
    int d = r.b - 1;
    // Past an attributive figure after a determiner ("from the 7.8-magnitude quake").
    for (int q = d; q > limit && v.toks[static_cast<std::size_t>(q)].quantity >= 0; --q) {
      const Token* before = T(v, q - 1);
      if (before->quantity < 0 && (Cls(v, q - 1) == "det" || IsPossessive(before->low))) d = q - 1;
    }
    if (d >= limit) {
      // A possessive stands for a determiner ("toll from Monday's quake").
      bool det = Cls(v, d) == "det" || IsPossessive(v.toks[static_cast<std::size_t>(d)].low);
      int p = det ? d - 1 : d;
      // "life expectancy at birth is 55 years" → life expectancy.
      if (!det && !(Is(v, p, "in") || Is(v, p, "from") || Is(v, p, "for") || Is(v, p, "at"))) p = -1;
      const Token* pt = T(v, p);
      // "Labour's lead over the Conservatives" → lead.
      if (p > limit && pt && (pt->low == "from" || pt->low == "for" || pt->low == "in" ||
                              pt->low == "on" || pt->low == "at" || pt->low == "with" ||
                              (det && pt->low == "over"))) {
        // Not a clause before it: "Rescuers worked overnight in temperatures of".
        Range head = LeftNP(v, p, limit);
        if (!head.empty() && !HasVerb(v, head)) return head;
      }
    }
    return r;
  }
  // What a figure is predicated of when a measure adjective follows it
  // ("its eye was about 40 miles wide", "the vaccine is about 97%
  // effective", "Bennu, which is about 500 metres wide", "a wall of water
  // some seven metres high"): the subject before the copula, the noun a
  // relative "which"/"that" stands for, or the noun right before the figure.
  // `adj` is the token after the figure.
  // An adjective before a noun is attributive ("10 long range plans").
  Range PredicativeSubject(const View& v, int qf, int adj) const {
    if (Cls(v, adj) != "adj" || Nounish(v, adj + 1, false)) return {};
    int j = qf;
    while (j > 0 && (Cls(v, j - 1) == "aux" || Cls(v, j - 1) == "adv")) --j;
    if (j < qf && (Is(v, j - 1, "which") || Is(v, j - 1, "that")) && Is(v, j - 2, ",")) j -= 2;
    // "The wheel landed 100 feet away": a verb's figure, not a copula's.
    if (j == qf && IsVerbish(v, qf - 1)) return {};
    Range r = LeftNP(v, j, 0);
    if (r.empty() || Cls(v, r.b) == "pron" || HasVerb(v, r)) return {};
    return r;
  }
  // An -ly word that modifies the verb before it and no noun after it
  // ("fell slightly to", "rose sharply"), unlike "family" or "supply"
  // heading a phrase ("supply chains").
  bool IsLyAdverb(const View& v, int i) const {
    const Token* t = T(v, i);
    return t && t->word && !t->caps && t->low.size() > 5 && EndsWith(t->low, "ly") && !Nounish(v, i + 1, false);
  }
  // Whether a verb follows a noun inside `r` ("rescuers worked overnight"),
  // unlike a participle modifying one ("the number of displaced people").
  bool HasVerb(const View& v, Range r) const {
    for (int i = r.b + 1; i < r.e; ++i) {
      const std::string& prev = v.toks[static_cast<std::size_t>(i - 1)].low;
      if (IsVerbish(v, i) && prev != "of" && Cls(v, i - 1) != "det" && !EndsWith(prev, "ly")) return true;
    }
    return false;
  }
  // The plural noun a figure is said to be, from the copula at `cop`
  // ("14 were teenagers"; "half of them are children" keeps the entity of
  // "them", the SPEC's anaphora).
  Range PredicateNoun(const View& v, int cop) const {
    if (!(Is(v, cop, "are") || Is(v, cop, "were"))) return {};
    Range r = FollowNP(v, cop + 1);
    if (r.empty() || !IsPlural(v.toks[static_cast<std::size_t>(r.e - 1)]) || Is(v, r.e, "of")) return {};
    return r;
  }
  // The subject of the verb `verb` when a relative clause stands between
  // them ("The death toll from the quake that struck Turkey on Monday rose
  // to"): the phrase before "that"/"which". A relative follows a noun and
  // opens on its verb; "noted that the average wait had doubled" is none.
  Range SubjectBeforeRelative(const View& v, int verb) const {
    for (int j = verb - 1; j > 0 && j >= verb - 15; --j) {
      const Token& t = v.toks[static_cast<std::size_t>(j)];
      if (t.low == "," || t.low == ";" || t.quantity >= 0) return {};
      if (t.low != "that" && t.low != "which") continue;
      const Token* next = T(v, j + 1);
      const bool opens_on_verb = next && next->word && !next->number && next->quantity < 0 && !Capitalized(v, j + 1) &&
                                 (Cls(v, j + 1).empty() || Cls(v, j + 1) == "aux");
      if (!opens_on_verb || !Nounish(v, j - 1, false) || IsVerbish(v, j - 1) || T(v, j - 1)->speech) return {};
      // A noun naming the figure earlier in the subject heads it ("The
      // death toll from a magnitude 7.7 earthquake that struck").
      for (int k = j - 1; k >= 0 && k >= j - 12; --k) {
        const Token& n = v.toks[static_cast<std::size_t>(k)];
        if (n.low == "," || n.low == ";" || n.speech) break;
        if (n.pred && n.pred->cls == "noun" && Cls(v, k).empty()) {
          Range named = LeftNP(v, k + 1, 0);
          if (!named.empty()) return named;
        }
      }
      return LeftNP(v, j, 0);
    }
    return {};
  }
  // The subject of the verb `verb` across an apposition or parenthetical
  // between commas ("Shipments to the United States, China's largest
  // market, dropped 23.1%", "Youth unemployment, among those under 25,
  // stood at"): the phrase before the first comma. None when a figure
  // sits between the commas (a list) or the verb has no comma before it.
  Range SubjectBeforeApposition(const View& v, int verb) const {
    int j = verb - 1;
    while (j >= 0 && (Cls(v, j) == "aux" || Cls(v, j) == "adv")) --j;
    if (!Is(v, j, ",")) return {};
    for (int k = j - 1; k > 0 && k >= j - 12; --k) {
      const Token& t = v.toks[static_cast<std::size_t>(k)];
      if (t.quantity >= 0 || t.low == ";" || t.low == "(" || t.low == ")" || t.speech) return {};
      if (t.low != ",") continue;
      Range r = LeftNP(v, k, 0);
      if (r.empty() || Cls(v, r.b) == "pron" || HasVerb(v, r)) return {};
      return r;
    }
    return {};
  }
  // Marks v.aside: a segment opened by a comma and an aside opener and
  // closed by the next comma of the sentence. Without the closing comma it
  // is the sentence's own last clause, not an aside.
  void MarkAsides(View& v) const;
  // Whether time t lies in an aside that does not hold token `tok`.
  bool AsideApart(const View& v, std::size_t t, int tok) const {
    const int a = v.aside[static_cast<std::size_t>(v.time_toks[t].b)];
    return a >= 0 && a != v.aside[static_cast<std::size_t>(tok)];
  }
  // Whether speech verb j is a passive whose subject is a figure ("31,200
  // cases were reported in March"): it reports the events, so a time after
  // it dates them.
  bool PassiveOfFigure(const View& v, int j) const {
    const Token* aux = T(v, j - 1);
    if (!aux || !(aux->low == "was" || aux->low == "were" || aux->low == "been" || aux->low == "is" ||
                  aux->low == "are")) {
      return false;
    }
    for (int k = j - 2; k >= 0 && k >= j - 6; --k) {
      const Token& tk = v.toks[static_cast<std::size_t>(k)];
      if (tk.quantity >= 0) return true;
      if (!tk.word) return false;
    }
    return false;
  }
  // Whether [b, e) has a word that makes a current period whole (an
  // appeal, a present-tense need: time_whole_period_cues.txt).
  bool WholePeriodCue(const View& v, int b, int e) const {
    for (int i = std::max(b, 0); i < e && i < static_cast<int>(v.toks.size()); ++i) {
      const Token& tk = v.toks[static_cast<std::size_t>(i)];
      if (tk.word && whole_period_cues.count(tk.low)) return true;
    }
    return false;
  }
  // Whether the figure at qf opens its comma segment (", about 45% of",
  // ", down 8.8 percent", ", to 2,903", ", just 0.06C below").
  bool OpensWithFigure(const View& v, int qf) const {
    const int sb = ClauseStart(v, qf, 2);
    if (sb < 1 || !Is(v, sb, ",")) return false;
    int k = sb + 1;
    for (const char* lead : {"up", "down", "to", "or"}) {
      if (Is(v, k, lead)) {
        ++k;
        break;
      }
    }
    if (Is(v, k, "just") || Is(v, k, "only")) ++k;
    if (k != qf) return false;
    for (int i = qf, e = ClauseEnd(v, qf, 2); i < e; ++i) {
      if (Cls(v, i) == "aux") return false;  // ", two men ... have zeroed in": a clause
    }
    return true;
  }
  // Whether a length mention places something: "within" a distance, or a
  // place word (time_place_words.txt) right after it, past a conversion in
  // parentheses ("40km (25 miles) north-west").
  bool PlacingDistance(const View& v, const Work& w, const Quantity& q) const {
    if (!LengthUnit(q.unit)) return false;
    const std::string_view m = q.span.of(v.text);
    if (m.size() >= 6 && (m.substr(0, 6) == "within" || m.substr(0, 6) == "Within")) return true;
    int k = w.ql + 1;
    if (Is(v, k, ")")) ++k;  // the conversion itself: "40km (25 miles) north-west"
    if (Is(v, k, "(")) {
      while (k < static_cast<int>(v.toks.size()) && k <= w.ql + 6 && !Is(v, k, ")")) ++k;
      ++k;
    }
    const Token* t = T(v, k);
    return t && t->word && place_words.count(t->low) > 0;
  }
  static bool LengthUnit(std::string_view u) {
    for (std::string_view l : {"km", "m", "cm", "mm", "mi", "yd", "ft", "in"}) {
      if (u == l) return true;
    }
    return false;
  }
  // For a figure in a segment opened by ", in which" or ", during which":
  // the time nearest the end of the segment before it; -1 where none.
  int InWhichCarry(const View& v, int qf) const {
    const int sb = ClauseStart(v, qf, 2);
    if (sb < 1 || !Is(v, sb, ",") || !(Is(v, sb + 1, "in") || Is(v, sb + 1, "during")) ||
        !Is(v, sb + 2, "which")) {
      return -1;
    }
    const int prev = v.toks[static_cast<std::size_t>(sb - 1)].level[2];
    for (std::size_t t = v.times.size(); t-- > 0;) {
      const Range r = v.time_toks[t];
      if (r.b >= 0 && !v.speech[t] && v.toks[static_cast<std::size_t>(r.b)].level[2] == prev) {
        return static_cast<int>(t);
      }
    }
    return -1;
  }
  // Leftmost token of `t`'s level-3 clause.
  int ClauseStart(const View& v, int i, int level) const {
    int id = v.toks[static_cast<std::size_t>(i)].level[level];
    while (i > 0 && v.toks[static_cast<std::size_t>(i - 1)].level[level] == id) --i;
    return i;
  }
  int ClauseEnd(const View& v, int i, int level) const {
    int id = v.toks[static_cast<std::size_t>(i)].level[level];
    int n = static_cast<int>(v.toks.size());
    while (i + 1 < n && v.toks[static_cast<std::size_t>(i + 1)].level[level] == id) ++i;
    return i + 1;
  }
  std::string Text(const View& v, Range r, Span* span) const {
    std::string out;
    // Keep what follows a possessive inside the phrase ("company's workforce" → workforce).
    for (int i = r.b; i + 1 < r.e; ++i) {
      if (IsPossessive(v.toks[static_cast<std::size_t>(i)].low)) r.b = i + 1;
    }
    for (int i = r.b; i < r.e; ++i) {
      if (!out.empty()) out.push_back(' ');
      out += v.toks[static_cast<std::size_t>(i)].low;
    }
    if (span) *span = Span{v.toks[static_cast<std::size_t>(r.b)].span.start,
                           v.toks[static_cast<std::size_t>(r.e - 1)].span.end};
    return out;
  }
  bool HasWord(const View& v, int b, int e, std::string_view w) const {
    for (int i = std::max(b, 0); i < e && i < static_cast<int>(v.toks.size()); ++i) {
      if (v.toks[static_cast<std::size_t>(i)].low == w) return true;
    }
    return false;
  }
  // Whether the words of `phrase` (single spaces) occur as consecutive
  // tokens of [b, e), tokens inside a time expression skipped. Compares
  // tokens in place: no string is built.
  bool HasPhrase(const View& v, int b, int e, std::string_view phrase) const {
    e = std::min(e, static_cast<int>(v.toks.size()));
    for (int i = std::max(b, 0); i < e; ++i) {
      if (v.toks[static_cast<std::size_t>(i)].time >= 0) continue;
      if (PhraseAt(v, i, e, phrase)) return true;
    }
    return false;
  }
  // Whether `phrase` starts at token i (< e), time tokens skipped.
  bool PhraseAt(const View& v, int i, int e, std::string_view phrase) const {
    int j = i;
    std::size_t pos = 0;
    bool ok = true;
    while (ok) {
      std::size_t sp = phrase.find(' ', pos);
      std::string_view word = phrase.substr(pos, sp == std::string_view::npos ? std::string_view::npos : sp - pos);
      while (j < e && v.toks[static_cast<std::size_t>(j)].time >= 0) ++j;
      ok = j < e && v.toks[static_cast<std::size_t>(j)].low == word;
      ++j;
      if (sp == std::string_view::npos) break;
      pos = sp + 1;
    }
    return ok;
  }
  // Whether a figure is ground taken or held (claims_territory.txt): places
  // or an area a few words after a verb of taking ("have seized 14
  // villages", "advanced by about 600 square kilometres"), or, in a
  // sentence naming armed forces, a "within X km of" distance or a
  // distance advanced ("have advanced up to 2 kilometers west of").
  bool TerritoryTaken(const View& v, const Work& w, const Claim& c) const {
    const std::string& u = c.quantity.unit;
    const std::string_view entity = c.entity;
    std::string_view head = entity.substr(0, entity.find(" of "));
    head = head.substr(head.rfind(' ') == std::string_view::npos ? 0 : head.rfind(' ') + 1);
    const bool place = (c.quantity.kind == Kind::kCount || c.quantity.kind == Kind::kPercent) &&
                       lex.territory_places.count(head) > 0;
    if (place || u == "km2" || u == "sqmi") return TakingVerbBefore(v, w.qf);
    if (c.quantity.kind != Kind::kMeasure || !(u == "km" || u == "m" || u == "mi")) return false;
    std::string_view m = c.quantity.span.of(v.text);
    const bool within = m.size() > 7 && (m.substr(0, 7) == "within " || m.substr(0, 7) == "Within ");
    if (!within && !TakingVerbBefore(v, w.qf)) return false;
    for (const Token& t : v.toks) {
      if (lex.territory_forces.count(t.low)) return true;
    }
    return false;
  }
  // Whether a verb of taking ground (claims_territory.txt) is a few words
  // before token `qf`. The verb may govern a list ("retaken the town of
  // Nasir and 6 surrounding villages"), which crosses clause pieces, so
  // this looks back a fixed window, not past a semicolon.
  bool TakingVerbBefore(const View& v, int qf) const {
    for (int i = qf - 1; i >= 0 && i >= qf - 8; --i) {
      const std::string& low = v.toks[static_cast<std::size_t>(i)].low;
      if (low == ";") break;
      if (lex.territory_verbs.count(low)) return true;
    }
    return false;
  }
  // Whether any cumulative cue occurs in [b, e): only tokens that start
  // one are tried (same answer as trying every cue everywhere).
  bool AnyCumulativeCue(const View& v, int b, int e) const {
    e = std::min(e, static_cast<int>(v.toks.size()));
    for (int i = std::max(b, 0); i < e; ++i) {
      const Token& t = v.toks[static_cast<std::size_t>(i)];
      if (t.time >= 0 || !t.cumulative) continue;
      for (const std::string& cue : *t.cumulative) {
        if (PhraseAt(v, i, e, cue)) return true;
      }
    }
    return false;
  }

  // How a time expression starting at token `b` relates to a "since" a
  // few words before it, in its comma segment:
  // kRunning opens a running total ("since the city fell on Saturday");
  // kComparison follows a superlative ("the biggest since it reopened in
  // 2019", "its first cut since 2019"): a baseline, dating nothing here.
  enum class SinceFrame { kNone, kRunning, kComparison };
  // `ql` is the figure's last token: the "since" must come after it, and
  // other figures may sit inside the frame ("since its 1.76 billion euro
  // renovation was completed in 2024").
  SinceFrame SinceClauseOf(const View& v, int b, int ql) const {
    if (b <= 0) return SinceFrame::kNone;
    const int seg = v.toks[static_cast<std::size_t>(b)].level[2];
    for (int k = b - 1; k > ql && k >= b - 12; --k) {
      const Token& t = v.toks[static_cast<std::size_t>(k)];
      if (t.level[2] != seg) return SinceFrame::kNone;
      if (t.low != "since" || t.time >= 0) continue;
      // Inside the frame: right after "since (the)", or past its verb ("since
      // the city fell on Saturday", "since the offensive began in March":
      // a lower-case word before the time); not after a name ("since the
      // Cold War on Thursday" dates the main clause).
      bool inside = k == b - 1 || (k == b - 2 && Cls(v, b - 1) == "det") ||
                    (T(v, b - 1)->word && !Capitalized(v, b - 1));
      for (int j = k + 1; j < b && !inside; ++j) inside = IsVerbish(v, j);
      if (!inside) return SinceFrame::kNone;
      // A superlative up to three words before: "its biggest prisoner exchange since".
      for (int j = k - 1; j >= 0 && j >= k - 3; --j) {
        const std::string_view w = v.toks[static_cast<std::size_t>(j)].low;
        if (w == "first" || w == "most" || w == "least" || (w.size() > 4 && EndsWith(w, "est"))) {
          return SinceFrame::kComparison;
        }
      }
      return SinceFrame::kRunning;
    }
    return SinceFrame::kNone;
  }
  // The comma closing an aside that opens with the comma at `open`, the
  // first one a verb follows ("104 people, mostly from Syria, Egypt and
  // Afghanistan, had been rescued"); else -1. Not past a quote, a colon or
  // a speech verb.
  int AsideEnd(const View& v, int open) const {
    const int n = static_cast<int>(v.toks.size());
    // Only an aside about the figure's own noun: a restatement or a make-up
    // ("or roughly 70%", "mostly from", "including"), not a relative clause
    // about a name ("Stein, who lives at ..., admitted").
    const Token* first = T(v, open + 1);
    bool about_figure = first && (first->quantity >= 0 || lex.restatement_openers.count(first->low));
    if (!about_figure) return -1;
    for (int k = open + 1; k < n && k <= open + 14; ++k) {
      const Token& t = v.toks[static_cast<std::size_t>(k)];
      if (t.low == ";" || t.low == ":" || t.low == "\"" || t.speech) return -1;
      // A comma before a non-verb is a list inside the aside ("mostly from
      // Syria, Egypt, Pakistan and Afghanistan,").
      if (t.low == "," && (Cls(v, k + 1) == "aux" || IsInflectedVerb(v, k + 1))) return k;
    }
    return -1;
  }
  // The category of an entity's lexicon cue (claims_entity_cues.txt): its
  // head word (a two-word head first), else the earliest row equal to a run
  // of its words; none without a cue.
  // The category of the entity cue found in `entity` (lower case), and that
  // cue (a lexicon key) in `*phrase` when given. Cues marked "weak" count
  // only when `weak_ok`.
  std::optional<Category> EntityCue(std::string_view entity, std::string_view* phrase = nullptr,
                                    bool weak_ok = true) const {
    std::optional<Category> cat;
    auto usable = [&](const std::string& cue) { return weak_ok || !lex.weak_cues.count(cue); };
    // Last word first (the head decides), then any phrase: the earliest
    // lexicon row equal to a run of the entity's words.
    std::string_view core = entity;
    if (std::size_t of = core.find(" of "); of != std::string_view::npos) core = core.substr(0, of);
    std::size_t pos = core.rfind(' ');
    std::string_view head = pos == std::string_view::npos ? core : core.substr(pos + 1);
    // A two-word head first: "case fatality rate" is health, "rate" economy.
    std::string_view head2;
    if (pos != std::string_view::npos && pos > 0) {
      std::size_t p2 = core.rfind(' ', pos - 1);
      head2 = p2 == std::string_view::npos ? core : core.substr(p2 + 1);
    }
    if (auto it2 = head2.empty() ? lex.entity_cue_index.end() : lex.entity_cue_index.find(head2);
        it2 != lex.entity_cue_index.end() && usable(it2->first)) {
      cat = it2->second.second;
      if (phrase) *phrase = it2->first;
    } else if (auto it = lex.entity_cue_index.find(head); it != lex.entity_cue_index.end() && usable(it->first)) {
      cat = it->second.second;
      if (phrase) *phrase = it->first;
    } else {
      std::string_view e = entity;
      std::size_t best = static_cast<std::size_t>(-1);
      for (std::size_t a = 0; a < e.size();) {  // a: start of a word
        for (std::size_t b = a; b <= e.size(); ++b) {
          if (b < e.size() && e[b] != ' ') continue;
          if (auto it = lex.entity_cue_index.find(e.substr(a, b - a));
              it != lex.entity_cue_index.end() && it->second.first < best && usable(it->first)) {
            best = it->second.first;
            cat = it->second.second;
            if (phrase) *phrase = it->first;
          }
        }
        std::size_t sp = e.find(' ', a);
        if (sp == std::string_view::npos) break;
        a = sp + 1;
      }
    }
    return cat;
  }
  // Index of the token ending at byte `end`, or -1.
  int TokenEndingAt(const View& v, std::size_t end) const {
    auto it = std::lower_bound(v.toks.begin(), v.toks.end(), end,
                               [](const Token& a, std::size_t off) { return a.span.end < off; });
    return it != v.toks.end() && it->span.end == end ? static_cast<int>(it - v.toks.begin()) : -1;
  }
  // Whether the cause named after the act or the dead ("died from extreme
  // hunger or disease", "deaths from cholera") is an illness or hunger:
  // health or relief cues in the few words after "from"/"of".
  bool DiedOfIllness(const View& v, const Claim& c) const {
    // ("the deaths of three aid workers" names the dead, not the cause.)
    for (Span anchor : {c.predicate_span, c.entity_span}) {
      if (anchor.end <= anchor.start) continue;
      const int j = TokenEndingAt(v, anchor.end);
      if (j < 0 || !(Is(v, j + 1, "from") || Is(v, j + 1, "of"))) continue;
      int counts[9] = {0};
      ContextCounts(v, j + 2, std::min(j + 8, ClauseEnd(v, j + 1, 2)), counts);
      const bool cause = anchor == c.predicate_span || Is(v, j + 1, "from");
      if (counts[static_cast<int>(Category::kHealth)] > 0 ||
          (cause && counts[static_cast<int>(Category::kHumanitarian)] > 0)) {
        return true;
      }
    }
    return false;
  }
  // Context-cue hits per category among tokens [b, e), each cue counted once.
  // Attribution words are skipped unless `with_attribution` (the document's
  // topic: a speaker's name, "the Forest Fire Centre", is topical there).
  void ContextCounts(const View& v, int b, int e, int counts[9], bool with_attribution = false) const {
    // Cues matched so far: few per range, so a short list beats a table.
    std::size_t seen_ids[64];
    std::size_t seen_n = 0;
    std::vector<char> seen_table;  // past 64 (a pathological range): a table, still linear
    auto seen = [&](std::size_t ci) {
      if (!seen_table.empty()) return seen_table[ci] != 0;
      for (std::size_t k = 0; k < seen_n; ++k) {
        if (seen_ids[k] == ci) return true;
      }
      return false;
    };
    const std::size_t n = v.toks.size();
    for (std::size_t t = static_cast<std::size_t>(std::max(b, 0)); t < static_cast<std::size_t>(e) && t < n; ++t) {
      if (!v.toks[t].context || (!with_attribution && !v.attribution.empty() && v.attribution[t])) continue;
      for (std::size_t ci : *v.toks[t].context) {
        if (seen(ci)) continue;
        const auto& words = context_words[ci];
        bool ok = t + words.size() <= n;
        for (std::size_t k = 1; ok && k < words.size(); ++k) ok = v.toks[t + k].low == words[k];
        if (ok) {
          if (seen_n < 64) {
            seen_ids[seen_n++] = ci;
          } else {
            if (seen_table.empty()) {
              seen_table.assign(lex.context_cues.size(), 0);
              for (std::size_t k = 0; k < seen_n; ++k) seen_table[seen_ids[k]] = 1;
            }
            seen_table[ci] = 1;
          }
          ++counts[static_cast<int>(lex.context_cues[ci].category)];
        }
      }
    }
  }
  // The category with most hits; a tie goes to the document's topic so far
  // (`prior`, may be null), then to the earlier lexicon line. None without hits.
  std::optional<Category> BestOf(const int counts[9], const int* prior) const {
    int best = -1;
    for (int c = 0; c < 9; ++c) {
      if (counts[c] == 0) continue;
      if (best < 0 || counts[c] > counts[best]) {
        best = c;
        continue;
      }
      if (counts[c] < counts[best]) continue;
      int pc = prior ? prior[c] : 0, pb = prior ? prior[best] : 0;
      if (pc > pb || (pc == pb && category_order[c] < category_order[best])) best = c;
    }
    if (best < 0) return std::nullopt;
    return static_cast<Category>(best);
  }

  // `times` are the time expressions overlapping `sentence`, in recognizer order.
  View MakeView(std::string_view text, Span sentence, const std::vector<Quantity>& qs,
                std::size_t q_begin, std::size_t q_end,
                const std::vector<const TimeExpression*>& times) const;
  void Entity(const View& v, Work& w, Claim& c, const std::vector<Claim>& done,
              std::size_t sentence_first) const;
  void ChangeOf(const View& v, Work& w, Claim& c, const Work* prev_work, const Claim* prev) const;
  void MarkAttribution(View& v) const;
  void ShareWithRestated(const View& v, const Work& pw, const Work& w, const Claim& prev, Claim& c) const;
  void PredicateOf(const View& v, Work& w, Claim& c) const;
  void CategoryOf(const View& v, const Work& w, Claim& c, const std::vector<Claim>& done) const;
  void TimeOf(const View& v, Work& w, Claim& c, const std::vector<Work>& sentence_work,
              const std::vector<Claim>& done, std::size_t sentence_first) const;
  void AggregationOf(const View& v, const Work& w, Claim& c, const std::vector<Claim>& done) const;
};

ClaimBuilder::Impl::View ClaimBuilder::Impl::MakeView(std::string_view text, Span sentence,
                                                      const std::vector<Quantity>& qs,
                                                      std::size_t q_begin, std::size_t q_end,
                                                      const std::vector<const TimeExpression*>& times) const {
  View v;
  v.text = text;
  v.toks = claims_internal::Tokenize(text, sentence);
  for (Token& tk : v.toks) {
    const WordEntry* found = Lookup(tk.low);
    if (!found) continue;
    const WordEntry& e = *found;
    tk.cls = e.cls;
    tk.pred = e.pred;
    tk.change = e.change;
    tk.speech = e.speech;
    tk.context = e.context;
    tk.cumulative = e.cumulative;
    tk.head_role = e.head_role;
  }
  v.times = times;
  v.time_toks.assign(v.times.size(), Range{});
  // Tokens and quantities are both in text order: one merge pass, not a
  // tokens x quantities product (a 1 MB "sentence" has thousands of each).
  std::size_t q = q_begin;
  for (std::size_t i = 0; i < v.toks.size(); ++i) {
    Token& tk = v.toks[i];
    while (q < q_end && qs[q].span.end <= tk.span.start) ++q;
    for (std::size_t r = q; r < q_end && qs[r].span.start < tk.span.end; ++r) {
      if (qs[r].span.overlaps(tk.span)) tk.quantity = static_cast<int>(r - q_begin);
    }
  }
  // Time expressions are few per view; each finds its tokens by binary search.
  for (std::size_t t = 0; t < v.times.size(); ++t) {
    Span ts = v.times[t]->span;
    auto it = std::lower_bound(v.toks.begin(), v.toks.end(), ts.start,
                               [](const Token& a, std::size_t off) { return a.span.end <= off; });
    for (; it != v.toks.end() && it->span.start < ts.end; ++it) {
      if (!ts.overlaps(it->span)) continue;
      std::size_t i = static_cast<std::size_t>(it - v.toks.begin());
      it->time = static_cast<int>(t);
      if (v.time_toks[t].b < 0) v.time_toks[t].b = static_cast<int>(i);
      v.time_toks[t].e = static_cast<int>(i) + 1;
    }
  }
  claims_internal::AssignLevels(v.toks, [&](std::size_t i) { return IsVerbish(v, static_cast<int>(i)); });
  MarkAsides(v);
  // A time expression right after a speech verb dates the speaking; one in
  // a comparison ("than in 2022", "compared with the same period in 2021")
  // or a dateline ("MADRID, Aug 19 (Reuters) -") dates nothing here.
  v.speech.assign(v.times.size(), false);
  for (std::size_t t = 0; t < v.times.size(); ++t) {
    int b = v.time_toks[t].b;
    if (b < 0) continue;
    int e = v.time_toks[t].e;
    // A dateline is a bare date ("Aug 19 (Reuters)"), not "in 2021 (a 57% increase)".
    const char first = v.text[v.times[t]->span.start];
    bool dateline = v.times[t]->rule == "time.anchor" && !(first >= 'a' && first <= 'z') &&
                    e < static_cast<int>(v.toks.size()) &&
                    (v.toks[static_cast<std::size_t>(e)].low == "(" || v.toks[static_cast<std::size_t>(e)].low == "-" ||
                     v.toks[static_cast<std::size_t>(e)].low == "\xE2\x80\x94" ||
                     v.toks[static_cast<std::size_t>(e)].low == "\xE2\x80\x93");
    // "below the record set in July 2023": the date of the record compared with.
    bool compared = Is(v, b - 1, "than") || (Is(v, b - 1, "set") && Is(v, b - 2, "record"));
    for (int k = b - 1; k >= 0 && k >= b - 6; --k) {
      if (v.toks[static_cast<std::size_t>(k)].low == "compared") compared = true;
    }
    if (v.times[t]->record_frame) compared = true;  // "their highest since October"
    // "up 1.4% from last year": the baseline's period, not the change's.
    if (Is(v, b - 1, "from") && b >= 2 && v.toks[static_cast<std::size_t>(b - 2)].quantity >= 0) compared = true;
    if (dateline || compared) {
      v.speech[t] = true;
      continue;
    }
    // "revised its figures for November and December": a period the
    // content is for, not the day of the act.
    if (Is(v, b, "for")) continue;
    for (int j = b - 1, steps = 0; j >= 0 && steps < 10; --j, ++steps) {
      const Token& tk = v.toks[static_cast<std::size_t>(j)];
      if (tk.quantity >= 0 || tk.low == ";" || tk.low == "(") break;
      // A finite verb or "since" between them opens the reported clause,
      // which the time dates ("said bad weather had cut their hours in
      // January", "since it was declared on Aug. 1").
      if (tk.low == "since" || Cls(v, j) == "aux") break;
      if (tk.speech) {
        // "said rainfall in August was 780% above average": a noun between
        // and a verb right after the time make it part of the reported
        // clause's subject ("an outbreak declared in May has spread" is not).
        const bool subject = j < b - 1 && Cls(v, e) == "aux";
        v.speech[t] = !PassiveOfFigure(v, j) && !subject;
        break;
      }
      if (tk.low == ",") break;
    }
  }
  MarkAttribution(v);
  return v;
}

// Marks the words of each attribution with no figure inside: the speaker
// before a speech verb (its clause when a figure follows the verb there,
// else its comma segment), what follows the verb to its clause's or else
// segment's end ("said on Tuesday", "told MPs"), and "according to ..." to
// the segment's end. Linear in the view (a megabyte "sentence" may hold
// thousands of speech verbs): clause and segment bounds and figure counts
// are computed once, and marks are added as ranges and summed at the end.
void ClaimBuilder::Impl::MarkAttribution(View& v) const {
  const int n = static_cast<int>(v.toks.size());
  v.attribution.assign(v.toks.size(), 0);
  if (n == 0) return;
  // Start and end of each token's level-3 clause and level-2 segment.
  std::vector<int> cs(n), ss(n), ce(n), se(n);
  for (int k = 0; k < n; ++k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    const bool same3 = k > 0 && v.toks[static_cast<std::size_t>(k - 1)].level[3] == t.level[3];
    const bool same2 = k > 0 && v.toks[static_cast<std::size_t>(k - 1)].level[2] == t.level[2];
    cs[k] = same3 ? cs[k - 1] : k;
    ss[k] = same2 ? ss[k - 1] : k;
  }
  for (int k = n - 1; k >= 0; --k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    const bool same3 = k + 1 < n && v.toks[static_cast<std::size_t>(k + 1)].level[3] == t.level[3];
    const bool same2 = k + 1 < n && v.toks[static_cast<std::size_t>(k + 1)].level[2] == t.level[2];
    ce[k] = same3 ? ce[k + 1] : k + 1;
    se[k] = same2 ? se[k + 1] : k + 1;
  }
  std::vector<int> figures(static_cast<std::size_t>(n) + 1, 0);  // figure tokens before k
  for (int k = 0; k < n; ++k) {
    figures[static_cast<std::size_t>(k) + 1] =
        figures[static_cast<std::size_t>(k)] + (v.toks[static_cast<std::size_t>(k)].quantity >= 0 ? 1 : 0);
  }
  auto figure_free = [&](int b, int e) {
    return b >= e || figures[static_cast<std::size_t>(e)] == figures[static_cast<std::size_t>(b)];
  };
  std::vector<int> marks(static_cast<std::size_t>(n) + 1, 0);  // +1 at a range's start, -1 at its end
  auto mark = [&](int b, int e) {
    if (b >= e) return;
    ++marks[static_cast<std::size_t>(b)];
    --marks[static_cast<std::size_t>(e)];
  };
  for (int s = 0; s < n; ++s) {
    const Token& t = v.toks[static_cast<std::size_t>(s)];
    if (t.quantity >= 0 || t.time >= 0) continue;
    if (t.low == "according" && Is(v, s + 1, "to")) {
      if (figure_free(s, se[s])) mark(s, se[s]);
      continue;
    }
    if (!t.speech || t.caps) continue;
    // Before the verb: its whole clause when the figure follows in it
    // ("Martin Griffiths, the UN humanitarian chief, told ... that"),
    // else only its comma segment (", the U.N. said").
    if (figure_free(cs[s], s) && !figure_free(s + 1, ce[s])) {
      mark(cs[s], s + 1);
    } else if (figure_free(ss[s], s)) {
      mark(ss[s], s + 1);
    }
    // After it: the rest of the clause ("said Dr Adam Ibrahim, director of
    // the city's South Hospital"), else of the segment ("said on Tuesday").
    if (figure_free(s + 1, ce[s])) {
      mark(s + 1, ce[s]);
    } else if (figure_free(s + 1, se[s])) {
      mark(s + 1, se[s]);
    }
  }
  int open = 0;
  for (int k = 0; k < n; ++k) {
    open += marks[static_cast<std::size_t>(k)];
    v.attribution[static_cast<std::size_t>(k)] = open > 0 ? 1 : 0;
  }
}

void ClaimBuilder::Impl::MarkAsides(View& v) const {
  const int n = static_cast<int>(v.toks.size());
  v.aside.assign(v.toks.size(), -1);
  for (int i = 0; i + 1 < n; ++i) {
    if (!Is(v, i, ",") || v.toks[static_cast<std::size_t>(i + 1)].time >= 0) continue;
    bool opens = false;
    for (const std::string& o : aside_openers) {
      if (PhraseAt(v, i + 1, n, o)) {
        opens = true;
        break;
      }
    }
    if (!opens) continue;
    int e = i + 1;
    while (e < n && !Is(v, e, ",") && v.toks[static_cast<std::size_t>(e)].level[3] ==
                                          v.toks[static_cast<std::size_t>(i + 1)].level[3]) {
      ++e;
    }
    if (e >= n || !Is(v, e, ",")) continue;
    for (int k = i + 1; k < e; ++k) v.aside[static_cast<std::size_t>(k)] = i;
    i = e - 1;
  }
}

// ---------------------------------------------------------------- entity
void ClaimBuilder::Impl::Entity(const View& v, Work& w, Claim& c, const std::vector<Claim>& done,
                                std::size_t sentence_first) const {
  const Kind kind = c.quantity.kind;
  int after = w.ql + 1;
  // Skip a parenthesized conversion: "12,000 hectares (29,650 acres) of forest".
  if (Is(v, after, "(")) {
    int k = after + 1;
    while (k < static_cast<int>(v.toks.size()) && v.toks[static_cast<std::size_t>(k)].quantity >= 0) ++k;
    if (Is(v, k, ")")) after = k + 1;
  } else if (Is(v, after, ")")) {
    ++after;
  }
  Range r;
  bool them = false;
  auto take = [&](Range x, std::string_view rule) {
    if (x.empty()) return false;
    c.entity = Text(v, x, &c.entity_span);
    c.rules.push_back(rule);
    return true;
  };
  // Subset of the previous figure: "20,000 of them", "including 1,100".
  if (Is(v, after, "of")) {
    Range x = OfNP(v, after, them);
    if (them) {
      w.subset = true;
      const Token* p = T(v, after + 1);
      while (p && Cls(v, static_cast<int>(p - v.toks.data())) == "det") ++p;
      int k = p ? static_cast<int>(p - v.toks.data()) + 1 : after + 2;
      Range named = FollowNP(v, k);
      // "20,000 of them children"; "86% of them residential" describes them.
      if (!named.empty() && !IsVerbish(v, named.e) && IsPlural(v.toks[static_cast<std::size_t>(named.e - 1)]) &&
          take(named, "entity.of_them_named")) {
        for (std::size_t a = done.size(); a-- > 0;) {
          if (!done[a].entity.empty()) {
            w.antecedent = static_cast<int>(a);
            break;
          }
        }
        c.rules.push_back("entity.subset");
        return;
      }
    } else if (!x.empty() && !(kind == Kind::kPercent && (Text(v, x, nullptr) == "gdp" ||
                                                          Text(v, x, nullptr) == "gross domestic product"))) {
      if (take(x, "entity.of_phrase")) return;
    }
  }
  // "nearly half the population", "a third its size": a fraction right
  // before a determiner is a partitive without its "of" ("half an hour",
  // "an hour and a half a listener's" are none).
  if (kind == Kind::kPercent && Cls(v, after) == "det" && !Is(v, after, "a") && !Is(v, after, "an") &&
      std::find(c.quantity.rules.begin(), c.quantity.rules.end(), std::string_view("proportion.fraction")) !=
          c.quantity.rules.end()) {
    bool pronoun = false;
    Range x = OfNP(v, after - 1, pronoun);  // OfNP reads from the token after `of`
    if (take(x, "entity.fraction_det")) return;
  }
  if (Is(v, w.qf - 1, "including") || (Is(v, w.qf - 1, "them") && Is(v, w.qf - 2, "among"))) {
    w.subset = true;
  }
  // "including 13 Israelis, 10 Thai nationals and one Filipino": the list goes on.
  if (!w.subset && (Is(v, w.qf - 1, ",") || Is(v, w.qf - 1, "and")) && !done.empty() &&
      done.size() > sentence_first &&
      std::find(done.back().rules.begin(), done.back().rules.end(),
                std::string_view("entity.subset")) != done.back().rules.end()) {
    w.subset = true;
    w.antecedent = static_cast<int>(done.size()) - 1;
  }
  if (!w.subset && Is(v, w.qf - 1, "(") && !done.empty() && done.size() > sentence_first &&
      !done.back().entity.empty()) {
    // The conversion measures what the figure before it measures.
    const Claim& prev = done.back();
    c.entity = prev.entity;
    c.entity_span = prev.entity_span;
    w.antecedent = static_cast<int>(done.size()) - 1;
    w.entity_inherited = true;
    c.rules.push_back("entity.conversion");
    return;
  }
  if (!w.subset) {
    // "a street value of more than $700 million", "revenue of $26 billion".
    if (kind == Kind::kMoney && Is(v, w.qf - 1, "of") && !Is(v, w.qf - 2, "top")) {
      Range x = LeftNP(v, w.qf - 1, ClauseStart(v, w.qf, 3));
      if (take(x, "entity.value_of")) return;
    }
    // "a 16% rise in operating profit", "an 18 per cent cut in payroll":
    // the noun of change names what moved (the article marks it a noun,
    // unlike "with one down in the eighth"; "a 6% rise in a poll" is where).
    if (const Token* cn = T(v, after); cn && !cn->caps && cn->change != Change::kNone && Cls(v, w.qf - 1) == "det" &&
                                       (Is(v, after + 1, "in") || Is(v, after + 1, "of")) &&
                                       !Is(v, after + 2, "a") && !Is(v, after + 2, "an")) {
      bool pronoun = false;
      if (take(OfNP(v, after + 1, pronoun), "entity.change_noun")) return;
    }
    // "17,604 adults aged 45 or older", "children aged 10 to 14": the
    // ages of the noun before.
    if (kind == Kind::kDuration && Is(v, w.qf, "aged") && take(LeftNP(v, w.qf, 0), "entity.aged_noun")) return;
    // Attributive or following noun ("388,000 civilians", "£1.2bn shortfall").
    r = FollowNP(v, after);
    if (kind == Kind::kMeasure && !r.empty() && Cls(v, r.b) == "adj") r = {};
    // "lead narrowed to 18 points", "down three points": points of a change
    // measure what moved (scored points stay: "scoring 36 points").
    if (PointsNP(v, r) && (c.change != Change::kNone || v.toks[static_cast<std::size_t>(w.qf)].change != Change::kNone ||
                           (w.qf > 0 && v.toks[static_cast<std::size_t>(w.qf - 1)].change != Change::kNone))) {
      r = {};
    }
    if (take(r, "entity.following_noun")) return;
    if (take(PredicativeSubject(v, w.qf, after), "entity.predicative")) return;
    if (kind == Kind::kMoney || kind == Kind::kDuration) {
      int k = after;
      if (Is(v, k, "'") || Is(v, k, "'s")) ++k;
      if (Is(v, k, "worth") && Is(v, k + 1, "of")) k += 1;
      // "spent $2 billion on imports": money's "on" phrase too.
      if (Is(v, k, "in") || Is(v, k, "for") || Is(v, k, "of") || (kind == Kind::kMoney && Is(v, k, "on"))) {
        bool t2 = false;
        Range x = OfNP(v, k, t2);
        if (take(x, "entity.money_phrase")) return;
      }
    }
    // "held its policy rate at 50%", "estimates the damage at $10 billion",
    // "put the turnout at 1.28 million": a rate, price, sum or count stated
    // at a level is the noun before "at".
    // The noun must follow a determiner: "steady at", "close at",
    // "is forecast at" are no such nouns.
    if (Is(v, w.qf - 1, "at") && Nounish(v, w.qf - 2, false)) {
      Range x = LeftNP(v, w.qf - 1, ClauseStart(v, w.qf, 3));
      if (!x.empty() && (Cls(v, x.b - 1) == "det" || (T(v, x.b - 1) && IsPossessive(T(v, x.b - 1)->low))) &&
          take(x, "entity.stated_at")) {
        return;
      }
    }
    // "wheat worth $700,000", "winds of 150 mph", "his wife, aged 58", "for a decade".
    int left = w.qf - 1;
    bool on_top = Is(v, left, "of") && Is(v, left - 1, "top");
    if (!on_top && (Is(v, left, "worth") || Is(v, left, "of") || Is(v, left, ",") || Is(v, left, "for"))) {
      // "The enclave, about 4,400 square kilometers, ...": a measure in
      // apposition to the sentence's opening noun phrase.
      bool apposition = false;
      if (Is(v, left, ",") && kind == Kind::kMeasure) {
        Range x = LeftNP(v, left, 0);
        apposition = !x.empty() && (x.b == 0 || (x.b == 1 && Cls(v, 0) == "det"));
      }
      if (Is(v, left, "of") || Is(v, left, "worth") || (Is(v, left, ",") && kind == Kind::kDuration) || apposition ||
          (Is(v, left, "for") && kind == Kind::kDuration)) {
        Range x = LeftNP(v, left, ClauseStart(v, left, 3));
        if (take(x, "entity.left_noun")) return;
      }
    }
  }
  // Subset without its own noun: the antecedent's entity.
  // A figure glued to its noun by a hyphen ("the 400-member assembly",
  // "a five-storey building") modifies that noun; a later bare figure
  // ("..., 71 fewer than before") refers back to a counted figure instead.
  auto attributive = [&](const Claim& d) {
    std::string_view m = d.quantity.span.of(v.text);
    std::size_t end = d.quantity.span.end;
    bool glued = end + 1 < v.text.size() && v.text[end] == '-' && std::isalpha(static_cast<unsigned char>(v.text[end + 1]));
    std::size_t h = m.rfind('-');
    bool suffix = h != std::string_view::npos && h + 1 < m.size() &&
                  std::all_of(m.begin() + static_cast<std::ptrdiff_t>(h) + 1, m.end(),
                              [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; });
    return glued || suffix;
  };
  bool any_plain = false;
  for (std::size_t k = done.size(); k-- > 0;) {
    if (k < sentence_first && done.size() - k > 4) break;
    if (!done[k].entity.empty() && !attributive(done[k])) any_plain = true;
  }
  // A count does not count what a share was of ("Some 7.8 million people,
  // nearly half the population, ..., and 213,000 are at risk"), when a
  // count of the same sentence is there to refer to (among its last few:
  // a list-like sentence may hold thousands).
  bool any_count = false;
  for (std::size_t k = std::max(sentence_first, done.size() - std::min<std::size_t>(done.size(), 8));
       k < done.size(); ++k) {
    if (!done[k].entity.empty() && done[k].quantity.kind == Kind::kCount) any_count = true;
  }
  const bool skip_shares = kind == Kind::kCount && any_count;
  auto inherit = [&](std::string_view rule) {
    for (std::size_t k = done.size(); k-- > 0;) {
      if (k < sentence_first && done.size() - k > 4) break;
      if (any_plain && attributive(done[k])) continue;
      if (skip_shares && done[k].quantity.kind == Kind::kPercent) continue;
      if (!done[k].entity.empty()) {
        bool was_subset = std::find(done[k].rules.begin(), done[k].rules.end(),
                                    std::string_view("entity.subset")) != done[k].rules.end();
        if (was_subset && k > 0) continue;
        c.entity = done[k].entity;
        c.entity_span = done[k].entity_span;
        w.antecedent = static_cast<int>(k);
        w.entity_inherited = true;
        c.rules.push_back(rule);
        return true;
      }
    }
    return false;
  };
  if (w.subset) {
    c.rules.push_back("entity.subset");
    Range own = FollowNP(v, after);
    if (!own.empty()) {
      if (w.antecedent < 0) {
        for (std::size_t a = done.size(); a-- > 0;) {
          if (!done[a].entity.empty()) {
            w.antecedent = static_cast<int>(a);
            break;
          }
        }
      }
      take(own, "entity.subset_named");
      return;
    }
    if (inherit("entity.antecedent")) {
      // The subset keeps its antecedent; the reported entity is the antecedent's.
    }
    return;
  }
  // "doubled its tally to 99 seats from 52", "cut its deficit to 5.9% of
  // GDP from an estimated 6.4%": a baseline after "from" measures what the
  // new level before it measures.
  if (Is(v, w.qf - 1, "from") && done.size() > sentence_first && !done.back().entity.empty() &&
      done.back().quantity.kind == kind) {
    int q = w.qf - 2;
    while (q >= 0 && v.toks[static_cast<std::size_t>(q)].quantity < 0) --q;
    while (q > 0 && v.toks[static_cast<std::size_t>(q - 1)].quantity >= 0 &&
           v.toks[static_cast<std::size_t>(q - 1)].quantity == v.toks[static_cast<std::size_t>(q)].quantity) {
      --q;
    }
    if (q > 0 && Is(v, q - 1, "to")) {
      c.entity = done.back().entity;
      c.entity_span = done.back().entity_span;
      w.antecedent = static_cast<int>(done.size()) - 1;
      w.entity_inherited = true;
      c.rules.push_back("entity.baseline");
      return;
    }
  }
  // "The death toll passed 15,000": the verb opens the mention.
  if (IsVerbish(v, w.qf) || (v.toks[static_cast<std::size_t>(w.qf)].pred &&
                             Cls(v, w.qf).empty())) {
    const int cb = ClauseStart(v, w.qf, 3);
    // "The death toll from Monday's quake in Turkey and Syria passed
    // 15,000": a noun naming the figure opens the subject.
    for (int k = cb; k < w.qf && k < cb + 4; ++k) {
      const Token& t = v.toks[static_cast<std::size_t>(k)];
      if (t.pred && t.pred->cls == "noun" && Cls(v, k).empty()) {
        Range subj = LeftNP(v, k + 1, cb);
        if (!subj.empty() && take(subj, "entity.mark_subject_noun")) return;
      }
    }
    Range subj = LeftNP(v, w.qf, cb);
    if (!subj.empty() && Cls(v, subj.b) != "pron" && take(subj, "entity.mark_subject")) return;
  }
  // Subject or object of a change verb: "Payrolls rose by 531,000",
  // "raised its key rate by 0.25 percentage point".
  int clause = ClauseStart(v, w.qf, 3);
  if (w.form == ChangeForm::kDifference && w.change_verb < 0 &&
      (Is(v, w.qf - 1, "up") || Is(v, w.qf - 1, "down"))) {
    Range subj = LeftNP(v, w.qf - 1, clause);
    if (!subj.empty() && Cls(v, subj.b) != "pron" && take(subj, "entity.up_down_subject")) return;
  }
  if (w.change_verb >= 0) {
    int k = w.change_verb + 1;
    while (Cls(v, k) == "det") ++k;
    // "fell slightly to 15.98 percent": an -ly adverb, not an object.
    if (k == w.change_verb + 1 && IsLyAdverb(v, k)) ++k;
    Range obj = FollowNP(v, k);
    if (!obj.empty() && obj.e <= w.qf && take(obj, "entity.change_object")) return;
    if (take(SubjectBeforeRelative(v, w.change_verb), "entity.change_subject_relative")) return;
    Range subj = LeftNP(v, w.change_verb, clause);
    if (!subj.empty() && Cls(v, subj.b) != "pron" && take(subj, "entity.change_subject")) return;
    if (take(SubjectBeforeApposition(v, w.change_verb), "entity.change_subject_apposition")) return;
    // "The death toll from a quake that struck ... on Friday rose to 1,644":
    // a long subject; a noun naming the figure opens the clause.
    for (int j = clause; j < w.change_verb && j < clause + 4; ++j) {
      const Token& t = v.toks[static_cast<std::size_t>(j)];
      if (t.pred && t.pred->cls == "noun" && Cls(v, j).empty()) {
        Range named = LeftNP(v, j + 1, clause);
        if (!named.empty() && take(named, "entity.change_subject_noun")) return;
      }
    }
    if (inherit("entity.previous")) return;
    return;
  }
  // The figure opens its clause ("hundreds were arrested", "warned that
  // millions more ..."): the previous claim's.
  for (int k = w.qf - 1; k > clause; --k) {
    if (Is(v, k, "that") && IsVerbish(v, k - 1)) {
      clause = k + 1;
      break;
    }
  }
  // A figure standing as the subject with no noun of its own ("a quarter
  // have closed", "one in five say"): the previous claim's entity, unless
  // the copula names one ("14 were teenagers").
  if (take(PredicateNoun(v, w.ql + 1), "entity.predicate_noun")) return;
  {
    const Token* nx = T(v, w.ql + 1);
    if (nx && nx->word && (Cls(v, w.ql + 1) == "aux" || IsInflectedVerb(v, w.ql + 1) ||
                           nx->pred) &&
        inherit("entity.subject_position")) {
      return;
    }
  }
  bool opens = true;
  for (int k = clause; k < w.qf; ++k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    std::string_view cl = Cls(v, k);
    if (t.word && t.time < 0 && cl != "conj" && cl != "det" && cl != "adv" && cl != "prep" &&
        t.low != "including" && t.low != "top") {
      opens = false;
      break;
    }
  }
  if (opens && inherit("entity.previous")) return;
  // Subject of the verb before the figure ("The wildfire has burned ...").
  const int segment = v.toks[static_cast<std::size_t>(w.qf)].level[2];
  for (int k = w.qf - 1; k >= clause && v.toks[static_cast<std::size_t>(k)].level[2] == segment; --k) {
    if (Cls(v, k - 1) == "det") continue;  // "a record 8 billion tonnes"
    const std::string& kl = v.toks[static_cast<std::size_t>(k)].low;
    if (IsVerbish(v, k) || v.toks[static_cast<std::size_t>(k)].pred ||
        (EndsWith(kl, "ing") && kl.size() > 5 && v.toks[static_cast<std::size_t>(k)].quantity < 0)) {
      int vb = k;
      while (vb - 1 >= clause && (Cls(v, vb - 1) == "aux" || Cls(v, vb - 1) == "adv" ||
                                  Is(v, vb - 1, "to") || IsInflectedVerb(v, vb - 1))) {
        --vb;
      }
      Range subj = LeftNP(v, vb, clause);
      if (!subj.empty() && take(subj, "entity.subject")) return;
      if (take(SubjectBeforeApposition(v, vb), "entity.subject_apposition")) return;
      break;
    }
  }
  inherit("entity.previous");
}

// ---------------------------------------------------------------- change
// `prev_work`/`prev`: the sentence's previous figure, or null.
void ClaimBuilder::Impl::ChangeOf(const View& v, Work& w, Claim& c, const Work* prev_work, const Claim* prev) const {
  const int qf = w.qf;
  const int seg = v.toks[static_cast<std::size_t>(qf)].level[2];
  auto in_seg = [&](int k) { return k >= 0 && v.toks[static_cast<std::size_t>(k)].level[2] == seg; };
  // Baseline: "up from 450 pounds".
  if (Is(v, qf - 1, "from") && (Is(v, qf - 2, "up") || Is(v, qf - 2, "down"))) {
    w.form = ChangeForm::kBaseline;
    c.rules.push_back("change.baseline");
    return;
  }
  // "fell to 1.25 billion in 2022 from 1.36 billion in 2000", "doubled its
  // tally to 99 seats from 52": the figure after "from" is the old level.
  if (Is(v, qf - 1, "from")) {
    const int clause = v.toks[static_cast<std::size_t>(qf)].level[3];
    for (int k = qf - 2; k >= 0 && k >= qf - 8; --k) {
      const Token& t = v.toks[static_cast<std::size_t>(k)];
      if (t.level[3] != clause) break;
      if (t.quantity < 0) continue;
      int f = k;
      while (f > 0 && v.toks[static_cast<std::size_t>(f - 1)].quantity == t.quantity) --f;
      if (!Is(v, f - 1, "to")) break;
      for (int j = f - 2; j >= 0 && j >= f - 8 && v.toks[static_cast<std::size_t>(j)].level[3] == clause; --j) {
        if (v.toks[static_cast<std::size_t>(j)].change != Change::kNone) {
          w.form = ChangeForm::kBaseline;
          c.rules.push_back("change.baseline_from");
          return;
        }
      }
      break;
    }
  }
  // A verb of passing a mark inside the mention ("the toll passed 1,100")
  // makes a lower bound, not a movement: change stays null.
  if (c.quantity.change != Change::kNone) return;
  // "down 40 per cent", "rose 6.5%", "shrank by 9.1%".
  int k = qf - 1;
  while (in_seg(k) && (Cls(v, k) == "adv" || v.toks[static_cast<std::size_t>(k)].low == "sharply" ||
                       v.toks[static_cast<std::size_t>(k)].low == "by")) {
    --k;
  }
  if (in_seg(k)) {
    Change d = v.toks[static_cast<std::size_t>(k)].change;
    // "dropped 300 tonnes of water": the figure counts things, not a change.
    bool own_noun = false;
    if (c.quantity.kind != Kind::kPercent) {
      bool them = false;
      own_noun = (!FollowNP(v, w.ql + 1).empty() && !PointsNP(v, FollowNP(v, w.ql + 1))) ||
                 (Is(v, w.ql + 1, "of") && !OfNP(v, w.ql + 1, them).empty());
    }
    if (d != Change::kNone && !own_noun) {
      w.form = ChangeForm::kDifference;
      w.change_verb = (Is(v, k, "up") || Is(v, k, "down")) ? -1 : k;
      c.change = d;
      c.rules.push_back("change.difference");
      return;
    }
  }
  // "raised its key rate by 0.25", "rose by 6,000 to 48,000", "doubled to 12 days".
  // "to a record 10 trillion rupees", "to a new high of".
  int pre = qf - 1;
  if (Is(v, pre, "record") && Cls(v, pre - 1) == "det") pre -= 2;
  bool by = Is(v, pre, "by");
  bool to = Is(v, pre, "to");
  if (by || to) {
    for (int j = pre - 1, steps = 0; in_seg(j) && steps < 10; --j, ++steps) {
      const Token& t = v.toks[static_cast<std::size_t>(j)];
      if (t.quantity >= 0 && by) break;
      if (t.quantity >= 0 || t.time >= 0) continue;
      Change d = t.change;
      // Verbs that carry something to a figure move the figure only with
      // an object between ("bringing the toll to"): "brought to 5 hospitals",
      // "pushed back to within 10 kilometres" are places, not new levels.
      const bool carrier = t.low == "bringing" || t.low == "brought" || t.low == "brings" || t.low == "pushing" ||
                           t.low == "pushed" || t.low == "lifting" || t.low == "lifted";
      if (d != Change::kNone && carrier && to &&
          (j == pre - 1 || Is(v, j + 1, "back") || Is(v, j + 1, "down") || Is(v, j + 1, "up"))) {
        break;
      }
      if (d != Change::kNone && t.low != "up" && t.low != "down") {
        w.form = by ? ChangeForm::kDifference : ChangeForm::kLevel;
        w.change_verb = j;
        c.change = d;
        c.rules.push_back(by ? "change.verb_by" : "change.verb_to");
        return;
      }
      if (IsVerbish(v, j) && Cls(v, j) != "aux") break;
    }
  }
  // "rose by 5% in the year to December, to 48,716 offences": the new
  // level after a comma, moved like the difference before it.
  if (Is(v, qf - 1, "to") && Is(v, qf - 2, ",") && prev_work && prev && prev_work->form == ChangeForm::kDifference &&
      prev->change != Change::kNone && prev_work->qf >= 0 &&
      v.toks[static_cast<std::size_t>(prev_work->qf)].level[3] == v.toks[static_cast<std::size_t>(qf)].level[3]) {
    w.form = ChangeForm::kLevel;
    c.change = prev->change;
    c.rules.push_back("change.level_after_difference");
    return;
  }
  // "a gain of roughly 240,000 jobs", "a drop of 12%": a change named by its noun.
  if (Is(v, qf - 1, "of") && !v.toks.empty()) {
    // Plurals too: "weekly gains of about 1%", "output cuts of 2.2 million barrels".
    if (const Token* noun = T(v, qf - 2)) {
      if (auto it = lex.change_nouns.find(noun->low); it != lex.change_nouns.end()) c.change = it->second;
    }
    if (c.change != Change::kNone) {
      w.form = ChangeForm::kDifference;
      c.rules.push_back("change.noun_of");
      return;
    }
  }
  // Payrolls: "employers added 175,000 jobs", "governments added just 8,000".
  {
    int a = qf - 1;
    while (in_seg(a) && Cls(v, a) == "adv") --a;
    if (in_seg(a) && (Is(v, a, "added") || Is(v, a, "add") || Is(v, a, "adds"))) {
      Range np = FollowNP(v, w.ql + 1);
      const std::string_view h = np.empty() ? std::string_view() : std::string_view(v.toks[static_cast<std::size_t>(np.e - 1)].low);
      if (c.quantity.kind == Kind::kCount && (np.empty() || h == "jobs" || h == "positions")) {
        w.form = ChangeForm::kDifference;
        c.change = Change::kUp;
        c.rules.push_back("change.jobs_added");
        return;
      }
    }
  }
  // "159 seats ..., 71 fewer than before": a difference of any kind.
  if (Is(v, w.ql + 1, "fewer") && Is(v, w.ql + 2, "than")) {
    w.form = ChangeForm::kDifference;
    c.change = Change::kDown;
    c.rules.push_back("change.fewer_than");
    return;
  }
  // "a 5% rise in prices", "10% higher".
  const Token* next = T(v, w.ql + 1);
  if (next && (c.quantity.kind == Kind::kPercent || c.quantity.kind == Kind::kMoney)) {
    static constexpr std::string_view kUp[] = {"rise", "increase", "jump", "gain", "higher", "hike", "more"};
    static constexpr std::string_view kDown[] = {"drop", "fall", "decline", "cut", "reduction", "decrease", "lower", "less"};
    for (std::string_view u : kUp) {
      if (next->low == u) c.change = Change::kUp;
    }
    for (std::string_view d : kDown) {
      if (next->low == d) c.change = Change::kDown;
    }
    if (c.change != Change::kNone) {
      w.form = ChangeForm::kDifference;
      c.rules.push_back("change.noun_after");
    }
  }
}

// ---------------------------------------------------------------- predicate
void ClaimBuilder::Impl::PredicateOf(const View& v, Work& w, Claim& c) const {
  const int piece = v.toks[static_cast<std::size_t>(w.qf)].level[1];
  auto set = [&](int k, const Predicate& p) {
    w.predicate = &p;
    c.predicate = p.lemma;
    c.predicate_span = v.toks[static_cast<std::size_t>(k)].span;
  };
  // A noun naming the figure wins ("death toll" → toll).
  for (std::string_view e : {std::string_view(c.entity)}) {
    std::size_t pos = e.rfind(' ');
    std::string head(pos == std::string_view::npos ? e : e.substr(pos + 1));
    if (const Predicate* p = lex.FindPredicate(head); p && p->cls == "noun") {
      w.predicate = p;
      c.predicate = p->lemma;
      std::size_t off = c.entity.rfind(head);
      c.predicate_span = Span{c.entity_span.end - (c.entity.size() - off), c.entity_span.end};
      return;
    }
  }
  // Left: the verb whose object the figure is ("displaced more than 388,000").
  for (int k = w.qf - 1, steps = 0; k >= 0 && steps < 4; --k, ++steps) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (t.level[1] != piece || t.quantity >= 0) break;
    if (t.speech) break;  // "the agency said 1,166 migrants died"
    if (Cls(v, k - 1) == "det" && t.low == "record") {  // "hit a record $307 trillion"
      --k;
      continue;
    }
    if (const Predicate* p = t.pred; p && Cls(v, k).empty()) {
      set(k, *p);
      // "had left 6.7 million people displaced": a participle right after
      // the counted noun names the act better than a neutral verb.
      if (!p->category && c.entity_span.start >= c.quantity.span.end) {
        int r = w.ql + 1;
        while (r < static_cast<int>(v.toks.size()) &&
               v.toks[static_cast<std::size_t>(r)].span.start < c.entity_span.end) {
          ++r;
        }
        const Token* pt = T(v, r);
        if (r > w.ql + 1 && pt && pt->pred && pt->pred->category && pt->pred->cls != "noun" &&
            Cls(v, r).empty() && EndsWith(pt->low, "ed")) {
          set(r, *pt->pred);
        }
      }
      // "forced some 560,000 to flee their homes": the verb the figure is
      // made to do names the act.
      if (!w.predicate->category) {
        int r = w.ql + 1;
        while (r < static_cast<int>(v.toks.size()) && c.entity_span.start >= c.quantity.span.end &&
               v.toks[static_cast<std::size_t>(r)].span.start < c.entity_span.end) {
          ++r;
        }
        const Token* pt = T(v, r + 1);
        if (Is(v, r, "to") && pt && pt->pred && pt->pred->category && pt->pred->cls != "noun" && Cls(v, r + 1).empty()) {
          set(r + 1, *pt->pred);
        }
      }
      return;
    }
    // An event noun before "of": "forced the evacuation of about 1,500 residents".
    // Also a bare verb used as a noun: "lost control of more than 35 towns".
    if (t.low == "of" && k == w.qf - 1) {
      const Token* n = T(v, k - 1);
      if (n && n->pred && (n->pred->cls == "noun" || n->pred->base_form) && Cls(v, k - 1).empty()) {
        set(k - 1, *n->pred);
        return;
      }
    }
    std::string_view cl = Cls(v, k);
    if (!(cl == "det" || cl == "adv" || t.low == "by" || t.low == "to" || t.low == "record" ||
          t.time >= 0 || cl == "aux")) {
      break;
    }
  }
  // Right: the verb whose subject the figure is ("38 people died").
  int k = c.entity_span.start > c.quantity.span.end
              ? [&] {
                  int j = w.ql + 1;
                  while (j < static_cast<int>(v.toks.size()) &&
                         v.toks[static_cast<std::size_t>(j)].span.start < c.entity_span.end) {
                    ++j;
                  }
                  return j;
                }()
              : w.ql + 1;
  if (Is(v, k, "of") && (Is(v, k + 1, "them") || Is(v, k + 1, "those"))) k += 2;
  int found = -1;
  for (int steps = 0; k < static_cast<int>(v.toks.size()) && steps < 8; ++k, ++steps) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (t.low == "," && steps == 0) {  // "his wife, aged 58, died"
      // Past an aside closed by a comma before the verb: "About 1.5 million
      // people, or roughly 70% of Gaza's population, have been displaced".
      const int close = AsideEnd(v, k);
      if (close > k) k = close;
      continue;
    }
    if (!t.word) break;
    std::string_view cl = Cls(v, k);
    // After a determiner or a possessive a verb form is a noun: "votes was
    // the narrowest since the country's return to democracy".
    const bool noun_use = Cls(v, k - 1) == "det" || (k > 0 && IsPossessive(v.toks[static_cast<std::size_t>(k - 1)].low));
    if (const Predicate* p = t.pred; p && cl.empty() && !(noun_use && p->cls != "noun")) {
      if (found < 0) {
        found = k;
        set(k, *p);
      }
      if (p->category) {
        set(k, *p);
        return;
      }
      // Only a copula may give way to the word after it ("remain missing").
      if (p->lemma != "remain" && p->lemma != "stand") return;
      continue;
    }
    if (found >= 0 && !(cl == "aux" || cl == "adv")) break;
    // Coordinated subjects and prepositional phrases: "A dozen fishermen and
    // one child died", "young adults in the country live".
    // "were feared missing", "are believed dead": the state verb decides.
    bool hedge = t.low == "feared" || t.low == "believed" || t.low == "presumed" || t.low == "thought";
    // A plural noun right after the entity still belongs to it ("113 police
    // officers injured").
    const bool compound = steps == 0 && Nounish(v, k, false) && IsPlural(t);
    bool skip = cl == "aux" || cl == "adv" || hedge || t.low == "not" || t.low == "and" || t.quantity >= 0 ||
                cl == "det" || cl == "prep" || (Nounish(v, k, false) && steps > 0) || compound;
    if (!skip) break;
  }
}

// ---------------------------------------------------------------- category
void ClaimBuilder::Impl::CategoryOf(const View& v, const Work& w, Claim& c,
                                    const std::vector<Claim>& done) const {
  auto set = [&](Category cat, std::string_view rule) {
    c.category = cat;
    c.rules.push_back(rule);
  };
  // An age in apposition after a name ("Narendra Modi, 73, said"): a
  // one- to three-digit bare number between commas right after a
  // capitalized word describes the person, whatever the sentence is about.
  {
    std::string_view m = c.quantity.span.of(v.text);
    bool digits = !m.empty() && m.size() <= 3 &&
                  std::all_of(m.begin(), m.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    const Token* name = T(v, w.qf - 2);
    const bool kind_ok = c.quantity.kind == Kind::kCount || c.quantity.kind == Kind::kDuration;
    // Followed by a comma, or closing the sentence ("said shopkeeper Fadi Haddad, 54.").
    const Token* after = T(v, w.ql + 1);
    const bool closes = !after || after->low == "," || after->low == "." || after->low == ")";
    if (kind_ok && digits && w.qf == w.ql && Is(v, w.qf - 1, ",") && closes && name &&
        name->word && name->span.start < v.text.size() && v.text[name->span.start] >= 'A' &&
        v.text[name->span.start] <= 'Z' && std::atoi(std::string(m).c_str()) <= 120) {
      return set(Category::kOther, "category.age_apposition");
    }
  }
  // Displacement verbs move people; a measured amount that returns,
  // arrives or crosses ("returned 121.6 grams of rock", "10,000 tonnes
  // crossed the border") is cargo or a sample, so entity and context decide.
  const bool cargo = w.predicate && w.predicate->category == Category::kDisplacement &&
                     c.quantity.kind == Kind::kMeasure;
  std::optional<Category> pred_cat;
  if (w.predicate && !cargo) pred_cat = w.predicate->category;
  // "The death toll from the 7.8-magnitude earthquake ... rose to more than
  // 11,000": a toll named a few words before the count it reaches.
  // (A figure inside the toll's own phrase, "the toll from Monday's 7.8-
  // magnitude quake", has no verb after the toll and is not counted by it.)
  if (!pred_cat && c.quantity.kind == Kind::kCount) {
    bool verb = false;
    const int from = std::max(ClauseStart(v, w.qf, 3), w.qf - 15);
    for (int k = w.qf - 1; k >= from; --k) {
      const Token& t = v.toks[static_cast<std::size_t>(k)];
      if (t.low == "toll" && verb) {
        if (const Predicate* toll = lex.FindPredicate("toll")) pred_cat = toll->category;
        break;
      }
      verb = verb || t.change != Change::kNone || Cls(v, k) == "aux" || IsInflectedVerb(v, k);
    }
  }
  // "104 people, aged 16 to 41": the ages of the people just counted.
  {
    std::string_view m = c.quantity.span.of(v.text);
    bool aged = c.quantity.kind == Kind::kDuration && m.size() > 5 &&
                (m.substr(0, 5) == "aged " || m.substr(0, 5) == "Aged ");
    if (aged && Is(v, w.qf - 1, ",") && !done.empty() && w.qf >= 2 &&
        v.toks[static_cast<std::size_t>(w.qf - 2)].quantity < 0) {
      // The counted noun sits right before the comma ("104 people, aged").
      int k = w.qf - 2;
      while (k >= 0 && v.toks[static_cast<std::size_t>(k)].quantity < 0 && Nounish(v, k, false)) --k;
      if (k >= 0 && k >= w.qf - 4 && v.toks[static_cast<std::size_t>(k)].quantity >= 0) {
        return set(done.back().category, "category.ages_of_counted");
      }
    }
  }
  // "displaced more than 2.6 million people ..., an increase of about
  // 600,000": a change named by its noun, with no noun after it, is a
  // change in the sentence's previous figure.
  if (w.form == ChangeForm::kDifference && Is(v, w.qf - 1, "of") && !done.empty() &&
      done.back().sentence == c.sentence && c.entity_span.end <= c.quantity.span.start &&
      std::find(c.rules.begin(), c.rules.end(), std::string_view("change.noun_of")) != c.rules.end()) {
    return set(done.back().category, "category.change_of_previous");
  }
  // The antecedent's category, unless the figure has a verb of its own that
  // says otherwise ("The group says at least 2,700 have been killed").
  // A measure or duration after a count ("2,207 structures ... burned
  // about 2,170 acres", "the first tremor ... lasted about 30 seconds") is
  // another quantity, not more of the same: it keeps no borrowed category.
  const bool other_kind = w.antecedent >= 0 && !w.subset &&
                          (c.quantity.kind == Kind::kMeasure || c.quantity.kind == Kind::kDuration) &&
                          done[static_cast<std::size_t>(w.antecedent)].quantity.kind != c.quantity.kind;
  // Not for money: who pays and what for is said in the money's own
  // sentence ("The UN's humanitarian appeal, of $2.42 billion").
  // Nor when the figure's own clause piece names another topic ("killed
  // thousands of civilians and forced 1.7 million from their homes",
  // "rainfall in August was 780% above average").
  if (w.antecedent >= 0 && !other_kind && c.quantity.kind != Kind::kMoney &&
      (w.subset || (w.entity_inherited && !pred_cat))) {
    const Category prev = done[static_cast<std::size_t>(w.antecedent)].category;
    int counts[9] = {0};
    ContextCounts(v, ClauseStart(v, w.qf, 3), ClauseEnd(v, w.qf, 3), counts);
    const std::optional<Category> piece = BestOf(counts, v.doc_counts);
    if (w.subset || !piece || *piece == prev) return set(prev, "category.antecedent");
  }
  // Context: cues of the figure's own clause first, else the sentence's.
  // (Sentence ties are broken by the document's topic as it stands now,
  // earlier claims of this sentence included.)
  std::optional<Category> ctx_cat = BestOf(v.context_counts, v.doc_counts);
  // Narrowest first: the clause piece ("and forced two million people
  // from their homes"), then the clause.
  std::optional<Category> local_ctx;  // from the figure's clause, not the whole sentence
  std::optional<Category> piece_ctx;  // from its clause piece only
  // The verb whose object the figure is is no context ("has infected 2,150
  // people and killed 41": the cholera around "killed" says what killed);
  // a noun after it is ("1,400 wounded have been treated at the hospital").
  const int own_verb = c.predicate_span.end > c.predicate_span.start && c.predicate_span.end <= c.quantity.span.start
                           ? TokenEndingAt(v, c.predicate_span.end)
                           : -1;
  for (int level : {3, 1}) {
    int counts[9] = {0};
    const int b = ClauseStart(v, w.qf, level), e = ClauseEnd(v, w.qf, level);
    ContextCounts(v, b, e, counts);
    if (own_verb >= b && own_verb < e) {
      int own[9] = {0};
      ContextCounts(v, own_verb, own_verb + 1, own);
      for (int k = 0; k < 9; ++k) counts[k] -= own[k];
    }
    if (auto local = BestOf(counts, v.doc_counts)) {
      ctx_cat = local_ctx = local;
      if (level == 1) piece_ctx = local;
    }
  }
  // People in a role (troops, police) count as their cue's category only
  // where the verb and the figure's clause are silent.
  const bool weak_ok = !w.predicate && !local_ctx;
  std::optional<Category> ent_cat;
  std::string_view ent_phrase;  // the entity cue that gave ent_cat
  if (!c.entity.empty() && !(other_kind && w.entity_inherited)) {
    ent_cat = EntityCue(c.entity, &ent_phrase, weak_ok);
    // "the total number of arrivals", "a tally of deaths": a counting noun's
    // of-phrase names what is counted.
    if (!ent_cat && c.entity_span.end > c.entity_span.start) {
      const int h = TokenEndingAt(v, c.entity_span.end);
      const std::string_view head = h >= 0 ? std::string_view(v.toks[static_cast<std::size_t>(h)].low) : "";
      bool them = false;
      if ((head == "number" || head == "total" || head == "tally") && Is(v, h + 1, "of")) {
        if (Range of = OfNP(v, h + 1, them); !of.empty()) ent_cat = EntityCue(Text(v, of, nullptr), &ent_phrase, weak_ok);
      }
    }
  }
  const Kind kind = c.quantity.kind;
  // A population stock: "Gaza's 2.3 million people", "home to some 120,000
  // Armenians", "a population of 5 million".
  // "a population of 11 million" whatever the phrase after it.
  if (kind == Kind::kCount && Is(v, w.qf - 1, "of") &&
      (Is(v, w.qf - 2, "population") || Is(v, w.qf - 2, "populations"))) {
    return set(Category::kPopulation, "category.population_stock");
  }
  if (kind == Kind::kCount && (ent_cat == Category::kPopulation || !ent_cat)) {
    auto place_at = [&](int k, bool possessive) {
      const Token* t = T(v, k);
      if (!t) return false;
      std::string_view low = t->low;
      if (possessive) {
        if (!IsPossessive(low)) return false;
        low.remove_suffix(2);
      }
      return lex.population_places.count(low) > 0;
    };
    const Token* before = T(v, w.qf - 1);
    bool people = c.entity == "people" || ent_cat == Category::kPopulation;
    bool place_possessive = before && IsPossessive(before->low) && before->span.start < v.text.size() &&
                            v.text[before->span.start] >= 'A' && v.text[before->span.start] <= 'Z';
    // "the country's 944 million adults": a place word's people.
    bool place_word_possessive = (people || c.entity == "adults") && !w.entity_inherited && place_at(w.qf - 1, true);
    bool home_to = Is(v, w.qf - 1, "to") && Is(v, w.qf - 2, "home");
    // "the city of some 1.8 million people", "a city of 2 million": a place's size in people.
    bool population_of = Is(v, w.qf - 1, "of") && place_at(w.qf - 2, false) &&
                         (c.entity == "people" || c.entity.empty() || w.entity_inherited ||
                          c.entity_span.start < c.quantity.span.start);
    if ((people && place_possessive) || place_word_possessive || home_to || population_of) {
      return set(Category::kPopulation, "category.population_stock");
    }
  }
  if (kind == Kind::kMoney) {
    // "The drugs had a street value of $50 million": a seizure's worth.
    if (ent_cat == Category::kOther) return set(Category::kOther, "category.money_other");
    int b = ClauseStart(v, w.qf, 3), e = ClauseEnd(v, w.qf, 3);
    if (HasWord(v, b, e, "aid") || HasWord(v, b, e, "humanitarian")) {
      return set(Category::kHumanitarian, "category.money_aid");
    }
    // "pledged an additional €50 million ..., bringing its aid this year to":
    // aid named anywhere in the sentence.
    const int n = static_cast<int>(v.toks.size());
    if (HasWord(v, 0, n, "aid") || HasWord(v, 0, n, "humanitarian") || HasPhrase(v, 0, n, "relief effort") ||
        HasWord(v, 0, n, "donors")) {
      return set(Category::kHumanitarian, "category.money_aid_sentence");
    }
    // Funding of a relief operation: money requested, received or pledged
    // in an article whose figures are about aid or refugees so far.
    if (v.doc_counts) {
      const int* d = v.doc_counts;
      int hum = d[static_cast<int>(Category::kHumanitarian)] + d[static_cast<int>(Category::kDisplacement)];
      int econ = d[static_cast<int>(Category::kEconomy)];
      bool funding = false;
      for (const std::string& f : lex.funding_cues) {
        if (HasWord(v, 0, n, f)) funding = true;
      }
      const int* sc = v.context_counts;
      hum += sc[static_cast<int>(Category::kHumanitarian)] + sc[static_cast<int>(Category::kDisplacement)];
      econ += sc[static_cast<int>(Category::kEconomy)];
      if (funding && hum > econ) return set(Category::kHumanitarian, "category.money_funding");
    }
    // A relief agency's appeal ("UNICEF appealed for $1.2 billion"); not
    // the agency's name alone (the Red Cross also reports damage in
    // dollars), nor "relief" (tax relief).
    for (const char* a : {"appeal", "appealed", "appealing", "appeals"}) {
      if (HasWord(v, b, e, a)) return set(Category::kHumanitarian, "category.money_appeal");
    }
    for (const char* a : {"aid", "relief", "humanitarian", "assistance", "appeal", "aid agencies"}) {
      std::string e = " " + c.entity + " ";
      if (e.find(std::string(" ") + a + " ") != std::string::npos) {
        return set(Category::kHumanitarian, "category.money_aid");
      }
    }
    return set(Category::kEconomy, "category.money");
  }
  if (kind == Kind::kDuration && ent_cat == Category::kOther) return set(Category::kOther, "category.war_length");
  // What is counted decides over the verb when it is an object, not people.
  if (ent_cat && lex.thing_cues.count(ent_phrase)) return set(*ent_cat, "category.thing");
  if (TerritoryTaken(v, w, c)) return set(Category::kTerritory, "category.territory_taken");
  // The wounded are casualties also when the figure counts their care
  // ("More than 600 wounded have been treated at the field hospital",
  // "had treated 142 wounded since Sunday").
  if (pred_cat == Category::kHealth && ent_cat == Category::kCasualties) {
    return set(Category::kCasualties, "category.wounded_treated");
  }
  // Deaths from a disease are health. A health word elsewhere in the
  // sentence only ("said the director of the city's hospital") does not
  // make war dead disease deaths when the article's figures so far are
  // about violence rather than health.
  const bool violent_doc = v.doc_counts && v.doc_counts[static_cast<int>(Category::kCasualties)] >
                                               v.doc_counts[static_cast<int>(Category::kHealth)];
  if ((pred_cat == Category::kCasualties || ent_cat == Category::kCasualties) &&
      (ent_cat == Category::kHealth || local_ctx == Category::kHealth ||
       (ctx_cat == Category::kHealth && !violent_doc) || DiedOfIllness(v, c))) {
    return set(Category::kHealth, "category.disease_deaths");
  }
  // "with 61,340 cases and 1,024 deaths": deaths counted right after a
  // disease's cases are the disease's, whatever else the article is about.
  if ((pred_cat == Category::kCasualties || ent_cat == Category::kCasualties) && Is(v, w.qf - 1, "and") &&
      w.qf >= 2 && !done.empty() && done.back().sentence == c.sentence &&
      done.back().category == Category::kHealth &&
      done.back().entity_span.end == v.toks[static_cast<std::size_t>(w.qf - 2)].span.end) {
    return set(Category::kHealth, "category.cases_and_deaths");
  }
  if (pred_cat == Category::kPopulation) {
    int b = ClauseStart(v, w.qf, 3), e = ClauseEnd(v, w.qf, 3);
    if (HasWord(v, b, e, "camps") || HasWord(v, b, e, "tents") || HasWord(v, b, e, "camp") ||
        HasWord(v, b, e, "shelters") || ent_cat == Category::kDisplacement ||
        (HasWord(v, b, e, "them") && !done.empty() &&
         done.back().entity.find("camp") != std::string::npos)) {
      return set(Category::kDisplacement, "category.camps");
    }
  }
  // "35% of the population lives below the poverty line": a share of the
  // people is about what the share does or suffers.
  if (pred_cat == Category::kPopulation && kind == Kind::kPercent && ctx_cat &&
      *ctx_cat != Category::kPopulation) {
    return set(*ctx_cat, "category.share_context");
  }
  // "350,000 people ... are living in famine conditions": how they live,
  // named in the figure's own clause piece, says more than that they live.
  if (pred_cat == Category::kPopulation && piece_ctx && *piece_ctx != Category::kPopulation) {
    return set(*piece_ctx, "category.living_conditions");
  }
  if (pred_cat == Category::kTerritory && ent_cat && ent_cat != Category::kTerritory &&
      ent_cat != Category::kPopulation) {
    return set(*ent_cat, "category.entity");
  }
  // Health things are health whatever is done to them ("distributed 1.2 million doses").
  if (ent_cat == Category::kHealth && pred_cat != Category::kCasualties) {
    return set(Category::kHealth, "category.entity");
  }
  if (pred_cat) return set(*pred_cat, "category.predicate");
  // "1,329 homes had been damaged or destroyed in 13 villages": where the
  // previous figure of the clause happened is about what happened to it.
  if (!ent_cat && kind == Kind::kCount && !done.empty() && done.back().sentence == c.sentence &&
      (Is(v, w.qf - 1, "in") || Is(v, w.qf - 1, "across"))) {
    const int p = TokenEndingAt(v, done.back().quantity.span.end);
    if (p >= 0 && p < w.qf && v.toks[static_cast<std::size_t>(p)].level[3] == v.toks[static_cast<std::size_t>(w.qf)].level[3]) {
      return set(done.back().category, "category.place_of_previous");
    }
  }
  const std::string& u = c.quantity.unit;
  if (u == "degC" || u == "degF" || u == "km/h" || u == "mph" || u == "mm" || u == "cm" || u == "in") {
    return set(Category::kOther, "category.weather_unit");
  }
  // Residents who suffer something in their own clause take that topic; a
  // cue elsewhere in the sentence does not turn a head count into it ("2.06
  // million internally displaced people ... one in ten of its roughly 21
  // million inhabitants").
  if (ent_cat == Category::kPopulation && local_ctx) return set(*local_ctx, "category.context");
  // Barrels are oil, a traded good ("total cuts could reach 20 million bpd").
  if (!ent_cat && c.quantity.unit == "bbl") ent_cat = Category::kEconomy;
  // Oil that spills is pollution, not trade ("The spill released 5,000 barrels of crude").
  if (ent_cat == Category::kEconomy || (!ent_cat && ctx_cat == Category::kEconomy)) {
    const int n = static_cast<int>(v.toks.size());
    for (const char* sp : {"spill", "spills", "spilled", "spilt", "slick", "leaked"}) {
      if (HasWord(v, 0, n, sp)) return set(Category::kOther, "category.spill");
    }
  }
  if (ent_cat) return set(*ent_cat, "category.entity");
  if (ctx_cat) return set(*ctx_cat, "category.context");
  set(Category::kOther, "category.default");
}

// ---------------------------------------------------------------- time
void ClaimBuilder::Impl::TimeOf(const View& v, Work& w, Claim& c, const std::vector<Work>& sw,
                                const std::vector<Claim>& done, std::size_t sentence_first) const {
  const Token& q = v.toks[static_cast<std::size_t>(w.qf)];
  // Ages are not dated by the sentence's events ("Modi, 73, ...").
  std::string_view mention = c.quantity.span.of(v.text);
  if (mention.find("year-old") != std::string_view::npos || mention.substr(0, 4) == "aged") return;
  // Nor are measures written as adjectives ("a four-year term", "the
  // 7.8-magnitude earthquake", "a five-storey building"): they describe a thing.
  if (HyphenAdjective(v.text, c.quantity)) return;
  // Nor is a distance that places something ("40km (25 miles) north-west
  // of Herat", "within 3 km of the town").
  if (PlacingDistance(v, w, c.quantity)) return;
  // "Modi, 73, is expected to be sworn in on Sunday": nor is an age in apposition.
  if (std::find(c.rules.begin(), c.rules.end(), std::string_view("category.age_apposition")) != c.rules.end()) {
    return;
  }
  auto dist = [&](std::size_t t) {
    Range r = v.time_toks[t];
    return r.b > w.ql ? r.b - w.ql : w.qf - r.e + 1;
  };
  // A time right after another figure that stands between it and this one
  // belongs to that figure ("down 20% from a peak of $128 in March").
  auto owned_by_other = [&](std::size_t t) {
    Range r = v.time_toks[t];
    if (r.b <= w.ql) return false;
    for (int k = r.b - 1; k > w.ql && k >= r.b - 2; --k) {
      if (Is(v, k, ",")) break;  // "a total of 1.75 points, between May and June": the clause's
      int qk = v.toks[static_cast<std::size_t>(k)].quantity;
      if (qk >= 0 && qk != q.quantity) {
        // Only a baseline or a reference figure owns it ("from 52 in 2019");
        // "since" dates a clause, not a noun ("forced the evacuation of
        // 1,500 residents since Monday").
        int f = k;
        while (f > 0 && v.toks[static_cast<std::size_t>(f - 1)].quantity == qk) --f;
        const bool running = v.times[t]->scope == TimeScopeKind::kRunningTotal;
        return Is(v, f - 1, "from") || (Is(v, f - 1, "of") && !running) || Is(v, f - 1, "than");
      }
    }
    // Behind a relative clause ("refugees who fled ... in 2017"), unless
    // the clause is the bare figure's own ("17,000 who fled ... between
    // March 8 and March 14").
    for (int k = w.ql + 2; k < r.b; ++k) {
      const std::string& l = v.toks[static_cast<std::size_t>(k)].low;
      if (l == "who" || l == "which" || l == "whom") return true;
    }
    return false;
  };
  auto nearest = [&](auto pred) {
    int best = -1, bd = 1 << 30;
    for (std::size_t t = 0; t < v.times.size(); ++t) {
      if (v.speech[t] || v.time_toks[t].b < 0 || !pred(t) || owned_by_other(t) || AsideApart(v, t, w.qf)) {
        continue;
      }
      int d = dist(t);
      if (d < bd) {
        bd = d;
        best = static_cast<int>(t);
      }
    }
    return best;
  };
  auto level_of = [&](std::size_t t, int lvl) {
    return v.toks[static_cast<std::size_t>(v.time_toks[t].b)].level[lvl];
  };
  auto choose = [&](int t, std::string_view rule) {
    w.time_index = t;
    w.time = v.times[static_cast<std::size_t>(t)];
    c.rules.push_back(rule);
  };
  // "a $1.5 billion budget for 2018", "seeking $852 million for this year":
  // the period a sum is for, right after its noun, comes before the day of
  // the act ("approved on Monday").
  for (std::size_t i = 0; i < v.times.size(); ++i) {
    const Range r = v.time_toks[i];
    if (r.b <= w.ql || r.b > w.ql + 5 || v.speech[i] || !Is(v, r.b, "for")) continue;
    bool noun_phrase = true;
    for (int k = w.ql + 1; k < r.b && noun_phrase; ++k) {
      const Token& tk = v.toks[static_cast<std::size_t>(k)];
      noun_phrase = tk.word && tk.quantity < 0 && !IsVerbish(v, k) && Cls(v, k) != "prep";
    }
    if (noun_phrase) return choose(static_cast<int>(i), "time.for_period");
  }
  int t = nearest([&](std::size_t i) { return level_of(i, 1) == q.level[1]; });
  if (t >= 0) return choose(t, "time.same_piece");
  int pb = ClauseStart(v, w.qf, 1), pe = ClauseEnd(v, w.qf, 1);
  if (HasWord(v, pb, pe, "now") || HasWord(v, pb, pe, "currently")) {
    c.rules.push_back("time.now_blocks");
    return;
  }
  t = nearest([&](std::size_t i) { return level_of(i, 2) == q.level[2]; });
  if (t >= 0) return choose(t, "time.same_segment");
  t = nearest([&](std::size_t i) {
    if (level_of(i, 3) != q.level[3]) return false;
    int seg = level_of(i, 2);
    for (const Token& tk : v.toks) {
      if (tk.level[2] == seg && tk.quantity >= 0) return false;
    }
    return true;
  });
  if (t >= 0) return choose(t, "time.same_clause");
  // "About 1.5 million people, or roughly 70% of the population, have been
  // displaced since Oct. 7", "Some 23.7 million Afghans — more than half the
  // population — will need aid in 2024": a clause with no verb is the
  // subject of the next clause that has one, and takes its time.
  {
    auto has_verb = [&](int b, int e) {
      for (int k = b; k < e; ++k) {
        if (IsVerbish(v, k)) return true;
      }
      return false;
    };
    // Only for the sentence's subject (no verb before the figure either),
    // which opens the sentence: a bounded look, linear in a long sentence.
    constexpr int kSubjectTokens = 60;
    const int own = ClauseStart(v, w.qf, 3);
    const int n = std::min(static_cast<int>(v.toks.size()), own + kSubjectTokens);
    int k = own;
    while (own < kSubjectTokens && k < n && !has_verb(k, std::min(n, ClauseEnd(v, k, 3)))) {
      k = ClauseEnd(v, k, 3);
    }
    if (k < n && k > own && !has_verb(0, own)) {
      const int verb_clause = v.toks[static_cast<std::size_t>(k)].level[3];
      t = nearest([&](std::size_t i) { return level_of(i, 3) == verb_clause; });
      if (t >= 0) return choose(t, "time.verbless_subject");
    }
  }
  if (w.subset && w.antecedent >= 0 && static_cast<std::size_t>(w.antecedent) >= sentence_first) {
    const Work& a = sw[static_cast<std::size_t>(w.antecedent) - sentence_first];
    if (a.time) {
      w.time = a.time;
      w.time_index = a.time_index;
      c.rules.push_back("time.antecedent");
      return;
    }
  }
  int cb = ClauseStart(v, w.qf, 3), ce = ClauseEnd(v, w.qf, 3);
  auto present = [&](int b, int e) {
    for (const char* m : {"is", "are", "remain", "remains", "now", "will", "would", "can", "could",
                          "may", "might", "currently", "still"}) {
      if (HasWord(v, b, e, m)) return true;
    }
    return false;
  };
  // ", in which seven people were killed": the relative clause happened
  // in the time of the segment before it, whose noun it is about.
  if (t = InWhichCarry(v, w.qf); t >= 0) return choose(t, "time.in_which");
  // ", down 8.8 percent from April", ", about 45% of spending", ", to
  // 2,903": a verbless segment that opens with the figure restates or
  // extends the figure of the segment before it, and shares its time. Not
  // a distance (", about 35 miles from Havana" places, it does not happen).
  if (OpensWithFigure(v, w.qf) && !LengthUnit(c.quantity.unit)) {
    const int prev = v.toks[static_cast<std::size_t>(ClauseStart(v, w.qf, 2) - 1)].level[2];
    for (std::size_t k = sw.size(); k-- > 0;) {
      const Work& o = sw[k];
      if (&o == &w || o.qf < 0 || o.qf >= w.qf || !o.time) continue;
      if (v.toks[static_cast<std::size_t>(o.qf)].level[2] != prev) continue;
      w.time = o.time;
      w.time_index = o.time_index;
      c.rules.push_back("time.apposition");
      return;
    }
  }
  // Sentence-initial time ("On Monday, ...", "But since January ...").
  for (std::size_t i = 0; i < v.times.size(); ++i) {
    int b = v.time_toks[i].b;
    if (b < 0 || v.speech[i]) continue;
    bool initial = b == 0 || (b == 1 && (Cls(v, 0) == "conj" || v.toks[0].low == "meanwhile"));
    if (initial && !present(cb, ce)) return choose(static_cast<int>(i), "time.sentence_initial");
  }
  // ", and hundreds were arrested", ", with Brent up $1.12", ", as its
  // shares rose 3.5%", ", lifting its value to ...": the previous clause's
  // time carries over.
  auto participle = [&](const Token* t) {
    if (!t || !(EndsWith(t->low, "ing") || EndsWith(t->low, "ed")) || t->low == "including" ||
        t->low == "according" || t->low == "saying") {
      return false;
    }
    // ", followed by at least eight aftershocks": a passive participle too.
    if (EndsWith(t->low, "ed")) return Is(v, static_cast<int>(t - v.toks.data()) + 1, "by");
    if (t->low != "adding") return true;
    // "adding a combined 100,000 jobs" adds a figure; "adding that ..." speaks.
    const Token* n = T(v, static_cast<int>(t - v.toks.data()) + 1);
    return n && (n->quantity >= 0 || n->low == "a" || n->low == "an" || n->low == "another");
  };
  // The time of the level-`lvl` piece that ends just before token `start`
  // (or of a figure in it); -1 where it has none.
  auto carry_from = [&](int start, int lvl) {
    int prev = v.toks[static_cast<std::size_t>(start - 1)].level[lvl];
    for (std::size_t k = sw.size(); k-- > 0;) {
      const Work& o = sw[k];
      if (&o == &w || o.qf < 0 || o.qf >= w.qf) continue;
      if (o.time && v.toks[static_cast<std::size_t>(o.qf)].level[lvl] == prev) {
        w.time = o.time;
        w.time_index = o.time_index;
        c.rules.push_back("time.carried_over");
        return true;
      }
    }
    for (std::size_t t = v.times.size(); t-- > 0;) {
      Range r = v.time_toks[t];
      if (r.b < 0 || v.speech[t]) continue;
      if (v.toks[static_cast<std::size_t>(r.b)].level[lvl] == prev) {
        choose(static_cast<int>(t), "time.carried_over");
        return true;
      }
    }
    return false;
  };
  // An attribution aside between two coordinated verbs ("killed 700 so far
  // this year, according to an AFP tally, and forced 560,000 to flee") is
  // skipped: the verbs share the time.
  auto skip_aside = [&](int start) {
    while (start >= 2) {
      int b = ClauseStart(v, start - 1, 3);
      if (!(Is(v, b, ",") && Is(v, b + 1, "according")) || b < 2) break;
      start = b;
    }
    return start;
  };
  const Token* opener = T(v, cb + 1);
  bool carries = opener && (opener->low == "and" || opener->low == "with" || opener->low == "as" ||
                            opener->low == "or" || opener->low == "when" || participle(opener));
  if (cb >= 2 && Is(v, cb, ",") && carries && !present(cb, ce)) {
    const bool coordinated = (opener->low == "and" || opener->low == "or") && IsVerbish(v, cb + 2);
    if (carry_from(coordinated ? skip_aside(cb) : cb, 3)) return;
  }
  // ", sending a wall of water ...", ", wiping out $600 billion": a
  // participle segment within the clause keeps the time before it.
  // So does an elliptical figure ("..., against 49.1 percent for X", "rose
  // by 5% in the year to December, to 48,716", "this year, up 1.1%").
  const int sb = ClauseStart(v, w.qf, 2);
  const Token* sb_next = T(v, sb + 2);
  const bool elliptical = sb_next && sb_next->quantity >= 0 && w.qf == sb + 2 &&
                          (Is(v, sb + 1, "against") || Is(v, sb + 1, "to") || Is(v, sb + 1, "up") ||
                           Is(v, sb + 1, "down"));
  // (An elliptical figure has no verb of its own: the clause's tense does
  // not matter, "will hit a record this year, up 1.1% from 2022".)
  if (sb > cb && sb >= 2 && Is(v, sb, ",") &&
      ((participle(T(v, sb + 1)) && !present(cb, ce)) || elliptical) && carry_from(sb, 2)) {
    return;
  }
  // "killed eight people, including a girl, and injured 29 others on
  // Friday": coordinated verbs share a time that follows them both.
  if (ce + 2 < static_cast<int>(v.toks.size()) && Is(v, ce, ",") &&
      (Is(v, ce + 1, "and") || Is(v, ce + 1, "or")) && IsVerbish(v, ce + 2) && !present(cb, ce)) {
    const int next = v.toks[static_cast<std::size_t>(ce)].level[3];
    t = nearest([&](std::size_t i) { return level_of(i, 3) == next; });
    if (t >= 0 && !present(ce, ClauseEnd(v, ce, 3))) return choose(t, "time.coordinated_verbs");
  }
  (void)done;
}

// A figure that restates the one before it, a conversion in parentheses
// ("3 trillion yen ($22.2 billion)", "4.28 million square kilometres (1.65
// million square miles)") or a share after ", or" ("up $1.07, or 1.2%"),
// moved the same way: a conversion (same kind) or a restated difference
// takes that figure's change and aggregation.
void ClaimBuilder::Impl::ShareWithRestated(const View& v, const Work& pw, const Work& w, const Claim& prev,
                                           Claim& c) const {
  if (c.change != Change::kNone || pw.ql < 0) return;
  const bool paren = Is(v, w.qf - 1, "(") && pw.ql == w.qf - 2;
  const bool or_comma = Is(v, w.qf - 1, "or") && Is(v, w.qf - 2, ",") && pw.ql == w.qf - 3;
  const bool conversion = paren && prev.quantity.kind == c.quantity.kind;
  if (!conversion && !((paren || or_comma) && pw.form == ChangeForm::kDifference)) return;
  c.aggregation = prev.aggregation;
  if (prev.change != Change::kNone) {
    c.change = prev.change;
    c.rules.push_back("change.restated");
  }
}

// ---------------------------------------------------------------- aggregation
void ClaimBuilder::Impl::AggregationOf(const View& v, const Work& w, Claim& c,
                                       const std::vector<Claim>& done) const {
  auto set = [&](Aggregation a, std::string_view rule) {
    c.aggregation = a;
    c.rules.push_back(rule);
  };
  const Quantity& q = c.quantity;
  // A baseline is a level, unless dated on its own ("up from 1.6 million in all of 2023").
  if (w.form == ChangeForm::kBaseline &&
      !(w.time && w.time_index >= 0 && v.time_toks[static_cast<std::size_t>(w.time_index)].b > w.ql &&
        v.time_toks[static_cast<std::size_t>(w.time_index)].b <= w.ql + 3)) {
    return;
  }
  if (w.form == ChangeForm::kDifference) return set(Aggregation::kIncrement, "aggregation.difference");
  if (w.forward) return;  // a forecast period has not happened yet
  const Predicate* pred = w.predicate;
  bool state = pred && pred->cls == "state";
  bool level_unit = q.unit == "degC" || q.unit == "degF" || q.unit == "km/h" || q.unit == "mph";
  std::string_view mention = q.span.of(v.text);
  bool within = mention.size() >= 6 && (mention.substr(0, 6) == "within" || mention.substr(0, 6) == "Within");
  bool level = q.kind == Kind::kPercent || q.kind == Kind::kDuration || level_unit || within;
  bool running_noun = c.entity.find("toll") != std::string::npos ||
                      c.entity.find("total") != std::string::npos ||
                      c.entity.find("tally") != std::string::npos ||
                      // "the number of injured rose to 48,000" runs on; "the
                      // number of jobless rose to 3.65 million" is a stock.
                      (c.entity.find("number of") != std::string::npos &&
                       (c.category == Category::kCasualties || c.category == Category::kHealth));
  // "The death toll from the quake in Turkey and Syria passed 15,000": the
  // running noun may sit a few words before the figure, past its modifiers.
  {
    const int cb0 = ClauseStart(v, w.qf, 3);
    if (HasWord(v, std::max(cb0, w.qf - 15), w.qf, "toll")) {
      running_noun = true;
    }
  }
  if (w.form == ChangeForm::kLevel) {
    bool bringing = w.change_verb >= 0 && (Is(v, w.change_verb, "bringing") || Is(v, w.change_verb, "brought") ||
                                           Is(v, w.change_verb, "brings"));
    // A running total never falls: "the number of homicides fell to 109"
    // is this period's count, a level.
    const bool falls = c.change == Change::kDown;
    if (q.kind == Kind::kCount && !falls &&
        (running_noun || bringing || c.category == Category::kCasualties ||
         (w.time && w.time->scope == TimeScopeKind::kRunningTotal))) {
      return set(Aggregation::kCumulative, "aggregation.running_total_level");
    }
    // "pledged an additional €50 million, bringing its aid this year to
    // €400 million": money brought to a new sum is a running total too.
    if (q.kind == Kind::kMoney && bringing && !falls) {
      return set(Aggregation::kCumulative, "aggregation.running_total_level");
    }
    // "Case numbers doubled to 830 last week": a count over a bounded period.
    if (q.kind == Kind::kCount && w.time && w.time->scope == TimeScopeKind::kPeriod) {
      return set(Aggregation::kIncrement, "aggregation.period_level");
    }
    return;
  }
  if (level) return;
  // Prices and values: "at $95.69", "debt hit $307 trillion".
  if (q.kind == Kind::kMoney &&
      (Is(v, w.qf - 1, "at") || (pred && (pred->lemma == "hit" || pred->lemma == "reach")))) {
    return;
  }
  // Prices and rates: "$10,000 a tonne", "$10 per person".
  if (q.kind == Kind::kMoney && (Is(v, w.ql + 1, "a") || Is(v, w.ql + 1, "per")) && T(v, w.ql + 2) &&
      T(v, w.ql + 2)->word && T(v, w.ql + 2)->quantity < 0 && T(v, w.ql + 2)->time < 0) {
    return;
  }
  // Budgets, appeals and plans are sums set for a period, not amounts
  // that accrued in it ("a $31 billion budget for the fiscal year",
  // "appealed for $3.06 billion ... this year").
  if (q.kind == Kind::kMoney) {
    const int n = static_cast<int>(v.toks.size());
    for (std::string_view wd : {"budget", "budgets", "appeal", "appealed", "appeals", "appealing", "seeking"}) {
      if (HasWord(v, 0, n, wd)) return;
    }
  }
  // A population stock ("the city of some 1.8 million people") is a level.
  if (std::find(c.rules.begin(), c.rules.end(), std::string_view("category.population_stock")) != c.rules.end()) {
    return;
  }
  // "Deaths have reached 1,020": a running total of casualties or cases.
  if (q.kind == Kind::kCount && pred && pred->lemma == "reach" && !w.time &&
      (c.category == Category::kCasualties || c.category == Category::kHealth)) {
    return set(Aggregation::kCumulative, "aggregation.reached_total");
  }
  // "a peak of nearly $128", "a record low of 100,000", "a survey of
  // 1,204 voters": a level or a sample, not an amount in a period.
  if (Is(v, w.qf - 1, "of")) {
    for (const char* l : {"peak", "low", "high", "level", "minimum", "maximum", "survey", "poll", "sample", "study"}) {
      if (Is(v, w.qf - 2, l)) return;
    }
  }
  // "since the February 2021 coup", "since the city fell on Saturday",
  // "since the war escalated in 2015": a time expression inside a "since"
  // clause dates the start of a running total.
  if (w.time && w.time_index >= 0) {
    switch (SinceClauseOf(v, v.time_toks[static_cast<std::size_t>(w.time_index)].b, w.ql)) {
      case SinceFrame::kRunning:
        return set(Aggregation::kCumulative, "aggregation.since_event");
      case SinceFrame::kComparison:
        return;
      case SinceFrame::kNone:
        break;
    }
  }
  if (w.time) {
    switch (w.time->scope) {
      case TimeScopeKind::kRunningTotal:
        return set(Aggregation::kCumulative, "aggregation.since");
      case TimeScopeKind::kPeriod:
      case TimeScopeKind::kVague:
        if (state) return;
        return set(Aggregation::kIncrement, "aggregation.period");
      case TimeScopeKind::kPoint:
        if (q.kind == Kind::kCount &&
            (c.category == Category::kCasualties || c.category == Category::kHealth)) {
          return set(Aggregation::kCumulative, "aggregation.as_of_count");
        }
        return;
      case TimeScopeKind::kForward:
        return;
    }
  }
  if (w.subset && w.antecedent >= 0 && !w.time) {
    // No time of its own and none inherited: same reading as the antecedent.
    const Claim& a = done[static_cast<std::size_t>(w.antecedent)];
    if (!a.time && a.aggregation == Aggregation::kCumulative) {
      return set(Aggregation::kCumulative, "aggregation.antecedent");
    }
  }
  if (running_noun) return set(Aggregation::kCumulative, "aggregation.toll");
  int b = v.toks[static_cast<std::size_t>(w.qf)].level[2];
  int sb = w.qf, se = w.ql + 1;
  while (sb > 0 && v.toks[static_cast<std::size_t>(sb - 1)].level[2] == b) --sb;
  while (se < static_cast<int>(v.toks.size()) && v.toks[static_cast<std::size_t>(se)].level[2] == b) ++se;
  // Also an opening segment of the clause without figures ("So far, 45 bodies").
  int cb = ClauseStart(v, w.qf, 3);
  int ob = cb, oe = cb;
  while (oe < sb && v.toks[static_cast<std::size_t>(oe)].level[2] == v.toks[static_cast<std::size_t>(cb)].level[2]) {
    if (v.toks[static_cast<std::size_t>(oe)].quantity >= 0) {
      oe = ob;
      break;
    }
    ++oe;
  }
  if (AnyCumulativeCue(v, sb, se) || (oe > ob && AnyCumulativeCue(v, ob, oe))) {
    return set(Aggregation::kCumulative, "aggregation.cue");
  }
}

ClaimBuilder::ClaimBuilder() : impl_(std::make_unique<Impl>()) {}
ClaimBuilder::~ClaimBuilder() = default;

std::vector<Claim> ClaimBuilder::Build(std::string_view text, const Segmentation& seg,
                                       std::vector<Quantity> quantities,
                                       const std::vector<TimeExpression>& times,
                                       std::optional<Date> published) const {
  const Impl& im = *impl_;
  std::vector<Claim> out;
  out.reserve(quantities.size());
  // Time expressions by start offset, to find a view's ones by binary search
  // (they are short, so only those starting within max_len before it matter).
  std::vector<std::size_t> by_start(times.size());
  std::size_t max_len = 0;
  for (std::size_t t = 0; t < times.size(); ++t) {
    by_start[t] = t;
    max_len = std::max(max_len, times[t].span.size());
  }
  std::sort(by_start.begin(), by_start.end(), [&](std::size_t a, std::size_t b) {
    return times[a].span.start < times[b].span.start || (times[a].span.start == times[b].span.start && a < b);
  });
  auto times_in = [&](Span sp) {
    std::vector<std::size_t> idx;
    std::size_t from = sp.start > max_len ? sp.start - max_len : 0;
    auto it = std::lower_bound(by_start.begin(), by_start.end(), from,
                               [&](std::size_t t, std::size_t off) { return times[t].span.start < off; });
    for (; it != by_start.end() && times[*it].span.start < sp.end; ++it) {
      if (times[*it].span.overlaps(sp)) idx.push_back(*it);
    }
    std::sort(idx.begin(), idx.end());  // recognizer order, as the rules expect
    std::vector<const TimeExpression*> out;
    out.reserve(idx.size());
    for (std::size_t t : idx) out.push_back(&times[t]);
    return out;
  };
  // A pathological "sentence" (a table, a run-on feed, megabytes without a
  // full stop) is cut into pieces of a few figures each, so per-claim work
  // (every rule scans its view) stays bounded and the whole is linear.
  constexpr std::size_t kLongSentence = 3000;  // bytes; real sentences are shorter
  constexpr std::size_t kPieceFigures = 12;
  constexpr std::size_t kPieceBytes = 1200;
  std::size_t i = 0;
  // The rest of a sentence already cut: its id, its end figure, where it resumes.
  std::size_t carry_sentence = static_cast<std::size_t>(-1), carry_j = 0, carry_start = 0;
  // Context-cue hits of the document's figure sentences: its topic so far.
  int doc_context[9] = {0};
  while (i < quantities.size()) {
    const std::size_t s = seg.SentenceAt(quantities[i].span.start);
    std::size_t j = i;
    if (s == carry_sentence) {
      j = carry_j;
    } else {
      while (j < quantities.size() && seg.SentenceAt(quantities[j].span.start) == s) ++j;
    }
    Span sentence = s < seg.sentences.size() ? seg.sentences[s].span : Span{0, text.size()};
    // Quantities may straddle a sentence edge: widen to cover them.
    sentence.start = std::min(sentence.start, quantities[i].span.start);
    sentence.end = std::max(sentence.end, quantities[j - 1].span.end);
    if (s == carry_sentence) sentence.start = carry_start;
    if (sentence.size() > kLongSentence) {
      std::size_t pj = i + 1;
      while (pj < j && pj - i < kPieceFigures &&
             quantities[pj].span.end - quantities[i].span.start <= kPieceBytes) {
        ++pj;
      }
      if (pj < j) {
        // Cut at a space midway between this piece's last figure and the next one.
        std::size_t a = quantities[pj - 1].span.end, b = quantities[pj].span.start;
        std::size_t cut = b > a ? a + (b - a) / 2 : a;
        while (cut < b && text[cut] != ' ') ++cut;
        if (cut > b || cut < a) cut = std::max(a, b);
        carry_sentence = s;
        carry_j = j;
        carry_start = cut;
        sentence.end = cut;
        j = pj;
      }
    }
    Impl::View v = im.MakeView(text, sentence, quantities, i, j, times_in(sentence));
    // Context cues over the whole view, once; they add to the document's.
    im.ContextCounts(v, 0, static_cast<int>(v.toks.size()), v.context_counts);
    int topical[9] = {0};
    im.ContextCounts(v, 0, static_cast<int>(v.toks.size()), topical, true);
    for (int c = 0; c < 9; ++c) doc_context[c] += topical[c];
    v.doc_counts = doc_context;
    v.context = im.BestOf(v.context_counts, doc_context);
    std::vector<Work> works(j - i);
    for (Work& w : works) w.qf = w.ql = -1;
    for (std::size_t t = 0; t < v.toks.size(); ++t) {  // each mention's first and last token
      int qk = v.toks[t].quantity;
      if (qk < 0) continue;
      Work& w = works[static_cast<std::size_t>(qk)];
      if (w.qf < 0) w.qf = static_cast<int>(t);
      w.ql = static_cast<int>(t);
    }
    const std::size_t first = out.size();
    for (std::size_t k = i; k < j; ++k) {
      Work& w = works[k - i];
      Claim c;
      c.sentence = s;
      c.quantity = std::move(quantities[k]);
      if (w.qf < 0) {  // no token (should not happen): keep a bare claim
        out.push_back(std::move(c));
        continue;
      }
      im.ChangeOf(v, w, c, k > i && out.size() > first ? &works[k - i - 1] : nullptr,
                  k > i && out.size() > first ? &out.back() : nullptr);
      im.Entity(v, w, c, out, first);
      im.PredicateOf(v, w, c);
      im.CategoryOf(v, w, c, out);
      if (std::find(c.rules.begin(), c.rules.end(), std::string_view("category.default")) == c.rules.end()) {
        doc_context[static_cast<int>(c.category)] += 2;  // a decided claim weighs two cue words
      }
      im.TimeOf(v, w, c, works, out, first);
      if (w.time) {
        TimeScope ts;
        ts.text = std::string(w.time->span.of(text));
        ts.span = w.time->span;
        ts.start = w.time->start;
        ts.end = w.time->end;
        int fb = im.ClauseStart(v, w.qf, 3), fe = im.ClauseEnd(v, w.qf, 3);
        // A forecast over the current year covers the whole year.
        if (w.time->period_end) {
          bool forecast = im.HasWord(v, fb, fe, "set");  // "set to reach" (but also "set a record")
          for (const char* f : {"will", "would", "could", "expected", "expect", "expects",
                                "forecast", "forecasts", "projected", "predicted", "predict",
                                "predicts", "likely"}) {
            if (!forecast && im.HasWord(v, fb, fe, f)) forecast = true;
          }
          // "$852 million for this year": a sum set for the whole period.
          const bool allotted = ts.text.size() > 4 && (ts.text.substr(0, 4) == "for " || ts.text.substr(0, 4) == "For ");
          if (forecast || allotted || im.WholePeriodCue(v, fb, fe)) ts.end = w.time->period_end;
        }
        // "Famine is projected ... between October and December": months
        // named without a year in a forecast are the coming ones, not the
        // last ones already over by the publication date. Stricter words
        // than for the whole year: "forecast" and "expected" are also nouns
        // and comparisons ("a poll forecast of", "than expected").
        if (published && ts.start && ts.end && w.time->scope == TimeScopeKind::kPeriod &&
            !w.time->period_end && (w.time->rule == "time.range" || w.time->rule == "time.anchor") &&
            date::sys_days{*ts.end} < date::sys_days{*published} && !HasYearDigits(ts.text) &&
            !NamesPastPeriod(ts.text)) {
          // Only the figure's and the time's own comma segments: "already
          // reeling from inflation of 24.9% in July, is expected to grow"
          // keeps its July.
          bool ahead = false;
          const int tb = w.time_index >= 0 ? v.time_toks[static_cast<std::size_t>(w.time_index)].b : -1;
          for (int at : {w.qf, tb}) {
            if (at < 0) continue;
            const int sb = im.ClauseStart(v, at, 2), se = im.ClauseEnd(v, at, 2);
            ahead = ahead || im.HasWord(v, sb, se, "will") || im.HasWord(v, sb, se, "projected");
            for (const char* f : {"forecast to", "expected to", "is forecast", "are forecast", "likely to"}) {
              ahead = ahead || im.HasPhrase(v, sb, se, f);
            }
          }
          if (ahead) {
            ts.start = NextYear(*ts.start);
            ts.end = NextYear(*ts.end);
            w.forward = true;
            c.rules.push_back("time.forecast_next");
          }
        }
        c.time = std::move(ts);
      }
      im.AggregationOf(v, w, c, out);
      if (k > i && out.size() > first) im.ShareWithRestated(v, works[k - i - 1], w, out.back(), c);
      // "with 30% support, down 2 points from last month": the level before
      // the difference moved the same way.
      if (w.form == ChangeForm::kDifference && k > i && out.size() > first && w.change_verb < 0 &&
          im.Is(v, w.qf - 2, ",") && (im.Is(v, w.qf - 1, "up") || im.Is(v, w.qf - 1, "down"))) {
        Claim& prev = out.back();
        const Work& pw = works[k - i - 1];
        if (prev.change == Change::kNone && pw.ql >= 0 && pw.ql >= w.qf - 5) {
          prev.change = c.change;
          prev.rules.push_back("change.level_of_difference");
        }
      }
      // "1,500 pounds, up from 450": the new level went up.
      if (w.form == ChangeForm::kBaseline && k > i && out.size() > first) {
        Claim& prev = out.back();
        if (prev.change == Change::kNone) {
          prev.change = im.Is(v, w.qf - 2, "down") ? Change::kDown : Change::kUp;
          prev.rules.push_back("change.up_from");
        }
        // Dated baselines ("up from 128 tonnes in 2021", "a year earlier")
        // are read like the figure they are compared with.
        if (c.aggregation == Aggregation::kNone ||
            std::find(c.rules.begin(), c.rules.end(), std::string_view("change.baseline_from")) != c.rules.end()) {
          c.aggregation = prev.aggregation;
        }
        if (c.entity.empty() || w.entity_inherited) {
          c.entity = prev.entity;
          c.entity_span = prev.entity_span;
          c.category = prev.category;
        }
      }
      out.push_back(std::move(c));
    }
    i = j;
  }
  // No cue of its own: the topic of its sentence, else of the document (the
  // category most often decided by a cue there). Linear: counts per
  // sentence and per document, computed once.
  std::vector<char> decided(out.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    decided[k] = std::find(out[k].rules.begin(), out[k].rules.end(),
                           std::string_view("category.default")) == out[k].rules.end();
  }
  auto best_of = [](const int* counts) {
    int best = -1, n = 0;
    for (int cat = 0; cat < 9; ++cat) {
      if (counts[cat] > n) {
        n = counts[cat];
        best = cat;
      }
    }
    return best;
  };
  // The document's topic: categories its cues decided (twice the weight)
  // plus the context cues of its figure sentences.
  // (doc_context already holds both, added as the claims were built).
  const int doc_topic = best_of(doc_context);
  for (std::size_t b = 0; b < out.size();) {
    std::size_t e = b;
    int counts[9] = {0};
    while (e < out.size() && out[e].sentence == out[b].sentence) {
      if (decided[e]) ++counts[static_cast<int>(out[e].category)];
      ++e;
    }
    int topic = best_of(counts);
    if (topic < 0) topic = doc_topic;
    for (std::size_t k = b; k < e && topic >= 0; ++k) {
      if (decided[k]) continue;
      // Measures, durations and ages keep "other" (a distance, a person's age).
      if (out[k].quantity.kind != Kind::kCount && out[k].quantity.kind != Kind::kPercent) continue;
      out[k].category = static_cast<Category>(topic);
      out[k].rules.push_back("category.topic");
    }
    b = e;
  }
  // "38% of the $1.7 billion it requested": a share of a sum is about
  // what the sum is about.
  for (std::size_t k = 0; k + 1 < out.size(); ++k) {
    if (out[k].quantity.kind != Kind::kPercent || out[k + 1].quantity.kind != Kind::kMoney) continue;
    std::size_t a = out[k].quantity.span.end, b = out[k + 1].quantity.span.start;
    if (b <= a || b - a > 8) continue;
    std::string_view gap = text.substr(a, b - a);
    if (gap == " of the " || gap == " of " || gap == " of its " || gap == " of their ") {
      out[k].category = out[k + 1].category;
      out[k].rules.push_back("category.share_of_sum");
    }
  }
  return out;
}

}  // namespace claimex

// Internal to claims/: the state of ClaimBuilder shared by its files. Impl
// holds the lexicons merged into one word table; a View is one sentence as
// tokens, with its time expressions, attribution and asides marked. The
// helpers read a View: word tests and clause bounds (claim_words.cpp), noun
// phrases (claim_phrases.cpp); each claim field has its own file
// (claim_entity.cpp, claim_change.cpp, claim_predicate.cpp,
// claim_category.cpp, claim_time_scope.cpp, claim_aggregation.cpp), and
// ClaimBuilder::Build (claim_builder.cpp) runs them in order per figure.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/attribution/word_table.h"
#include "extractor/claims/claim_builder.h"
#include "extractor/claims/claim_lexicons.h"
#include "extractor/claims/sentence_tokens.h"

namespace claimex {

using claims_internal::ClaimLexicons;
using claims_internal::Predicate;
using claims_internal::HeadRole;
using claims_internal::Token;

namespace claims_internal {

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
  // A ", when" clause about an event a "since" clause dated ("since the
  // election in July 2024, when Labour won 412 seats"): the event's own
  // date (TimeExpression::event_end), a period, not the running total.
  bool event_date = false;
};

inline bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

inline bool IsPossessive(std::string_view low) { return EndsWith(low, "'s") && low.size() > 2; }

// The last word of `s` (all of it without a space).
inline std::string_view LastWord(std::string_view s) {
  const std::size_t sp = s.rfind(' ');
  return sp == std::string_view::npos ? s : s.substr(sp + 1);
}

// The head word of an entity: its last word before any "of" phrase
// ("total number of arrivals" → number).
inline std::string_view EntityHead(std::string_view entity) { return LastWord(entity.substr(0, entity.find(" of "))); }

}  // namespace claims_internal

using claims_internal::ChangeForm;
using claims_internal::EndsWith;
using claims_internal::EntityHead;
using claims_internal::IsPossessive;
using claims_internal::LastWord;
using claims_internal::Range;
using claims_internal::Work;

struct ClaimBuilder::Impl {
  ClaimLexicons lex;
  bool record_vote_features = false;  // keep Claim::category_features
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
  // The slot hash: WordTable's mix (length and five bytes, one multiply),
  // not std::hash's murmur over every byte; asked once per token of a
  // figure sentence. Its high bits: the low ones of a product see only the
  // low bits (the length) of what was multiplied.
  static std::size_t WordHash(std::string_view w) {
    return static_cast<std::size_t>(attribution::WordTable<bool>::Mix(w) >> 24);
  }
  const WordEntry* Lookup(std::string_view w) const {
    const std::size_t h = WordHash(w);
    for (std::size_t i = h & slot_mask;; i = (i + 1) & slot_mask) {
      const Slot& sl = slots[i];
      if (!sl.entry) return nullptr;
      if (sl.hash == h && sl.entry->first == w) return &sl.entry->second;
    }
  }

  Impl();

  // ---- per-sentence view ----
  struct View {
    std::string_view text;
    std::vector<Token> toks;
    std::vector<const TimeExpression*> times;
    std::vector<Range> time_toks;
    std::vector<bool> speech;
    // Of the times marked `speech`, those that date a comparison ("compared
    // with 122 in the whole of 2020", "than in 2022"): they still date the
    // figure compared with, right before them.
    std::vector<bool> comparison;
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
  // ---- Word tests and token ranges (claim_words.cpp).
  // Whether the phrase `r` is "points" ("percentage points"): the unit of a
  // change in a rate or poll share, not what moved.
  bool PointsNP(const View& v, Range r) const;
  // Whether token i is a double quote mark (straight or curly).
  bool IsQuote(const View& v, int i) const;
  // Whether token i starts with an upper-case ASCII letter.
  bool Capitalized(const View& v, int i) const;
  // A word that never heads an entity (claims_entity_nonheads.txt).
  bool NeverHead(const View& v, int i) const;
  // A verb form that is not the bare lemma ("killed", "fled", "costs").
  bool IsInflectedVerb(const View& v, int i) const;
  // A word that acts as a verb or opens a predicate: an auxiliary, "now",
  // "that", "also", an inflected verb, or an -ed word.
  bool IsVerbish(const View& v, int i) const;
  // Whether a lower-case token is a plural noun (by ending or a known plural).
  bool IsPlural(const Token& t) const;
  // Whether the last word of `r` is a noun of movement ("a drop of about
  // 130,000", "a 25% increase": claims_change_nouns*.txt): the figure
  // measures the change, and what changed is named elsewhere.
  bool ChangeNounHead(const View& v, Range r) const;
  // An -ly word that modifies the verb before it and no noun after it
  // ("fell slightly to", "rose sharply"), unlike "family" or "supply"
  // heading a phrase ("supply chains").
  bool IsLyAdverb(const View& v, int i) const;
  // Leftmost token of token i's clause at `level` (1 piece, 2 comma segment, 3 clause).
  int ClauseStart(const View& v, int i, int level) const;
  // One past the rightmost token of token i's clause at `level`.
  int ClauseEnd(const View& v, int i, int level) const;
  // The words of `r` in lower case (quote marks left out), from past its
  // last possessive; its byte span in `*span` when given.
  std::string Text(const View& v, Range r, Span* span) const;
  // Index of the token ending at byte `end`, or -1.
  int TokenEndingAt(const View& v, std::size_t end) const;
  // The first token of the mention token `t` belongs to ("more than
  // 388,000" from "388,000"); `t` itself when it is no mention's or -1.
  int MentionStart(const View& v, int t) const;
  // Whether token text `w` (lower case) occurs in [b, e).
  bool HasWord(const View& v, int b, int e, std::string_view w) const;
  // Whether the words of `phrase` (single spaces) occur as consecutive
  // tokens of [b, e), tokens inside a time expression skipped. Compares
  // tokens in place: no string is built.
  bool HasPhrase(const View& v, int b, int e, std::string_view phrase) const;
  // Any word (HasWord) or phrase with a space (HasPhrase) of `list` in [b, e).
  bool HasAnyOf(const View& v, int b, int e, const std::vector<std::string>& list) const;
  // Whether [b, e) is in the present, future or perfect: a word of the
  // "present" rows of claims_tense_words.txt, "has" or "have".
  bool PresentOrPerfect(const View& v, int b, int e) const;
  // Whether a verb in the past (-ed, or lexicons/claims_tense_words.txt
  // "past"), not after a form of "be" or "have", stands in [b, at) after
  // the last forecast word there ("will hold an election after the prime
  // minister lost a vote on March 11", "opened on Wednesday with 300 beds
  // and will expand"): the time at `at` dates that past event.
  bool PastVerbBefore(const View& v, int b, int at) const;
  // Whether `phrase` starts at token i (< e), time tokens skipped.
  bool PhraseAt(const View& v, int i, int e, std::string_view phrase) const;

  // ---- Noun phrases (claim_phrases.cpp).
  // A word that can be part of a noun phrase at position i.
  bool Nounish(const View& v, int i, bool first, bool after_of = false) const;
  // Whether of-phrase `x` is its owner's value ("The lira has lost 28% of
  // its value") or a free relative ("received just 65% of what was
  // requested"): the share measures the clause's subject, not `x`.
  bool OfOwnerOrWhat(const View& v, Range x) const;
  // Whether token i, right after a figure, is a state that names the people
  // in it ("received 56 dead and 310 injured", "left 217 missing";
  // claims_people_states.txt), not a verb understood from a figure before
  // ("528 people were killed and 4,599 wounded").
  bool StateNamesPeople(const View& v, int i) const;
  // The noun phrase starting at token i ("towns and villages").
  Range FollowNP(const View& v, int i, bool after_of = false) const;
  // "of [the] [country's] [1,200] schools" → schools; `them` reports a pronoun.
  Range OfNP(const View& v, int of, bool& them) const;
  // The noun phrase that ends right before token `end` (subject of a verb at
  // `end`), skipping auxiliaries and adverbs. "The death toll from the
  // quake has risen" → "death toll". `coordinated` is set on the call made
  // past an "and", which goes past no further one (a long list of names
  // would otherwise recurse once per "and").
  Range LeftNP(const View& v, int end, int limit, bool coordinated = false) const;
  // The words LeftNP starts from: the run of noun-phrase words ending right
  // before `end`, past auxiliaries and adverbs, crossing no preposition.
  Range LeftRun(const View& v, int end, int limit) const;
  // The noun a figure after "of" at `of` is the amount of ("inflation of
  // 24.9%", "a shallow depth of 10 km", "caused damage of $4bn"): the run
  // before "of", from past its last verb; none for a pronoun, a place, a
  // time or a frame ("to the amount of", claims_entity_of_frames.txt).
  Range NounBeforeOf(const View& v, int of, int limit) const;
  // What a figure is predicated of when a measure adjective follows it
  // ("its eye was about 40 miles wide", "the vaccine is about 97%
  // effective", "Bennu, which is about 500 metres wide", "a wall of water
  // some seven metres high"): the subject before the copula, the noun a
  // relative "which"/"that" stands for, or the noun right before the figure.
  // `adj` is the token after the figure.
  // An adjective before a noun is attributive ("10 long range plans").
  Range PredicativeSubject(const View& v, int qf, int adj) const;
  // Whether a verb follows a noun inside `r` ("rescuers worked overnight"),
  // unlike a participle modifying one ("the number of displaced people").
  bool HasVerb(const View& v, Range r) const;
  // The plural noun a figure is said to be, from the copula at `cop`
  // ("14 were teenagers"; "half of them are children" keeps the entity of
  // "them", the SPEC's anaphora).
  Range PredicateNoun(const View& v, int cop) const;
  // The subject of the verb `verb` when a relative clause stands between
  // them ("The death toll from the quake that struck Turkey on Monday rose
  // to"): the phrase before "that"/"which". A relative follows a noun and
  // opens on its verb; "noted that the average wait had doubled" is none.
  Range SubjectBeforeRelative(const View& v, int verb) const;
  // The subject of the verb `verb` across an apposition or parenthetical
  // between commas ("Shipments to the United States, China's largest
  // market, dropped 23.1%", "Youth unemployment, among those under 25,
  // stood at"): the phrase before the first comma. None when a figure
  // sits between the commas (a list, unless a relative clause holds it:
  // "Chinese visitors, who made up a quarter of the total, numbered") or
  // the verb has no comma before it.
  Range SubjectBeforeApposition(const View& v, int verb) const;
  // Whether token i, after a comma, opens a reduced relative clause: a
  // lower-case -ed participle not before a noun (", elected for four
  // years,", ", raised from 500 zlotys a month").
  bool IsReducedRelative(const View& v, int i) const;
  // The noun a non-restrictive relative clause opening on `verb` describes
  // ("The 2019 Joint Response Plan, which sought $920m", "the appeal for
  // Somalia for 2022, which seeks", "Geleta, who earned"): the phrase
  // before ", which/who", past a trailing time. None otherwise.
  Range RelativeAntecedent(const View& v, int verb) const;
  // The noun phrase ending right before the comma at `comma`, past a
  // trailing time ("the UN's 2025 appeal for Afghanistan, of $2.42
  // billion" → appeal); none if it is a pronoun or holds a verb.
  Range NounBeforeComma(const View& v, int comma) const;
  // The noun phrase ending at `end`, past a time right before it and that
  // time's preposition ("for 2022", "in August"), past the verb opening a
  // purpose clause (", to curb inflation"); empty for a pronoun or a
  // phrase holding a verb.
  Range NounBeforeTime(const View& v, int end) const;
  // "Exports reached", "Imports were": token i, an -s form right before a
  // verb, is a plural noun (the subject), not a second verb of the group.
  bool PluralSubjectBeforeVerb(const View& v, int i) const;
  // What a sum is for, read from token `after` on past a rate or period
  // ("a year", "per tonne", "over three years", "over the next two years",
  // "this year") or a parenthesis ("15 trillion rials (about $25 million)
  // for reconstruction"): its "for" or
  // "on" phrase ("promised £36bn over three years for health and social
  // care", "spends $18.4 billion a year on Title I grants") or the object
  // of a purpose verb ("pledged $75 million to build new facilities").
  // None when nothing stands between the sum and its phrase (the entity
  // rules read that case themselves) or no such phrase follows.
  Range MoneyPurpose(const View& v, int after) const;
  // The object of a change verb that FollowNP does not read from token `k`
  // (past the verb and its determiners) on: the noun phrase ending at the
  // "by" or "to" before the figure at `qf` ("raised its overnight deposit
  // rate by 3 points to 14.75 percent" → deposit rate). None when a
  // preposition or verb stands between (`rose in the capital by 5%`).
  Range ChangeObjectBefore(const View& v, int k, int qf) const;
  // The subject of the clause the figure at `qf` completes, when no rule
  // nearer the figure named one: the phrase before the verb or copula
  // just before the figure, past a time ("rainfall in August was 780%
  // above average") and past a relative clause or an aside between commas
  // that opens on a lower-case word ("The 2022 response plan for Somalia,
  // which seeks $1.46 billion, was 67% funded"). None for a pronoun.
  Range ClauseSubject(const View& v, int qf) const;

  // ---- The sentence view (claim_view.cpp).
  // `times` are the time expressions overlapping `sentence`, in recognizer order.
  View MakeView(std::string_view text, Span sentence, const std::vector<Quantity>& qs,
                std::size_t q_begin, std::size_t q_end,
                const std::vector<const TimeExpression*>& times) const;
  void MarkAttribution(View& v) const;
  // Marks v.aside: a segment opened by a comma and an aside opener and
  // closed by the next comma of the sentence. Without the closing comma it
  // is the sentence's own last clause, not an aside.
  void MarkAsides(View& v) const;
  // Whether speech verb j is a passive whose subject is a figure ("31,200
  // cases were reported in March"): it reports the events, so a time after
  // it dates them.
  bool PassiveOfFigure(const View& v, int j) const;
  // Whether a document noun ("survey", "investigation") heads the few words
  // before token `b`, with no verb or figure between ("A survey by the
  // INSCOP institute last year found"): a time at `b` dates the document.
  bool DocumentBefore(const View& v, int b) const;
  // Whether time t, opened by "on" or "over" right after a figure or its
  // noun of change, names what the change is measured against: a month or
  // a year, not a day ("up 9 per cent on July", "a 25% increase over
  // 2019"; not "rose 3% on Monday", "over the past year").
  bool BaselineOnOver(const View& v, std::size_t t) const;

  // ---- Entity (claim_entity.cpp).
  // Sets c.entity from the figure's noun phrase, else the antecedent's in
  // `done` (the document's claims; this sentence's start at sentence_first).
  void Entity(const View& v, Work& w, Claim& c, const std::vector<Claim>& done,
              std::size_t sentence_first) const;

  // ---- Entity head phrase (claim_entity_head.cpp).
  // `r` narrowed to its head phrase when `rule` read it before the figure:
  // past a verb the run swallowed (PastVerb), a portion or count before
  // "of" (PastPortion), modifiers the head leaves out (PastModifiers), an
  // "of" phrase after the head (HeadOfPhrase) and, for an age in
  // apposition, a person's title (PersonName); lexicon claims_entity_trim.txt.
  Range HeadPhrase(const View& v, Range r, Kind kind, std::string_view rule) const;
  // Whether token i is a claims_entity_trim.txt word of `role`.
  bool TrimRole(const View& v, int i, std::string_view role) const;
  // "expects inflation", "officials say Ankara": past the run's verb.
  Range PastVerb(const View& v, Range r) const;
  // "a kilo of sugar", "the number of homicides": past the portion's "of".
  Range PastPortion(const View& v, Range r) const;
  // "global carbon dioxide emissions": past leading modifier words.
  Range PastModifiers(const View& v, Range r) const;
  // "the price of super petrol": the head before "of" (a place frame's or
  // an amount frame's thing after it: "the town of Djibo", "the amount of aid").
  Range HeadOfPhrase(const View& v, Range r) const;
  // "Beirut shopkeeper Fadi Haddad": the trailing name past its title.
  Range PersonName(const View& v, Range r) const;

  // ---- Subject readings (claim_entity_subject.cpp).
  // The noun right before a mention opening on "above"/"below" ("pushed
  // temperatures above 46C", "expects temperatures to stay above 40C").
  Range NounBeforeBound(const View& v, const Work& w, int clause) const;
  // When `subj`, the phrase before the verb, is a preposition's object in
  // a relative clause ("A sack of flour that cost 15,000 pounds before the
  // war now sells"): the noun the clause describes; else none.
  Range RelativeHost(const View& v, Range subj, int clause) const;
  // The object the verb at k moved by the figure at qf ("delayed convoys by
  // up to 48 hours", "will raise capital spending by 33%"): the run from
  // past the verb to "by"; none with a preposition or verb between.
  Range ObjectBeforeBy(const View& v, int k, int qf) const;
  // Whether token k is an -ing noun after a modifier ("capital spending"),
  // not the verb the subject search looks for.
  bool GerundNoun(const View& v, int k) const;
  // The noun phrase opening the clause of the figure at qf (past a
  // dateline), when a verb follows it before the figure: "The load factor
  // - the share of seats filled - was 79.3%". None for a pronoun, a name,
  // a relative clause, "the total", a phrase going on with "of", or a
  // speech verb's subject ("UNICEF said it needed").
  Range OwnClauseSubject(const View& v, int qf) const;
  // The noun phrase nearest before the figure in its sentence ("hitting an
  // arms depot about 110 km inside", "observation posts, of which there
  // are 12"), skipping names, levels ("the total") and figures; empty
  // past a speech verb. Used instead of an earlier sentence's entity.
  Range NearestNounBefore(const View& v, int qf) const;
  // The first common noun after a length of time in its comma segment,
  // past pronouns, verbs and prepositions ("For 11 years we paid bribes",
  // "we spent 48 hours on the roof"): the event or thing it is the length
  // of. Empty past a speech verb or a quote mark.
  Range DurationNounAfter(const View& v, int ql) const;

  // A figure that is a part of a whole named before it: the fronted "of"
  // phrase its clause opens on ("Of those waiting, 389,000 had") or the
  // figure a partitive relative refers to ("1.5 million children ..., of
  // whom 386,000 are"; "of which" any figure, "of whom" a count). Sets the
  // entity and w.subset; false when the figure names its own noun.
  bool PartitiveFront(const View& v, Work& w, Claim& c, const std::vector<Claim>& done,
                      std::size_t sentence_first) const;

  // ---- Entity before the previous claim's (claim_entity_shared_subject.cpp).
  // What a figure's own sentence names when the other entity rules found
  // nothing and the figure would take the previous claim's entity: the
  // subject its verb shares across an aside ("Core inflation, which strips
  // out food and energy, is likely to have edged up to around 12%"), a
  // coordination or a participle ("the fire has burned 3,000 acres and
  // was 40 percent contained"), a measuring verb's subject ("starting
  // salaries average $41,200"), or the noun a level is brought to ("bringing
  // to 11 the number of towns"). Sets `*rule`; empty when none applies.
  Range SharedSubject(const View& v, int qf, int after, Kind kind, std::string_view* rule) const;
  // The subject of the verb governing the figure at qf across an aside, a
  // coordination or a participle, or of a measuring verb (SharedSubject's
  // rules but the with-phrase and the brought-to count). With `direct`,
  // also the subject right before the verb.
  Range FigureSubject(const View& v, int qf, Kind kind, bool direct, std::string_view* rule) const;
  // The figure that c inherited from the sentence's earlier figure `prev`
  // names by a unit-like noun ("averaged 127.4 points in October, down
  // 1.6 percent", claims_entity_unit_nouns.txt): a share or change
  // measures that figure's subject, not the unit. Replaces c's entity;
  // false when it does not apply.
  bool UnitAntecedentSubject(const View& v, const Claim& prev, Claim& c) const;
  // ", with sales in China, its biggest market, down 11%", ", with the bond
  // yield steady at 0.33%": the noun a with-phrase gives its own change or
  // level; empty otherwise.
  Range WithPhraseNoun(const View& v, int qf) const;
  // Whether a subject may open at token b: the sentence's start, or right
  // after a speech verb, "that" or a clause word ("where", "while").
  bool SubjectMayOpen(const View& v, int b) const;
  // Whether claim d's figure is glued to its noun by a hyphen ("the
  // 400-member assembly", "a five-storey building"): it modifies that noun,
  // and a later bare figure ("..., 71 fewer than before", "down from 123")
  // refers back to a counted figure instead. `text`: the document.
  static bool Attributive(std::string_view text, const Claim& d);
  // Whether claim d's figure is a rate's denominator ("16.1 per 100,000
  // inhabitants"): a later figure ("down from 16.7") compares or counts
  // the rate, not the denominator.
  static bool RateDenominator(std::string_view text, const Claim& d);
  // The noun phrase ending right before token `end` that opens a subject
  // (SubjectMayOpen), past a preposition or an "and" LeftNP stops at
  // ("the Woolsey Fire near Malibu", "Saudi Arabia and the Emirates").
  Range OpeningSubject(const View& v, int end) const;
  // The sentence's opening noun phrase when a modifier holding a figure
  // and no verb or comma stands between it and the verb group at g ("The
  // minimum wage for those aged 21 and over will increase"); else empty.
  Range ModifiedOpeningSubject(const View& v, int g) const;
  // The subject of the sentence's first verb before token `end`, opening
  // where SubjectMayOpen allows; empty otherwise.
  Range FirstSubject(const View& v, int end) const;

  // ---- Change (claim_change.cpp).
  // `prev_work`/`prev`: the sentence's previous figure, or null.
  void ChangeOf(const View& v, Work& w, Claim& c, const Work* prev_work, const Claim* prev) const;

  // ---- Predicate (claim_predicate.cpp).
  void PredicateOf(const View& v, Work& w, Claim& c) const;
  // The comma closing an aside that opens with the comma at `open`, the
  // first one a verb follows ("104 people, mostly from Syria, Egypt and
  // Afghanistan, had been rescued"); else -1. Not past a quote, a colon or
  // a speech verb.
  int AsideEnd(const View& v, int open) const;

  // ---- Category (claim_category.cpp).
  void CategoryOf(const View& v, const Work& w, Claim& c, const std::vector<Claim>& done) const;
  // Whether no cue decided `c`'s category (it carries the rule
  // category.default): Build gives such a figure a topic at the end.
  static bool Undecided(const Claim& c);
  // `to` takes `from`'s category under the rule `rule`, and is undecided
  // exactly when `from` is: a figure that borrows a category no cue decided
  // ("... to 89,158, up from 44,000") must not pass that default off as a
  // decision, and takes the topic along with it.
  static void BorrowCategory(Claim& to, const Claim& from, std::string_view rule);
  // The end of Build: each figure no cue decided (Undecided) takes the topic
  // of the nearest scope where cues decided figures: its sentence, else its
  // paragraph, else the document (`doc_context`: categories decided there,
  // twice, plus the context cues of its figure sentences). Measures keep
  // "other". Rule category.topic.
  static void TopicFallback(std::string_view text, std::vector<Claim>& out, const int doc_context[9]);

  // ---- Category vote (claim_category_vote.cpp).
  // The weights' sum of a figure's features so far, per category.
  struct VoteTally {
    std::size_t claim = 0;  // index into Build's claims
    std::array<float, 9> sum{};
  };
  // Once the rules have placed a figure, VoteFeatures adds a tally for
  // claim number `index` to `tallies`: the weights of what the sentence
  // says around it (the first category rule, kind, predicate, entity words,
  // the sentence's content words and those near the figure), named in
  // Claim::category_features when recording.
  void VoteFeatures(const View& v, const Work& w, Claim& c, std::size_t index,
                    std::vector<VoteTally>& tallies) const;
  // After TopicFallback: each tallied figure adds the category the rules
  // gave it when only a fallback on context placed it (category.context,
  // category.speaker_context, category.default), and the document's
  // topic (the category most firmly placed figures have); it takes the
  // category whose learned weights (claims_category_weights.txt) sum
  // highest; rule category.vote. scripts/train-category-weights trains the
  // weights.
  void CategoryVote(std::vector<Claim>& out, std::vector<VoteTally>& tallies) const;
  // The category of an entity's lexicon cue (claims_entity_cues.txt): its
  // head word (a two-word head first), else the earliest row equal to a run
  // of its words; none without a cue.
  // The category of the entity cue found in `entity` (lower case), and that
  // cue (a lexicon key) in `*phrase` when given. Cues marked "weak" count
  // only when `weak_ok`.
  std::optional<Category> EntityCue(std::string_view entity, std::string_view* phrase = nullptr,
                                    bool weak_ok = true) const;
  // Whether the cause named after the act or the dead ("died from extreme
  // hunger or disease", "deaths from cholera") is an illness or hunger:
  // health or relief cues in the few words after "from"/"of".
  bool DiedOfIllness(const View& v, const Claim& c) const;
  // Whether the figure restates the document's previous figure, a count:
  // in apposition after it ("22 million Yemenis, or three-quarters of the
  // population,") or opening the next sentence ("That is 61% of ...").
  bool RestatesPrevious(const View& v, const Work& w, const Claim& c, const std::vector<Claim>& done) const;
  // Context-cue hits per category among tokens [b, e), each cue counted once.
  // Attribution words are skipped unless `with_attribution` (the document's
  // topic: a speaker's name, "the Forest Fire Centre", is topical there).
  void ContextCounts(const View& v, int b, int e, int counts[9], bool with_attribution = false) const;
  // The category with most hits; a tie goes to the document's topic so far
  // (`prior`, may be null), then to the earlier lexicon line. None without hits.
  std::optional<Category> BestOf(const int counts[9], const int* prior) const;
  // ---- Civic readings (claim_category_civic.cpp, claims_civic_cues.txt).
  // The category a civic reading gives the figure, and its rule; none when
  // no reading applies. `ctx_cat`: the context cues' category.
  // `done`: the document's claims so far; `ent_cat`, `ctx_cat`: the
  // categories of the entity and context cues.
  std::optional<std::pair<Category, std::string_view>> CivicReading(const View& v, const Work& w, const Claim& c,
                                                                    const std::vector<Claim>& done,
                                                                    std::optional<Category> ent_cat,
                                                                    std::optional<Category> ctx_cat) const;
  // A reading the words right after the figure fix, before any antecedent
  // is borrowed: how long a state of emergency lasts, how much of a fire is
  // contained (both other).
  std::optional<std::pair<Category, std::string_view>> FixedReading(const View& v, const Work& w,
                                                                    const Claim& c) const;
  // Whether a phrase of `list` ends right before token i / starts at token i.
  bool PhraseEndsBefore(const View& v, int i, const std::vector<std::string>& list) const;
  bool PhraseStartsAt(const View& v, int i, const std::vector<std::string>& list) const;
  // Politics for a prison term served or faced in a political story; none
  // for a crime story's term or a law's penalty.
  std::optional<Category> PrisonTerm(const View& v, const Work& w, std::optional<Category> ctx_cat) const;
  // Whether a length of time is someone's time in power ("in power for 27 years").
  bool TimeInOffice(const View& v, const Work& w) const;
  // Whether the figure's context cues, else the story's figures so far, are politics.
  bool PoliticalStory(const View& v, std::optional<Category> ctx_cat) const;
  // Whether a figure in a political story is its protest's crowd or a
  // count of things burned ("torching at least 20 vehicles").
  bool ProtestDetail(const View& v, const Work& w, const Claim& c, std::optional<Category> ctx_cat) const;
  // The category of the document's last count (this or the two sentences
  // before) for a count of a bare "figure" or "estimate"; none otherwise.
  std::optional<Category> RestatedFigure(const Claim& c, const std::vector<Claim>& done) const;
  // Whether `name`, a capitalized word, is titled as a politician at one of
  // its mentions so far ("President Sebastian Pinera").
  bool PoliticianAge(const View& v, const Token& name) const;
  // ---- Relief readings (claim_category_relief.cpp), each humanitarian.
  // Whether a traded good by weight is relief food moved or carried.
  bool AidShipment(const View& v, const Claim& c, std::optional<Category> ent_cat) const;
  // Whether a figure is the hours or absence of a basic service, or the
  // people a service point serves.
  bool ServiceAccess(const View& v, const Work& w, const Claim& c) const;
  // Whether a figure counts the people relief work reaches.
  bool AidReach(const View& v, const Work& w) const;
  // Whether a sum with no purpose of its own follows aid money in a list.
  bool MoneyAfterAid(const Claim& c, const std::vector<Claim>& done, std::optional<Category> ent_cat,
                     std::optional<Category> ctx_cat) const;
  // ---- Population readings (claim_category_population.cpp).
  // Whether a count is the people a named place has ("Kenya has about 47
  // million people,").
  bool PlaceHasPeople(const View& v, const Work& w, const Claim& c) const;
  // Whether deaths no verb kills are demography (births, fertility and
  // natural change in the sentence, or a demographic story so far).
  bool VitalDeaths(const View& v, const Work& w, const Claim& c, std::optional<Category> ent_cat) const;
  // Whether a figure is ground taken or held (claims_territory.txt): places
  // or an area a few words after a verb of taking ("have seized 14
  // villages", "advanced by about 600 square kilometres"), or, in a
  // sentence naming armed forces, a "within X km of" distance or a
  // distance advanced ("have advanced up to 2 kilometers west of").
  bool TerritoryTaken(const View& v, const Work& w, const Claim& c) const;
  // Whether a verb of taking ground (claims_territory.txt) is a few words
  // before token `qf`. The verb may govern a list ("retaken the town of
  // Nasir and 6 surrounding villages"), which crosses clause pieces, so
  // this looks back a fixed window, not past a semicolon.
  bool TakingVerbBefore(const View& v, int qf) const;

  // ---- War, disaster and care figures (claim_category_conflict.cpp).
  // Whether the sentence names armed forces (claims_territory.txt "force").
  bool ForcesNamed(const View& v) const;
  // Whether a distance is a front line: fighting in its clause ("were
  // fighting about 4 km from the port's gates"), or ground taken before it
  // that it places ("the rebels seized the port town ..., 80 kilometers to
  // the south").
  bool FrontLineDistance(const View& v, const Work& w, const Claim& c) const;
  // Whether a verb of taking ground counts armed forces ("says it has
  // captured about 7,000 soldiers"): prisoners of war, casualties.
  bool CapturedForces(const Work& w, const Claim& c) const;
  // Whether people in care are there for injuries ("had treated 142
  // wounded", "1,132 people had been admitted to hospitals with injuries").
  bool InjuryCare(const View& v, const Work& w, const Claim& c) const;
  // Whether the figure counts bodies ("The bodies of 17 people were brought").
  bool BodiesOf(const View& v, const Work& w) const;
  // Whether people killed are staff in a sentence about attacks ("14
  // attacks on health care ..., killing eight health workers").
  bool StaffKilled(const View& v, const Claim& c) const;
  // Whether deaths are among the health figure just before, the same people
  // or more deaths, with no attack named ("has sickened 312 children ...,
  // and six have died").
  bool PatientsDied(const View& v, const Claim& c, const std::vector<Claim>& done) const;
  // Whether vehicles counted carry people moving: a displacement verb in
  // the sentence or a displacement figure just before ("escaped ... in
  // about 4,000 private cars").
  bool VehiclesMoving(const View& v, const Work& w, const Claim& c, const std::vector<Claim>& done) const;
  // Whether a displacement verb counts people held ("More than 4,700
  // inmates escaped"): a jailbreak or a transfer, not flight.
  bool HeldPeopleMoved(const Work& w, const Claim& c) const;
  // Whether a figure no verb was found for has a casualty verb as the first
  // verb with a category after it in its comma segment ("At least 70 polio workers
  // and police guarding them have been killed").
  bool KilledLater(const View& v, const Work& w) const;
  // Whether a distance, speed or duration is a journey (a journey verb a few
  // words before it) in a document whose figures so far are mostly about
  // displacement ("The convoys travelled 225 kilometres", "We drove at 20
  // kilometres an hour", "He had been walking for three days").
  bool FlightJourney(const View& v, const Work& w, const Claim& c) const;
  // Whether armed forces or men are counted after a form of "lose" in the
  // clause ("They have lost 40 vehicles and dozens of men"): casualties.
  bool ForcesLost(const View& v, const Work& w, const Claim& c) const;
  // Whether a count counts places held as land (claims_territory.txt
  // "place": villages, districts, states).
  bool TerritoryPlace(const Claim& c) const;
  // Whether the entity is only "the (final) figure" or "number", which
  // refers back to the decided figure just before ("The death toll ... rose
  // to 217 ..., and officials warned the final figure could exceed 1,000").
  bool FigureAnaphor(const Claim& c, const std::vector<Claim>& done) const;
  // Whether a weak verb after a comma ("..., affecting an estimated 3
  // million people") states the effect of the sentence's previous figure,
  // decided by a cue ("More than 420 health facilities ... have closed").
  bool EffectOfPrevious(const View& v, const Work& w, const Claim& c, const std::vector<Claim>& done) const;
  // Whether people a place is "home to" live in a camp named before them
  // ("Kutupalong, the largest of the settlements, ... is home to").
  bool CampStock(const View& v, const Work& w) const;
  // The category of the verb of the clause that people "with her eight
  // grandchildren" go along with, if it has one.
  std::optional<Category> CompanionsOf(const View& v, const Work& w) const;

  // ---- Time (claim_time_scope.cpp).
  void TimeOf(const View& v, Work& w, Claim& c, const std::vector<Work>& sentence_work,
              const std::vector<Claim>& done, std::size_t sentence_first) const;
  // Whether a baseline a year back follows the figure ending at token ql:
  // a comparison's time or claims_year_ago_baselines.txt, a few words on.
  bool YearAgoBaselineAfter(const View& v, int ql) const;
  // TimeOf's choice of the time expression, before LengthBeforeItsTime.
  void ScopeTime(const View& v, Work& w, Claim& c, const std::vector<Work>& sentence_work,
                 const std::vector<Claim>& done, std::size_t sentence_first) const;
  // Whether the figure is a length of time that the chosen time comes
  // before ("sentenced to death in 2020 after being held for more than five
  // years", "faced up to 10 years in prison"): that time dates another
  // event. A race time or a margin ("won on Sunday in 2 hours, breaking the
  // record by 48 seconds") is dated by its event.
  bool LengthBeforeItsTime(const View& v, const Work& w, const Claim& c) const;
  // Whether the figure is a share funded now ("The UN's appeal for Sudan
  // this year is 56 percent funded", "... has received 33% of the money"):
  // a present state, which the time in the subject (the appeal's period)
  // does not date. A time after the share still does ("has received 39
  // percent so far this year"), and so does a past one ("ended 83 percent
  // funded"). Words: the share_state class of claims_tense_words.txt.
  bool FundedShareNow(const View& v, const Work& w, const Claim& c) const;
  // "The United Nations appealed on Thursday for $1.4 billion ... this
  // year": the day of an appeal is the act's. For a sum after an appeal
  // word (claims_appeal_words.txt) dated by one day, the period its clause
  // names instead (its index in v.times), or -1 for none; -2 when the rule
  // does not apply.
  int AppealPeriod(const View& v, const Work& w, const Claim& c) const;
  // Tokens between the figure of `w` and time expression t: from the
  // figure's end to a time after it, from a time before it to its start.
  int TimeDistance(const View& v, std::size_t t, const Work& w) const;
  void ShareWithRestated(const View& v, const Work& pw, const Work& w, const Claim& prev, Claim& c) const;
  // Whether the clause opened at the comma `comma` starts a report of its
  // own before token `end`: ", and that some 140,000 were living", ", as
  // the UN warned that up to 14 million", ", as the government said dozens
  // had been killed". The time of the clause before dates another statement
  // (often another speaker's), not this one, nor the other way round.
  bool OpensReport(const View& v, int comma, int end) const;
  // Whether time t lies in an aside that does not hold token `tok`.
  bool AsideApart(const View& v, std::size_t t, int tok) const;
  // The possessive period that owns figure w's noun: right before the
  // figure ("last year's 2.4 million"), after its "of" ("14 of this year's
  // victims"), or opening the figure's clause piece as its subject ("Last
  // year's appeal was 42 percent funded"); -1 where none.
  int PossessiveTime(const View& v, const Work& w) const;
  // The figure of `sw` that figure w is coordinated with as a list member
  // ("distributed 8,000 tents, 25,000 blankets and 40 tonnes", "recorded
  // 8,417 cases since June 17, when ..., and 11 deaths", "50 hostages ...,
  // along with 19"): the one right before the "and" (or, along with, as
  // well as) that opens w, with no verb of w's own between; -1 where none.
  int CoordinatedWith(const View& v, const Work& w, const std::vector<Work>& sw) const;
  // Whether the figure at qf opens its comma segment (", about 45% of",
  // ", down 8.8 percent", ", to 2,903", ", just 0.06C below").
  bool OpensWithFigure(const View& v, int qf) const;
  // Whether a length mention places something: "within" a distance, or a
  // place word (time_place_words.txt) right after it, past a conversion in
  // parentheses ("40km (25 miles) north-west").
  bool PlacingDistance(const View& v, const Work& w, const Quantity& q) const;
  // Whether the figure is the fixed total a share right before it is of
  // ("25 of the country's 36 states", "412 of the 650 seats").
  bool TotalOfShare(const View& v, const Work& w) const;
  // For the fixed total of a share (TotalOfShare), a time that dates its
  // own noun, a few words after it with only that noun and a participle
  // between ("18% of the 12,000 buildings checked in August"); -1 if none.
  int TimeOfTotal(const View& v, const Work& w) const;
  // Whether `u` is the code of a unit of length (quantity_units.txt).
  bool LengthUnit(std::string_view u) const;
  // For a figure in a segment opened by ", in which" or ", during which",
  // or by ", which" and a past verb (", which killed 29 people"): the time
  // nearest the end of the segment before it; -1 where none.
  int InWhichCarry(const View& v, int qf) const;
  // Whether [b, e) has a word that makes a current period whole (an
  // appeal, a present-tense need: time_whole_period_cues.txt).
  bool WholePeriodCue(const View& v, int b, int e) const;

  // ---- Aggregation (claim_aggregation.cpp).
  void AggregationOf(const View& v, const Work& w, Claim& c, const std::vector<Claim>& done) const;
  // Whether any cumulative cue occurs in [b, e): only tokens that start
  // one are tried (same answer as trying every cue everywhere).
  bool AnyCumulativeCue(const View& v, int b, int e) const;
  // Whether a word of the entity accrues over a period (claims_flow_nouns.txt).
  bool IsFlow(std::string_view entity) const;
  // Whether a verb of a past event ("released", "provided", "cost") stands
  // right before the figure at qf, not a price's ("sold", "costs").
  bool PaidOutBefore(const View& v, int qf) const;
  // Whether a rate's period (claims_rate_phrases.txt: "a day", "every
  // month") follows the figure ending at token ql in its comma segment.
  bool RateAfter(const View& v, int ql) const;
  // How a time expression starting at token `b` relates to a "since" a
  // few words before it, in its comma segment:
  // kRunning opens a running total ("since the city fell on Saturday");
  // kComparison follows a superlative ("the biggest since it reopened in
  // 2019", "its first cut since 2019"): a baseline, dating nothing here.
  enum class SinceFrame { kNone, kRunning, kComparison };
  // `ql` is the figure's last token: the "since" must come after it, and
  // other figures may sit inside the frame ("since its 1.76 billion euro
  // renovation was completed in 2024").
  SinceFrame SinceClauseOf(const View& v, int b, int ql) const;
  // Whether a superlative or "first" stands up to three words before token
  // k ("its biggest prisoner exchange since", "the stadium's biggest since").
  bool SuperlativeBefore(const View& v, int k) const;
};

}  // namespace claimex

// The builder's set-up and its per-sentence view: the lexicons merged into
// one open-addressing word table (Impl()), a sentence's tokens with their
// figures and time expressions (MakeView), the words of attributions
// (MarkAttribution) and the parenthetical asides (MarkAsides).
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>

#include "extractor/core/lexicon.h"

namespace claimex {

ClaimBuilder::Impl::Impl() {
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
    const std::size_t h = WordHash(kv.first);
    std::size_t i = h & slot_mask;
    while (slots[i].entry) i = (i + 1) & slot_mask;
    slots[i] = Slot{h, &kv};
  }
}

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
  v.comparison.assign(v.times.size(), false);
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
    // "below the record set in July 2023", "the previous low set in 1986":
    // the date of the level compared with (claims_entity_level_heads.txt).
    bool compared = Is(v, b - 1, "than") ||
                    (Is(v, b - 1, "set") && b >= 2 && lex.entity_level_heads.count(v.toks[static_cast<std::size_t>(b - 2)].low) > 0);
    for (int k = b - 1; k >= 0 && k >= b - 6; --k) {
      if (v.toks[static_cast<std::size_t>(k)].low == "compared") compared = true;
    }
    // "9 degrees above normal for early June": the norm's period.
    if (Is(v, b - 1, "for") && (Is(v, b - 2, "normal") || Is(v, b - 2, "average"))) compared = true;
    if (v.times[t]->record_frame) compared = true;  // "their highest since October"
    // "up 1.4% from last year": the baseline's period, not the change's.
    if (Is(v, b - 1, "from") && b >= 2 && v.toks[static_cast<std::size_t>(b - 2)].quantity >= 0) compared = true;
    if (BaselineOnOver(v, t)) compared = true;
    // "up 12% on the previous year": the year compared with.
    // (also "a 547% rise from", "an increase of 11% over the previous year").
    if (v.times[t]->rule == "time.previous_year" &&
        (Is(v, b - 1, "on") || Is(v, b - 1, "over") || Is(v, b - 1, "from") || Is(v, b, "over"))) {
      compared = true;
    }
    // "last year's 2.4 million": the owned noun's period only
    // (PossessiveTime); "pledged at last year's conference" dates the act.
    if (v.times[t]->possessive && !Is(v, b - 1, "at")) {
      v.speech[t] = true;
      continue;
    }
    if (dateline || compared) {
      v.speech[t] = true;
      v.comparison[t] = compared;
      continue;
    }
    // "revised its figures for November and December": a period the
    // content is for, not the day of the act; "said its 2018 appeal ended
    // 83 percent funded": a year that dates a noun, not the speaking.
    if (Is(v, b, "for") || v.times[t]->rule == "time.year_event") continue;
    // "A survey by the INSCOP institute last year found that 71% ...", "An
    // AP investigation last year estimated": the document's date, before a
    // verb of speech or finding.
    if (e < static_cast<int>(v.toks.size()) && v.toks[static_cast<std::size_t>(e)].speech && DocumentBefore(v, b)) {
      v.speech[t] = true;
      continue;
    }
    // A running total's start never dates a statement: "with 19 deaths
    // reported since November 1" counts since then.
    if (v.times[t]->scope == TimeScopeKind::kRunningTotal) continue;
    for (int j = b - 1, steps = 0; j >= 0 && steps < 10; --j, ++steps) {
      const Token& tk = v.toks[static_cast<std::size_t>(j)];
      if (tk.quantity >= 0 || tk.low == ";" || tk.low == "(") break;
      // A finite verb or "since" between them opens the reported clause,
      // which the time dates ("said bad weather had cut their hours in
      // January", "since it was declared on Aug. 1").
      if (tk.low == "since" || Cls(v, j) == "aux") break;
      // "said that between January and June, 52 children were killed":
      // after "that" the time is the reported clause's.
      if (tk.low == "that") break;
      // So does a verb of change ("warned that cholera cases rose in 2022").
      if (tk.change != Change::kNone && tk.low != "up" && tk.low != "down" && IsInflectedVerb(v, j)) break;
      if (tk.speech) {
        // "said rainfall in August was 780% above average": a noun between
        // and a verb right after the time make it part of the reported
        // clause's subject ("an outbreak declared in May has spread" is not).
        // So does another verb ("said a fire in Camp 5 on Sunday destroyed
        // 200 shelters"); a verb of speech or showing only after a
        // participle of the subject's own ("said the count conducted in
        // August showed"; "a study published in The Lancet in July
        // estimated" dates the publishing).
        bool participle = false;
        for (int k = j + 1; k < b && !participle; ++k) {
          participle = IsVerbish(v, k) && !v.toks[static_cast<std::size_t>(k)].speech;
        }
        const bool verb_after = IsVerbish(v, e) && !Is(v, e, "that") &&
                                (!v.toks[static_cast<std::size_t>(e)].speech || participle);
        const bool subject = j < b - 1 && (Cls(v, e) == "aux" || verb_after);
        v.speech[t] = !PassiveOfFigure(v, j) && !subject;
        break;
      }
      if (tk.low == ",") break;
    }
  }
  MarkAttribution(v);
  return v;
}

bool ClaimBuilder::Impl::BaselineOnOver(const View& v, std::size_t t) const {
  const int b = v.time_toks[t].b;
  if (!(Is(v, b, "on") || Is(v, b, "over")) || b < 1) return false;
  // "on Monday", "over the past year", "over three days": a day or a span
  // back from now dates the change itself.
  const TimeExpression& te = *v.times[t];
  if (!te.start || !te.end || *te.start == *te.end) return false;
  const Token* anchor = T(v, b + 1);
  if (!anchor || !(anchor->number || Capitalized(v, b + 1))) return false;
  // Right after the figure ("up 9 per cent on July") or its noun of
  // change ("a 25% increase over 2019").
  const Token& before = v.toks[static_cast<std::size_t>(b - 1)];
  if (before.quantity >= 0) return true;
  return before.change != Change::kNone && b >= 2 && v.toks[static_cast<std::size_t>(b - 2)].quantity >= 0;
}

bool ClaimBuilder::Impl::DocumentBefore(const View& v, int b) const {
  constexpr int kSubjectWords = 6;
  for (int k = b - 1; k >= 0 && k >= b - kSubjectWords; --k) {
    const Token& tk = v.toks[static_cast<std::size_t>(k)];
    if (tk.quantity >= 0 || !tk.word || (IsVerbish(v, k) && !tk.caps)) return false;
    if (lex.document_nouns.count(tk.low)) return true;
  }
  return false;
}

bool ClaimBuilder::Impl::PassiveOfFigure(const View& v, int j) const {
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
    // The token after the comma is the opener's first word (it is no time
    // token): its first byte rules out most openers before PhraseAt.
    const char next = v.toks[static_cast<std::size_t>(i + 1)].low[0];
    for (const std::string& o : aside_openers) {
      if (o.empty() || o[0] != next) continue;
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

}  // namespace claimex

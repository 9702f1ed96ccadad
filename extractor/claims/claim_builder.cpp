// ClaimBuilder::Build: splits the text into sentence views and runs the field
// rules on each figure in order (change, entity, predicate, category, time,
// aggregation), carrying the document's topic and the previous claims.
// Claim semantics come from local windows of the sentence (no parser, no
// model); each field's rules are in its own file (claim_builder_impl.h lists
// them). Every rule that fires is named in Claim::rules for --explain.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace claimex {

namespace {

// Whether a time text writes its year ("between October and December 2021").
bool HasYearDigits(std::string_view s) {
  int run = 0;
  for (char ch : s) {
    run = (ch >= '0' && ch <= '9') ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

// Whether s has any digit ("by Wednesday" has none, "by March 5" has).
bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; });
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

}  // namespace

ClaimBuilder::ClaimBuilder(bool record_vote_features) : impl_(std::make_unique<Impl>()) {
  impl_->record_vote_features = record_vote_features;
}
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
  std::vector<Impl::VoteTally> tallies;  // the category vote's figures
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
      if (!Impl::Undecided(c)) doc_context[static_cast<int>(c.category)] += 2;  // a decided claim weighs two cue words
      im.TimeOf(v, w, c, works, out, first);
      // A forecast over the current year covers the whole year. (Asked only
      // of a dated figure: the clause is found then, not for every figure.)
      // The cue may stand in the figure's clause or in the time's, when the
      // time came from another clause ("About 21.6 million people, or
      // two-thirds of the population, need assistance this year").
      auto whole_period = [&](std::string_view time_text) {
        auto cued = [&](int tok) {
          const int fb = im.ClauseStart(v, tok, 3), fe = im.ClauseEnd(v, tok, 3);
          // ("set" as in "set to reach", but also "set a record".)
          return im.HasAnyOf(v, fb, fe, im.lex.whole_year_forecast) || im.WholePeriodCue(v, fb, fe);
        };
        // "$852 million for this year": a sum set for the whole period.
        const bool allotted = time_text.substr(0, 4) == "for " || time_text.substr(0, 4) == "For ";
        const int time_tok = w.time_index >= 0 ? v.time_toks[static_cast<std::size_t>(w.time_index)].b : -1;
        const bool other_clause = time_tok >= 0 && v.toks[static_cast<std::size_t>(time_tok)].level[3] !=
                                                       v.toks[static_cast<std::size_t>(w.qf)].level[3];
        return allotted || cued(w.qf) || (other_clause && cued(time_tok));
      };
      // "full-year profit rose 10%" in a results report is the year before;
      // only a forecast's "full-year" is this one.
      if (w.time && w.time->rule == "time.full_year" && !whole_period(w.time->span.of(text))) {
        w.time = nullptr;
        w.time_index = -1;
        c.rules.push_back("time.full_year_past");
      }
      if (w.time) {
        TimeScope ts;
        ts.text = std::string(w.time->span.of(text));
        ts.span = w.time->span;
        ts.start = w.time->start;
        ts.end = w.event_date ? w.time->event_end : w.time->end;
        if (w.time->period_end && whole_period(ts.text)) ts.end = w.time->period_end;
        // "Famine is projected ... between October and December": months
        // named without a year in a forecast are the coming ones, not the
        // last ones already over by the publication date. Stricter words
        // than for the whole year: "forecast" and "expected" are also nouns
        // and comparisons ("a poll forecast of", "than expected").
        // A deadline ("expect the total to reach $60 billion by March") too,
        // one whose month is over by more than a month ("by the weekend" is
        // a day or two back: no month moves).
        constexpr int kMonthDays = 31;
        const bool deadline = w.time->rule == "time.by" && !ts.start && ts.end && published &&
                              date::sys_days{*published} - date::sys_days{*ts.end} > date::days{kMonthDays};
        // A weekday in a forecast is the coming one ("snow is expected to
        // fall by Wednesday morning", "temperatures are forecast to reach
        // 44C on Saturday"), never a year on; other periods and dates move
        // a year.
        const bool weekday = published && ts.end && (!ts.start || *ts.start == *ts.end) &&
                             (w.time->rule == "time.by" || w.time->rule == "time.anchor") &&
                             !HasDigit(ts.text) &&
                             date::sys_days{*ts.end} < date::sys_days{*published} &&
                             date::sys_days{*published} - date::sys_days{*ts.end} < date::days{7};
        const bool period = ts.start && w.time->scope == TimeScopeKind::kPeriod && !w.time->period_end &&
                            (w.time->rule == "time.range" || w.time->rule == "time.anchor");
        // Only the figure's and the time's own comma segments ("already
        // reeling from inflation of 24.9% in July, is expected to grow"
        // keeps its July), and in the figure's segment not past a relative
        // clause after it ("$400 million for a programme that will give
        // ..." is not itself a forecast), nor a time a past verb governs.
        auto forecast_clause = [&] {
          const int tb = w.time_index >= 0 ? v.time_toks[static_cast<std::size_t>(w.time_index)].b : -1;
          // A past verb before the time dates a past event ("will hold an
          // election after the prime minister lost a vote on March 11").
          if (tb >= 0 && im.PastVerbBefore(v, im.ClauseStart(v, tb, 2), tb)) return false;
          for (int at : {w.qf, tb}) {
            if (at < 0) continue;
            const int sb = im.ClauseStart(v, at, 2);
            int se = im.ClauseEnd(v, at, 2);
            for (int k = at == w.qf ? w.ql + 1 : se; k < se; ++k) {
              if (im.Is(v, k, "that") || im.Is(v, k, "which") || im.Is(v, k, "who")) se = k;
            }
            if (im.HasAnyOf(v, sb, se, im.lex.coming_months)) return true;
          }
          return false;
        };
        if (weekday) {
          if (forecast_clause()) {
            ts.end = date::year_month_day{date::sys_days{*ts.end} + date::days{7}};
            if (ts.start) ts.start = ts.end;
            w.forward = true;
            c.rules.push_back("time.forecast_next");
          }
        } else if (published && ts.end && (period || deadline) &&
                   date::sys_days{*ts.end} < date::sys_days{*published} && !HasYearDigits(ts.text) &&
                   !NamesPastPeriod(ts.text) && forecast_clause()) {
          if (ts.start) ts.start = NextYear(*ts.start);
          ts.end = NextYear(*ts.end);
          w.forward = true;
          c.rules.push_back("time.forecast_next");
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
      // "1,500 pounds, up from 450": the new level went up; a rate's, not
      // its denominator's ("16.1 per 100,000 inhabitants, down from 16.7").
      if (w.form == ChangeForm::kBaseline && k > i && out.size() > first) {
        std::size_t level_at = out.size() - 1;
        if (level_at > first && Impl::RateDenominator(text, out[level_at])) --level_at;
        Claim& prev = out[level_at];
        if (prev.change == Change::kNone) {
          prev.change = im.Is(v, w.qf - 2, "down") ? Change::kDown : Change::kUp;
          prev.rules.push_back("change.up_from");
        }
        // Dated baselines ("up from 128 tonnes in 2021", "a year earlier")
        // are read like the figure they are compared with.
        if (c.aggregation == Aggregation::kNone ||
            HasRule(c, "change.baseline_from")) {
          c.aggregation = prev.aggregation;
        }
        // The level is a counted figure, not one glued to its noun ("took 120
        // seats in the 350-seat Congress, down from 123").
        const Claim* level = &prev;
        for (std::size_t p = out.size() - 1; p > first && Impl::Attributive(text, *level); --p) level = &out[p - 1];
        if (Impl::Attributive(text, *level)) level = &prev;
        if (c.entity.empty() || w.entity_inherited) {
          c.entity = level->entity;
          c.entity_span = level->entity_span;
          Impl::BorrowCategory(c, *level, "category.baseline");
        }
      }
      im.VoteFeatures(v, w, c, out.size(), tallies);
      out.push_back(std::move(c));
    }
    i = j;
  }
  Impl::TopicFallback(text, out, doc_context);
  im.CategoryVote(out, tallies);
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
      // And a share with no noun of its own counts what the sum is for,
      // not what an earlier figure counted.
      if ((out[k].entity.empty() || HasRule(out[k], "entity.previous")) && !out[k + 1].entity.empty()) {
        out[k].entity = out[k + 1].entity;
        out[k].entity_span = out[k + 1].entity_span;
        out[k].rules.push_back("entity.share_of_sum");
      }
    }
  }
  return out;
}

}  // namespace claimex

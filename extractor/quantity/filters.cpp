// Not-a-claim filters (SPEC "What counts as a claim", examples README "Not
// claims"). Each rule has a name recorded in Draft::dropped, so a test can
// say why a figure was rejected.
#include <string>

#include "extractor/quantity/mention_parser.h"

namespace claimex::quantity {

namespace {

// True when the word starting at `ws` opens a sentence (or a quote, a line).
bool SentenceInitial(std::string_view text, std::size_t ws) {
  std::size_t q = SkipSpacesBack(text, ws);
  if (q == 0) return true;
  if (text.substr(q, ws - q).find('\n') != std::string_view::npos) return true;
  char c = text[q - 1];
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == ':' || c == '(' || c == ';' || c == '\'') return true;
  if (q >= 3) {
    std::string_view tail = text.substr(q - 3, 3);
    if (tail == "\xE2\x80\x9C" || tail == "\xE2\x80\x94" || tail == "\xE2\x80\x98") return true;  // “ — ‘
  }
  return false;
}

// True when `pos` follows a list of day numbers that opens with a month:
// "July 26, 27," or "Aug. 21, 22 and".
bool DayListAfterMonth(std::string_view text, const ContextWords& ctx, std::size_t pos) {
  std::size_t p = pos;
  for (int i = 0; i < 8; ++i) {
    std::size_t q = SkipSpacesBack(text, p);
    if (q > 0 && text[q - 1] == ',') {
      q = SkipSpacesBack(text, q - 1);
    } else {
      std::size_t ws = WordStartBefore(text, q);
      std::string w = LowerAscii(text.substr(ws, q - ws));
      if (w != "and" && w != "or") return false;
      q = SkipSpacesBack(text, ws);
    }
    std::size_t d = q;
    while (d > 0 && IsAsciiDigit(text[d - 1])) --d;
    if (d == q || q - d > 2 || LetterBefore(text, d)) return false;
    if (auto m = ctx.Before(text, d, ContextWords::kMonth); m && IsAsciiUpper(text[m->start])) return true;
    p = d;
  }
  return false;
}

bool Punct(char c) { return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')'; }

}  // namespace

void ApplyFilters(std::string_view text, const ContextWords& ctx, Draft& d) {
  if (!d.dropped.empty()) return;
  auto drop = [&](std::string_view rule) { d.dropped = rule; };
  const Figure& f = d.f1;
  const std::size_t ns = f.span.start;
  const std::size_t fe = d.f2 ? d.f2->span.end : f.span.end;
  const std::size_t ms = d.span.start, me = d.span.end;
  const bool digits = !d.proportion && !d.vague && ns < text.size() && IsAsciiDigit(text[ns]);
  const bool bare_count = d.kind == Kind::kCount && d.currency.empty() && !d.unit && !d.age;
  // "a week", "a year" (one unit of time) is a figure only with a qualifier:
  // "for more than a week", "nearly a year"; not "once a week", "a year ago",
  // "$5 a day". ("a decade" stands alone: "a decade of war".)
  if (f.rule == "number.article") {
    if (!d.unit) return drop("not_claim.article_unit");
    // The qualifier opens the mention and is a bound, not a frame or a verb
    // ("within a year", "passed a day").
    if (d.multiplier < 10 && (!d.has_qualifier || ms == ns ||
                              !ctx.Is(LowerAscii(WordAt(text, ms)), ContextWords::kArticleBound))) {
      return drop("not_claim.article_unit");
    }
  }
  const bool glued_unit = d.unit && d.unit->span.start == fe;

  if (digits) {
    char b = ns > 0 ? text[ns - 1] : '\0';
    if (d.currency.empty() && LetterBefore(text, ns)) return drop("not_claim.identifier_glued");  // M5, G20
    if (d.currency.empty() && !d.negative && b == '-' && WordCharBefore(text, ns - 1))
      return drop("not_claim.identifier_hyphen");  // COVID-19, F-16
    if (b == '/' || b == '#' || b == '\\' || b == '@' || b == '_' || b == '=' || b == '%' || b == '&')
      return drop("not_claim.identifier_symbol");  // URLs, hashtags, handles
    if (d.unit && d.unit->def->surface == "%" && WordCharAt(text, d.unit->span.end))
      return drop("not_claim.identifier_symbol");  // "%20" in a URL
    if ((b == ':' || b == '.') && ns >= 2 && IsAsciiDigit(text[ns - 2])) return drop("not_claim.clock_or_version");
    if (b == '.' && d.currency.empty() && ns >= 2 && LetterBefore(text, ns - 1))
      return drop("not_claim.identifier_glued");  // "No.2", "p.12", "v.3"

    if (!glued_unit && LetterAt(text, fe)) return drop("not_claim.glued_letters");  // 21st, 1990s, 5G
    if (fe + 1 < text.size() && text[fe] == '/' && IsAsciiDigit(text[fe + 1])) return drop("not_claim.date_slash");
    if (fe + 1 < text.size() && (text[fe] == ':' || text[fe] == '.') && IsAsciiDigit(text[fe + 1]))
      return drop("not_claim.clock");
    if (fe + 1 < text.size() && (text[fe] == '\'' || text.substr(fe, 3) == "\xE2\x80\x99")) {
      std::size_t s_at = fe + (text[fe] == '\'' ? 1 : 3);  // the apostrophe may end the text (fuzz_quantity)
      if (s_at < text.size() && LowerAsciiChar(text[s_at]) == 's') return drop("not_claim.decade");  // 1990's
    }
    if (f.leading_zero) return drop("not_claim.leading_zero");
    if (d.f2 && d.f2->leading_zero) return drop("not_claim.leading_zero");
    if (!d.unit && !d.has_qualifier) {
      std::size_t sp = SpaceAt(text, me);
      if (sp && me + sp < text.size() && IsAsciiDigit(text[me + sp])) return drop("not_claim.digit_run");  // phone
      std::size_t bs = SpaceBefore(text, ms);
      if (bs && ms > bs && IsAsciiDigit(text[ms - bs - 1]) && f.plain_digits) return drop("not_claim.digit_run");
    }
    // Years: a bare four-digit figure from 1000 to 2199 ("in 2016", "2020").
    if (f.plain_digits && !d.f2 && f.int_digits == 4 && f.value >= 1000 && f.value < 2200 &&
        d.currency.empty() && !d.unit && !d.has_qualifier && !d.negative)
      return drop("not_claim.year");
    if (ctx.After(text, fe, ContextWords::kClock, true)) return drop("not_claim.clock");
    if (auto m = ctx.Before(text, ms, ContextWords::kMonth);
        m && IsAsciiUpper(text[m->start]) && !d.has_qualifier && f.plain_digits && f.value <= 31 && !d.f2)
      return drop("not_claim.date");  // "Jan 29", not "in March 300 people"

    if (auto m = ctx.After(text, fe, ContextWords::kMonth); m && IsAsciiUpper(text[m->start]) && !d.unit)
      return drop("not_claim.date");
    if (f.plain_digits && f.value <= 31 && !d.unit && !d.has_qualifier && DayListAfterMonth(text, ctx, ms))
      return drop("not_claim.date");  // "July 26, 27, 28 and 30"

    {
      std::size_t ws = 0;
      std::string w(WordBefore(text, ms, &ws));
      std::string lw = LowerAscii(w);
      if (lw == "ad" || lw == "bc") return drop("not_claim.year");
      std::size_t n = SkipSpaces(text, fe);
      std::string next = LowerAscii(WordAt(text, n));
      if (n > fe && (next == "ad" || next == "bc" || next == "bce" || next == "ce") && f.plain_digits)
        return drop("not_claim.year");
    }
    if (bare_count && !d.has_qualifier) {
      // Capitalized name right before the figure: "Boeing 737", "Windows 11", "Route 66".
      std::size_t q = SkipSpacesBack(text, ms);
      if (q < ms && text.substr(q, ms - q).find('\n') == std::string_view::npos) {
        std::size_t ws = WordStartBefore(text, q);
        std::string w(text.substr(ws, q - ws));
        bool inner_upper = false;  // "iPhone 15", "iOS 17"
        for (std::size_t i = 1; i < w.size(); ++i) inner_upper |= IsAsciiUpper(w[i]);
        bool possessive = w.size() > 2 && w.substr(w.size() - 2) == "'s";  // "Britain's 60 million people"
        if (!w.empty() && !possessive && !ctx.Is(LowerAscii(w), ContextWords::kCapitalOk) &&
            ((IsAsciiUpper(w[0]) && !SentenceInitial(text, ws)) || inner_upper))
          return drop("not_claim.name_number");
      }
      // Street numbers: "10 Market Street", "10 Downing St."
      std::size_t p = fe;
      for (int i = 0; i < 3; ++i) {
        std::size_t n = SkipSpaces(text, p);
        if (n == p || n >= text.size() || !IsAsciiUpper(text[n])) break;
        std::string_view w = WordAt(text, n);
        std::size_t we = n + w.size();
        if (we < text.size() && text[we] == '.') ++we;  // "St.", "N. 2d St."
        if (i > 0 && (ctx.Is(LowerAscii(w), ContextWords::kStreet) ||
                      ctx.Is(LowerAscii(text.substr(n, we - n)), ContextWords::kStreet)))
          return drop("not_claim.street_number");
        p = we;
      }
      // List numbers: "(1)", a line opening with "3." or "3)".
      if (ms > 0 && text[ms - 1] == '(' && fe < text.size() && text[fe] == ')') return drop("not_claim.list_number");
      std::size_t ls = ms;
      while (ls > 0 && (text[ls - 1] == ' ' || text[ls - 1] == '\t')) --ls;
      if ((ls == 0 || text[ls - 1] == '\n') && fe < text.size() && (text[fe] == '.' || text[fe] == ')') &&
          SpaceAt(text, fe + 1))
        return drop("not_claim.list_number");
    }
  }
  if (f.words && !d.proportion && !d.vague && d.currency.empty()) {
    // A capitalized number word inside a sentence is a name: "the Big Four", "Group of Seven".
    if (IsAsciiUpper(text[ns]) && !SentenceInitial(text, ns) && ms == ns) return drop("not_claim.name_number");
    // Compound ordinals: "Fifty-fifth Street", "twenty-first century".
    if (f.span.end < text.size() && text[f.span.end] == '-') {
      std::string w = LowerAscii(WordAt(text, f.span.end + 1));
      if (w == "first" || w == "second" || w == "third" || (w.size() > 2 && w.substr(w.size() - 2) == "th"))
        return drop("not_claim.ordinal");
    }
  }
  // List numbers at the start of a sentence: "3. Does it ...", "2 Sufficient lay-offs".
  if (digits && bare_count && !d.has_qualifier && SentenceInitial(text, ms) && fe + 1 < text.size()) {
    if ((text[fe] == '.' || text[fe] == ')') && SpaceAt(text, fe + 1)) return drop("not_claim.list_number");
    std::size_t n = SkipSpaces(text, fe);
    if (n > fe && n < text.size() && IsAsciiUpper(text[n]) && f.plain_digits && f.value < 100)
      return drop("not_claim.list_number");
  }
  // Ratios: "three times as many", "10 times higher" compare, they do not count.
  if (bare_count && !d.f2) {
    std::size_t n = SkipSpaces(text, me);
    if (n > me && LowerAscii(WordAt(text, n)) == "times") {
      std::size_t n2 = SkipSpaces(text, n + 5);
      std::string w = LowerAscii(WordAt(text, n2));
      static const char* const kCompare[] = {"more", "less", "fewer", "higher", "lower", "larger", "bigger",
                                             "greater", "smaller", "as", "the", "faster", "slower", "over"};
      for (const char* k : kCompare) {
        if (w == k) return drop("not_claim.ratio");
      }
    }
  }
  // Identifier words: "Resolution 2254", "page 3", "number one", "Article 5".
  if (!d.vague && !d.proportion && !d.has_qualifier && d.currency.empty() && d.kind == Kind::kCount) {
    if (ctx.Before(text, ms, ContextWords::kIdentifier)) return drop("not_claim.identifier_word");
    // "the 911 hotline", "an 0800 helpline": a number that names a line.
    if (ctx.After(text, me, ContextWords::kIdentifierAfter)) return drop("not_claim.identifier_word");
  }
  // "one" as a pronoun: "one of them", "no one", "the one who".
  if (f.words && bare_count && !d.has_qualifier && !d.f2 && !d.negative && LowerAscii(text.substr(ns, fe - ns)) == "one") {
    std::size_t ws = 0;
    std::string pw = LowerAscii(WordBefore(text, ms, &ws));
    if (!pw.empty() && ctx.Is(pw, ContextWords::kOneBefore)) return drop("not_claim.pronoun_one");
    std::size_t n = SkipSpaces(text, fe);
    if (n >= text.size() || Punct(text[n]) || text[n] == '-') return drop("not_claim.pronoun_one");
    if (n > fe && ctx.Is(LowerAscii(WordAt(text, n)), ContextWords::kOneAfter)) return drop("not_claim.pronoun_one");
  }
  // "the second half", "the other half": a part, not a share.
  if (d.proportion) {
    std::size_t ws = 0;
    std::string pw = LowerAscii(WordBefore(text, ms, &ws));
    static const char* const kNotShare[] = {"first", "second", "third", "fourth", "last", "other", "latter",
                                            "final", "the", "top", "bottom", "lower", "upper", "back", "opening",
                                            "closing", "each", "every", "per", "this", "next", "previous"};
    for (const char* k : kNotShare) {
      if (pw == k) return drop("not_claim.part_not_share");
    }
  }
  // A duration that only places something in time: "the past ten days", "two years ago".
  if (d.kind == Kind::kDuration && !d.age) {
    std::size_t ws = 0;
    std::string pw = LowerAscii(WordBefore(text, ms, &ws));
    if (!pw.empty() && ctx.Is(pw, ContextWords::kTimeRef)) return drop("not_claim.time_scope");
    if (ctx.After(text, me, ContextWords::kTimeAfter)) return drop("not_claim.time_scope");
    // "prices fell 5.3% in the 12 months to September": the period of a change.
    if (pw == "the") {
      std::size_t p = SkipSpaces(text, me);
      std::string w = LowerAscii(WordAt(text, p));
      if (p > me && (w == "to" || w == "through" || w == "ending" || w == "ended" || w == "until") &&
          ctx.After(text, p + w.size(), ContextWords::kMonth))
        return drop("not_claim.time_scope");
    }
    // "the highest in 40 years", "the first time in a decade": a yardstick, not a figure.
    if (pw == "in" || pw == "for") {
      std::size_t p = ws;
      for (int i = 0; i < 3; ++i) {
        std::size_t s2 = 0;
        std::string w = LowerAscii(WordBefore(text, p, &s2));
        if (w.empty()) break;
        if ((w.size() > 4 && w.substr(w.size() - 3) == "est") || w == "time" || w == "first")
          return drop("not_claim.time_yardstick");
        p = s2;
      }
    }
  }
}

}  // namespace claimex::quantity

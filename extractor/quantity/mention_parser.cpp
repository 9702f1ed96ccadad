#include "extractor/quantity/mention_parser.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace claimex::quantity {

namespace {

std::string LowerWordAt(std::string_view text, std::size_t pos) { return LowerAscii(WordAt(text, pos)); }

// The word ending at `end` after skipping spaces back, lower-cased; its
// start in *start.
std::string LowerWordBefore(std::string_view text, std::size_t end, std::size_t* start) {
  return LowerAscii(WordBefore(text, end, start));
}

bool StartsWith(std::string_view text, std::size_t pos, std::string_view s) {
  return text.substr(pos, s.size()) == s;
}

// Words after a glued "m" that make it metres ("a 10m-high wall", "5m deep").
bool MetreContext(std::string_view text, std::size_t end) {
  if (end < text.size() && text[end] == '-') return true;
  std::size_t p = SkipSpaces(text, end);
  if (p == end) return p >= text.size() || !WordCharAt(text, p);
  static const char* const kWords[] = {"high", "long", "wide", "deep", "tall", "away", "above", "below",
                                       "under", "from", "of", "in", "across", "down", "up", "into", "off"};
  std::string w = LowerWordAt(text, p);
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// The word "age" (not "aged", "page", "agenda") in the few words before `end`,
// inside the sentence and with no other figure between.
bool AgeBefore(std::string_view text, std::size_t end) {
  std::size_t from = end > 70 ? end - 70 : 0;
  for (std::size_t i = end; i-- > from;) {
    char c = text[i];
    if (c == '.' || c == ';' || c == '!' || c == '?' || c == '\n' || IsAsciiDigit(c)) return false;
    if (LowerAsciiChar(c) == 'a' && i + 3 <= end && LowerAscii(text.substr(i, 3)) == "age" && !WordCharBefore(text, i) &&
        !WordCharAt(text, i + 3))
      return true;
  }
  return false;
}

// Two capitalized words ending at `end` ("Fadi Haddad").
bool FullNameBefore(std::string_view text, std::size_t end) {
  auto cap = [&](std::size_t p) { return p < text.size() && text[p] >= 'A' && text[p] <= 'Z'; };
  std::size_t last = 0, first = 0;
  if (LowerWordBefore(text, end, &last).empty() || !cap(last)) return false;
  return !LowerWordBefore(text, last, &first).empty() && first < last && cap(first);
}

bool AngleBefore(std::string_view text, std::size_t end) {
  std::size_t from = end > 60 ? end - 60 : 0;
  std::string window = LowerAscii(text.substr(from, end - from));
  for (const char* w : {"rotat", "turn", "angle", "tilt", "degree angle"}) {
    if (window.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::optional<Figure> MentionParser::FigureAt(std::string_view text, std::size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  if (IsAsciiDigit(text[pos])) return numbers_.ParseDigits(text, pos);
  return numbers_.ParseWords(text, pos);
}

std::optional<Draft> MentionParser::Parse(std::string_view text, std::size_t pos, std::size_t floor,
                                          DocumentFacts& facts) const {
  Draft d;
  std::size_t fpos = pos;
  std::size_t digit_pos = 0;
  if (auto cp = units_.PrefixAt(text, pos, &digit_pos)) {
    // "Sh100": which shilling the document's country says.
    d.currency = cp->code.back() == '?' ? units_.ResolveByCountry(cp->code, facts) : std::string(cp->code);
    d.currency_span = cp->span;
    d.kind = Kind::kMoney;
    d.rules.push_back("money.currency_before");
    fpos = digit_pos;
  } else if (LetterAt(text, pos)) {
    if (auto v = vague_.At(text, pos)) {
      d.vague = true;
      d.vague_low = v->low;
      d.vague_high = v->high;
      d.f1.span = v->span;
      d.span = v->span;
      d.qualifier = Qualifier::kVague;
      d.rules.push_back("vague.magnitude");
      FinishVague(text, d, facts);
      return d;
    }
    std::string w = LowerWordAt(text, pos);
    if (w != "half" || !numbers_.ParseWords(text, pos)) {
      if (auto pr = numbers_.ParseProportion(text, pos)) {
        d.proportion = true;
        d.f1.span = pr->span;
        d.f1.value = pr->percent;
        d.f1.rule = pr->rule;
        d.span = pr->span;
        d.kind = Kind::kPercent;
        d.unit_code = "percent";
        d.rules.push_back(pr->rule);
        d.resume = pr->span.end;
        ParseBefore(text, d, floor);
        ApplyFilters(text, context_, d);
        return d;
      }
    }
    // "a decade", "a century": one unit of ten or a hundred years; "more
    // than a week", "nearly a year": one unit of time, kept by the filters
    // only with a qualifier ("once a week", "a year ago" are no figures).
    if (w == "a" || w == "an") {
      std::optional<UnitMatch> u = units_.After(text, pos + w.size(), false);
      // ("a decades-long war" is an adjective, not one decade.)
      const bool hyphened = u && u->span.end < text.size() && text[u->span.end] == '-';
      if (u && !hyphened && u->def->kind == Kind::kDuration && u->def->si_factor >= 3600 &&
          u->span.start > pos + w.size()) {
        d.f1.span = {pos, pos + w.size()};
        d.f1.value = 1;
        d.f1.words = true;
        d.f1.rule = "number.article";
        d.rules.push_back("number.article");
      }
    }
  } else if (IsAsciiDigit(text[pos])) {
    if (auto pr = numbers_.ParseProportion(text, pos)) {
      d.proportion = true;
      d.f1.span = pr->span;
      d.f1.value = pr->percent;
      d.span = pr->span;
      d.kind = Kind::kPercent;
      d.unit_code = "percent";
      d.rules.push_back(pr->rule);
      d.resume = pr->span.end;
      ParseBefore(text, d, floor);
      ApplyFilters(text, context_, d);
      return d;
    }
  }
  if (d.f1.rule.empty()) {
    auto f = FigureAt(text, fpos);
    if (!f) return std::nullopt;
    // ".08": a decimal written without its leading zero.
    if (f->plain_digits && fpos > 0 && text[fpos - 1] == '.' && (fpos == 1 || SpaceBefore(text, fpos - 1))) {
      f->value = std::strtod(("0." + std::string(text.substr(fpos, f->span.end - fpos))).c_str(), nullptr);
      f->span.start = fpos - 1;
      f->plain_digits = false;
      f->leading_zero = false;
    }
    d.f1 = *f;
    d.rules.push_back(f->rule);
  }
  d.span = {d.currency.empty() ? d.f1.span.start : d.currency_span.start, d.f1.span.end};
  d.resume = d.f1.span.end;
  if (d.f1.broken) {
    std::size_t e = d.f1.span.end;
    while (e < text.size() && (IsAsciiDigit(text[e]) || text[e] == ',' || text[e] == '.')) ++e;
    d.resume = e;
    d.dropped = "not_claim.odd_digits";
    return d;
  }
  // "10m": million unless the words around say metres.
  if (d.f1.glued_m && d.currency.empty() && MetreContext(text, d.f1.span.end)) {
    d.f1.value /= 1e6;
    d.f1.scale = 1;
    d.f1.scaled = false;
    d.f1.glued_m = false;
    d.f1.span.end -= 1;
    d.span.end = d.f1.span.end;
    d.resume = d.f1.span.end;
  }
  if (d.f1.scaled) d.rules.push_back("number.scale");
  ParseRange(text, d);
  if (!d.dropped.empty()) return d;
  ParseUnit(text, d, facts);
  // Suffix qualifiers: "or more", "or so", "+", "-plus".
  if (auto q = qualifiers_.After(text, d.span.end)) {
    d.qualifier = q->qualifier;
    d.has_qualifier = true;
    d.span.end = q->span.end;
    d.resume = d.span.end;
    d.rules.push_back("qualifier.after");
  }
  ParseBefore(text, d, floor);
  if (d.f2 && d.qualifier != Qualifier::kVague) d.qualifier = Qualifier::kRange;
  ApplyFilters(text, context_, d);
  return d;
}

void MentionParser::FinishVague(std::string_view text, Draft& d, DocumentFacts& facts) const {
  d.resume = d.span.end;
  // "millions of dollars", "thousands of tonnes": the unit joins the mention.
  std::size_t p = SkipSpaces(text, d.span.end);
  if (p > d.span.end && LowerWordAt(text, p) == "of") {
    std::size_t u = SkipSpaces(text, p + 2);
    if (u > p + 2) {
      if (auto m = units_.MoneyWordAt(text, u)) {
        std::string code = m->def->code == "pound?" ? units_.ResolvePound(text, m->span, facts)
                                                    : units_.ResolveByCountry(m->def->code, facts);
        if (!code.empty()) {  // "thousands of crowns" outside Nordic text is not money
          d.kind = code == "lb" ? Kind::kMeasure : Kind::kMoney;
          d.unit_code = code;
          d.span.end = m->span.end;
          d.resume = d.span.end;
          d.rules.push_back("vague.money");
        }
      } else if (auto mu = units_.After(text, p + 2, false)) {
        if (mu->def->kind == Kind::kMeasure && mu->def->surface.size() > 2) {
          d.kind = Kind::kMeasure;
          d.unit_code = mu->def->code;
          d.span.end = mu->span.end;
          d.resume = d.span.end;
          d.rules.push_back("vague.measure");
        }
      }
    }
  }
  // "thousands of years" is a duration, but "hundreds of people" a count.
  ApplyFilters(text, context_, d);
}

void MentionParser::ParseRange(std::string_view text, Draft& d) const {
  const Figure& f1 = d.f1;
  std::size_t c = f1.span.end;
  // A unit on the first figure too: "20%-30%", "20 per cent to 30 per cent".
  std::optional<UnitMatch> u1;
  if (d.currency.empty()) {
    u1 = units_.After(text, c, false);
    if (u1 && u1->def->kind != Kind::kPercent && u1->def->kind != Kind::kMeasure) u1.reset();
    if (u1) c = u1->span.end;
  }
  Connector conn = Connector::kNone;
  std::size_t second = 0;
  std::size_t prev_start = 0;
  std::string prev = LowerWordBefore(text, d.span.start, &prev_start);
  if (prev == "minus" || prev == "negative") prev = LowerWordBefore(text, prev_start, nullptr);  // "between minus 5 and 5"
  bool between = prev == "between";
  // "a 25- to 30-metre vessel", "a 25-to-30-metre vessel": hyphenated adjectival ranges.
  std::size_t hyphen_to = 0;
  if (c < text.size() && text[c] == '-') {
    std::size_t t = SkipSpaces(text, c + 1);
    if (LowerWordAt(text, t) == "to") {
      std::size_t after = t + 2;
      if (after < text.size() && (text[after] == '-' || text[after] == ' ') && after + 1 < text.size() &&
          IsAsciiDigit(text[after + 1]))
        hyphen_to = after + 1;
    }
  }
  if (hyphen_to) {
    conn = Connector::kTo;
    second = hyphen_to;
  } else if (c < text.size() && text[c] == '-' && c + 1 < text.size() && !LetterAt(text, c + 1)) {
    conn = Connector::kDash;
    second = c + 1;
  } else {
    std::size_t e = SkipSpaces(text, c);
    if (StartsWith(text, e, "\xE2\x80\x93")) {  // en dash: "5–7%", "20,000 – 30,000"
      conn = Connector::kDash;
      second = SkipSpaces(text, e + 3);
    } else if (e > c && e + 2 < text.size() && text[e] == '-' && SpaceAt(text, e + 1) &&
               SkipSpaces(text, e + 1) < text.size() &&  // "8 -  " at the very end (fuzz_quantity)
               IsAsciiDigit(text[SkipSpaces(text, e + 1)]) && IsAsciiDigit(text[c - 1])) {  // "1000 - 5000"
      conn = Connector::kDash;
      second = SkipSpaces(text, e + 1);
    } else if (e > c) {
      std::string word = LowerWordAt(text, e);
      if (word == "through" || word == "thru") word = "to";
      if (LowerWordAt(text, e) != word && word == "to") {
        std::string_view orig = WordAt(text, e);
        std::size_t s2 = SkipSpaces(text, e + orig.size());
        if (s2 > e + orig.size()) {
          conn = Connector::kTo;
          second = s2;
        }
      } else if (word == "to" || (word == "and" && between)) {
        std::size_t s2 = SkipSpaces(text, e + word.size());
        if (s2 > e + word.size()) {
          conn = word == "to" ? Connector::kTo : Connector::kAnd;
          second = s2;
        }
      }
    }
  }
  if (conn == Connector::kNone) return;
  // The second figure may repeat the currency sign: "$10bn-$15bn".
  std::size_t fpos = second;
  if (!d.currency.empty()) {
    std::size_t dp = 0;
    if (auto cp = units_.PrefixAt(text, second, &dp)) {
      if (cp->code != d.currency) return;
      fpos = dp;
    }
  }
  if (fpos >= text.size()) return;
  if (conn == Connector::kDash && !IsAsciiDigit(text[fpos])) return;
  std::optional<Figure> f2 = FigureAt(text, fpos);
  if (!f2 || f2->broken || (f1.words != f2->words && conn == Connector::kDash)) return;
  if (f2->glued_m && d.currency.empty() && MetreContext(text, f2->span.end)) {
    f2->value /= 1e6;
    f2->scaled = false;
    f2->span.end -= 1;
  }
  // Scale carried back: "2 to 3 million", "$10-15bn".
  Figure a = f1;
  if (f2->scaled && !a.scaled) {
    double scale = f2->scale;
    if (scale > 1 && !(a.value < f2->value / scale)) scale = 1;
    if (scale > 1) {
      a.value *= scale;
      a.scaled = true;
    }
  }
  auto year_like = [](const Figure& f) {
    return f.plain_digits && f.int_digits == 4 && f.value >= 1000 && f.value < 2200;
  };
  // "2019-20", "1939-45", "1990-1995": spans of years, not ranges.
  bool year_pair = year_like(a) && ((f2->plain_digits && f2->int_digits == 2) ||
                                    (year_like(*f2) && f2->value - a.value <= 60));
  bool phone = conn == Connector::kDash && a.plain_digits && f2->plain_digits && a.int_digits == 3 &&
               f2->int_digits == 4;  // "555-1234"
  bool valid = a.value < f2->value && !f2->leading_zero && !a.leading_zero && !year_pair && !phone;
  std::string before_from;
  if (prev == "from") {
    std::size_t fs = 0;
    LowerWordBefore(text, d.span.start, &fs);
    before_from = LowerWordBefore(text, fs, nullptr);
  }
  if (conn == Connector::kDash) {
    // Scores, records, phone numbers, season or year spans: "won 3-1", "9-7", "2019-20".
    bool score = false;
    std::size_t s = d.span.start;
    for (int i = 0; i < 3 && !score; ++i) {
      std::size_t ws = 0;
      std::string w = LowerWordBefore(text, s, &ws);
      if (w.empty()) break;
      if (context_.Is(w, ContextWords::kScore)) score = true;
      s = ws;
    }
    if (context_.After(text, f2->span.end, ContextWords::kScore)) score = true;
    if (!valid || score) {
      d.dropped = year_pair ? "not_claim.year_span" : score ? "not_claim.score" : "not_claim.number_pair";
      d.resume = f2->span.end;
      while (d.resume < text.size() && (IsAsciiDigit(text[d.resume]) || text[d.resume] == '-')) ++d.resume;
      return;
    }
  } else if (!valid) {
    return;  // "voted 52 to 48": two figures
  }
  if (prev == "from" && context_.Is(before_from, ContextWords::kChange)) return;  // "rose from 20 to 30"
  // "arrivals in 2024 to 12,313": a year, then the figure it reached.
  if (conn != Connector::kDash && year_like(a) && !year_like(*f2) &&
      (prev == "in" || prev == "since" || prev == "during" || prev == "until"))
    return;
  // "rose by 4 points to 31%", "by 6,000 to 48,000": a difference and a new level.
  if (conn == Connector::kTo && prev == "by") return;
  // Units on both ends must agree: "4 percentage points to 31%" is two figures.
  // "rose 12% to 8.4 billion crowns": a percent and a level of another kind,
  // so a unit on the first figure needs the same unit on the second.
  if (u1) {
    auto u2 = units_.After(text, f2->span.end, false);
    if (u2 && u2->def->code != u1->def->code) return;
    if (!u2 && conn != Connector::kDash) return;
  }
  d.f1 = a;
  d.f2 = *f2;
  d.connector = conn;
  d.span.end = f2->span.end;
  d.resume = f2->span.end;
  if (u1) d.unit = u1;
  d.rules.push_back(conn == Connector::kDash ? "range.dash" : conn == Connector::kTo ? "range.to" : "range.between");
}

void MentionParser::ParseUnit(std::string_view text, Draft& d, DocumentFacts& facts) const {
  if (!d.currency.empty()) return;
  std::size_t end = d.f2 ? d.f2->span.end : d.f1.span.end;
  // A hyphenated range takes an adjectival unit too ("25- to 30-metre").
  bool hyphen_ok = !d.f2 || (d.connector == Connector::kTo && end < text.size() && text[end] == '-' &&
                             text.substr(d.f1.span.end, 1) == "-");
  std::optional<UnitMatch> u = units_.After(text, end, hyphen_ok);
  if (!u) u = d.unit;
  else d.span.end = u->span.end;
  if (!u) return;
  // "a decade", "a week": only units of time follow the article.
  if (d.f1.rule == "number.article" && u->def->kind != Kind::kDuration) return;
  d.unit = u;
  const UnitDef& def = *u->def;
  d.kind = def.kind;
  d.unit_code = def.code;
  d.multiplier = def.multiplier;
  if (def.code == "point?") {
    // "at one point" is a moment, not a figure.
    bool moment = d.f1.words && d.f1.value == 1 && LowerWordBefore(text, d.span.start, nullptr) == "at";
    d.unit_code = moment ? "" : units_.ResolvePoint(text, u->span, facts);
  }
  else if (def.code.back() == '?' && def.code != "pound?") d.unit_code = units_.ResolveByCountry(def.code, facts);
  if (d.unit_code.empty()) {
    // "crowns" outside Nordic or Czech text, "36 points" in sport: a plain count.
    d.unit.reset();
    d.kind = Kind::kCount;
    d.multiplier = 1;
    d.span.end = end;
    return;
  }
  if (def.code == "pound?") {
    d.unit_code = units_.ResolvePound(text, u->span, facts);
    // "361 million pounds" is money: weights are not written with scale words.
    if (d.unit_code == "lb" && d.f1.scaled) d.unit_code = "GBP";
    if (d.unit_code == "lb") d.kind = Kind::kMeasure;
  }
  // "rotate 90 degrees": an angle, not a temperature.
  if (def.surface == "degrees" && AngleBefore(text, d.span.start)) {
    d.unit.reset();
    d.kind = Kind::kCount;
    d.unit_code.clear();
    d.span.end = end;
    return;
  }
  d.rules.push_back(def.kind == Kind::kPercent    ? "percent.unit"
                    : def.kind == Kind::kMoney    ? "money.currency_after"
                    : def.kind == Kind::kDuration ? "duration.unit"
                                                  : "measure.unit");
  d.span.end = std::max(d.span.end, u->span.end);
  // Ages: "62-year-old", "five-month-old", "62 years old".
  if (def.kind == Kind::kDuration) {
    std::size_t e = d.span.end;
    if (u->hyphen && StartsWith(text, e, "-old")) {
      std::size_t oe = e + 4;
      if (oe < text.size() && text[oe] == 's') ++oe;
      if (!WordCharAt(text, oe)) {
        d.span.end = oe;
        d.age = true;
        d.rules.push_back("age.year_old");
      }
    } else if (!u->hyphen) {
      std::size_t p = SkipSpaces(text, e);
      if (p > e && LowerWordAt(text, p) == "old") {
        d.span.end = p + 3;
        d.age = true;
        d.rules.push_back("age.years_old");
      }
    }
  }
  d.resume = d.span.end;
}

void MentionParser::ParseBefore(std::string_view text, Draft& d, std::size_t floor) const {
  std::size_t s = d.span.start;
  // Sign: "-12C", "minus 12".
  if (d.currency.empty() && !d.proportion && !d.vague) {
    bool dig = IsAsciiDigit(text[d.f1.span.start]);
    if (dig && s > 0 && (text[s - 1] == '-') && (s == 1 || SpaceBefore(text, s - 1)) && s - 1 >= floor) {
      d.negative = true;
      s -= 1;
    } else if (dig && s >= 3 && text.substr(s - 3, 3) == "\xE2\x88\x92" && s - 3 >= floor) {
      d.negative = true;
      s -= 3;
    } else {
      std::size_t ws = 0;
      std::string pw = LowerWordBefore(text, s, &ws);
      // "plus or minus 2 percentage points": a margin, not a negative figure.
      std::size_t os = 0;
      bool plus_or = pw == "minus" && LowerWordBefore(text, ws, &os) == "or" && LowerWordBefore(text, os, nullptr) == "plus";
      if ((pw == "minus" || pw == "negative") && ws >= floor && !plus_or) {
        d.negative = true;
        s = ws;
      }
    }
    if (d.negative) d.rules.push_back("number.negative");
  }
  auto q = qualifiers_.Before(text, s);
  // "over five years", "under two hours": a period, not a bound on the duration.
  if (q && d.kind == Kind::kDuration && !d.age && (q->phrase == "over" || q->phrase == "under")) q.reset();
  if (q && q->span.start >= floor) {
    // A verb of passing a mark keeps its own reading ("topped 1,000").
    if (!d.f2) {
      if (!d.has_qualifier) d.qualifier = q->qualifier;  // "about 500 or more": the suffix decides
      d.has_qualifier = true;
      d.change = q->change;
      s = q->span.start;
      d.rules.push_back(q->verb ? "qualifier.passing_verb" : "qualifier.before");
    } else if (q->qualifier == Qualifier::kApproximate && !q->verb) {
      s = q->span.start;  // "some 200 to 300": the word joins the mention, the range stays a range
      d.rules.push_back("qualifier.before");
    }
  }
  std::size_t ws = 0;
  std::string w = LowerWordBefore(text, s, &ws);
  if (ws >= floor) {
    if (d.f2 && (w == "between" || w == "from")) {
      s = ws;
      d.prefixed_range = true;
      // "men aged between 29 and 41": a range of ages.
      std::size_t as = 0;
      std::string aw = LowerWordBefore(text, s, &as);
      if ((aw == "aged" || aw == "ages") && as >= floor && d.kind == Kind::kCount && !d.proportion && !d.vague) {
        s = as;
        d.age = true;
        d.kind = Kind::kDuration;
        d.unit_code = "year";
        d.rules.push_back("age.aged");
      }
    } else if ((w == "aged" || w == "age" || w == "ages") && !d.proportion && !d.vague &&
               (d.kind == Kind::kCount || d.kind == Kind::kDuration)) {
      s = ws;
      d.age = true;
      if (d.kind == Kind::kCount) {
        d.kind = Kind::kDuration;
        d.unit_code = "year";
      }
      d.rules.push_back("age.aged");
      // "aged about 60": the qualifier sits between.
    } else if (d.kind == Kind::kCount && !d.f2 && !d.has_qualifier && d.f1.plain_digits && d.f1.value >= 1 &&
               d.f1.value <= 115 && s >= 2 && text.substr(s - 2, 2) == ", " && d.span.end < text.size() &&
               (text[d.span.end] == ',' ||
                (text[d.span.end] == '.' && FullNameBefore(text, s - 2) &&
                 (d.span.end + 1 >= text.size() || SpaceAt(text, d.span.end + 1) || text[d.span.end + 1] == '"'))) &&
               ws < s && LetterBefore(text, s - 2)) {
      // "the suspect, 34, was arrested", "John Smith, 62, of Leeds", "said shopkeeper
      // Fadi Haddad, 54.": an age in apposition (at a sentence end only after a name).
      d.age = true;
      d.kind = Kind::kDuration;
      d.unit_code = "year";
      d.rules.push_back("age.apposition");
    } else if ((w == "is" || w == "was" || w == "of" || w == "at" || w == "to") && d.kind == Kind::kCount && !d.f2 &&
               !d.proportion && !d.vague && AgeBefore(text, ws)) {
      // "the median age of first-time buyers is 34", "at the age of 62".
      d.age = true;
      d.kind = Kind::kDuration;
      d.unit_code = "year";
      d.rules.push_back("age.age_is");
    }
  }
  d.span.start = s;
}

}  // namespace claimex::quantity

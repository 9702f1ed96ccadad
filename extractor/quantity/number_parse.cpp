#include "extractor/quantity/number_parse.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "extractor/core/lexicon.h"
#include "extractor/quantity/text_scan.h"

namespace claimex::quantity {

namespace {

constexpr std::string_view kDigitsRule = "number.digits";
constexpr std::string_view kWordsRule = "number.words";
constexpr std::string_view kFractionRule = "proportion.fraction";
constexpr std::string_view kInRule = "proportion.n_in_m";
constexpr std::string_view kSlashRule = "proportion.slash";

bool DigitAt(std::string_view t, std::size_t i) { return i < t.size() && IsAsciiDigit(t[i]); }

// Hyphen-like joiner inside "twenty-one", "two-thirds": '-', U+2010, U+2011.
std::size_t HyphenAt(std::string_view t, std::size_t i) {
  if (i < t.size() && t[i] == '-') return 1;
  if (i + 2 < t.size() && t.substr(i, 3) == "\xE2\x80\x90") return 3;
  if (i + 2 < t.size() && t.substr(i, 3) == "\xE2\x80\x91") return 3;
  return 0;
}

std::string LowerWord(std::string_view text, std::size_t pos) { return LowerAscii(WordAt(text, pos)); }

// Words after a proportion that show it is a share, not an ordinal or a
// period ("a third of", "a quarter have closed"; not "a third term").
bool ShareFollows(std::string_view text, std::size_t end) {
  std::size_t p = SkipSpaces(text, end);
  if (p >= text.size()) return true;
  if (!WordCharAt(text, p)) return text[p] != '-' && !HyphenAt(text, p);
  static const char* const kOk[] = {"of", "have", "has", "had", "are", "is", "were", "was", "will", "would",
                                    "could", "can", "may", "might", "say", "said", "says", "think", "believe",
                                    "live", "lived", "remain", "remained", "do", "did", "does", "own", "support",
                                    "supported", "oppose", "opposed", "voted", "want", "wanted", "expect", "more",
                                    "less", "fewer", "higher", "lower", "still", "now", "also", "already",
                                    "reported", "agreed", "disagreed", "favour", "favor", "the", "its", "their",
                                    "his", "her", "our", "all", "these", "those", "them", "that", "this", "a",
                                    "an", "went", "came", "lack", "lacked", "need", "needed", "use", "used"};
  std::string w = LowerWord(text, p);
  for (const char* ok : kOk) {
    if (w == ok) return true;
  }
  return false;
}

}  // namespace

NumberParser::NumberParser() {
  for (const LexiconRow& row : LoadLexicon("quantity_number_words.txt")) {
    std::string_view cls = row.get(2);
    WordClass c;
    if (cls == "unit") c = WordClass::kUnit;
    else if (cls == "teen") c = WordClass::kTeen;
    else if (cls == "tens") c = WordClass::kTens;
    else if (cls == "hundred") c = WordClass::kHundred;
    else if (cls == "scale") c = WordClass::kScale;
    else if (cls == "dozen") c = WordClass::kDozen;
    else if (cls == "denominator") c = WordClass::kDenominator;
    else if (cls == "suffix") c = WordClass::kSuffix;
    else
      throw std::logic_error("quantity_number_words.txt:" + std::to_string(row.line) + ": unknown class " +
                             std::string(cls));
    words_[LowerAscii(row[0])] = WordInfo{std::strtod(row.get(1).data(), nullptr), c};
  }
}

const NumberParser::WordInfo* NumberParser::Lookup(std::string_view lower_word) const {
  auto it = words_.find(std::string(lower_word));
  return it == words_.end() ? nullptr : &it->second;
}

std::optional<Figure> NumberParser::ParseDigits(std::string_view text, std::size_t pos) const {
  if (!DigitAt(text, pos)) return std::nullopt;
  Figure f;
  f.rule = kDigitsRule;
  std::string digits;
  std::size_t i = pos;
  while (DigitAt(text, i)) digits += text[i++];
  f.int_digits = static_cast<int>(i - pos);
  f.leading_zero = digits.size() > 1 && digits[0] == '0';
  bool grouped = false;
  if (digits.size() <= 3) {
    // Thousands groups: one separator kind throughout ("1,200,000", "388 000").
    std::string sep;
    while (true) {
      std::size_t sl = 0;
      if (i < text.size() && text[i] == ',') sl = 1;
      else sl = SpaceAt(text, i);
      if (sl == 0) break;
      std::string this_sep(text.substr(i, sl));
      if (!sep.empty() && this_sep != sep) break;
      if (this_sep == "\n" || this_sep == "\t") break;
      std::size_t g = i + sl;
      if (!(DigitAt(text, g) && DigitAt(text, g + 1) && DigitAt(text, g + 2))) break;
      if (DigitAt(text, g + 3)) {
        if (this_sep == ",") f.broken = true;  // "Jan 29,2020"
        break;
      }
      if (this_sep != "," && (WordCharAt(text, g + 3) || (g + 3 < text.size() && text[g + 3] == ','))) break;
      sep = this_sep;
      digits.append(text.substr(g, 3));
      f.int_digits += 3;
      i = g + 3;
      grouped = true;
    }
  } else if (i < text.size() && text[i] == ',' && DigitAt(text, i + 1) && DigitAt(text, i + 2) &&
             DigitAt(text, i + 3) && !DigitAt(text, i + 4) && digits.size() <= 3) {
    grouped = true;
  }
  bool decimal = false;
  if (i + 1 < text.size() && text[i] == '.' && DigitAt(text, i + 1)) {
    decimal = true;
    digits += '.';
    ++i;
    while (DigitAt(text, i)) digits += text[i++];
    if (i + 1 < text.size() && (text[i] == '.' || text[i] == ',') && DigitAt(text, i + 1)) f.broken = true;
  }
  if (i < text.size() && text[i] == ',' && DigitAt(text, i + 1) && !grouped && !decimal) {
    // "1,2345" or "12,34": not a thousands grouping we trust.
    f.broken = true;
  }
  f.value = std::strtod(digits.c_str(), nullptr);
  f.plain_digits = !grouped && !decimal;
  f.span = {pos, i};
  // A scale glued to the digits: "10k", "$2.5bn", "€40m", "3.4mln".
  if (LetterAt(text, i)) {
    std::string_view w = WordAt(text, i);
    std::string lw = LowerAscii(w);
    const WordInfo* info = Lookup(lw);
    if (info && info->cls == WordClass::kSuffix && !WordCharAt(text, i + w.size())) {
      f.value *= info->value;
      f.scale *= info->value;
      f.scaled = true;
      f.plain_digits = false;
      f.glued_m = w == "m";  // "10M" is always million
      f.span.end = i + w.size();
      return f;
    }
  }
  ApplyScaleWords(text, f);
  return f;
}

bool NumberParser::ApplyScaleWords(std::string_view text, Figure& f) const {
  bool any = false;
  double last = 1e300;
  while (true) {
    std::size_t p = SkipSpaces(text, f.span.end);
    // "a 6.2-billion-kilometre trip", "a $1.5-billion deal": a hyphenated scale.
    bool hyphen = !any && p == f.span.end && p + 1 < text.size() && text[p] == '-' && LetterAt(text, p + 1);
    if (hyphen) ++p;
    if (p == f.span.end || !LetterAt(text, p)) break;
    std::string_view w = WordAt(text, p);
    if (WordCharAt(text, p + w.size())) break;
    std::string lw = LowerAscii(w);
    const WordInfo* info = Lookup(lw);
    if (!info) break;
    if (hyphen && info->cls != WordClass::kScale) break;
    bool ok = info->cls == WordClass::kScale || info->cls == WordClass::kHundred || info->cls == WordClass::kDozen ||
              (info->cls == WordClass::kSuffix && lw.size() > 1);
    if (!ok) break;
    // Scales only grow in "lakh crore" (1e5 x 1e7); "million billion" is not a figure.
    if (any && info->value <= last && !(lw.rfind("crore", 0) == 0)) break;
    f.value *= info->value;
    f.scale *= info->value;
    f.scaled = true;
    f.plain_digits = false;
    f.glued_m = false;
    f.span.end = p + w.size();
    last = info->value;
    any = true;
  }
  return any;
}

std::optional<Figure> NumberParser::ParseWords(std::string_view text, std::size_t pos) const {
  if (!LetterAt(text, pos) || WordCharBefore(text, pos)) return std::nullopt;
  enum class Last { kNone, kUnit, kTeen, kTens, kHundred, kScale, kDozen, kAnd, kHalf };
  Last last = Last::kNone;
  double total = 0, group = 0, last_scale = 1e300;
  std::size_t end = pos, p = pos;
  bool scaled = false;
  bool first = true;

  std::string w0 = LowerWord(text, pos);
  // "half a million", "half a dozen", "half million", "a quarter million"
  std::size_t lead = pos;
  if (w0 == "a" && LowerWord(text, SkipSpaces(text, pos + 1)) == "quarter") {
    lead = SkipSpaces(text, pos + 1);
    w0 = "quarter";
  }
  if (w0 == "half" || w0 == "quarter") {
    double part = w0 == "half" ? 0.5 : 0.25;
    std::size_t a = SkipSpaces(text, lead + w0.size());
    std::string wa = LowerWord(text, a);
    std::size_t s = a;
    if (a == lead + w0.size()) return std::nullopt;
    if (wa == "a" || wa == "an") s = SkipSpaces(text, a + wa.size());
    else if (w0 == "quarter" || lead != pos) s = a;
    std::string_view ws = WordAt(text, s);
    const WordInfo* info = Lookup(LowerAscii(ws));
    if (!info || (info->cls != WordClass::kScale && info->cls != WordClass::kDozen &&
                  info->cls != WordClass::kHundred) ||
        (info->cls != WordClass::kScale && wa != "a" && wa != "an"))
      return std::nullopt;
    Figure f;
    f.span = {pos, s + ws.size()};
    f.value = part * info->value;
    f.scale = info->value;
    f.words = true;
    f.scaled = true;
    f.rule = kWordsRule;
    ApplyScaleWords(text, f);
    return f;
  }
  if (w0 == "a" || w0 == "an") {
    std::size_t s = SkipSpaces(text, pos + w0.size());
    if (s == pos + w0.size()) return std::nullopt;
    const WordInfo* info = Lookup(LowerWord(text, s));
    if (!info || (info->cls != WordClass::kScale && info->cls != WordClass::kHundred &&
                  info->cls != WordClass::kDozen))
      return std::nullopt;
    group = 1;
    last = Last::kUnit;
    p = s;
    first = false;
  } else if (const WordInfo* h = Lookup(w0); h && h->cls == WordClass::kHundred) {
    // "hundred thousand": a bare leading "hundred" counts one hundred.
    group = 1;
    last = Last::kUnit;
    first = false;
  }

  while (p < text.size()) {
    std::string_view w = WordAt(text, p);
    if (w.empty()) break;
    std::string lw = LowerAscii(w);
    const WordInfo* info = Lookup(lw);
    std::size_t wend = p + w.size();
    bool took = false;
    if (lw == "and" && !first && (last == Last::kHundred || last == Last::kScale || last == Last::kUnit ||
                                  last == Last::kTeen || last == Last::kTens)) {
      // "three hundred and twelve", "five and a half million"
      std::size_t q = SkipSpaces(text, wend);
      std::string nw = LowerWord(text, q);
      if (nw == "a") {
        std::size_t h = SkipSpaces(text, q + 1);
        if (LowerWord(text, h) == "half" && !WordCharAt(text, h + 4) &&
            (last == Last::kUnit || last == Last::kTeen || last == Last::kTens)) {
          group += 0.5;
          end = h + 4;
          last = Last::kHalf;
          p = SkipSpaces(text, end);
          if (p == end) break;
          continue;
        }
        break;
      }
      const WordInfo* ni = Lookup(nw);
      if (ni && (last == Last::kHundred || last == Last::kScale) &&
          (ni->cls == WordClass::kUnit || ni->cls == WordClass::kTeen || ni->cls == WordClass::kTens)) {
        last = Last::kAnd;
        p = q;
        continue;
      }
      break;
    }
    if (!info) break;
    switch (info->cls) {
      case WordClass::kUnit:
        if (last == Last::kNone || last == Last::kTens || last == Last::kHundred || last == Last::kScale ||
            last == Last::kAnd) {
          group += info->value;
          last = Last::kUnit;
          took = true;
        }
        break;
      case WordClass::kTeen:
      case WordClass::kTens:
        if (last == Last::kNone || last == Last::kHundred || last == Last::kScale || last == Last::kAnd) {
          group += info->value;
          last = info->cls == WordClass::kTeen ? Last::kTeen : Last::kTens;
          took = true;
        }
        break;
      case WordClass::kHundred:
        if ((last == Last::kUnit || last == Last::kTeen || last == Last::kHalf) && group > 0 && group < 100) {
          group *= 100;
          last = Last::kHundred;
          scaled = true;
          took = true;
        }
        break;
      case WordClass::kScale:
        if ((last == Last::kUnit || last == Last::kTeen || last == Last::kTens || last == Last::kHundred ||
             last == Last::kDozen || last == Last::kHalf ||
             (last == Last::kScale && last_scale == 1e5 && lw.rfind("crore", 0) == 0)) &&
            (info->value < last_scale || (lw.rfind("crore", 0) == 0 && last_scale == 1e5 && group == 0))) {
          if (group == 0 && last_scale == 1e5) {  // "three lakh crore"
            total *= info->value;
            last_scale = info->value;
            last = Last::kScale;
            took = true;
            break;
          }
          total += group * info->value;
          group = 0;
          last_scale = info->value;
          last = Last::kScale;
          scaled = true;
          took = true;
        }
        break;
      case WordClass::kDozen:
        if (last == Last::kUnit || last == Last::kTeen || last == Last::kTens || last == Last::kHalf) {
          group *= 12;
          last = Last::kDozen;
          took = true;
        }
        break;
      default:
        break;
    }
    if (!took) break;
    first = false;
    end = wend;
    // Next token: after spaces, or after a hyphen only inside "twenty-one".
    if (std::size_t h = HyphenAt(text, end)) {
      const WordInfo* ni = Lookup(LowerWord(text, end + h));
      if (last == Last::kTens && ni && ni->cls == WordClass::kUnit) {
        p = end + h;
        continue;
      }
      break;
    }
    std::size_t q = SkipSpaces(text, end);
    if (q == end) break;
    p = q;
  }
  if (end == pos || last == Last::kAnd) return std::nullopt;
  Figure f;
  f.span = {pos, end};
  f.value = total + group;
  f.words = true;
  f.scaled = scaled;
  if (group == 0 && last_scale < 1e300) f.scale = last_scale;
  f.rule = kWordsRule;
  return f;
}

std::optional<Figure> NumberParser::ParseSmall(std::string_view text, std::size_t pos) const {
  if (DigitAt(text, pos)) {
    auto f = ParseDigits(text, pos);
    if (f && !f->broken && !f->scaled) return f;
    return std::nullopt;
  }
  auto f = ParseWords(text, pos);
  if (f && !f->scaled) return f;
  return std::nullopt;
}

std::optional<Proportion> NumberParser::ParseProportion(std::string_view text, std::size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  // "1/5 of"
  if (DigitAt(text, pos)) {
    std::size_t i = pos;
    while (DigitAt(text, i)) ++i;
    if (i < text.size() && text[i] == '/' && DigitAt(text, i + 1) && i - pos <= 2) {
      std::size_t j = i + 1;
      while (DigitAt(text, j)) ++j;
      if (j - i - 1 > 3 || WordCharAt(text, j) || (j < text.size() && text[j] == '/')) return std::nullopt;
      double n = std::strtod(std::string(text.substr(pos, i - pos)).c_str(), nullptr);
      double d = std::strtod(std::string(text.substr(i + 1, j - i - 1)).c_str(), nullptr);
      std::size_t q = SkipSpaces(text, j);
      if (d > 0 && n < d && q > j && LowerWord(text, q) == "of") return Proportion{{pos, j}, 100 * n / d, kSlashRule};
    }
  }
  // "one in five", "three out of four", "1 in 10", "one in every three"
  if (auto n = ParseSmall(text, pos)) {
    std::size_t q = SkipSpaces(text, n->span.end);
    // "a one-in-2,700 chance": the hyphenated adjective.
    if (q == n->span.end && text.substr(q, 4) == "-in-" && q + 4 < text.size()) {
      std::size_t m = q + 4;
      std::optional<Figure> d = DigitAt(text, m) ? ParseDigits(text, m) : ParseWords(text, m);
      bool year_like = d && d->plain_digits && d->int_digits == 4;
      if (d && !d->broken && !year_like && d->value > 0 && n->value <= d->value && n->value > 0 &&
          !WordCharAt(text, d->span.end) && (d->span.end >= text.size() || text[d->span.end] != '-'))
        return Proportion{{pos, d->span.end}, 100 * n->value / d->value, kInRule};
    }
    if (q > n->span.end) {
      std::string w = LowerWord(text, q);
      std::size_t after = 0;
      if (w == "in") {
        after = q + 2;
      } else if (w == "out") {
        std::size_t o = SkipSpaces(text, q + 3);
        if (o > q + 3 && LowerWord(text, o) == "of") after = o + 2;
      }
      if (after) {
        std::size_t m = SkipSpaces(text, after);
        if (m > after && LowerWord(text, m) == "every") {
          std::size_t e = SkipSpaces(text, m + 5);
          if (e > m + 5) m = e;
        }
        if (m > after) {
          std::optional<Figure> d = DigitAt(text, m) ? ParseDigits(text, m) : ParseWords(text, m);
          bool year_like = d && d->plain_digits && d->int_digits == 4;
          if (d && !d->broken && !year_like && d->value > 0 && n->value <= d->value && n->value > 0 &&
              !WordCharAt(text, d->span.end) && (d->span.end >= text.size() || text[d->span.end] != '-'))
            return Proportion{{pos, d->span.end}, 100 * n->value / d->value, kInRule};
        }
      }
    }
  }
  // "a third", "two-thirds", "three quarters", "half", "one half"
  std::string w0 = LowerWord(text, pos);
  if (w0.empty() || WordCharBefore(text, pos)) return std::nullopt;
  double num = 0;
  std::size_t den_pos = 0;
  if (w0 == "half") {
    if (HyphenAt(text, pos + 4)) return std::nullopt;  // "half-time", "half-brother"
    std::size_t end = pos + 4;
    if (!ShareFollows(text, end)) return std::nullopt;
    return Proportion{{pos, end}, 50.0, kFractionRule};
  }
  if (w0 == "a" || w0 == "an") {
    num = 1;
  } else {
    const WordInfo* info = Lookup(w0);
    if (!info || (info->cls != WordClass::kUnit && !(info->cls == WordClass::kTeen && info->value == 10)) ||
        info->value < 1)
      return std::nullopt;
    num = info->value;
  }
  std::size_t after = pos + w0.size();
  if (std::size_t h = HyphenAt(text, after)) {
    den_pos = after + h;
  } else {
    den_pos = SkipSpaces(text, after);
    if (den_pos == after) return std::nullopt;
  }
  std::string dw = LowerWord(text, den_pos);
  const WordInfo* den = Lookup(dw);
  if (!den || den->cls != WordClass::kDenominator) return std::nullopt;
  bool plural = dw.back() == 's';
  if ((num > 1) != plural) return std::nullopt;
  if (num >= den->value) return std::nullopt;
  std::size_t end = den_pos + dw.size();
  if (HyphenAt(text, end)) return std::nullopt;  // "a quarter-final"
  if (!ShareFollows(text, end)) return std::nullopt;
  double pct = std::round(10000.0 * num / den->value) / 100.0;
  return Proportion{{pos, end}, pct, kFractionRule};
}

}  // namespace claimex::quantity

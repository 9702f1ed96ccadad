// The quantity stage: one RE2 scan finds candidate starts (digits, number
// words, vague magnitudes, currency signs), MentionParser reads the mention
// around each, the filters drop what is not a claim, and ToQuantity fills
// SPEC's bounds, kind, unit and SI norm.
#include "extractor/quantity/recognizer.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "extractor/core/lexicon.h"
#include "extractor/quantity/context_words.h"
#include "extractor/quantity/mention_parser.h"
#include "extractor/quantity/number_parse.h"
#include "extractor/quantity/qualifiers.h"
#include "extractor/quantity/units.h"
#include "extractor/quantity/vague.h"

namespace claimex {

using namespace quantity;

namespace {

// The candidate pattern: where a mention may start. Built from the lexicons
// so that a new number word or currency sign needs no code change.
std::string CandidatePattern() {
  std::vector<std::string> words, after_a, vague_phrases, sign_prefixes, word_prefixes;
  for (const LexiconRow& row : LoadLexicon("quantity_number_words.txt")) {
    std::string_view cls = row.get(2);
    if (cls == "unit" || cls == "teen" || cls == "tens") words.push_back(row[0]);
    if (cls == "hundred" || cls == "scale" || cls == "dozen" || cls == "denominator") after_a.push_back(row[0]);
  }
  words.push_back("half");
  words.push_back("quarter");  // "quarter million"
  words.push_back("hundred");  // "hundred thousand"
  // "a decade", "more than a week": a unit of time of an hour or more after
  // the article ("a second", "a minute" are mostly ordinals and idioms).
  for (const LexiconRow& row : LoadLexicon("quantity_units.txt")) {
    if (row.get(2) == "duration" && std::atof(std::string(row.get(4)).c_str()) >= 3600) after_a.push_back(row[0]);
  }
  for (const LexiconRow& row : LoadLexicon("quantity_vague.txt")) vague_phrases.push_back(row[0]);
  for (const LexiconRow& row : LoadLexicon("quantity_currency_prefixes.txt")) {
    (IsAsciiAlpha(row[0][0]) ? word_prefixes : sign_prefixes).push_back(row[0]);
  }
  // A currency word before a figure starts a candidate only with the figure
  // after it ("Sh100", "KSh 2.1 billion"), so "she" or "should" do not.
  return "(?i)\\b(?:" + PhraseAlternation(vague_phrases) + "|an?\\s+" + PhraseAlternation(after_a) + "|" +
         PhraseAlternation(words) + "|" + PhraseAlternation(word_prefixes) + "\\s*\\d)|\\d|" +
         PhraseAlternation(sign_prefixes);
}

double SiNorm(const UnitDef& def, const std::string& code, double v) {
  if (def.temperature) return code == "degF" ? (v - 32) * 5.0 / 9.0 + 273.15 : v + 273.15;
  return v * def.si_factor;
}

// True when `gap`, without spaces and tabs and lower-cased, is "and", "but",
// "," or ",and". Stops at the sixth byte that is not a space, so a long gap
// between two figures costs nothing (it was copied and lower-cased whole).
bool JoinerOnly(std::string_view gap) {
  char g[5];
  std::size_t n = 0;
  for (char c : gap) {
    if (c == ' ' || c == '\t') continue;
    if (n == sizeof g) return false;
    g[n++] = LowerAsciiChar(c);
  }
  std::string_view w(g, n);
  return w == "and" || w == "but" || w == "," || w == ",and";
}

// "more than 10 and less than 40", "at most 100 and at least 20": a lower and
// an upper bound joined only by "and", "but" or a comma become one range.
void MergeTwoBounds(std::string_view text, std::vector<Quantity>& qs) {
  static constexpr std::string_view kRule = "range.two_bounds";
  std::vector<Quantity> out;
  for (std::size_t i = 0; i < qs.size(); ++i) {
    if (i + 1 < qs.size()) {
      Quantity& a = qs[i];
      Quantity& b = qs[i + 1];
      bool opposite = (a.qualifier == Qualifier::kLowerBound && b.qualifier == Qualifier::kUpperBound) ||
                      (a.qualifier == Qualifier::kUpperBound && b.qualifier == Qualifier::kLowerBound);
      if (opposite && a.kind == b.kind && a.unit == b.unit && JoinerOnly(text.substr(a.span.end, b.span.start - a.span.end))) {
        const Quantity& lo = a.qualifier == Qualifier::kLowerBound ? a : b;
        const Quantity& hi = a.qualifier == Qualifier::kUpperBound ? a : b;
        if (lo.low && hi.high && *lo.low <= *hi.high) {
          Quantity m = a;
          m.span = {a.span.start, b.span.end};
          m.number_span = {a.number_span.start, b.number_span.end};
          m.qualifier = Qualifier::kRange;
          m.value.reset();
          m.norm_value.reset();
          m.low = lo.low;
          m.high = hi.high;
          m.rules.push_back(kRule);
          out.push_back(std::move(m));
          ++i;
          continue;
        }
      }
    }
    out.push_back(std::move(qs[i]));
  }
  qs = std::move(out);
}

}  // namespace

struct QuantityRecognizer::Impl {
  NumberParser numbers;
  UnitMatcher units;
  QualifierMatcher qualifiers;
  VagueMatcher vague;
  ContextWords context;
  MentionParser parser{numbers, units, qualifiers, vague, context};
  std::unique_ptr<RE2> candidates;

  Impl() {
    RE2::Options opt;
    opt.set_log_errors(false);
    std::string pattern = CandidatePattern();
    candidates = std::make_unique<RE2>(pattern, opt);
    if (!candidates->ok()) {
      throw std::logic_error("quantity rule 'candidate' does not compile: " + candidates->error() + " in " +
                             candidates->error_arg());
    }
  }

  Quantity ToQuantity(const Draft& d) const {
    Quantity q;
    q.span = d.span;
    q.number_span = {d.f1.span.start, d.f2 ? d.f2->span.end : d.f1.span.end};
    if (!d.currency.empty()) q.number_span.start = d.f1.span.start;
    q.kind = d.kind;
    q.qualifier = d.qualifier;
    q.change = d.change;
    q.rules = d.rules;
    if (d.kind == Kind::kMoney) q.unit = !d.currency.empty() ? d.currency : d.unit_code;
    else if (d.kind != Kind::kCount) q.unit = d.unit_code;
    double sign = d.negative ? -1 : 1;
    if (d.vague) {
      q.qualifier = Qualifier::kVague;
      q.low = d.vague_low;
      q.high = d.vague_high;
    } else if (d.f2) {
      q.qualifier = Qualifier::kRange;
      q.low = sign * d.f1.value * d.multiplier;
      q.high = d.f2->value * d.multiplier;
    } else {
      SetBounds(q, sign * d.f1.value * d.multiplier);
    }
    // SI norm for measures and durations.
    if ((d.kind == Kind::kMeasure || d.kind == Kind::kDuration) && q.value) {
      if (d.unit && d.unit->def->code != "pound?") {
        const UnitDef& def = *d.unit->def;
        if (def.temperature || def.si_factor > 0) {
          q.norm_value = SiNorm(def, q.unit, *q.value);
          q.norm_unit = def.si_unit;
        }
      } else if (q.unit == "lb") {
        q.norm_value = *q.value * 0.45359237;
        q.norm_unit = "kg";
      } else if (d.age) {
        q.norm_value = *q.value * 31557600;
        q.norm_unit = "s";
      }
    }
    return q;
  }
};

QuantityRecognizer::QuantityRecognizer() : impl_(std::make_unique<Impl>()) {}
QuantityRecognizer::~QuantityRecognizer() = default;

std::vector<Quantity> QuantityRecognizer::Recognize(std::string_view text, const Segmentation&) const {
  std::vector<Quantity> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  std::size_t pos = 0, floor = 0;
  DocumentFacts facts(text);
  while (pos < text.size() && impl_->candidates->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    std::size_t c = static_cast<std::size_t>(m.data() - text.data());
    if (c < floor) {
      pos = floor;
      continue;
    }
    std::optional<Draft> d = impl_->parser.Parse(text, c, floor, facts);
    if (!d) {
      // A currency word's candidate ends at the figure after it ("try 5"):
      // skip the word only, so the figure is still read.
      const bool to_figure = !m.empty() && m.size() > 1 && IsAsciiDigit(m[m.size() - 1]) && !IsAsciiDigit(m[0]);
      std::size_t skip = to_figure ? std::max<std::size_t>(WordAt(text, c).size(), 1)
                                   : std::max<std::size_t>({m.size(), WordAt(text, c).size(), 1});
      pos = c + skip;
      continue;
    }
    if (d->dropped.empty()) {
      out.push_back(impl_->ToQuantity(*d));
      floor = d->span.end;
    }
    pos = std::max(d->resume, c + 1);
  }
  MergeTwoBounds(text, out);
  return out;
}

}  // namespace claimex

#include "extractor/quantity/qualifiers.h"

#include <stdexcept>
#include <string>

#include "extractor/core/lexicon.h"

namespace claimex::quantity {

QualifierMatcher::QualifierMatcher() {
  for (const LexiconRow& row : LoadLexicon("quantity_qualifiers.txt")) {
    Def d;
    d.phrase = row[0];
    auto q = ParseQualifier(row.get(1));
    if (!q) throw std::logic_error("quantity_qualifiers.txt:" + std::to_string(row.line) + ": bad qualifier");
    d.qualifier = *q;
    std::string_view pos = row.get(2);
    d.position = pos == "before" ? 0 : pos == "after" ? 1 : pos == "verb" ? 2 : -1;
    if (d.position < 0) throw std::logic_error("quantity_qualifiers.txt:" + std::to_string(row.line) + ": bad position");
    d.change = row.get(3) == "up" ? Change::kUp : Change::kNone;
    defs_.push_back(std::move(d));
  }
  for (std::size_t i = 0; i < defs_.size(); ++i) {
    (defs_[i].position == 1 ? after_ : before_).Add(defs_[i].phrase, static_cast<int>(i));
  }
}

std::optional<QualifierMatch> QualifierMatcher::Before(std::string_view text, std::size_t pos) const {
  std::size_t q = SkipSpacesBack(text, pos);
  auto m = before_.MatchBefore(text, q);
  if (!m) return std::nullopt;
  // Words need a space before the figure; comparison signs may touch it (">30").
  if (q == pos && IsAsciiAlpha(text[m->end - 1])) return std::nullopt;
  const Def& d = defs_[m->id];
  return QualifierMatch{{m->start, m->end}, d.qualifier, d.position == 2, d.change, d.phrase};
}

std::optional<QualifierMatch> QualifierMatcher::After(std::string_view text, std::size_t end) const {
  if (end < text.size() && text[end] == '+' && !WordCharAt(text, end + 1)) {
    return QualifierMatch{{end, end + 1}, Qualifier::kLowerBound, false, Change::kNone, "+"};
  }
  if (end < text.size() && text[end] == '-') {
    std::string w = LowerAscii(WordAt(text, end + 1));
    if (w == "plus") return QualifierMatch{{end, end + 5}, Qualifier::kLowerBound, false, Change::kNone, "-plus"};
    if (w == "odd") return QualifierMatch{{end, end + 4}, Qualifier::kApproximate, false, Change::kNone, "-odd"};
  }
  std::size_t p = SkipSpaces(text, end);
  if (p == end) return std::nullopt;
  auto m = after_.MatchAt(text, p);
  if (!m) return std::nullopt;
  const Def& d = defs_[m->id];
  // "or more" must not start a new figure ("20 or more than 30" is rare; "plus 5" is arithmetic).
  std::size_t n = SkipSpaces(text, m->end);
  if (n < text.size() && IsAsciiDigit(text[n])) return std::nullopt;
  return QualifierMatch{{m->start, m->end}, d.qualifier, false, d.change, d.phrase};
}

void SetBounds(Quantity& q, double value) {
  q.value = value;
  q.low.reset();
  q.high.reset();
  switch (q.qualifier) {
    case Qualifier::kExact:
      q.low = q.high = value;
      break;
    case Qualifier::kLowerBound:
      q.low = value;
      break;
    case Qualifier::kUpperBound:
      q.high = value;
      break;
    case Qualifier::kApproximate:
      break;
    case Qualifier::kRange:
    case Qualifier::kVague:
      q.value.reset();
      break;
  }
}

}  // namespace claimex::quantity

#include "extractor/quantity/units.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "extractor/core/lexicon.h"

namespace claimex::quantity {

namespace {

bool AllLetters(std::string_view s) {
  for (char c : s) {
    if (!IsAsciiAlpha(c)) return false;
  }
  return !s.empty();
}

// Case-insensitive ASCII search: position of the first match or npos.
// Jumps with memchr between occurrences (either case) of the needle's
// rarest character in English text, so a miss costs about one memchr pass.
std::size_t Find(std::string_view text, std::string_view lower_needle) {
  if (lower_needle.empty()) return 0;
  if (lower_needle.size() > text.size()) return std::string_view::npos;
  static constexpr std::string_view kByFrequency = "etaoinsrhldcumfpgwybvkxjqz";  // commonest first
  auto rank = [](char c) -> std::size_t {
    if (static_cast<unsigned char>(c) >= 0x80) return kByFrequency.size() + 1;  // rarest
    std::size_t r = kByFrequency.find(c);
    return r == std::string_view::npos ? 0 : r + 1;  // spaces, punctuation: commonest
  };
  std::size_t k = 0;
  for (std::size_t i = 1; i < lower_needle.size(); ++i) {
    if (rank(lower_needle[i]) > rank(lower_needle[k])) k = i;
  }
  const char lo = lower_needle[k];
  const char up = (lo >= 'a' && lo <= 'z') ? static_cast<char>(lo - 32) : lo;
  const std::size_t first = k, last = text.size() - lower_needle.size() + k;  // where lo may sit
  auto next = [&](char c, std::size_t from) -> std::size_t {
    if (from > last) return std::string_view::npos;
    const void* p = std::memchr(text.data() + from, c, last + 1 - from);
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - text.data()) : std::string_view::npos;
  };
  std::size_t a = next(lo, first), b = up == lo ? std::string_view::npos : next(up, first);
  while (a != std::string_view::npos || b != std::string_view::npos) {
    const std::size_t at = std::min(a, b);
    const std::size_t i = at - k;  // candidate start
    std::size_t j = 0;
    while (j < lower_needle.size() && LowerAsciiChar(text[i + j]) == lower_needle[j]) ++j;
    if (j == lower_needle.size()) return i;
    if (at == a) a = next(lo, at + 1);
    else b = next(up, at + 1);
  }
  return std::string_view::npos;
}

bool Contains(std::string_view text, std::string_view lower_needle) {
  return Find(text, lower_needle) != std::string_view::npos;
}

}  // namespace

UnitMatcher::UnitMatcher() {
  for (const LexiconRow& row : LoadLexicon("quantity_units.txt")) {
    UnitDef d;
    d.surface = row[0];
    d.code = std::string(row.get(1));
    std::string_view kind = row.get(2);
    if (kind == "percent") d.kind = Kind::kPercent;
    else if (kind == "money") d.kind = Kind::kMoney;
    else if (kind == "measure") d.kind = Kind::kMeasure;
    else if (kind == "duration") d.kind = Kind::kDuration;
    else
      throw std::logic_error("quantity_units.txt:" + std::to_string(row.line) + ": unknown kind " +
                             std::string(kind));
    d.multiplier = row.get(3).empty() ? 1 : std::strtod(row.get(3).data(), nullptr);
    if (row.get(4) == "temp") d.temperature = true;
    else if (!row.get(4).empty()) d.si_factor = std::strtod(row.get(4).data(), nullptr);
    d.si_unit = std::string(row.get(5));
    std::string_view attach = row.get(6);
    d.space_ok = attach != "glued";
    d.glued_ok = attach == "glued" || attach == "both";
    units_.push_back(std::move(d));
  }
  for (std::size_t i = 0; i < units_.size(); ++i) unit_table_.Add(units_[i].surface, static_cast<int>(i));
  for (const LexiconRow& row : LoadLexicon("quantity_currency_prefixes.txt")) {
    std::string_view attach = row.get(2);
    int a = attach == "glued" ? 0 : attach == "space" ? 1 : 2;
    prefixes_.push_back({std::string(row.get(1)), a, std::string(row[0])});
    prefix_table_.Add(row[0], static_cast<int>(prefixes_.size() - 1));
  }
}

std::optional<UnitMatch> UnitMatcher::After(std::string_view text, std::size_t end, bool hyphen_ok) const {
  // Case matters for one-letter symbols: "45.3C" is Celsius, "5 m" metres, "5 M" is not.
  auto case_ok = [&](const UnitDef& d, std::size_t at) {
    if (d.surface.size() != 1) return true;
    return text[at] == d.surface[0];
  };
  if (auto m = unit_table_.MatchAt(text, end)) {
    const UnitDef& d = units_[m->id];
    if (d.glued_ok && case_ok(d, end)) return UnitMatch{&d, {m->start, m->end}, false};
  }
  std::size_t p = SkipSpaces(text, end);
  if (p > end && p < text.size() && text.substr(end, p - end).find('\n') == std::string_view::npos) {
    if (auto m = unit_table_.MatchAt(text, p)) {
      const UnitDef& d = units_[m->id];
      if (d.space_ok && case_ok(d, p)) return UnitMatch{&d, {m->start, m->end}, false};
    }
  }
  if (hyphen_ok && end < text.size() && text[end] == '-') {
    if (auto m = unit_table_.MatchAt(text, end + 1)) {
      const UnitDef& d = units_[m->id];
      if ((d.kind == Kind::kMeasure || d.kind == Kind::kDuration) && AllLetters(d.surface) &&
          d.surface.size() > 1)
        return UnitMatch{&d, {m->start, m->end}, true};
    }
  }
  return std::nullopt;
}

std::optional<CurrencyPrefix> UnitMatcher::PrefixAt(std::string_view text, std::size_t pos,
                                                    std::size_t* digit_pos) const {
  auto m = prefix_table_.MatchAt(text, pos, /*digit_may_follow=*/true);
  if (!m) return std::nullopt;
  const Prefix& prefix = prefixes_[m->id];
  const int attach = prefix.attach;
  // Codes and abbreviations keep their case: "TRY 5", "Sh100", not "try 5".
  if (text.substr(m->start, m->end - m->start) != prefix.surface) return std::nullopt;
  std::size_t d = m->end;
  if (d < text.size() && IsAsciiDigit(text[d])) {
    if (attach == 1) return std::nullopt;
  } else {
    if (attach == 0) return std::nullopt;
    d = SkipSpaces(text, m->end);
    if (d == m->end || d >= text.size() || !IsAsciiDigit(text[d])) return std::nullopt;
  }
  // Codes and "Rs" are letters: they must start a word ("CHF 3", not "XCHF 3").
  if (IsAsciiAlpha(text[pos]) && WordCharBefore(text, pos)) return std::nullopt;
  if (digit_pos) *digit_pos = d;
  return CurrencyPrefix{prefix.code, {m->start, m->end}};
}

std::optional<UnitMatch> UnitMatcher::MoneyWordAt(std::string_view text, std::size_t pos) const {
  auto m = unit_table_.MatchAt(text, pos);
  if (!m || units_[m->id].kind != Kind::kMoney || units_[m->id].surface.size() < 3) return std::nullopt;
  return UnitMatch{&units_[m->id], {m->start, m->end}, false};
}

std::string UnitMatcher::ResolveByCountry(std::string_view code, DocumentFacts& facts) const {
  struct Country {
    const char* code;
    const char* lower_name;
  };
  static const Country kRupee[] = {{"PKR", "pakistan"}, {"LKR", "sri lanka"}, {"NPR", "nepal"}, {"INR", "india"}};
  static const Country kPeso[] = {{"ARS", "argentin"}, {"PHP", "philippin"}, {"COP", "colombia"},
                                  {"CLP", "chile"},    {"MXN", "mexic"}};
  static const Country kDinar[] = {{"JOD", "jordan"}, {"KWD", "kuwait"}, {"LYD", "libya"}, {"TND", "tunisia"},
                                   {"DZD", "algeria"}, {"BHD", "bahrain"}, {"RSD", "serbia"}, {"IQD", "iraq"}};
  // The country named first in the document decides; asked once per document.
  auto pick = [&](const auto& table, const char* fallback, std::optional<std::string>& cached) -> std::string {
    if (cached) return *cached;
    std::string best = fallback;
    std::size_t best_pos = std::string_view::npos;
    for (const Country& c : table) {
      std::size_t p = Find(facts.text_, c.lower_name);
      if (p < best_pos) {
        best_pos = p;
        best = c.code;
      }
    }
    cached = best;
    return best;
  };
  // City names count too: datelines name the capital ("COPENHAGEN, Aug 15").
  static const Country kCrown[] = {{"DKK", "denmark"}, {"DKK", "danish"},    {"DKK", "copenhagen"},
                                   {"SEK", "sweden"},  {"SEK", "swedish"},   {"SEK", "stockholm"},
                                   {"NOK", "norway"},  {"NOK", "norwegian"}, {"NOK", "oslo"},
                                   {"ISK", "iceland"}, {"ISK", "reykjavik"}, {"CZK", "czech"},
                                   {"CZK", "prague"}};
  static const Country kKrone[] = {{"NOK", "norw"}, {"NOK", "oslo"}, {"DKK", "denmark"}, {"DKK", "danish"},
                                   {"DKK", "copenhagen"}};
  static const Country kShilling[] = {{"UGX", "uganda"}, {"TZS", "tanzania"}, {"SOS", "somalia"},
                                      {"KES", "kenya"}};
  if (code == "rupee?") return pick(kRupee, "INR", facts.by_country_[0]);
  if (code == "peso?") return pick(kPeso, "MXN", facts.by_country_[1]);
  if (code == "dinar?") return pick(kDinar, "IQD", facts.by_country_[2]);
  if (code == "crown?") return pick(kCrown, "", facts.by_country_[3]);
  if (code == "krone?") return pick(kKrone, "DKK", facts.by_country_[4]);
  if (code == "shilling?") return pick(kShilling, "KES", facts.by_country_[5]);
  return std::string(code);
}

std::string UnitMatcher::ResolvePoint(std::string_view text, Span unit, DocumentFacts& facts) const {
  // "poll", "polls", "polling", "pollster", "polled"; not "pollution", "pollen".
  auto has_poll = [](std::string_view t) {
    for (std::size_t from = 0;;) {
      std::size_t p = Find(t.substr(from), "poll");
      if (p == std::string_view::npos) return false;
      p += from;
      std::size_t after = p + 4;
      bool word_start = p == 0 || !IsAsciiAlpha(t[p - 1]);
      if (word_start && (after >= t.size() || (LowerAsciiChar(t[after]) != 'u' && LowerAsciiChar(t[after]) != 'e') ||
                         (after + 1 < t.size() && LowerAsciiChar(t[after]) == 'e' && LowerAsciiChar(t[after + 1]) == 'd')))
        return true;
      from = after;
    }
  };
  if (!facts.poll_) facts.poll_ = has_poll(facts.text_);
  if (!*facts.poll_) return "";
  // Near the figure: the sentence before, this one and a little after.
  std::size_t from = unit.start > 250 ? unit.start - 250 : 0;
  std::size_t to = std::min(text.size(), unit.end + 150);
  std::string_view near = text.substr(from, to - from);
  if (near.find('%') != std::string_view::npos || Contains(near, "percent") || Contains(near, "per cent") ||
      Contains(near, "lead") || Contains(near, "margin") || has_poll(near))
    return "percentage_point";
  return "";
}

std::string UnitMatcher::ResolvePound(std::string_view text, Span unit, DocumentFacts& facts) const {
  if (!facts.named_pound_) {
    static const std::pair<const char*, const char*> kNamed[] = {
        {"syrian pound", "SYP"}, {"lebanese pound", "LBP"}, {"egyptian pound", "EGP"}, {"sudanese pound", "SDG"}};
    facts.named_pound_.emplace();
    for (const auto& [name, code] : kNamed) {
      if (Contains(facts.text_, name)) {
        *facts.named_pound_ = code;
        break;
      }
    }
  }
  if (!facts.named_pound_->empty()) return *facts.named_pound_;
  std::size_t p = SkipSpaces(text, unit.end);
  if (LowerAscii(WordAt(text, p)) == "of") return "lb";
  std::size_t from = unit.start > 60 ? unit.start - 60 : 0;
  if (Contains(text.substr(from, unit.start - from), "weigh")) return "lb";
  if (!facts.british_) {
    static const char* const kBritish[] = {"\xC2\xA3", "sterling", "britain", "british", "england", "london",
                                           "scotland", "wales", " uk ", "u.k."};
    facts.british_ = false;
    for (const char* w : kBritish) {
      if (Contains(facts.text_, w)) {
        facts.british_ = true;
        break;
      }
    }
  }
  return *facts.british_ ? "GBP" : "lb";
}

}  // namespace claimex::quantity

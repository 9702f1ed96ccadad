// Word tests and token-range helpers shared by the field rules: closed-class
// and verb-form tests (NeverHead, IsInflectedVerb, IsVerbish, IsPlural),
// clause bounds, phrase matching within a range, a range's text.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>

namespace claimex {

namespace {

// Whether a word has the shape of a past form or participle in -ed
// ("displaced", "reported"; not "red", "bed").
bool EdForm(std::string_view low) { return low.size() > 4 && EndsWith(low, "ed"); }

}  // namespace

bool ClaimBuilder::Impl::PointsNP(const View& v, Range r) const {
  if (r.empty()) return false;
  const std::string_view h = v.toks[static_cast<std::size_t>(r.e - 1)].low;
  return h == "points" || h == "point";
}

bool ClaimBuilder::Impl::Capitalized(const View& v, int i) const {
  const Token* t = T(v, i);
  if (!t || !t->word || t->span.start >= v.text.size()) return false;
  const char ch = v.text[t->span.start];
  return ch >= 'A' && ch <= 'Z';
}

bool ClaimBuilder::Impl::NeverHead(const View& v, int i) const {
  const Token* t = T(v, i);
  if (!t || t->caps) return false;
  // "2 km west of the town", but "13 northwest Georgia counties", "South
  // Sudanese", "the south of Idlib province" (a region).
  if (t->head_role == HeadRole::kDirection) {
    return !Capitalized(v, i) && !Nounish(v, i + 1, false) && Cls(v, i - 1) != "det";
  }
  return t->head_role == HeadRole::kNever || t->head_role == HeadRole::kUnit || t->head_role == HeadRole::kPeriod;
}

bool ClaimBuilder::Impl::IsInflectedVerb(const View& v, int i) const {
  const Token* t = T(v, i);
  if (!t || !t->word || t->caps) return false;
  if (const Predicate* p = t->pred; p && !p->base_form) {
    // After a determiner, a possessive or an adjective that only stands
    // before a noun, an -s or -ing form is a noun: "the costs", "its
    // spending", "the country's exports", "annual costs".
    const Token* before = T(v, i - 1);
    const bool noun = before && before->word && !before->caps && !EndsWith(t->low, "ed") &&
                      (Cls(v, i - 1) == "det" || IsPossessive(before->low) ||
                       lex.attributive_adjectives.count(before->low));
    // An -ing form opening the sentence ("Spending rose by 18%") or right
    // after a verb of change ("cut spending by 18%") is a noun too.
    const bool gerund = EndsWith(t->low, "ing") &&
                        (i == 0 || (before && before->word && !before->caps && before->change != Change::kNone &&
                                    Cls(v, i - 1) != "aux"));
    return !noun && !gerund;
  }
  Change c = t->change;
  return c != Change::kNone && !lex.change_lemmas.count(t->low);
}

bool ClaimBuilder::Impl::IsVerbish(const View& v, int i) const {
  const Token* t = T(v, i);
  if (!t || !t->word) return false;
  std::string_view c = Cls(v, i);
  if (c == "aux" || t->low == "now" || t->low == "that" || t->low == "also") return true;
  if (IsInflectedVerb(v, i)) return true;
  return !t->number && EdForm(t->low);
}

bool ClaimBuilder::Impl::IsPlural(const Token& t) const {
  if (t.caps) return false;
  if (lex.plural_nouns.count(t.low)) return true;
  if (EndsWith(t.low, "men")) return true;
  return t.low.size() >= 4 && t.low.back() == 's' && !EndsWith(t.low, "ss") &&
         !EndsWith(t.low, "us") && !EndsWith(t.low, "is") && !IsPossessive(t.low);
}

bool ClaimBuilder::Impl::IsQuote(const View& v, int i) const {
  return Is(v, i, "\"") || Is(v, i, "\xE2\x80\x9C") || Is(v, i, "\xE2\x80\x9D");
}

bool ClaimBuilder::Impl::ChangeNounHead(const View& v, Range r) const {
  if (r.empty()) return false;
  const Token& t = v.toks[static_cast<std::size_t>(r.e - 1)];
  return !t.caps && t.change != Change::kNone && (lex.change_nouns.count(t.low) || lex.change_nouns_after.count(t.low));
}

bool ClaimBuilder::Impl::IsLyAdverb(const View& v, int i) const {
  const Token* t = T(v, i);
  return t && t->word && !t->caps && t->low.size() > 5 && EndsWith(t->low, "ly") && !Nounish(v, i + 1, false);
}

int ClaimBuilder::Impl::ClauseStart(const View& v, int i, int level) const {
  int id = v.toks[static_cast<std::size_t>(i)].level[level];
  while (i > 0 && v.toks[static_cast<std::size_t>(i - 1)].level[level] == id) --i;
  return i;
}

int ClaimBuilder::Impl::ClauseEnd(const View& v, int i, int level) const {
  int id = v.toks[static_cast<std::size_t>(i)].level[level];
  int n = static_cast<int>(v.toks.size());
  while (i + 1 < n && v.toks[static_cast<std::size_t>(i + 1)].level[level] == id) ++i;
  return i + 1;
}

std::string ClaimBuilder::Impl::Text(const View& v, Range r, Span* span) const {
  std::string out;
  // Keep what follows a possessive inside the phrase ("company's workforce" → workforce).
  for (int i = r.b; i + 1 < r.e; ++i) {
    if (IsPossessive(v.toks[static_cast<std::size_t>(i)].low)) r.b = i + 1;
  }
  for (int i = r.b; i < r.e; ++i) {
    if (IsQuote(v, i)) continue;  // 'the "Irish" vote' → irish vote
    if (!out.empty()) out.push_back(' ');
    out += v.toks[static_cast<std::size_t>(i)].low;
  }
  if (span) *span = Span{v.toks[static_cast<std::size_t>(r.b)].span.start,
                         v.toks[static_cast<std::size_t>(r.e - 1)].span.end};
  return out;
}

int ClaimBuilder::Impl::TokenEndingAt(const View& v, std::size_t end) const {
  auto it = std::lower_bound(v.toks.begin(), v.toks.end(), end,
                             [](const Token& a, std::size_t off) { return a.span.end < off; });
  return it != v.toks.end() && it->span.end == end ? static_cast<int>(it - v.toks.begin()) : -1;
}

int ClaimBuilder::Impl::MentionStart(const View& v, int t) const {
  if (t < 0 || v.toks[static_cast<std::size_t>(t)].quantity < 0) return t;
  const int q = v.toks[static_cast<std::size_t>(t)].quantity;
  while (t > 0 && v.toks[static_cast<std::size_t>(t - 1)].quantity == q) --t;
  return t;
}

bool ClaimBuilder::Impl::HasWord(const View& v, int b, int e, std::string_view w) const {
  for (int i = std::max(b, 0); i < e && i < static_cast<int>(v.toks.size()); ++i) {
    if (v.toks[static_cast<std::size_t>(i)].low == w) return true;
  }
  return false;
}

bool ClaimBuilder::Impl::HasPhrase(const View& v, int b, int e, std::string_view phrase) const {
  e = std::min(e, static_cast<int>(v.toks.size()));
  for (int i = std::max(b, 0); i < e; ++i) {
    if (v.toks[static_cast<std::size_t>(i)].time >= 0) continue;
    if (PhraseAt(v, i, e, phrase)) return true;
  }
  return false;
}

bool ClaimBuilder::Impl::HasAnyOf(const View& v, int b, int e, const std::vector<std::string>& list) const {
  for (const std::string& w : list) {
    if (w.find(' ') == std::string::npos ? HasWord(v, b, e, w) : HasPhrase(v, b, e, w)) return true;
  }
  return false;
}

bool ClaimBuilder::Impl::PresentOrPerfect(const View& v, int b, int e) const {
  return HasAnyOf(v, b, e, lex.present_tense) || HasWord(v, b, e, "has") || HasWord(v, b, e, "have");
}

bool ClaimBuilder::Impl::PastVerbBefore(const View& v, int b, int at) const {
  // From the end of the last forecast word or phrase before `at`.
  int from = std::max(b, 0);
  bool forecast = false;
  for (int k = at - 1; k >= from && !forecast; --k) {
    for (const std::string& w : lex.coming_months) {
      if (!PhraseAt(v, k, at, w)) continue;
      from = k + 1 + static_cast<int>(std::count(w.begin(), w.end(), ' '));
      forecast = true;
      break;
    }
  }
  for (int k = from; k < at; ++k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (!t.word || t.caps || t.number || t.time >= 0 || t.quantity >= 0) continue;
    if (!EdForm(t.low) && !lex.past_forms.count(t.low)) continue;
    // "will be evacuated", "will have fallen", "will stay closed": a
    // participle or an adjective, not a past event.
    const Token* before = T(v, k - 1);
    if (before && lex.past_linkers.count(before->low)) continue;
    return true;
  }
  return false;
}

bool ClaimBuilder::Impl::PhraseAt(const View& v, int i, int e, std::string_view phrase) const {
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

}  // namespace claimex

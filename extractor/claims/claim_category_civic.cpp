// Civic category readings (claims_civic_cues.txt): figures about who holds
// power and who is jailed, which the generic cues file elsewhere.
//   PrisonTerm     a term served or faced in a political story is politics
//                  ("Sonko, 48, was sentenced to two years in prison"); in
//                  a crime story, or as a law's penalty, it stays other
//   TimeInOffice   a leader's time in power ("in power for 27 years")
//   PoliticianAge  the age of a person the document titles as a politician
//                  ("President Sebastian Pinera ... Pinera, 69, said")
//   ProtestDetail  a protest crowd's size, things protesters burned
//   RestatedFigure "put the figure at 1.2 million": the last count's story
// and, as fixed readings, how long a state of emergency or curfew lasts
// (politics) and how much of a fire is contained (other).
// CategoryOf calls CivicReading once its entity and context cues are known;
// it also asks the population and relief readings
// (claim_category_population.cpp, claim_category_relief.cpp).
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>
#include <cctype>

namespace claimex {

namespace {

// Number of words in a lexicon phrase (single spaces).
int WordCount(std::string_view phrase) {
  return 1 + static_cast<int>(std::count(phrase.begin(), phrase.end(), ' '));
}

}  // namespace

bool ClaimBuilder::Impl::PhraseEndsBefore(const View& v, int i, const std::vector<std::string>& list) const {
  for (const std::string& p : list) {
    const int b = i - WordCount(p);
    if (b >= 0 && PhraseAt(v, b, i, p)) return true;
  }
  return false;
}

bool ClaimBuilder::Impl::PhraseStartsAt(const View& v, int i, const std::vector<std::string>& list) const {
  const int n = static_cast<int>(v.toks.size());
  for (const std::string& p : list) {
    if (i < n && PhraseAt(v, i, n, p)) return true;
  }
  return false;
}

std::optional<Category> ClaimBuilder::Impl::PrisonTerm(const View& v, const Work& w,
                                                       std::optional<Category> ctx_cat) const {
  if (!PhraseStartsAt(v, w.ql + 1, lex.CivicCues("prison_after")) &&
      !PhraseEndsBefore(v, w.qf, lex.CivicCues("prison_before"))) {
    return std::nullopt;
  }
  // "punishable by up to one year in prison": what a law threatens is justice.
  if (HasAnyOf(v, std::max(0, w.qf - 4), w.qf, lex.CivicCues("penalty"))) return std::nullopt;
  // Protesters and opponents jailed are politics; a drug ring's sentence is
  // crime: the sentence's cues, else the story's figures so far, decide.
  const int* d = v.doc_counts;
  const int pol = static_cast<int>(Category::kPolitics), other = static_cast<int>(Category::kOther);
  if (ctx_cat == Category::kPolitics || (!ctx_cat && d && d[pol] > 0 && d[pol] >= d[other]) ||
      (ctx_cat != Category::kOther && d && d[pol] > d[other])) {
    return Category::kPolitics;
  }
  return std::nullopt;
}

bool ClaimBuilder::Impl::TimeInOffice(const View& v, const Work& w) const {
  return PhraseEndsBefore(v, w.qf, lex.CivicCues("office_before")) ||
         PhraseStartsAt(v, w.ql + 1, lex.CivicCues("office_after"));
}

bool ClaimBuilder::Impl::PoliticianAge(const View& v, const Token& name) const {
  // The name's mentions up to this one: a title among the few words before
  // any of them ("opposition leader Ousmane Sonko", "Prime Minister Pedro
  // Sanchez"). One find per mention; ages in apposition are few.
  const std::string_view text = v.text;
  const std::string_view who = name.span.of(text);
  if (who.size() < 2) return false;
  const std::vector<std::string>& titles = lex.CivicCues("political_title");
  for (std::size_t at = text.find(who); at != std::string_view::npos && at <= name.span.start;
       at = text.find(who, at + 1)) {
    const std::size_t end = at + who.size();
    if ((at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) ||
        (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])))) {
      continue;  // part of a longer word
    }
    // The up to 40 bytes before the mention, lower case, as words, from
    // the last break (a sentence end, a comma, a quote): the title is part
    // of the name's own phrase.
    std::string before = " ";
    for (std::size_t k = at > 40 ? at - 40 : 0; k < at; ++k) {
      const unsigned char ch = static_cast<unsigned char>(text[k]);
      if (ch == '.' || ch == ',' || ch == '\n' || ch == '"') before = " ";
      before += std::isalpha(ch) ? static_cast<char>(std::tolower(ch)) : ' ';
    }
    for (const std::string& t : titles) {
      if (before.find(" " + t + " ") != std::string::npos) return true;
    }
  }
  return false;
}

bool ClaimBuilder::Impl::PoliticalStory(const View& v, std::optional<Category> ctx_cat) const {
  return ctx_cat == Category::kPolitics ||
         (!ctx_cat && v.doc_counts && BestOf(v.doc_counts, nullptr) == Category::kPolitics);
}

bool ClaimBuilder::Impl::ProtestDetail(const View& v, const Work& w, const Claim& c,
                                       std::optional<Category> ctx_cat) const {
  if (!PoliticalStory(v, ctx_cat)) return false;
  // The crowd's size or length ("The crowd stretched for more than 5 km").
  const std::string_view head = LastWord(c.entity);
  const std::vector<std::string>& crowd = lex.CivicCues("crowd");
  if (std::find(crowd.begin(), crowd.end(), head) != crowd.end()) return true;
  // Things the protesters burned ("torching at least 20 vehicles").
  return c.quantity.kind == Kind::kCount && PhraseEndsBefore(v, w.qf, lex.CivicCues("arson_verb"));
}

std::optional<Category> ClaimBuilder::Impl::RestatedFigure(const Claim& c, const std::vector<Claim>& done) const {
  // "Santiago's regional governor put the figure at 1.2 million": a bare
  // "figure" or "estimate" is another count of what the story last counted.
  if (c.quantity.kind != Kind::kCount || (c.entity != "figure" && c.entity != "estimate")) return std::nullopt;
  for (auto it = done.rbegin(); it != done.rend() && it->sentence + 2 >= c.sentence; ++it) {
    if (it->quantity.kind != Kind::kCount) continue;
    if (Undecided(*it)) return std::nullopt;
    return it->category;
  }
  return std::nullopt;
}

std::optional<std::pair<Category, std::string_view>> ClaimBuilder::Impl::FixedReading(const View& v, const Work& w,
                                                                                     const Claim& c) const {
  using Reading = std::pair<Category, std::string_view>;
  // "declared a 60-day state of emergency", "a 12-hour curfew": how long
  // a government's emergency measure lasts is politics, as most of the
  // annotated readers have it (seven sets against two).
  if (c.quantity.kind == Kind::kDuration && PhraseStartsAt(v, w.ql + 1, lex.CivicCues("emergency_after"))) {
    return Reading(Category::kPolitics, "category.emergency_length");
  }
  // A fire "was 35 percent contained": the firefighting, not the toll or
  // the burned area before it.
  if (c.quantity.kind == Kind::kPercent && PhraseStartsAt(v, w.ql + 1, lex.CivicCues("contained"))) {
    return Reading(Category::kOther, "category.containment");
  }
  return std::nullopt;
}

std::optional<std::pair<Category, std::string_view>> ClaimBuilder::Impl::CivicReading(
    const View& v, const Work& w, const Claim& c, const std::vector<Claim>& done, std::optional<Category> ent_cat,
    std::optional<Category> ctx_cat) const {
  using Reading = std::pair<Category, std::string_view>;
  if (c.quantity.kind == Kind::kDuration) {
    if (auto cat = PrisonTerm(v, w, ctx_cat)) return Reading(*cat, "category.prison_term");
    if (TimeInOffice(v, w)) return Reading(Category::kPolitics, "category.time_in_office");
  }
  if (ProtestDetail(v, w, c, ctx_cat)) return Reading(Category::kPolitics, "category.protest_detail");
  if (auto cat = RestatedFigure(c, done)) return Reading(*cat, "category.restated_figure");
  if (PlaceHasPeople(v, w, c)) return Reading(Category::kPopulation, "category.place_has_people");
  if (VitalDeaths(v, w, c, ent_cat)) return Reading(Category::kPopulation, "category.vital_deaths");
  if (AidShipment(v, c, ent_cat)) return Reading(Category::kHumanitarian, "category.aid_shipment");
  if (ServiceAccess(v, w, c)) return Reading(Category::kHumanitarian, "category.service_access");
  if (AidReach(v, w)) return Reading(Category::kHumanitarian, "category.aid_reach");
  if (MoneyAfterAid(c, done, ent_cat, ctx_cat)) return Reading(Category::kHumanitarian, "category.money_after_aid");
  return std::nullopt;
}

}  // namespace claimex

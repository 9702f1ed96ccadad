// Category rules:
//   category   verb cue, then entity cue, then context cues of the clause
//              piece, clause, sentence (ties by the document's topic so
//              far); special readings first (ages, population stocks,
//              funding money, spills, shares of a sum); no cue at all →
//              the topic of the sentence, else the paragraph, else the
//              document (TopicFallback)
// Claim::rules names them category.*. Also the context-cue counting that
// Build uses for the sentence's and the document's topic.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace claimex {

bool ClaimBuilder::Impl::Undecided(const Claim& c) {
  return HasRule(c, "category.default");
}

void ClaimBuilder::Impl::BorrowCategory(Claim& to, const Claim& from, std::string_view rule) {
  to.category = from.category;
  to.rules.erase(std::remove(to.rules.begin(), to.rules.end(), std::string_view("category.default")), to.rules.end());
  to.rules.push_back(rule);
  if (Undecided(from)) to.rules.push_back("category.default");
}

namespace {

// The category with most votes, the earlier one on a tie; -1 without votes.
int MostVoted(const int* counts) {
  int best = -1, n = 0;
  for (int cat = 0; cat < 9; ++cat) {
    if (counts[cat] > n) {
      n = counts[cat];
      best = cat;
    }
  }
  return best;
}

// Whether a blank line (two line breaks, spaces between) ends at `text[i]`.
bool ParagraphBreakAt(std::string_view text, std::size_t i) {
  if (text[i] != '\n') return false;
  while (i > 0) {
    const char ch = text[--i];
    if (ch == '\n') return true;
    if (ch != ' ' && ch != '\t' && ch != '\r') return false;
  }
  return false;
}

}  // namespace

void ClaimBuilder::Impl::TopicFallback(std::string_view text, std::vector<Claim>& out, const int doc_context[9]) {
  // Wire copy sets one story per paragraph, and a long article moves on:
  // "In the Bulengo camp, ..." is about the camps the paragraph describes,
  // not the fighting the article opens with. A sentence's own decided
  // figures say most, the paragraph's next, the whole document last.
  // Linear: one pass numbers the paragraphs, one counts per scope.
  std::vector<std::size_t> para(out.size());
  std::size_t at = 0, p = 0;
  for (std::size_t k = 0; k < out.size(); ++k) {
    // Only a line break can end a blank line: jump from one to the next
    // (memchr) instead of testing every byte of the document.
    const std::size_t stop = std::min(out[k].quantity.span.start, text.size());
    while (at < stop) {
      const void* nl = std::memchr(text.data() + at, '\n', stop - at);
      if (!nl) {
        at = stop;
        break;
      }
      at = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
      p += ParagraphBreakAt(text, at);
      ++at;
    }
    para[k] = p;
  }
  // A paragraph's votes: its decided counts, shares and durations. A price
  // or an area ("a bag of millet now cost 45,000 CFA francs", "we had 4
  // acres of paddy") is a detail of the story the paragraph tells, though it
  // still speaks for its own sentence ("a minimum wage rise of 6.5 percent").
  auto votes = [](const Claim& c) {
    return !Undecided(c) && c.quantity.kind != Kind::kMeasure && c.quantity.kind != Kind::kMoney;
  };
  std::vector<std::array<int, 9>> para_counts(p + 1);
  for (auto& counts : para_counts) counts.fill(0);
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (votes(out[k])) ++para_counts[para[k]][static_cast<int>(out[k].category)];
  }
  const int doc_topic = MostVoted(doc_context);
  for (std::size_t b = 0; b < out.size();) {
    std::size_t e = b;
    int counts[9] = {0};
    for (; e < out.size() && out[e].sentence == out[b].sentence; ++e) {
      if (!Undecided(out[e])) ++counts[static_cast<int>(out[e].category)];
    }
    for (std::size_t k = b; k < e; ++k) {
      if (!Undecided(out[k])) continue;
      // Counts, shares, ages and durations ("said Umm Khaled, 52, who
      // returned", "walked for three days", "queued for six hours") take the
      // topic; measures keep "other" (a distance between places, a depth, a
      // reading), as cue-less measures mostly are.
      if (out[k].quantity.kind == Kind::kMeasure || out[k].quantity.kind == Kind::kMoney) continue;
      int topic = MostVoted(counts);
      if (topic < 0) topic = MostVoted(para_counts[para[k]].data());
      if (topic < 0) topic = doc_topic;
      if (topic < 0) continue;
      out[k].category = static_cast<Category>(topic);
      out[k].rules.push_back("category.topic");
    }
    b = e;
  }
}

void ClaimBuilder::Impl::CategoryOf(const View& v, const Work& w, Claim& c,
                                    const std::vector<Claim>& done) const {
  auto set = [&](Category cat, std::string_view rule) {
    c.category = cat;
    c.rules.push_back(rule);
  };
  // An age in apposition after a name ("Narendra Modi, 73, said"): a
  // one- to three-digit bare number between commas right after a
  // capitalized word describes the person, whatever the sentence's cues
  // say; it takes the story's topic at the end (an interviewee's age is
  // filed with the story told about them), else stays other.
  {
    std::string_view m = c.quantity.span.of(v.text);
    bool digits = !m.empty() && m.size() <= 3 &&
                  std::all_of(m.begin(), m.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    const Token* name = T(v, w.qf - 2);
    const bool kind_ok = c.quantity.kind == Kind::kCount || c.quantity.kind == Kind::kDuration;
    // Followed by a comma, or closing the sentence ("said shopkeeper Fadi Haddad, 54.").
    const Token* after = T(v, w.ql + 1);
    const bool closes = !after || after->low == "," || after->low == "." || after->low == ")";
    if (kind_ok && digits && w.qf == w.ql && Is(v, w.qf - 1, ",") && closes && name &&
        name->word && name->span.start < v.text.size() && v.text[name->span.start] >= 'A' &&
        v.text[name->span.start] <= 'Z' && std::atoi(std::string(m).c_str()) <= 120) {
      set(Category::kOther, "category.age_apposition");
      // A politician's age is politics wherever it is given ("Pinera, 69,
      // said", after "President Sebastian Pinera"): decided, no topic.
      if (PoliticianAge(v, *name)) return set(Category::kPolitics, "category.politician_age");
      c.rules.push_back("category.default");
      return;
    }
  }
  // Displacement verbs move people; a measured amount that returns,
  // arrives or crosses ("returned 121.6 grams of rock", "10,000 tonnes
  // crossed the border") is cargo or a sample, so entity and context decide.
  const bool cargo = w.predicate && w.predicate->category == Category::kDisplacement &&
                     c.quantity.kind == Kind::kMeasure;
  // Casualty verbs count people: a measured amount they seem to govern is
  // the object of a verb before them ("has scorched 91,500 acres and killed
  // two people", "washed away ... 3,500 kilometres of roads, and killed").
  const bool not_killed = w.predicate && w.predicate->category == Category::kCasualties &&
                          c.quantity.kind == Kind::kMeasure;
  std::optional<Category> pred_cat;
  if (w.predicate && !cargo && !not_killed && !HeldPeopleMoved(w, c)) pred_cat = w.predicate->category;
  if (c.quantity.kind == Kind::kCount && KilledLater(v, w)) pred_cat = Category::kCasualties;
  // "The death toll from the 7.8-magnitude earthquake ... rose to more than
  // 11,000": a toll named a few words before the count it reaches.
  // (A figure inside the toll's own phrase, "the toll from Monday's 7.8-
  // magnitude quake", has no verb after the toll and is not counted by it.)
  if (!pred_cat && c.quantity.kind == Kind::kCount) {
    bool verb = false;
    const int from = std::max(ClauseStart(v, w.qf, 3), w.qf - 15);
    for (int k = w.qf - 1; k >= from; --k) {
      const Token& t = v.toks[static_cast<std::size_t>(k)];
      if (t.low == "toll" && verb) {
        if (const Predicate* toll = lex.FindPredicate("toll")) pred_cat = toll->category;
        break;
      }
      verb = verb || t.change != Change::kNone || Cls(v, k) == "aux" || IsInflectedVerb(v, k);
    }
  }
  // "104 people, aged 16 to 41": the ages of the people just counted.
  {
    std::string_view m = c.quantity.span.of(v.text);
    bool aged = c.quantity.kind == Kind::kDuration && m.size() > 5 &&
                (m.substr(0, 5) == "aged " || m.substr(0, 5) == "Aged ");
    if (aged && Is(v, w.qf - 1, ",") && !done.empty() && w.qf >= 2 &&
        v.toks[static_cast<std::size_t>(w.qf - 2)].quantity < 0) {
      // The counted noun sits right before the comma ("104 people, aged").
      int k = w.qf - 2;
      while (k >= 0 && v.toks[static_cast<std::size_t>(k)].quantity < 0 && Nounish(v, k, false)) --k;
      if (k >= 0 && k >= w.qf - 4 && v.toks[static_cast<std::size_t>(k)].quantity >= 0) {
        return BorrowCategory(c, done.back(), "category.ages_of_counted");
      }
    }
  }
  // "displaced more than 2.6 million people ..., an increase of about
  // 600,000": a change named by its noun, with no noun after it, is a
  // change in the sentence's previous figure.
  if (w.form == ChangeForm::kDifference && Is(v, w.qf - 1, "of") && !done.empty() &&
      done.back().sentence == c.sentence && c.entity_span.end <= c.quantity.span.start &&
      HasRule(c, "change.noun_of")) {
    return BorrowCategory(c, done.back(), "category.change_of_previous");
  }
  // What the words right after the figure fix (claim_category_civic.cpp).
  if (auto fixed = FixedReading(v, w, c)) return set(fixed->first, fixed->second);
  // "in 25 of the country's 36 states": the whole a share of places is of
  // is counted for the share's story ("65,145 suspected cases had been
  // recorded in 25"). (Not people: "of the enclave's 2.3 million people" is
  // a population.)
  if (!done.empty() && done.back().sentence == c.sentence && TotalOfShare(v, w) && TerritoryPlace(c)) {
    return BorrowCategory(c, done.back(), "category.total_of_share");
  }
  if (FigureAnaphor(c, done)) return BorrowCategory(c, done.back(), "category.figure_anaphor");
  // The antecedent's category, unless the figure has a verb of its own that
  // says otherwise ("The group says at least 2,700 have been killed").
  // A measure or duration after a count ("2,207 structures ... burned
  // about 2,170 acres", "the first tremor ... lasted about 30 seconds") is
  // another quantity, not more of the same: it keeps no borrowed category.
  // (A measure is never a part of a head count: "about 8,600 of them had
  // fled ..., most heading south towards Aden, 330 km away".)
  const bool other_kind = w.antecedent >= 0 && (!w.subset || c.quantity.kind == Kind::kMeasure) &&
                          (c.quantity.kind == Kind::kMeasure || c.quantity.kind == Kind::kDuration) &&
                          done[static_cast<std::size_t>(w.antecedent)].quantity.kind != c.quantity.kind;
  // Not for money: who pays and what for is said in the money's own
  // sentence ("The UN's humanitarian appeal, of $2.42 billion").
  // Nor when the figure's own clause piece names another topic ("killed
  // thousands of civilians and forced 1.7 million from their homes",
  // "rainfall in August was 780% above average").
  // Nor from a share that restates an earlier figure: its category is that
  // figure's story, not its population's ("That is more than 80% of the
  // enclave's population, which was estimated at around 120,000").
  const bool restated =
      w.antecedent >= 0 && HasRule(done[static_cast<std::size_t>(w.antecedent)], "category.restated_share");
  if (w.antecedent >= 0 && !other_kind && !restated && c.quantity.kind != Kind::kMoney &&
      (w.subset || (w.entity_inherited && !pred_cat))) {
    const Category prev = done[static_cast<std::size_t>(w.antecedent)].category;
    int counts[9] = {0};
    // The piece starts after the antecedent when it shares it: the verb of
    // the antecedent is not this figure's ("has killed thousands of civilians
    // and forced 1.7 million from their homes").
    const Claim& ante = done[static_cast<std::size_t>(w.antecedent)];
    int b = ClauseStart(v, w.qf, 3);
    if (ante.sentence == c.sentence) b = std::max(b, TokenEndingAt(v, ante.quantity.span.end) + 1);
    ContextCounts(v, b, ClauseEnd(v, w.qf, 3), counts);
    const std::optional<Category> piece = BestOf(counts, v.doc_counts);
    // A part of a population is what its own piece says that part does or
    // suffers ("Kenya has about 47 million people, and roughly 36 percent
    // of them live below the national poverty line").
    const bool part_of_people = prev == Category::kPopulation && piece && *piece != prev;
    if ((w.subset && !part_of_people) || !piece || *piece == prev) {
      return BorrowCategory(c, done[static_cast<std::size_t>(w.antecedent)], "category.antecedent");
    }
  }
  // Context: cues of the figure's own clause first, else the sentence's.
  // (Sentence ties are broken by the document's topic as it stands now,
  // earlier claims of this sentence included.)
  std::optional<Category> ctx_cat = BestOf(v.context_counts, v.doc_counts);
  // Narrowest first: the clause piece ("and forced two million people
  // from their homes"), then the clause.
  std::optional<Category> local_ctx;  // from the figure's clause, not the whole sentence
  std::optional<Category> piece_ctx;  // from its clause piece only
  // The verb whose object the figure is is no context ("has infected 2,150
  // people and killed 41": the cholera around "killed" says what killed);
  // a noun after it is ("1,400 wounded have been treated at the hospital").
  const int own_verb = c.predicate_span.end > c.predicate_span.start && c.predicate_span.end <= c.quantity.span.start
                           ? TokenEndingAt(v, c.predicate_span.end)
                           : -1;
  for (int level : {3, 1}) {
    int counts[9] = {0};
    const int b = ClauseStart(v, w.qf, level), e = ClauseEnd(v, w.qf, level);
    ContextCounts(v, b, e, counts);
    if (own_verb >= b && own_verb < e) {
      int own[9] = {0};
      ContextCounts(v, own_verb, own_verb + 1, own);
      for (int k = 0; k < 9; ++k) counts[k] -= own[k];
    }
    if (auto local = BestOf(counts, v.doc_counts)) {
      ctx_cat = local_ctx = local;
      if (level == 1) piece_ctx = local;
    }
  }
  // People in a role (troops, police) count as their cue's category only
  // where the verb and the figure's clause are silent.
  const bool weak_ok = !w.predicate && !local_ctx;
  std::optional<Category> ent_cat;
  std::string_view ent_phrase;  // the entity cue that gave ent_cat
  if (!c.entity.empty() && !(other_kind && w.entity_inherited)) {
    ent_cat = EntityCue(c.entity, &ent_phrase, weak_ok);
    // "the total number of arrivals", "a tally of deaths": a counting noun's
    // of-phrase names what is counted.
    if (!ent_cat && c.entity_span.end > c.entity_span.start) {
      const int h = TokenEndingAt(v, c.entity_span.end);
      const std::string_view head = h >= 0 ? std::string_view(v.toks[static_cast<std::size_t>(h)].low) : "";
      bool them = false;
      if ((head == "number" || head == "total" || head == "tally") && Is(v, h + 1, "of")) {
        if (Range of = OfNP(v, h + 1, them); !of.empty()) ent_cat = EntityCue(Text(v, of, nullptr), &ent_phrase, weak_ok);
      }
    }
  }
  const Kind kind = c.quantity.kind;
  // A share of the people that restates the figure before it says what that
  // figure says ("22 million Yemenis, or three-quarters of the population,
  // need some form of assistance", "... 2.06 million internally displaced
  // people ... — about one in ten of its roughly 21 million inhabitants",
  // "That is 61% of the population of the areas assessed").
  if (kind == Kind::kPercent && ent_cat == Category::kPopulation && RestatesPrevious(v, w, c, done)) {
    return BorrowCategory(c, done.back(), "category.restated_share");
  }
  // Power, prisons and relief work (claim_category_civic.cpp, claim_category_relief.cpp).
  if (auto civic = CivicReading(v, w, c, done, ent_cat, ctx_cat)) return set(civic->first, civic->second);
  // A population stock: "Gaza's 2.3 million people", "home to some 120,000
  // Armenians", "a population of 5 million".
  // "a population of 11 million" whatever the phrase after it.
  if (kind == Kind::kCount && Is(v, w.qf - 1, "of") &&
      (Is(v, w.qf - 2, "population") || Is(v, w.qf - 2, "populations"))) {
    return set(Category::kPopulation, "category.population_stock");
  }
  if (kind == Kind::kCount && (ent_cat == Category::kPopulation || !ent_cat)) {
    auto place_at = [&](int k, bool possessive) {
      const Token* t = T(v, k);
      if (!t) return false;
      std::string_view low = t->low;
      if (possessive) {
        if (!IsPossessive(low)) return false;
        low.remove_suffix(2);
      }
      return lex.population_places.count(low) > 0;
    };
    const Token* before = T(v, w.qf - 1);
    bool people = c.entity == "people" || ent_cat == Category::kPopulation;
    bool place_possessive = before && IsPossessive(before->low) && before->span.start < v.text.size() &&
                            v.text[before->span.start] >= 'A' && v.text[before->span.start] <= 'Z';
    // "the country's 944 million adults": a place word's people.
    bool place_word_possessive = (people || c.entity == "adults") && !w.entity_inherited && place_at(w.qf - 1, true);
    bool home_to = Is(v, w.qf - 1, "to") && Is(v, w.qf - 2, "home");
    // "the city of some 1.8 million people", "a city of 2 million": a place's size in people.
    // ("Nigeria, Africa's most populous nation with more than 200 million people".)
    bool population_of = (Is(v, w.qf - 1, "of") || Is(v, w.qf - 1, "with")) && place_at(w.qf - 2, false) &&
                         (c.entity == "people" || c.entity.empty() || w.entity_inherited ||
                          c.entity_span.start < c.quantity.span.start);
    if (home_to && CampStock(v, w)) return set(Category::kDisplacement, "category.camp_stock");
    if ((people && place_possessive) || place_word_possessive || home_to || population_of) {
      return set(Category::kPopulation, "category.population_stock");
    }
  }
  if (kind == Kind::kMoney) {
    // "The drugs had a street value of $50 million": a seizure's worth, in
    // a clause about crime. Not a war's cost or a price "during the war"
    // ("has spent more than $2 trillion on the 20-year war").
    if (ent_cat == Category::kOther && ctx_cat == Category::kOther) return set(Category::kOther, "category.money_other");
    int b = ClauseStart(v, w.qf, 3), e = ClauseEnd(v, w.qf, 3);
    if (HasWord(v, b, e, "aid") || HasWord(v, b, e, "humanitarian")) {
      return set(Category::kHumanitarian, "category.money_aid");
    }
    // "pledged an additional €50 million ..., bringing its aid this year to":
    // aid named anywhere in the sentence.
    const int n = static_cast<int>(v.toks.size());
    if (HasWord(v, 0, n, "aid") || HasWord(v, 0, n, "humanitarian") || HasPhrase(v, 0, n, "relief effort") ||
        HasWord(v, 0, n, "donors")) {
      return set(Category::kHumanitarian, "category.money_aid_sentence");
    }
    // What something costs or the damage done is economy, also in a relief
    // story ("the cost of caring for the migrants at ... about $1.5 billion a
    // year, and has appealed for", "the damage ... ran into tens of billions
    // of dollars").
    if (ent_cat == Category::kEconomy) return set(Category::kEconomy, "category.money_cost");
    // Funding of a relief operation: money requested, received or pledged
    // in an article whose figures are about aid or refugees so far.
    if (v.doc_counts) {
      const int* d = v.doc_counts;
      int hum = d[static_cast<int>(Category::kHumanitarian)] + d[static_cast<int>(Category::kDisplacement)];
      int econ = d[static_cast<int>(Category::kEconomy)];
      bool funding = false;
      for (const std::string& f : lex.funding_cues) {
        if (HasWord(v, 0, n, f)) funding = true;
      }
      const int* sc = v.context_counts;
      hum += sc[static_cast<int>(Category::kHumanitarian)] + sc[static_cast<int>(Category::kDisplacement)];
      econ += sc[static_cast<int>(Category::kEconomy)];
      if (funding && hum > econ) return set(Category::kHumanitarian, "category.money_funding");
    }
    // A relief agency's appeal ("UNICEF appealed for $1.2 billion"); not
    // the agency's name alone (the Red Cross also reports damage in
    // dollars), nor "relief" (tax relief).
    for (const std::string& a : lex.appeal_words) {
      if (HasWord(v, b, e, a)) return set(Category::kHumanitarian, "category.money_appeal");
    }
    const std::string padded = " " + c.entity + " ";
    for (const std::string& a : lex.aid_entity_words) {
      if (padded.find(" " + a + " ") != std::string::npos) {
        return set(Category::kHumanitarian, "category.money_aid");
      }
    }
    return set(Category::kEconomy, "category.money");
  }
  if (kind == Kind::kDuration && ent_cat == Category::kOther) return set(Category::kOther, "category.war_length");
  // Cars and buses of an evacuation are the people leaving in them.
  if (VehiclesMoving(v, w, c, done)) return set(Category::kDisplacement, "category.vehicles_moving");
  if (FlightJourney(v, w, c)) return set(Category::kDisplacement, "category.journey");
  // What is counted decides over the verb when it is an object, not people.
  if (ent_cat && lex.thing_cues.count(ent_phrase)) return set(*ent_cat, "category.thing");
  if (TerritoryTaken(v, w, c)) return set(Category::kTerritory, "category.territory_taken");
  if (FrontLineDistance(v, w, c)) return set(Category::kTerritory, "category.front_line");
  if (CapturedForces(w, c)) return set(Category::kCasualties, "category.captured");
  if (ForcesLost(v, w, c)) return set(Category::kCasualties, "category.forces_lost");
  if (!pred_cat && kind == Kind::kCount) {
    if (auto verb = CompanionsOf(v, w)) return set(*verb, "category.companions");
  }
  // A distance that places somewhere, not ground taken, is other whatever
  // the sentence is about ("the Oncupinar crossing, about 60 kilometres
  // north of Aleppo city, would stay closed", "Authorities in Lviv, 70
  // kilometres from the Polish border, urged people arriving by train").
  // (A front line "within 30 kilometres of the capital" stays territory.)
  // It says nothing of the story either: it stays undecided, so it gives its
  // sentence no topic, and the fallback leaves a measure other.
  if (PlacingDistance(v, w, c.quantity) && ent_cat != Category::kTerritory && ctx_cat != Category::kTerritory) {
    set(Category::kOther, "category.placing_distance");
    c.rules.push_back("category.default");
    return;
  }
  // The wounded are casualties also when the figure counts their care
  // ("More than 600 wounded have been treated at the field hospital",
  // "had treated 142 wounded since Sunday").
  if (pred_cat == Category::kHealth && ent_cat == Category::kCasualties) {
    return set(Category::kCasualties, "category.wounded_treated");
  }
  // ("1,132 people had been admitted to hospitals with injuries", "have
  // received about 1,400 trauma patients").
  if ((pred_cat == Category::kHealth || ent_cat == Category::kHealth) && InjuryCare(v, w, c)) {
    return set(Category::kCasualties, "category.injury_care");
  }
  if (kind == Kind::kCount && BodiesOf(v, w)) return set(Category::kCasualties, "category.bodies");
  // Health workers killed in attacks are war dead, not disease deaths.
  if (pred_cat == Category::kCasualties && StaffKilled(v, c)) return set(Category::kCasualties, "category.staff_killed");
  // Deaths from a disease are health. A health word elsewhere in the
  // sentence only ("said the director of the city's hospital") does not
  // make war dead disease deaths when the article's figures so far are
  // about violence rather than health.
  const bool violent_doc = v.doc_counts && v.doc_counts[static_cast<int>(Category::kCasualties)] >
                                               v.doc_counts[static_cast<int>(Category::kHealth)];
  if ((pred_cat == Category::kCasualties || ent_cat == Category::kCasualties) &&
      (ent_cat == Category::kHealth || local_ctx == Category::kHealth ||
       (ctx_cat == Category::kHealth && !violent_doc) || DiedOfIllness(v, c))) {
    return set(Category::kHealth, "category.disease_deaths");
  }
  if ((pred_cat == Category::kCasualties || ent_cat == Category::kCasualties) && PatientsDied(v, c, done)) {
    return set(Category::kHealth, "category.patients_died");
  }
  // "with 61,340 cases and 1,024 deaths": deaths counted right after a
  // disease's cases are the disease's, whatever else the article is about.
  if ((pred_cat == Category::kCasualties || ent_cat == Category::kCasualties) && Is(v, w.qf - 1, "and") &&
      w.qf >= 2 && !done.empty() && done.back().sentence == c.sentence &&
      done.back().category == Category::kHealth &&
      done.back().entity_span.end == v.toks[static_cast<std::size_t>(w.qf - 2)].span.end) {
    return set(Category::kHealth, "category.cases_and_deaths");
  }
  if (pred_cat == Category::kPopulation) {
    int b = ClauseStart(v, w.qf, 3), e = ClauseEnd(v, w.qf, 3);
    // A relative clause is about the noun before it ("the Hitsats and
    // Shimelba camps, which housed about 20,000 people").
    for (int k = std::max(b, w.qf - 3); k < w.qf; ++k) {
      if (k >= 2 && Is(v, k - 1, ",") && (Is(v, k, "which") || Is(v, k, "where"))) b = std::min(b, k - 2);
    }
    if (HasWord(v, b, e, "camps") || HasWord(v, b, e, "tents") || HasWord(v, b, e, "camp") ||
        HasWord(v, b, e, "shelters") || ent_cat == Category::kDisplacement ||
        (HasWord(v, b, e, "them") && !done.empty() &&
         done.back().entity.find("camp") != std::string::npos)) {
      return set(Category::kDisplacement, "category.camps");
    }
  }
  // "35% of the population lives below the poverty line": a share of the
  // people is about what the share does or suffers.
  if (pred_cat == Category::kPopulation && kind == Kind::kPercent && ctx_cat &&
      *ctx_cat != Category::kPopulation) {
    return set(*ctx_cat, "category.share_context");
  }
  // "350,000 people ... are living in famine conditions": how they live,
  // named in the figure's own clause piece, says more than that they live.
  if (pred_cat == Category::kPopulation && piece_ctx && *piece_ctx != Category::kPopulation) {
    return set(*piece_ctx, "category.living_conditions");
  }
  if (pred_cat == Category::kTerritory && ent_cat && ent_cat != Category::kTerritory &&
      ent_cat != Category::kPopulation) {
    return set(*ent_cat, "category.entity");
  }
  // Health things are health whatever is done to them ("distributed 1.2 million doses").
  if (ent_cat == Category::kHealth && pred_cat != Category::kCasualties) {
    return set(Category::kHealth, "category.entity");
  }
  // Arrests are politics at a protest or under a junta but crime is other
  // (examples README): a politics verb in a sentence whose cues are crime
  // ("seized 7.8 tonnes of cocaine ... and arrested 14 people"), or with no
  // cue in a story about crime so far ("Nine people ... were arrested"
  // after a drug haul), is crime.
  const bool crime_doc = !ctx_cat && v.doc_counts && BestOf(v.doc_counts, nullptr) == Category::kOther;
  if (pred_cat == Category::kPolitics && (ctx_cat == Category::kOther || crime_doc)) {
    return set(Category::kOther, "category.crime_context");
  }
  // A weak verb ("affected") yields to what is counted and to the cues of
  // its clause piece ("Marine heatwaves affected more than 40 percent of the
  // ocean's surface"); alone it still decides ("floods have affected more
  // than 33 million people").
  if (EffectOfPrevious(v, w, c, done)) return BorrowCategory(c, done.back(), "category.effect_of_previous");
  const bool verb_yields = w.predicate && w.predicate->weak && (ent_cat || piece_ctx);
  if (pred_cat && !verb_yields) return set(*pred_cat, "category.predicate");
  // "1,329 homes had been damaged or destroyed in 13 villages": where the
  // previous figure of the clause happened is about what happened to it.
  if (!ent_cat && kind == Kind::kCount && !done.empty() && done.back().sentence == c.sentence &&
      (Is(v, w.qf - 1, "in") || Is(v, w.qf - 1, "across"))) {
    const int p = TokenEndingAt(v, done.back().quantity.span.end);
    if (p >= 0 && p < w.qf && v.toks[static_cast<std::size_t>(p)].level[3] == v.toks[static_cast<std::size_t>(w.qf)].level[3]) {
      return BorrowCategory(c, done.back(), "category.place_of_previous");
    }
  }
  const std::string& u = c.quantity.unit;
  if (u == "degC" || u == "degF" || u == "km/h" || u == "mph" || u == "mm" || u == "cm" || u == "in") {
    return set(Category::kOther, "category.weather_unit");
  }
  // Residents who suffer something in their own clause take that topic; a
  // cue elsewhere in the sentence does not turn a head count into it ("2.06
  // million internally displaced people ... one in ten of its roughly 21
  // million inhabitants").
  if (ent_cat == Category::kPopulation && local_ctx) return set(*local_ctx, "category.context");
  // Barrels are oil, a traded good ("total cuts could reach 20 million bpd").
  if (!ent_cat && c.quantity.unit == "bbl") ent_cat = Category::kEconomy;
  // Oil that spills is pollution, not trade ("The spill released 5,000 barrels of crude").
  if (ent_cat == Category::kEconomy || (!ent_cat && ctx_cat == Category::kEconomy)) {
    for (const Token& t : v.toks) {
      if (lex.spill_words.count(t.low)) return set(Category::kOther, "category.spill");
    }
  }
  if (ent_cat) return set(*ent_cat, "category.entity");
  if (ctx_cat) return set(*ctx_cat, "category.context");
  // With no cue elsewhere, the source's own words are one: a count or share
  // a poll found is politics ("A poll for the daily Rzeczpospolita ... found
  // 55 percent of Poles back the wall"), one the migration agency reports is
  // displacement ("Migration Colombia ... said 156 members of Venezuela's
  // security forces had deserted"). (Only here: where the sentence has a cue
  // of its own, a speaker's name is no context.)
  if (kind == Kind::kCount || kind == Kind::kPercent) {
    int counts[9] = {0};
    ContextCounts(v, 0, static_cast<int>(v.toks.size()), counts, true);
    if (auto cat = BestOf(counts, v.doc_counts)) return set(*cat, "category.speaker_context");
  }
  set(Category::kOther, "category.default");
}

std::optional<Category> ClaimBuilder::Impl::EntityCue(std::string_view entity, std::string_view* phrase, bool weak_ok) const {
  std::optional<Category> cat;
  auto usable = [&](const std::string& cue) { return weak_ok || !lex.weak_cues.count(cue); };
  // Last word first (the head decides), then any phrase: the earliest
  // lexicon row equal to a run of the entity's words.
  std::string_view core = entity;
  if (std::size_t of = core.find(" of "); of != std::string_view::npos) core = core.substr(0, of);
  std::size_t pos = core.rfind(' ');
  std::string_view head = pos == std::string_view::npos ? core : core.substr(pos + 1);
  // A two-word head first: "case fatality rate" is health, "rate" economy.
  std::string_view head2;
  if (pos != std::string_view::npos && pos > 0) {
    std::size_t p2 = core.rfind(' ', pos - 1);
    head2 = p2 == std::string_view::npos ? core : core.substr(p2 + 1);
  }
  if (auto it2 = head2.empty() ? lex.entity_cue_index.end() : lex.entity_cue_index.find(head2);
      it2 != lex.entity_cue_index.end() && usable(it2->first)) {
    cat = it2->second.second;
    if (phrase) *phrase = it2->first;
  } else if (auto it = lex.entity_cue_index.find(head); it != lex.entity_cue_index.end() && usable(it->first)) {
    cat = it->second.second;
    if (phrase) *phrase = it->first;
  } else {
    std::string_view e = entity;
    std::size_t best = static_cast<std::size_t>(-1);
    for (std::size_t a = 0; a < e.size();) {  // a: start of a word
      for (std::size_t b = a; b <= e.size(); ++b) {
        if (b < e.size() && e[b] != ' ') continue;
        if (auto it = lex.entity_cue_index.find(e.substr(a, b - a));
            it != lex.entity_cue_index.end() && it->second.first < best && usable(it->first)) {
          best = it->second.first;
          cat = it->second.second;
          if (phrase) *phrase = it->first;
        }
      }
      std::size_t sp = e.find(' ', a);
      if (sp == std::string_view::npos) break;
      a = sp + 1;
    }
  }
  return cat;
}

bool ClaimBuilder::Impl::RestatesPrevious(const View& v, const Work& w, const Claim& c,
                                          const std::vector<Claim>& done) const {
  if (done.empty() || done.back().quantity.kind != Kind::kCount) return false;
  // "That is 61% of ...": the sentence opens on the restatement.
  if (done.back().sentence + 1 == c.sentence) {
    return w.qf == 2 && Is(v, 0, "that") && (Is(v, 1, "is") || Is(v, 1, "'s"));
  }
  if (done.back().sentence != c.sentence) return false;
  // In apposition: only punctuation and "or" between the two figures, a
  // few words of the first figure's noun phrase allowed before them.
  const int p = TokenEndingAt(v, done.back().quantity.span.end);
  if (p < 0 || p >= w.qf || w.qf - p > 12) return false;
  int k = w.qf - 1;
  bool mark = false;
  for (; k > p; --k) {
    const std::string& low = v.toks[static_cast<std::size_t>(k)].low;
    if (low == "or" || low == "," || low == "-" || low == "—" || low == "–" || low == "(") {
      mark = mark || low != "or";
      continue;
    }
    break;
  }
  if (!mark) return false;
  // The words left between are the first figure's noun ("people", "Yemenis").
  for (int j = p + 1; j <= k; ++j) {
    if (v.toks[static_cast<std::size_t>(j)].quantity >= 0 || !Nounish(v, j, false)) return false;
  }
  return true;
}

bool ClaimBuilder::Impl::DiedOfIllness(const View& v, const Claim& c) const {
  // ("the deaths of three aid workers" names the dead, not the cause.)
  for (Span anchor : {c.predicate_span, c.entity_span}) {
    if (anchor.end <= anchor.start) continue;
    const int j = TokenEndingAt(v, anchor.end);
    if (j < 0 || !(Is(v, j + 1, "from") || Is(v, j + 1, "of"))) continue;
    int counts[9] = {0};
    ContextCounts(v, j + 2, std::min(j + 8, ClauseEnd(v, j + 1, 2)), counts);
    const bool cause = anchor == c.predicate_span || Is(v, j + 1, "from");
    if (counts[static_cast<int>(Category::kHealth)] > 0 ||
        (cause && counts[static_cast<int>(Category::kHumanitarian)] > 0)) {
      return true;
    }
  }
  return false;
}

void ClaimBuilder::Impl::ContextCounts(const View& v, int b, int e, int counts[9], bool with_attribution) const {
  // Cues matched so far: few per range, so a short list beats a table.
  std::size_t seen_ids[64];
  std::size_t seen_n = 0;
  std::vector<char> seen_table;  // past 64 (a pathological range): a table, still linear
  auto seen = [&](std::size_t ci) {
    if (!seen_table.empty()) return seen_table[ci] != 0;
    for (std::size_t k = 0; k < seen_n; ++k) {
      if (seen_ids[k] == ci) return true;
    }
    return false;
  };
  const std::size_t n = v.toks.size();
  for (std::size_t t = static_cast<std::size_t>(std::max(b, 0)); t < static_cast<std::size_t>(e) && t < n; ++t) {
    if (!v.toks[t].context || (!with_attribution && !v.attribution.empty() && v.attribution[t])) continue;
    for (std::size_t ci : *v.toks[t].context) {
      if (seen(ci)) continue;
      const auto& words = context_words[ci];
      bool ok = t + words.size() <= n;
      for (std::size_t k = 1; ok && k < words.size(); ++k) ok = v.toks[t + k].low == words[k];
      if (ok) {
        if (seen_n < 64) {
          seen_ids[seen_n++] = ci;
        } else {
          if (seen_table.empty()) {
            seen_table.assign(lex.context_cues.size(), 0);
            for (std::size_t k = 0; k < seen_n; ++k) seen_table[seen_ids[k]] = 1;
          }
          seen_table[ci] = 1;
        }
        ++counts[static_cast<int>(lex.context_cues[ci].category)];
      }
    }
  }
}

std::optional<Category> ClaimBuilder::Impl::BestOf(const int counts[9], const int* prior) const {
  int best = -1;
  for (int c = 0; c < 9; ++c) {
    if (counts[c] == 0) continue;
    if (best < 0 || counts[c] > counts[best]) {
      best = c;
      continue;
    }
    if (counts[c] < counts[best]) continue;
    int pc = prior ? prior[c] : 0, pb = prior ? prior[best] : 0;
    if (pc > pb || (pc == pb && category_order[c] < category_order[best])) best = c;
  }
  if (best < 0) return std::nullopt;
  return static_cast<Category>(best);
}

bool ClaimBuilder::Impl::TerritoryTaken(const View& v, const Work& w, const Claim& c) const {
  const std::string& u = c.quantity.unit;
  const std::string_view entity = c.entity;
  const std::string_view head = EntityHead(entity);
  const bool place = (c.quantity.kind == Kind::kCount || c.quantity.kind == Kind::kPercent) &&
                     lex.territory_places.count(head) > 0;
  if (place || u == "km2" || u == "sqmi") return TakingVerbBefore(v, w.qf);
  if (c.quantity.kind != Kind::kMeasure || !(u == "km" || u == "m" || u == "mi")) return false;
  std::string_view m = c.quantity.span.of(v.text);
  const bool within = m.size() > 7 && (m.substr(0, 7) == "within " || m.substr(0, 7) == "Within ");
  if (!within && !TakingVerbBefore(v, w.qf)) return false;
  for (const Token& t : v.toks) {
    if (lex.territory_forces.count(t.low)) return true;
  }
  return false;
}

bool ClaimBuilder::Impl::TakingVerbBefore(const View& v, int qf) const {
  for (int i = qf - 1; i >= 0 && i >= qf - 8; --i) {
    const std::string& low = v.toks[static_cast<std::size_t>(i)].low;
    if (low == ";") break;
    if (lex.territory_verbs.count(low)) return true;
  }
  return false;
}

}  // namespace claimex

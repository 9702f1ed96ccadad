// Entity rules:
//   entity     the noun phrase after the figure ("388,000 civilians"), after
//              "of" ("70 per cent of Syria"), money's "in/for" phrase, the
//              subject or object of a change verb, else the previous claim's
// Claim::rules names them entity.* for --explain.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>

namespace claimex {

void ClaimBuilder::Impl::Entity(const View& v, Work& w, Claim& c, const std::vector<Claim>& done,
                                std::size_t sentence_first) const {
  const Kind kind = c.quantity.kind;
  int after = w.ql + 1;
  // Skip a parenthesized conversion: "12,000 hectares (29,650 acres) of forest".
  if (Is(v, after, "(")) {
    int k = after + 1;
    while (k < static_cast<int>(v.toks.size()) && v.toks[static_cast<std::size_t>(k)].quantity >= 0) ++k;
    if (Is(v, k, ")")) after = k + 1;
  } else if (Is(v, after, ")")) {
    ++after;
  }
  Range r;
  bool them = false;
  // "Poland's population fell to 37.64 million, a drop of about 130,000",
  // "deaths rose to 5,017, a 25% increase over 2019": a figure that
  // measures a noun of change measures what the sentence's previous figure
  // does (with none before it, the rules look on).
  // A change noun with its own modifiers names the change ("a natural
  // population decline of 919,237", "a pay cut of 15%"). The mover is not
  // a figure in a place phrase ("295 million people in 53 countries ...,
  // an increase of nearly 14 million").
  auto change_mover = [&](Range x, std::string_view rule) {
    if ((rule != "entity.following_noun" && rule != "entity.left_noun" && rule != "entity.value_of") ||
        x.e - x.b != 1 || !ChangeNounHead(v, x)) {
      return false;
    }
    // "the increase of about 40% in consumer expenditures" names it after the figure.
    if (rule != "entity.following_noun" && (Is(v, after, "in") || Is(v, after, "of"))) {
      bool pronoun = false;
      Range moved = OfNP(v, after, pronoun);
      if (!moved.empty() && !Capitalized(v, moved.b)) {
        c.entity = Text(v, moved, &c.entity_span);
        c.rules.push_back("entity.change_noun");
        return true;
      }
    }
    std::size_t k = done.size();
    while (k > sentence_first) {
      --k;
      const int t = TokenEndingAt(v, done[k].quantity.span.end);
      const int first = MentionStart(v, t);
      const bool placed_in = t >= 0 && (Is(v, first - 1, "in") || Is(v, first - 1, "across") ||
                                        Is(v, first - 1, "among") || Is(v, first - 1, "from"));
      if (placed_in && k > sentence_first) continue;
      if (done[k].entity.empty()) return false;
      c.entity = done[k].entity;
      c.entity_span = done[k].entity_span;
      w.antecedent = static_cast<int>(k);
      w.entity_inherited = true;
      c.rules.push_back("entity.change_noun_mover");
      return true;
    }
    return false;
  };
  auto take = [&](Range x, std::string_view rule) {
    if (x.empty()) return false;
    if (change_mover(x, rule)) return true;
    // "a record low of 77.79", "a peak of 60,000": a level names no entity
    // (a measure's does: "recorded a low of minus 12 degrees").
    if (kind != Kind::kMeasure && lex.entity_level_heads.count(v.toks[static_cast<std::size_t>(x.e - 1)].low) &&
        Is(v, x.e, "of")) {
      return false;
    }
    c.entity = Text(v, HeadPhrase(v, x, kind, rule), &c.entity_span);
    c.rules.push_back(rule);
    return true;
  };
  // "40km (25 miles) north-west of the city of Herat", "about 12km
  // upstream of the city": a distance from a place with no mover or
  // located thing of its own ("troops pushed 5 kilometres north of the
  // town" measures the troops) names the place, as "within 10 kilometres
  // of Saraqeb" does (SPEC); "the city of Herat" is Herat.
  // "fighting about 4 km from the port's gates" names the place after "from".
  auto direction_place = [&]() -> Range {
    if (kind != Kind::kMeasure || !T(v, after)) return {};
    const bool from = Is(v, after, "from") && LengthUnit(c.quantity.unit);
    if (!from && (T(v, after)->head_role != HeadRole::kDirection || !Is(v, after + 1, "of"))) return {};
    bool pronoun = false;
    Range place = OfNP(v, from ? after : after + 1, pronoun);
    if (!place.empty() && Is(v, place.e, "of") && Capitalized(v, place.e + 1)) place = OfNP(v, place.e, pronoun);
    return place;
  };
  if (PartitiveFront(v, w, c, done, sentence_first)) return;
  // Subset of the previous figure: "20,000 of them", "including 1,100".
  if (Is(v, after, "of")) {
    Range x = OfNP(v, after, them);
    if (them) {
      w.subset = true;
      const Token* p = T(v, after + 1);
      while (p && Cls(v, static_cast<int>(p - v.toks.data())) == "det") ++p;
      int k = p ? static_cast<int>(p - v.toks.data()) + 1 : after + 2;
      Range named = FollowNP(v, k);
      // "More than half of them are children", "1,800 of them are
      // civilians": a plural noun after "are|were" names them too ("are
      // staying", "were in Colombia", "are under five" do not).
      const bool complement = named.empty() && k == after + 2 && (Is(v, k, "are") || Is(v, k, "were"));
      if (complement) named = FollowNP(v, k + 1);
      if (complement && !named.empty() && (named.b != k + 1 || IsVerbish(v, named.b))) named = {};
      // "20,000 of them children"; "86% of them residential" describes them.
      if (!named.empty() && !IsVerbish(v, named.e) && IsPlural(v.toks[static_cast<std::size_t>(named.e - 1)]) &&
          take(named, complement ? "entity.of_them_complement" : "entity.of_them_named")) {
        for (std::size_t a = done.size(); a-- > 0;) {
          if (!done[a].entity.empty()) {
            w.antecedent = static_cast<int>(a);
            break;
          }
        }
        c.rules.push_back("entity.subset");
        return;
      }
    } else if (!x.empty() && !(kind == Kind::kPercent && (Text(v, x, nullptr) == "gdp" ||
                                                          Text(v, x, nullptr) == "gross domestic product")) &&
               !OfOwnerOrWhat(v, x)) {
      if (take(x, "entity.of_phrase")) return;
    }
  }
  // "nearly half the population", "a third its size": a fraction right
  // before a determiner is a partitive without its "of" ("half an hour",
  // "an hour and a half a listener's" are none).
  if (kind == Kind::kPercent && Cls(v, after) == "det" && !Is(v, after, "a") && !Is(v, after, "an") &&
      std::find(c.quantity.rules.begin(), c.quantity.rules.end(), std::string_view("proportion.fraction")) !=
          c.quantity.rules.end()) {
    bool pronoun = false;
    Range x = OfNP(v, after - 1, pronoun);  // OfNP reads from the token after `of`
    if (take(x, "entity.fraction_det")) return;
  }
  // "towards Aden, 330 km (205 miles) away", "Mayotte, about 300 km to the
  // northwest": a placing distance in apposition locates the place before
  // the comma.
  if (Is(v, w.qf - 1, ",") && PlacingDistance(v, w, c.quantity)) {
    // "..., about 1,000 km north of Khartoum" names its own place.
    if (take(direction_place(), "entity.direction_of")) return;
    // The place is the nearest name, not the head of a phrase it ends
    // ("hospitals in Kathmandu, 80 km away" → kathmandu).
    int lim = std::max(w.qf - 2, 0);
    while (lim > 0 && T(v, lim - 1)->word && !IsPossessive(T(v, lim - 1)->low) &&
           (Cls(v, lim - 1).empty() || Capitalized(v, lim - 1))) {
      --lim;
    }
    Range x = LeftNP(v, w.qf - 1, lim);
    if (!x.empty() && Cls(v, x.b) != "pron" && !HasVerb(v, x) && take(x, "entity.place_apposition")) return;
  }
  if (Is(v, w.qf - 1, "including") || (Is(v, w.qf - 1, "them") && Is(v, w.qf - 2, "among"))) {
    w.subset = true;
  }
  // "including 13 Israelis, 10 Thai nationals and one Filipino": the list goes on.
  if (!w.subset && (Is(v, w.qf - 1, ",") || Is(v, w.qf - 1, "and")) && !done.empty() &&
      done.size() > sentence_first &&
      HasRule(done.back(), "entity.subset")) {
    w.subset = true;
    w.antecedent = static_cast<int>(done.size()) - 1;
  }
  if (!w.subset && Is(v, w.qf - 1, "(") && !done.empty() && done.size() > sentence_first &&
      !done.back().entity.empty()) {
    // The conversion measures what the figure before it measures.
    const Claim& prev = done.back();
    c.entity = prev.entity;
    c.entity_span = prev.entity_span;
    w.antecedent = static_cast<int>(done.size()) - 1;
    w.entity_inherited = true;
    c.rules.push_back("entity.conversion");
    return;
  }
  if (!w.subset) {
    // "The UN's appeal for Sudan this year, for $2.7 billion, is",
    // "The increase, of 9.7%, will": a figure set off after its noun.
    if ((Is(v, w.qf - 1, "of") || Is(v, w.qf - 1, "for")) && Is(v, w.ql + 1, ",") &&
        take(NounBeforeComma(v, w.qf - 2), "entity.set_off")) {
      return;
    }
    // "The UN's appeal for Sudan, worth $2.56bn, is", "Banana exports,
    // worth $3.2bn a year, account for": what is worth the sum.
    if (Is(v, w.qf - 1, "worth") && take(NounBeforeComma(v, w.qf - 2), "entity.set_off")) return;
    // "Labour on 22 percent and the Conservatives on 18 percent": a party's
    // (a name's) share in a poll.
    if (kind == Kind::kPercent && Is(v, w.qf - 1, "on") && Capitalized(v, w.qf - 2)) {
      Range x = LeftNP(v, w.qf - 1, ClauseStart(v, w.qf, 3));
      if (!x.empty() && Capitalized(v, x.b) && x.e == w.qf - 1 && take(x, "entity.share_on")) return;
    }
    // "a street value of more than $700 million", "revenue of $26 billion".
    if (kind == Kind::kMoney && Is(v, w.qf - 1, "of") && !Is(v, w.qf - 2, "top")) {
      // The noun right before "of" is the sum's ("caused damage of $4bn");
      // LeftNP would cross its preposition to a subject ("floods").
      if (take(NounBeforeOf(v, w.qf - 1, ClauseStart(v, w.qf, 3)), "entity.value_of")) return;
      Range x = LeftNP(v, w.qf - 1, ClauseStart(v, w.qf, 3));
      if (take(x, "entity.value_of")) return;
    }
    // "launched a flash appeal for $71.4m", "A UN appeal for $877 million":
    // the sum asked for is the appeal's (a noun after a determiner; "paid
    // for" and "appealed for" are verbs).
    if (kind == Kind::kMoney && Is(v, w.qf - 1, "for")) {
      Range x = LeftNP(v, w.qf - 1, ClauseStart(v, w.qf, 3));
      if (!x.empty() && x.e == w.qf - 1 && Cls(v, x.b - 1) == "det" && !HasVerb(v, x) &&
          take(x, "entity.sum_for")) {
        return;
      }
    }
    // "The UN appealed on Wednesday for $3.06 billion", "It has appealed
    // for $121 million": the sum is the appeal's, not the asker's ("for
    // $160 million in emergency aid" names its own).
    if (kind == Kind::kMoney && Is(v, w.qf - 1, "for") && !Is(v, after, "in") && !Is(v, after, "of")) {
      int k = w.qf - 2;
      while (k > 0 && T(v, k)->time >= 0) --k;
      if (k < w.qf - 2 && Cls(v, k) == "prep" && T(v, k + 1)->time >= 0) --k;  // "on" of "on Wednesday"
      const Token* verb = T(v, k);
      if (verb && !verb->caps) {
        if (auto it = lex.request_verbs.find(verb->low); it != lex.request_verbs.end() && !it->second.empty()) {
          c.entity = it->second;
          c.entity_span = verb->span;
          c.rules.push_back("entity.request_verb");
          return;
        }
      }
    }
    // "a 16% rise in operating profit", "an 18 per cent cut in payroll":
    // the noun of change names what moved (the article marks it a noun,
    // unlike "with one down in the eighth"; "a 6% rise in a poll" is where).
    // So do a possessive and a determiner with a modifier ("the budget's
    // 7% increase in salaries", "a planned 15% increase in tariffs").
    const Token* pre = T(v, w.qf - 1);
    const bool noun_marked = Cls(v, w.qf - 1) == "det" || (pre && IsPossessive(pre->low)) ||
                             (Cls(v, w.qf - 2) == "det" && pre && pre->word && !pre->caps &&
                              pre->quantity < 0 && pre->time < 0 && Cls(v, w.qf - 1).empty());
    if (const Token* cn = T(v, after); cn && !cn->caps && cn->change != Change::kNone && noun_marked &&
                                       (Is(v, after + 1, "in") || Is(v, after + 1, "of")) &&
                                       !Is(v, after + 2, "a") && !Is(v, after + 2, "an")) {
      bool pronoun = false;
      if (take(OfNP(v, after + 1, pronoun), "entity.change_noun")) return;
    }
    // "17,604 adults aged 45 or older", "children aged 10 to 14": the
    // ages of the noun before.
    if (kind == Kind::kDuration && Is(v, w.qf, "aged") && take(LeftNP(v, w.qf, 0), "entity.aged_noun")) return;
    // "a four-year, $2.9 billion bailout": two attributive figures before
    // one noun, the first set off by a comma.
    if (Cls(v, w.qf - 1) == "det" && Is(v, after, ",") && T(v, after + 1) && T(v, after + 1)->quantity >= 0) {
      int k = after + 1;
      while (T(v, k) && T(v, k)->quantity == T(v, after + 1)->quantity) ++k;
      if (take(FollowNP(v, k), "entity.coordinated_attributive")) return;
    }
    // Attributive or following noun ("388,000 civilians", "£1.2bn shortfall").
    r = FollowNP(v, after);
    if (kind == Kind::kMeasure && !r.empty() && Cls(v, r.b) == "adj") r = {};
    // "300 head of cattle": a counter names what its "of" phrase does.
    if (r.e - r.b == 1 && lex.entity_counter_nouns.count(v.toks[static_cast<std::size_t>(r.b)].low) &&
        Is(v, r.e, "of")) {
      bool pronoun = false;
      if (take(OfNP(v, r.e, pronoun), "entity.counter_of")) return;
    }
    // "a storm surge of up to 4.5 metres breached embankments", "inflation
    // of about 3% outpaced pay growth": after a noun's "of" and the unit,
    // a verb form opens the predicate; the noun before "of" is the entity.
    if ((kind == Kind::kMeasure || kind == Kind::kPercent) && !r.empty() && Is(v, w.qf - 1, "of") &&
        IsVerbish(v, r.b) && !NounBeforeOf(v, w.qf - 1, ClauseStart(v, w.qf, 3)).empty()) {
      r = {};
    }
    // "528 people had been killed and 4,599 wounded": a passive with its
    // auxiliary left out, no noun ("received 41 wounded" is one).
    if (!r.empty() && lex.people_participles.count(v.toks[static_cast<std::size_t>(r.b)].low) && Is(v, w.qf - 1, "and") &&
        IsVerbish(v, w.qf - 2)) {
      r = {};
    }
    // "lead narrowed to 18 points", "down three points": points of a change
    // measure what moved (scored points stay: "scoring 36 points").
    if (PointsNP(v, r) && (c.change != Change::kNone || v.toks[static_cast<std::size_t>(w.qf)].change != Change::kNone ||
                           (w.qf > 0 && v.toks[static_cast<std::size_t>(w.qf - 1)].change != Change::kNone))) {
      r = {};
    }
    if (take(r, "entity.following_noun")) return;
    // "has added roughly 7.2 millimetres to global sea levels", "shave
    // about 0.3 percentage point off growth": the thing moved onto or off.
    if ((Is(v, after, "to") || Is(v, after, "off")) && T(v, w.qf - 1) &&
        lex.entity_target_verbs.count(v.toks[static_cast<std::size_t>(w.qf - 1)].low)) {
      bool pronoun = false;
      if (take(OfNP(v, after, pronoun), "entity.target_of_verb")) return;
    }
    if (take(PredicativeSubject(v, w.qf, after), "entity.predicative")) return;
    if (kind == Kind::kMoney || kind == Kind::kDuration) {
      int k = after;
      if (Is(v, k, "'") || Is(v, k, "'s")) ++k;
      if (Is(v, k, "worth") && Is(v, k + 1, "of")) k += 1;
      // "spent $2 billion on imports": money's "on" phrase too; "released
      // $20 million from its emergency fund": the fund paid out of.
      const bool paid_from = kind == Kind::kMoney && Is(v, k, "from") && T(v, w.qf - 1) &&
                             lex.release_verbs.count(v.toks[static_cast<std::size_t>(w.qf - 1)].low);
      if (Is(v, k, "in") || Is(v, k, "for") || Is(v, k, "of") || (kind == Kind::kMoney && Is(v, k, "on")) || paid_from) {
        bool t2 = false;
        Range x = OfNP(v, k, t2);
        // "costs 9,000 gourdes in the capital": a place "in" which the sum
        // is paid says where, not what; the priced thing is elsewhere. So
        // does a named "in" phrase ("52 pesos in Manila markets", "€6.80 in
        // German supermarkets").
        const bool where = Is(v, k, "in") && !x.empty() &&
                           ((x.e == x.b + 1 && lex.population_places.count(v.toks[static_cast<std::size_t>(x.b)].low) > 0) ||
                            Capitalized(v, x.b));
        if (!where && take(x, "entity.money_phrase")) return;
      }
    }
    // "inflation, which stood at 0.4%", "The Amazon, which spans 6.7 million
    // square kilometers", "The campaign, which runs for 10 days": a level,
    // size or length a relative clause states is its antecedent's (a
    // count's relative has the agent: "the group, which has killed 300").
    if (kind != Kind::kCount) {
      int vb = w.qf - 1;
      if (Is(v, vb, "at") || Is(v, vb, "to") || Is(v, vb, "for") || Is(v, vb, "by") || Is(v, vb, "from")) --vb;
      // A reduced relative: "The new chamber, elected for four years,
      // must", "the child benefit, raised from 500 zlotys a month" (with
      // its preposition: "The levy, set at 2%, raised $40 million" has a
      // main verb after the comma).
      if (vb < w.qf - 1 && Is(v, vb - 1, ",") && IsReducedRelative(v, vb) &&
          take(NounBeforeComma(v, vb - 1), "entity.relative_level")) {
        return;
      }
      // (RelativeAntecedent wants "which"/"who" before it: "spans", "covers" are verbs there.)
      const Token* vt = T(v, vb);
      if (vt && vt->word && !vt->number && vt->quantity < 0 && !Capitalized(v, vb) &&
          (Cls(v, vb).empty() || Cls(v, vb) == "aux") && take(RelativeAntecedent(v, vb), "entity.relative_level")) {
        return;
      }
    }
    // A sum a change moved by ("rise by about $35 a year on a home") is the
    // mover's, not a purpose's.
    if (kind == Kind::kMoney && !Is(v, w.qf - 1, "by") && take(MoneyPurpose(v, after), "entity.money_purpose")) return;
    // "it could take 10 to 20 years to clear contaminated land": the time
    // a task takes is the task's object's (claims_duration_verbs.txt).
    if (kind == Kind::kDuration && T(v, w.qf - 1) && lex.duration_verbs.count(v.toks[static_cast<std::size_t>(w.qf - 1)].low) &&
        take(MoneyPurpose(v, after), "entity.duration_purpose")) {
      return;
    }
    // "held its policy rate at 50%", "estimates the damage at $10 billion",
    // "put the turnout at 1.28 million": a rate, price, sum or count stated
    // at a level is the noun before "at".
    // The noun must follow a determiner: "steady at", "close at",
    // "is forecast at" are no such nouns.
    // Or a verb, whose plural object it is ("estimated losses from the fire
    // at"; "held steady at" has none).
    if (Is(v, w.qf - 1, "at") && Nounish(v, w.qf - 2, false)) {
      Range x = LeftNP(v, w.qf - 1, ClauseStart(v, w.qf, 3));
      const Token* before = T(v, x.b - 1);
      const bool object = !x.empty() && before && before->word && !before->caps && Cls(v, x.b - 1) != "aux" &&
                          IsVerbish(v, x.b - 1) &&
                          IsPlural(v.toks[static_cast<std::size_t>(x.e - 1)]);
      if (!x.empty() && (Cls(v, x.b - 1) == "det" || (before && IsPossessive(before->low)) || object) &&
          take(x, "entity.stated_at")) {
        return;
      }
    }
    // "wheat worth $700,000", "winds of 150 mph", "his wife, aged 58", "for a decade".
    int left = w.qf - 1;
    bool on_top = Is(v, left, "of") && Is(v, left - 1, "top");
    // "raised prices by an average of 7%", "rents rose by an average of
    // 10.9 per cent", "raising it by a total of 6.65 percentage points":
    // the one noun of a change's "by a(n) ... of" phrase sums the change;
    // the changed thing is the verb's (below).
    const bool by_aggregate = Is(v, left, "of") && (Is(v, left - 2, "a") || Is(v, left - 2, "an")) &&
                              Is(v, left - 3, "by") && Nounish(v, left - 1, false);
    if (by_aggregate) {
      // The object right before "by" when a verb governs it ("raised prices by").
      Range obj = LeftNP(v, left - 3, ClauseStart(v, left, 3));
      if (!obj.empty() && IsVerbish(v, obj.b - 1) && Cls(v, obj.b) != "pron" && take(obj, "entity.change_object")) {
        return;
      }
    }
    if (!on_top && !by_aggregate && (Is(v, left, "worth") || Is(v, left, "of") || Is(v, left, ",") || Is(v, left, "for"))) {
      // "The enclave, about 4,400 square kilometers, ...": a measure in
      // apposition to the sentence's opening noun phrase.
      bool apposition = false;
      if (Is(v, left, ",") && kind == Kind::kMeasure) {
        Range x = LeftNP(v, left, 0);
        apposition = !x.empty() && (x.b == 0 || (x.b == 1 && Cls(v, 0) == "det"));
      }
      if (Is(v, left, "of") || Is(v, left, "worth") || (Is(v, left, ",") && kind == Kind::kDuration) || apposition ||
          (Is(v, left, "for") && kind == Kind::kDuration)) {
        // "reeling from inflation of 24.9%", "at a shallow depth of 10 km":
        // the noun before "of" itself, not a head across its preposition.
        if (Is(v, left, "of") && take(NounBeforeOf(v, left, ClauseStart(v, left, 3)), "entity.left_noun")) return;
        Range x = LeftNP(v, left, ClauseStart(v, left, 3));
        // "Services were suspended for 36 hours", "will run for 31 days": a
        // passive or a modal's verb before "for" names no noun; the subject
        // before its auxiliary does ("had walked for three days", "been
        // walking" name the act, which the entity may be).
        if (kind == Kind::kDuration && Is(v, left, "for") && !x.empty() && Cls(v, x.b - 1) == "aux" &&
            !Is(v, x.b - 1, "had") && !Is(v, x.b - 1, "has") && !Is(v, x.b - 1, "have") &&
            !EndsWith(v.toks[static_cast<std::size_t>(x.b)].low, "ing")) {
          int a = x.b - 1;
          while (Cls(v, a - 1) == "aux" || Cls(v, a - 1) == "adv") --a;
          x = LeftNP(v, a, ClauseStart(v, left, 3));
          if (!x.empty() && Cls(v, x.b) == "pron") x = {};
        }
        if (take(x, "entity.left_noun")) return;
      }
    }
  }
  // Subset without its own noun: the antecedent's entity.
  // A figure glued to its noun by a hyphen ("the 400-member assembly",
  // "a five-storey building") modifies that noun; a later bare figure
  // ("..., 71 fewer than before") refers back to a counted figure instead.
  auto attributive = [&](const Claim& d) { return Attributive(v.text, d); };
  bool any_plain = false;
  for (std::size_t k = done.size(); k-- > 0;) {
    if (k < sentence_first && done.size() - k > 4) break;
    if (!done[k].entity.empty() && !attributive(done[k])) any_plain = true;
  }
  // A count does not count what a share was of ("Some 7.8 million people,
  // nearly half the population, ..., and 213,000 are at risk"), when a
  // count of the same sentence is there to refer to (among its last few:
  // a list-like sentence may hold thousands).
  bool any_count = false;
  for (std::size_t k = std::max(sentence_first, done.size() - std::min<std::size_t>(done.size(), 8));
       k < done.size(); ++k) {
    if (!done[k].entity.empty() && done[k].quantity.kind == Kind::kCount) any_count = true;
  }
  const bool skip_shares = kind == Kind::kCount && any_count;
  auto placed = [](const Claim& d) {
    return std::find_if(d.rules.begin(), d.rules.end(), [](std::string_view r) {
             return r == "entity.place_apposition" || r == "entity.direction_of";
           }) != d.rules.end();
  };
  // "21,400 runners from 112 countries ..., and 97% of them": a figure in
  // a phrase that modifies the previous claim's noun is not what later
  // figures refer back to.
  auto modifies_previous = [&](std::size_t k) {
    if (k == 0 || done[k - 1].entity.empty() || w.entity_inherited) return false;
    const std::size_t a = done[k - 1].entity_span.end, b = done[k].quantity.span.start;
    if (b <= a || b - a > 8) return false;
    const std::string_view gap = v.text.substr(a, b - a);
    return gap == " from " || gap == " in " || gap == " across ";
  };
  // What the figure's own sentence names, before an earlier figure's entity.
  auto shared_subject = [&]() {
    std::string_view rule;
    Range x = SharedSubject(v, w.qf, after, kind, &rule);
    return !x.empty() && take(x, rule);
  };
  auto inherit = [&](std::string_view rule) {
    for (std::size_t k = done.size(); k-- > 0;) {
      if (k < sentence_first && done.size() - k > 4) break;
      if (RateDenominator(v.text, done[k])) continue;
      if (any_plain && attributive(done[k])) continue;
      if (skip_shares && done[k].quantity.kind == Kind::kPercent) continue;
      // A place a distance locates is counted by nothing after it
      // ("hospitals in Kathmandu, 80 km away, and at least six are").
      if (kind != Kind::kMeasure && placed(done[k])) continue;
      if (modifies_previous(k)) continue;
      if (!done[k].entity.empty()) {
        bool was_subset = HasRule(done[k], "entity.subset");
        if (was_subset && k > 0) continue;
        c.entity = done[k].entity;
        c.entity_span = done[k].entity_span;
        w.antecedent = static_cast<int>(k);
        w.entity_inherited = true;
        c.rules.push_back(rule);
        return true;
      }
    }
    return false;
  };
  // The previous claim's entity, or its subject for a unit it was counted in.
  // A figure with no earlier entity in its sentence does not reach back
  // past the sentence's start when its clause names a subject: on unseen
  // articles that earlier entity was right for fewer than one figure in ten.
  auto previous = [&]() {
    if (done.size() == sentence_first || done.back().entity.empty()) {
      if (take(OwnClauseSubject(v, w.qf), "entity.own_subject")) return true;
    }
    // An earlier sentence's entity was right for one figure in seven on
    // unseen articles (news-dev27..42); the figure's own sentence names
    // what it measures before it far more often.
    if (done.size() == sentence_first && take(NearestNounBefore(v, w.qf), "entity.nearest_before")) return true;
    // A length of time is the length of what its clause goes on to name
    // (an earlier figure's noun was right for fewer than a third of them).
    if (kind == Kind::kDuration && take(DurationNounAfter(v, w.ql), "entity.duration_noun_after")) return true;
    if (!inherit("entity.previous")) return false;
    if (w.antecedent >= static_cast<int>(sentence_first)) {
      UnitAntecedentSubject(v, done[static_cast<std::size_t>(w.antecedent)], c);
    }
    return true;
  };
  if (w.subset) {
    c.rules.push_back("entity.subset");
    Range own = FollowNP(v, after);
    if (!own.empty()) {
      if (w.antecedent < 0) {
        for (std::size_t a = done.size(); a-- > 0;) {
          if (!done[a].entity.empty()) {
            w.antecedent = static_cast<int>(a);
            break;
          }
        }
      }
      take(own, "entity.subset_named");
      return;
    }
    if (inherit("entity.antecedent")) {
      // The subset keeps its antecedent; the reported entity is the antecedent's.
    }
    return;
  }
  // "doubled its tally to 99 seats from 52", "cut its deficit to 5.9% of
  // GDP from an estimated 6.4%": a baseline after "from" measures what the
  // new level before it measures.
  if (Is(v, w.qf - 1, "from") && done.size() > sentence_first && !done.back().entity.empty() &&
      done.back().quantity.kind == kind) {
    int q = w.qf - 2;
    while (q >= 0 && v.toks[static_cast<std::size_t>(q)].quantity < 0) --q;
    q = MentionStart(v, q);
    if (q > 0 && Is(v, q - 1, "to")) {
      c.entity = done.back().entity;
      c.entity_span = done.back().entity_span;
      w.antecedent = static_cast<int>(done.size()) - 1;
      w.entity_inherited = true;
      c.rules.push_back("entity.baseline");
      return;
    }
  }
  // "The death toll passed 15,000": the verb opens the mention.
  if (IsVerbish(v, w.qf) || (v.toks[static_cast<std::size_t>(w.qf)].pred &&
                             Cls(v, w.qf).empty())) {
    const int cb = ClauseStart(v, w.qf, 3);
    // "The death toll from Monday's quake in Turkey and Syria passed
    // 15,000": a noun naming the figure opens the subject.
    for (int k = cb; k < w.qf && k < cb + 4; ++k) {
      const Token& t = v.toks[static_cast<std::size_t>(k)];
      if (t.pred && t.pred->cls == "noun" && Cls(v, k).empty()) {
        Range subj = LeftNP(v, k + 1, cb);
        if (!subj.empty() && take(subj, "entity.mark_subject_noun")) return;
      }
    }
    Range subj = LeftNP(v, w.qf, cb);
    if (!subj.empty() && Cls(v, subj.b) != "pron" && take(subj, "entity.mark_subject")) return;
  }
  // "adding that 571 more had registered", "said almost 2 million more
  // were displaced": "more" with no noun after is more of what the figure
  // before counted, not the speaker ("for three more years" is a time).
  if (kind == Kind::kCount && Is(v, after, "more") && FollowNP(v, after).empty() &&
      !(T(v, after + 1) && T(v, after + 1)->head_role == HeadRole::kPeriod) && inherit("entity.more")) {
    return;
  }
  // Subject or object of a change verb: "Payrolls rose by 531,000",
  // "raised its key rate by 0.25 percentage point".
  int clause = ClauseStart(v, w.qf, 3);
  if (w.form == ChangeForm::kDifference && w.change_verb < 0 &&
      (Is(v, w.qf - 1, "up") || Is(v, w.qf - 1, "down"))) {
    Range subj = LeftNP(v, w.qf - 1, clause);
    if (!subj.empty() && Cls(v, subj.b) != "pron" && take(subj, "entity.up_down_subject")) return;
  }
  if (w.change_verb >= 0) {
    int k = w.change_verb + 1;
    while (Cls(v, k) == "det") ++k;
    // "fell slightly to 15.98 percent": an -ly adverb, not an object.
    if (k == w.change_verb + 1 && IsLyAdverb(v, k)) ++k;
    Range obj = FollowNP(v, k);
    if (!obj.empty() && obj.e <= w.qf && take(obj, "entity.change_object")) return;
    if (take(ChangeObjectBefore(v, k, w.qf), "entity.change_object")) return;
    if (take(SubjectBeforeRelative(v, w.change_verb), "entity.change_subject_relative")) return;
    // "The death toll from a quake that struck ... on Friday rose to 1,644",
    // "The death toll from an air strike on a prison in northern Yemen rose
    // to 87": a long subject; a noun naming the figure opens the clause, and
    // a noun of its modifiers is not the subject's head.
    Range named;
    for (int j = clause; j < w.change_verb && j < clause + 4 && named.empty(); ++j) {
      const Token& t = v.toks[static_cast<std::size_t>(j)];
      if (t.pred && t.pred->cls == "noun" && Cls(v, j).empty()) named = LeftNP(v, j + 1, clause);
    }
    Range subj = LeftNP(v, w.change_verb, clause);
    if (!named.empty() && !subj.empty() && subj.b > named.b && take(named, "entity.change_subject_noun")) return;
    if (!subj.empty() && Cls(v, subj.b) != "pron" && take(subj, "entity.change_subject")) return;
    if (take(SubjectBeforeApposition(v, w.change_verb), "entity.change_subject_apposition")) return;
    if (take(named, "entity.change_subject_noun")) return;
    if (take(ClauseSubject(v, w.qf), "entity.clause_subject")) return;
    if (take(direction_place(), "entity.direction_of")) return;
    if (shared_subject() || previous()) return;
    return;
  }
  // The figure opens its clause ("hundreds were arrested", "warned that
  // millions more ..."): the previous claim's.
  for (int k = w.qf - 1; k > clause; --k) {
    if (Is(v, k, "that") && IsVerbish(v, k - 1)) {
      clause = k + 1;
      break;
    }
  }
  // A figure standing as the subject with no noun of its own ("a quarter
  // have closed", "one in five say"): the previous claim's entity, unless
  // the copula names one ("14 were teenagers").
  if (take(PredicateNoun(v, w.ql + 1), "entity.predicate_noun")) return;
  {
    const Token* nx = T(v, w.ql + 1);
    if (nx && nx->word && (Cls(v, w.ql + 1) == "aux" || IsInflectedVerb(v, w.ql + 1) ||
                           nx->pred) &&
        inherit("entity.subject_position")) {
      return;
    }
  }
  bool opens = true;
  for (int k = clause; k < w.qf; ++k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    std::string_view cl = Cls(v, k);
    if (t.word && t.time < 0 && cl != "conj" && cl != "det" && cl != "adv" && cl != "prep" &&
        t.low != "including" && t.low != "top") {
      opens = false;
      break;
    }
  }
  if (opens && take(direction_place(), "entity.direction_of")) return;
  // "Mortgage approvals rebounded in August, with 4,305 worth €1.1
  // billion": a bare figure after ", with" counts the main clause's subject.
  if (opens && Is(v, w.qf - 1, "with") && Is(v, w.qf - 2, ",")) {
    int vb = w.qf - 3;
    while (vb > 0 && !IsVerbish(v, vb) && !Is(v, vb, ",")) --vb;
    if (vb > 0 && IsVerbish(v, vb)) {
      Range subj = LeftNP(v, vb, 0);
      if (!subj.empty() && Cls(v, subj.b) != "pron" && take(subj, "entity.with_subject")) return;
    }
  }
  if (opens && (shared_subject() || previous())) return;
  // "pushed temperatures above 46C": the noun the bound follows.
  if (take(NounBeforeBound(v, w, clause), "entity.noun_before_bound")) return;
  // "a plant 40km from the port", "was ambushed on Saturday some 40km
  // south of the town": a distance no verb stands right before names the
  // place it is from ("troops pushed 5 kilometres north of the town",
  // "winds extending 140 miles from the centre" measure the mover).
  // (A distance opening the text has no word before it at all.)
  const Token* before = T(v, w.qf - 1);
  if (kind == Kind::kMeasure && before && !IsVerbish(v, w.qf - 1) && !before->pred &&
      !EndsWith(before->low, "ing") && take(direction_place(), "entity.direction_of")) {
    return;
  }
  // Subject of the verb before the figure ("The wildfire has burned ...").
  const int segment = v.toks[static_cast<std::size_t>(w.qf)].level[2];
  for (int k = w.qf - 1; k >= clause && v.toks[static_cast<std::size_t>(k)].level[2] == segment; --k) {
    if (Cls(v, k - 1) == "det") continue;  // "a record 8 billion tonnes"
    if (GerundNoun(v, k)) continue;         // "raise capital spending by 33%"
    // "the number of internally displaced people": a participle after an
    // -ly adverb modifies the noun after it.
    // ("checkpoints frequently delayed convoys": a subject before the adverb.)
    if (T(v, k - 1) && EndsWith(T(v, k - 1)->low, "ly") && EndsWith(v.toks[static_cast<std::size_t>(k)].low, "ed") &&
        Nounish(v, k + 1, false) && !(T(v, k - 2) && IsPlural(v.toks[static_cast<std::size_t>(k - 2)]))) {
      continue;
    }
    const std::string& kl = v.toks[static_cast<std::size_t>(k)].low;
    if (IsVerbish(v, k) || v.toks[static_cast<std::size_t>(k)].pred ||
        (EndsWith(kl, "ing") && kl.size() > 5 && v.toks[static_cast<std::size_t>(k)].quantity < 0)) {
      // "bringing the number of displaced people to 1.2 million", "took
      // the peak fare to 830 pesos": the object the verb takes to the level.
      if (Is(v, w.qf - 1, "to") && Cls(v, k + 1) == "det") {
        int j = k + 1;
        while (Cls(v, j) == "det") ++j;
        Range obj = ChangeObjectBefore(v, j, w.qf);
        if (take(obj, "entity.object_to_level")) return;
      }
      // "delayed convoys by up to 48 hours", "cuts public spending by 12
      // billion lei": the object the verb moved by the figure.
      if (take(ObjectBeforeBy(v, k, w.qf), "entity.object_by")) return;
      int vb = k;
      while (vb - 1 >= clause && (Cls(v, vb - 1) == "aux" || Cls(v, vb - 1) == "adv" ||
                                  Is(v, vb - 1, "to") || IsInflectedVerb(v, vb - 1)) &&
             !PluralSubjectBeforeVerb(v, vb - 1)) {
        --vb;
      }
      Range subj = LeftNP(v, vb, clause);
      // "A sack of flour that cost 15,000 pounds before the war now sells
      // for 40,000": the noun the relative clause describes.
      if (!subj.empty() && take(RelativeHost(v, subj, clause), "entity.relative_host")) return;
      if (!subj.empty() && take(subj, "entity.subject")) return;
      if (take(SubjectBeforeApposition(v, vb), "entity.subject_apposition")) return;
      // "A 100-kilogram sack of millet that cost 17,500 CFA francs", "a
      // journey that took them 11 hours": a price or a time the verb right
      // before states (elsewhere the relative's subject is rarely counted).
      bool adjacent = kind == Kind::kMoney || kind == Kind::kDuration;
      // (The loop may stop at the relative pronoun itself: "that cost".)
      const int from = (Is(v, k, "that") || Is(v, k, "which")) ? k + 2 : k + 1;
      for (int j = from; j < w.qf; ++j) adjacent = adjacent && Cls(v, j) == "pron";
      if (adjacent && take(SubjectBeforeRelative(v, vb), "entity.subject_relative")) return;
      // Only a verb whose object is the figure ("which sought $920m";
      // "which took the peak fare to 830 pesos" has its own).
      // A count's relative clause has the agent ("the group, which has
      // killed thousands"), money's the thing paid or sought.
      if (k == w.qf - 1 && kind == Kind::kMoney && take(RelativeAntecedent(v, vb), "entity.relative_antecedent")) {
        return;
      }
      break;
    }
  }
  // The clause names what the figure measures before the previous claim
  // does ("The UN's appeal for the country this year is only 34% funded").
  if (take(ClauseSubject(v, w.qf), "entity.clause_subject")) return;
  if (take(direction_place(), "entity.direction_of")) return;
  if (shared_subject() || previous()) return;
  // Nothing before to refer to: the noun right before the figure ("with the
  // average surface air temperature 1.48C above pre-industrial levels").
  // Only a measure or share: before a sum or count the word is often a verb
  // ("that cost 900 pounds").
  if (kind != Kind::kMeasure && kind != Kind::kPercent) return;
  Range x = LeftNP(v, w.qf, ClauseStart(v, w.qf, 3));
  if (!x.empty() && Cls(v, x.b) != "pron" && !HasVerb(v, x)) take(x, "entity.noun_before");
}

bool ClaimBuilder::Impl::PartitiveFront(const View& v, Work& w, Claim& c, const std::vector<Claim>& done,
                                        std::size_t sentence_first) const {
  // A segment starts on its comma (AssignLevels).
  const int comma = ClauseStart(v, w.qf, 2);
  // A figure naming its own noun keeps it: "of whom 386,000 children",
  // "of which $30m in gold coin", "Of those killed, 14 were teenagers".
  if (!Is(v, comma, ",") || !FollowNP(v, w.ql + 1).empty() || Is(v, w.ql + 1, "of") || Is(v, w.ql + 1, "in") ||
      !PredicateNoun(v, w.ql + 1).empty()) {
    return false;
  }
  // "..., of whom 386,000 are", "..., of which the government has covered
  // less than a fifth": a part of the figure before (the first figure after
  // the relative only).
  if (Is(v, comma + 1, "of") && (Is(v, comma + 2, "whom") || Is(v, comma + 2, "which"))) {
    for (int k = comma + 3; k < w.qf; ++k) {
      if (v.toks[static_cast<std::size_t>(k)].quantity >= 0) return false;
    }
    // "of which the amount exported was $15m": the copula's subject names it.
    // So does a noun before "of" ("of which the sum of $17.8m was").
    if (w.qf > comma + 3 && (Cls(v, w.qf - 1) == "aux" || Is(v, w.qf - 1, "of"))) return false;
    const bool people = Is(v, comma + 2, "whom");
    for (std::size_t a = done.size(); a-- > sentence_first;) {
      if (done[a].entity.empty()) continue;
      // "whom" stands for people: a count of a plural noun ("1.5 million
      // children under five face acute malnutrition, of whom").
      const int head = TokenEndingAt(v, done[a].entity_span.end);
      if (people && (done[a].quantity.kind != Kind::kCount || head < 0 ||
                     !IsPlural(v.toks[static_cast<std::size_t>(head)]))) {
        continue;
      }
      c.entity = done[a].entity;
      c.entity_span = done[a].entity_span;
      w.antecedent = static_cast<int>(a);
      w.entity_inherited = true;
      w.subset = true;
      c.rules.push_back("entity.partitive_relative");
      return true;
    }
    return false;
  }
  // "Of those waiting, 389,000 had been waiting", "Of the 120 passengers,
  // 30 were children": a fronted "of" phrase the figure opens on is its whole.
  if (comma + 1 != w.qf || comma < 2) return false;
  int open = ClauseStart(v, comma - 1, 2);
  if (open != ClauseStart(v, comma - 1, 3)) return false;
  if (Is(v, open, ",") || Is(v, open, ";")) ++open;
  // "Of this amount, 2.3 billion": a demonstrative refers back (the
  // antecedent rules read it).
  if (!Is(v, open, "of") || Is(v, open + 1, "this") || Is(v, open + 1, "these") || Is(v, open + 1, "that")) return false;
  bool them = false;
  Range x = OfNP(v, open, them);
  if (them || x.empty() || x.e != comma) return false;
  c.entity = Text(v, x, &c.entity_span);
  w.subset = true;
  c.rules.push_back("entity.partitive_front");
  return true;
}

}  // namespace claimex

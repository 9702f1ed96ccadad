// The category vote: the last word on every figure's category. Cue
// lexicons name what they name, and the rules built on them were written
// from the tuning sets; on articles they were not written from, even the
// firm ones (the verb's cue, the entity's cue, the antecedent's category)
// are right only four times in five, and the fallbacks on the sentence's
// words or the story's topic two times in three (docs/claim-semantics.md).
// Many small hints together ("trucks", "convoy", "aid" in the sentence; the
// rule that fired; the story's other figures) say more than any one cue:
// each feature carries a learned weight per category, and the category
// with the highest sum wins. Weights are data (claims_category_weights.txt),
// trained by logistic regression on the annotated sets. Under --explain the
// features are kept in the claim, so a reader sees what the vote saw and
// the trainer (scripts/train-category-weights) learns from exactly what the
// builder computes.
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace claimex {

namespace {

constexpr std::string_view kWeakRules[] = {"category.context", "category.speaker_context", "category.default"};

bool IsWeakRule(std::string_view rule) {
  return std::find(std::begin(kWeakRules), std::end(kWeakRules), rule) != std::end(kWeakRules);
}

// The first category.* rule that fired for `c`, "" without one.
std::string_view FirstCategoryRule(const Claim& c) {
  for (std::string_view r : c.rules) {
    if (r.substr(0, 9) == "category.") return r;
  }
  return {};
}

// Whether a firm cue decided `c` (no weak rule anywhere in its chain: a
// figure that borrowed an undecided category carries category.default).
bool FirmlyDecided(const Claim& c) {
  return std::none_of(c.rules.begin(), c.rules.end(), IsWeakRule);
}

// Whether a token is a content word worth a feature: letters only, three or
// more of them, no function word, not part of the figure.
bool ContentWord(const Token& t) {
  if (!t.word || t.number || t.quantity >= 0 || !t.cls.empty() || t.low.size() < 3) return false;
  return std::all_of(t.low.begin(), t.low.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

// Adds features to a figure's tally: one weight lookup per feature, with
// one key buffer reused (no string per feature unless they are recorded).
class Tally {
 public:
  Tally(const claims_internal::ClaimLexicons& lex, std::array<float, 9>& sum, std::vector<std::string>* names)
      : weights_(lex.category_weights), sum_(sum), names_(names) {}

  void Add(std::string_view prefix, std::string_view value = {}) {
    key_.assign(prefix);
    key_.append(value);
    if (auto it = weights_.find(key_); it != weights_.end()) {
      for (std::size_t k = 0; k < 9; ++k) sum_[k] += it->second[k];
    }
    if (names_) names_->push_back(key_);
  }

 private:
  const claims_internal::WordMap<std::array<float, 9>>& weights_;
  std::array<float, 9>& sum_;
  std::vector<std::string>* names_;
  std::string key_;
};

}  // namespace

void ClaimBuilder::Impl::VoteFeatures(const View& v, const Work& w, Claim& c, std::size_t index,
                                      std::vector<VoteTally>& tallies) const {
  const std::string_view rule = FirstCategoryRule(c);
  if (rule.empty()) return;
  VoteTally& tally = tallies.emplace_back();
  tally.claim = index;
  Tally f(lex, tally.sum, record_vote_features ? &c.category_features : nullptr);
  f.Add("rule=", rule);
  f.Add("kind=", ToString(c.quantity.kind));
  if (!c.predicate.empty()) f.Add("pred=", c.predicate);
  std::string_view entity = c.entity;
  while (!entity.empty()) {
    const std::size_t sp = entity.find(' ');
    const std::string_view word = entity.substr(0, sp);
    if (word.size() >= 3) f.Add("ent=", word);
    if (sp == std::string_view::npos) break;
    entity.remove_prefix(sp + 1);
  }
  if (!c.entity.empty()) f.Add("head=", LastWord(c.entity));
  // The sentence's content words, and those within six tokens of the
  // figure; a word twice is one feature.
  constexpr int kNear = 6;
  std::vector<std::string_view> words, near;
  for (std::size_t t = 0; t < v.toks.size(); ++t) {
    const Token& tok = v.toks[t];
    if (!ContentWord(tok)) continue;
    words.push_back(tok.low);
    const int i = static_cast<int>(t);
    if (i >= w.qf - kNear && i <= w.ql + kNear) near.push_back(tok.low);
  }
  for (auto* list : {&near, &words}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  for (std::string_view word : near) f.Add("near=", word);
  // The same near word says different things of different kinds: "aid"
  // beside money is humanitarian money, beside a count it is who gets it.
  const std::string kind_near = "kn=" + std::string(ToString(c.quantity.kind)) + ":";
  for (std::string_view word : near) f.Add(kind_near, word);
  for (std::string_view word : words) f.Add("w=", word);
  // The nearest content word on each side, in its place: "killed 300" and
  // "300 dead" say more than the same words anywhere near.
  const int last = static_cast<int>(v.toks.size()) - 1;
  for (int t = w.qf - 1; t >= std::max(0, w.qf - kNear); --t) {
    if (ContentWord(v.toks[t])) {
      f.Add("l1=", v.toks[t].low);
      break;
    }
  }
  for (int t = w.ql + 1; t <= std::min(last, w.ql + kNear); ++t) {
    if (ContentWord(v.toks[t])) {
      f.Add("r1=", v.toks[t].low);
      break;
    }
  }
}

void ClaimBuilder::Impl::CategoryVote(std::vector<Claim>& out, std::vector<VoteTally>& tallies) const {
  if (tallies.empty()) return;
  // The document's topic: the category most of its firmly decided figures
  // have (the earlier category on a tie).
  int decided[9] = {0};
  for (const Claim& c : out) {
    if (FirmlyDecided(c)) ++decided[static_cast<int>(c.category)];
  }
  int topic = -1;
  for (int cat = 0, n = 0; cat < 9; ++cat) {
    if (decided[cat] > n) {
      n = decided[cat];
      topic = cat;
    }
  }
  for (VoteTally& tally : tallies) {
    Claim& c = out[tally.claim];
    Tally f(lex, tally.sum, record_vote_features ? &c.category_features : nullptr);
    // The rules' answer is a feature only where they fell back on context.
    // A firm rule's answer is right nearly always on the sets it was written
    // from, so a weight learned there would trust it far more than unseen
    // text warrants; the vote reads the same words the rule read instead.
    // (Under --explain it is still named, as "rules=", with no weight.)
    if (FirmlyDecided(c)) {
      if (record_vote_features) c.category_features.push_back("rules=" + std::string(ToString(c.category)));
    } else {
      f.Add("cat=", ToString(c.category));
    }
    if (topic >= 0) f.Add("doc=", ToString(static_cast<Category>(topic)));
    f.Add("bias");
  }
  // The rules' own answer keeps a tie.
  auto winner = [&](const VoteTally& tally) {
    std::size_t best = static_cast<std::size_t>(out[tally.claim].category);
    for (std::size_t k = 0; k < 9; ++k) {
      if (tally.sum[k] > tally.sum[best]) best = k;
    }
    return best;
  };
  // A second look with the story's other figures' first votes: in a story
  // whose figures vote mostly casualties, an unclear "people" is likelier
  // casualties too. The trainer learns these weights from first votes of
  // models that did not see the story (scripts/train-category-weights), as
  // they are on an unseen article.
  std::vector<std::size_t> first(tallies.size());
  std::array<int, 9> votes{};
  constexpr std::size_t kKinds = static_cast<std::size_t>(Kind::kDuration) + 1;
  std::array<std::array<int, 9>, kKinds> votes_of_kind{};
  for (std::size_t t = 0; t < tallies.size(); ++t) {
    first[t] = winner(tallies[t]);
    ++votes[first[t]];
    ++votes_of_kind[static_cast<std::size_t>(out[tallies[t].claim].quantity.kind)][first[t]];
  }
  // A story of one or two other figures says little about its topic
  // ("Some three million people live in the province, and twenty-five
  // clinics serve them" is no health story).
  constexpr int kStoryFigures = 3;
  const int others = static_cast<int>(tallies.size()) - 1;
  // The category most votes in `n` went to (the first one on a tie).
  auto most_voted = [](const std::array<int, 9>& n) {
    return static_cast<Category>(std::max_element(n.begin(), n.end()) - n.begin());
  };
  for (std::size_t t = 0; t < tallies.size(); ++t) {
    VoteTally& tally = tallies[t];
    Claim& c = out[tally.claim];
    if (others >= kStoryFigures) {
      Tally f(lex, tally.sum, record_vote_features ? &c.category_features : nullptr);
      std::array<int, 9> story = votes;
      --story[first[t]];
      f.Add("doctop=", ToString(most_voted(story)));
      // Every category with at least a quarter of the other figures (never
      // an empty one: there are three or more).
      for (std::size_t k = 0; k < 9; ++k) {
        if (4 * story[k] >= others) f.Add("docshare=", ToString(static_cast<Category>(k)));
      }
    }
    // The story's other figures of the same kind: in a flood story whose
    // other sums vote humanitarian, a sum of money is likelier relief than
    // trade. Two or more of them, whatever the story's size.
    std::array<int, 9> same = votes_of_kind[static_cast<std::size_t>(c.quantity.kind)];
    --same[first[t]];
    if (std::accumulate(same.begin(), same.end(), 0) >= 2) {
      Tally f(lex, tally.sum, record_vote_features ? &c.category_features : nullptr);
      f.Add("dockt=" + std::string(ToString(c.quantity.kind)) + ":", ToString(most_voted(same)));
    }
    if (lex.category_weights.empty()) continue;
    c.category = static_cast<Category>(winner(tally));
    c.rules.push_back("category.vote");
  }
}

}  // namespace claimex

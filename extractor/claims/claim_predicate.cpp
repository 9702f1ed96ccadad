// Predicate rules:
//   predicate  the nearest lexicon verb governing the figure
// (Claim::predicate, Claim::predicate_span).
#include "extractor/claims/claim_builder_impl.h"

#include <algorithm>

namespace claimex {

void ClaimBuilder::Impl::PredicateOf(const View& v, Work& w, Claim& c) const {
  const int piece = v.toks[static_cast<std::size_t>(w.qf)].level[1];
  auto set = [&](int k, const Predicate& p) {
    w.predicate = &p;
    c.predicate = p.lemma;
    c.predicate_span = v.toks[static_cast<std::size_t>(k)].span;
  };
  // A noun naming the figure wins ("death toll" → toll).
  for (std::string_view e : {std::string_view(c.entity)}) {
    std::size_t pos = e.rfind(' ');
    std::string head(pos == std::string_view::npos ? e : e.substr(pos + 1));
    if (const Predicate* p = lex.FindPredicate(head); p && p->cls == "noun") {
      w.predicate = p;
      c.predicate = p->lemma;
      std::size_t off = c.entity.rfind(head);
      c.predicate_span = Span{c.entity_span.end - (c.entity.size() - off), c.entity_span.end};
      return;
    }
  }
  // Left: the verb whose object the figure is ("displaced more than 388,000").
  for (int k = w.qf - 1, steps = 0; k >= 0 && steps < 4; --k, ++steps) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (t.level[1] != piece || t.quantity >= 0) break;
    if (t.speech) break;  // "the agency said 1,166 migrants died"
    if (Cls(v, k - 1) == "det" && t.low == "record") {  // "hit a record $307 trillion"
      --k;
      continue;
    }
    if (const Predicate* p = t.pred; p && Cls(v, k).empty()) {
      set(k, *p);
      // "had left 6.7 million people displaced": a participle right after
      // the counted noun names the act better than a neutral verb.
      if (!p->category && c.entity_span.start >= c.quantity.span.end) {
        int r = w.ql + 1;
        while (r < static_cast<int>(v.toks.size()) &&
               v.toks[static_cast<std::size_t>(r)].span.start < c.entity_span.end) {
          ++r;
        }
        const Token* pt = T(v, r);
        if (r > w.ql + 1 && pt && pt->pred && pt->pred->category && pt->pred->cls != "noun" &&
            Cls(v, r).empty() && EndsWith(pt->low, "ed")) {
          set(r, *pt->pred);
        }
      }
      // "forced some 560,000 to flee their homes": the verb the figure is
      // made to do names the act.
      if (!w.predicate->category) {
        int r = w.ql + 1;
        while (r < static_cast<int>(v.toks.size()) && c.entity_span.start >= c.quantity.span.end &&
               v.toks[static_cast<std::size_t>(r)].span.start < c.entity_span.end) {
          ++r;
        }
        const Token* pt = T(v, r + 1);
        if (Is(v, r, "to") && pt && pt->pred && pt->pred->category && pt->pred->cls != "noun" && Cls(v, r + 1).empty()) {
          set(r + 1, *pt->pred);
        }
      }
      return;
    }
    // An event noun before "of": "forced the evacuation of about 1,500 residents".
    // Also a bare verb used as a noun: "lost control of more than 35 towns".
    if (t.low == "of" && k == w.qf - 1) {
      const Token* n = T(v, k - 1);
      if (n && n->pred && (n->pred->cls == "noun" || n->pred->base_form) && Cls(v, k - 1).empty()) {
        set(k - 1, *n->pred);
        return;
      }
    }
    std::string_view cl = Cls(v, k);
    if (!(cl == "det" || cl == "adv" || t.low == "by" || t.low == "to" || t.low == "record" ||
          t.time >= 0 || cl == "aux")) {
      break;
    }
  }
  // Right: the verb whose subject the figure is ("38 people died").
  int k = c.entity_span.start > c.quantity.span.end
              ? [&] {
                  int j = w.ql + 1;
                  while (j < static_cast<int>(v.toks.size()) &&
                         v.toks[static_cast<std::size_t>(j)].span.start < c.entity_span.end) {
                    ++j;
                  }
                  return j;
                }()
              : w.ql + 1;
  if (Is(v, k, "of") && (Is(v, k + 1, "them") || Is(v, k + 1, "those"))) k += 2;
  int found = -1;
  for (int steps = 0; k < static_cast<int>(v.toks.size()) && steps < 8; ++k, ++steps) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (t.low == "," && steps == 0) {  // "his wife, aged 58, died"
      // Past an aside closed by a comma before the verb: "About 1.5 million
      // people, or roughly 70% of Gaza's population, have been displaced".
      const int close = AsideEnd(v, k);
      if (close > k) k = close;
      continue;
    }
    if (!t.word) break;
    std::string_view cl = Cls(v, k);
    // After a determiner or a possessive a verb form is a noun: "votes was
    // the narrowest since the country's return to democracy".
    const bool noun_use = Cls(v, k - 1) == "det" || (k > 0 && IsPossessive(v.toks[static_cast<std::size_t>(k - 1)].low));
    if (const Predicate* p = t.pred; p && cl.empty() && !(noun_use && p->cls != "noun")) {
      if (found < 0) {
        found = k;
        set(k, *p);
      }
      if (p->category) {
        set(k, *p);
        return;
      }
      // Only a copula may give way to the word after it ("remain missing").
      if (p->lemma != "remain" && p->lemma != "stand") return;
      continue;
    }
    if (found >= 0 && !(cl == "aux" || cl == "adv")) break;
    // Coordinated subjects and prepositional phrases: "A dozen fishermen and
    // one child died", "young adults in the country live".
    // "were feared missing", "are believed dead": the state verb decides.
    bool hedge = t.low == "feared" || t.low == "believed" || t.low == "presumed" || t.low == "thought";
    // A plural noun right after the entity still belongs to it ("113 police
    // officers injured").
    const bool compound = steps == 0 && Nounish(v, k, false) && IsPlural(t);
    bool skip = cl == "aux" || cl == "adv" || hedge || t.low == "not" || t.low == "and" || t.quantity >= 0 ||
                cl == "det" || cl == "prep" || (Nounish(v, k, false) && steps > 0) || compound;
    if (!skip) break;
  }
}

int ClaimBuilder::Impl::AsideEnd(const View& v, int open) const {
  const int n = static_cast<int>(v.toks.size());
  // Only an aside about the figure's own noun: a restatement or a make-up
  // ("or roughly 70%", "mostly from", "including"), not a relative clause
  // about a name ("Stein, who lives at ..., admitted").
  const Token* first = T(v, open + 1);
  bool about_figure = first && (first->quantity >= 0 || lex.restatement_openers.count(first->low));
  if (!about_figure) return -1;
  for (int k = open + 1; k < n && k <= open + 14; ++k) {
    const Token& t = v.toks[static_cast<std::size_t>(k)];
    if (t.low == ";" || t.low == ":" || t.low == "\"" || t.speech) return -1;
    // A comma before a non-verb is a list inside the aside ("mostly from
    // Syria, Egypt, Pakistan and Afghanistan,").
    if (t.low == "," && (Cls(v, k + 1) == "aux" || IsInflectedVerb(v, k + 1))) return k;
  }
  return -1;
}

}  // namespace claimex

// Orchestration: cues (one RE2 pass) -> speaker phrases read around each cue
// -> references resolved against the discourse so far -> each claim takes
// the speaker of its quote or of the nearest reporting clause in its
// sentence. Nothing carries across sentences except through quotes
// ("a following quote without attribution keeps the previous speaker").
#include "extractor/attribution/attributor.h"

#include <algorithm>
#include <cstdint>

#include "extractor/attribution/canonical_names.h"
#include "extractor/attribution/cue_finder.h"
#include "extractor/attribution/discourse.h"
#include "extractor/attribution/phrase_parser.h"
#include "extractor/attribution/speaker_reader.h"
#include "extractor/attribution/tokens.h"

namespace claimex {

using namespace attribution;

namespace {

// One accepted reporting clause.
struct Attribution {
  Speaker speaker;
  Span extent;  // the speaker phrase and the cue together
  Span phrase;  // the speaker phrase alone
  std::size_t sentence = 0;
  // "..., the UN said." closes its clause and covers what came before it;
  // "the UN said that ..." opens one and covers what follows.
  bool trailing = false;
  bool both = false;   // "according to X": covers its whole sentence
  bool media = false;  // a news outlet relaying others' figures
  bool local = false;  // reaches only a figure right before it
};


// Tokens [sb, end) of a dateline opening a sentence ("LONDON, June 12
// (Reuters) -", "DOUMA, Syria (AFP) -"): an upper-case place, then no
// lower-case word up to a dash. The place is no organisation a later "the
// company" could mean. Returns sb when the sentence opens with none.
std::size_t DatelineEnd(const std::vector<Token>& tokens, std::size_t sb, std::size_t se) {
  if (sb >= se || !PhraseParser::IsAcronym(tokens[sb]) || tokens[sb].text.size() < 3) return sb;
  for (std::size_t j = sb + 1; j < se && j < sb + 12; ++j) {
    if (tokens[j].kind == TokenKind::kDash) return j + 1;
    if (tokens[j].word() && !tokens[j].cap) return sb;
  }
  return sb;
}

// Whether the words [k, stop) after a reporting clause only close it rather
// than open what it reports: nothing, a time ("on Wednesday", "this
// morning", "earlier this month"), a place or manner ("in a statement",
// "from Sarbuland village", "by phone"); after "told", its hearer first
// ("told AFP on condition of anonymity"). The caller has already ruled out
// runs holding a figure or "that".
bool ClosesClause(const PhraseParser& p, const std::vector<Token>& tokens, std::size_t k, std::size_t stop,
                  bool tell) {
  if (k >= stop) return true;
  // "told AFP", "told a council of ministers in April": the hearer, a few
  // words (with "of"), then nothing or an adjunct; "told his dad he wanted"
  // goes on into what was told.
  if (tell) {
    if (p.Function(tokens[k]) == FunctionClass::kDet || p.Function(tokens[k]) == FunctionClass::kPoss) ++k;
    for (std::size_t n = 0; k < stop && n < 5; ++k, ++n) {
      FunctionClass f = p.Function(tokens[k]);
      // "told Al Jazeera": a capitalised name particle is part of the hearer.
      if (f != FunctionClass::kNone && tokens[k].lower != "of" && !(tokens[k].cap && f == FunctionClass::kConnect)) {
        break;
      }
    }
    if (k >= stop) return true;
  }
  // "said earlier this month", "said separately": adverbs closing the
  // clause, not "say has done" opening one; look past them.
  std::size_t adverbs = k;
  while (k < stop && p.Function(tokens[k]) == FunctionClass::kAux) ++k;
  if (k >= stop) return true;
  if (k > adverbs && (p.Function(tokens[k]) != FunctionClass::kTime && p.Function(tokens[k]) != FunctionClass::kDet &&
                      tokens[k].lower != "on" && tokens[k].lower != "in")) {
    return false;
  }
  const Token& t = tokens[k];
  FunctionClass f = p.Function(t);
  if (f == FunctionClass::kTime) return true;
  // "..., said Priya Natarajan, a professor who led the study": a relative
  // clause describing the speaker.
  return t.lower == "this" || t.lower == "on" || t.lower == "in" || t.lower == "at" || t.lower == "by" ||
         t.lower == "from" || t.lower == "who" || t.lower == "whose";
}

// Appends to `out` where a sentence starts inside tokens [sb, se) that the
// segmenter did not split off: initials and a capitalised function word
// ("according to the U.N. Some 63,000 refugees ...").
void MissedSentenceStarts(const PhraseParser& p, const std::vector<Token>& tokens, std::size_t sb,
                          std::size_t se, std::vector<std::size_t>& out) {
  for (std::size_t j = sb + 1; j < se; ++j) {
    const Token& prev = tokens[j - 1];
    if (prev.word() && prev.text.ends_with(".") && PhraseParser::IsAcronymText(prev.text) && tokens[j].cap &&
        p.Function(tokens[j]) != FunctionClass::kNone) {
      out.push_back(tokens[j].span.start);
    }
  }
}

// Whether the lone capitalised word `m` is the surname of someone given
// with a full name before ("Mark Zuckerberg ... Zuckerberg wrote"). A
// surname takes no article ("The Treasury notes"), and a one-word "name"
// ("Secretary of the Treasury") gives no surname.
bool FullNameBefore(const PhraseParser& p, const std::vector<Token>& tokens, const Mention& m, std::size_t sentence,
                    const Discourse& d) {
  if (p.Function(tokens[TokenAt(tokens, m.span.start)]) == FunctionClass::kDet) return false;
  const Entity* e = d.Surname(m.ref_word, m.span.start, sentence);
  return e && e->name.find(' ') != std::string::npos;
}

// Whether a missed sentence start lies between a clause and a claim.
bool Separated(const std::vector<std::size_t>& hidden, Span clause, Span claim) {
  std::size_t lo = std::min(clause.end, claim.end), hi = std::max(clause.start, claim.start);
  if (lo >= hi) return false;
  auto it = std::lower_bound(hidden.begin(), hidden.end(), lo);
  return it != hidden.end() && *it <= hi;
}

// `word` without a final "'s" or "’s" (itself when there is none).
std::string_view PossessiveStem(std::string_view word) {
  if (word.size() > 2 && word.ends_with("'s")) return word.substr(0, word.size() - 2);
  if (word.size() > 4 && word.ends_with("\xE2\x80\x99s")) return word.substr(0, word.size() - 4);
  return word;
}

// Whether `gap` (text between a quote and a clause) holds a blank line or a
// line break: the clause then opens a new paragraph.
bool ParagraphBreak(std::string_view gap) { return gap.find('\n') != std::string_view::npos; }

std::size_t Distance(Span a, Span b) {
  if (a.overlaps(b)) return 0;
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}

}  // namespace

struct Attributor::Impl {
  CueFinder cues;
  PhraseParser parser;
  SpeakerReader reader{parser};
  CanonicalNames names;

  // Registers the organisations and titled people a sentence names, so that
  // later references ("it", "the agency", "its director") can find them.
  void RegisterMentions(std::string_view text, const std::vector<Token>& tokens, std::size_t sb,
                        std::size_t se, std::size_t sentence, Discourse& d) const;
  // The role of a phrase ", the NRC's secretary general," starting at
  // tokens[h] (a comma), or "" when none follows.
  std::string AppositionRole(std::string_view text, const std::vector<Token>& tokens, std::size_t h,
                             std::size_t se) const;
  // Turns a parsed phrase into a Speaker, resolving references.
  // `document_cue`: the cue wants a document ("it found"), so "it" looks for one first.
  Speaker Resolve(std::string_view text, const Mention& m, Span cue_span, bool document_cue, std::size_t sentence,
                  const Discourse& d, bool* media) const;
};

void Attributor::Impl::RegisterMentions(std::string_view text, const std::vector<Token>& tokens,
                                        std::size_t sb, std::size_t se, std::size_t sentence,
                                        Discourse& d) const {
  // Where the sentence's own words start (after a dateline and an article).
  std::size_t first = DatelineEnd(tokens, sb, se);
  if (first < se && parser.Function(tokens[first]) == FunctionClass::kDet) ++first;
  auto add = [&](const Mention& m, bool weak) {
    Entity e;
    e.weak = weak;
    e.subject = first < se && m.span.start <= tokens[first].span.start;
    e.type = m.type;
    e.name = m.name;
    e.role = m.role;
    e.pos = m.span.start;
    e.sentence = sentence;
    e.media = m.media;
    e.named = !m.role_headed;
    d.Add(std::move(e));
  };
  std::size_t j = DatelineEnd(tokens, sb, se);
  while (j < se) {
    const Token& t = tokens[j];
    if (t.word() && t.cap && parser.Function(t) == FunctionClass::kNone) {
      std::size_t h = j + 1;
      while (h < se) {
        const Token& u = tokens[h];
        if (u.word() && u.cap) {
          ++h;
        } else if (u.kind == TokenKind::kStop && u.text == "." && parser.Role(tokens[h - 1]) == RoleClass::kTitle) {
          ++h;
        } else if (u.word() && (u.lower == "of" || u.lower == "for" ||
                                parser.Function(u) == FunctionClass::kConnect) &&
                   h + 1 < se && tokens[h + 1].cap) {
          ++h;
        } else {
          break;
        }
      }
      std::size_t p = j;
      while (p > sb && j - p < 4) {
        const Token& u = tokens[p - 1];
        if (!u.word() || parser.Function(u) != FunctionClass::kNone) break;
        if (!u.cap && parser.Role(u) != RoleClass::kRole) break;
        --p;
      }
      // "The WHO's cholera hotline": the agency owning something is still
      // the one a later "the agency said" means.
      if (h == j + 1 && p == j) {
        std::string_view stem = PossessiveStem(t.text);
        if (stem.size() < t.text.size() && PhraseParser::IsAcronymText(stem)) {
          Mention m;
          m.valid = m.known = true;
          m.type = SpeakerType::kOrganization;
          m.name = std::string(stem);
          m.span = m.name_span = Span{t.span.start, t.span.start + stem.size()};
          add(m, false);
          j = h;
          continue;
        }
      }
      bool trade = p == j && j > sb && tokens[j - 1].word() && !tokens[j - 1].cap && parser.IsOrgHead(tokens[j - 1]);
      // A lone capitalised word ("Syria", "Monday") names nothing worth
      // remembering unless it is an acronym, a known organisation or titled.
      if (h == j + 1 && p == j && !trade && !PhraseParser::IsAcronym(t) && !parser.IsOrgHead(t) &&
          !parser.KnownOrg(tokens, j, h, nullptr)) {
        j = h;
        continue;
      }
      Mention m = parser.Parse(text, tokens, p, h);
      // "drugmaker Nordica Pharma": a name right after an organisation noun
      // is an organisation, whatever its words look like.
      if (m.valid && trade && m.type == SpeakerType::kPerson && !m.role_headed && m.role.empty()) {
        m.type = SpeakerType::kOrganization;
        m.known = true;
        m.ref = RefKind::kNone;
        m.role = std::string(tokens[j - 1].text);
      }
      if (m.valid && m.ref != RefKind::kSurname && m.ref != RefKind::kDescription) {
        bool titled = parser.Role(tokens[p]) != RoleClass::kNone;
        if ((m.type == SpeakerType::kOrganization && m.known) ||
            (m.type == SpeakerType::kPerson && !m.role_headed && (titled || !m.role.empty()))) {
          add(m, false);
        } else if (m.type == SpeakerType::kPerson && !m.role_headed) {
          // "Jan Egeland, the NRC's secretary general, called ...": a role in
          // apposition makes the name a person "he" may refer to.
          std::string role = AppositionRole(text, tokens, h, se);
          if (!role.empty()) {
            m.role = std::move(role);
            add(m, false);
          } else {
            add(m, true);  // "Tom Harding": unknown kind, but "Harding said" may refer to it
          }
        }
      }
      j = h;
      continue;
    }
    // "The survey of 1,714 adults was carried out ... It also found": a
    // definite document, remembered weakly for an "it" that finds or shows.
    // "the" first: it rules out nearly every word before the table lookup.
    if (t.word() && !t.cap && j > sb && tokens[j - 1].lower == "the" && parser.IsDocument(t.lower) &&
        parser.Function(tokens[j - 1]) == FunctionClass::kDet) {
      Entity e;
      e.weak = true;
      e.type = SpeakerType::kDocument;
      e.name = CollapseSpaces(Span{tokens[j - 1].span.start, t.span.end}.of(text));
      e.pos = tokens[j - 1].span.start;
      e.sentence = sentence;
      d.Add(std::move(e));
    }
    if (t.word() && !t.cap && parser.IsOrgHead(t)) {
      std::size_t p = j;
      while (p > sb && j - p < 3) {
        const Token& u = tokens[p - 1];
        if (!u.word() || parser.Function(u) != FunctionClass::kNone) break;
        --p;
      }
      if (p > sb && parser.Function(tokens[p - 1]) == FunctionClass::kDet) --p;
      // "put 48,000 in the hospital": a place, not an actor ("a cable from a
      // bank" may still be what "it said" means).
      if (p > sb && p < j && (tokens[p - 1].lower == "in" || tokens[p - 1].lower == "at" || tokens[p - 1].lower == "into")) {
        ++j;
        continue;
      }
      Mention m = parser.Parse(text, tokens, p, j + 1);
      // "The council faces ...": a description naming nothing earlier is a first mention.
      bool fresh = m.ref == RefKind::kNone ||
                   (m.ref == RefKind::kDescription &&
                    !d.Description(m.ref_word, false, false, m.span.start, sentence));
      if (m.valid && m.known && fresh && m.type == SpeakerType::kOrganization) add(m, false);
    }
    ++j;
  }
}

std::string Attributor::Impl::AppositionRole(std::string_view text, const std::vector<Token>& tokens,
                                             std::size_t h, std::size_t se) const {
  if (h + 1 >= se || tokens[h].kind != TokenKind::kComma) return {};
  std::size_t e = h + 1;
  while (e < se && e < h + 12 && !tokens[e].boundary()) ++e;
  if (e >= se || tokens[e].kind != TokenKind::kComma) return {};
  Mention r = parser.Parse(text, tokens, h + 1, e);
  if (!r.valid || !r.role_headed) return {};
  return r.role.empty() ? r.name : r.role;
}

Speaker Attributor::Impl::Resolve(std::string_view text, const Mention& m, Span cue_span, bool document_cue,
                                  std::size_t sentence, const Discourse& d, bool* media) const {
  Speaker s;
  s.type = m.type;
  s.name = m.name;
  s.role = m.role;
  s.name_span = m.name_span;
  s.cue_span = cue_span;
  s.cue = CollapseSpaces(cue_span.of(text));
  *media = m.media;
  const Entity* e = nullptr;
  std::size_t pos = m.span.start;
  switch (m.ref) {
    case RefKind::kPronoun:
      if (document_cue && m.ref_word == "it") e = d.Document(pos, sentence);
      if (!e) e = d.Pronoun(m.ref_word, pos, sentence);
      break;
    case RefKind::kSurname:
      e = d.Surname(m.ref_word, pos, sentence);
      // "Nordfrakt, which employs ..., said": a lone name given earlier as a company's.
      if (!e && s.role.empty()) e = d.Organization(m.name, pos, sentence);
      break;
    case RefKind::kDescription:
      if (m.owner_its && m.ref_person) break;
      e = d.Description(m.ref_word, m.ref_person, m.generic, pos, sentence);
      break;
    case RefKind::kNone: break;
  }
  if (e) {
    s.type = e->type;
    s.name = e->name;
    if (s.role.empty() || m.ref == RefKind::kDescription) s.role = e->role;
    *media = e->media;
  } else if (m.ref == RefKind::kPronoun) {
    s.type = m.ref_word == "it" ? SpeakerType::kOrganization
             : m.ref_word == "they" ? SpeakerType::kAnonymous
                                    : SpeakerType::kPerson;
    // No antecedent in the document: the pronoun as written names the
    // speaker, so the record still says who the text credits ("it said").
    // It has no canonical name: "it" is not one speaker across sources.
    if (s.name.empty()) {
      s.name = std::string(s.name_span.of(text));
      return s;
    }
  } else if (m.ref == RefKind::kSurname && s.role.empty() && PhraseParser::IsAcronymText(s.name)) {
    s.type = SpeakerType::kOrganization;
  }
  if (m.owner_its) {
    if (const Entity* owner = d.Owner(pos, sentence)) {
      s.role = s.role.empty() ? owner->name : s.role + ", " + owner->name;
    }
  }
  s.canonical = s.type == SpeakerType::kPerson || s.type == SpeakerType::kAnonymous ? s.name
                                                                                    : names.Canonical(s.name);
  return s;
}

Attributor::Attributor() : impl_(std::make_unique<Impl>()) {}
Attributor::~Attributor() = default;

namespace {

// Buffers one thread reuses from document to document: the tokens of one
// sentence at a time (never of the whole text: a Token is ~60 bytes, five
// times the text it covers) and one bit per text byte for token starts.
struct Scratch {
  std::vector<Token> tokens;
  std::string lowered, context_lower;
  std::vector<std::size_t> run_stop, run_hit;
  std::vector<std::uint64_t> starts;
  std::vector<Span> taken;

  // Drops what a pathological document grew, so a thread does not keep it.
  void Trim() {
    if (tokens.capacity() > (1u << 16)) std::vector<Token>().swap(tokens);
    if (run_stop.capacity() > (1u << 16)) std::vector<std::size_t>().swap(run_stop);
    if (run_hit.capacity() > (1u << 16)) std::vector<std::size_t>().swap(run_hit);
    if (lowered.capacity() > (1u << 20)) std::string().swap(lowered);
    if (starts.capacity() > (1u << 16)) std::vector<std::uint64_t>().swap(starts);
    if (taken.capacity() > (1u << 12)) std::vector<Span>().swap(taken);
  }
};

// Number of set bits in [from, to), counting no further than limit + 1.
std::size_t CountStarts(const std::vector<std::uint64_t>& bits, std::size_t from, std::size_t to,
                        std::size_t limit) {
  std::size_t n = 0;
  while (from < to && n <= limit) {
    std::size_t w = from >> 6, off = from & 63;
    std::uint64_t word = bits[w] >> off;
    std::size_t span = std::min<std::size_t>(64 - off, to - from);
    if (span < 64) word &= (std::uint64_t{1} << span) - 1;
    n += static_cast<std::size_t>(__builtin_popcountll(word));
    from += span;
  }
  return n;
}

// Whether the tokenizer finds anything in `s` (not only spaces and nbsp).
bool HasToken(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      ++i;
      continue;
    }
    return true;
  }
  return false;
}

// Sentences with more reporting clauses than this (only machine-made text
// has them) let a claim look at the nearest kClauseWindow on either side
// instead of all of them, so one giant sentence stays linear.
constexpr std::size_t kManyClauses = 64, kClauseWindow = 32;

}  // namespace

void Attributor::Attribute(std::string_view text, const Segmentation& seg, std::vector<Claim>& claims) const {
  if (claims.empty() || seg.sentences.empty()) return;
  const Impl& im = *impl_;
  const std::size_t n_sent = seg.sentences.size();

  // Laziness: nothing after the last claim's sentence reaches a claim,
  // except a clause right after the last quote that holds a claim (it may
  // speak that quote). Past both, stop reading: later clauses would only
  // feed the discourse of sentences nobody asks about.
  std::size_t last_claim = 0;
  const Quote* last_quote = nullptr;
  for (const Claim& claim : claims) {
    last_claim = std::max(last_claim, seg.SentenceAt(claim.quantity.span.start));
    const Quote* q = seg.QuoteAt(claim.quantity.span.start);
    if (q && (!last_quote || q > last_quote)) last_quote = q;
  }
  // A sentence after the 7th one with tokens past that quote is more than
  // six tokens away from it: `upper` bounds the sentences that matter.
  std::size_t upper = last_claim;
  if (last_quote) {
    std::size_t k = seg.SentenceAt(last_quote->span.end), with_tokens = 0;
    while (k + 1 < n_sent && with_tokens < 7) {
      ++k;
      if (HasToken(seg.sentences[k].span.of(text))) ++with_tokens;
    }
    upper = std::max(upper, k);
  }
  // Cues count up to kMaxWindow sentences ahead (a mention is registered
  // when a cue follows within the window): search no further than that,
  // plus a margin for a cue written across line breaks ("according\nto").
  const std::size_t cue_limit =
      seg.sentences[std::min(n_sent - 1, upper + Discourse::kMaxWindow + 3)].span.end;
  std::vector<Cue> cues = im.cues.Find(text.substr(0, cue_limit));
  if (cues.empty()) return;

  // Mentions matter only a few sentences ahead of a cue (the discourse
  // windows are at most 40 sentences): skip the rest of long texts.
  std::vector<std::size_t> next_cue(n_sent + 1, SIZE_MAX);
  {
    std::size_t s = 0;
    for (const Cue& cue : cues) {
      while (s + 1 < n_sent && seg.sentences[s].span.end <= cue.span.start) ++s;
      next_cue[s] = s;
    }
    for (std::size_t k = n_sent; k-- > 0;) {
      if (next_cue[k] == SIZE_MAX) next_cue[k] = next_cue[k + 1];
    }
  }
  if (next_cue[0] == SIZE_MAX) return;  // no cue at all: every claim is the publisher's

  thread_local Scratch scratch;
  Scratch& sc = scratch;
  struct TrimOnExit {
    Scratch& s;
    ~TrimOnExit() { s.Trim(); }
  } trim_on_exit{sc};
  std::vector<Token>& tokens = sc.tokens;
  sc.starts.assign((text.size() >> 6) + 1, 0);

  // Sentence by sentence, tokens [0, sb) are what lies before the sentence:
  // the last token of the text before it (a title before a lone "." looks
  // back there) and any token in the gap ("\f" is a token, not a space, to
  // the tokenizer). Indices inside a sentence thus match a whole-text
  // tokenization shifted by a constant, which the readers never see.
  bool have_context = false;
  Token context;
  std::size_t tokenized_to = 0;  // text before this offset is tokenized
  auto tokenize_sentence = [&](Span sp) {
    tokens.clear();
    if (have_context) tokens.push_back(context);
    TokenizeRange(text, tokenized_to, sp.end, sc.lowered, tokens, &sc.starts);
    tokenized_to = std::max(tokenized_to, sp.end);
  };
  auto keep_context = [&]() {
    if (tokens.empty() || (have_context && tokens.size() == 1)) return;
    sc.context_lower.assign(tokens.back().lower);
    context = tokens.back();
    context.lower = sc.context_lower;
    have_context = true;
  };

  auto needed = [&](std::size_t s) {
    if (s <= last_claim) return true;
    if (!last_quote) return false;
    std::size_t start = seg.sentences[s].span.start, end = last_quote->span.end;
    return start <= end || CountStarts(sc.starts, end, start, 6) <= 6;
  };

  Discourse discourse;
  std::vector<Attribution> found;  // in sentence order
  std::vector<std::size_t> hidden;  // offsets of sentence starts the segmenter missed, ascending
  std::size_t c = 0;
  std::size_t s = 0;
  for (; s < n_sent; ++s) {
    if (next_cue[s] == SIZE_MAX || !needed(s)) break;
    Span sp = seg.sentences[s].span;
    tokenize_sentence(sp);
    std::size_t sb = TokenAt(tokens, sp.start), se = tokens.size();
    discourse.Forget(s > Discourse::kMaxWindow ? s - Discourse::kMaxWindow : 0);
    if (next_cue[s] - s <= 40) im.RegisterMentions(text, tokens, sb, se, s, discourse);
    while (c < cues.size() && cues[c].span.start < sp.start) ++c;
    if (c < cues.size() && cues[c].span.start < sp.end) {
      // For each token, where the clause run starting there stops (a
      // boundary that is not kOther) and the first digit or "that" token:
      // one backward pass, so judging each cue's trailing clause below
      // costs O(1) instead of rescanning a long unpunctuated sentence.
      sc.run_stop.resize(se + 1);
      sc.run_hit.resize(se + 1);
      sc.run_stop[se] = sc.run_hit[se] = se;
      for (std::size_t j = se; j-- > sb;) {
        const Token& t = tokens[j];
        sc.run_stop[j] = (!t.boundary() || t.kind == TokenKind::kOther) ? sc.run_stop[j + 1] : j;
        // "said in phone calls that were cut off": a relative "that" after a
        // noun, before a verb, opens no reported clause.
        const bool relative_that = t.lower == "that" && j > sb && j + 1 < se && tokens[j - 1].word() &&
                                   !tokens[j - 1].cap &&
                                   im.parser.Function(tokens[j - 1]) == FunctionClass::kNone &&
                                   (im.parser.Function(tokens[j + 1]) == FunctionClass::kAux ||
                                    im.parser.Function(tokens[j + 1]) == FunctionClass::kPassive);
        bool hit = t.kind == TokenKind::kNumber || (t.lower == "that" && !relative_that);
        if (!hit && t.word()) {
          for (char ch : t.text) hit |= ch >= '0' && ch <= '9';
        }
        sc.run_hit[j] = hit ? j : sc.run_hit[j + 1];
      }
    }
    std::vector<Span>& taken = sc.taken;  // phrases of accepted cues: a cue inside one is a noun
    taken.clear();
    MissedSentenceStarts(im.parser, tokens, sb, se, hidden);
    for (; c < cues.size() && cues[c].span.start < sp.end; ++c) {
      const Cue& cue = cues[c];
      // Cues ascend: a phrase ending before this one's start overlaps no
      // later cue either, so the list stays as short as the phrases near here.
      std::erase_if(taken, [&](Span t) { return t.end <= cue.span.start; });
      if (std::any_of(taken.begin(), taken.end(), [&](Span t) { return t.overlaps(cue.span); })) continue;
      // A cue running into the next sentence ("according\nto") ends past
      // every token of this one: any index beyond se says so to the readers.
      std::size_t cb = TokenAt(tokens, cue.span.start);
      std::size_t ce = cue.span.end > sp.end ? se + 1 : TokenAt(tokens, cue.span.end);
      std::size_t next = c + 1 < cues.size() && cues[c + 1].span.start < sp.end
                             ? TokenAt(tokens, cues[c + 1].span.start)
                             : se;
      Mention m = im.reader.Read(text, tokens, *cue.rule, cb, ce, sb, se, next);
      if (!m.valid) continue;
      if (cue.rule->typed && !m.known && m.ref == RefKind::kSurname &&
          !FullNameBefore(im.parser, tokens, m, s, discourse)) {
        continue;  // "Apple reported", "Treasury notes": a capitalised word naming no one before
      }
      bool media = false;
      Attribution a;
      a.speaker = im.Resolve(text, m, cue.span, cue.rule->side == CueSide::kDocument, s, discourse, &media);
      // "It found" with no document before it is no finding of a report.
      if (cue.rule->side == CueSide::kDocument && a.speaker.type != SpeakerType::kDocument) continue;
      a.extent = Span{std::min(m.span.start, cue.span.start), std::max(m.span.end, cue.span.end)};
      // ", saying ...": the subject far back reports only what follows the cue.
      if (cue.rule->side == CueSide::kSubject) a.extent = cue.span;
      a.phrase = m.span;
      a.sentence = s;
      a.media = media;
      // A closing clause ends at punctuation, a time ("on Wednesday", "in a
      // statement") or its hearer ("told AFP"); "residents said they heard
      // shots" opens a clause instead. "according to X" faces both ways.
      a.both = cue.rule->side == CueSide::kRight;
      a.local = cue.rule->local;
      {
        std::size_t k = TokenAt(tokens, a.extent.end);
        std::size_t stop = k < se ? std::min(sc.run_stop[k], se) : k;
        bool digit_or_that = k < stop && sc.run_hit[k] < stop;
        a.trailing = !digit_or_that && ClosesClause(im.parser, tokens, k, stop, cue.rule->lemma == "tell");
      }
      taken.push_back(m.span);
      Entity e;
      e.type = a.speaker.type;
      e.name = a.speaker.name;
      e.role = a.speaker.role;
      // At its name: "The U.N. refugee agency UNHCR said ... it said" means
      // UNHCR, not the "U.N." registered inside the phrase.
      e.pos = m.name_span.end > m.name_span.start ? std::max(m.span.start, m.name_span.start) : m.span.start;
      e.sentence = s;
      e.speaker = true;
      {
        // Opening the sentence (after a dateline and an article), like a
        // registered subject: what a later "it" continues.
        std::size_t first = DatelineEnd(tokens, sb, se);
        if (first < se && im.parser.Function(tokens[first]) == FunctionClass::kDet) ++first;
        e.subject = first < se && m.span.start <= tokens[first].span.start;
      }
      e.plural = m.plural;
      e.media = media;
      e.named = !(m.role_headed && a.speaker.name == m.name);
      discourse.Add(std::move(e));
      found.push_back(std::move(a));
    }
    keep_context();
  }
  // The quote rule below counts tokens between a clause and a quote: mark
  // the token starts up to the last quote that matters (the rest of the
  // text holds neither).
  const std::size_t quotes_needed =
      last_quote ? static_cast<std::size_t>(last_quote - seg.quotes.data()) + 1 : 0;
  const std::size_t mark_to = last_quote ? last_quote->span.end : 0;
  for (; s < n_sent && tokenized_to < mark_to; ++s) {
    tokenize_sentence(seg.sentences[s].span);
    keep_context();
  }
  if (tokenized_to < mark_to) {
    tokens.clear();
    TokenizeRange(text, tokenized_to, mark_to, sc.lowered, tokens, &sc.starts);
  }

  // Quotes: the clause right after the closing mark or right before the
  // opening one speaks it; an unattributed quote right after an attributed
  // one keeps its speaker.
  auto near = [&](std::size_t from, std::size_t to) {  // few tokens between
    if (from > to) return false;
    return CountStarts(sc.starts, from, to, 6) <= 6;  // "told reporters on Monday:"
  };
  std::vector<const Attribution*> quote_speaker(quotes_needed, nullptr);
  // Clauses that end before a quote and are not near it are not near any
  // later quote either (quotes ascend): skip that prefix of `found` for good,
  // so the loop is not quotes x attributions on long documents.
  std::size_t lo = 0;
  for (std::size_t q = 0; q < quotes_needed; ++q) {
    const Quote& quote = seg.quotes[q];
    if (q > 0 && quote.span.start < seg.quotes[q - 1].span.start) lo = 0;  // not ascending: no skipping
    while (lo < found.size() && found[lo].extent.end <= quote.span.start &&
           !near(found[lo].extent.end, quote.span.start)) {
      ++lo;
    }
    for (std::size_t i = lo; i < found.size(); ++i) {
      const Attribution& a = found[i];
      // A clause opening the next paragraph has its own sentence to report.
      if (a.extent.start >= quote.span.end && near(quote.span.end, a.extent.start) &&
          !ParagraphBreak(text.substr(quote.span.end, a.extent.start - quote.span.end))) {
        quote_speaker[q] = &a;
        break;
      }
      if (a.extent.end <= quote.span.start && near(a.extent.end, quote.span.start)) quote_speaker[q] = &a;
      if (a.extent.start > quote.span.end + 200) break;
    }
    if (!quote_speaker[q] && q > 0 && quote_speaker[q - 1]) {
      std::size_t prev_end = seg.SentenceAt(seg.quotes[q - 1].span.end - 1);
      std::size_t start = seg.SentenceAt(quote.span.start);
      if (start <= prev_end + 1) quote_speaker[q] = quote_speaker[q - 1];
    }
  }

  std::size_t first = 0, last = 0;  // attributions [first, last) are in the claim's sentence
  for (Claim& claim : claims) {
    Span span = claim.quantity.span;
    if (const Quote* quote = seg.QuoteAt(span.start)) {
      std::size_t q = static_cast<std::size_t>(quote - seg.quotes.data());
      if (quote_speaker[q]) {
        claim.speaker = quote_speaker[q]->speaker;
        claim.rules.push_back("attribution:quote");
        continue;
      }
    }
    std::size_t s = seg.SentenceAt(span.start);
    while (first < found.size() && found[first].sentence < s) ++first;
    while (first > 0 && found[first - 1].sentence >= s) --first;
    last = std::max(last, first);
    while (last < found.size() && found[last].sentence <= s) ++last;
    while (last > first && found[last - 1].sentence > s) --last;
    std::size_t from = first, to = last;
    if (to - from > kManyClauses) {
      // Clauses ascend by cue: look only at the nearest ones around the claim.
      std::size_t p = static_cast<std::size_t>(
          std::lower_bound(found.begin() + from, found.begin() + to, span.start,
                           [](const Attribution& a, std::size_t o) { return a.speaker.cue_span.start < o; }) -
          found.begin());
      from = std::max(from, p >= kClauseWindow ? p - kClauseWindow : 0);
      to = std::min(to, p + kClauseWindow);
    }
    // The nearest clause facing the claim (an opening one before it, a
    // closing one after it); failing that, the nearest clause at all.
    const Attribution* best = nullptr;
    const Attribution* facing = nullptr;
    std::size_t best_d = 0, facing_d = 0;
    for (std::size_t k = from; k < to; ++k) {
      const Attribution& a = found[k];
      // A clause inside someone else's quote does not reach outside it.
      const Quote* aq = seg.QuoteAt(a.speaker.cue_span.start);
      if (aq && !aq->inner.contains(span.start)) continue;
      // "About 1.7 million people said ...": a group counted by the claim
      // does not report its own count.
      // Nor does a person report a figure describing them ("the 72-year-old
      // economics professor told", "Kenji Morita, a 38-year-old office
      // worker, said"); a document's sample does ("the survey of 2,043
      // adults found").
      if ((a.speaker.type == SpeakerType::kAnonymous || a.speaker.type == SpeakerType::kPerson) &&
          a.phrase.overlaps(span)) {
        continue;
      }
      // "The central bank, which has held its rate at 50%, expects ...": an
      // aside between the speaker and the cue is background, not the report.
      if (a.phrase.end <= span.start && span.end <= a.speaker.cue_span.start) continue;
      if (Separated(hidden, a.extent, span)) continue;
      if (a.local && (span.end > a.extent.start || CountStarts(sc.starts, span.end, a.extent.start, 3) > 2)) continue;
      std::size_t dist = Distance(a.extent, span);
      if (!best || dist < best_d) {
        best = &a;
        best_d = dist;
      }
      bool faces = a.both || (a.trailing ? a.extent.start >= span.end : a.extent.end <= span.start);
      // The closing clause of a sentence ("..., officials said.") reports all
      // of it, inner clauses included ("the county has confirmed 12"), unless
      // it is a news outlet relaying them or "according to X" named the
      // source of the figures near it.
      bool outer = faces && a.trailing && !a.media &&
                   (k + 1 == found.size() || found[k + 1].sentence != s) && facing && !facing->trailing &&
                   !facing->both;
      if (faces && (!facing || dist < facing_d || outer)) {
        facing = &a;
        facing_d = dist;
      }
    }
    // "He said the bank expects 5%", "X told Reuters that estimates put the
    // damage at $10 billion": a clause opening the complement of another
    // is reported by that one's speaker.
    while (facing && !facing->trailing && !facing->both && facing > found.data() + from) {
      const Attribution& outer = *(facing - 1);
      if (outer.sentence != s || outer.trailing || outer.both || outer.extent.end > facing->phrase.start ||
          CountStarts(sc.starts, outer.extent.end, facing->phrase.start, 3) > 2) {
        break;
      }
      facing = &outer;
    }
    // An opening clause after the claim ("Police arrested 12 people after
    // residents said they heard shots") does not reach back to it.
    if (facing) best = facing;
    else if (best && !best->trailing && !best->both && best->extent.start >= span.end) best = nullptr;
    if (best) {
      claim.speaker = best->speaker;
      claim.rules.push_back("attribution:clause");
    }
  }
}

}  // namespace claimex

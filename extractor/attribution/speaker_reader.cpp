#include "extractor/attribution/speaker_reader.h"

namespace claimex::attribution {

bool SpeakerReader::TitleDot(const std::vector<Token>& tokens, std::size_t j) const {
  return tokens[j].kind == TokenKind::kStop && tokens[j].text == "." && j > 0 &&
         p_.Role(tokens[j - 1]) == RoleClass::kTitle;
}

bool SpeakerReader::SayVerb(const Token& t) {
  return !t.cap && (t.lower == "said" || t.lower == "says" || t.lower == "told");
}

std::size_t SpeakerReader::AsideOpening(const std::vector<Token>& tokens, std::size_t close, std::size_t sb) {
  for (std::size_t k = close; k > sb && close - k < 25; --k) {
    if (tokens[k - 1].kind != TokenKind::kComma) continue;
    if (k >= close) break;
    const Token& t = tokens[k];
    // ", which employs ...", ", who tried the case,", ", one of three armies
    // that ...,", ", dated Feb. 9,", ", founded in 1950,".
    const bool participle = t.word() && !t.cap && t.lower.size() > 4 && t.lower.ends_with("ed") && !SayVerb(t);
    if (t.lower == "which" || t.lower == "who" || participle ||
        (t.lower == "one" && k + 1 < close && tokens[k + 1].lower == "of")) {
      return k - 1;
    }
    break;
  }
  return kNoAside;
}

// First token of the phrase that ends at `end`, read leftwards to a
// punctuation mark, a clause word or a number.
std::size_t SpeakerReader::LeftStart(const std::vector<Token>& tokens, std::size_t end, std::size_t sb) const {
  std::size_t b = end;
  while (b > sb) {
    const Token& t = tokens[b - 1];
    if (t.boundary() && !TitleDot(tokens, b - 1) && !PhraseParser::PluralPossessiveMark(tokens, b - 1)) break;
    // A figure ends the phrase; an age or size written as one hyphened
    // word describes the speaker ("Abdulrahman Saleh, a 35-year-old fisherman,").
    // So does a document's sample ("the survey of 2,043 adults found").
    if (t.kind == TokenKind::kNumber && t.text.find('-') == std::string_view::npos &&
        !(b >= sb + 3 && tokens[b - 2].lower == "of" && p_.IsDocument(tokens[b - 3].lower))) {
      break;
    }
    if (t.word() && !t.cap) {
      FunctionClass f = p_.Function(t);
      // "He said the bank expects": another clause's verb ends the phrase.
      if (f == FunctionClass::kStop || SayVerb(t)) break;
      if (f == FunctionClass::kPronoun) {  // "she added": the subject, and no further
        if (b == end) --b;
        break;
      }
      if (t.lower == "and" && !(b >= sb + 2 && tokens[b - 2].cap && b < end && tokens[b].cap)) break;
    }
    // "But the agency warned", "And officials said": a clause word opening
    // the sentence is capitalised, and still no part of the speaker.
    if (b - 1 == sb && t.word() && t.cap && b < end &&
        (p_.Function(t) == FunctionClass::kStop || t.lower == "and" || t.lower == "or")) {
      break;
    }
    --b;
    if (end - b > 14) return end;
  }
  return b;
}

std::size_t SpeakerReader::RightEnd(const std::vector<Token>& tokens, std::size_t begin, std::size_t se,
                                    bool cut_at_in) const {
  std::size_t e = begin;
  while (e < se) {
    const Token& t = tokens[e];
    if (t.boundary() && !TitleDot(tokens, e) && !PhraseParser::PluralPossessiveMark(tokens, e)) break;
    // "according to the U.N. At least 730 ...": after initials, a capitalised
    // function word starts a sentence the segmenter did not split off.
    if (e > begin && tokens[e - 1].text.ends_with(".") && t.cap && p_.Function(t) != FunctionClass::kNone) break;
    if (t.word() && !t.cap) {
      FunctionClass f = p_.Function(t);
      // "the Intergovernmental Panel on Climate Change": "on" inside a name,
      // after an organisation word and before a capitalised non-time word.
      const bool on_inside = t.lower == "on" && e > begin && tokens[e - 1].cap && p_.IsOrgHead(tokens[e - 1]) &&
                             e + 1 < se && tokens[e + 1].cap && p_.Function(tokens[e + 1]) == FunctionClass::kNone;
      if (f == FunctionClass::kStop || f == FunctionClass::kTime || f == FunctionClass::kPassive ||
          f == FunctionClass::kAux || (t.lower == "on" && !on_inside) || t.lower == "said" || t.lower == "told") {
        break;
      }
      if ((t.lower == "in" || t.lower == "at") &&
          (cut_at_in || (e + 1 < se && (tokens[e + 1].lower == "a" || tokens[e + 1].lower == "an")))) {
        break;
      }
      if (f == FunctionClass::kPronoun && e > begin) break;
    }
    ++e;
    if (e - begin > 14) break;
  }
  return e;
}

Mention SpeakerReader::Left(std::string_view text, const std::vector<Token>& tokens, std::size_t end,
                            std::size_t sb) const {
  Mention m = LeftPhrase(text, tokens, end, sb);
  if (!m.valid || m.type == SpeakerType::kPerson) return m;
  // "Abdulrahman Saleh, a 35-year-old fisherman, said", "Farida, a
  // teacher who arrived on Monday, said": an indefinite description in
  // apposition describes the name before it, who speaks. So does a
  // description of an organisation named before it ("The Integrated Food
  // Security Phase Classification (IPC), a global hunger monitor, said",
  // "Jinnah Postgraduate Medical Centre, the city's biggest public
  // hospital, said").
  const std::size_t b = TokenAt(tokens, m.span.start);
  const bool indefinite = tokens[b].lower == "a" || tokens[b].lower == "an";
  if (b < 2 || b <= sb + 1 || tokens[b - 1].kind != TokenKind::kComma || !(indefinite || tokens[b].lower == "the")) {
    return m;
  }
  std::size_t name_end = b - 1;
  const bool acronym = name_end >= sb + 4 && tokens[name_end - 1].text == ")" && tokens[name_end - 3].text == "(" &&
                       PhraseParser::IsAcronym(tokens[name_end - 2]);
  if (acronym) name_end -= 3;
  const std::size_t b0 = LeftStart(tokens, name_end, sb);
  if (b0 >= name_end || (b0 > sb && !tokens[b0 - 1].boundary())) return m;
  Mention named = p_.Parse(text, tokens, b0, name_end);
  if (acronym) Bracketed(text, tokens, b, named);
  // A lone capitalised word ("Farida,") is a name here: the description
  // after it says it is a person.
  const bool lone_name = b0 + 1 == name_end && tokens[b0].word() && tokens[b0].cap &&
                         p_.Function(tokens[b0]) == FunctionClass::kNone && p_.Role(tokens[b0]) == RoleClass::kNone &&
                         !p_.IsOrgHead(tokens[b0]) && !p_.IsAnonymous(tokens[b0].lower);
  const bool named_org = named.valid && named.known && named.type == SpeakerType::kOrganization &&
                         named.ref == RefKind::kNone && tokens[TokenAt(tokens, named.name_span.start)].cap &&
                         !tokens[TokenAt(tokens, m.name_span.start)].cap;
  const bool named_person = named.valid && named.type == SpeakerType::kPerson && !named.role_headed &&
                            named.ref == RefKind::kNone && (indefinite || named.known);
  if (named_person || named_org) {
    // kept as parsed
  } else if (lone_name && indefinite) {
    named = Mention();
    named.valid = named.known = true;
    named.type = SpeakerType::kPerson;
    named.name = std::string(tokens[b0].text);
    named.name_span = tokens[b0].span;
    named.span = tokens[b0].span;
  } else {
    return m;
  }
  if (named.role.empty()) named.role = m.name;
  named.span.end = m.span.end;
  return named;
}

Mention SpeakerReader::LeftPhrase(std::string_view text, const std::vector<Token>& tokens, std::size_t end,
                                  std::size_t sb) const {
  // "The report, published by Oxfam on Monday, said": name its publisher.
  auto publisher = [&](Mention& m, std::size_t from, std::size_t to) {
    if (!m.valid || !m.known || m.type != SpeakerType::kDocument) return;
    for (std::size_t k = from; k + 1 < to; ++k) {
      if (tokens[k].lower != "by") continue;
      std::size_t pe = RightEnd(tokens, k + 1, to, true);
      if (pe > k + 1) {
        m.name += " by " + std::string(text.substr(tokens[k + 1].span.start,
                                                    tokens[pe - 1].span.end - tokens[k + 1].span.start));
      }
      break;
    }
  };
  // "Helen Marsh, told": the comma closing an apposition.
  std::size_t aside_open = kNoAside, aside_close = end;
  if (end > sb + 1 && tokens[end - 1].kind == TokenKind::kComma) {
    --end;
    aside_close = end;
    // "The company, which employs 3,000 people, said": skip the aside.
    if (std::size_t open = AsideOpening(tokens, end, sb); open != kNoAside) end = aside_open = open;
  }
  // "the National Institute for Space Research (INPE) said".
  if (end >= sb + 4 && tokens[end - 1].text == ")" && tokens[end - 3].text == "(") end -= 3;
  // "Bashir Ahmad, 45, told": an age in apposition.
  if (end >= sb + 3 && tokens[end - 1].kind == TokenKind::kNumber && tokens[end - 2].kind == TokenKind::kComma) {
    end -= 2;
  }
  // "a commander with the call sign \"Taras\" told": a quoted nickname ends the phrase.
  if (end >= sb + 4 && tokens[end - 1].kind == TokenKind::kQuote && tokens[end - 3].kind == TokenKind::kQuote &&
      tokens[end - 2].word() && tokens[end - 2].cap && tokens[end - 4].word()) {
    end -= 3;
  }
  std::size_t b = LeftStart(tokens, end, sb);
  // "Fred Lewis, who tried the case, said": the phrase before the relative clause.
  if (b > sb + 1 && (tokens[b - 1].lower == "who" || tokens[b - 1].lower == "which") &&
      tokens[b - 2].kind == TokenKind::kComma) {
    end = b - 2;
    b = LeftStart(tokens, end, sb);
  }
  Mention m1 = p_.Parse(text, tokens, b, end);
  if (aside_open != kNoAside) publisher(m1, aside_open + 1, aside_close);
  // "a resident who fled to the town told AFP": the phrase before the
  // relative pronoun, when the clause itself names nobody.
  // "a nurse who asked not to be named told Al Jazeera": the relative
  // clause may hold words that end the phrase read leftwards ("to").
  std::size_t rel = b;
  if (!m1.valid || !m1.known) {
    for (std::size_t k = end; k > sb + 1 && end - k < 10 && !tokens[k - 1].boundary(); --k) {
      if (tokens[k - 1].lower == "who" && k - 1 < b) {
        rel = k;
        break;
      }
    }
  }
  if ((!m1.valid || !m1.known) && rel > sb + 1 &&
      (tokens[rel - 1].lower == "who" || tokens[rel - 1].lower == "which" || tokens[rel - 1].lower == "that")) {
    std::size_t end2 = rel - 1;
    std::size_t b2 = LeftStart(tokens, end2, sb);
    Mention m2 = p_.Parse(text, tokens, b2, end2);
    if (m2.valid && m2.known) return m2;
  }
  // "A U.N. official, speaking on condition of anonymity, said": skip the aside.
  if (!m1.valid && b > sb + 1 && tokens[b - 1].kind == TokenKind::kComma) {
    std::size_t b2 = LeftStart(tokens, b - 1, sb);
    if (b2 < b - 1) {
      Mention m2 = p_.Parse(text, tokens, b2, b - 1);
      publisher(m2, b, end);
      if (m2.valid && m2.known) return m2;
    }
  }
  if (!m1.valid || b <= sb || tokens[b - 1].kind != TokenKind::kComma) return m1;
  // Apposition: "ROLE, NAME, said", "NAME, ROLE, said", "ORG, ACRONYM, said".
  std::size_t b0 = LeftStart(tokens, b - 1, sb);
  if (b0 >= b - 1) return m1;
  // Stopped at a clause word; "said Tom Andrews, the UN rapporteur, who
  // estimated" stops at the verb of the clause before, which is fine.
  if (b0 > sb && !tokens[b0 - 1].boundary() && !SayVerb(tokens[b0 - 1])) return m1;
  Mention m0 = p_.Parse(text, tokens, b0, b - 1);
  if (!m0.valid) return m1;
  bool named1 = m1.type == SpeakerType::kPerson && !m1.role_headed && m1.role.empty();
  bool named0 = m0.type == SpeakerType::kPerson && !m0.role_headed;
  Mention out;
  if (named1 && m0.role_headed) {
    out = m1;
    out.role = m0.role.empty() ? m0.name : m0.role;
    out.owner_its = m0.owner_its;
  } else if (m1.role_headed && named0 && m0.role.empty()) {
    out = m0;
    out.role = m1.role.empty() ? m1.name : m1.role;
    out.owner_its = m1.owner_its;
  } else if (m1.type == SpeakerType::kOrganization && m1.known && m1.ref == RefKind::kNone &&
             tokens[TokenAt(tokens, m1.name_span.start)].cap && m0.type == SpeakerType::kOrganization &&
             m0.known && m0.ref == RefKind::kNone && !tokens[b - 2].cap) {
    out = m1;
    out.role = m0.name;
  } else {
    return m1;
  }
  out.span.start = m0.span.start;
  return out;
}

Mention SpeakerReader::Right(std::string_view text, const std::vector<Token>& tokens, std::size_t begin,
                             std::size_t se, bool cut_at_in) const {
  std::size_t e = RightEnd(tokens, begin, se, cut_at_in);
  Mention m = p_.Parse(text, tokens, begin, e);
  if (!m.valid || e >= se || tokens[e].kind != TokenKind::kComma) return m;
  // "said Dr Lena Ortiz, the regional health director."
  std::size_t e2 = RightEnd(tokens, e + 1, se, true);
  if (e2 == e + 1) return m;
  Mention m2 = p_.Parse(text, tokens, e + 1, e2);
  if (m2.valid && m2.role_headed && m.type == SpeakerType::kPerson && !m.role_headed) {
    if (m.role.empty()) m.role = m2.role.empty() ? m2.name : m2.role;
    m.owner_its = m.owner_its || m2.owner_its;
    m.span.end = m2.span.end;
  } else if (m.role_headed && m2.valid && m2.type == SpeakerType::kPerson && !m2.role_headed &&
             m2.ref == RefKind::kNone && m2.role.empty()) {
    // "according to the local county commissioner, James Gatluak": the
    // name in apposition to the role.
    Mention named = m2;
    named.role = m.role.empty() ? m.name : m.role;
    named.owner_its = m.owner_its;
    named.span.start = m.span.start;
    return named;
  }
  return m;
}

// The subject opening the sentence of a ", saying" cue: a pronoun, or a
// capitalised name after an optional determiner, optionally with its
// acronym ("The World Health Organization (WHO) gave a lower figure,
// saying ..."). A dateline or any other comma after the name rules it out.
Mention SpeakerReader::Subject(std::string_view text, const std::vector<Token>& tokens, std::size_t sb,
                               std::size_t cue_b, std::size_t se) const {
  std::size_t b = sb;
  while (b < cue_b && !tokens[b].word()) ++b;
  if (b >= cue_b) return Mention();
  if (p_.Function(tokens[b]) == FunctionClass::kPronoun) return p_.Parse(text, tokens, b, b + 1);
  std::size_t e = b;
  if (p_.Function(tokens[e]) == FunctionClass::kDet) ++e;
  std::size_t name = e;
  while (e < cue_b && e < b + 16 && tokens[e].word() &&
         (tokens[e].cap || ((tokens[e].lower == "of" || tokens[e].lower == "for" || tokens[e].lower == "and") &&
                            e + 1 < cue_b && tokens[e + 1].cap))) {
    ++e;
  }
  if (e == name || e >= cue_b || (tokens[e].boundary() && tokens[e].text != "(")) return Mention();
  Mention m = p_.Parse(text, tokens, b, e);
  if (!m.valid || !m.known) return Mention();
  Bracketed(text, tokens, se, m);
  return m;
}

void SpeakerReader::Bracketed(std::string_view text, const std::vector<Token>& tokens, std::size_t se,
                              Mention& m) const {
  std::size_t j = TokenAt(tokens, m.span.end);
  if (j + 2 >= se || tokens[j].text != "(" || !PhraseParser::IsAcronym(tokens[j + 1]) || tokens[j + 2].text != ")") {
    return;
  }
  const Token& last = tokens[TokenAt(tokens, m.span.end) - 1];
  if (m.type == SpeakerType::kPerson && !m.role_headed && m.ref == RefKind::kNone) {
    // People have no acronyms: "Integrated Food Security Phase Classification (IPC)".
    std::string name = CollapseSpaces(m.span.of(text));
    if (name.starts_with("the ") || name.starts_with("The ")) name.erase(0, 4);
    m.type = SpeakerType::kOrganization;
    m.name = std::move(name);
    m.name_span = m.span;
    m.role.clear();
  } else if (m.type != SpeakerType::kPerson && m.type != SpeakerType::kDocument && last.word() && !last.cap) {
    // "the UN's humanitarian office (OCHA)": the acronym names what the words describe.
    m.type = SpeakerType::kOrganization;
    m.role = m.name;
    m.name = std::string(tokens[j + 1].text);
    m.name_span = tokens[j + 1].span;
    m.ref = RefKind::kNone;
    m.generic = false;
  } else {
    return;
  }
  m.known = true;
}

Mention SpeakerReader::Read(std::string_view text, const std::vector<Token>& tokens, const CueRule& rule,
                            std::size_t cue_b, std::size_t cue_e, std::size_t sb, std::size_t se,
                            std::size_t next_cue_token) const {
  Mention none;
  auto word_at = [&](std::size_t j) { return j < se && tokens[j].word(); };
  if (rule.side == CueSide::kSubject) {
    if (cue_b <= sb || tokens[cue_b - 1].kind != TokenKind::kComma) return none;
    return Subject(text, tokens, sb, cue_b, se);
  }
  if (rule.side != CueSide::kRight) {
    // A noun, not a verb: "the reported toll", "a UN report said".
    if (cue_b > sb) {
      FunctionClass f = p_.Function(tokens[cue_b - 1]);
      if (f == FunctionClass::kDet || f == FunctionClass::kPoss) return none;
    }
    if (next_cue_token == cue_e && rule.side != CueSide::kDocument) return none;
  }
  // "the man, said to be 40": no report.
  if (rule.side == CueSide::kLeft && cue_e < se && tokens[cue_e].lower == "to") return none;
  // "he tells of a girl": a story, not a report.
  if (rule.lemma == "tell" && cue_e < se && (tokens[cue_e].lower == "of" || tokens[cue_e].lower == "about")) {
    return none;
  }
  if (rule.clause) {
    bool ok = cue_e >= se || tokens[cue_e].boundary() || tokens[cue_e].lower == "that" ||
              tokens[cue_e].lower == "on" || tokens[cue_e].lower == "in" ||
              p_.Function(tokens[cue_e]) == FunctionClass::kTime;
    if (!ok) return none;
  }
  if (rule.needs_for) {
    bool ok = false;
    for (std::size_t j = cue_e; j < se && j < cue_e + 7 && !ok; ++j) ok = tokens[j].lower == "for";
    if (!ok) return none;
  }
  if (rule.at) {
    bool ok = false;
    for (std::size_t j = cue_e; j < se && j < cue_e + 7 && !ok; ++j) ok = tokens[j].lower == "at";
    if (!ok) return none;
  }

  Mention m;
  if (rule.side == CueSide::kRight) {
    bool according = rule.lemma == "according to";
    m = Right(text, tokens, cue_e, se, !according);
    if (!m.valid && rule.passive) {
      std::size_t j = cue_b;
      while (j > sb && (p_.Function(tokens[j - 1]) == FunctionClass::kPassive ||
                        p_.Function(tokens[j - 1]) == FunctionClass::kAux)) {
        --j;
      }
      if (j < cue_b) m = Left(text, tokens, j, sb);
    }
    if (m.valid && rule.passive) {
      // "quoted X as saying": demand the "as saying".
      std::size_t j = TokenAt(tokens, m.span.end);
      bool ok = false;
      for (std::size_t k = std::max(j, cue_e); k + 1 < se && k < j + 8 && !ok; ++k) {
        ok = tokens[k].lower == "as" && tokens[k + 1].lower == "saying";
      }
      if (!ok) return none;
    }
  } else {
    // "Lindqvist, 56, said the company's new dishwasher ... had sold": a
    // subject with its age in apposition speaks; what follows is the report.
    const bool aged_subject = cue_b >= sb + 4 && tokens[cue_b - 1].kind == TokenKind::kComma &&
                              tokens[cue_b - 2].kind == TokenKind::kNumber &&
                              tokens[cue_b - 3].kind == TokenKind::kComma && tokens[cue_b - 4].cap;
    // "The World Food Programme, which feeds some 870,000 people, said each
    // refugee receives $9": the comma closes an aside after the subject.
    const bool after_aside = cue_b > sb + 1 && tokens[cue_b - 1].kind == TokenKind::kComma &&
                             AsideOpening(tokens, cue_b - 1, sb) != kNoAside;
    bool inverted = rule.invert && !aged_subject && !after_aside &&
                    (cue_b == sb || tokens[cue_b - 1].kind == TokenKind::kComma ||
                     tokens[cue_b - 1].kind == TokenKind::kQuote) &&
                    word_at(cue_e) && p_.Function(tokens[cue_e]) != FunctionClass::kStop;
    if (inverted) {
      m = Right(text, tokens, cue_e, se, true);
      // "..., said X." ends at the sentence end, a comma, a time or a
      // relative clause; ", said the vault now holds" is no inversion.
      std::size_t end = TokenAt(tokens, m.span.end);
      if (m.valid && end < se && !tokens[end].boundary()) {
        FunctionClass f = p_.Function(tokens[end]);
        bool at_least = tokens[end].lower == "at" && end + 1 < se &&
                        (tokens[end + 1].lower == "least" || tokens[end + 1].lower == "most");
        bool adjunct = f == FunctionClass::kTime || f == FunctionClass::kStop || tokens[end].lower == "on" ||
                       tokens[end].lower == "in" || (tokens[end].lower == "at" && !at_least);
        // ", said more than 790,000 ...", ", said the country needed at
        // least ...": an unknown lower-case word going on is the report.
        bool unknown_head = !m.known && m.ref == RefKind::kNone;
        if (!adjunct || unknown_head) m = Mention();
      }
      if (m.valid && m.ref == RefKind::kPronoun && m.ref_word == "it") return none;  // "said it would"
      // ", said aid agencies reached nearly 8 million people.": a figure
      // inside the phrase makes it the report, not its speaker (a name
      // carries no bare number; "the 15-member council" is one word).
      for (std::size_t k = cue_e; m.valid && k < end && k < se; ++k) {
        if (tokens[k].kind == TokenKind::kNumber && tokens[k].text.find('-') == std::string_view::npos) {
          m = Mention();
        }
      }
    }
    if (!m.valid) {
      std::size_t j = cue_b;
      // "did not say", "declined to say": no report.
      if (j > sb && (tokens[j - 1].lower == "to" || tokens[j - 1].lower == "not" ||
                     tokens[j - 1].lower.ends_with("n't"))) {
        return none;
      }
      while (j > sb && p_.Function(tokens[j - 1]) == FunctionClass::kAux && !tokens[j - 1].cap) {
        if (tokens[j - 1].lower == "not" || tokens[j - 1].lower == "never") return none;
        --j;
      }
      if (j > sb && p_.Function(tokens[j - 1]) == FunctionClass::kPassive) return none;  // "were reported"
      m = Left(text, tokens, j, sb);
    }
  }
  if (!m.valid) return none;
  Bracketed(text, tokens, se, m);
  if (rule.side == CueSide::kDocument && m.type != SpeakerType::kDocument &&
      !(m.ref == RefKind::kPronoun && m.ref_word == "it")) {
    return none;  // "it found" may mean a survey named before
  }
  // "Zuckerberg wrote": a lone surname passes; the attributor keeps it only
  // when it names someone given in full before.
  if (rule.typed && !m.known && m.ref != RefKind::kSurname) return none;
  if (rule.plural && !m.plural && !(m.ref == RefKind::kPronoun && m.ref_word == "they")) return none;
  return m;
}

}  // namespace claimex::attribution

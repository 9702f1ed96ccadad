#include "extractor/attribution/phrase_parser.h"

#include <stdexcept>

#include "extractor/core/lexicon.h"

namespace claimex::attribution {

namespace {

// The text of tokens [a, b) as written, whitespace runs collapsed to one space.
std::string Text(std::string_view text, const std::vector<Token>& tokens, std::size_t a, std::size_t b) {
  std::string out;
  if (a >= b) return out;
  std::string_view s = text.substr(tokens[a].span.start, tokens[b - 1].span.end - tokens[a].span.start);
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool PluralNoun(std::string_view w) {
  return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != '\'';
}

// Modifiers that keep "the X agency" a reference back rather than a new name.
bool ReferringModifier(const Token& t) {
  static const WordSet kWords = {"same", "world", "un", "u.n", "rights", "aid",
                                                         "monitoring", "humanitarian", "global", "relief"};
  return t.text.find('-') != std::string_view::npos || kWords.find(t.lower) != kWords.end();
}

}  // namespace

PhraseParser::PhraseParser() {
  for (const LexiconRow& row : LoadLexicon("attribution_function_words.txt")) {
    std::string_view c = row.get(1);
    FunctionClass f = c == "det"       ? FunctionClass::kDet
                      : c == "poss"    ? FunctionClass::kPoss
                      : c == "pronoun" ? FunctionClass::kPronoun
                      : c == "aux"     ? FunctionClass::kAux
                      : c == "passive" ? FunctionClass::kPassive
                      : c == "stop"    ? FunctionClass::kStop
                      : c == "prep"    ? FunctionClass::kPrep
                      : c == "time"    ? FunctionClass::kTime
                      : c == "connect" ? FunctionClass::kConnect
                                       : FunctionClass::kNone;
    if (f == FunctionClass::kNone) {
      throw std::logic_error("attribution_function_words.txt:" + std::to_string(row.line) + ": bad class");
    }
    function_.Insert(row[0], f);
  }
  for (const LexiconRow& row : LoadLexicon("attribution_roles.txt")) {
    std::string_view c = row.get(1);
    RoleClass r = c == "role" ? RoleClass::kRole : c == "title" ? RoleClass::kTitle : RoleClass::kPart;
    roles_.Insert(row[0], r);  // first class listed wins ("general" is a role)
  }
  for (const LexiconRow& row : LoadLexicon("attribution_org_heads.txt")) {
    org_heads_.Assign(row[0], row.get(1) == "generic");
  }
  for (const LexiconRow& row : LoadLexicon("attribution_anonymous.txt")) anonymous_.Insert(row[0], true);
  for (const LexiconRow& row : LoadLexicon("attribution_documents.txt")) documents_.Insert(row[0], true);
  std::unordered_multimap<std::string, std::pair<std::vector<std::string>, bool>> by_first;
  for (const LexiconRow& row : LoadLexicon("attribution_organizations.txt")) {
    std::vector<std::string> words;
    std::string w;
    for (char c : row[0] + " ") {
      if (c == ' ') {
        while (!w.empty() && w.back() == '.' && w.size() > 1 && w.find('.') != w.size() - 1) w.pop_back();
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    if (words.empty()) continue;
    by_first.emplace(words[0], std::make_pair(words, row.get(1) == "media"));
  }
  // Keyed for string_view lookups (no std::string per query); each list in
  // the order the multimap gives, which decides ties between equal lengths.
  for (const auto& [first, entry] : by_first) {
    if (!orgs_.Insert(first, static_cast<std::uint32_t>(org_lists_.size()))) continue;
    auto& list = org_lists_.emplace_back();
    auto range = by_first.equal_range(first);
    for (auto it = range.first; it != range.second; ++it) list.push_back(it->second);
  }
}

bool PhraseParser::PluralPossessiveMark(const std::vector<Token>& tokens, std::size_t j) {
  return j > 0 && (tokens[j].text == "'" || tokens[j].text == "\xE2\x80\x99") && tokens[j - 1].word() &&
         tokens[j - 1].lower.ends_with("s") && tokens[j - 1].span.end == tokens[j].span.start;
}

bool PhraseParser::IsAcronym(const Token& t) { return t.word() && IsAcronymText(t.text); }

bool PhraseParser::IsAcronymText(std::string_view word) {
  if (word.size() < 2) return false;
  int letters = 0;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.' && c != '&') return false;
  }
  return letters >= 2;
}

std::size_t PhraseParser::KnownOrg(const std::vector<Token>& tokens, std::size_t i, std::size_t e,
                                   bool* media) const {
  std::size_t best = 0;
  const std::uint32_t* found = orgs_.Find(tokens[i].text);
  if (!found) return 0;
  for (const auto& [words, is_media] : org_lists_[*found]) {
    if (i + words.size() > e) continue;
    bool ok = true;
    for (std::size_t k = 0; k < words.size() && ok; ++k) ok = tokens[i + k].text == words[k];
    if (ok && words.size() > best) {
      best = words.size();
      if (media) *media = is_media;
    }
  }
  return best;
}

bool PhraseParser::TitledName(const std::vector<Token>& tokens, std::size_t i, std::size_t j) const {
  std::size_t n = j;
  while (n > i && j - n < 3 && tokens[n - 1].word() && tokens[n - 1].cap && Role(tokens[n - 1]) == RoleClass::kNone &&
         !IsOrgHead(tokens[n - 1]) && !IsAcronym(tokens[n - 1]) && Function(tokens[n - 1]) == FunctionClass::kNone) {
    --n;
  }
  return n < j && n > i && Role(tokens[n - 1]) != RoleClass::kNone && Role(tokens[n - 1]) != RoleClass::kPart;
}

Mention PhraseParser::Parse(std::string_view text, const std::vector<Token>& tokens, std::size_t b,
                            std::size_t e) const {
  Mention m;
  auto is_title_dot = [&](std::size_t j) {
    return tokens[j].kind == TokenKind::kStop && tokens[j].text == "." && j > 0 &&
           Role(tokens[j - 1]) == RoleClass::kTitle;
  };
  while (b < e && !tokens[b].word()) ++b;
  while (e > b && ((!tokens[e - 1].word() && !is_title_dot(e - 1)) ||
                   (!tokens[e - 1].cap && Function(tokens[e - 1]) == FunctionClass::kPrep))) {
    --e;  // "data released (on Thursday)"
  }
  if (b >= e || e - b > 14) return m;
  m.span = Span{tokens[b].span.start, tokens[e - 1].span.end};

  if (e - b == 1 && Function(tokens[b]) == FunctionClass::kPronoun) {
    m.valid = m.known = true;
    m.ref = RefKind::kPronoun;
    m.ref_word = tokens[b].lower;
    m.plural = m.ref_word == "they";
    m.name_span = tokens[b].span;
    return m;
  }
  std::size_t i = b;
  bool det_the = false;
  FunctionClass f0 = Function(tokens[i]);
  if (f0 == FunctionClass::kDet) {
    det_the = tokens[i].lower == "the";
    ++i;
  } else if (f0 == FunctionClass::kPoss) {
    m.owner_its = tokens[i].lower == "its";
    ++i;
  }
  if (i >= e) return m;
  // A clause, not a phrase: verbs and pronouns inside.
  for (std::size_t j = i; j < e; ++j) {
    const Token& t = tokens[j];
    if (!t.word() || t.cap) continue;
    FunctionClass f = Function(t);
    if (f == FunctionClass::kPassive || f == FunctionClass::kPronoun) return m;
    if (f == FunctionClass::kAux && (t.lower == "has" || t.lower == "have" || t.lower == "had" ||
                                     t.lower == "will" || t.lower == "would")) {
      return m;
    }
  }

  // Head region [i, h): up to the first preposition or clause word that is
  // not inside a capitalised name ("Observatory for Human Rights").
  std::size_t h = e;
  for (std::size_t j = i; j < e; ++j) {
    const Token& t = tokens[j];
    if (!t.word() || t.cap) continue;
    FunctionClass f = Function(t);
    // "A survey last year", "a doctor there": a time or place ends the head too.
    if (f == FunctionClass::kTime && j > i) {
      h = j;
      break;
    }
    if (f != FunctionClass::kPrep && f != FunctionClass::kStop) continue;
    // "Residents of Sanaa ...": a common noun capitalised at the start heads
    // its phrase; the name after "of" does not take it in.
    bool common_start = j == i + 1 && (IsAnonymous(tokens[i].lower) || IsDocument(tokens[i].lower)) &&
                        !IsAcronym(tokens[i]);
    bool inside = f == FunctionClass::kPrep && j > i && tokens[j - 1].cap && !common_start &&
                  !TitledName(tokens, i, j) && j + 1 < e &&
                  (tokens[j + 1].cap || (tokens[j + 1].lower == "the" && j + 2 < e && tokens[j + 2].cap)) &&
                  (t.lower == "of" || t.lower == "for" || t.lower == "on");
    if (inside) continue;
    h = j;
    break;
  }
  if (h <= i) return m;

  // Trailing capitalised run [k, h), with connectors inside it.
  auto connector = [&](const Token& t) {
    return t.word() && !t.cap &&
           (Function(t) == FunctionClass::kConnect || t.lower == "of" || t.lower == "for" || t.lower == "the" ||
            t.lower == "and" || t.lower == "on");
  };
  std::size_t k = h;
  while (k > i) {
    const Token& t = tokens[k - 1];
    if (t.word() && t.cap) {
      --k;
      continue;
    }
    if (is_title_dot(k - 1) && k - 1 > i) {
      --k;
      continue;
    }
    // "the Sudan Doctors' Union", "the Bavarian Farmers' Association": a
    // capitalised plural possessive inside the name.
    if (k < h && tokens[k].cap && k - 1 > i && PluralPossessiveMark(tokens, k - 1) && tokens[k - 2].cap) {
      --k;
      continue;
    }
    if (connector(t) && k < h && tokens[k].cap) {
      std::size_t c = k - 1;
      while (c > i && connector(tokens[c - 1]) && k - c < 2) --c;
      if (c > i && tokens[c - 1].cap && tokens[c - 1].word()) {
        k = c;
        continue;
      }
    }
    break;
  }
  while (k < h && !(tokens[k].word() && tokens[k].cap)) ++k;
  // "the Britain-based Syrian Observatory ...": the base is no part of the name.
  while (k + 1 < h && tokens[k].lower.ends_with("-based")) ++k;
  // A common noun capitalised at the start of a sentence ("Officials say",
  // "Figures show", "Police said") is no name.
  if (k == i && h == i + 1 &&
      (IsAnonymous(tokens[i].lower) || IsDocument(tokens[i].lower) || IsOrgHead(tokens[i]) ||
       Role(tokens[i]) == RoleClass::kRole) &&
      !IsAcronym(tokens[i])) {
    k = h;
  }

  auto role_text = [&](std::size_t a, std::size_t z) {
    while (a < z && (Role(tokens[a]) == RoleClass::kTitle || is_title_dot(a) || !tokens[a].word())) ++a;
    while (z > a && (Role(tokens[z - 1]) == RoleClass::kTitle || is_title_dot(z - 1) || !tokens[z - 1].word())) --z;
    return Text(text, tokens, a, z);
  };

  if (k < h) {
    // Known organisation ending the run ("the Red Cross", "Human Rights Watch").
    for (std::size_t j = k; j < h; ++j) {
      bool media = false;
      std::size_t n = KnownOrg(tokens, j, h, &media);
      if (n && j + n == h) {
        m.valid = m.known = true;
        m.type = SpeakerType::kOrganization;
        m.media = media;
        m.name = Text(text, tokens, k, h);
        m.name_span = Span{tokens[k].span.start, tokens[h - 1].span.end};
        m.role = role_text(i, k);
        m.plural = true;  // organisations take plural verbs in British usage
        return m;
      }
    }
    // The personal name: capitalised words read right to left.
    std::size_t n = h;
    while (n > k) {
      const Token& t = tokens[n - 1];
      if (!(t.word() && t.cap)) {
        if (t.word() && Function(t) == FunctionClass::kConnect && n - 1 > k && n < h) {
          --n;
          continue;
        }
        break;
      }
      bool possessive = t.text.size() > 2 && (t.text.ends_with("'s") || t.text.ends_with("\xE2\x80\x99s"));
      if (Role(t) != RoleClass::kNone || IsOrgHead(t) || IsAcronym(t) || Function(t) != FunctionClass::kNone ||
          possessive || h - n >= 4) {
        break;
      }
      --n;
    }
    std::size_t name_words = 0;
    for (std::size_t j = n; j < h; ++j) name_words += tokens[j].cap;
    bool org_in_run = false;
    for (std::size_t j = k; j < h && !org_in_run; ++j) {
      org_in_run = IsOrgHead(tokens[j]) || IsAcronym(tokens[j]) || KnownOrg(tokens, j, h, nullptr) > 0;
    }
    // Too many capitalised words for a personal name, or a name right after
    // "of"/"for"/"and" inside the run: an organisation ("European Forest
    // Fire Information System", "Association for Political Prisoners").
    if (n > k && name_words >= 2) {
      const Token& before = tokens[n - 1];
      bool plain_cap = before.word() && before.cap && Role(before) == RoleClass::kNone && !IsOrgHead(before) &&
                       !IsAcronym(before) && Function(before) == FunctionClass::kNone;
      // "US Geological Survey": an acronym right before the name.
      bool acronym = IsAcronym(before) && Role(before) == RoleClass::kNone;
      if (plain_cap || connector(before) || acronym) org_in_run = true, name_words = 0;
    }
    // "Swedish truckmaker Nordfrakt", "the lender Barclays": a name right
    // after an organisation noun is that organisation's.
    if (n == k && n > i && !tokens[n - 1].cap && IsOrgHead(tokens[n - 1]) && Role(tokens[n - 1]) == RoleClass::kNone) {
      org_in_run = true;
      name_words = 0;
    }
    bool titled = n > i && (Role(tokens[n - 1]) == RoleClass::kRole || Role(tokens[n - 1]) == RoleClass::kTitle ||
                            is_title_dot(n - 1));
    if (name_words >= 2 || (name_words == 1 && titled)) {
      m.valid = m.known = true;
      m.type = SpeakerType::kPerson;
      m.name = Text(text, tokens, n, h);
      m.name_span = Span{tokens[n].span.start, tokens[h - 1].span.end};
      m.role = role_text(i, n);
      if (name_words == 1) {
        m.ref = RefKind::kSurname;
        m.ref_word = tokens[n].lower;
      }
      return m;
    }
    if (org_in_run) {
      m.valid = m.known = true;
      m.type = SpeakerType::kOrganization;
      m.name = Text(text, tokens, k, h);
      m.name_span = Span{tokens[k].span.start, tokens[h - 1].span.end};
      m.role = role_text(i, k);
      m.plural = true;
      return m;
    }
    if (name_words == 1 && k == n) {
      // "Lowcock said": a surname given in full earlier, else an unknown name.
      m.valid = true;
      m.ref = RefKind::kSurname;
      m.ref_word = tokens[n].lower;
      m.type = SpeakerType::kPerson;
      m.name = Text(text, tokens, k, h);
      m.name_span = tokens[n].span;
      m.role = role_text(i, k);
      m.known = !m.role.empty();
      return m;
    }
    if (name_words == 0 && Role(tokens[h - 1]) == RoleClass::kRole) {
      // "the Prime Minister", "Finance Minister": an office without a name.
      m.valid = m.known = true;
      m.type = SpeakerType::kPerson;
      m.role_headed = true;
      m.name = Text(text, tokens, i, h);
      m.name_span = Span{tokens[i].span.start, tokens[h - 1].span.end};
      if (det_the && h - k <= 3) {
        m.ref = RefKind::kDescription;
        m.ref_person = true;
        m.ref_word = tokens[h - 1].lower;
      }
      return m;
    }
    // Capitalised words of no known kind ("Islamic State").
    m.valid = true;
    m.type = SpeakerType::kOrganization;
    m.name = Text(text, tokens, i, e);
    m.name_span = Span{tokens[i].span.start, tokens[e - 1].span.end};
    return m;
  }

  // A lower-case head noun.
  const Token& head = tokens[h - 1];
  if (!head.word()) return m;
  m.valid = m.known = true;
  m.name = Text(text, tokens, i, e);
  m.name_span = Span{tokens[i].span.start, tokens[e - 1].span.end};
  std::size_t modifiers = h - 1 - i;
  if (IsDocument(head.lower)) {
    m.type = SpeakerType::kDocument;
    m.plural = head.lower == "data" || head.lower == "figures" || PluralNoun(head.lower);
    return m;
  }
  if (Role(head) == RoleClass::kRole) {
    m.type = f0 == FunctionClass::kDet && !det_the ? SpeakerType::kAnonymous : SpeakerType::kPerson;
    m.role_headed = true;
    m.role = m.name;
    if ((det_the && modifiers <= 1) || m.owner_its) {
      m.ref = RefKind::kDescription;
      m.ref_person = true;
      m.ref_word = head.lower;
    }
    return m;
  }
  if (IsAnonymous(head.lower)) {
    m.type = SpeakerType::kAnonymous;
    m.plural = PluralNoun(head.lower) || head.lower == "people" || head.lower == "police";
    return m;
  }
  if (const bool* generic = org_heads_.Find(head.lower)) {
    m.type = SpeakerType::kOrganization;
    m.plural = true;
    if (det_the && h == e && (modifiers == 0 || (modifiers == 1 && ReferringModifier(tokens[i])))) {
      m.ref = RefKind::kDescription;
      m.ref_word = head.lower;
      m.generic = *generic;
    }
    return m;
  }
  // An unknown lower-case head is a speaker only as a plain noun phrase
  // ("the jury"), not a clause fragment ("led up to the appeal").
  if (f0 != FunctionClass::kDet && f0 != FunctionClass::kPoss && !tokens[i].cap) {
    // "money changers" yes; "led up to the appeal", "ruggedly slim" no.
    if (h != e || e - i > 3) return Mention();
    for (std::size_t j = i; j < e; ++j) {
      std::string_view w = tokens[j].lower;
      if (w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing")) return Mention();
    }
  }
  m.known = false;
  m.type = PluralNoun(head.lower) ? SpeakerType::kAnonymous : SpeakerType::kOrganization;
  m.plural = PluralNoun(head.lower);
  return m;
}

}  // namespace claimex::attribution

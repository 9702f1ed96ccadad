// Reads one speaker phrase (the words before "said", after "according to")
// into a Mention: its type, the name and the role as written, or a
// reference still to resolve (a pronoun, a surname, "the agency").
//
//   PhraseParser parser;                           // loads the word lexicons
//   Mention m = parser.Parse(text, tokens, b, e);  // tokens [b, e)
//   // "UN Undersecretary General for Humanitarian Affairs Mark Lowcock"
//   //   -> person, name "Mark Lowcock",
//   //      role "UN Undersecretary General for Humanitarian Affairs"
//
// Names are read right to left from the end of the phrase and stop at a
// role word, a title or a word of role phrases (lexicons/attribution_roles.txt).
// A phrase ending in a capitalised name containing an organisation word
// (attribution_org_heads.txt), a known organisation or an acronym names an
// organisation; lower-case phrases are typed by their head noun (the last
// word before a preposition): anonymous, document, role or organisation.
// An invalid Mention (valid == false) means the words are no speaker.
// Thread-safe after construction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractor/attribution/tokens.h"
#include "extractor/attribution/word_table.h"
#include "extractor/core/claim.h"

namespace claimex::attribution {

// Lets the word tables be searched with a string_view, without a copy.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

enum class RefKind { kNone, kPronoun, kSurname, kDescription };

struct Mention {
  bool valid = false;
  bool known = false;   // typed from the lexicons or a name, not a guess
  bool plural = false;  // may take a plural verb ("officials", "they")
  bool media = false;   // a news outlet (attribution_organizations.txt)
  SpeakerType type = SpeakerType::kOrganization;
  std::string name, role;
  Span span;       // the whole phrase
  Span name_span;  // the name (or the pronoun, the description) as written
  RefKind ref = RefKind::kNone;
  std::string ref_word;    // lower-case pronoun, surname or head noun
  bool ref_person = false; // a description of a person ("the spokesman")
  bool generic = false;    // a generic organisation word ("the agency")
  bool owner_its = false;  // "its director ...": the role belongs to an earlier organisation
  bool role_headed = false;  // the phrase is a role without a name ("the UN aid chief")
};

enum class FunctionClass { kNone, kDet, kPoss, kPronoun, kAux, kPassive, kStop, kPrep, kTime, kConnect };
enum class RoleClass { kNone, kRole, kTitle, kPart };

class PhraseParser {
 public:
  PhraseParser();
  Mention Parse(std::string_view text, const std::vector<Token>& tokens, std::size_t b,
                std::size_t e) const;

  // A token's lexicon classes, looked up once and cached in the token
  // (inline: phrase reading asks about nearly every word).
  FunctionClass Function(const Token& t) const;
  RoleClass Role(const Token& t) const;
  bool IsOrgHead(const Token& t) const;
  bool IsAnonymous(std::string_view lower) const { return anonymous_.Contains(lower); }
  bool IsDocument(std::string_view lower) const { return documents_.Contains(lower); }
  // Length in tokens of a known organisation name starting at tokens[i]
  // (0 if none), and whether it is a news outlet.
  std::size_t KnownOrg(const std::vector<Token>& tokens, std::size_t i, std::size_t e, bool* media) const;
  static bool IsAcronym(const Token& t);
  // "the Welsh Conservatives' finance spokesman", "the Sudan Doctors'
  // Union": the apostrophe of a plural possessive, written right after its
  // word, is inside the phrase.
  static bool PluralPossessiveMark(const std::vector<Token>& tokens, std::size_t j);
  // Whether tokens [i, j) end in a titled personal name ("Economist Daithí
  // Murphy" before "of University College Cork"): the "of" then starts the
  // person's affiliation, not the rest of one name.
  bool TitledName(const std::vector<Token>& tokens, std::size_t i, std::size_t j) const;
  static bool IsAcronymText(std::string_view word);

 private:
  // The token's WordTable hash, computed on first use.
  static std::uint64_t MixOf(const Token& t);

  WordTable<FunctionClass> function_;
  WordTable<RoleClass> roles_;
  WordTable<bool> org_heads_;  // word -> generic
  WordTable<bool> anonymous_, documents_;
  // first word -> index into org_lists_: [(all words, media)]
  WordTable<std::uint32_t> orgs_;
  std::vector<std::vector<std::pair<std::vector<std::string>, bool>>> org_lists_;
};

inline std::uint64_t PhraseParser::MixOf(const Token& t) {
  if (t.mix == 0) t.mix = WordTable<bool>::Mix(t.lower);
  return t.mix;
}

inline FunctionClass PhraseParser::Function(const Token& t) const {
  if (!t.word()) return FunctionClass::kNone;
  if (t.function_class < 0) {
    const FunctionClass* f = function_.Find(t.lower, MixOf(t));
    t.function_class = static_cast<signed char>(f ? *f : FunctionClass::kNone);
  }
  return static_cast<FunctionClass>(t.function_class);
}

inline RoleClass PhraseParser::Role(const Token& t) const {
  if (!t.word()) return RoleClass::kNone;
  if (t.role_class < 0) {
    const RoleClass* r = roles_.Find(t.lower, MixOf(t));
    t.role_class = static_cast<signed char>(r ? *r : RoleClass::kNone);
  }
  return static_cast<RoleClass>(t.role_class);
}

inline bool PhraseParser::IsOrgHead(const Token& t) const {
  if (t.org_head < 0) t.org_head = org_heads_.Find(t.lower, MixOf(t)) != nullptr;
  return t.org_head > 0;
}

}  // namespace claimex::attribution

// The people and organisations a document has named so far, for resolving
// references back: "he" -> the latest person, "it" -> the latest
// organisation, "Lowcock" -> "Mark Lowcock", "the agency" / "the
// Britain-based observatory" -> the latest organisation whose name or role
// has that head noun, "its director" -> the organisation last quoted.
//
//   Discourse d;
//   d.Add(entity);                                   // in text order
//   const Entity* e = d.Pronoun("he", pos, sentence);  // nullptr: unresolved
//
// Only entities written before `pos` are candidates, and only within a few
// sentences: an old antecedent is more often wrong than right. Cost is
// bounded by that window and by kMaxCandidates entities looked at per
// question (a single endless sentence would otherwise make it quadratic),
// so a document is linear overall.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/claim.h"

namespace claimex::attribution {

struct Entity {
  SpeakerType type = SpeakerType::kOrganization;
  std::string name, role;
  std::size_t pos = 0;       // byte offset of the mention
  std::size_t sentence = 0;  // its sentence index
  bool speaker = false;      // named as the source of a claim
  bool media = false;        // a news outlet
  bool named = true;         // persons: a personal name, not just an office
  bool weak = false;         // a capitalised name of unknown kind: only a surname may refer to it
  bool plural = false;       // names a group ("officials"), never a "he" or "she"
  bool subject = false;      // opens its sentence ("The weather office had raised ...")
};

class Discourse {
 public:
  void Add(Entity e);
  // Drops entities of sentences before `sentence`: no question asked from
  // there on can reach them (the windows are at most kMaxWindow sentences),
  // so a long document holds only a window's worth of entities.
  void Forget(std::size_t sentence);
  static constexpr std::size_t kMaxWindow = 40;
  const Entity* Pronoun(std::string_view lower, std::size_t pos, std::size_t sentence) const;
  const Entity* Surname(std::string_view lower, std::size_t pos, std::size_t sentence) const;
  // `head` is the lower-case head noun; `generic` heads ("agency") fall back
  // to the latest organisation quoted when no name contains them.
  const Entity* Description(std::string_view head, bool person, bool generic, std::size_t pos,
                            std::size_t sentence) const;
  // The latest document (a weak entity: "the survey") of this or the
  // previous sentence, for "it found".
  const Entity* Document(std::size_t pos, std::size_t sentence) const;
  // The latest organisation named exactly `name` (case aside).
  const Entity* Organization(std::string_view name, std::size_t pos, std::size_t sentence) const;
  // The organisation an "its" inside a speaker phrase refers to.
  const Entity* Owner(std::size_t pos, std::size_t sentence) const;

 private:
  static constexpr std::size_t kMaxCandidates = 1024;
  template <typename Pred>
  const Entity* Latest(std::size_t pos, std::size_t sentence, std::size_t window, bool allow_weak,
                       Pred pred) const;
  std::vector<Entity> entities_;
  std::size_t dead_ = 0;  // entities_[0, dead_) are forgotten
};

}  // namespace claimex::attribution

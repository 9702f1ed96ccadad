#include "extractor/attribution/discourse.h"

#include "extractor/core/ascii.h"

namespace claimex::attribution {

namespace {

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80); }

// `word` occurs in `hay` as a whole word (both lower-case); a plural -s is allowed.
bool HasWord(std::string_view hay, std::string_view word) {
  for (std::size_t p = hay.find(word); p != std::string_view::npos; p = hay.find(word, p + 1)) {
    std::size_t end = p + word.size();
    if (end < hay.size() && hay[end] == 's') ++end;
    if ((p == 0 || !IsLetter(hay[p - 1])) && (end >= hay.size() || !IsLetter(hay[end]))) return true;
  }
  return false;
}

std::string_view LastWord(std::string_view s) {
  std::size_t p = s.find_last_of(' ');
  return p == std::string_view::npos ? s : s.substr(p + 1);
}

}  // namespace

void Discourse::Add(Entity e) { entities_.push_back(std::move(e)); }

void Discourse::Forget(std::size_t sentence) {
  while (dead_ < entities_.size() && entities_[dead_].sentence < sentence) ++dead_;
  // Compact once the dead prefix is most of the vector: amortized O(1).
  if (dead_ > 256 && dead_ * 2 > entities_.size()) {
    entities_.erase(entities_.begin(), entities_.begin() + static_cast<std::ptrdiff_t>(dead_));
    dead_ = 0;
  }
}

template <typename Pred>
const Entity* Discourse::Latest(std::size_t pos, std::size_t sentence, std::size_t window, bool allow_weak,
                                Pred pred) const {
  const Entity* best = nullptr;
  std::size_t looked = 0;
  const auto rend = entities_.rend() - static_cast<std::ptrdiff_t>(dead_);
  for (auto it = entities_.rbegin(); it != rend; ++it) {
    if (it->sentence + window < sentence) break;
    // Real text names a few dozen entities within any window; only
    // machine-made text (one endless sentence) reaches this, and the cap
    // keeps its cost linear.
    if (++looked > kMaxCandidates) break;
    if (it->pos >= pos || (best && it->pos <= best->pos)) continue;
    if (it->weak && !allow_weak) continue;
    if (pred(*it)) best = &*it;
  }
  return best;
}

const Entity* Discourse::Pronoun(std::string_view lower, std::size_t pos, std::size_t sentence) const {
  if (lower == "he" || lower == "she") {
    auto person = [](const Entity& e) { return e.type == SpeakerType::kPerson && e.named; };
    // "a 26-year-old volunteer ... said prices had doubled. \"...,\" she
    // said": one unnamed source quoted just before, unless a named person
    // was mentioned after it.
    auto source = [](const Entity& e) { return e.type == SpeakerType::kAnonymous && e.speaker && !e.plural; };
    const Entity* named = Latest(pos, sentence, 6, false, person);
    const Entity* unnamed = Latest(pos, sentence, 1, false, source);
    if (unnamed && (!named || unnamed->pos > named->pos)) return unnamed;
    if (named) return named;
    // A full name of unknown kind just before ("Kerby Farrell ... he says").
    if (const Entity* e = Latest(pos, sentence, 2, /*allow_weak=*/true, person)) return e;
    // Nobody near: the person last quoted, however far back, rather than
    // a speaker with no name.
    return Latest(pos, sentence, kMaxWindow, false, [&](const Entity& x) { return person(x) && x.speaker; });
  }
  if (lower == "it") {
    auto org = [](const Entity& e) {
      return e.type == SpeakerType::kOrganization || e.type == SpeakerType::kDocument;
    };
    if (const Entity* e = Latest(pos, sentence, 0, false, org)) return e;
    // "The weather office had raised its highest warning. It said ...": the
    // organisation opening the sentence before is what "it" continues.
    if (const Entity* e = Latest(pos, sentence, 1, false, [&](const Entity& x) {
          return org(x) && x.subject && x.sentence + 1 == sentence;
        })) {
      return e;
    }
    if (const Entity* e = Latest(pos, sentence, 3, false, [&](const Entity& x) { return org(x) && x.speaker; })) return e;
    if (const Entity* e = Latest(pos, sentence, 2, false, org)) return e;
    // Nothing near: the organisation last quoted, however far back.
    return Latest(pos, sentence, kMaxWindow, false, [&](const Entity& x) { return org(x) && x.speaker; });
  }
  if (lower == "they") {
    auto group = [](const Entity& e) {
      return e.type == SpeakerType::kAnonymous || e.type == SpeakerType::kOrganization;
    };
    if (const Entity* e = Latest(pos, sentence, 3, false, [&](const Entity& x) { return group(x) && x.speaker; })) return e;
    return Latest(pos, sentence, 1, false, group);
  }
  return nullptr;
}

const Entity* Discourse::Surname(std::string_view lower, std::size_t pos, std::size_t sentence) const {
  return Latest(pos, sentence, kMaxWindow, /*allow_weak=*/true, [&](const Entity& e) {
    return e.type == SpeakerType::kPerson && e.named && LowerAscii(LastWord(e.name)) == lower;
  });
}

const Entity* Discourse::Description(std::string_view head, bool person, bool generic, std::size_t pos,
                                     std::size_t sentence) const {
  if (person) {
    return Latest(pos, sentence, 10, false, [&](const Entity& e) {
      return e.type == SpeakerType::kPerson && e.named && HasWord(LowerAscii(e.role), head);
    });
  }
  auto org = [](const Entity& e) { return e.type == SpeakerType::kOrganization; };
  // A bare earlier "the company" (named nothing) is the last resort of a
  // generic head: the company quoted just before is the better antecedent.
  auto bare = [&](const Entity& x) { return LowerAscii(x.name) == head; };
  if (const Entity* e = Latest(pos, sentence, 10, false, [&](const Entity& x) {
        return org(x) && HasWord(LowerAscii(x.name + " " + x.role), head) && !(generic && bare(x));
      })) {
    return e;
  }
  if (!generic) return nullptr;
  // "The Ocean Viking, run by SOS Mediterranee, was ordered ..., the charity
  // said": an organisation named earlier in the same sentence.
  if (const Entity* e = Latest(pos, sentence, 0, false, [&](const Entity& x) {
        return org(x) && !x.media && !bare(x) && x.sentence == sentence;
      })) {
    return e;
  }
  // The organisation quoted last, even several paragraphs back: a wire
  // story's "the company said" is the company it is about, not a stock
  // exchange or a rival mentioned since ("Electra Nord reported ... shares
  // rose on the Stockholm exchange ... The company said").
  if (const Entity* e = Latest(pos, sentence, 10, false, [&](const Entity& x) { return org(x) && x.speaker && !x.media; })) {
    return e;
  }
  if (const Entity* e = Latest(pos, sentence, 2, false, [&](const Entity& x) { return org(x) && !x.media; })) {
    return e;
  }
  return Latest(pos, sentence, 10, false, [&](const Entity& x) { return org(x) && bare(x); });
}

const Entity* Discourse::Document(std::size_t pos, std::size_t sentence) const {
  return Latest(pos, sentence, 1, /*allow_weak=*/true,
                [](const Entity& e) { return e.type == SpeakerType::kDocument; });
}

const Entity* Discourse::Organization(std::string_view name, std::size_t pos, std::size_t sentence) const {
  std::string lower = LowerAscii(name);
  return Latest(pos, sentence, kMaxWindow, false, [&](const Entity& e) {
    return e.type == SpeakerType::kOrganization && LowerAscii(e.name) == lower;
  });
}

const Entity* Discourse::Owner(std::size_t pos, std::size_t sentence) const {
  auto org = [](const Entity& e) { return e.type == SpeakerType::kOrganization && !e.media; };
  if (const Entity* e = Latest(pos, sentence, 6, false, [&](const Entity& x) { return org(x) && x.speaker; })) return e;
  if (const Entity* e = Latest(pos, sentence, 3, false, org)) return e;
  return nullptr;
}

}  // namespace claimex::attribution

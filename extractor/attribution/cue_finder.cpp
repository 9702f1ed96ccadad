#include "extractor/attribution/cue_finder.h"

#include <re2/re2.h>

#include <stdexcept>

#include "extractor/attribution/tokens.h"
#include "extractor/core/lexicon.h"

namespace claimex::attribution {

CueFinder::CueFinder() {
  std::vector<std::string> forms;
  for (const LexiconRow& row : LoadLexicon("attribution_cues.txt")) {
    CueRule r;
    r.form = CollapseSpaces(row[0], /*lower=*/true);
    r.lemma = std::string(row.get(1));
    std::string_view side = row.get(2);
    if (side == "left") r.side = CueSide::kLeft;
    else if (side == "right") r.side = CueSide::kRight;
    else if (side == "doc") r.side = CueSide::kDocument;
    else if (side == "subject") r.side = CueSide::kSubject;
    else throw std::logic_error("attribution_cues.txt:" + std::to_string(row.line) + ": bad side");
    std::string flags(row.get(3));
    auto has = [&](std::string_view f) {
      std::size_t p = flags.find(f);
      return p != std::string::npos;
    };
    r.invert = has("invert");
    r.plural = has("plural");
    r.typed = has("typed");
    r.clause = has("clause");
    r.at = has("at");
    r.passive = has("passive");
    r.local = has("local");
    r.needs_for = has("for");
    forms.push_back(r.form);
    rules_.push_back(std::move(r));
  }
  // The first rule of a form wins, as in the lexicon's order.
  for (const CueRule& r : rules_) by_form_.emplace(r.form, &r);
  pattern_ = std::make_unique<re2::RE2>("(?i)\\b(" + PhraseAlternation(forms) + ")\\b");
  if (!pattern_->ok()) throw std::logic_error("attribution cue pattern: " + pattern_->error());
}

CueFinder::~CueFinder() = default;

std::vector<Cue> CueFinder::Find(std::string_view text) const {
  std::vector<Cue> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  std::string key;
  // Group 0 only (the pattern's \b are zero-width, so it equals the
  // alternation): RE2 then finds both ends with its DFA instead of running
  // a submatch engine per cue. Searching the unconsumed rest, as
  // FindAndConsume did, keeps \b judged the same way at the restart.
  while (!input.empty() && pattern_->Match(input, 0, input.size(), RE2::UNANCHORED, &match, 1)) {
    std::string_view m(match.data(), match.size());
    std::size_t consumed = static_cast<std::size_t>(match.data() + match.size() - input.data());
    if (match.empty()) ++consumed;  // as FindAndConsume: never loop on an empty match
    input.remove_prefix(std::min(consumed, input.size()));
    key.clear();
    CollapseSpacesInto(m, /*lower=*/true, key);
    auto it = by_form_.find(key);
    if (it != by_form_.end()) {
      std::size_t start = static_cast<std::size_t>(match.data() - text.data());
      out.push_back(Cue{Span{start, start + match.size()}, it->second});
    }
  }
  return out;
}

}  // namespace claimex::attribution

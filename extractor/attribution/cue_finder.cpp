#include "extractor/attribution/cue_finder.h"

#include <re2/re2.h>

#include <stdexcept>

#include "extractor/attribution/tokens.h"
#include "extractor/core/lexicon.h"

namespace claimex::attribution {

namespace {
}  // namespace

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
    forms.push_back(r.form);
    rules_.push_back(std::move(r));
  }
  pattern_ = std::make_unique<re2::RE2>("(?i)\\b(" + PhraseAlternation(forms) + ")\\b");
  if (!pattern_->ok()) throw std::logic_error("attribution cue pattern: " + pattern_->error());
}

CueFinder::~CueFinder() = default;

std::vector<Cue> CueFinder::Find(std::string_view text) const {
  std::vector<Cue> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, *pattern_, &match)) {
    std::string key = CollapseSpaces(std::string_view(match.data(), match.size()), /*lower=*/true);
    for (const CueRule& r : rules_) {
      if (r.form == key) {
        std::size_t start = static_cast<std::size_t>(match.data() - text.data());
        out.push_back(Cue{Span{start, start + match.size()}, &r});
        break;
      }
    }
  }
  return out;
}

}  // namespace claimex::attribution

// Reads the speaker phrase of one reporting cue from the words around it,
// inside the cue's sentence, and checks the cue's own demands
// (attribution_cues.txt flags). Patterns:
//   "..., the United Nations says."           left of the cue
//   "..., said UN ... Mark Lowcock on Wednesday."  right, after a comma or quote
//   "according to a WWF report"               right
//   "its finance director, Helen Marsh, told" left, with the role in apposition
//   "said Dr Lena Ortiz, the regional health director."  right, role after it
//   "X was quoted as saying"                  left of the passive
//   "The WHO gave a lower figure, saying ..."  the subject opening the sentence
// Returns an invalid Mention when the cue reports nobody ("were reported",
// "added 500 jobs", "police found"). References are left unresolved.
// Thread-safe; holds only a reference to the parser.
#pragma once

#include <vector>

#include "extractor/attribution/cue_finder.h"
#include "extractor/attribution/phrase_parser.h"
#include "extractor/attribution/tokens.h"

namespace claimex::attribution {

class SpeakerReader {
 public:
  explicit SpeakerReader(const PhraseParser& parser) : p_(parser) {}

  // Tokens [cue_b, cue_e) are the cue, [sb, se) its sentence;
  // `next_cue_token` is where the following cue starts (or se).
  Mention Read(std::string_view text, const std::vector<Token>& tokens, const CueRule& rule,
               std::size_t cue_b, std::size_t cue_e, std::size_t sb, std::size_t se,
               std::size_t next_cue_token) const;

 private:
  std::size_t LeftStart(const std::vector<Token>& tokens, std::size_t end, std::size_t sb) const;
  std::size_t RightEnd(const std::vector<Token>& tokens, std::size_t begin, std::size_t se,
                       bool cut_at_in) const;
  Mention Left(std::string_view text, const std::vector<Token>& tokens, std::size_t end, std::size_t sb) const;
  // Left without the name before an indefinite description in apposition.
  Mention LeftPhrase(std::string_view text, const std::vector<Token>& tokens, std::size_t end,
                     std::size_t sb) const;
  Mention Right(std::string_view text, const std::vector<Token>& tokens, std::size_t begin, std::size_t se,
                bool cut_at_in) const;
  Mention Subject(std::string_view text, const std::vector<Token>& tokens, std::size_t sb, std::size_t cue_b,
                  std::size_t se) const;
  // An acronym in brackets right after the phrase: "(USGS)", "(OCHA)".
  void Bracketed(std::string_view text, const std::vector<Token>& tokens, std::size_t se, Mention& m) const;
  // The verb of another reporting clause ("said", "says", "told").
  static bool SayVerb(const Token& t);
  // The comma opening an aside that the comma at `close` ends: a relative
  // clause, "one of ...", or a participle ("The company, which employs
  // 3,000 people, said", "The report, dated Feb. 9, said"), else kNoAside.
  static constexpr std::size_t kNoAside = static_cast<std::size_t>(-1);
  static std::size_t AsideOpening(const std::vector<Token>& tokens, std::size_t close, std::size_t sb);
  bool TitleDot(const std::vector<Token>& tokens, std::size_t j) const;

  const PhraseParser& p_;
};

}  // namespace claimex::attribution

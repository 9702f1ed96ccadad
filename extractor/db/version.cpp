#include "extractor/db/version.h"

#include "extractor/core/lexicon.h"
#include "extractor/db/sha256.h"

namespace claimex {

const std::string& ExtractorVersion() {
  static const std::string version = [] {
    Sha256 h;
    for (std::string_view name : LexiconNames()) {
      std::string_view text = LexiconText(name);
      h.Update(name);
      h.Update(std::string_view("\0", 1));
      h.Update(std::to_string(text.size()));
      h.Update(text);
    }
    return std::string(CLAIMEX_VERSION) + "+" + h.HexDigest().substr(0, 12);
  }();
  return version;
}

}  // namespace claimex

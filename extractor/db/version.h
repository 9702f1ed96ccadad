// The extractor version stored with every article: CLAIMEX_VERSION, '+',
// and the first 12 hex digits of a SHA-256 over every compiled-in lexicon
// (name and text). Editing a word list thus counts as a new extractor, so
// `claimex ingest` replaces the claims of articles stored by the old one.
//
//   ExtractorVersion() == "0.1.0+3f2a9c0d1b7e"
#pragma once

#include <string>

namespace claimex {

const std::string& ExtractorVersion();

}  // namespace claimex

// Words and punctuation of a document with their byte spans, for reading
// speaker phrases around a cue. One linear pass; nothing is copied.
//
//   std::vector<Token> tokens = Tokenize(text, lowered);
//   tokens[i].text  // "Lowcock", ",", "“"
//
// TokenizeRange does the same for one stretch (a sentence) into reused
// buffers, so the attributor never holds the tokens of a whole document.
//
// A word is a run of letters, digits and non-ASCII letters; '-', '.', '\''
// and '’' stay inside a word when a letter or digit follows ("Britain-based",
// "U.S", "brigade's", "388,000"). Every other visible byte (or UTF-8
// punctuation such as “ ” ‘ — –) is a token of its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/span.h"

namespace claimex::attribution {

enum class TokenKind : unsigned char { kWord, kNumber, kComma, kColon, kQuote, kDash, kStop, kOther };

// 64 bytes (one cache line): the attributor builds one per word of most of
// the text, so the views come first and the small fields share the tail.
struct Token {
  Span span;
  std::string_view text;  // view into the document
  std::string_view lower; // lower-cased ASCII (a view into Tokenize's `lowered`)
  // WordTable::Mix(lower) once computed (0: not yet), shared by the lookups below.
  mutable std::uint64_t mix = 0;
  TokenKind kind = TokenKind::kOther;
  bool cap = false;       // starts with an upper-case letter
  // Lexicon classes of the word, looked up once by PhraseParser (-1: not
  // yet): phrase reading asks for the same token's class many times.
  mutable signed char function_class = -1, role_class = -1, org_head = -1;

  bool word() const { return kind == TokenKind::kWord; }
  // A hard boundary for a speaker phrase: , ; : quotes dashes ( ) . ! ?
  bool boundary() const { return kind != TokenKind::kWord && kind != TokenKind::kNumber; }
};

// `lowered` receives the text with ASCII letters lower-cased; the tokens'
// `lower` views point into it, so it must outlive them.
std::vector<Token> Tokenize(std::string_view text, std::string& lowered);

// Appends to `out` the tokens of `text` that start in [begin, end), exactly
// as Tokenize(text) would cut them. `begin` must be where Tokenize would
// start a fresh token: 0, or right after ASCII whitespace or a one-byte
// punctuation mark (every sentence start is). `lowered` is overwritten with
// the lower-cased bytes the new tokens' `lower` views point into. Sets bit
// p of `starts` (when not null, sized for the text) for every token start p.
void TokenizeRange(std::string_view text, std::size_t begin, std::size_t end, std::string& lowered,
                   std::vector<Token>& out, std::vector<std::uint64_t>* starts = nullptr);

// `s` with every run of whitespace turned into one space and the ends
// trimmed ("put  the\ntoll at" -> "put the toll at"); with `lower`, ASCII
// letters are lower-cased too. Used to compare phrases as written.
std::string CollapseSpaces(std::string_view s, bool lower = false);
// The same, appended to `out` (cleared by the caller), so a hot loop can
// reuse one buffer.
void CollapseSpacesInto(std::string_view s, bool lower, std::string& out);

// Index of the first token starting at or after `offset`.
std::size_t TokenAt(const std::vector<Token>& tokens, std::size_t offset);

}  // namespace claimex::attribution

// Words and punctuation of a document with their byte spans, for reading
// speaker phrases around a cue. One linear pass; nothing is copied.
//
//   std::vector<Token> tokens = Tokenize(text);
//   tokens[i].text  // "Lowcock", ",", "“"
//
// A word is a run of letters, digits and non-ASCII letters; '-', '.', '\''
// and '’' stay inside a word when a letter or digit follows ("Britain-based",
// "U.S", "brigade's", "388,000"). Every other visible byte (or UTF-8
// punctuation such as “ ” ‘ — –) is a token of its own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/span.h"

namespace claimex::attribution {

enum class TokenKind { kWord, kNumber, kComma, kColon, kQuote, kDash, kStop, kOther };

struct Token {
  Span span;
  std::string_view text;  // view into the document
  TokenKind kind = TokenKind::kOther;
  bool cap = false;       // starts with an upper-case letter
  std::string_view lower; // lower-cased ASCII (a view into Tokenize's `lowered`)

  bool word() const { return kind == TokenKind::kWord; }
  // A hard boundary for a speaker phrase: , ; : quotes dashes ( ) . ! ?
  bool boundary() const { return kind != TokenKind::kWord && kind != TokenKind::kNumber; }
};

// `lowered` receives the text with ASCII letters lower-cased; the tokens'
// `lower` views point into it, so it must outlive them.
std::vector<Token> Tokenize(std::string_view text, std::string& lowered);

// `s` with every run of whitespace turned into one space and the ends
// trimmed ("put  the\ntoll at" -> "put the toll at"); with `lower`, ASCII
// letters are lower-cased too. Used to compare phrases as written.
std::string CollapseSpaces(std::string_view s, bool lower = false);

// Index of the first token starting at or after `offset`.
std::size_t TokenAt(const std::vector<Token>& tokens, std::size_t offset);

}  // namespace claimex::attribution

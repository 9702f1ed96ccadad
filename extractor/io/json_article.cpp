#include "extractor/io/json_article.h"

#include <re2/re2.h>

#include "extractor/core/ascii.h"
#include "extractor/io/byline.h"
#include "extractor/io/text_checks.h"

namespace claimex {

namespace {

bool LooksIso(std::string_view s) {
  static const RE2 iso("^\\s*\\d{4}-\\d{1,2}-\\d{1,2}");
  return RE2::PartialMatch(s, iso);
}

// A short, printable excerpt of a bad value for messages.
std::string Quote(std::string_view s) {
  std::string out = "'";
  out.append(s.substr(0, 40));
  if (s.size() > 40) out += "...";
  return out + "'";
}

std::string OptionalString(simdjson::dom::object obj, const char* key) {
  std::string_view s;
  if (obj[key].get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return "";
}

}  // namespace

InputItem JsonArticleParser::ParseLine(std::string_view json, const std::string& file, long line,
                                       const ReaderOptions& options, std::size_t padding) {
  simdjson::dom::element value;
  auto err = parser_.parse(json.data(), json.size(), padding < simdjson::SIMDJSON_PADDING).get(value);
  if (err) {
    // simdjson validates UTF-8 while parsing; find the offset only on failure.
    if (std::size_t bad = FindInvalidUtf8(json); bad != std::string_view::npos) {
      return InputError{file, line, "invalid UTF-8 at byte " + std::to_string(bad) + " of the line"};
    }
    return InputError{file, line, std::string("malformed JSON: ") + simdjson::error_message(err)};
  }
  return FromElement(value, file, line, file + ":" + std::to_string(line), options);
}

InputItem JsonArticleParser::FromElement(simdjson::dom::element value, const std::string& file,
                                         long line, const std::string& fallback_id,
                                         const ReaderOptions& options) {
  simdjson::dom::object obj;
  if (value.get_object().get(obj)) return InputError{file, line, "not a JSON object"};
  simdjson::dom::element text_el;
  if (obj["text"].get(text_el)) return InputError{file, line, "no \"text\" field"};
  std::string_view text;
  if (text_el.get_string().get(text)) return InputError{file, line, "\"text\" is not a string"};

  Document doc;
  doc.origin_file = file;
  doc.origin_line = line;
  doc.text.assign(text);
  if (std::string why = CheckText(doc.text); !why.empty()) {
    if (why == "empty text") why = "\"text\" is empty";
    if (why == "text is only whitespace") why = "\"text\" is only whitespace";
    return InputError{file, line, why};
  }
  if (doc.text.size() > options.max_doc_bytes) {
    return InputError{file, line, "text of " + std::to_string(doc.text.size()) +
                                      " bytes is over the limit of " +
                                      std::to_string(options.max_doc_bytes) + " (--max-doc-bytes)"};
  }

  simdjson::dom::element id_el;
  std::string_view sid;
  int64_t iid = 0;
  uint64_t uid = 0;
  if (obj["id"].get(id_el) == simdjson::SUCCESS && id_el.get_string().get(sid) == simdjson::SUCCESS &&
      !sid.empty()) {
    doc.id.assign(sid);
  } else if (!obj["id"].error() && obj["id"].get_int64().get(iid) == simdjson::SUCCESS) {
    doc.id = std::to_string(iid);
  } else if (!obj["id"].error() && obj["id"].get_uint64().get(uid) == simdjson::SUCCESS) {
    doc.id = std::to_string(uid);
  } else {
    doc.id = fallback_id;
  }
  doc.source = OptionalString(obj, "source");
  doc.url = OptionalString(obj, "url");
  doc.title = OptionalString(obj, "title");

  simdjson::dom::element pub;
  if (obj["published"].get(pub) == simdjson::SUCCESS && !pub.is_null()) {
    std::string_view p;
    if (pub.get_string().get(p)) return InputError{file, line, "\"published\" is not a string"};
    p = TrimAsciiSpace(p);
    if (!p.empty()) {
      doc.published = ParseIsoDate(p);
      if (!doc.published) doc.published = ParseWrittenDate(p);
      if (!doc.published) {
        return InputError{file, line, (LooksIso(p) ? "impossible published date " : "published is not a date: ") + Quote(p)};
      }
    }
  }
  // The record's own metadata is more specific than a run-wide option.
  if (!doc.published) doc.published = options.published;
  if (doc.source.empty()) doc.source = options.source;
  return doc;
}

}  // namespace claimex

#include "extractor/output/writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "extractor/output/json_text.h"

namespace claimex {

namespace {

void AppendSpan(std::string& out, Span s) {
  out += '[';
  AppendJsonUint(out, s.start);
  out += ',';
  AppendJsonUint(out, s.end);
  out += ']';
}

std::vector<std::string_view> AllRules(const Claim& c) {
  std::vector<std::string_view> rules = c.quantity.rules;
  rules.insert(rules.end(), c.rules.begin(), c.rules.end());
  return rules;
}

std::string DateOrEmpty(const std::optional<Date>& d) { return d ? FormatIsoDate(*d) : std::string(); }

std::string NumberText(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return "";
  return fmt::format("{}", *v);
}

class JsonLinesWriter : public ClaimWriter {
 public:
  JsonLinesWriter(std::ostream& out, WriterOptions options) : out_(out), options_(options) {}
  ~JsonLinesWriter() override { Drain(); }
  // Rows are formatted straight into one buffer that is handed to the stream
  // in blocks of about kBlock bytes, not one write per document.
  void Write(const Document& doc, const std::vector<Claim>& claims) override {
    for (const Claim& c : claims) {
      AppendClaimJson(buffer_, doc, c, options_);
      buffer_ += '\n';
    }
    if (buffer_.size() >= kBlock) Drain();
  }
  void Finish() override {
    Drain();
    out_.flush();
  }

 private:
  static constexpr std::size_t kBlock = 64u << 10;
  void Drain() {
    if (buffer_.empty()) return;
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  std::ostream& out_;
  WriterOptions options_;
  std::string buffer_;
};

// Flat columns shared by the CSV and table writers.
const std::vector<std::string_view> kColumns = {
    "doc", "sentence", "start", "end", "text", "value", "low", "high", "qualifier", "kind",
    "unit", "norm_value", "norm_unit", "entity", "predicate", "category", "aggregation",
    "change", "time_text", "time_start", "time_end", "speaker", "speaker_type", "speaker_role",
    "speaker_cue", "speaker_canonical", "source", "published"};

std::vector<std::string> FlatRow(const Document& doc, const Claim& c) {
  const Quantity& q = c.quantity;
  std::vector<std::string> row = {
      doc.id,
      std::to_string(c.sentence),
      std::to_string(q.span.start),
      std::to_string(q.span.end),
      std::string(q.span.of(doc.text)),
      NumberText(q.value),
      NumberText(q.low),
      NumberText(q.high),
      std::string(ToString(q.qualifier)),
      std::string(ToString(q.kind)),
      q.unit,
      NumberText(q.norm_value),
      q.norm_unit,
      c.entity,
      c.predicate,
      std::string(ToString(c.category)),
      std::string(ToString(c.aggregation)),
      std::string(ToString(c.change)),
      c.time ? c.time->text : "",
      c.time ? DateOrEmpty(c.time->start) : "",
      c.time ? DateOrEmpty(c.time->end) : "",
      c.speaker ? c.speaker->name : "",
      c.speaker ? std::string(ToString(c.speaker->type)) : "",
      c.speaker ? c.speaker->role : "",
      c.speaker ? c.speaker->cue : "",
      c.speaker ? c.speaker->canonical : "",
      doc.source,
      DateOrEmpty(doc.published)};
  return row;
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

class CsvWriter : public ClaimWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {
    std::string header;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      if (i) header += ',';
      header += kColumns[i];
    }
    out_ << header << '\n';
  }
  void Write(const Document& doc, const std::vector<Claim>& claims) override {
    std::string buffer;
    for (const Claim& c : claims) {
      std::vector<std::string> row = FlatRow(doc, c);
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) buffer += ',';
        buffer += CsvField(row[i]);
      }
      buffer += '\n';
    }
    out_ << buffer;
  }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

// Display width in code points (good enough for aligned terminal output).
std::size_t Width(std::string_view s) {
  std::size_t w = 0;
  for (char ch : s) w += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return w;
}

// The table shows the fields a person reads first; it buffers rows per
// document so column widths fit the document.
class TableWriter : public ClaimWriter {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}
  void Write(const Document& doc, const std::vector<Claim>& claims) override {
    static const std::vector<std::string_view> kShown = {
        "sentence", "text", "value", "low", "high", "qualifier", "kind", "unit", "entity",
        "predicate", "category", "time_start", "time_end", "speaker"};
    std::vector<std::size_t> index;
    for (std::string_view name : kShown) {
      index.push_back(static_cast<std::size_t>(
          std::find(kColumns.begin(), kColumns.end(), name) - kColumns.begin()));
    }
    std::vector<std::vector<std::string>> rows;
    rows.emplace_back(kShown.begin(), kShown.end());
    for (const Claim& c : claims) {
      std::vector<std::string> flat = FlatRow(doc, c), row;
      for (std::size_t i : index) row.push_back(flat[i].empty() ? "-" : flat[i]);
      rows.push_back(std::move(row));
    }
    std::vector<std::size_t> widths(kShown.size(), 0);
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
    }
    out_ << "== " << doc.id << " (" << claims.size() << " claims)\n";
    for (const auto& row : rows) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) {
        line += row[i];
        if (i + 1 < row.size()) line.append(widths[i] - Width(row[i]) + 2, ' ');
      }
      out_ << line << '\n';
    }
  }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::string ClaimToJson(const Document& doc, const Claim& c, const WriterOptions& options) {
  std::string out;
  out.reserve(512);
  AppendClaimJson(out, doc, c, options);
  return out;
}

void AppendClaimJson(std::string& out, const Document& doc, const Claim& c, const WriterOptions& options) {
  const Quantity& q = c.quantity;
  out += "{\"doc\":";
  AppendJsonString(out, doc.id);
  out += ",\"sentence\":";
  AppendJsonUint(out, c.sentence);
  out += ",\"start\":";
  AppendJsonUint(out, q.span.start);
  out += ",\"end\":";
  AppendJsonUint(out, q.span.end);
  out += ",\"text\":";
  AppendJsonString(out, q.span.of(doc.text));
  out += ",\"value\":";
  AppendJsonNumber(out, q.value);
  out += ",\"low\":";
  AppendJsonNumber(out, q.low);
  out += ",\"high\":";
  AppendJsonNumber(out, q.high);
  out += ",\"qualifier\":";
  AppendJsonString(out, ToString(q.qualifier));
  out += ",\"kind\":";
  AppendJsonString(out, ToString(q.kind));
  out += ",\"unit\":";
  AppendJsonStringOrNull(out, q.unit);
  out += ",\"norm_value\":";
  AppendJsonNumber(out, q.norm_value);
  out += ",\"norm_unit\":";
  AppendJsonStringOrNull(out, q.norm_unit);
  out += ",\"entity\":";
  AppendJsonStringOrNull(out, c.entity);
  out += ",\"entity_span\":";
  if (c.entity.empty() || c.entity_span.empty()) out += "null"; else AppendSpan(out, c.entity_span);
  out += ",\"predicate\":";
  AppendJsonStringOrNull(out, c.predicate);
  out += ",\"predicate_span\":";
  if (c.predicate.empty() || c.predicate_span.empty()) out += "null"; else AppendSpan(out, c.predicate_span);
  out += ",\"category\":";
  AppendJsonString(out, ToString(c.category));
  out += ",\"aggregation\":";
  AppendJsonStringOrNull(out, ToString(c.aggregation));
  out += ",\"change\":";
  AppendJsonStringOrNull(out, ToString(c.change));
  out += ",\"time\":";
  if (c.time) {
    out += "{\"text\":";
    AppendJsonString(out, c.time->text);
    out += ",\"start\":";
    AppendJsonStringOrNull(out, DateOrEmpty(c.time->start));
    out += ",\"end\":";
    AppendJsonStringOrNull(out, DateOrEmpty(c.time->end));
    out += ",\"span\":";
    AppendSpan(out, c.time->span);
    out += '}';
  } else {
    out += "null";
  }
  out += ",\"speaker\":";
  if (c.speaker) {
    const Speaker& s = *c.speaker;
    out += "{\"name\":";
    AppendJsonString(out, s.name);
    out += ",\"type\":";
    AppendJsonString(out, ToString(s.type));
    out += ",\"role\":";
    AppendJsonStringOrNull(out, s.role);
    out += ",\"cue\":";
    AppendJsonStringOrNull(out, s.cue);
    out += ",\"canonical\":";
    AppendJsonStringOrNull(out, s.canonical.empty() ? s.name : s.canonical);
    out += ",\"span\":";
    AppendSpan(out, s.name_span);
    out += ",\"cue_span\":";
    if (s.cue_span.empty()) out += "null"; else AppendSpan(out, s.cue_span);
    out += '}';
  } else {
    out += "null";
  }
  out += ",\"source\":";
  AppendJsonStringOrNull(out, doc.source);
  out += ",\"published\":";
  AppendJsonStringOrNull(out, DateOrEmpty(doc.published));
  if (options.explain) {
    out += ",\"rules\":[";
    bool first = true;
    for (std::string_view r : AllRules(c)) {
      if (!first) out += ',';
      first = false;
      AppendJsonString(out, r);
    }
    out += ']';
    if (!c.category_features.empty()) {
      out += ",\"category_features\":[";
      for (std::size_t k = 0; k < c.category_features.size(); ++k) {
        if (k) out += ',';
        AppendJsonString(out, c.category_features[k]);
      }
      out += ']';
    }
  }
  out += '}';
}

std::unique_ptr<ClaimWriter> MakeClaimWriter(std::string_view format, std::ostream& out,
                                             const WriterOptions& options) {
  if (format == "jsonl" || format == "json") return std::make_unique<JsonLinesWriter>(out, options);
  if (format == "csv") return std::make_unique<CsvWriter>(out);
  if (format == "table") return std::make_unique<TableWriter>(out);
  return nullptr;
}

}  // namespace claimex

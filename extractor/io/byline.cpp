#include "extractor/io/byline.h"

#include <re2/re2.h>

#include <array>
#include <charconv>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "extractor/core/ascii.h"
#include "extractor/core/lexicon.h"

namespace claimex {

namespace {

constexpr std::size_t kHeadBytes = 2048;
constexpr int kHeadLines = 12;
// A line that is "mostly the date" has at most this many other bytes.
constexpr std::size_t kShortLineExtra = 50;

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::vector<std::string> Column(const std::vector<LexiconRow>& rows, std::size_t i) {
  std::vector<std::string> out;
  for (const LexiconRow& r : rows) out.emplace_back(r.get(i));
  return out;
}

void CheckCompiled(const RE2& re, const char* name) {
  if (!re.ok()) throw std::logic_error(std::string("byline rule ") + name + ": " + re.error());
}

class BylineSniffer {
 public:
  BylineSniffer()
      : months_(LoadMonths()),
        date_(DatePattern(), RE2::Quiet),
        sources_(SourcePattern(), RE2::Quiet),
        paren_source_("\\((" + SourceNames() + ")\\)\\s*(?:-|—|–|:|\\|)"),
        // "Washington (CNN)President ...": the agency in brackets right after
        // the dateline city, no dash.
        dateline_source_("^\\s*(?:[A-Z][\\p{L}.'’-]*(?:[ ,]+[A-Z][\\p{L}.'’-]*){0,3},?\\s*)?\\((" +
                         SourceNames() + ")\\)"),
        // A line that is only the outlet's name ("Reuters", "Reuters Staff").
        source_line_("^\\s*(?:—|-|–)?\\s*(" + SourceNames() + ")(?:\\s+(?:Staff|staff|News|Reporter|reporter))?\\s*$"),
        by_line_("^\\s*(?:[Bb]y|BY)\\s+\\S"),
        source_label_("(?i:source|credit)\\s*:\\s*(" + SourceNames() + ")\\b"),
        published_cue_("(?i)\\b(?:published|posted|first published|date|dated)\\b"),
        updated_cue_("(?i)\\b(?:updated|modified|edited)\\b"),
        dateline_city_("^\\s*[A-Z][A-Z .'’-]{1,40},\\s*(?:\\p{L}+\\.?,?\\s+)?$") {
    CheckCompiled(date_, "date");
    CheckCompiled(sources_, "sources");
    CheckCompiled(paren_source_, "paren_source");
    CheckCompiled(dateline_source_, "dateline_source");
    CheckCompiled(source_line_, "source_line");
    CheckCompiled(by_line_, "by_line");
    CheckCompiled(source_label_, "source_label");
    CheckCompiled(published_cue_, "published_cue");
    CheckCompiled(updated_cue_, "updated_cue");
    CheckCompiled(dateline_city_, "dateline_city");
  }

  // The first full date in `s` at or after `from`; its span in `where`.
  std::optional<Date> FindDate(std::string_view s, std::size_t from, std::size_t& start,
                               std::size_t& end) const {
    std::array<re2::StringPiece, 10> g;
    while (from < s.size() &&
           date_.Match(re2::StringPiece(s.data(), s.size()), from, s.size(), RE2::UNANCHORED,
                       g.data(), static_cast<int>(g.size()))) {
      start = g[0].data() - s.data();
      end = start + g[0].size();
      if (auto d = ToDate(g)) return d;
      from = end;  // impossible (Feb 30) or out of range: look further
    }
    return std::nullopt;
  }

  Byline Sniff(std::string_view text) const {
    Byline out;
    std::string_view head = text.substr(0, kHeadBytes);
    int best_class = 99;
    int lines = 0;
    while (!head.empty() && lines < kHeadLines) {
      std::size_t nl = head.find('\n');
      std::string_view line = head.substr(0, nl);
      head = nl == std::string_view::npos ? std::string_view() : head.substr(nl + 1);
      if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) continue;
      ++lines;
      bool byline = RE2::PartialMatch(line, by_line_);
      if (out.source.empty()) out.source = FindSource(line, byline);
      bool paren_dateline =
          RE2::PartialMatch(line, paren_source_) || RE2::PartialMatch(line, dateline_source_);
      std::size_t from = 0, start = 0, end = 0;
      while (best_class > 0) {
        std::optional<Date> d = FindDate(line, from, start, end);
        if (!d) break;
        std::string_view before = line.substr(from, start - from);
        int cls;
        if (RE2::PartialMatch(before, updated_cue_)) {
          cls = 2;
        } else if (byline || paren_dateline || RE2::PartialMatch(line.substr(0, start), published_cue_) ||
                   RE2::FullMatch(line.substr(0, start), dateline_city_)) {
          cls = 0;
        } else if (line.size() - (end - start) <= kShortLineExtra) {
          cls = 1;
        } else {
          cls = 99;
        }
        if (cls < best_class) {
          best_class = cls;
          out.published = d;
        }
        from = end;
      }
    }
    return out;
  }

  std::optional<Date> ParseWritten(std::string_view text) const {
    std::size_t start = 0, end = 0;
    return FindDate(text, 0, start, end);
  }

 private:
  static std::unordered_map<std::string, unsigned> LoadMonths() {
    std::unordered_map<std::string, unsigned> m;
    for (const LexiconRow& r : LoadLexicon("io_months.txt")) m[LowerAscii(r[0])] = ToInt(r.get(1));
    return m;
  }
  static std::string MonthNames() { return PhraseAlternation(Column(LoadLexicon("io_months.txt"), 0)); }
  static std::string SourceNames() { return PhraseAlternation(Column(LoadLexicon("io_sources.txt"), 0)); }

  // Groups: 1-3 month day year ("Jan 29,2020", "Mon February 17, 2020"),
  // 4-6 day month year ("29 January 2020", "29th of Jan. 2020"),
  // 7-9 ISO year month day ("2020-01-29", "2020/01/29").
  static std::string DatePattern() {
    std::string m = "(?i:" + MonthNames() + ")";
    return "\\b(" + m + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)(\\d{4})\\b" +
           "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + m + ")\\.?,?\\s+(\\d{4})\\b" +
           "|\\b(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:\\b|T)";
  }
  static std::string SourcePattern() { return "\\b(" + SourceNames() + ")\\b"; }

  std::optional<Date> ToDate(const std::array<re2::StringPiece, 10>& g) const {
    int y = 0;
    unsigned m = 0, d = 0;
    auto month = [&](re2::StringPiece s) {
      auto it = months_.find(LowerAscii(std::string_view(s.data(), s.size())));
      return it == months_.end() ? 0u : it->second;
    };
    auto num = [](re2::StringPiece s) { return ToInt(std::string_view(s.data(), s.size())); };
    if (g[1].data()) {
      m = month(g[1]), d = num(g[2]), y = num(g[3]);
    } else if (g[4].data()) {
      d = num(g[4]), m = month(g[5]), y = num(g[6]);
    } else {
      y = num(g[7]), m = num(g[8]), d = num(g[9]);
    }
    if (y < 1900 || y > 2100) return std::nullopt;
    Date date{date::year{y}, date::month{m}, date::day{d}};
    if (!date.ok()) return std::nullopt;
    return date;
  }

  std::string FindSource(std::string_view line, bool byline) const {
    re2::StringPiece name;
    if (RE2::PartialMatch(line, paren_source_, &name) || RE2::PartialMatch(line, dateline_source_, &name) ||
        RE2::PartialMatch(line, source_label_, &name) || RE2::PartialMatch(line, source_line_, &name) ||
        (byline && RE2::PartialMatch(line, sources_, &name))) {
      return Canonical(std::string_view(name.data(), name.size()));
    }
    return "";
  }

  static std::string Canonical(std::string_view written) {
    static const std::unordered_map<std::string, std::string> table = [] {
      std::unordered_map<std::string, std::string> t;
      for (const LexiconRow& r : LoadLexicon("io_sources.txt")) {
        std::string canon(r.get(1).empty() ? r.get(0) : r.get(1));
        // Spaces in the pattern match any whitespace run; key on single spaces.
        t.emplace(r[0], canon);
      }
      return t;
    }();
    std::string key;
    for (char c : written) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space) {
        if (!key.empty() && key.back() != ' ') key += ' ';
      } else {
        key += c;
      }
    }
    auto it = table.find(key);
    return it == table.end() ? key : it->second;
  }

  std::unordered_map<std::string, unsigned> months_;
  RE2 date_, sources_, paren_source_, dateline_source_, source_line_, by_line_, source_label_, published_cue_, updated_cue_,
      dateline_city_;
};

const BylineSniffer& Sniffer() {
  static const BylineSniffer sniffer;
  return sniffer;
}

}  // namespace

Byline SniffByline(std::string_view text) { return Sniffer().Sniff(text); }

std::optional<Date> ParseWrittenDate(std::string_view text) { return Sniffer().ParseWritten(text); }

}  // namespace claimex

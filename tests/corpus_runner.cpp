// Runs one example corpus file through the whole extraction pipeline and
// checks each example's expected claims (tests/corpora/README.md). Every
// failure is printed with its input; the exit status is 1 when any example
// not marked "xfail" fails.
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "extractor/pipeline/extractor.h"

using nlohmann::json;
using namespace claimex;

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string DateText(const std::optional<Date>& d) { return d ? FormatIsoDate(*d) : "null"; }

bool SameNumber(const json& want, const std::optional<double>& got) {
  if (want.is_null()) return !got.has_value();
  if (!got) return false;
  double w = want.get<double>();
  return std::fabs(w - *got) <= 0.005 * std::max(std::fabs(w), 1e-9) + 1e-9;
}

std::string Num(const std::optional<double>& v) { return v ? json(*v).dump() : "null"; }

// Compares the fields the example states; appends one message per mismatch.
void Check(const json& want, const Claim& got, std::string_view text, std::vector<std::string>& errs) {
  const Quantity& q = got.quantity;
  auto str_field = [&](const char* key, std::string_view have) {
    if (!want.contains(key)) return;
    std::string expect = want[key].is_null() ? "" : want[key].get<std::string>();
    if (expect != have) {
      errs.push_back(std::string(key) + ": want " + (expect.empty() ? "null" : expect) + ", got " +
                     (have.empty() ? "null" : std::string(have)));
    }
  };
  auto num_field = [&](const char* key, const std::optional<double>& have) {
    if (want.contains(key) && !SameNumber(want[key], have)) {
      errs.push_back(std::string(key) + ": want " + want[key].dump() + ", got " + Num(have));
    }
  };
  num_field("value", q.value);
  num_field("low", q.low);
  num_field("high", q.high);
  num_field("norm_value", q.norm_value);
  str_field("qualifier", ToString(q.qualifier));
  str_field("kind", ToString(q.kind));
  str_field("unit", q.unit);
  str_field("norm_unit", q.norm_unit);
  str_field("predicate", got.predicate);
  str_field("category", ToString(got.category));
  str_field("aggregation", ToString(got.aggregation));
  str_field("change", ToString(got.change));
  if (want.contains("entity")) {
    std::string expect = want["entity"].is_null() ? "" : want["entity"].get<std::string>();
    if (expect != got.entity) errs.push_back("entity: want " + expect + ", got " + got.entity);
  }
  if (want.contains("time")) {
    const json& t = want["time"];
    if (t.is_null()) {
      if (got.time) errs.push_back("time: want null, got '" + got.time->text + "'");
    } else if (!got.time) {
      errs.push_back("time: want " + t.dump() + ", got null");
    } else {
      std::string s = DateText(got.time->start), e = DateText(got.time->end);
      std::string ws = t.value("start", json()).is_null() ? "null" : t["start"].get<std::string>();
      std::string we = t.value("end", json()).is_null() ? "null" : t["end"].get<std::string>();
      if ((t.contains("start") && ws != s) || (t.contains("end") && we != e)) {
        errs.push_back("time: want " + ws + ".." + we + ", got " + s + ".." + e + " from '" +
                       got.time->text + "'");
      }
      if (t.contains("text") && t["text"].get<std::string>() != got.time->text) {
        errs.push_back("time.text: want '" + t["text"].get<std::string>() + "', got '" + got.time->text + "'");
      }
    }
  }
  if (want.contains("speaker")) {
    const json& s = want["speaker"];
    if (s.is_null()) {
      if (got.speaker) errs.push_back("speaker: want null, got '" + got.speaker->name + "'");
    } else if (!got.speaker) {
      errs.push_back("speaker: want '" + s.get<std::string>() + "', got null");
    } else {
      std::string hay = Lower(got.speaker->name + " " + got.speaker->role + " " + got.speaker->canonical);
      if (hay.find(Lower(s.get<std::string>())) == std::string::npos) {
        errs.push_back("speaker: want '" + s.get<std::string>() + "', got '" + got.speaker->name +
                       "' role '" + got.speaker->role + "'");
      }
    }
  }
  if (want.contains("speaker_type")) {
    std::string have = got.speaker ? std::string(ToString(got.speaker->type)) : "";
    std::string expect = want["speaker_type"].get<std::string>();
    if (expect != have) errs.push_back("speaker_type: want " + expect + ", got " + have);
  }
  if (want.contains("role")) {
    std::string have = got.speaker ? got.speaker->role : "";
    if (want["role"].get<std::string>() != have) {
      errs.push_back("role: want " + want["role"].get<std::string>() + ", got " + have);
    }
  }
  (void)text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: corpus_runner FILE.jsonl\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "cannot open " << argv[1] << "\n";
    return 2;
  }
  Extractor extractor;
  std::string line;
  int line_no = 0, examples = 0, failed = 0, xfailed = 0, xpassed = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    json ex;
    try {
      ex = json::parse(line);
    } catch (const std::exception& e) {
      std::cerr << argv[1] << ":" << line_no << ": bad JSON: " << e.what() << "\n";
      return 2;
    }
    ++examples;
    Document doc;
    doc.id = std::string(argv[1]) + ":" + std::to_string(line_no);
    doc.text = ex.at("text").get<std::string>();
    if (ex.contains("published")) doc.published = ParseIsoDate(ex["published"].get<std::string>());
    std::vector<Claim> claims = extractor.Extract(doc).claims;

    std::vector<std::string> errs;
    std::vector<bool> used(claims.size(), false);
    for (const json& want : ex.at("claims")) {
      std::string wtext = want.at("text").get<std::string>();
      int occurrence = want.value("occurrence", 0);
      std::size_t pick = claims.size();
      for (std::size_t i = 0; i < claims.size(); ++i) {
        if (used[i] || claims[i].quantity.span.of(doc.text) != wtext) continue;
        if (occurrence-- == 0) { pick = i; break; }
      }
      if (pick == claims.size()) {
        errs.push_back("missing '" + wtext + "'");
        continue;
      }
      used[pick] = true;
      std::vector<std::string> field_errs;
      Check(want, claims[pick], doc.text, field_errs);
      for (auto& e : field_errs) errs.push_back("'" + wtext + "' " + e);
    }
    if (ex.value("exhaustive", true)) {
      for (std::size_t i = 0; i < claims.size(); ++i) {
        if (!used[i]) errs.push_back("unexpected '" + std::string(claims[i].quantity.span.of(doc.text)) + "'");
      }
    }
    bool xfail = ex.contains("xfail");
    if (errs.empty()) {
      if (xfail) {
        ++xpassed;
        std::cout << "XPASS line " << line_no << " (remove its xfail): " << doc.text << "\n";
      }
      continue;
    }
    if (xfail) {
      ++xfailed;
      continue;
    }
    ++failed;
    std::cout << "FAIL line " << line_no << ": " << doc.text << "\n";
    for (const std::string& e : errs) std::cout << "    " << e << "\n";
  }
  std::cout << argv[1] << ": " << examples - failed << "/" << examples << " examples pass";
  if (xfailed) std::cout << ", " << xfailed << " known failures (xfail)";
  if (xpassed) std::cout << ", " << xpassed << " xfail now pass";
  std::cout << "\n";
  return failed > 0 ? 1 : 0;
}

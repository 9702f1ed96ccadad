#include "extractor/io/reader.h"

#include <dirent.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include "extractor/io/byline.h"
#include "extractor/io/input_stream.h"
#include "extractor/io/json_article.h"
#include "extractor/io/text_checks.h"

namespace claimex {

namespace {

enum class Format { kText, kJsonLines, kJson, kSniff };

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Format FormatOf(std::string_view path) {
  if (EndsWith(path, ".gz")) path.remove_suffix(3);
  if (EndsWith(path, ".txt")) return Format::kText;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) return Format::kJsonLines;
  if (EndsWith(path, ".json")) return Format::kJson;
  return Format::kSniff;
}

// Files a directory walk reads; explicitly named files are read whatever
// their name.
bool WalkAccepts(std::string_view name) {
  return EndsWith(name, ".txt") || EndsWith(name, ".jsonl") || EndsWith(name, ".json") ||
         EndsWith(name, ".gz");
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

std::size_t SaturatingLineLimit(std::size_t max_doc) {
  // A JSON line holds the text escaped ("\n", "\u00e9") plus metadata.
  constexpr std::size_t kSlack = 64u << 10;
  if (max_doc > (SIZE_MAX - kSlack) / 2) return SIZE_MAX - 1;
  return max_doc * 2 + kSlack;
}

std::string OverLimit(std::size_t limit) {
  return "document over the limit of " + std::to_string(limit) + " bytes (--max-doc-bytes)";
}

struct WalkEntry {
  std::string path;
  std::string error;  // set when the entry could not be read
};

class Reader {
 public:
  Reader(const ReaderOptions& options, const InputSink& sink) : opt_(options), sink_(sink) {}

  // False once the sink asked to stop.
  bool ReadPath(const std::string& path) {
    if (path == "-") return ReadFile(path, Format::kSniff);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return Emit(InputError{path, 0, std::string("cannot open: ") + std::strerror(errno)});
    }
    if (S_ISDIR(st.st_mode)) return ReadDirectory(path, st);
    return ReadFile(path, FormatOf(path));
  }

 private:
  bool Emit(InputItem&& item) {
    if (stopped_) return false;
    if (!sink_(std::move(item))) stopped_ = true;
    return !stopped_;
  }

  bool ReadDirectory(const std::string& root, const struct stat& st) {
    std::vector<WalkEntry> entries;
    std::set<std::pair<dev_t, ino_t>> visited{{st.st_dev, st.st_ino}};
    Walk(root, visited, entries);
    std::sort(entries.begin(), entries.end(),
              [](const WalkEntry& a, const WalkEntry& b) { return a.path < b.path; });
    for (WalkEntry& e : entries) {
      bool go = e.error.empty() ? ReadFile(e.path, FormatOf(e.path))
                                : Emit(InputError{e.path, 0, std::move(e.error)});
      if (!go) return false;
    }
    return true;
  }

  // Collects the readable files under `dir`; follows symbolic links but
  // enters each directory (device, inode) once, so link loops end.
  void Walk(const std::string& dir, std::set<std::pair<dev_t, ino_t>>& visited,
            std::vector<WalkEntry>& out) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
      out.push_back({dir, std::string("cannot read directory: ") + std::strerror(errno)});
      return;
    }
    std::vector<std::string> names;
    while (struct dirent* e = ::readdir(d)) {
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      if (name.front() == '.') {
        spdlog::debug("{}: skipping hidden entry {}", dir, name);
        continue;
      }
      names.emplace_back(name);
    }
    ::closedir(d);
    std::string prefix = EndsWith(dir, "/") ? dir : dir + "/";
    for (const std::string& name : names) {
      std::string path = prefix + name;
      struct stat st;
      if (::stat(path.c_str(), &st) != 0) {
        int err = errno;
        struct stat lst;
        bool dangling = ::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
        if (dangling && !WalkAccepts(name)) continue;
        out.push_back({path, dangling ? std::string("broken symbolic link")
                                      : std::string("cannot open: ") + std::strerror(err)});
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (!visited.insert({st.st_dev, st.st_ino}).second) {
          spdlog::debug("{}: directory already visited (symbolic link loop?), skipped", path);
          continue;
        }
        Walk(path, visited, out);
      } else if (!WalkAccepts(name)) {
        spdlog::debug("{}: not .txt/.jsonl/.json/.gz, skipped", path);
      } else if (!S_ISREG(st.st_mode)) {
        // A FIFO or device could block the walk forever; name it explicitly to read it.
        spdlog::debug("{}: not a regular file, skipped", path);
      } else {
        out.push_back({path, ""});
      }
    }
  }

  bool ReadFile(const std::string& path, Format format) {
    InputStream in;
    if (!in.Open(path)) return Emit(InputError{path, 0, in.error()});
    std::string_view head = in.Peek(3);
    if (std::string why = Utf16Reason(head); !why.empty()) return Emit(InputError{path, 0, why});
    if (head == "\xEF\xBB\xBF") in.Skip(3);
    if (format == Format::kSniff) {
      char c = in.FirstNonBlank(opt_.max_doc_bytes);
      format = c == '{' ? Format::kJsonLines : Format::kText;
    }
    switch (format) {
      case Format::kJsonLines: return ReadJsonLines(path, in);
      case Format::kJson: return ReadJson(path, in);
      default: return ReadText(path, in);
    }
  }

  bool ReadText(const std::string& path, InputStream& in) {
    Document doc;
    in.ReadAll(doc.text, opt_.max_doc_bytes);
    if (doc.text.size() > opt_.max_doc_bytes) return Emit(InputError{path, 0, OverLimit(opt_.max_doc_bytes)});
    if (!in.error().empty()) return Emit(InputError{path, 0, in.error()});
    if (doc.text.empty()) return Emit(InputError{path, 0, "empty file"});
    if (IsBlank(doc.text)) return Emit(InputError{path, 0, "file is only whitespace"});
    if (std::string why = CheckText(doc.text); !why.empty()) return Emit(InputError{path, 0, why});
    doc.id = path;
    doc.origin_file = path;
    if (!opt_.published || opt_.source.empty()) {
      Byline b = SniffByline(doc.text);
      doc.published = b.published;
      doc.source = b.source;
    }
    if (opt_.published) doc.published = opt_.published;
    if (!opt_.source.empty()) doc.source = opt_.source;
    return Emit(std::move(doc));
  }

  bool ReadJsonLines(const std::string& path, InputStream& in) {
    std::string line;
    long line_no = 0;
    bool too_long = false, complete = true, any = false;
    const std::size_t limit = SaturatingLineLimit(opt_.max_doc_bytes);
    while (in.ReadLine(line, limit, too_long, complete)) {
      ++line_no;
      if (!complete && !in.error().empty()) {
        // The last line was cut short by damaged input: report it, not a parse error.
        return Emit(InputError{path, line_no, in.error()});
      }
      if (too_long) {
        any = true;
        if (!Emit(InputError{path, line_no, "line over " + std::to_string(limit) +
                                                " bytes (--max-doc-bytes " +
                                                std::to_string(opt_.max_doc_bytes) + ")"})) {
          return false;
        }
        continue;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (IsBlank(line)) continue;
      any = true;
      // Room for simdjson to read ahead, so it parses the line in place.
      line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
      if (!Emit(json_.ParseLine(line, path, line_no, opt_, line.capacity() - line.size()))) return false;
    }
    if (!in.error().empty()) {
      return Emit(InputError{path, 0, in.error() + " after line " + std::to_string(line_no)});
    }
    if (!any) return Emit(InputError{path, 0, line_no == 0 ? "empty file" : "file is only whitespace"});
    return true;
  }

  // A .json file: one article object, an array of them, or JSON Lines
  // under another name. Read whole (bounded), since a JSON value can span lines.
  bool ReadJson(const std::string& path, InputStream& in) {
    std::string all;
    const std::size_t limit = SaturatingLineLimit(opt_.max_doc_bytes);
    in.ReadAll(all, limit);
    if (all.size() > limit) return Emit(InputError{path, 0, OverLimit(opt_.max_doc_bytes)});
    if (!in.error().empty()) return Emit(InputError{path, 0, in.error()});
    if (all.empty()) return Emit(InputError{path, 0, "empty file"});
    if (IsBlank(all)) return Emit(InputError{path, 0, "file is only whitespace"});
    if (std::size_t bad = FindInvalidUtf8(all); bad != std::string_view::npos) {
      return Emit(InputError{path, 0, "invalid UTF-8 at byte " + std::to_string(bad)});
    }
    simdjson::dom::element value;
    auto err = json_.parser().parse(all.data(), all.size(), true).get(value);
    if (!err) {
      simdjson::dom::array arr;
      if (value.get_array().get(arr) == simdjson::SUCCESS) {
        long index = 0;
        for (simdjson::dom::element el : arr) {
          ++index;
          InputItem item = json_.FromElement(el, path, 0, path + ":" + std::to_string(index), opt_);
          if (auto* e = std::get_if<InputError>(&item)) e->reason = "record " + std::to_string(index) + ": " + e->reason;
          if (!Emit(std::move(item))) return false;
        }
        if (index == 0) return Emit(InputError{path, 0, "empty JSON array"});
        return true;
      }
      return Emit(json_.FromElement(value, path, 0, path, opt_));
    }
    // Not one JSON value: JSON Lines when its first line parses on its own.
    std::size_t first = all.find_first_not_of(" \t\r\n");
    std::size_t nl = all.find('\n', first);
    std::string first_line = all.substr(first, nl == std::string::npos ? std::string::npos : nl - first);
    simdjson::dom::element probe;
    if (json_.parser().parse(first_line.data(), first_line.size(), true).get(probe)) {
      return Emit(InputError{path, 0, std::string("malformed JSON: ") + simdjson::error_message(err)});
    }
    long line_no = 0;
    std::string_view rest = all;
    while (!rest.empty()) {
      std::size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (IsBlank(line)) continue;
      if (!Emit(json_.ParseLine(line, path, line_no, opt_))) return false;
    }
    return true;
  }

  const ReaderOptions& opt_;
  const InputSink& sink_;
  JsonArticleParser json_;
  bool stopped_ = false;
};

}  // namespace

bool ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                const InputSink& sink) {
  Reader reader(options, sink);
  for (const std::string& path : paths) {
    if (!reader.ReadPath(path)) return false;
  }
  return true;
}

}  // namespace claimex

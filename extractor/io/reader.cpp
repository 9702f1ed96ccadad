// PLACEHOLDER until the readers land: plain .txt files only.
#include "extractor/io/reader.h"

#include <fstream>
#include <sstream>

#include "extractor/io/byline.h"

namespace claimex {

bool ReadInputs(const std::vector<std::string>& paths, const ReaderOptions& options,
                const InputSink& sink) {
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      if (!sink(InputError{path, 0, "cannot open"})) return false;
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    Document doc;
    doc.id = path;
    doc.origin_file = path;
    doc.text = ss.str();
    Byline b = SniffByline(doc.text);
    doc.published = options.published ? options.published : b.published;
    doc.source = !options.source.empty() ? options.source : b.source;
    if (!sink(std::move(doc))) return false;
  }
  return true;
}

}  // namespace claimex

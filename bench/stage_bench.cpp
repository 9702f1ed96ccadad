// claimex_stage_bench: times each pipeline stage on its own, so a slow run
// can be pinned on one stage without a profiler.
//
//   claimex_stage_bench [--repeat N] [--only STAGE] FILE...
//
// Reads FILE(s) with the normal readers (all documents are held in memory,
// so keep inputs to a few hundred MB), then runs, over every document and
// in the pipeline's order: segmenter, quantity recognizer, time recognizer
// (over the figure sentences only, as Extractor::Extract calls it; the
// durations inside time expressions are then dropped), claim builder,
// attributor, and finally the whole Extractor::Extract as a cross-check.
// Prints one JSON object on stdout:
//   {"bytes":..., "docs":..., "claims":..., "stages":{"segment":{"seconds":..,
//    "mb_per_s":..}, ...}, "extract":{...}}
// Each stage gets the previous stage's real output, so the figures add up
// to (about) the whole pipeline. Single-threaded by design. Times are the
// thread's CPU time (CLOCK_THREAD_CPUTIME_ID), not wall time, so that other
// work on a shared machine does not inflate them; on a quiet machine the two
// agree. `--only time|quantity|...` runs the segmenter and that stage
// alone (for a profiler); the other stages then report 0.
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

#include "extractor/attribution/attributor.h"
#include "extractor/claims/claim_builder.h"
#include "extractor/io/reader.h"
#include "extractor/pipeline/extractor.h"
#include "extractor/quantity/recognizer.h"
#include "extractor/text/segmenter.h"
#include "extractor/time/time_recognizer.h"

namespace {

// This thread's CPU time in seconds.
struct Clock {
  static double now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
};

double Seconds(double a, double b) { return b - a; }

}  // namespace

int main(int argc, char** argv) {
  using namespace claimex;
  int repeat = 1;
  std::string only;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: claimex_stage_bench [--repeat N] [--only STAGE] FILE...\n");
    return 2;
  }
  std::vector<Document> docs;
  std::size_t bytes = 0, failed = 0;
  ReaderOptions options;
  options.max_doc_bytes = std::size_t{1} << 30;
  ReadInputs(paths, options, [&](InputItem&& item) {
    if (auto* d = std::get_if<Document>(&item)) {
      bytes += d->text.size();
      docs.push_back(std::move(*d));
    } else {
      ++failed;
    }
    return true;
  });

  const Segmenter segmenter;
  const TimeRecognizer times;
  const QuantityRecognizer quantities;
  const ClaimBuilder builder;
  const Attributor attributor;
  const Extractor extractor;
  double t_seg = 0, t_time = 0, t_qty = 0, t_build = 0, t_attr = 0, t_all = 0;
  std::size_t claims = 0, claims_all = 0;
  for (int r = 0; r < repeat; ++r) {
    for (const Document& doc : docs) {
      std::string_view text = doc.text;
      auto t0 = Clock::now();
      Segmentation seg = segmenter.Segment(text);
      auto t1 = Clock::now();
      if (!only.empty()) {
        t_seg += Seconds(t0, t1);
        std::size_t found = 0;
        auto t2 = Clock::now();
        if (only == "time") {
          // The search needs the figures' sentences: find them untimed.
          std::vector<Span> ranges = FigureSentences(seg, quantities.Recognize(text, seg));
          t2 = Clock::now();
          found = times.Find(text, doc.published, ranges).size();
        } else if (only == "quantity") {
          found = quantities.Recognize(text, seg).size();
        } else if (only == "extract") {
          found = extractor.Extract(doc).claims.size();
          claims_all += found;
        }
        auto t3 = Clock::now();
        static_cast<void>(found);  // kept only so the call's result is used
        double& slot = only == "time" ? t_time : only == "quantity" ? t_qty : t_all;
        slot += Seconds(t2, t3);
        continue;
      }
      std::vector<Quantity> qs = quantities.Recognize(text, seg);
      auto t2 = Clock::now();
      std::vector<TimeExpression> tx = times.Find(text, doc.published, FigureSentences(seg, qs));
      DropTimeDurations(qs, tx);
      auto t3 = Clock::now();
      std::vector<Claim> cs = builder.Build(text, seg, std::move(qs), tx, doc.published);
      auto t4 = Clock::now();
      attributor.Attribute(text, seg, cs);
      auto t5 = Clock::now();
      ExtractResult all = extractor.Extract(doc);
      auto t6 = Clock::now();
      t_seg += Seconds(t0, t1);
      t_qty += Seconds(t1, t2);
      t_time += Seconds(t2, t3);
      t_build += Seconds(t3, t4);
      t_attr += Seconds(t4, t5);
      t_all += Seconds(t5, t6);
      claims += cs.size();
      claims_all += all.claims.size();
    }
  }
  const double mb = static_cast<double>(bytes) * repeat / 1e6;
  auto stage = [&](const char* name, double s, bool comma) {
    std::printf("\"%s\":{\"seconds\":%.4f,\"mb_per_s\":%.2f}%s", name, s, s > 0 ? mb / s : 0.0,
                comma ? "," : "");
  };
  std::printf("{\"bytes\":%zu,\"docs\":%zu,\"failed\":%zu,\"repeat\":%d,\"claims\":%zu,"
              "\"claims_extract\":%zu,\"stages\":{",
              bytes, docs.size(), failed, repeat, claims / repeat, claims_all / repeat);
  stage("segment", t_seg, true);
  stage("time", t_time, true);
  stage("quantity", t_qty, true);
  stage("claims", t_build, true);
  stage("attribution", t_attr, false);
  std::printf("},");
  stage("extract", t_all, false);
  std::printf("}\n");
  return 0;
}

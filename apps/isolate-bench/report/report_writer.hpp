#pragma once
// The report writers: results in, text out. One small file per format behind one method. A new
// format is its file, its factory below, its name in OutputFormat (options/output_options.hpp)
// and its case in the app's writer_for(). Writers never measure, never touch files and never
// see the command line; the app decides where their text goes.

#include <memory>
#include <string>

#include "bench/frames/filmstrip.hpp"
#include "bench/harness/result.hpp"

namespace isolate_bench {

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  /// The whole report for `result`. Never throws for a result made by the harness (except
  /// std::bad_alloc).
  virtual std::string render(const bench::ScenarioResult& result) const = 0;
};

/// Terminal report: per parameter set the compact table (one row per mode: the primary metric,
/// the verdict against the baseline with the ratio's range, the main isolate's share, frames
/// dropped and janky, the filmstrip of its median repetition), then the conclusions and the
/// environment, all within `style.width` columns. `details` adds the full breakdown: every
/// metric by mode, the unstable figures by name, each filmstrip with its legend. `style` decides
/// width, colour and Unicode (ASCII units such as "us" when not Unicode).
std::unique_ptr<ReportWriter> make_table_writer(bench::FilmstripStyle style, bool details = false);

/// The same report as GitHub-flavoured Markdown, ready to paste into docs, without colour.
std::unique_ptr<ReportWriter> make_markdown_writer(bool details = false);

/// RFC 4180 CSV, columns documented in results/README.md.
std::unique_ptr<ReportWriter> make_csv_writer();

/// One JSON document with the same content as the CSV, plus conclusions.
std::unique_ptr<ReportWriter> make_json_writer();

/// RFC 4180 CSV of every VSync of every repetition (--frames), columns documented in
/// results/README.md: the per-frame data behind the frame metrics.
std::unique_ptr<ReportWriter> make_frames_csv_writer();

}  // namespace isolate_bench

#pragma once
// Where each report goes, decided and checked before anything runs, so bad paths fail fast
// (exit 2) and a long run never ends in an unwritable destination.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "options/output_options.hpp"

namespace isolate_bench {

struct ReportPlan {
  OutputFormat stdout_format = OutputFormat::table;
  /// The CSV file: --csv PATH, or the default in --results-dir (default_csv_path()).
  /// Empty when the CSV goes to stdout (--csv -).
  std::optional<std::filesystem::path> csv_file;
  bool csv_is_default = false;  ///< csv_file names a folder; the file name comes at the end
  std::optional<std::filesystem::path> json_file;    ///< --json PATH; empty when none or stdout
  std::optional<std::filesystem::path> frames_file;  ///< --frames PATH; empty when none
};

/// Resolves the destinations of `options`. '-' for --csv or --json moves that format to stdout
/// (instead of the table). Throws bench::SettingsError when two reports claim stdout, or a
/// destination cannot be written (see bench/harness/writable.hpp), or two of --csv, --json and
/// --frames name one file. Creates nothing.
ReportPlan plan_reports(const OutputOptions& options);

/// The default CSV path: <results_dir>/<scenario>-<UTC time, e.g. 20240501T123456Z>.csv, and
/// "-2", "-3"... before ".csv" for the following attempts (ReportFiles::stage_new takes the
/// first that is free, so a report never overwrites another).
std::filesystem::path default_csv_path(const std::filesystem::path& results_dir,
                                       const std::string& scenario,
                                       std::chrono::system_clock::time_point when, int attempt);

}  // namespace isolate_bench

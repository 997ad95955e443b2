#pragma once
// The options every scenario subcommand shares, parsed once into a plain struct. Nothing below
// the command line sees CLI11: the runner gets bench::RunSettings, the reports get this struct's
// plain values.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "bench/harness/result.hpp"

namespace isolate_bench {

enum class OutputFormat { table, markdown, csv, json };

/// "table", "markdown", "csv", "json".
const char* format_name(OutputFormat format) noexcept;

/// Throws UsageError naming `option` unless `text` is one of the format names.
OutputFormat parse_format(std::string_view text, std::string_view option);

struct CommonOptions {
  bench::DisplayConfig display;               ///< --fps (default 60), --ui-work (default 2ms)
  int repetitions = 10;                       ///< --repetitions/-r
  int warmups = 1;                            ///< --warmup
  std::uint64_t seed = 42;                    ///< --seed
  OutputFormat format = OutputFormat::table;  ///< --format, for stdout
  bool format_given = false;                  ///< --format appeared on the command line
  std::optional<std::string> csv_path;        ///< --csv; "-" is stdout
  std::optional<std::string> json_path;       ///< --json; "-" is stdout
  std::string results_dir = "results";        ///< --results-dir: where the default CSV goes
  bool quiet = false;                         ///< --quiet: no progress, no trailing path line
  bool no_color = false;                      ///< --no-color
};

/// Adds the common options to `command`, parsing into `options` with the functions of
/// quantities.hpp (so bad values throw UsageError during CLI::App::parse). Each option's help
/// states its default and accepted form.
void add_common_options(CLI::App& command, CommonOptions& options);

/// The harness's settings for these options.
bench::RunSettings run_settings(const CommonOptions& options);

}  // namespace isolate_bench

#pragma once
// The output options every scenario command shares (--format, --csv, --json, --frames,
// --results-dir, --quiet, --no-color, --details), parsed once into a plain struct. They belong to
// the command line: the harness declares the measurement options (bench/harness/common_options.hpp), and
// nothing below the command line sees either CLI11 or this struct.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace isolate_bench {

enum class OutputFormat { table, markdown, csv, json };

/// "table", "markdown", "csv", "json".
const char* format_name(OutputFormat format) noexcept;

/// Throws bench::SettingsError naming `option` unless `text` is one of the format names.
OutputFormat parse_format(std::string_view text, std::string_view option);

struct OutputOptions {
  OutputFormat format = OutputFormat::table;  ///< --format, for stdout
  bool format_given = false;                  ///< --format appeared on the command line
  std::optional<std::string> csv_path;        ///< --csv; "-" is stdout
  std::optional<std::string> json_path;       ///< --json; "-" is stdout
  std::optional<std::string> frames_path;     ///< --frames: the per-VSync CSV; a file, not stdout
  std::string results_dir = "results";        ///< --results-dir: where the default CSV goes
  bool quiet = false;                         ///< --quiet: no progress, no trailing path line
  bool no_color = false;                      ///< --no-color
  bool details = false;  ///< --details: the full breakdown under the compact table and Markdown
};

/// Adds the output options to `command`, parsing into `options` (bad values throw
/// bench::SettingsError during CLI::App::parse). Each option's help states its default.
void add_output_options(CLI::App& command, OutputOptions& options);

}  // namespace isolate_bench

#include "options/output_options.hpp"

#include <fmt/format.h>

#include "bench/harness/settings_error.hpp"

namespace isolate_bench {

const char* format_name(OutputFormat format) noexcept {
  switch (format) {
    case OutputFormat::table:
      return "table";
    case OutputFormat::markdown:
      return "markdown";
    case OutputFormat::csv:
      return "csv";
    case OutputFormat::json:
      return "json";
  }
  return "table";
}

OutputFormat parse_format(std::string_view text, std::string_view option) {
  for (auto format :
       {OutputFormat::table, OutputFormat::markdown, OutputFormat::csv, OutputFormat::json}) {
    if (text == format_name(format)) return format;
  }
  throw bench::SettingsError(
      fmt::format("{} '{}': unknown format; accepted: table, markdown, csv or json", option, text));
}

namespace {

void require_path(const std::string& path, std::string_view option) {
  if (path.empty()) {
    throw bench::SettingsError(
        fmt::format("{} '': empty path; accepted: a file path, or - for stdout", option));
  }
}

}  // namespace

void add_output_options(CLI::App& command, OutputOptions& o) {
  const std::string output = "Output";
  command
      .add_option_function<std::string>(
          "--format",
          [&o](const std::string& v) {
            o.format = parse_format(v, "--format");
            o.format_given = true;
          },
          "What stdout shows: table, markdown, csv or json (default: table)")
      ->type_name("FORMAT")
      ->group(output);
  command
      .add_option_function<std::string>(
          "--csv",
          [&o](const std::string& v) {
            require_path(v, "--csv");
            o.csv_path = v;
          },
          "Write the CSV report to PATH, '-' for stdout (default: "
          "RESULTS_DIR/<scenario>-<UTC time>.csv)")
      ->type_name("PATH")
      ->group(output);
  command
      .add_option_function<std::string>(
          "--json",
          [&o](const std::string& v) {
            require_path(v, "--json");
            o.json_path = v;
          },
          "Also write a JSON report to PATH, '-' for stdout (default: none)")
      ->type_name("PATH")
      ->group(output);
  command
      .add_option_function<std::string>(
          "--frames",
          [&o](const std::string& v) {
            if (v.empty() || v == "-") {
              throw bench::SettingsError(fmt::format(
                  "--frames '{}': the frames CSV needs a file; accepted: a file path", v));
            }
            o.frames_path = v;
          },
          "Also write every VSync of every repetition (due, start, end, on time/janky/dropped) "
          "as CSV to PATH, for frame charts (default: none)")
      ->type_name("PATH")
      ->group(output);
  command
      .add_option_function<std::string>(
          "--results-dir",
          [&o](const std::string& v) {
            require_path(v, "--results-dir");
            o.results_dir = v;
          },
          "Folder of the default CSV report, created if missing (default: results)")
      ->type_name("DIR")
      ->group(output);
  command.add_flag("--quiet", o.quiet, "No progress and no report path on stderr (default: off)")
      ->group(output);
  command
      .add_flag("--no-color", o.no_color,
                "No ANSI colours, even on a terminal (default: off; NO_COLOR is honoured too)")
      ->group(output);
  command
      .add_flag("--details", o.details,
                "Table and Markdown: every metric by mode, the unstable figures by name and each "
                "filmstrip with its legend, under the compact table (default: off; CSV and JSON "
                "always hold every figure)")
      ->group(output);
}

}  // namespace isolate_bench

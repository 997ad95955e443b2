#include "options/common_options.hpp"

#include <fmt/format.h>

#include "options/quantities.hpp"
#include "options/usage_error.hpp"

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
  throw UsageError(
      fmt::format("{} '{}': unknown format; accepted: table, markdown, csv or json", option, text));
}

namespace {

void require_path(const std::string& path, std::string_view option) {
  if (path.empty()) {
    throw UsageError(
        fmt::format("{} '': empty path; accepted: a file path, or - for stdout", option));
  }
}

}  // namespace

void add_common_options(CLI::App& command, CommonOptions& o) {
  const std::string group = "Measurement";
  command
      .add_option_function<std::string>(
          "--fps", [&o](const std::string& v) { o.display.fps = parse_fps(v, "--fps"); },
          "Display refresh rate the frames are measured against, 1..1000 (default: 60)")
      ->type_name("FPS")
      ->group(group);
  command
      .add_option_function<std::string>(
          "--ui-work",
          [&o](const std::string& v) { o.display.ui_work = parse_duration(v, "--ui-work"); },
          "CPU work of one UI frame on the main isolate, with a unit: ns, us, ms, s "
          "(default: 2ms)")
      ->type_name("DURATION")
      ->group(group);
  command
      .add_option_function<std::string>(
          "-r,--repetitions",
          [&o](const std::string& v) {
            o.repetitions = static_cast<int>(parse_integer(v, "--repetitions", 1, 100000));
          },
          "Measured runs per mode and size, 1..100000 (default: 10)")
      ->type_name("N")
      ->group(group);
  command
      .add_option_function<std::string>(
          "--warmup",
          [&o](const std::string& v) {
            o.warmups = static_cast<int>(parse_integer(v, "--warmup", 0, 10000));
          },
          "Unmeasured runs per mode before measuring, 0..10000 (default: 1)")
      ->type_name("N")
      ->group(group);
  command
      .add_option_function<std::string>(
          "--seed", [&o](const std::string& v) { o.seed = parse_seed(v, "--seed"); },
          "Seed of the generated workload, so runs are reproducible (default: 42)")
      ->type_name("N")
      ->group(group);

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
}

bench::RunSettings run_settings(const CommonOptions& options) {
  bench::RunSettings settings;
  settings.display = options.display;
  settings.repetitions = options.repetitions;
  settings.warmups = options.warmups;
  settings.seed = options.seed;
  return settings;
}

}  // namespace isolate_bench

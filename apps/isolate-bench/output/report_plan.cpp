#include "output/report_plan.hpp"

#include <fmt/format.h>

#include <ctime>
#include <iterator>
#include <utility>

#include "bench/harness/settings_error.hpp"
#include "bench/harness/writable.hpp"

namespace isolate_bench {
namespace fs = std::filesystem;

namespace {

/// Whether two paths name one file: the same path once made absolute with symlinks resolved
/// (neither needs to exist yet), or two names of one existing file (a hard link).
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ignored;
  if (fs::weakly_canonical(fs::absolute(a, ignored), ignored) ==
      fs::weakly_canonical(fs::absolute(b, ignored), ignored)) {
    return true;
  }
  return fs::equivalent(a, b, ignored);
}

}  // namespace

ReportPlan plan_reports(const OutputOptions& options) {
  ReportPlan plan;
  plan.stdout_format = options.format;
  const bool csv_to_stdout = options.csv_path == "-";
  const bool json_to_stdout = options.json_path == "-";
  if (csv_to_stdout && json_to_stdout) {
    throw bench::SettingsError(
        "--csv - and --json -: only one report can go to stdout; accepted: a file "
        "path for one of them");
  }
  for (auto [to_stdout, format, option] :
       {std::tuple{csv_to_stdout, OutputFormat::csv, "--csv -"},
        std::tuple{json_to_stdout, OutputFormat::json, "--json -"}}) {
    if (!to_stdout) continue;
    if (options.format_given && options.format != format) {
      throw bench::SettingsError(
          fmt::format("{} and --format {}: both claim stdout; accepted: one of them, "
                      "or a file path for {}",
                      option, format_name(options.format), option));
    }
    plan.stdout_format = format;
  }

  if (options.csv_path && !csv_to_stdout) {
    bench::check_writable_file(*options.csv_path, "--csv");
    plan.csv_file = fs::path(*options.csv_path);
  } else if (!options.csv_path) {
    bench::check_writable_folder(options.results_dir, "--results-dir");
    plan.csv_file = fs::path(options.results_dir);
    plan.csv_is_default = true;
  }
  if (options.json_path && !json_to_stdout) {
    bench::check_writable_file(*options.json_path, "--json");
    plan.json_file = fs::path(*options.json_path);
  }
  if (options.frames_path) {
    bench::check_writable_file(*options.frames_path, "--frames", /*dash_for_stdout=*/false);
    plan.frames_file = fs::path(*options.frames_path);
  }
  const std::optional<fs::path> csv_named =
      plan.csv_is_default ? std::nullopt : std::optional<fs::path>(plan.csv_file);
  const std::pair<const char*, const std::optional<fs::path>*> named[] = {
      {"--csv", &csv_named}, {"--json", &plan.json_file}, {"--frames", &plan.frames_file}};
  for (std::size_t i = 0; i < std::size(named); ++i) {
    for (std::size_t j = i + 1; j < std::size(named); ++j) {
      const auto& [first_option, first] = named[i];
      const auto& [second_option, second] = named[j];
      if (*first && *second && same_file(**first, **second)) {
        throw bench::SettingsError(fmt::format(
            "{} '{}' and {} '{}': both reports would go to one file, the second replacing "
            "the first; accepted: two different paths",
            first_option, (*first)->string(), second_option, (*second)->string()));
      }
    }
  }
  return plan;
}

fs::path default_csv_path(const fs::path& results_dir, const std::string& scenario,
                          std::chrono::system_clock::time_point when, int attempt) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  const std::string stem = scenario + "-" + stamp;
  return results_dir / (attempt <= 1 ? stem + ".csv" : fmt::format("{}-{}.csv", stem, attempt));
}

}  // namespace isolate_bench

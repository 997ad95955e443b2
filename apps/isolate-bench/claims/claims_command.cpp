#include "claims/claims_command.hpp"

#include <chrono>
#include <iostream>

#include "bench/claims/claims.hpp"
#include "bench/harness/settings_error.hpp"
#include "claims/claims_report.hpp"
#include "cli/printable.hpp"
#include "output/atomic_file.hpp"
#include "output/progress.hpp"
#include "output/report_delivery.hpp"
#include "output/report_plan.hpp"

namespace isolate_bench {
namespace {

constexpr const char* kName = "claims";

constexpr const char* kHelp =
    "What it does: sets the claims of the source document (\"Dart Isolates Explained\") against\n"
    "figures measured now, on this machine. It runs short versions of the scenarios (json-parse,\n"
    "spawn, messages, offload, isolate-memory, native-state, sha256, image-compress) through the\n"
    "same runner as `isolate-bench SCENARIO`, with small fixed settings: about a minute in all,\n"
    "seconds with --quick. One row per claim: the claim in a few words, the document's figure,\n"
    "the figure measured here, a verdict and the scenario command that measures it in full.\n"
    "\n"
    "Verdicts:\n"
    "  holds             the figure measured here agrees with the document's\n"
    "  holds in shape    the claim's point stands, its figure does not: a range missed by less\n"
    "                    than 10x, frames dropped but not as many, a gain within the noise\n"
    "  differs here      the measurement contradicts the claim on this machine\n"
    "  not measured yet  no scenario in this build measures it: no figure is printed\n"
    "Each verdict says why in a few words. The usual reasons: native code is faster than the\n"
    "Dart VM (nothing to load, no VM heap), this machine's core count, and Dart >= 2.15's sharing\n"
    "of immutable data within an isolate group.\n"
    "\n"
    "The figures are medians of a few repetitions, enough for a slide; the scenario command in\n"
    "the last column measures each one in full, with confidence intervals.\n"
    "\n"
    "Examples:\n"
    "  isolate-bench claims\n"
    "  isolate-bench claims --quick --format markdown > claims.md\n"
    "  isolate-bench claims --format json --csv claims.csv\n";

int fail(const std::string& line, int code) {
  std::cerr << printable(line) << std::endl;
  return code;
}

}  // namespace

CLI::App* add_claims_command(CLI::App& app, ClaimsOptions& options, OutputOptions& output) {
  CLI::App* command = app.add_subcommand(
      kName, "the document's claims set against short runs of every scenario, one row each");
  command->footer(kHelp);
  command->add_flag("--quick", options.quick,
                    "Shorter runs (fewer repetitions, smaller inputs): seconds instead of a "
                    "minute. Default: off");
  add_output_options(*command, output);
  return command;
}

int run_claims_command(const ClaimsOptions& options, const OutputOptions& output, int argc,
                       const char* const* argv) {
  const std::string where = std::string("isolate-bench ") + kName;
  ReportPlan plan;
  try {
    plan = plan_reports(output);
  } catch (const bench::SettingsError& error) {
    return fail(where + ": " + error.what(), bench::kSettingsExitCode);
  }

  ClaimsReport report;
  report.length = options.quick ? bench::claims::RunLength::quick : bench::claims::RunLength::full;
  report.environment =
      bench::capture_environment(bench::join_command_line(argc, argv), {{"CLI11", CLI11_VERSION}});
  const auto started = std::chrono::system_clock::now();
  {
    ProgressLine progress(stderr, !output.quiet);
    try {
      const auto begin = std::chrono::steady_clock::now();
      const auto results =
          bench::claims::run_claims(bench::claims::claim_runs(report.length), report.environment,
                                    progress.callback(), &report.run_times);
      report.wall_time = std::chrono::steady_clock::now() - begin;
      report.rows = bench::claims::evaluate_claims(results, report.environment.logical_cores);
    } catch (const std::exception& error) {
      progress.finish();
      return fail(where + ": the run failed: " + error.what(), 1);
    }
  }

  // As every scenario's: stdout first, then the files, all or none.
  try {
    ReportFiles files;
    const auto kinds = stage_csv_and_json(
        plan, kName, started, [&] { return render_claims(report, OutputFormat::csv); },
        [&] { return render_claims(report, OutputFormat::json); }, files);
    deliver_reports(render_claims(report, plan.stdout_format), files, kinds, plan.stdout_format,
                    output.quiet);
  } catch (const std::exception& error) {
    return fail(where + ": " + error.what(), 1);
  }
  return 0;
}

}  // namespace isolate_bench

#include "cli/app.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#include "bench/frames/filmstrip.hpp"
#include "bench/harness/common_options.hpp"
#include "bench/harness/environment.hpp"
#include "bench/harness/registry.hpp"
#include "bench/harness/runner.hpp"
#include "bench/harness/settings_error.hpp"
#include "bench/harness/writable.hpp"
#include "claims/claims_command.hpp"
#include "cli/declared_options.hpp"
#include "cli/parse_errors.hpp"
#include "cli/printable.hpp"
#include "options/output_options.hpp"
#include "output/atomic_file.hpp"
#include "output/checked_stdout.hpp"
#include "output/progress.hpp"
#include "output/report_delivery.hpp"
#include "output/report_plan.hpp"
#include "report/metric_docs.hpp"
#include "report/report_writer.hpp"
#include "workload/write_workload.hpp"

namespace isolate_bench {
namespace {

constexpr const char* kDescription =
    "isolate-bench: what Dart-style isolates cost and buy, measured against a simulated display.\n"
    "Each scenario runs its modes side by side (the first is the baseline), repeats them, and\n"
    "reports medians with min/max, ratios to the baseline and the frames a user would have\n"
    "lost at --fps while the work ran. Results go to stdout (--format) and to a CSV file.";

constexpr const char* kFooter =
    "Sizes: KB, MB, GB are powers of 10 (2MB = 2000000 bytes); KiB, MiB, GiB powers of 2\n"
    "(2MiB = 2097152 bytes); every report echoes the exact byte count. Durations take ns, us,\n"
    "ms or s. Bad input exits with code 2 and writes no file; a run that fails exits with 1,\n"
    "Ctrl-C with 130, and neither leaves a report behind: a run's reports are written all or\n"
    "none.\n"
    "\n"
    "Examples:\n"
    "  isolate-bench list\n"
    "  isolate-bench spawn --payload 1KB,1MB -r 20\n"
    "  isolate-bench SCENARIO --help        every option of a scenario, with defaults\n";

std::unique_ptr<ReportWriter> writer_for(OutputFormat format, const OutputOptions& options) {
  switch (format) {
    case OutputFormat::table:
      return make_table_writer(bench::detect_filmstrip_style(stdout, options.no_color),
                               options.details);
    case OutputFormat::markdown:
      return make_markdown_writer(options.details);
    case OutputFormat::csv:
      return make_csv_writer();
    case OutputFormat::json:
      return make_json_writer();
  }
  return make_table_writer(bench::detect_filmstrip_style(stdout, options.no_color),
                           options.details);
}

int fail(const std::string& line, int code) {
  std::cerr << printable(line) << std::endl;
  return code;
}

/// A scenario and the subcommand made from its declarations.
struct ScenarioCommand {
  std::unique_ptr<bench::Scenario> scenario;
  CLI::App* command = nullptr;
};

void print_list(const std::vector<ScenarioCommand>& commands) {
  std::size_t width = 0;
  for (const auto& c : commands) width = std::max(width, c.scenario->name().size());
  std::cout << "Scenarios (isolate-bench SCENARIO --help shows each one's options):\n";
  for (const auto& c : commands) {
    std::cout << fmt::format("  {:<{}}  {}\n", c.scenario->name(), width, c.scenario->summary());
  }
}

/// "Modes (--mode ...):" and one line per mode, for a scenario's --help.
std::string modes_help(const bench::Scenario& scenario) {
  const auto modes = scenario.modes();
  std::size_t width = 0;
  for (const auto& mode : modes) width = std::max(width, mode.name.size());
  std::string text = "Modes (--mode; the first one run is the baseline):\n";
  for (const auto& mode : modes) {
    text += fmt::format("  {:<{}}  {}\n", mode.name, width, mode.description);
  }
  return text + "\n";
}

/// Stages the files the plan names and those the scenario asked for (ReportFiles: all are moved
/// into place at commit, or none). Returns what each one is ("CSV report", "JSON report",
/// "Frames CSV", "Output file"), in the order staged.
std::vector<std::string> stage_report_files(const ReportPlan& plan,
                                            const bench::ScenarioResult& result,
                                            ReportFiles& files) {
  auto kinds = stage_csv_and_json(
      plan, result.scenario, result.started, [&] { return make_csv_writer()->render(result); },
      [&] { return make_json_writer()->render(result); }, files);
  if (plan.frames_file) {
    files.stage(*plan.frames_file, make_frames_csv_writer()->render(result));
    kinds.emplace_back("Frames CSV");
  }
  // The scenario's own files (--output-dir) go with the reports: written together or not at all.
  for (const auto& file : result.output_files) {
    std::filesystem::create_directories(bench::folder_of(file.path));
    files.stage(file.path, file.content);
    kinds.emplace_back("Output file");
  }
  return kinds;
}

}  // namespace

int run_cli(int argc, const char* const* argv) {
  CLI::App app(kDescription, "isolate-bench");
  app.set_version_flag("--version", "isolate-bench " + bench::version_line(),
                       "Print the version and commit, then exit");
  app.require_subcommand(1);
  app.footer(kFooter);
  CLI::App* list = app.add_subcommand("list", "List the scenarios, one line each");
  bool list_metrics = false;
  list->add_flag("--metrics", list_metrics,
                 "Print what every CSV column means, as the Markdown tables of results/README.md");

  // Every scenario becomes a subcommand from its own declarations; only one is parsed, so they
  // can share the settings they write.
  bench::RunSettings settings;
  OutputOptions output;
  std::optional<std::filesystem::path> workload_path;
  std::vector<ScenarioCommand> commands;
  std::vector<std::string> names{"list", "claims"};
  ClaimsOptions claims_options;
  CLI::App* claims = add_claims_command(app, claims_options, output);
  for (const auto make : bench::registered_scenarios()) {
    ScenarioCommand c{make(), nullptr};
    c.command = app.add_subcommand(c.scenario->name(), c.scenario->summary());
    c.command->footer(modes_help(*c.scenario) + c.scenario->help());
    add_declared_options(*c.command, c.scenario->options());
    add_declared_options(*c.command, bench::common_options(settings, *c.scenario));
    add_output_options(*c.command, output);
    add_workload_option(*c.command, *c.scenario, workload_path);
    names.push_back(c.scenario->name());
    commands.push_back(std::move(c));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& done) {  // --help, --version
    return app.exit(done);
  } catch (const CLI::ParseError& error) {
    return fail(describe_parse_error(app, error, argc, argv, names), bench::kSettingsExitCode);
  } catch (const bench::SettingsError& error) {
    const auto chosen = app.get_subcommands();
    const std::string where =
        chosen.empty() ? "isolate-bench" : "isolate-bench " + chosen.front()->get_name();
    return fail(where + ": " + error.what(), bench::kSettingsExitCode);
  }

  if (list->parsed()) {
    if (list_metrics) {
      std::vector<const bench::Scenario*> scenarios;
      for (const auto& c : commands) scenarios.push_back(c.scenario.get());
      std::cout << metric_docs_markdown(scenarios);
    } else {
      print_list(commands);
    }
    return 0;
  }
  if (claims->parsed()) return run_claims_command(claims_options, output, argc, argv);
  const auto chosen = std::find_if(commands.begin(), commands.end(),
                                   [](const ScenarioCommand& c) { return c.command->parsed(); });
  if (chosen == commands.end()) {
    return fail("isolate-bench: no command chosen", bench::kSettingsExitCode);
  }
  bench::Scenario& scenario = *chosen->scenario;
  const std::string where = "isolate-bench " + scenario.name();

  // --write-workload replaces the run: the inputs are built as a run would build them, written,
  // and nothing is measured.
  if (workload_path) {
    try {
      if (output.csv_path || output.json_path || output.frames_path) {
        throw bench::SettingsError(
            "--write-workload measures nothing, so --csv, --json and --frames would have no "
            "report; accepted: --write-workload without --csv, --json and --frames");
      }
      bench::check_writable_file(*workload_path, "--write-workload", /*dash_for_stdout=*/false);
      scenario.prepare(settings);
      write_stdout(write_workloads(scenario, *workload_path));
    } catch (const bench::SettingsError& error) {
      return fail(where + ": " + error.what(), bench::kSettingsExitCode);
    } catch (const std::bad_alloc&) {
      return fail(where + ": not enough memory to build the workload; accepted: smaller sizes", 1);
    } catch (const std::exception& error) {
      return fail(where + ": " + error.what(), 1);
    }
    return 0;
  }

  // Every setting is checked here, before any work: the report destinations, then the
  // scenario's settings together (prepare() also builds the workloads).
  ReportPlan plan;
  try {
    plan = plan_reports(output);
    scenario.prepare(settings);
  } catch (const bench::SettingsError& error) {
    return fail(where + ": " + error.what(), bench::kSettingsExitCode);
  } catch (const std::bad_alloc&) {
    return fail(where + ": not enough memory to build the workload; accepted: smaller sizes", 1);
  }

  auto environment =
      bench::capture_environment(bench::join_command_line(argc, argv), {{"CLI11", CLI11_VERSION}});
  bench::ScenarioResult result;
  {
    ProgressLine progress(stderr, !output.quiet);
    try {
      result = bench::run_scenario_on_main_isolate(scenario, settings, std::move(environment),
                                                   progress.callback());
    } catch (const std::exception& error) {
      progress.finish();
      return fail(where + ": the run failed: " + error.what(), 1);
    }
  }

  try {
    ReportFiles files;
    const auto kinds = stage_report_files(plan, result, files);
    deliver_reports(writer_for(plan.stdout_format, output)->render(result), files, kinds,
                    plan.stdout_format, output.quiet);
  } catch (const std::exception& error) {
    return fail(where + ": " + error.what(), 1);
  }
  return 0;
}

}  // namespace isolate_bench

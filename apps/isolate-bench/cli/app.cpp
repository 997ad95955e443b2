#include "cli/app.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "bench/frames/filmstrip.hpp"
#include "bench/harness/environment.hpp"
#include "bench/harness/runner.hpp"
#include "cli/parse_errors.hpp"
#include "commands/scenario_command.hpp"
#include "options/common_options.hpp"
#include "options/usage_error.hpp"
#include "output/atomic_file.hpp"
#include "output/progress.hpp"
#include "output/report_plan.hpp"
#include "report/report_writer.hpp"

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
    "ms or s. Bad input exits with code 2 and writes no file.\n"
    "\n"
    "Examples:\n"
    "  isolate-bench list\n"
    "  isolate-bench spawn --payload 1KB,1MB -r 20\n"
    "  isolate-bench SCENARIO --help        every option of a scenario, with defaults\n";

std::unique_ptr<ReportWriter> writer_for(OutputFormat format, bool no_color) {
  switch (format) {
    case OutputFormat::table:
      return make_table_writer(bench::detect_filmstrip_style(stdout, no_color));
    case OutputFormat::markdown:
      return make_markdown_writer();
    case OutputFormat::csv:
      return make_csv_writer();
    case OutputFormat::json:
      return make_json_writer();
  }
  return make_table_writer(bench::detect_filmstrip_style(stdout, no_color));
}

int fail(const std::string& line, int code) {
  std::cerr << line << std::endl;
  return code;
}

void print_list(const std::vector<ScenarioCommand>& commands) {
  std::size_t width = 0;
  for (const auto& c : commands) width = std::max(width, c.command->get_name().size());
  std::cout << "Scenarios (isolate-bench SCENARIO --help shows each one's options):\n";
  for (const auto& c : commands) {
    const std::string description = c.command->get_description();
    const std::string first_line = description.substr(0, description.find('\n'));
    std::cout << fmt::format("  {:<{}}  {}\n", c.command->get_name(), width, first_line);
  }
}

/// Writes the files the plan names; returns the lines that tell where they went.
std::vector<std::string> write_report_files(const ReportPlan& plan,
                                            const bench::ScenarioResult& result) {
  std::vector<std::string> written;
  if (plan.csv_file) {
    std::filesystem::path path = *plan.csv_file;
    if (plan.csv_is_default) {
      std::filesystem::create_directories(path);
      path = default_csv_path(path, result.scenario, result.started);
    }
    write_file_atomically(path, make_csv_writer()->render(result));
    written.push_back("CSV report: " + path.string());
  }
  if (plan.json_file) {
    write_file_atomically(*plan.json_file, make_json_writer()->render(result));
    written.push_back("JSON report: " + plan.json_file->string());
  }
  return written;
}

}  // namespace

int run_cli(int argc, const char* const* argv) {
  CLI::App app(kDescription, "isolate-bench");
  app.set_version_flag("--version", "isolate-bench " + bench::version_line(),
                       "Print the version and commit, then exit");
  app.require_subcommand(1);
  app.footer(kFooter);
  CLI::App* list = app.add_subcommand("list", "List the scenarios, one line each");

  CommonOptions common;
  std::vector<ScenarioCommand> commands;
  std::vector<std::string> names{"list"};
  for (auto add : scenario_commands()) {
    ScenarioCommand command = add(app);
    add_common_options(*command.command, common);
    names.push_back(command.command->get_name());
    commands.push_back(std::move(command));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& done) {  // --help, --version
    return app.exit(done);
  } catch (const CLI::ParseError& error) {
    return fail(describe_parse_error(app, error, argc, argv, names), kUsageExitCode);
  } catch (const UsageError& error) {
    const auto chosen = app.get_subcommands();
    const std::string where =
        chosen.empty() ? "isolate-bench" : "isolate-bench " + chosen.front()->get_name();
    return fail(where + ": " + error.what(), kUsageExitCode);
  }

  if (list->parsed()) {
    print_list(commands);
    return 0;
  }
  const auto chosen = std::find_if(commands.begin(), commands.end(),
                                   [](const ScenarioCommand& c) { return c.command->parsed(); });
  if (chosen == commands.end()) return fail("isolate-bench: no command chosen", kUsageExitCode);
  const std::string where = "isolate-bench " + chosen->command->get_name();

  std::unique_ptr<bench::Scenario> scenario;
  ReportPlan plan;
  try {
    scenario = chosen->make_scenario(common);
    plan = plan_reports(common);
  } catch (const UsageError& error) {
    return fail(where + ": " + error.what(), kUsageExitCode);
  }

  auto environment =
      bench::capture_environment(bench::join_command_line(argc, argv), {{"CLI11", CLI11_VERSION}});
  bench::ScenarioResult result;
  {
    ProgressLine progress(stderr, !common.quiet);
    try {
      result = bench::run_scenario_on_main_isolate(*scenario, run_settings(common),
                                                   std::move(environment), progress.callback());
    } catch (const std::exception& error) {
      progress.finish();
      return fail(where + ": the run failed: " + error.what(), 1);
    }
  }

  std::vector<std::string> written;
  try {
    written = write_report_files(plan, result);
  } catch (const std::exception& error) {
    return fail(where + ": " + error.what(), 1);
  }
  std::cout << writer_for(plan.stdout_format, common.no_color)->render(result);
  for (const auto& line : written) {
    if (plan.stdout_format == OutputFormat::table) {
      std::cout << line << "\n";
    } else if (!common.quiet) {
      std::cerr << line << "\n";
    }
  }
  std::cout << std::flush;
  return 0;
}

}  // namespace isolate_bench

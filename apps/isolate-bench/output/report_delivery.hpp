#pragma once
// How a command's reports reach their destinations, shared by every scenario and by `claims`:
// the CSV and JSON files staged as the plan says (report_plan.hpp), then stdout written, then
// every file moved into place at once (atomic_file.hpp), then where they went.

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "options/output_options.hpp"
#include "output/atomic_file.hpp"
#include "output/report_plan.hpp"

namespace isolate_bench {

/// Stages the CSV and JSON files `plan` names, rendering each only when it is asked for. A CSV
/// without a path gets its default name in the results folder, for `command` at `started`.
/// Returns what each staged file is ("CSV report", "JSON report"), in the order staged.
std::vector<std::string> stage_csv_and_json(const ReportPlan& plan, const std::string& command,
                                            std::chrono::system_clock::time_point started,
                                            const std::function<std::string()>& csv,
                                            const std::function<std::string()>& json,
                                            ReportFiles& files);

/// Writes `stdout_text`, then commits `files` and says where each of `kinds` went: on stdout
/// after a table, on stderr for the other formats (unless `quiet`, so a piped report stays
/// clean). Throws std::runtime_error when stdout or a file cannot be written; then no file is
/// left behind.
void deliver_reports(const std::string& stdout_text, ReportFiles& files,
                     const std::vector<std::string>& kinds, OutputFormat stdout_format, bool quiet);

}  // namespace isolate_bench

#pragma once
// The claims' report in every output format: rows in, text out. Like the scenarios' writers
// (report/report_writer.hpp) they never measure and never touch files.

#include <chrono>
#include <string>
#include <vector>

#include "bench/claims/claim.hpp"
#include "bench/claims/claim_runs.hpp"
#include "bench/harness/environment.hpp"
#include "options/output_options.hpp"

namespace isolate_bench {

/// Everything a claims report shows.
struct ClaimsReport {
  std::vector<bench::claims::ClaimRow> rows;
  bench::claims::RunLength length = bench::claims::RunLength::full;
  bench::Environment environment;
  std::chrono::nanoseconds wall_time{0};          ///< the runs, from the first to the last
  std::vector<bench::claims::RunTime> run_times;  ///< each run's share of it
};

/// The report as `format` writes it: an aligned terminal table, a Markdown table ready for a
/// doc, RFC 4180 CSV (one row per claim, the machine on every row), or one JSON document.
std::string render_claims(const ClaimsReport& report, OutputFormat format);

}  // namespace isolate_bench

#pragma once
// `isolate-bench claims`: short runs of the scenarios, one row per checkable claim of the source
// document, in the output formats and with the output options of every scenario.

#include <CLI/CLI.hpp>

#include "options/output_options.hpp"

namespace isolate_bench {

struct ClaimsOptions {
  bool quick = false;  ///< --quick: the shortest runs that still measure every claim
};

/// Adds the `claims` subcommand to `app`, parsing into `options` and `output`.
CLI::App* add_claims_command(CLI::App& app, ClaimsOptions& options, OutputOptions& output);

/// Runs the claims and writes their report: exit 0, 2 for an unusable output option (one line
/// on stderr, no file), 1 for a failed run (no file either).
int run_claims_command(const ClaimsOptions& options, const OutputOptions& output, int argc,
                       const char* const* argv);

}  // namespace isolate_bench

#pragma once
// CLI11's errors rewritten as the project's one-line form: what was wrong, and what is accepted.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace isolate_bench {

/// The one line (without newline) for `error` from parsing `argv` with `app`. `commands` are the
/// subcommand names, named in the line when the command itself is unknown or missing.
std::string describe_parse_error(const CLI::App& app, const CLI::ParseError& error, int argc,
                                 const char* const* argv, const std::vector<std::string>& commands);

}  // namespace isolate_bench

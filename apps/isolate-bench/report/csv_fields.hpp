#pragma once
// RFC 4180 rows, shared by the CSV reports (the results and the frames), so both read back the
// same way in any CSV reader.

#include <string>
#include <vector>

#include "bench/harness/scenario.hpp"

namespace isolate_bench {

/// Appends `fields` to `out` as one row, comma-separated (escaping.hpp's csv_field), ending in
/// CRLF.
void append_csv_row(std::string& out, const std::vector<std::string>& fields);

/// The `parameters` column: the set's `key=value` pairs joined by ';', values exact.
std::string join_parameters(const bench::ParameterSet& set);

}  // namespace isolate_bench

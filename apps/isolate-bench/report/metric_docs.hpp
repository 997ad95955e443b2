#pragma once
// What every CSV column of a scenario means, written from the scenarios' own declarations (their
// modes, parameter keys and metrics) as the Markdown that results/README.md holds between its
// "generated" markers. A test compares the two, so the documentation cannot drift from the code.

#include <string>
#include <vector>

#include "bench/harness/scenario.hpp"

namespace isolate_bench {

/// The frame metrics' table, then one section per scenario, in the order given.
std::string metric_docs_markdown(const std::vector<const bench::Scenario*>& scenarios);

}  // namespace isolate_bench

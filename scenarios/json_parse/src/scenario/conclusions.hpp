#pragma once
// The sentences under the json-parse table, computed from the run's own medians.

#include <string>
#include <vector>

#include "bench/harness/result.hpp"
#include "json_parse/scenario/json_parse_scenario.hpp"

namespace json_parse {

/// Sentences for `result`, whose parameter set i is `points[i]`:
/// whether and where main-isolate parsing drops frames at the run's fps and UI work, the
/// fastest offload mode of each set, what copying the products back costs next to exit, the
/// persistent workers' one-off spawn, this machine next to the document's phone, and for an
/// --input file that is not a product list, why the mapping was skipped.
/// Modes or metrics missing from `result` leave out the sentences that need them.
std::vector<std::string> json_parse_conclusions(const bench::ScenarioResult& result,
                                                const std::vector<CatalogPoint>& points);

}  // namespace json_parse

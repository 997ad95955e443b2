#pragma once
// The sentences under the json-parse table, computed from the run's own medians.

#include <string>
#include <vector>

#include "bench/harness/result.hpp"
#include "json_parse/scenario/json_parse_scenario.hpp"

namespace json_parse {

/// Sentences for `result`, whose parameter set i is `points[i]`. Per set: whether to offload
/// (the main isolate's frames beside the fastest offload's), what run-send's copies cost (the
/// body in, next to run's shared body; the products back, next to exit), this machine next to
/// the document's phone; as a detail, the main isolate's parse rate when the set is its decoder's
/// only size. For the run: where main-isolate parsing starts to drop frames over the sizes, the
/// persistent workers' one-off spawn, and for an --input file that is not a product list, why
/// the mapping was skipped. Modes or metrics missing from `result` leave out the sentences that
/// need them.
bench::Conclusions json_parse_conclusions(const bench::ScenarioResult& result,
                                          const std::vector<CatalogPoint>& points);

}  // namespace json_parse

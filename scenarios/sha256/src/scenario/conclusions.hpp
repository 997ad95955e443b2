#pragma once
// The sha256 scenario's conclusions: sentences computed from this run's medians.

#include <string>
#include <vector>

#include "bench/harness/result.hpp"
#include "sha256/scenario/sha256_scenario.hpp"

namespace sha256 {

/// Per parameter set: whether to offload, which offload keeps the most of the floor's
/// throughput, what chunking costs and saves, the digest, and as details how many frames
/// `main` drops and how many its hash time predicts, and the floor; for the run, which code path
/// OpenSSL takes. `points` are the scenario's, indexed by ParameterResult::index.
bench::Conclusions sha256_conclusions(const bench::ScenarioResult& result,
                                      const std::vector<HashPoint>& points);

/// The VSyncs that fall due while the main isolate is busy for `busy_ns`, the work starting half
/// a frame period after a VSync as the harness starts it: all of them but the newest are
/// coalesced, i.e. dropped.
int vsyncs_during(double busy_ns, double fps);

}  // namespace sha256

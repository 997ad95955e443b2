#pragma once
// The sentence that opens a parameter set's conclusions in every scenario that moves work off
// the main isolate: should this be offloaded here? It sets what the main isolate lost doing
// the work itself beside the fastest offload, by this run's medians and paired verdict.

#include <optional>
#include <string>
#include <vector>

#include "bench/harness/result.hpp"

namespace bench {

struct OffloadQuestion {
  std::string on_main = "main";              ///< the mode doing the work on the main isolate
  std::vector<std::string> offloads;         ///< the modes moving it elsewhere, in any order
  std::string did = "did the work";          ///< past tense: "the main isolate parsed in 25 ms"
  std::string end_to_end = "end_to_end_ns";  ///< compared between the modes (lower is better)
  std::string main_busy = "main_thread_ns";  ///< what an offload still costs the main isolate
};

/// "offload it: the main isolate parsed in 25 ms and dropped 2 frames; the fastest offload
/// (run, 29 ms end to end) dropped 0 frames and kept the main isolate busy 230 µs; end to end:
/// no clear difference (…)." The answer is "offload it" when the main isolate dropped more
/// frames than the fastest offload, "offload it if late frames matter" when it dropped as many
/// but was janky more often, "no need to offload" when it neither dropped nor was janky, and
/// "offloading saves no frame" otherwise. Names only modes that ran: with no offload in the run
/// the main isolate's figures alone, with no main mode the fastest offload's. Empty when
/// neither ran.
std::optional<std::string> offload_answer(const ScenarioResult& result, const ParameterResult& set,
                                          const OffloadQuestion& question);

}  // namespace bench

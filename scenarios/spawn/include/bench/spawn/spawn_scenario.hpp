#pragma once
// The spawn scenario: how long a new isolate takes to start, split into phases, next to a raw
// std::thread doing the same (after the Dart SDK's benchmarks/IsolateSpawn).
//
// Phases, each measured from just before the call that starts the thread or isolate:
//   call_returned_ns     the starting call returned to the main isolate
//   entry_started_ns     the new thread/isolate ran the first line of its entry
//   result_received_ns   the main isolate holds the entry's reply (the primary metric)
// Modes: `thread` (baseline: a raw std::thread replying through a SendPort), `spawn`
// (Isolate::spawn with the payload as its message, replying through a port), `run`
// (Isolate::run with the payload captured, the reply handed back by exit).
// The payload is copied into the new thread/isolate in every mode, so its size shows the copy
// cost of starting work elsewhere.

#include <cstdint>
#include <memory>
#include <vector>

#include "bench/harness/scenario.hpp"

namespace bench {

struct SpawnConfig {
  std::vector<std::uint64_t> payload_sizes{1000};  ///< one parameter set each; bytes, > 0
  std::uint64_t seed = 42;                         ///< fills the payload
};

/// Throws std::invalid_argument when payload_sizes is empty or holds 0.
std::unique_ptr<Scenario> make_spawn_scenario(SpawnConfig config);

}  // namespace bench

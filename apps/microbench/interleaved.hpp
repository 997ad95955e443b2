#pragma once
// Two sides of a comparison timed alternately in one benchmark loop, so the machine's noise
// (a shared, 2-core host) hits both alike; the counters report each side's median, their
// ratio and their difference.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace microbench {

inline double median(std::vector<double> samples) {
  if (samples.empty()) return 0;
  std::nth_element(samples.begin(), samples.begin() + samples.size() / 2, samples.end());
  return samples[samples.size() / 2];
}

template <class F>
double time_ns(F&& f) {
  const auto started = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - started)
      .count();
}

/// Runs `floor` and `crossing` alternately, each timed on its own, then `untimed` (e.g. freeing
/// what they made). Counters: floor_us, crossing_us (medians), ratio (crossing / floor) and
/// over_floor_us (crossing - floor).
template <class Floor, class Crossing, class Untimed>
void interleave(benchmark::State& state, Floor floor, Crossing crossing, Untimed untimed) {
  std::vector<double> floors, crossings;
  for (auto _ : state) {
    floors.push_back(time_ns(floor));
    crossings.push_back(time_ns(crossing));
    untimed();
  }
  const double f = median(floors), c = median(crossings);
  state.counters["floor_us"] = f / 1000;
  state.counters["crossing_us"] = c / 1000;
  state.counters["ratio"] = c / f;
  state.counters["over_floor_us"] = (c - f) / 1000;
}

template <class Floor, class Crossing>
void interleave(benchmark::State& state, Floor floor, Crossing crossing) {
  interleave(state, floor, crossing, [] {});
}

}  // namespace microbench

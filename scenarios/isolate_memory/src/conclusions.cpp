// isolate-memory's conclusions: this run's medians against the document's "2-5 MB per isolate"
// and the Dart team's own figure, and what ending the isolates gave back.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include "bench/harness/result.hpp"
#include "bench/harness/units.hpp"
#include "isolate_memory_scenario.hpp"

namespace isolate_memory {
namespace {

namespace k = metric_keys;
using bench::format_bytes;

/// What the document and the Dart team say an isolate costs, for the comparison.
constexpr double kDocumentLowBytes = 2e6;     // "~2-5MB of memory overhead"
constexpr double kDartAotStartBytes = 1.8e6;  // RSS growth at the start of an AOT isolate
/// "All memory returned": within this of where the process started.
constexpr double kReturnedWithinBytes = 1024.0 * 1024.0;

using bench::median;

std::string signed_bytes(double bytes) {
  return (bytes < 0 ? "-" : "+") + format_bytes(std::fabs(bytes));
}

std::string isolate_sentence(const CountPoint& point, const bench::ParameterResult& set) {
  const auto rss = median(set, "isolate", k::rss_per_isolate_bytes);
  const auto vm = median(set, "isolate", k::vm_per_isolate_bytes);
  const auto heap = median(set, "isolate", k::heap_per_isolate_bytes);
  const auto threads = median(set, "isolate", k::threads_added);
  if (!rss || !vm || !heap || !threads) return {};
  std::string sentence = fmt::format(
      "{}: each costs {} resident (about {:.0f} times less than the document's 2 MB low end, "
      "{:.0f} times less than the 1.8 MB of RSS the Dart team measured at an AOT isolate's "
      "start), {} of address space (mostly its thread's stack reservation, resident only where "
      "touched) and {} on its own heap; {} threads were added",
      point.label(), format_bytes(*rss), kDocumentLowBytes / std::max(*rss, 1.0),
      kDartAotStartBytes / std::max(*rss, 1.0), format_bytes(*vm), format_bytes(*heap),
      bench::format_value(*threads, bench::Unit::count));
  if (const auto thread_rss = median(set, "thread", k::rss_per_isolate_bytes)) {
    sentence += fmt::format(
        ". A raw thread doing nothing costs {} resident (the stack pages it touched and its "
        "thread control block): the isolate's event loop, ports and heap account add {}",
        format_bytes(*thread_rss), signed_bytes(*rss - *thread_rss));
  }
  return sentence +
         ". The document's megabytes are a Dart isolate's own heap, garbage collector and stack, "
         "there before its code allocates anything; an isolate here is a thread, an event loop "
         "and a heap account, and its heap holds only what it allocated: its port and its "
         "entry's frame (medians).";
}

std::string returned_sentence(const CountPoint& point, const bench::ParameterResult& set,
                              std::string_view mode) {
  const auto rss = median(set, mode, k::rss_retained_bytes);
  const auto vm = median(set, mode, k::vm_retained_bytes);
  const auto threads = median(set, mode, k::threads_retained);
  if (!rss || !vm || !threads) return {};
  const bool returned = std::fabs(*rss) <= kReturnedWithinBytes;
  std::size_t within = 0, runs = 0;
  for (const auto& measured : set.modes) {
    if (measured.mode.name != mode) continue;
    for (const auto& repetition : measured.repetitions) {
      ++runs;
      if (std::fabs(repetition.values.at(k::rss_retained_bytes)) <= kReturnedWithinBytes) ++within;
    }
  }
  return fmt::format(
      "After the {} {} ended: resident memory is {} from where it started ({}; {} of {} "
      "repetitions within 1 MiB), virtual {}, threads {} (medians).",
      point.count, mode == "isolate" ? "isolates" : "threads", signed_bytes(*rss),
      returned ? "returned, within 1 MiB" : "not all returned", within, runs, signed_bytes(*vm),
      fmt::format("{:+.0f}", *threads));
}

}  // namespace

bench::Conclusions IsolateMemoryScenario::conclusions(const bench::ScenarioResult& result) const {
  bench::Conclusions conclusions;
  conclusions.per_set.resize(result.parameter_sets.size());
  for (std::size_t i = 0; i < result.parameter_sets.size(); ++i) {
    const auto& set = result.parameter_sets[i];
    const CountPoint& point = points().at(set.index);
    for (auto sentence : {isolate_sentence(point, set), returned_sentence(point, set, "isolate"),
                          returned_sentence(point, set, "thread")}) {
      if (!sentence.empty()) conclusions.add(i, std::move(sentence));
    }
  }
  return conclusions;
}

}  // namespace isolate_memory

#pragma once
// What a repetition measures: metric declarations and the values a repetition yields.

#include <map>
#include <string>
#include <string_view>

namespace bench {

/// The unit a metric's values are stored in. Values are always in these base units; the
/// reports scale them for humans (µs/ms/s, KB/MB/GB, percentages).
enum class Unit {
  ns,     ///< nanoseconds of steady_clock time
  bytes,  ///< bytes (reports use SI prefixes: 1 MB = 10^6 bytes)
  count,  ///< a number of things (frames, messages, allocations)
  ratio,  ///< a dimensionless fraction: 0.25 means 25 %
};

/// "ns", "bytes", "count", "ratio": the spelling used in CSV, JSON and results/README.md.
std::string_view unit_name(Unit unit) noexcept;

/// One quantity a scenario measures.
struct MetricSpec {
  /// Stable identifier, [a-z0-9_] only, ending in its unit where it has one (`parse_ns`,
  /// `copied_bytes`); it is the CSV column name and the JSON key, so never rename one lightly.
  std::string key;
  std::string label;  ///< short human name for tables: "parse time"
  Unit unit = Unit::ns;
  bool lower_is_better = true;
  /// One sentence for results/README.md and the JSON report: what exactly is measured, from
  /// which instant to which ("body in hand on the main isolate -> products usable there").
  std::string description;
};

/// Metric key -> value in the metric's base unit. What run_once() and setup() return.
using Measurements = std::map<std::string, double, std::less<>>;

}  // namespace bench

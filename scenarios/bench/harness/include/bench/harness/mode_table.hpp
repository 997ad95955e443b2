#pragma once
// A scenario's modes in one table: each mode's name and description (what --help and the reports
// print) beside the function that makes its runner, so listing the modes and finding one by name
// cannot disagree.
//
//   const bench::ModeTable<MakeRunner>& mode_table() {
//     static const bench::ModeTable<MakeRunner> table("my-scenario", {
//         {{"main", "the work on the main isolate while frames tick"}, &make_main_runner},
//         {{"worker", "a persistent worker, request and reply by message"}, &make_worker_runner},
//     });
//     return table;
//   }
//   modes():          return mode_table().specs();
//   make_runner_for:  return mode_table().make(mode.name)(point);

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench/harness/scenario.hpp"

namespace bench {

template <class Make>
class ModeTable {
 public:
  struct Entry {
    ModeSpec spec;
    Make make;  ///< makes the mode's runner; its signature is the scenario's own
  };

  /// `scenario` names the scenario in the error for an unknown mode.
  ModeTable(std::string scenario, std::vector<Entry> entries)
      : scenario_(std::move(scenario)), entries_(std::move(entries)) {}

  /// Every mode in the table's order, the baseline first: Scenario::modes().
  std::vector<ModeSpec> specs() const {
    std::vector<ModeSpec> specs;
    for (const auto& entry : entries_) specs.push_back(entry.spec);
    return specs;
  }

  /// The maker of the mode named `name`. Throws std::invalid_argument for a name not in the table
  /// (the harness only asks for declared modes, so this is a caller's bug).
  const Make& make(std::string_view name) const {
    if (const Make* found = find(name)) return *found;
    throw std::invalid_argument(scenario_ + ": unknown mode '" + std::string(name) + "'");
  }

  /// The maker of the mode named `name`, or nullptr for a name not in the table.
  const Make* find(std::string_view name) const noexcept {
    for (const auto& entry : entries_) {
      if (entry.spec.name == name) return &entry.make;
    }
    return nullptr;
  }

 private:
  std::string scenario_;
  std::vector<Entry> entries_;
};

}  // namespace bench

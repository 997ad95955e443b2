#pragma once
// A scenario's conclusions, grouped as the reports print them: the sentences about each
// parameter set right under its table, then those that compare the sets (a sweep) or hold for
// the whole run.

#include <cstddef>
#include <string>
#include <vector>

namespace bench {

/// The most sentences a parameter set shows under its table: four keep the answer on the first
/// screen. The others print with --details; the JSON report holds them all.
inline constexpr std::size_t kConclusionsShown = 4;

struct Conclusions {
  /// per_set[i]: the sentences about ScenarioResult::parameter_sets[i] shown under its table,
  /// most telling first, at most kConclusionsShown (any beyond print as details). The first
  /// answers "should this be offloaded here?" where the scenario offloads work.
  std::vector<std::vector<std::string>> per_set;
  /// details[i]: further sentences about set i, printed with --details only.
  std::vector<std::vector<std::string>> details;
  /// Sentences that compare parameter sets or hold for the whole run, after every table.
  std::vector<std::string> run;

  /// Appends `sentence` to the sentences of set number `set` (a position in
  /// ScenarioResult::parameter_sets).
  void add(std::size_t set, std::string sentence);
  /// Appends `sentence` to the further sentences of set number `set`.
  void add_detail(std::size_t set, std::string sentence);
  /// Every sentence: set by set (shown, then details), then the run's.
  std::vector<std::string> all() const;
};

}  // namespace bench

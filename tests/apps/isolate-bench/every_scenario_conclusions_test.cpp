// Every registered scenario, present and future, under the report's rule for conclusions: a
// synthetic result (every declared metric measured in every repetition) goes through the
// scenario's own conclusions() and the terminal writer, which must show at most four sentences
// under each parameter set's table and name no mode that did not run.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/registry.hpp"
#include "bench/harness/runner.hpp"
#include "report/report_writer.hpp"
#include "report/text_layout.hpp"

namespace {

/// A result for `scenario` (prepared with `settings`) in which `modes` ran every parameter set
/// six rounds: each mode slower than the one before it, the first dropping two frames a
/// repetition and the others none, every other metric a plain positive figure.
bench::ScenarioResult synthetic_result(const bench::Scenario& scenario,
                                       const bench::RunSettings& settings,
                                       const std::vector<bench::ModeSpec>& modes) {
  bench::ScenarioResult result;
  result.scenario = scenario.name();
  result.summary = scenario.summary();
  result.settings = settings;
  result.metrics = scenario.metrics();
  for (auto& spec : bench::frame_metric_specs()) result.metrics.push_back(spec);
  result.setup_metrics = scenario.setup_metrics();
  for (const auto& mode : modes) result.settings.modes.push_back(mode.name);
  const auto sets = scenario.parameter_sets();
  for (std::size_t s = 0; s < sets.size(); ++s) {
    bench::ParameterResult set;
    set.parameters = sets[s];
    set.index = s;
    set.rounds = 6;
    for (std::size_t m = 0; m < modes.size(); ++m) {
      bench::ModeResult mode;
      mode.mode = modes[m];
      mode.baseline = m == 0;
      for (int r = 1; r <= 6; ++r) {
        bench::Measurements values;
        for (const auto& metric : result.metrics) {
          const double figure = metric.unit == bench::Unit::ratio ? 0.5 : (m + 1) * 1e6 + r * 1e3;
          values[metric.key] = figure;
        }
        values[bench::frame_metric_keys::dropped] = m == 0 ? 2 : 0;
        values[bench::frame_metric_keys::janky] = m == 0 ? 1 : 0;
        mode.repetitions.push_back({r, std::move(values), {}});
      }
      set.modes.push_back(std::move(mode));
    }
    result.parameter_sets.push_back(std::move(set));
  }
  bench::summarize_result(result);
  return result;
}

/// Which of each set's sentences the terminal report prints under the set's table: between
/// its heading and the next blank line. `shown`: the set's conclusions, else its details.
std::vector<std::size_t> found_under_each_table(const std::string& report,
                                                const bench::ScenarioResult& result, bool shown) {
  std::vector<std::size_t> counts;
  const auto lines = isolate_bench::lines_of(report);
  for (const auto& set : result.parameter_sets) {
    auto line = std::find_if(lines.begin(), lines.end(), [&](const std::string& text) {
      return text.rfind(set.parameters.label, 0) == 0;
    });
    // Each sentence back on one line: its continuation lines are the indented ones.
    std::string block;
    for (; line != lines.end() && !line->empty(); ++line) {
      block += line->rfind("  ", 0) == 0 ? " " + line->substr(2) : "\n" + *line;
    }
    block += "\n";
    std::size_t count = 0;
    for (const auto& sentence : shown ? set.conclusions : set.further_conclusions) {
      count += block.find("\n" + sentence + "\n") != std::string::npos;
    }
    counts.push_back(count);
  }
  return counts;
}

bool names_mode(const std::string& sentence, const std::string& mode) {
  for (const auto& form : {"`" + mode + "`", "(" + mode + ",", "(" + mode + ")"}) {
    if (sentence.find(form) != std::string::npos) return true;
  }
  return false;
}

TEST(EveryScenarioConclusions, AtMostFourASetUnderItsTableNamingOnlyTheModesThatRan) {
  const auto factories = bench::registered_scenarios();
  ASSERT_GE(factories.size(), 8u);
  for (const auto factory : factories) {
    const auto scenario = factory();
    SCOPED_TRACE(scenario->name());
    bench::RunSettings settings;
    scenario->prepare(settings);
    std::vector<bench::ModeSpec> every;
    for (const auto& mode : scenario->modes()) {
      if (scenario->runs_by_default(mode)) every.push_back(mode);
    }
    ASSERT_FALSE(every.empty());
    // Every mode, then the baseline alone, then the last mode alone.
    for (const auto& modes : {every, std::vector{every.front()}, std::vector{every.back()}}) {
      auto result = synthetic_result(*scenario, settings, modes);
      const auto conclusions = scenario->conclusions(result);
      ASSERT_LE(conclusions.per_set.size(), result.parameter_sets.size());
      for (const auto& set : conclusions.per_set) {
        EXPECT_LE(set.size(), bench::kConclusionsShown)
            << "the scenario keeps to four a set itself, the rest as details:\n"
            << testing::PrintToString(set);
      }
      for (const auto& sentence : conclusions.all()) {
        for (const auto& mode : scenario->modes()) {
          const bool ran = std::any_of(modes.begin(), modes.end(),
                                       [&](const auto& m) { return m.name == mode.name; });
          EXPECT_FALSE(!ran && names_mode(sentence, mode.name))
              << "names " << mode.name << ", which did not run: " << sentence;
        }
      }
      const std::size_t total = conclusions.all().size();
      bench::attach_conclusions(result, conclusions);
      const auto report = isolate_bench::make_table_writer({100, false, false})->render(result);
      const auto shown = found_under_each_table(report, result, true);
      const auto further = found_under_each_table(report, result, false);
      for (std::size_t i = 0; i < shown.size(); ++i) {
        EXPECT_LE(shown[i], bench::kConclusionsShown) << report;
        EXPECT_EQ(shown[i], result.parameter_sets[i].conclusions.size())
            << "each set's sentences right under its own table:\n"
            << report;
        EXPECT_EQ(further[i], 0u) << "details only with --details:\n" << report;
      }
      if (modes.size() == every.size()) {
        EXPECT_GT(total, 0u) << "a run of every mode concludes something";
        EXPECT_GE(result.parameter_sets.front().conclusions.size(), 1u)
            << "something under the first table:\n"
            << report;
      }
    }
  }
}

}  // namespace

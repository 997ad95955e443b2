// The sentences under the json-parse table follow the run's medians.

#include <gtest/gtest.h>

#include <map>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/runner.hpp"
#include "json_parse/scenario/json_parse_scenario.hpp"
#include "scenario/conclusions.hpp"

namespace json_parse {
namespace {

struct ModeFigures {
  std::string name;
  double end_to_end_ns;
  double dropped;
};

/// The measured side of a parameter set; its catalog and decoder are added by Conclusions::set().
bench::ParameterResult measured(const std::vector<ModeFigures>& modes, int rounds) {
  bench::ParameterResult set;
  for (const auto& figures : modes) {
    bench::ModeResult mode;
    mode.mode = {figures.name, ""};
    mode.baseline = set.modes.empty();
    for (int r = 1; r <= rounds; ++r) {
      bench::Repetition repetition;
      repetition.index = r;
      repetition.values = {{"end_to_end_ns", figures.end_to_end_ns},
                           {"main_thread_ns", figures.name == "main" ? figures.end_to_end_ns : 1e5},
                           {"parse_ns", figures.end_to_end_ns},
                           {bench::frame_metric_keys::dropped, figures.dropped},
                           {bench::frame_metric_keys::longest_event, figures.end_to_end_ns}};
      mode.repetitions.push_back(std::move(repetition));
    }
    if (figures.name == "worker") mode.setup = {{"worker_spawn_ns", 250'000}};
    set.modes.push_back(std::move(mode));
  }
  return set;
}

class Conclusions : public ::testing::Test {
 protected:
  /// A parameter set of `bytes` parsed with `decoder`, measured as `modes` say.
  bench::ParameterResult parameter_set(std::uint64_t bytes, const std::string& decoder,
                                       const std::vector<ModeFigures>& modes, int rounds = 3) {
    auto workload = std::make_unique<CatalogWorkload>();
    workload->bytes = bytes;
    workload->products = 10;
    points_.push_back(
        {workload.get(), decoder == "typed" ? DecoderKind::typed : DecoderKind::dynamic});
    workloads_.push_back(std::move(workload));
    bench::ParameterResult set = measured(modes, rounds);
    set.index = points_.size() - 1;
    return set;
  }

  std::vector<std::string> conclude(std::vector<bench::ParameterResult> sets) {
    bench::ScenarioResult result;
    result.scenario = "json-parse";
    result.settings.display.fps = 60;
    result.settings.display.ui_work = std::chrono::milliseconds(2);
    result.metrics = scenario_->metrics();
    for (auto& spec : bench::frame_metric_specs()) result.metrics.push_back(spec);
    result.setup_metrics = scenario_->setup_metrics();
    result.parameter_sets = std::move(sets);
    bench::summarize_result(result);
    return json_parse_conclusions(result, points_).all();
  }

  static bool any_contains(const std::vector<std::string>& sentences, const std::string& part) {
    return std::any_of(sentences.begin(), sentences.end(),
                       [&](const std::string& s) { return s.find(part) != std::string::npos; });
  }

  std::unique_ptr<JsonParseScenario> scenario_ = std::make_unique<JsonParseScenario>();
  std::vector<std::unique_ptr<CatalogWorkload>> workloads_;
  std::vector<CatalogPoint> points_;
};

TEST_F(Conclusions, NameTheSmallestSizeWhereMainThreadParsingDropsFrames) {
  const auto sentences = conclude({
      parameter_set(1'000'000, "dynamic", {{"main", 5e6, 0}, {"worker", 6e6, 0}}),
      parameter_set(2'000'000, "dynamic", {{"main", 10e6, 0}, {"worker", 11e6, 0}}),
      parameter_set(8'000'000, "dynamic", {{"main", 40e6, 2}, {"worker", 42e6, 0}}),
  });
  EXPECT_TRUE(any_contains(sentences, "starts to drop frames at 8 MB (at 2 MB it dropped none)"))
      << testing::PrintToString(sentences);
  EXPECT_TRUE(any_contains(sentences, "60 fps with 2 ms of UI work"));
  EXPECT_TRUE(any_contains(sentences, "fastest offload (worker, 42 ms end to end)"));
  EXPECT_TRUE(any_contains(sentences, "8 MB, dynamic decoder: offload it: the main isolate"))
      << "main dropped frames there, the worker none";
  EXPECT_TRUE(any_contains(sentences, "1 MB, dynamic decoder: no need to offload"))
      << "nothing dropped or janky on the main isolate";
  EXPECT_EQ(sentences.front().rfind("1 MB, dynamic decoder: no need to offload", 0), 0u)
      << "the first sentence answers whether to offload";
  EXPECT_TRUE(any_contains(sentences, "60-80 ms")) << "the document's figure, quoted as such";
  EXPECT_TRUE(any_contains(sentences, "decoded and mapped 2 MB on the main isolate in 10"))
      << "the run's own 2 MB figure beside it";
  EXPECT_TRUE(any_contains(sentences, "The persistent worker (worker) took 250 µs"))
      << "the worker's one-off spawn, naming only the mode that ran";
}

TEST_F(Conclusions, SayWhenNoSizeDropsFrames) {
  const auto sentences = conclude({
      parameter_set(1'000'000, "typed", {{"main", 1e6, 0}}),
      parameter_set(4'000'000, "typed", {{"main", 4e6, 0}}),
  });
  EXPECT_TRUE(any_contains(sentences, "no size in this run made it drop frames, up to 4 MB"))
      << testing::PrintToString(sentences);
  EXPECT_FALSE(any_contains(sentences, "fastest offload")) << "no offload mode ran";
  EXPECT_TRUE(any_contains(sentences, "parsed nothing with the dynamic decoder"));
}

TEST_F(Conclusions, SayWhenTheSmallestSizeAlreadyDropsFrames) {
  const auto sentences = conclude({
      parameter_set(1'000'000, "dynamic", {{"main", 30e6, 1}, {"run", 31e6, 0}}),
      parameter_set(2'000'000, "dynamic", {{"main", 60e6, 3}, {"run", 61e6, 0}}),
  });
  EXPECT_TRUE(any_contains(sentences, "drops frames already at the smallest size, 1 MB"))
      << testing::PrintToString(sentences);
  EXPECT_TRUE(any_contains(sentences, "still the stutter shows here"));
}

TEST_F(Conclusions, OneSizeGetsItsOwnFigures) {
  const auto sentences = conclude({
      parameter_set(2'000'000, "typed", {{"main", 2e6, 0}, {"run", 5e6, 0}, {"worker", 3e6, 0}},
                    10),
  });
  EXPECT_TRUE(any_contains(sentences, "Main isolate, typed decoder, 2 MB: the parse took 2 ms"))
      << testing::PrintToString(sentences);
  EXPECT_TRUE(any_contains(sentences, "fastest offload (worker, 3 ms end to end)"));
  EXPECT_TRUE(any_contains(sentences,
                           "the main isolate parsed in 2 ms and dropped 0 frames; the fastest "
                           "offload (worker, 3 ms end to end) dropped 0 frames and kept the main "
                           "isolate busy"));
  EXPECT_TRUE(any_contains(sentences, "end to end: slower (1.50x to 1.50x)"));
}

TEST_F(Conclusions, AComparisonWithTooFewRoundsIsNoClearDifference) {
  // Three rounds all at 1.5x: too few for a 95 % interval, so no verdict either way.
  const auto sentences = conclude({
      parameter_set(2'000'000, "typed", {{"main", 2e6, 0}, {"worker", 3e6, 0}}, 3),
  });
  EXPECT_TRUE(any_contains(sentences, "end to end: no clear difference (3 repetitions; 6 needed"))
      << testing::PrintToString(sentences);
  EXPECT_FALSE(any_contains(sentences, "slower"));
}

/// `set` with the crossings of run (the body shared: the argument's own 56 bytes, products by
/// exit) and run-send (the body copied in, the products copied back).
bench::ParameterResult with_crossings(bench::ParameterResult set) {
  const std::map<std::string, bench::Measurements> crossings{
      {"run",
       {{"copy_in_ns", 1'500},
        {"copy_in_bytes", 56},
        {"copy_out_ns", 0},
        {"copy_out_bytes", 0},
        {"return_ns", 20'000}}},
      {"run-send",
       {{"copy_in_ns", 250'000},
        {"copy_in_bytes", 2'000'064},
        {"copy_out_ns", 340'000},
        {"copy_out_bytes", 2'350'000},
        {"return_ns", 400'000}}},
  };
  for (auto& mode : set.modes) {
    const auto found = crossings.find(mode.mode.name);
    if (found == crossings.end()) continue;
    for (auto& repetition : mode.repetitions) {
      for (const auto& [key, value] : found->second) repetition.values[key] = value;
    }
  }
  return set;
}

TEST_F(Conclusions, SetTheBodyCopiedInByRunSendBesideTheModesThatShareIt) {
  const auto sentences = conclude({with_crossings(parameter_set(
      2'000'000, "typed",
      {{"main", 2e6, 0}, {"run", 3e6, 0}, {"run-send", 4e6, 0}, {"compute", 3e6, 0}}))});
  EXPECT_TRUE(any_contains(sentences,
                           "2 MB, typed decoder: run-send copied the body in (2 MB, 250 µs) where "
                           "run and compute share it (Dart ≥ 2.15; run: 56 B, 1.5 µs), and the 10 "
                           "products back through a port (2.35 MB, 340 µs): they reached the main "
                           "isolate 400 µs after the parse, against 20 µs by exit (run)."))
      << testing::PrintToString(sentences);
}

TEST_F(Conclusions, NameRunAloneAsTheModeThatSharesTheBody) {
  const auto sentences = conclude({with_crossings(parameter_set(
      2'000'000, "typed", {{"main", 2e6, 0}, {"run", 3e6, 0}, {"run-send", 4e6, 0}}))});
  EXPECT_TRUE(any_contains(sentences, "(2 MB, 250 µs) where run shares it (Dart ≥ 2.15; run: 56 B"))
      << testing::PrintToString(sentences);
}

TEST_F(Conclusions, NameNoBodyCrossingWithoutBothRunModes) {
  const auto sentences = conclude({
      parameter_set(2'000'000, "typed", {{"main", 2e6, 0}, {"run", 3e6, 0}}, 3),
  });
  EXPECT_FALSE(any_contains(sentences, "copied the body in")) << testing::PrintToString(sentences);
}

}  // namespace
}  // namespace json_parse

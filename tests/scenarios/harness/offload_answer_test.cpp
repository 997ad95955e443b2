// The sentence that opens a set's conclusions: its answer follows the frames each mode lost,
// and it names only the modes that ran.

#include "bench/harness/offload_answer.hpp"

#include <gtest/gtest.h>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/runner.hpp"

namespace {

struct Figures {
  std::string name;
  double end_to_end_ns, dropped, janky;
};

/// One set of `modes`, six rounds each at the same figures; main's busy time is its end to end.
bench::ScenarioResult result_of(const std::vector<Figures>& modes) {
  bench::ScenarioResult result;
  result.metrics = {{"end_to_end_ns", "end to end", bench::Unit::ns, true, ""},
                    {"main_thread_ns", "main isolate busy", bench::Unit::ns, true, ""}};
  for (auto& spec : bench::frame_metric_specs()) result.metrics.push_back(spec);
  bench::ParameterResult set;
  for (const auto& figures : modes) {
    bench::ModeResult mode;
    mode.mode = {figures.name, ""};
    mode.baseline = set.modes.empty();
    for (int r = 1; r <= 6; ++r) {
      mode.repetitions.push_back(
          {r,
           {{"end_to_end_ns", figures.end_to_end_ns},
            {"main_thread_ns", figures.name == "main" ? figures.end_to_end_ns : 2e5},
            {bench::frame_metric_keys::dropped, figures.dropped},
            {bench::frame_metric_keys::janky, figures.janky}},
           {}});
    }
    set.modes.push_back(std::move(mode));
  }
  result.parameter_sets.push_back(std::move(set));
  bench::summarize_result(result);
  return result;
}

std::string answer(const std::vector<Figures>& modes) {
  const auto result = result_of(modes);
  bench::OffloadQuestion question;
  question.did = "parsed";
  question.offloads = {"run", "worker"};
  return bench::offload_answer(result, result.parameter_sets.front(), question).value_or("");
}

TEST(OffloadAnswer, FollowsTheFramesEachModeLost) {
  EXPECT_EQ(answer({{"main", 30e6, 2, 0}, {"run", 40e6, 0, 0}, {"worker", 35e6, 0, 0}}),
            "offload it: the main isolate parsed in 30 ms and dropped 2 frames; the fastest "
            "offload (worker, 35 ms end to end) dropped 0 frames and kept the main isolate busy "
            "200 µs; end to end: slower (1.17x to 1.17x).");
  EXPECT_EQ(answer({{"main", 3e6, 0, 0}, {"run", 4e6, 0, 0}}).rfind("no need to offload: ", 0),
            0u);
  EXPECT_EQ(answer({{"main", 12e6, 0, 1}, {"run", 14e6, 0, 0}}),
            "offload it if late frames matter: the main isolate parsed in 12 ms and dropped 0 "
            "frames (1 janky); the fastest offload (run, 14 ms end to end) dropped 0 frames (0 "
            "janky) and kept the main isolate busy 200 µs; end to end: slower (1.17x to 1.17x).")
      << "the janky frames the answer weighs are in the sentence";
  EXPECT_EQ(answer({{"main", 12e6, 1, 0}, {"run", 14e6, 1, 0}})
                .rfind("offloading saves no frame: ", 0),
            0u);
}

TEST(OffloadAnswer, NamesOnlyTheModesThatRan) {
  const auto alone = answer({{"main", 30e6, 2, 0}});
  EXPECT_EQ(alone,
            "offload it: the main isolate parsed in 30 ms and dropped 2 frames (no offload mode "
            "ran beside it).");
  const auto without_main = answer({{"worker", 35e6, 0, 0}});
  EXPECT_EQ(without_main,
            "the fastest offload (worker, 35 ms end to end) dropped 0 frames and kept the main "
            "isolate busy 200 µs.");
  EXPECT_EQ(answer({{"chunked", 30e6, 2, 0}}), "") << "neither the main mode nor an offload ran";
}

}  // namespace

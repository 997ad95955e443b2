// The claims read from fixed results, as the runs would yield them: which figure each claim
// shows, which rule judges it, and "not measured yet" (with no figure) for what did not run.

#include "bench/claims/claims.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "bench/harness/runner.hpp"

namespace bench::claims {
namespace {

struct ModeValues {
  std::string mode;
  Measurements values;  ///< every repetition measured these
};

struct SetValues {
  std::vector<Parameter> parameters;
  std::vector<ModeValues> modes;
};

constexpr int kRepetitions = 6;  // enough pairs for a paired verdict at 95 %

/// A result as the runner makes it: `kRepetitions` equal repetitions per mode, every key a
/// lower-is-better metric, statistics computed by the harness.
ScenarioResult result_of(const std::string& scenario, const std::vector<SetValues>& sets) {
  ScenarioResult result;
  result.scenario = scenario;
  std::set<std::string> keys;
  for (const auto& set : sets) {
    ParameterResult parameters;
    parameters.parameters.label = scenario + " set";
    parameters.parameters.parameters = set.parameters;
    for (const auto& mode : set.modes) {
      ModeResult measured;
      measured.mode.name = mode.mode;
      for (int i = 0; i < kRepetitions; ++i)
        measured.repetitions.push_back({i + 1, mode.values, {}});
      for (const auto& entry : mode.values) keys.insert(entry.first);
      parameters.modes.push_back(std::move(measured));
    }
    result.parameter_sets.push_back(std::move(parameters));
  }
  for (const auto& key : keys) result.metrics.push_back({key, key, Unit::ns, true, ""});
  summarize_result(result);
  return result;
}

constexpr double ms = 1e6;

RunResults every_run() {
  RunResults runs;
  runs["json"] =
      result_of("json-parse", {{{}, {{"main", {{"decode_ns", 12 * ms}, {"frames_dropped", 1}}}}}});
  runs["spawn"] = result_of("spawn", {{{},
                                       {{"spawn", {{"result_received_ns", 0.2 * ms}}},
                                        {"run", {{"result_received_ns", 0.15 * ms}}},
                                        {"run-cold", {{"result_received_ns", 0.3 * ms}}}}}});
  runs["messages-string"] =
      result_of("messages", {{{},
                              {{"copy", {{"one_way_ns", 0.5 * ms}, {"copied_bytes", 2e6}}},
                               {"share", {{"one_way_ns", 0.01 * ms}, {"copied_bytes", 24}}}}}});
  runs["messages-objects"] =
      result_of("messages", {{{{"size", 100}}, {{"copy", {{"sender_busy_ns", 0.02 * ms}}}}},
                             {{{"size", 10000}}, {{"copy", {{"sender_busy_ns", 2 * ms}}}}}});
  runs["isolate-memory"] =
      result_of("isolate-memory", {{{}, {{"isolate", {{"rss_per_isolate_bytes", 150e3}}}}}});
  const auto offload = [](double main_dropped) {
    return std::vector<ModeValues>{
        {"main", {{"end_to_end_ns", 4 * ms}, {"overhead_ns", 0}, {"frames_dropped", main_dropped}}},
        {"run", {{"end_to_end_ns", 4.2 * ms}, {"overhead_ns", 0.2 * ms}, {"frames_dropped", 0}}},
        {"worker",
         {{"end_to_end_ns", 4.05 * ms}, {"overhead_ns", 0.05 * ms}, {"frames_dropped", 0}}}};
  };
  runs["offload"] = result_of(
      "offload", {{{{"work_ns", 4'000'000}}, offload(0)}, {{{"work_ns", 20'000'000}}, offload(2)}});
  runs["native-state"] = result_of(
      "native-state",
      {{{}, {{"native-racy", {{"lost_updates", 1500}}}, {"native-mutex", {{"lost_updates", 0}}}}}});
  runs["sha256"] = result_of(
      "sha256", {{{{"size_bytes", 64'000'000}},
                  {{"main", {{"frames_dropped", 3}}}, {"transfer", {{"frames_dropped", 0}}}}}});
  for (const auto& [tag, speedup] : {std::pair{"pool-2", 1.8}, {"pool-3", 1.85}, {"pool-4", 1.9}}) {
    runs[tag] = result_of("image-compress", {{{}, {{"pool", {{"parallel_speedup", speedup}}}}}});
  }
  return runs;
}

const ClaimRow& row(const std::vector<ClaimRow>& rows, const std::string& id) {
  const auto found =
      std::find_if(rows.begin(), rows.end(), [&](const ClaimRow& r) { return r.id == id; });
  if (found == rows.end()) throw std::runtime_error("no claim " + id);
  return *found;
}

TEST(Claims, EveryClaimTheIssueNamesIsListed) {
  const auto rows = evaluate_claims({}, 2);
  for (const char* id :
       {"json-decode-time", "json-decode-frames", "spawn-new-group", "spawn-same-group",
        "spawn-run", "message-2mb-string", "message-objects", "isolate-memory", "offload-under-5ms",
        "offload-over-16ms", "persistent-worker", "native-race", "workers-suffice"}) {
    EXPECT_NO_THROW(row(rows, id)) << id;
  }
  for (const auto& r : rows) {
    EXPECT_FALSE(r.claim.empty());
    EXPECT_FALSE(r.document.empty());
    EXPECT_EQ(r.command.rfind("isolate-bench ", 0), 0u) << r.command;
  }
}

TEST(Claims, WithoutRunsEveryClaimIsNotMeasuredAndShowsNoFigure) {
  for (const auto& r : evaluate_claims({}, 2)) {
    EXPECT_EQ(r.judgement.verdict, ClaimVerdict::not_measured) << r.id;
    EXPECT_EQ(r.measured, "not measured yet") << r.id;
    EXPECT_EQ(r.judgement.reason, "its scenario is not in this build") << r.id;
  }
}

TEST(Claims, EveryRunPresentMeasuresEveryClaim) {
  for (const auto& r : evaluate_claims(every_run(), 2)) {
    EXPECT_NE(r.judgement.verdict, ClaimVerdict::not_measured)
        << r.id << ": " << r.judgement.reason;
    EXPECT_FALSE(r.judgement.reason.empty()) << r.id;
  }
}

TEST(Claims, FiguresComeFromTheRunsAndTheRulesJudgeThem) {
  const auto rows = evaluate_claims(every_run(), 2);
  const auto& decode = row(rows, "json-decode-time");
  EXPECT_EQ(decode.measured, "12 ms");
  EXPECT_EQ(decode.judgement.verdict, ClaimVerdict::holds_in_shape);  // 5x under 60 ms
  EXPECT_EQ(decode.judgement.reason, "native code (simdjson) vs the Dart VM's jsonDecode");

  EXPECT_EQ(row(rows, "json-decode-frames").judgement.verdict, ClaimVerdict::holds_in_shape);
  // 300 µs against 5-50 ms: more than ten times under.
  EXPECT_EQ(row(rows, "spawn-new-group").judgement.verdict, ClaimVerdict::differs_here);
  EXPECT_EQ(row(rows, "spawn-same-group").judgement.verdict, ClaimVerdict::holds);
  EXPECT_EQ(row(rows, "spawn-run").judgement.verdict, ClaimVerdict::holds_in_shape);
  EXPECT_EQ(row(rows, "message-2mb-string").judgement.verdict, ClaimVerdict::holds_in_shape);
  EXPECT_EQ(row(rows, "message-sharing").judgement.verdict, ClaimVerdict::holds);
  const auto& objects = row(rows, "message-objects");
  EXPECT_EQ(objects.judgement.verdict, ClaimVerdict::holds);
  EXPECT_NE(objects.measured.find("send call: 10,000: 2 ms; 100: 20 µs"), std::string::npos)
      << objects.measured;
  // 150 KB against 2-5 MB.
  EXPECT_EQ(row(rows, "isolate-memory").judgement.verdict, ClaimVerdict::differs_here);
  EXPECT_EQ(row(rows, "offload-under-5ms").judgement.verdict, ClaimVerdict::holds);
  EXPECT_EQ(row(rows, "offload-over-16ms").judgement.verdict, ClaimVerdict::holds);
  EXPECT_EQ(row(rows, "persistent-worker").judgement.verdict, ClaimVerdict::holds);
  EXPECT_EQ(row(rows, "native-race").judgement.verdict, ClaimVerdict::holds);
  const auto& hash = row(rows, "hash-offload");
  EXPECT_EQ(hash.judgement.verdict, ClaimVerdict::holds);
  EXPECT_EQ(hash.measured, "64 MB: main dropped 3 frames, an isolate 0 frames");
  const auto& pools = row(rows, "workers-suffice");
  EXPECT_EQ(pools.judgement.verdict, ClaimVerdict::holds_in_shape);  // two cores
  EXPECT_NE(pools.measured.find("4 workers 1.90x"), std::string::npos) << pools.measured;
}

TEST(Claims, TheCoreCountDecidesTheWorkersReason) {
  EXPECT_EQ(row(evaluate_claims(every_run(), 8), "workers-suffice").judgement.verdict,
            ClaimVerdict::holds);
}

TEST(Claims, QuickRunsWithoutThePoolOfThreeStillJudgeTheWorkers) {
  auto runs = every_run();
  runs.erase("pool-3");
  const auto rows = evaluate_claims(runs, 2);
  const auto& pools = row(rows, "workers-suffice");
  EXPECT_NE(pools.judgement.verdict, ClaimVerdict::not_measured);
  EXPECT_EQ(pools.measured.find("3 workers"), std::string::npos);
}

TEST(Claims, AMissingRunLeavesOnlyItsClaimsUnmeasured) {
  auto runs = every_run();
  runs.erase("native-state");
  const auto rows = evaluate_claims(runs, 2);
  EXPECT_EQ(row(rows, "native-race").judgement.verdict, ClaimVerdict::not_measured);
  EXPECT_EQ(row(rows, "native-race").measured, "not measured yet");
  EXPECT_NE(row(rows, "spawn-run").judgement.verdict, ClaimVerdict::not_measured);
}

TEST(Claims, AModeTheRunLacksIsNotGivenAStandInFigure) {
  auto runs = every_run();
  runs["spawn"] = result_of("spawn", {{{}, {{"spawn", {{"result_received_ns", 0.2 * ms}}}}}});
  const auto rows = evaluate_claims(runs, 2);
  EXPECT_EQ(row(rows, "spawn-run").judgement.verdict, ClaimVerdict::not_measured);
  EXPECT_EQ(row(rows, "spawn-run").judgement.reason, "no mode run");
  EXPECT_EQ(row(rows, "spawn-same-group").judgement.verdict, ClaimVerdict::holds);
}

TEST(ClaimRuns, QuickIsShorterAndEveryRunAsksForItsModes) {
  const auto full = claim_runs(RunLength::full);
  const auto quick = claim_runs(RunLength::quick);
  EXPECT_LT(quick.size(), full.size());  // one pool size fewer
  for (const auto& runs : {full, quick}) {
    std::set<std::string> tags;
    for (const auto& run : runs) {
      EXPECT_TRUE(tags.insert(run.tag).second) << run.tag;
      EXPECT_FALSE(run.modes.empty()) << run.tag;
      EXPECT_GE(run.repetitions, 2) << run.tag;
    }
  }
  for (std::size_t i = 0; i < quick.size(); ++i) {
    const auto same = std::find_if(full.begin(), full.end(),
                                   [&](const ClaimRun& r) { return r.tag == quick[i].tag; });
    ASSERT_NE(same, full.end()) << quick[i].tag;
    EXPECT_LE(quick[i].repetitions, same->repetitions) << quick[i].tag;
  }
}

TEST(ClaimRuns, ARunWhoseScenarioIsNotRegisteredIsLeftOut) {
  // This test binary registers no scenario.
  const auto results = run_claims({{"x", "no-such-scenario", {}, {"main"}, 2}}, {});
  EXPECT_TRUE(results.empty());
}

}  // namespace
}  // namespace bench::claims

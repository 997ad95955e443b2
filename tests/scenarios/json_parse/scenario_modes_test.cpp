// The json-parse modes do the same real work: every mode makes usable on the main isolate the
// products the typed decoder yields on the main isolate, and reports what crossed.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "bench/harness/result.hpp"
#include "iso/iso.hpp"
#include "json_parse/catalog_generator.hpp"
#include "json_parse/dynamic_decoder.hpp"
#include "json_parse/errors.hpp"
#include "json_parse/scenario/json_parse_scenario.hpp"
#include "json_parse/typed_decoder.hpp"

namespace json_parse {
namespace {

namespace fs = std::filesystem;

struct ModeRun {
  std::vector<bench::Measurements> measurements;  // one per run_once
  bench::Measurements setup;
  ParsedCatalog result;
};

/// setup, `runs` run_once calls and teardown of one mode, on a main isolate.
ModeRun run_mode(JsonParseScenario& scenario, const bench::ModeSpec& mode,
                 const bench::ParameterSet& set, int runs) {
  return iso::run_main([&]() -> iso::Future<ModeRun> {
    ModeRun run;
    auto runner = scenario.make_catalog_runner(mode, set);
    run.setup = co_await runner->setup();
    for (int i = 0; i < runs; ++i) run.measurements.push_back(co_await runner->run_once());
    co_await runner->teardown();
    run.result = runner->last_result();
    co_return run;
  });
}

JsonParseConfig small_config(DecoderChoice decoder) {
  JsonParseConfig config;
  config.sizes = {30'000};
  config.decoder = decoder;
  config.seed = 7;
  return config;
}

TEST(JsonParseScenario, DeclaresTheModesInOrderWithMainAsBaseline) {
  JsonParseScenario scenario(small_config(DecoderChoice::typed));
  std::vector<std::string> names;
  for (const auto& mode : scenario.modes()) names.push_back(mode.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"main", "run", "run-send", "compute", "worker", "transfer"}));
  EXPECT_EQ(names, all_mode_names());
  EXPECT_EQ(scenario.name(), "json-parse");
}

TEST(JsonParseScenario, ChosenModesRunInTheScenarioOrder) {
  JsonParseConfig config = small_config(DecoderChoice::typed);
  config.modes = {"transfer", "main", "run-send"};
  JsonParseScenario scenario(config);
  std::vector<std::string> names;
  for (const auto& mode : scenario.modes()) names.push_back(mode.name);
  EXPECT_EQ(names, (std::vector<std::string>{"main", "run-send", "transfer"}));
}

TEST(JsonParseScenario, RejectsUnknownOrRepeatedModesAndBadSizes) {
  JsonParseConfig unknown = small_config(DecoderChoice::typed);
  unknown.modes = {"main", "threads"};
  EXPECT_THROW(JsonParseScenario{unknown}, std::invalid_argument);
  JsonParseConfig repeated = small_config(DecoderChoice::typed);
  repeated.modes = {"run", "run"};
  EXPECT_THROW(JsonParseScenario{repeated}, std::invalid_argument);
  JsonParseConfig tiny = small_config(DecoderChoice::typed);
  tiny.sizes = {1};
  EXPECT_THROW(JsonParseScenario{tiny}, std::invalid_argument);
  JsonParseConfig twice = small_config(DecoderChoice::typed);
  twice.sizes = {5000, 5000};
  EXPECT_THROW(JsonParseScenario{twice}, std::invalid_argument);
  JsonParseConfig none = small_config(DecoderChoice::typed);
  none.sizes = {};
  EXPECT_THROW(JsonParseScenario{none}, std::invalid_argument);
}

TEST(JsonParseScenario, DeclaresEveryPartOfTheParseAsAMetric) {
  JsonParseScenario scenario(small_config(DecoderChoice::typed));
  std::vector<std::string> keys;
  for (const auto& metric : scenario.metrics()) keys.push_back(metric.key);
  EXPECT_EQ(keys.front(), "end_to_end_ns") << "the primary metric";
  for (const char* key :
       {"main_thread_ns", "copy_in_ns", "spawn_ns", "parse_ns", "decode_ns", "map_ns", "return_ns",
        "copy_out_ns", "copy_in_bytes", "copy_out_bytes"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
  }
  for (const char* frame_key : {"frames_dropped", "longest_event_ns"}) {
    EXPECT_EQ(std::find(keys.begin(), keys.end(), frame_key), keys.end())
        << frame_key << " is the harness's to add";
  }
  ASSERT_EQ(scenario.setup_metrics().size(), 1u);
  EXPECT_EQ(scenario.setup_metrics().front().key, "worker_spawn_ns");
}

TEST(JsonParseScenario, OneParameterSetPerSizeAndDecoderDynamicFirst) {
  JsonParseConfig config = small_config(DecoderChoice::both);
  config.sizes = {5000, 20'000};
  JsonParseScenario scenario(config);
  const auto sets = scenario.parameter_sets();
  ASSERT_EQ(sets.size(), 4u);
  const std::vector<std::pair<std::int64_t, std::string>> expected{
      {5000, "dynamic"}, {20'000, "dynamic"}, {5000, "typed"}, {20'000, "typed"}};
  for (std::size_t i = 0; i < sets.size(); ++i) {
    EXPECT_EQ(bench::integer_parameter(sets[i], "size_bytes"), expected[i].first);
    EXPECT_NE(sets[i].label.find(std::to_string(expected[i].first) + " bytes"), std::string::npos)
        << sets[i].label;
    EXPECT_NE(sets[i].label.find(expected[i].second), std::string::npos) << sets[i].label;
    EXPECT_GT(bench::integer_parameter(sets[i], "products"), 0);
  }
}

class EveryMode : public ::testing::TestWithParam<DecoderChoice> {};

TEST_P(EveryMode, MakesTheSameProductsUsableAsTheTypedDecodeOnMain) {
  JsonParseScenario scenario(small_config(GetParam()));
  const auto sets = scenario.parameter_sets();
  ASSERT_EQ(sets.size(), 1u);
  const std::vector<Product> expected = decode_typed(scenario.body_of(sets[0]).view());
  ASSERT_GT(expected.size(), 3u);
  for (const auto& mode : scenario.modes()) {
    SCOPED_TRACE(mode.name);
    // Two runs: the second proves a mode's state (a worker, compute's body) survives a run.
    const ModeRun run = run_mode(scenario, mode, sets[0], 2);
    EXPECT_TRUE(run.result.mapped);
    EXPECT_FALSE(run.result.document.has_value());
    EXPECT_EQ(run.result.products, expected);
    for (const auto& metric : scenario.metrics()) {
      for (const auto& measured : run.measurements) {
        EXPECT_TRUE(measured.contains(metric.key)) << metric.key;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Decoders, EveryMode,
                         ::testing::Values(DecoderChoice::typed, DecoderChoice::dynamic));

TEST(JsonParseScenario, ReportsWhatEachModeCopiesAcross) {
  JsonParseScenario scenario(small_config(DecoderChoice::typed));
  const auto set = scenario.parameter_sets().front();
  const double body_bytes = static_cast<double>(scenario.body_of(set).json_size);
  for (const auto& mode : scenario.modes()) {
    SCOPED_TRACE(mode.name);
    const ModeRun run = run_mode(scenario, mode, set, 1);
    const auto& m = run.measurements.front();
    const bool copies_in = mode.name != "main";
    const bool copies_out =
        mode.name == "run-send" || mode.name == "worker" || mode.name == "transfer";
    if (copies_in) {
      EXPECT_GE(m.at("copy_in_bytes"), body_bytes) << "the body crossed by copy";
    } else {
      EXPECT_EQ(m.at("copy_in_bytes"), 0);
      EXPECT_EQ(m.at("copy_in_ns"), 0);
    }
    if (copies_out) {
      EXPECT_GT(m.at("copy_out_bytes"), 0) << "the products came back by copy";
    } else {
      EXPECT_EQ(m.at("copy_out_bytes"), 0) << "exit (or no crossing) copies nothing";
      EXPECT_EQ(m.at("copy_out_ns"), 0);
    }
    EXPECT_EQ(m.at("map_ns"), 0) << "the typed decoder has no mapping step";
    EXPECT_EQ(run.setup.contains("worker_spawn_ns"),
              mode.name == "worker" || mode.name == "transfer");
  }
}

class InputScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() /
                 ("json_parse_scenario_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  JsonParseConfig config_for(const std::string& content) {
    const fs::path path = directory_ / "input.json";
    std::ofstream(path, std::ios::binary) << content;
    JsonParseConfig config;
    config.input = path;
    config.decoder = DecoderChoice::dynamic;
    return config;
  }

  fs::path directory_;
};

TEST_F(InputScenario, ADocumentOfAnotherShapeComesBackAsItsTree) {
  const std::string json = R"({"users": [{"name": "Ada", "id": 1}], "total": 1.5})";
  JsonParseScenario scenario(config_for(json));
  const auto sets = scenario.parameter_sets();
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(bench::integer_parameter(sets[0], "size_bytes"),
            static_cast<std::int64_t>(json.size()));
  std::string copy = json;
  const iso::Value expected = decode_dynamic(padded_view(copy));
  for (const auto& mode : scenario.modes()) {
    SCOPED_TRACE(mode.name);
    const ModeRun run = run_mode(scenario, mode, sets[0], 1);
    EXPECT_FALSE(run.result.mapped);
    EXPECT_TRUE(run.result.products.empty());
    EXPECT_FALSE(run.result.skipped_reason.empty());
    ASSERT_TRUE(run.result.document.has_value());
    EXPECT_EQ(*run.result.document, expected);
  }
  bench::ScenarioResult result;
  const auto sentences = scenario.conclusions(result);
  EXPECT_TRUE(std::any_of(sentences.begin(), sentences.end(), [](const std::string& s) {
    return s.find("mapping step was skipped") != std::string::npos;
  }));
}

TEST_F(InputScenario, AProductListIsMapped) {
  JsonParseScenario scenario(config_for(generate_catalog(8000, 3)));
  const auto set = scenario.parameter_sets().front();
  const ModeRun run = run_mode(scenario, bench::ModeSpec{"worker", ""}, set, 1);
  EXPECT_TRUE(run.result.mapped);
  EXPECT_EQ(run.result.products, decode_typed(scenario.body_of(set).view()));
}

TEST_F(InputScenario, IsParsedWithTheDynamicDecoderOnly) {
  JsonParseConfig config = config_for("[]");
  config.decoder = DecoderChoice::typed;
  EXPECT_THROW(JsonParseScenario{config}, std::invalid_argument);
  config.decoder = DecoderChoice::both;
  EXPECT_THROW(JsonParseScenario{config}, std::invalid_argument);
}

TEST_F(InputScenario, UnusableFilesFailWithInputError) {
  JsonParseConfig missing;
  missing.decoder = DecoderChoice::dynamic;
  missing.input = directory_ / "absent.json";
  EXPECT_THROW(JsonParseScenario{missing}, InputError);
  EXPECT_THROW(JsonParseScenario{config_for("[1, 2")}, InputError);
  EXPECT_THROW(JsonParseScenario{config_for("")}, InputError);
}

}  // namespace
}  // namespace json_parse

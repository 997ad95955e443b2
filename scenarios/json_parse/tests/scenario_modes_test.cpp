// The json-parse modes do the same real work: every mode makes usable on the main isolate the
// products the typed decoder yields on the main isolate, and reports what crossed.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>

#include "bench/harness/result.hpp"
#include "bench/harness/settings_error.hpp"
#include "iso/iso.hpp"
#include "json_parse/catalog_generator.hpp"
#include "json_parse/dynamic_decoder.hpp"
#include "json_parse/errors.hpp"
#include "json_parse/scenario/json_parse_scenario.hpp"
#include "json_parse/typed_decoder.hpp"
#include "scenario/body_crossing.hpp"

namespace json_parse {
namespace {

namespace fs = std::filesystem;

struct ModeRun {
  std::vector<bench::Measurements> measurements;  // one per run_once
  bench::Measurements setup;
  ParsedCatalog result;
};

/// setup, `runs` run_once calls and teardown of one mode at parameter set `set`, on a main isolate;
/// `keep`: the runner keeps its last result, for the test to compare.
ModeRun run_mode(JsonParseScenario& scenario, const bench::ModeSpec& mode, std::size_t set,
                 int runs, bool keep = true) {
  return iso::run_main([&]() -> iso::Future<ModeRun> {
    ModeRun run;
    auto runner = scenario.make_catalog_runner(mode, set);
    if (keep) runner->keep_last_result();
    run.setup = co_await runner->setup();
    for (int i = 0; i < runs; ++i) run.measurements.push_back(co_await runner->run_once());
    co_await runner->teardown();
    run.result = runner->last_result();
    co_return run;
  });
}

/// A scenario prepared with `settings`, as the command line leaves it after parsing its options.
std::unique_ptr<JsonParseScenario> prepared(JsonParseSettings settings) {
  auto scenario = std::make_unique<JsonParseScenario>();
  scenario->settings() = std::move(settings);
  bench::RunSettings run;
  run.seed = 7;
  scenario->prepare(run);
  return scenario;
}

JsonParseSettings small_settings(DecoderChoice decoder) {
  JsonParseSettings settings;
  settings.sizes = std::vector<std::uint64_t>{30'000};
  settings.decoder = decoder;
  return settings;
}

/// The option of `scenario` whose long flag is `flag`.
bench::OptionSpec option(JsonParseScenario& scenario, std::string_view flag) {
  for (auto& spec : scenario.options()) {
    if (bench::long_flag(spec.flags) == flag) return spec;
  }
  throw std::out_of_range(std::string(flag));
}

TEST(JsonParseScenario, DeclaresTheModesInOrderWithMainAsBaseline) {
  JsonParseScenario scenario;
  std::vector<std::string> names;
  for (const auto& mode : scenario.modes()) names.push_back(mode.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"main", "run", "run-send", "compute", "worker", "transfer"}));
  EXPECT_EQ(scenario.name(), "json-parse");
}

TEST(JsonParseScenario, ItsOptionsRefuseBadSizesAndDecodersAndStoreGoodOnes) {
  JsonParseScenario scenario;
  for (const char* bad : {"1", "0", "-5", "5000,5000", "2MB,2000KB", "1000TB", ""}) {
    EXPECT_THROW(option(scenario, "--size").apply(bad), bench::SettingsError) << bad;
  }
  EXPECT_THROW(option(scenario, "--decoder").apply("fast"), bench::SettingsError);
  option(scenario, "--size").apply("5KB,20KB");
  option(scenario, "--decoder").apply("typed");
  EXPECT_EQ(scenario.settings().sizes, (std::vector<std::uint64_t>{5000, 20'000}));
  EXPECT_EQ(scenario.settings().decoder, DecoderChoice::typed);
}

TEST(JsonParseScenario, DeclaresEveryPartOfTheParseAsAMetric) {
  JsonParseScenario scenario;
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
  JsonParseSettings settings = small_settings(DecoderChoice::both);
  settings.sizes = std::vector<std::uint64_t>{5000, 20'000};
  const auto scenario = prepared(settings);
  const auto sets = scenario->parameter_sets();
  const auto& points = scenario->points();
  ASSERT_EQ(sets.size(), 4u);
  ASSERT_EQ(points.size(), 4u);
  const std::vector<std::pair<std::uint64_t, DecoderKind>> expected{{5000, DecoderKind::dynamic},
                                                                    {20'000, DecoderKind::dynamic},
                                                                    {5000, DecoderKind::typed},
                                                                    {20'000, DecoderKind::typed}};
  for (std::size_t i = 0; i < sets.size(); ++i) {
    EXPECT_EQ(points[i].workload->bytes, expected[i].first);
    EXPECT_EQ(points[i].decoder, expected[i].second);
    EXPECT_GT(points[i].workload->products, 0u);
    EXPECT_NE(sets[i].label.find(std::to_string(expected[i].first) + " bytes"), std::string::npos)
        << sets[i].label;
    EXPECT_NE(sets[i].label.find(to_string(expected[i].second)), std::string::npos)
        << sets[i].label;
  }
}

/// How each mode takes the body: Dart >= 2.15 shares a String within the isolate group, so
/// run, compute and worker share it; run-send keeps the copy so a reader sees both paths.
const std::map<std::string, BodyCrossing>& expected_crossings() {
  static const std::map<std::string, BodyCrossing> crossings{
      {"main", BodyCrossing::none},       {"run", BodyCrossing::shared},
      {"run-send", BodyCrossing::copied}, {"compute", BodyCrossing::shared},
      {"worker", BodyCrossing::shared},   {"transfer", BodyCrossing::transferred},
  };
  return crossings;
}

class EveryMode : public ::testing::TestWithParam<DecoderChoice> {};

TEST_P(EveryMode, MakesTheSameProductsUsableAsTheTypedDecodeOnMain) {
  const auto scenario = prepared(small_settings(GetParam()));
  ASSERT_EQ(scenario->points().size(), 1u);
  const std::vector<Product> expected = decode_typed(scenario->points()[0].workload->body->view());
  ASSERT_GT(expected.size(), 3u);
  for (const auto& mode : scenario->modes()) {
    SCOPED_TRACE(mode.name);
    // Two runs: the second proves a mode's state (a worker, compute's body) survives a run.
    const ModeRun run = run_mode(*scenario, mode, 0, 2);
    EXPECT_TRUE(run.result.mapped);
    EXPECT_FALSE(run.result.document.has_value());
    EXPECT_EQ(run.result.products, expected);
    for (const auto& metric : scenario->metrics()) {
      for (const auto& measured : run.measurements) {
        EXPECT_TRUE(measured.contains(metric.key)) << metric.key;
      }
    }
  }
}

TEST_P(EveryMode, HoldsNoProductsOnceARunIsMeasured) {
  const auto scenario = prepared(small_settings(GetParam()));
  for (const auto& mode : scenario->modes()) {
    SCOPED_TRACE(mode.name);
    const ModeRun run = run_mode(*scenario, mode, 0, 2, /*keep=*/false);
    EXPECT_TRUE(run.result.products.empty()) << "the result went to the disposer";
    EXPECT_FALSE(run.result.mapped);
  }
}

TEST_P(EveryMode, ParsesTheMainIsolatesOwnBodyWhereItIsSharedAndACopyElsewhere) {
  const auto scenario = prepared(small_settings(GetParam()));
  const CatalogWorkload& workload = *scenario->points()[0].workload;
  const auto own = reinterpret_cast<std::uintptr_t>(workload.body->bytes.data());
  for (const auto& mode : scenario->modes()) {
    SCOPED_TRACE(mode.name);
    const BodyCrossing crossing = expected_crossings().at(mode.name);
    const bool in_place = crossing == BodyCrossing::none || crossing == BodyCrossing::shared;
    auto runner = scenario->make_catalog_runner(mode, 0);
    iso::run_main([&]() -> iso::Future<void> {
      (void)co_await runner->setup();
      for (int i = 0; i < 2; ++i) {
        (void)co_await runner->run_once();
        if (in_place) {
          EXPECT_EQ(runner->last_body_address(), own) << "the very bytes the main isolate holds";
        } else {
          EXPECT_NE(runner->last_body_address(), 0u);
          EXPECT_NE(runner->last_body_address(), own) << "a copy of the body, elsewhere";
        }
      }
      co_await runner->teardown();
    });
  }
  EXPECT_EQ(workload.body->bytes.size(), workload.body->json_size + kJsonPadding)
      << "no mode changed the shared body";
}

INSTANTIATE_TEST_SUITE_P(Decoders, EveryMode,
                         ::testing::Values(DecoderChoice::typed, DecoderChoice::dynamic));

TEST(JsonParseScenario, SaysInEachModesDescriptionWhetherTheBodyIsSharedOrCopied) {
  JsonParseScenario scenario;
  ASSERT_EQ(scenario.modes().size(), expected_crossings().size());
  for (const auto& mode : scenario.modes()) {
    SCOPED_TRACE(mode.name);
    const BodyCrossing crossing = expected_crossings().at(mode.name);
    EXPECT_EQ(body_crossing_of(mode.name), crossing);
    const bool says_shared =
        mode.description.find("body shared (Dart ≥ 2.15)") != std::string::npos;
    const bool says_copied = mode.description.find("body copied in") != std::string::npos;
    EXPECT_EQ(says_shared, crossing == BodyCrossing::shared) << mode.description;
    EXPECT_EQ(says_copied, crossing == BodyCrossing::copied) << mode.description;
  }
  EXPECT_EQ(body_crossing_of("no-such-mode"), BodyCrossing::none);
}

TEST(JsonParseScenario, ReportsWhatEachModeCopiesAcross) {
  if (!iso::heap_accounting_enabled())
    GTEST_SKIP() << "copied bytes are counted by heap accounting";
  const auto scenario = prepared(small_settings(DecoderChoice::typed));
  const double body_bytes = static_cast<double>(scenario->points()[0].workload->body->json_size);
  for (const auto& mode : scenario->modes()) {
    SCOPED_TRACE(mode.name);
    const ModeRun run = run_mode(*scenario, mode, 0, 1);
    const auto& m = run.measurements.front();
    const BodyCrossing crossing = expected_crossings().at(mode.name);
    const bool copies_out =
        mode.name == "run-send" || mode.name == "worker" || mode.name == "transfer";
    switch (crossing) {
      case BodyCrossing::none:
        EXPECT_EQ(m.at("copy_in_bytes"), 0);
        EXPECT_EQ(m.at("copy_in_ns"), 0);
        break;
      case BodyCrossing::shared:
        // The request's or argument's own few bytes; the body's 30000 are not among them.
        EXPECT_GT(m.at("copy_in_bytes"), 0) << "the message itself is measured";
        EXPECT_LT(m.at("copy_in_bytes"), 1024) << "the body crossed shared, not copied";
        break;
      case BodyCrossing::copied:
      case BodyCrossing::transferred:
        EXPECT_GE(m.at("copy_in_bytes"), body_bytes) << "the body crossed by copy";
        break;
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

  JsonParseSettings settings_for(const std::string& content) {
    const fs::path path = directory_ / "input.json";
    std::ofstream(path, std::ios::binary) << content;
    JsonParseSettings settings;
    settings.input = path;
    return settings;
  }

  fs::path directory_;
};

TEST_F(InputScenario, ADocumentOfAnotherShapeComesBackAsItsTree) {
  const std::string json = R"({"users": [{"name": "Ada", "id": 1}], "total": 1.5})";
  const auto scenario = prepared(settings_for(json));
  ASSERT_EQ(scenario->points().size(), 1u);
  EXPECT_EQ(scenario->points()[0].workload->bytes, json.size());
  EXPECT_EQ(scenario->points()[0].decoder, DecoderKind::dynamic);
  std::string copy = json;
  const iso::Value expected = decode_dynamic(padded_view(copy));
  for (const auto& mode : scenario->modes()) {
    SCOPED_TRACE(mode.name);
    const ModeRun run = run_mode(*scenario, mode, 0, 1);
    EXPECT_FALSE(run.result.mapped);
    EXPECT_TRUE(run.result.products.empty());
    EXPECT_FALSE(run.result.skipped_reason.empty());
    ASSERT_TRUE(run.result.document.has_value());
    EXPECT_EQ(*run.result.document, expected);
  }
  bench::ScenarioResult result;
  const auto sentences = scenario->conclusions(result).all();
  EXPECT_TRUE(std::any_of(sentences.begin(), sentences.end(), [](const std::string& s) {
    return s.find("mapping step was skipped") != std::string::npos;
  }));
}

TEST_F(InputScenario, AProductListIsMapped) {
  const auto scenario = prepared(settings_for(generate_catalog(8000, 3)));
  const ModeRun run = run_mode(*scenario, bench::ModeSpec{"worker", ""}, 0, 1);
  EXPECT_TRUE(run.result.mapped);
  EXPECT_EQ(run.result.products, decode_typed(scenario->points()[0].workload->body->view()));
}

TEST_F(InputScenario, IsParsedWithTheDynamicDecoderOnlyAndTakesNoSize) {
  JsonParseSettings settings = settings_for("[]");
  for (const auto decoder : {DecoderChoice::typed, DecoderChoice::both}) {
    settings.decoder = decoder;
    EXPECT_THROW(prepared(settings), bench::SettingsError);
  }
  settings.decoder = DecoderChoice::dynamic;
  EXPECT_NO_THROW(prepared(settings));
  settings.sizes = std::vector<std::uint64_t>{5000};
  EXPECT_THROW(prepared(settings), bench::SettingsError);
}

TEST_F(InputScenario, UnusableFilesAreSettingsErrorsNamingTheOption) {
  for (const char* content : {"[1, 2", "", "  "}) {
    try {
      prepared(settings_for(content));
      ADD_FAILURE() << "accepted '" << content << "'";
    } catch (const bench::SettingsError& error) {
      EXPECT_EQ(std::string(error.what()).rfind("--input '", 0), 0u) << error.what();
    }
  }
}

}  // namespace
}  // namespace json_parse

// Every mode hashes the same message to the same digest: the NIST examples and sizes around the
// chunk boundaries, generated and from --input files, equal to the tests' own SHA-256 and to
// sha256sum; and the scenario checks its settings before any work.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "bench/harness/settings_error.hpp"
#include "iso/iso.hpp"
#include "reference_sha256.hpp"
#include "sha256/generated_bytes.hpp"
#include "sha256/scenario/sha256_scenario.hpp"

namespace sha256 {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kSeed = 7;

struct ModeRun {
  std::vector<bench::Measurements> measurements;  // one per run_once
  bench::Measurements setup;
  std::optional<Digest> digest;
};

/// setup, `runs` run_once calls and teardown of one mode at parameter set `set`, on a main isolate.
ModeRun run_mode(Sha256Scenario& scenario, const bench::ModeSpec& mode, std::size_t set, int runs) {
  return iso::run_main([&]() -> iso::Future<ModeRun> {
    ModeRun run;
    auto runner = scenario.make_hash_runner(mode, set);
    run.setup = co_await runner->setup();
    for (int i = 0; i < runs; ++i) run.measurements.push_back(co_await runner->run_once());
    co_await runner->teardown();
    run.digest = runner->last_digest();
    co_return run;
  });
}

std::unique_ptr<Sha256Scenario> prepared(Sha256Settings settings,
                                         std::vector<std::string> modes = {}) {
  auto scenario = std::make_unique<Sha256Scenario>();
  scenario->settings() = std::move(settings);
  bench::RunSettings run;
  run.seed = kSeed;
  run.modes = std::move(modes);
  scenario->prepare(run);
  return scenario;
}

/// Every mode, twice each (the second run proves the buffers came back), at every set: the
/// digests of `expected` (one per set, in order).
void expect_every_mode_gives(Sha256Scenario& scenario, const std::vector<std::string>& expected) {
  ASSERT_EQ(scenario.points().size(), expected.size());
  for (std::size_t set = 0; set < expected.size(); ++set) {
    for (const auto& mode : scenario.modes()) {
      const ModeRun run = run_mode(scenario, mode, set, 2);
      ASSERT_TRUE(run.digest.has_value()) << mode.name;
      EXPECT_EQ(to_hex(*run.digest), expected[set])
          << mode.name << " at " << scenario.points()[set].label();
      for (const auto& measured : run.measurements) {
        for (const auto& metric : scenario.metrics()) {
          EXPECT_TRUE(measured.contains(metric.key)) << mode.name << " " << metric.key;
        }
      }
    }
  }
}

class Sha256ScenarioFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("sha256_modes_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }
  fs::path write(const std::string& name, std::span<const std::uint8_t> bytes) {
    const fs::path path = folder_ / name;
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    return path;
  }
  fs::path folder_;
};

std::span<const std::uint8_t> bytes_of(const std::string& text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

/// What `sha256sum` prints for `path` (the digest), or empty when it is not installed.
std::string sha256sum_of(const fs::path& path) {
  const std::string command = "sha256sum '" + path.string() + "' 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {};
  char line[256] = {};
  const bool read = std::fgets(line, sizeof line, pipe) != nullptr;
  ::pclose(pipe);
  if (!read) return {};
  return std::string(line).substr(0, 64);
}

TEST(Sha256Scenario, DeclaresItsModesInOrderWithTheFloorAsBaseline) {
  Sha256Scenario scenario;
  std::vector<std::string> names;
  for (const auto& mode : scenario.modes()) names.push_back(mode.name);
  EXPECT_EQ(names, (std::vector<std::string>{"floor", "main", "chunked-main", "run", "transfer",
                                             "worker"}));
  EXPECT_EQ(scenario.name(), "sha256");
  EXPECT_NE(scenario.help().find("Examples:"), std::string::npos);
}

TEST(Sha256Scenario, SizesAroundTheChunkBoundariesGiveTheReferenceDigestInEveryMode) {
  constexpr std::uint64_t chunk = 1000;
  const std::vector<std::uint64_t> sizes{0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 17};
  Sha256Settings settings;
  settings.sizes = sizes;
  settings.chunks = std::vector<std::uint64_t>{chunk};
  auto scenario = prepared(settings);
  std::vector<std::string> expected;
  for (const auto size : sizes) {
    expected.push_back(testing::reference_sha256_hex(generate_bytes(size, kSeed)));
  }
  expect_every_mode_gives(*scenario, expected);
}

TEST_F(Sha256ScenarioFiles, TheNistExamplesAsInputFilesGiveTheirDigestsInEveryMode) {
  for (const auto& vector : testing::nist_vectors()) {
    Sha256Settings settings;
    settings.input = write(std::string(vector.name) + ".txt", bytes_of(vector.message));
    // Small chunks split the short messages too; the million a's in 64 KiB pieces.
    const std::uint64_t chunk = vector.message.size() > 100'000 ? 65'536 : 7;
    settings.chunks = std::vector<std::uint64_t>{chunk};
    auto scenario = prepared(settings);
    SCOPED_TRACE(vector.name);
    expect_every_mode_gives(*scenario, {vector.digest});
  }
}

TEST_F(Sha256ScenarioFiles, InputFilesAroundTheChunkBoundariesEqualSha256sumInEveryMode) {
  constexpr std::uint64_t chunk = 4096;
  for (const std::uint64_t size : {std::uint64_t{1}, chunk - 1, chunk, chunk + 1, 5 * chunk + 3}) {
    const auto bytes = generate_bytes(size, size);
    Sha256Settings settings;
    settings.input = write("data_" + std::to_string(size) + ".bin", bytes);
    settings.chunks = std::vector<std::uint64_t>{chunk};
    const std::string expected = testing::reference_sha256_hex(bytes);
    const std::string printed = sha256sum_of(*settings.input);
    if (!printed.empty()) EXPECT_EQ(printed, expected);
    auto scenario = prepared(settings);
    SCOPED_TRACE(size);
    expect_every_mode_gives(*scenario, {expected});
  }
  if (sha256sum_of(folder_ / "data_1.bin").empty()) GTEST_SKIP() << "sha256sum is not installed";
}

TEST(Sha256Scenario, AFileOfTheSystemHashesAsSha256sumPrintsIt) {
  // Installed by Debian's base-files on every system; not written by this test.
  const fs::path path = "/usr/share/common-licenses/GPL-3";
  if (!fs::is_regular_file(path)) GTEST_SKIP() << path << " is absent";
  const std::string printed = sha256sum_of(path);
  if (printed.empty()) GTEST_SKIP() << "sha256sum is not installed";
  Sha256Settings settings;
  settings.input = path;
  auto scenario = prepared(settings);
  expect_every_mode_gives(*scenario, {printed});
}

TEST(Sha256Scenario, TransferMovesTheBytesAndRunCopiesThem) {
  Sha256Settings settings;
  settings.sizes = std::vector<std::uint64_t>{200'000};
  settings.chunks = std::vector<std::uint64_t>{50'000};
  auto scenario = prepared(settings);
  auto copied_in = [&](const char* name) {
    for (const auto& mode : scenario->modes()) {
      if (mode.name == name)
        return run_mode(*scenario, mode, 0, 1).measurements[0].at("copy_in_bytes");
    }
    throw std::out_of_range(name);
  };
  const double run = copied_in("run");
  const double transfer = copied_in("transfer");
  const double worker = copied_in("worker");
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  EXPECT_GE(run, 200'000);
  EXPECT_LT(transfer, 10'000);  // a handle and a port, not the bytes
  EXPECT_LT(worker, 10'000);
}

TEST(Sha256Scenario, TheFloorIsMeasuredBeforeTheRunWhenItsModeIsLeftOut) {
  Sha256Settings settings;
  settings.sizes = std::vector<std::uint64_t>{10'000};
  auto with_floor = prepared(settings);
  EXPECT_EQ(with_floor->points()[0].record->floor_bytes_per_ns, 0);
  EXPECT_FALSE(with_floor->points()[0].record->digest.has_value());
  auto without_floor = prepared(settings, {"main", "worker"});
  const PointRecord& record = *without_floor->points()[0].record;
  EXPECT_GT(record.floor_bytes_per_ns, 0);
  ASSERT_TRUE(record.digest.has_value());
  EXPECT_EQ(to_hex(*record.digest), testing::reference_sha256_hex(generate_bytes(10'000, kSeed)));
  const ModeRun run = run_mode(*without_floor, without_floor->modes()[1], 0, 1);
  EXPECT_GT(run.measurements[0].at("floor_share"), 0);
}

TEST(Sha256Scenario, ADigestThatDiffersFromTheFirstFailsTheRun) {
  PointRecord record;
  Digest one{};
  Digest other{};
  other[31] = 1;
  record.record("floor", one);
  record.record("main", one);
  EXPECT_THROW(record.record("worker", other), std::runtime_error);
}

TEST(Sha256Scenario, PointsCrossSizesAndChunks) {
  Sha256Settings settings;
  settings.sizes = std::vector<std::uint64_t>{2000, 3000};
  settings.chunks = std::vector<std::uint64_t>{1000, 1500};
  auto scenario = prepared(settings);
  ASSERT_EQ(scenario->points().size(), 4u);
  EXPECT_EQ(scenario->points()[1].workload->bytes, 2000u);
  EXPECT_EQ(scenario->points()[1].chunk, 1500u);
  const auto sets = scenario->parameter_sets();
  EXPECT_EQ(std::get<std::int64_t>(sets[3].parameters[0].value), 3000);
  EXPECT_EQ(std::get<std::int64_t>(sets[3].parameters[1].value), 1500);
}

/// The option of `scenario` whose long flag is `flag`.
bench::OptionSpec option(Sha256Scenario& scenario, std::string_view flag) {
  for (auto& spec : scenario.options()) {
    if (bench::long_flag(spec.flags) == flag) return spec;
  }
  throw std::out_of_range(std::string(flag));
}

TEST(Sha256Scenario, ItsOptionsRefuseBadValuesAndStoreGoodOnes) {
  Sha256Scenario scenario;
  for (const char* bad : {"0", "999", "5KB,5KB", "17GB", "", "x"}) {
    EXPECT_THROW(option(scenario, "--size").apply(bad), bench::SettingsError) << bad;
  }
  for (const char* bad : {"0", "999", "257MiB", "1KB,1000"}) {
    EXPECT_THROW(option(scenario, "--chunk").apply(bad), bench::SettingsError) << bad;
  }
  for (const char* bad : {"", "/nonexistent/file", "/dev/null", "/tmp"}) {
    EXPECT_THROW(option(scenario, "--input").apply(bad), bench::SettingsError) << bad;
  }
  option(scenario, "--size").apply("1KB,64MiB");
  option(scenario, "--chunk").apply("4KiB");
  EXPECT_EQ(*scenario.settings().sizes, (std::vector<std::uint64_t>{1000, 64ull << 20}));
  EXPECT_EQ(*scenario.settings().chunks, (std::vector<std::uint64_t>{4096}));
}

TEST_F(Sha256ScenarioFiles, SizeWithInputAndAFileThatVanishedAreSettingsErrors) {
  Sha256Settings both;
  both.input = write("a.bin", bytes_of("abc"));
  both.sizes = std::vector<std::uint64_t>{1000};
  EXPECT_THROW(prepared(both), bench::SettingsError);
  Sha256Settings vanished;
  vanished.input = folder_ / "gone.bin";
  try {
    prepared(vanished);
    FAIL() << "a missing --input file was accepted";
  } catch (const bench::SettingsError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("--input '", 0), 0u) << error.what();
    EXPECT_NE(std::string(error.what()).find("accepted"), std::string::npos);
  }
}

}  // namespace
}  // namespace sha256

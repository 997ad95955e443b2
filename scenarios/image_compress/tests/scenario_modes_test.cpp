// Every mode's PNG decodes (libpng) to exactly the pixels it was given and equals the other
// modes' byte for byte; the worker's request crosses by copy and the transfer's by transfer; the
// scenario checks its settings before any work and hands --output-dir's PNGs over, writing none.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "bench/harness/runner.hpp"
#include "bench/harness/settings_error.hpp"
#include "image_compress/photo_generator.hpp"
#include "image_compress/png_decoder.hpp"
#include "image_compress/scenario/image_compress_scenario.hpp"
#include "iso/heap.hpp"
#include "iso/iso.hpp"

namespace image_compress {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kSeed = 11;
constexpr std::uint64_t kPlenty = 1ull << 32;

struct ModeRun {
  std::vector<bench::Measurements> measurements;
  std::vector<std::uint8_t> png;
  std::optional<Crossing> crossing;
};

/// setup, `runs` run_once calls and teardown of one mode at parameter set `set`, on a main isolate.
ModeRun run_mode(ImageCompressScenario& scenario, const bench::ModeSpec& mode, std::size_t set,
                 int runs) {
  return iso::run_main([&]() -> iso::Future<ModeRun> {
    ModeRun run;
    auto runner = scenario.make_image_runner(mode, set);
    (void)co_await runner->setup();
    for (int i = 0; i < runs; ++i) run.measurements.push_back(co_await runner->run_once());
    co_await runner->teardown();
    run.png = runner->last_png();
    run.crossing = runner->last_crossing();
    co_return run;
  });
}

std::unique_ptr<ImageCompressScenario> prepared(ImageSettings settings) {
  auto scenario = std::make_unique<ImageCompressScenario>();
  scenario->settings() = std::move(settings);
  bench::RunSettings run;
  run.seed = kSeed;
  scenario->prepare(run);
  return scenario;
}

const bench::ModeSpec& mode_named(const ImageCompressScenario& scenario, const std::string& name) {
  static std::vector<bench::ModeSpec> modes;
  modes = scenario.modes();
  for (const auto& mode : modes) {
    if (mode.name == name) return mode;
  }
  throw std::invalid_argument(name);
}

std::filesystem::path data(const char* name) {
  return std::filesystem::path(IMAGE_COMPRESS_TEST_DATA) / name;
}

TEST(ImageCompressScenario, DeclaresItsModesInOrderWithMainAsBaseline) {
  ImageCompressScenario scenario;
  std::vector<std::string> names;
  for (const auto& mode : scenario.modes()) names.push_back(mode.name);
  EXPECT_EQ(names, (std::vector<std::string>{"main", "run", "worker", "transfer", "pool"}));
  EXPECT_EQ(scenario.name(), "image-compress");
  EXPECT_NE(scenario.help().find("Examples:"), std::string::npos);
}

TEST(ImageCompressScenario, EveryModeMakesTheSamePngWhichDecodesToTheInputPixels) {
  ImageSettings settings;
  settings.resolutions = parse_resolutions("1x1,3x2,17x9", "--resolution");
  settings.codecs = {Codec::zlib, Codec::libdeflate};
  settings.workers = 2;
  settings.images = 3;
  auto scenario = prepared(settings);
  ASSERT_EQ(scenario->points().size(), 6u);
  for (std::size_t set = 0; set < scenario->points().size(); ++set) {
    const ImagePoint& point = scenario->points()[set];
    const RgbaImage& image = point.workload->image;
    EXPECT_EQ(image.pixels, generate_photo(image.width, image.height, kSeed).pixels);
    for (const auto& mode : scenario->modes()) {
      SCOPED_TRACE(mode.name + " at " + point.label());
      const ModeRun run = run_mode(*scenario, mode, set, 2);  // twice: buffers came back
      EXPECT_EQ(run.png, point.reference->png);
      const RgbaImage decoded = decode_png(run.png, kPlenty);
      EXPECT_EQ(decoded.width, image.width);
      EXPECT_EQ(decoded.height, image.height);
      EXPECT_TRUE(decoded.pixels == image.pixels);
      for (const auto& measured : run.measurements) {
        for (const auto& metric : scenario->metrics()) {
          EXPECT_TRUE(measured.contains(metric.key)) << metric.key;
        }
        EXPECT_EQ(measured.at("raw_bytes"), static_cast<double>(image.raw_bytes()));
        EXPECT_EQ(measured.at("png_bytes"), static_cast<double>(point.reference->png.size()));
      }
    }
  }
}

TEST(ImageCompressScenario, TheWorkersRequestCrossesByCopyAndTheTransfersByTransfer) {
  ImageSettings settings;
  settings.resolutions = parse_resolutions("64x48", "--resolution");
  auto scenario = prepared(settings);
  const std::uint64_t raw = scenario->points()[0].workload->image.raw_bytes();

  const ModeRun worker = run_mode(*scenario, mode_named(*scenario, "worker"), 0, 1);
  ASSERT_TRUE(worker.crossing.has_value());
  EXPECT_FALSE(worker.crossing->sender_buffer_empty_after) << "a copy leaves the sender's pixels";
  const ModeRun transfer = run_mode(*scenario, mode_named(*scenario, "transfer"), 0, 1);
  ASSERT_TRUE(transfer.crossing.has_value());
  EXPECT_TRUE(transfer.crossing->sender_buffer_empty_after) << "a transfer empties the handle";
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "heap accounting is off in this build";
  EXPECT_GE(worker.crossing->bytes_on_receiver, raw);
  EXPECT_LT(transfer.crossing->bytes_on_receiver, raw / 10);
  EXPECT_GE(worker.measurements[0].at("copy_in_bytes"), static_cast<double>(raw));
  EXPECT_LT(transfer.measurements[0].at("copy_in_bytes"), static_cast<double>(raw / 10));
}

TEST(ImageCompressScenario, AnInputPngIsCompressedByEveryModeToItsOwnPixels) {
  ImageSettings settings;
  settings.input = data("photo_rgba.png");
  settings.workers = 1;
  settings.images = 1;
  auto scenario = prepared(settings);
  ASSERT_EQ(scenario->points().size(), 1u);
  const RgbaImage original = decode_png_file(data("photo_rgba.png"), kPlenty);
  EXPECT_EQ(scenario->points()[0].workload->converted_from, "8-bit RGBA");
  for (const auto& mode : scenario->modes()) {
    const ModeRun run = run_mode(*scenario, mode, 0, 1);
    EXPECT_TRUE(decode_png(run.png, kPlenty).pixels == original.pixels) << mode.name;
  }
}

std::string refusal(ImageSettings settings) {
  try {
    prepared(std::move(settings));
  } catch (const bench::SettingsError& error) {
    return error.what();
  }
  return "accepted";
}

TEST(ImageCompressScenario, RefusesSettingsThatCannotBeUsedBeforeAnyWork) {
  ImageSettings zlib_ten;
  zlib_ten.level = 10;
  EXPECT_NE(refusal(zlib_ten).find("--level '10'"), std::string::npos);
  ImageSettings libdeflate_twelve;
  libdeflate_twelve.level = 12;
  libdeflate_twelve.codecs = {Codec::libdeflate};
  libdeflate_twelve.resolutions = parse_resolutions("2x2", "--resolution");
  EXPECT_EQ(refusal(libdeflate_twelve), "accepted");

  ImageSettings both;
  both.input = data("photo_rgba.png");
  both.resolutions = parse_resolutions("720p", "--resolution");
  EXPECT_NE(refusal(both).find("--resolution cannot be combined with --input"), std::string::npos);

  ImageSettings not_png;
  not_png.input = data("photo_rgba.rgba");
  EXPECT_NE(refusal(not_png).find("not a PNG"), std::string::npos);

  ImageSettings huge;
  huge.resolutions = parse_resolutions("65535x65535", "--resolution");
  huge.images = 1000;
  EXPECT_NE(refusal(huge).find("--resolution '65535x65535'"), std::string::npos);
}

TEST(ImageCompressScenario, ResolutionsParseByNameOrSizeAndRefuseDuplicates) {
  const auto parsed = parse_resolutions("720p,1080P,4k,640x480", "--resolution");
  ASSERT_EQ(parsed.size(), 4u);
  EXPECT_EQ(parsed[0].width, 1280u);
  EXPECT_EQ(parsed[1].height, 1080u);
  EXPECT_EQ(parsed[2].name, "4K");
  EXPECT_EQ(parsed[3].name, "640x480");
  for (const char* bad : {"", "1080p,1920x1080", "0x5", "5x", "x5", "70000x2", "12", "1080q",
                          "3x3x3", "-1x4", "720p,,4K"}) {
    EXPECT_THROW(parse_resolutions(bad, "--resolution"), bench::SettingsError) << bad;
  }
}

TEST(ImageCompressScenario, OutputDirHandsOverOneDecodablePngPerImageAndCodecAndWritesNothing) {
  const fs::path dir =
      fs::temp_directory_path() / ("image_compress_out_" + std::to_string(::getpid())) / "made";
  ImageSettings settings;
  settings.resolutions = parse_resolutions("5x3,8x8", "--resolution");
  settings.codecs = {Codec::zlib, Codec::libdeflate};
  settings.output_dir = dir;
  auto scenario = prepared(settings);
  // Setup writes nothing: the files go with the reports, after the run (all or none).
  EXPECT_FALSE(fs::exists(dir.parent_path()));
  const auto files = scenario->output_files(bench::ScenarioResult{});
  ASSERT_EQ(files.size(), 4u);
  std::set<fs::path> paths;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& point = scenario->points().at(i);
    ASSERT_TRUE(point.reference->output.has_value());
    EXPECT_EQ(files[i].path, *point.reference->output);
    EXPECT_EQ(files[i].path.parent_path(), dir);
    EXPECT_EQ(files[i].path.extension(), ".png");
    paths.insert(files[i].path);
    const std::vector<std::uint8_t> bytes(files[i].content.begin(), files[i].content.end());
    EXPECT_TRUE(bytes == point.reference->png);
    EXPECT_TRUE(decode_png(bytes, kPlenty).pixels == point.workload->image.pixels);
  }
  EXPECT_EQ(paths.size(), 4u) << "one file per image and codec";
  EXPECT_FALSE(fs::exists(dir.parent_path()));
}

TEST(ImageCompressScenario, WithoutOutputDirNoFileIsAskedFor) {
  ImageSettings settings;
  settings.resolutions = parse_resolutions("5x3", "--resolution");
  auto scenario = prepared(settings);
  EXPECT_TRUE(scenario->output_files(bench::ScenarioResult{}).empty());
}

TEST(ImageCompressScenario, AFullRunConcludesInSentences) {
  ImageCompressScenario scenario;
  scenario.settings().resolutions = parse_resolutions("32x16", "--resolution");
  scenario.settings().codecs = {Codec::zlib, Codec::libdeflate};
  scenario.settings().workers = 2;
  scenario.settings().images = 2;
  const fs::path dir =
      fs::temp_directory_path() / ("image_compress_run_" + std::to_string(::getpid()));
  scenario.settings().output_dir = dir;
  bench::RunSettings run;
  run.seed = kSeed;
  run.repetitions = 1;
  run.warmups = 0;
  run.display.fps = 1000;
  scenario.prepare(run);
  const bench::ScenarioResult result =
      bench::run_scenario_on_main_isolate(scenario, run, bench::Environment{});
  // The harness collects the PNGs into the result; writing them is the command line's job.
  ASSERT_EQ(result.output_files.size(), 2u);
  EXPECT_EQ(result.output_files[0].path, dir / "image-compress-32x16-zlib-6.png");
  EXPECT_FALSE(fs::exists(dir));
  std::string all;  // under the tables, then with --details, then after the tables
  for (const auto& set : result.parameter_sets) {
    ASSERT_FALSE(set.conclusions.empty());
    EXPECT_NE(set.conclusions.front().find("offload"), std::string::npos)
        << "the first sentence answers whether to offload: " << set.conclusions.front();
    for (const auto& sentence : set.conclusions) all += sentence + "\n";
  }
  for (const auto& set : result.parameter_sets) {
    for (const auto& sentence : set.further_conclusions) all += sentence + "\n";
  }
  for (const auto& sentence : result.conclusions) all += sentence + "\n";
  EXPECT_NE(all.find("Its PNG goes to " + (dir / "image-compress-32x16-zlib-6.png").string() +
                     " with the reports."),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("zlib "), std::string::npos) << all;
  EXPECT_NE(all.find("dropped"), std::string::npos) << all;
  EXPECT_NE(all.find("the offload with the lowest median is"), std::string::npos) << all;
  // One round cannot tell a difference at 95 %: the sentence says so instead of a direction.
  EXPECT_NE(all.find("(against `main`: no clear difference"), std::string::npos) << all;
  EXPECT_NE(all.find("libdeflate deflates in"), std::string::npos) << all;
  EXPECT_NE(all.find("`pool` with 2 workers"), std::string::npos) << all;
}

}  // namespace
}  // namespace image_compress

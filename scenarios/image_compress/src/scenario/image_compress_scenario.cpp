#include "image_compress/scenario/image_compress_scenario.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "bench/harness/mode_table.hpp"
#include "bench/harness/quantities.hpp"
#include "bench/harness/registry.hpp"
#include "bench/harness/result.hpp"
#include "bench/harness/settings_error.hpp"
#include "bench/harness/units.hpp"
#include "bench/harness/writable.hpp"
#include "conclusions.hpp"
#include "image_compress/photo_generator.hpp"
#include "image_compress/png_decoder.hpp"
#include "runners.hpp"
#include "timeline.hpp"

namespace image_compress {
namespace {

/// Copies of an image's pixels alive at once, beyond a pool's requests: the workload, `run`'s
/// and `worker`'s requests and the worker's copies, `transfer`'s buffer, the pool's request.
constexpr std::uint64_t kCopiesOfPixels = 6;
constexpr std::uint32_t kLargestDimension = 65535;
constexpr int kMostWorkers = 64;
constexpr int kMostImages = 1000;
constexpr std::string_view kResolutionForm =
    "720p, 1080p, 4K or WIDTHxHEIGHT (each 1 to 65535), or a comma list such as 720p,1080p,4K";

using MakeRunner = std::unique_ptr<ImageRunner> (*)(const ImagePoint&);

const bench::ModeTable<MakeRunner>& mode_table() {
  static const bench::ModeTable<MakeRunner> table(
      "image-compress",
      {
          {{"main", "compress on the main isolate while frames tick: the jank"}, &make_main_runner},
          {{"run", "a new isolate per image (Isolate::run), pixels copied in, PNG back by exit"},
           &make_run_runner},
          {{"worker",
            "the ImageProcessor: a persistent worker; request (pixels copied) and reply by send"},
           &make_worker_runner},
          {{"transfer", "the same worker, pixels and PNG as TransferableTypedData both ways"},
           &make_transfer_runner},
          {{"pool",
            "--workers persistent workers round-robin on --images requests, vs one of them"},
           &make_pool_runner},
      });
  return table;
}

[[noreturn]] void reject_resolution(std::string_view flag, std::string_view text,
                                    std::string_view problem) {
  throw bench::SettingsError(
      fmt::format("{} '{}': {}; accepted: {}", flag, text, problem, kResolutionForm));
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::uint32_t> parse_dimension(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  if (value < 1 || value > kLargestDimension) return std::nullopt;
  return value;
}

Resolution parse_resolution(std::string_view item, std::string_view flag, std::string_view text) {
  const std::string name = lower(item);
  if (name == "720p") return {1280, 720, "720p"};
  if (name == "1080p") return {1920, 1080, "1080p"};
  if (name == "4k") return {3840, 2160, "4K"};
  const auto x = name.find('x');
  if (x == std::string::npos)
    reject_resolution(flag, text, fmt::format("'{}' is not a resolution", item));
  const auto width = parse_dimension(std::string_view(name).substr(0, x));
  const auto height = parse_dimension(std::string_view(name).substr(x + 1));
  if (!width || !height) {
    reject_resolution(flag, text,
                      fmt::format("'{}' is not WIDTHxHEIGHT with each from 1 to 65535", item));
  }
  return {*width, *height, fmt::format("{}x{}", *width, *height)};
}

std::string describe_image(const RgbaImage& image) {
  return fmt::format("{}x{}, {} bytes RGBA8", image.width, image.height, image.raw_bytes());
}

/// The most RGBA bytes one image may take on this machine, and why.
std::uint64_t largest_image_bytes(int pool_images) {
  const std::uint64_t memory = bench::usable_memory_bytes();
  if (memory == 0) return UINT64_MAX;
  return memory / (kCopiesOfPixels + static_cast<std::uint64_t>(pool_images));
}

std::unique_ptr<ImageWorkload> input_workload(const std::filesystem::path& path,
                                              std::uint64_t max_bytes) {
  auto workload = std::make_unique<ImageWorkload>();
  PngHeader header;
  try {
    workload->image = decode_png_file(path, max_bytes, &header);
  } catch (const PngInputError& error) {
    throw bench::SettingsError(fmt::format(
        "--input '{}': {}; accepted: a readable PNG file (any colour type and depth; 16-bit and "
        "palette images are converted to 8-bit RGBA)",
        path.string(), error.what()));
  }
  workload->name = path.stem().string();
  workload->input = path;
  workload->converted_from = header.converted_from;
  workload->label = fmt::format("input '{}' ({}, from {})", path.string(),
                                describe_image(workload->image), header.converted_from);
  return workload;
}

/// Where --output-dir `dir` asks for the PNG of `workload` encoded with `settings`.
std::filesystem::path png_path(const std::filesystem::path& dir, const ImageWorkload& workload,
                               const PngSettings& settings) {
  return dir / fmt::format("image-compress-{}-{}-{}.png", workload.name, codec_name(settings.codec),
                           settings.level);
}

}  // namespace

std::vector<Resolution> parse_resolutions(std::string_view text, std::string_view flag) {
  std::vector<Resolution> resolutions;
  for (const auto item : bench::split_list(text, flag, kResolutionForm)) {
    Resolution resolution = parse_resolution(item, flag, text);
    for (const auto& earlier : resolutions) {
      if (earlier.width == resolution.width && earlier.height == resolution.height) {
        reject_resolution(flag, text,
                          fmt::format("{}x{} is named twice", resolution.width, resolution.height));
      }
    }
    resolutions.push_back(std::move(resolution));
  }
  return resolutions;
}

std::string ImagePoint::label() const {
  return fmt::format("{}, {} level {}", workload->label, codec_name(png.codec), png.level);
}

std::vector<bench::Parameter> ImagePoint::parameters() const {
  std::vector<bench::Parameter> printed{
      {"width", std::uint64_t{workload->image.width}},
      {"height", std::uint64_t{workload->image.height}},
      {"codec", std::string(codec_name(png.codec))},
      {"level", png.level},
      {"workers", workers},
      {"images", images},
  };
  if (workload->input) printed.emplace_back("input", workload->input->string());
  return printed;
}

ImageCompressScenario::ImageCompressScenario() = default;
ImageCompressScenario::~ImageCompressScenario() = default;

std::string ImageCompressScenario::summary() const {
  return "PNG compression of raw RGBA pixels on the main isolate versus the document's "
         "ImageProcessor worker";
}

std::string ImageCompressScenario::help() const {
  return "What it measures: the document's ImageProcessor, a persistent worker that compresses\n"
         "images while the display keeps its frames. Raw RGBA8 pixels (photo-like, generated from\n"
         "--seed: gradients, noise and hard edges, which PNG compresses a few times) become a\n"
         "real PNG file (row filters None/Sub/Up/Average/Paeth chosen per row, zlib's streaming\n"
         "deflate or libdeflate): on the main isolate (main: the jank), in a new isolate per\n"
         "image (run), in the persistent worker with the pixels copied (worker) or transferred\n"
         "(transfer), and in a pool of workers (pool), measured against one of its workers.\n"
         "Per request: end to end, the main isolate's busy time, copy in, wake-up, compress,\n"
         "deflate, copy out, raw and PNG bytes, ratio, MB/s of raw pixels, images/s, frames\n"
         "dropped and janky at --fps. Every mode's PNG must equal the one encoded before the run.\n"
         "--input FILE.png compresses your own image (decoded to RGBA8 once, before measuring);\n"
         "--output-dir DIR writes the PNGs so you can open them, with the reports: all or none.\n"
         "\n"
         "Examples:\n"
         "  isolate-bench image-compress\n"
         "  isolate-bench image-compress --resolution 720p,1080p,4K --mode main,worker\n"
         "  isolate-bench image-compress --codec zlib,libdeflate --mode worker\n"
         "  isolate-bench image-compress --mode pool --workers 2 --images 8\n"
         "  isolate-bench image-compress --input photo.png --output-dir out\n";
}

std::vector<bench::OptionSpec> ImageCompressScenario::options() {
  const std::string flag_codec = "--codec";
  return {
      {"--resolution",
       "720p|1080p|4K|WxH[,...]",
       "Image sizes to generate from --seed; a comma list sweeps. 720p is 1280x720, 1080p "
       "1920x1080, 4K 3840x2160; WxH any size from 1x1 to 65535x65535 that memory holds",
       "1080p",
       {},
       [this](std::string_view text) {
         settings_.resolutions = parse_resolutions(text, "--resolution");
       }},
      bench::input_file_option("--input", settings_.input,
                               "Compress this PNG file instead of generated pixels, decoded to "
                               "8-bit RGBA once before measuring"),
      {"--codec",
       "zlib|libdeflate[,...]",
       "The deflate implementation: zlib (streaming, row by row) or libdeflate (whole buffer, "
       "faster); a comma list compares them",
       "zlib",
       {},
       [this, flag_codec](std::string_view text) {
         std::vector<Codec> codecs;
         const std::vector<std::string> names{"zlib", "libdeflate"};
         for (const auto& name : bench::parse_name_list(text, flag_codec, names, false)) {
           codecs.push_back(name == "zlib" ? Codec::zlib : Codec::libdeflate);
         }
         settings_.codecs = std::move(codecs);
       }},
      bench::integer_option("--level", settings_.level,
                            "Compression level: 0..9 for zlib, 0..12 for libdeflate (0 stores, "
                            "higher is smaller and slower)",
                            "6", 0, 12),
      bench::integer_option("--workers", settings_.workers,
                            "Persistent workers of the pool mode, 1 to 64", "the number of cores",
                            1, kMostWorkers),
      bench::integer_option("--images", settings_.images,
                            "Requests in each batch of the pool mode, 1 to 1000; the other modes "
                            "compress one image per repetition",
                            "one per worker", 1, kMostImages),
      {"--output-dir",
       "DIR",
       "Write each image's PNG (one per resolution and codec) into this folder, created if "
       "missing, when the reports are written (a failed run writes none); nothing is written "
       "without it",
       "",
       {},
       [this](std::string_view text) {
         if (text.empty()) {
           throw bench::SettingsError("--output-dir '': empty; accepted: a writable folder");
         }
         bench::check_writable_folder(std::filesystem::path(text), "--output-dir");
         settings_.output_dir = std::filesystem::path(text);
       }},
  };
}

std::vector<bench::ModeSpec> ImageCompressScenario::modes() const {
  return mode_table().specs();
}

std::vector<bench::MetricSpec> ImageCompressScenario::metrics() const {
  return compress_metric_specs();
}

std::vector<bench::MetricSpec> ImageCompressScenario::setup_metrics() const {
  return compress_setup_metric_specs();
}

std::vector<bench::ParameterSpec> ImageCompressScenario::parameter_specs() const {
  return {
      {"width", "the image's width in pixels"},
      {"height", "the image's height in pixels"},
      {"codec", "`zlib` or `libdeflate`: the deflate implementation"},
      {"level", "the codec's compression level"},
      {"workers", "the pool mode's persistent workers"},
      {"images", "the pool mode's requests per batch"},
      {"input", "the PNG file's path, with `--input`"},
  };
}

std::vector<ImagePoint> ImageCompressScenario::make_points(const bench::RunSettings& run) {
  workloads_.clear();
  references_.clear();
  seed_ = run.seed;
  const std::vector<Codec> codecs = settings_.codecs.value_or(std::vector<Codec>{Codec::zlib});
  const int level = settings_.level.value_or(6);
  for (const Codec codec : codecs) {
    if (level > max_level(codec)) {
      throw bench::SettingsError(fmt::format(
          "--level '{}': out of range for --codec {}; accepted: 0..9 for zlib, 0..12 for "
          "libdeflate",
          level, codec_name(codec)));
    }
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const int workers =
      settings_.workers.value_or(static_cast<int>(std::min<unsigned>(cores, kMostWorkers)));
  const int images = settings_.images.value_or(workers);
  const std::uint64_t max_bytes = largest_image_bytes(images);
  if (settings_.input) {
    if (settings_.resolutions) {
      throw bench::SettingsError(
          "--resolution cannot be combined with --input; accepted: either --resolution for "
          "generated pixels or --input FILE.png");
    }
    workloads_.push_back(input_workload(*settings_.input, max_bytes));
  } else {
    const auto resolutions =
        settings_.resolutions.value_or(std::vector<Resolution>{{1920, 1080, "1080p"}});
    for (const auto& resolution : resolutions) {
      if (rgba_bytes(resolution.width, resolution.height) > max_bytes) {
        throw bench::SettingsError(fmt::format(
            "--resolution '{}': {}x{} takes {} bytes as RGBA8, held {} times at once (the modes' "
            "copies and {} pool requests), more than this machine's {} bytes; accepted: a "
            "smaller resolution or fewer --images",
            resolution.name, resolution.width, resolution.height,
            rgba_bytes(resolution.width, resolution.height),
            kCopiesOfPixels + static_cast<std::uint64_t>(images), images,
            bench::usable_memory_bytes()));
      }
    }
    for (const auto& resolution : resolutions) {
      auto workload = std::make_unique<ImageWorkload>();
      workload->name = resolution.name;
      workload->image = generate_photo(resolution.width, resolution.height, run.seed);
      workload->label = fmt::format("{} ({})", resolution.name, describe_image(workload->image));
      workloads_.push_back(std::move(workload));
    }
  }
  std::vector<ImagePoint> points;
  for (const auto& workload : workloads_) {
    for (const Codec codec : codecs) {
      const PngSettings png{codec, level};
      auto reference = std::make_unique<ReferencePng>();
      reference->png = encode_png(workload->image, png);
      if (settings_.output_dir) reference->output = png_path(*settings_.output_dir, *workload, png);
      references_.push_back(std::move(reference));
      points.push_back({workload.get(), references_.back().get(), png, workers, images});
    }
  }
  return points;
}

std::unique_ptr<ImageRunner> ImageCompressScenario::make_image_runner(const bench::ModeSpec& mode,
                                                                      std::size_t set) {
  return mode_table().make(mode.name)(points().at(set));
}

std::unique_ptr<bench::ModeRunner> ImageCompressScenario::make_runner_for(
    const bench::ModeSpec& mode, const ImagePoint& point) {
  return mode_table().make(mode.name)(point);
}

bench::Conclusions ImageCompressScenario::conclusions(const bench::ScenarioResult& result) const {
  return image_compress_conclusions(result, points());
}

std::vector<bench::OutputFile> ImageCompressScenario::output_files(
    const bench::ScenarioResult&) const {
  std::vector<bench::OutputFile> files;
  for (const auto& point : points()) {
    if (!point.reference->output) continue;
    const auto& png = point.reference->png;
    files.push_back({*point.reference->output,
                     std::string(reinterpret_cast<const char*>(png.data()), png.size())});
  }
  return files;
}

std::string ImageCompressScenario::workload_format() const {
  return "the generated image of each --resolution as a PNG (lossless: the exact RGBA8 pixels)";
}

std::vector<bench::Workload> ImageCompressScenario::workloads() const {
  std::vector<bench::Workload> files;
  for (const auto& workload : workloads_) {
    if (workload->input) continue;
    const RgbaImage& image = workload->image;
    const auto png = encode_png(image, PngSettings{});
    files.push_back({fmt::format("{}x{}", image.width, image.height),
                     fmt::format("the generated image, {}, --seed {}", workload->label, seed_),
                     std::string(png.begin(), png.end())});
  }
  return files;
}

ISOBENCH_REGISTER_SCENARIO(ImageCompressScenario);

}  // namespace image_compress

#pragma once
// The image-compress scenario: the document's ImageProcessor. Raw RGBA8 pixels are compressed to
// PNG on the main isolate while frames tick, or offloaded; every mode's PNG must be byte for byte
// the one the scenario encoded before the run (same codec and level), or the run fails.
//
// Modes, in this order (the first one chosen is the baseline):
//   main      compress on the main isolate: the jank
//   run       a new isolate per image (Isolate::run's shape), pixels copied in, PNG back by exit
//   worker    the ImageProcessor: one persistent worker spawned in setup; each request is a
//             message holding the pixels (copied) and a reply port; the PNG comes back by send
//   transfer  the same worker, pixels and PNG as TransferableTypedData both ways
//   pool      --workers persistent workers, round-robin (the document's WorkerPool), compressing
//             --images requests at once; measured against the same batch on one of them

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench/harness/scenario.hpp"
#include "image_compress/png_encoder.hpp"
#include "image_compress/rgba_image.hpp"

namespace image_compress {

struct Resolution {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::string name;  ///< as typed, normalized: "1080p", "4K", "640x480"
};

/// The scenario's own settings, as its options set them; an empty optional was not given.
struct ImageSettings {
  std::optional<std::vector<Resolution>> resolutions;  ///< --resolution (default 1080p)
  std::optional<std::filesystem::path> input;          ///< --input: a user's PNG
  std::optional<std::vector<Codec>> codecs;            ///< --codec (default zlib)
  std::optional<int> level;                            ///< --level (default 6)
  std::optional<int> workers;                          ///< --workers (default: the cores)
  std::optional<int> images;                           ///< --images (default: one per worker)
  std::optional<std::filesystem::path> output_dir;     ///< --output-dir
};

/// One image to compress.
struct ImageWorkload {
  std::string name;   ///< "1080p", "640x480", or the --input file's name
  std::string label;  ///< "1080p (1920x1080, 8294400 bytes RGBA8)" or "input 'x.png' (...)"
  RgbaImage image;
  std::optional<std::filesystem::path> input;
  std::string converted_from;  ///< with --input: the file's format, as decoded
};

/// The PNG every mode must produce from an image with one codec and level, encoded once before
/// the run.
struct ReferencePng {
  std::vector<std::uint8_t> png;
  /// Where --output-dir asks for it; the command line writes it with the reports (all or none).
  std::optional<std::filesystem::path> output;
};

/// One parameter set: an image, how it is encoded, and the pool's shape.
struct ImagePoint {
  const ImageWorkload* workload = nullptr;  ///< owned by the scenario, which outlives its sets
  const ReferencePng* reference = nullptr;  ///< owned by the scenario
  PngSettings png;
  int workers = 1;
  int images = 1;

  std::string label() const;
  std::vector<bench::Parameter> parameters() const;
};

/// How the pixels of a request crossed into the isolate that compressed them.
struct Crossing {
  std::uint64_t bytes_on_receiver = 0;     ///< allocated on the receiver's heap by the send
  bool sender_buffer_empty_after = false;  ///< the sender's handle was empty after the send
};

/// A runner that keeps the last PNG it made usable and how its last request crossed (for tests).
class ImageRunner : public bench::ModeRunner {
 public:
  virtual const std::vector<std::uint8_t>& last_png() const = 0;
  /// Empty for the modes where nothing crosses (`main`) or the crossing is a spawn (`run`).
  virtual std::optional<Crossing> last_crossing() const { return std::nullopt; }
};

class ImageCompressScenario final : public bench::ScenarioOf<ImagePoint> {
 public:
  ImageCompressScenario();
  ~ImageCompressScenario() override;

  std::string name() const override { return "image-compress"; }
  std::string summary() const override;
  std::string help() const override;
  std::vector<bench::OptionSpec> options() override;
  std::vector<bench::ModeSpec> modes() const override;
  std::vector<bench::MetricSpec> metrics() const override;
  std::vector<bench::MetricSpec> setup_metrics() const override;
  std::vector<bench::ParameterSpec> parameter_specs() const override;
  bench::Conclusions conclusions(const bench::ScenarioResult& result) const override;
  /// With --output-dir: one PNG per image and codec, the reference every mode matched.
  std::vector<bench::OutputFile> output_files(const bench::ScenarioResult& result) const override;
  std::string workload_format() const override;
  /// The generated images (none with --input) as PNG files, tagged by resolution ("1920x1080").
  std::vector<bench::Workload> workloads() const override;

  /// The settings the options write; tests may set them directly before prepare().
  ImageSettings& settings() { return settings_; }

  /// make_runner() with its concrete type. Throws std::out_of_range for an unknown set,
  /// std::invalid_argument for an unknown mode.
  std::unique_ptr<ImageRunner> make_image_runner(const bench::ModeSpec& mode, std::size_t set);

 protected:
  /// Checks the settings together (SettingsError), makes or decodes the images, encodes each
  /// once (the reference every mode must match) and names where --output-dir asks for it (nothing
  /// is written here: output_files() hands the PNGs over once the run has finished).
  std::vector<ImagePoint> make_points(const bench::RunSettings& settings) override;
  std::unique_ptr<bench::ModeRunner> make_runner_for(const bench::ModeSpec& mode,
                                                     const ImagePoint& point) override;

 private:
  ImageSettings settings_;
  std::vector<std::unique_ptr<ImageWorkload>> workloads_;  // points keep pointers into these
  std::vector<std::unique_ptr<ReferencePng>> references_;
  std::uint64_t seed_ = 0;  // the generated images' --seed
};

/// "720p", "1080p", "4K" or "WxH" in a comma list, none twice. Throws SettingsError naming
/// `flag`.
std::vector<Resolution> parse_resolutions(std::string_view text, std::string_view flag);

}  // namespace image_compress

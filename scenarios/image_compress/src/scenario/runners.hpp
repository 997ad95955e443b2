#pragma once
// The runners of the image-compress modes, one factory per mode, and what they share. Each
// runner compresses its point's image once per run_once() (a batch in `pool`) and checks every
// PNG against the one the scenario encoded before the run.

#include <memory>
#include <string>
#include <vector>

#include "image_compress/scenario/image_compress_scenario.hpp"
#include "timeline.hpp"

namespace image_compress {

class RunnerBase : public ImageRunner {
 public:
  RunnerBase(const ImagePoint& point, std::string mode) : point_(point), mode_(std::move(mode)) {}

  const std::vector<std::uint8_t>& last_png() const final { return last_png_; }

 protected:
  const RgbaImage& image() const { return point_.workload->image; }

  /// Throws std::runtime_error naming the mode when `png` differs from the reference.
  void check(const std::vector<std::uint8_t>& png) const;
  /// check()s `png`, keeps it, sets the sizes in `t` and makes its metrics.
  bench::Measurements finish(CompressTimeline& t, std::vector<std::uint8_t> png);

  const ImagePoint& point_;
  const std::string mode_;

 private:
  std::vector<std::uint8_t> last_png_;
};

std::unique_ptr<ImageRunner> make_main_runner(const ImagePoint& point);
std::unique_ptr<ImageRunner> make_run_runner(const ImagePoint& point);
std::unique_ptr<ImageRunner> make_worker_runner(const ImagePoint& point);
std::unique_ptr<ImageRunner> make_transfer_runner(const ImagePoint& point);
std::unique_ptr<ImageRunner> make_pool_runner(const ImagePoint& point);

}  // namespace image_compress

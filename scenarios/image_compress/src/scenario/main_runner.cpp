// Mode `main`: the compression runs on the main isolate's loop, blocking it (and the frames) for
// as long as it takes: the document's jank.

#include "image_processor.hpp"
#include "runners.hpp"

namespace image_compress {
namespace {

class MainRunner final : public RunnerBase {
 public:
  explicit MainRunner(const ImagePoint& point) : RunnerBase(point, "main") {}

  iso::Future<bench::Measurements> run_once() override {
    CompressTimeline t;
    t.in_hand_ns = steady_now_ns();
    std::vector<std::uint8_t> png =
        encode_measured(image().pixels, image().width, image().height, point_.png, t.far);
    t.usable_ns = steady_now_ns();
    t.main_busy_ns = t.usable_ns - t.in_hand_ns;
    co_return finish(t, std::move(png));
  }
};

}  // namespace

std::unique_ptr<ImageRunner> make_main_runner(const ImagePoint& point) {
  return std::make_unique<MainRunner>(point);
}

}  // namespace image_compress

// Mode `pool`: the document's WorkerPool, --workers ImageProcessors spawned in setup, fed
// --images requests round-robin, all sent before the first reply is awaited so the workers run
// at once. Each repetition first gives the same batch to one of the workers alone, then to all
// of them: the ratio of the two throughputs is what the extra workers bought, measured under the
// same conditions.

#include <algorithm>
#include <utility>

#include "image_processor.hpp"
#include "iso/iso.hpp"
#include "messages.hpp"
#include "runners.hpp"

namespace image_compress {
namespace {

class PoolRunner final : public RunnerBase {
 public:
  explicit PoolRunner(const ImagePoint& point)
      : RunnerBase(point, "pool"), processors_(static_cast<std::size_t>(point.workers)) {}

  iso::Future<bench::Measurements> setup() override {
    request_.pixels = image().pixels;
    request_.width = image().width;
    request_.height = image().height;
    request_.png = point_.png;
    double spawn_ns = 0;
    for (std::size_t i = 0; i < processors_.size(); ++i) {
      spawn_ns += co_await processors_[i].start("image-compress pool worker " + std::to_string(i));
    }
    co_return bench::Measurements{{metric_keys::worker_spawn, spawn_ns}};
  }

  iso::Future<bench::Measurements> run_once() override {
    CompressTimeline alone;
    std::vector<std::uint8_t> png = co_await batch(1, alone);
    CompressTimeline t;
    png = co_await batch(processors_.size(), t);
    t.one_isolate_images_per_s =
        alone.images * 1e9 /
        std::max<double>(1, static_cast<double>(alone.usable_ns - alone.in_hand_ns));
    co_return finish(t, std::move(png));
  }

  iso::Future<void> teardown() override {
    for (auto& processor : processors_) co_await processor.stop();
  }

 private:
  /// --images requests round-robin over the first `workers` processors; fills `t` with the
  /// batch's span and per-image means; returns the last PNG (every one is checked).
  iso::Future<std::vector<std::uint8_t>> batch(std::size_t workers, CompressTimeline& t) {
    const auto images = static_cast<std::size_t>(point_.images);
    std::vector<iso::ReceivePort> replies;
    replies.reserve(images);
    std::vector<std::int64_t> released(images);
    t.images = point_.images;
    t.in_hand_ns = steady_now_ns();
    for (std::size_t i = 0; i < images; ++i) {
      replies.emplace_back("image-compress pool reply");
      request_.reply = replies.back().send_port();
      const iso::SendCost sent = processors_[i % workers].requests().send(request_);
      released[i] = steady_now_ns();
      t.copy_in.copy += sent.copy;
      t.copy_in.bytes += sent.bytes;
    }
    t.main_busy_ns = steady_now_ns() - t.in_hand_ns;
    std::vector<std::uint8_t> png;
    FarSide sum;
    std::int64_t wake_up_sum = 0;
    for (std::size_t i = 0; i < images; ++i) {
      TakenReply reply = co_await take_reply(replies[i], t.main_busy_ns);
      check(reply.png);
      t.usable_ns = std::max(t.usable_ns, reply.usable_ns);
      wake_up_sum += reply.far.entered_ns - released[i];
      sum.encode_ns += reply.far.encode_ns;
      sum.deflate_ns += reply.far.deflate_ns;
      sum.copy_out_ns += reply.far.copy_out_ns;
      png = std::move(reply.png);
    }
    const auto n = static_cast<std::int64_t>(images);
    t.far.encode_ns = sum.encode_ns / n;
    t.far.deflate_ns = sum.deflate_ns / n;
    t.far.copy_out_ns = sum.copy_out_ns / n;
    t.wake_up_ns = wake_up_sum / n;
    t.copy_in.copy /= n;
    t.copy_in.bytes /= images;
    co_return png;
  }

  std::vector<ImageProcessor> processors_;
  CompressRequest request_;
};

}  // namespace

std::unique_ptr<ImageRunner> make_pool_runner(const ImagePoint& point) {
  return std::make_unique<PoolRunner>(point);
}

}  // namespace image_compress

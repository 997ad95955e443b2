// Modes `worker` and `transfer`: the document's ImageProcessor, spawned in setup (its spawn is a
// setup metric, not part of any request), each request a message carrying its own reply port.
//   worker    the request holds the pixels and is copied by SendPort::send on the main isolate;
//             the PNG comes back by send, copied, as in the document's code;
//   transfer  the pixels cross as TransferableTypedData (O(1)); the PNG and the pixels come back
//             the same way, so the next request has its pixels in hand without a copy.

#include <utility>

#include "image_processor.hpp"
#include "iso/iso.hpp"
#include "messages.hpp"
#include "runners.hpp"

namespace image_compress {
namespace {

class WorkerRunner final : public RunnerBase {
 public:
  explicit WorkerRunner(const ImagePoint& point) : RunnerBase(point, "worker") {}

  iso::Future<bench::Measurements> setup() override {
    request_.pixels = image().pixels;  // in hand, in the request that will carry them
    request_.width = image().width;
    request_.height = image().height;
    request_.png = point_.png;
    const double spawn_ns = co_await processor_.start("image-compress worker");
    co_return bench::Measurements{{metric_keys::worker_spawn, spawn_ns}};
  }

  iso::Future<bench::Measurements> run_once() override {
    iso::ReceivePort replies("image-compress worker reply");  // one per request, as compress()
    request_.reply = replies.send_port();
    CompressTimeline t;
    t.in_hand_ns = steady_now_ns();
    t.copy_in = processor_.requests().send(request_);
    const auto released_ns = steady_now_ns();
    crossing_ = Crossing{t.copy_in.bytes, request_.pixels.empty()};
    t.main_busy_ns = released_ns - t.in_hand_ns;
    TakenReply reply = co_await take_reply(replies, t.main_busy_ns);
    t.usable_ns = reply.usable_ns;
    t.far = reply.far;
    t.wake_up_ns = reply.far.entered_ns - released_ns;
    co_return finish(t, std::move(reply.png));
  }

  iso::Future<void> teardown() override { return processor_.stop(); }

  std::optional<Crossing> last_crossing() const override { return crossing_; }

 private:
  CompressRequest request_;
  ImageProcessor processor_;
  std::optional<Crossing> crossing_;
};

class TransferRunner final : public RunnerBase {
 public:
  explicit TransferRunner(const ImagePoint& point) : RunnerBase(point, "transfer") {}

  iso::Future<bench::Measurements> setup() override {
    in_hand_ = image().pixels;
    const double spawn_ns = co_await processor_.start("image-compress transfer worker");
    co_return bench::Measurements{{metric_keys::worker_spawn, spawn_ns}};
  }

  iso::Future<bench::Measurements> run_once() override {
    iso::ReceivePort replies("image-compress transfer reply");
    TransferCompressRequest request;
    request.width = image().width;
    request.height = image().height;
    request.png = point_.png;
    request.reply = replies.send_port();
    CompressTimeline t;
    t.in_hand_ns = steady_now_ns();
    // from_bytes takes the buffer as it is, without a copy: the pixels a decoder or a camera
    // wrote into their own buffer.
    request.pixels = iso::TransferableTypedData::from_bytes(std::move(in_hand_));
    const iso::SendCost sent = processor_.requests().send(request);  // O(1): the buffer moves
    const auto released_ns = steady_now_ns();
    crossing_ = Crossing{sent.bytes, request.pixels.is_empty()};
    t.copy_in = {std::chrono::nanoseconds(released_ns - t.in_hand_ns), sent.bytes};
    t.main_busy_ns = released_ns - t.in_hand_ns;
    TakenReply reply = co_await take_reply(replies, t.main_busy_ns);
    in_hand_ = std::move(reply.pixels);  // back by transfer: no copy
    t.usable_ns = reply.usable_ns;
    t.far = reply.far;
    t.wake_up_ns = reply.far.entered_ns - released_ns;
    co_return finish(t, std::move(reply.png));
  }

  iso::Future<void> teardown() override { return processor_.stop(); }

  std::optional<Crossing> last_crossing() const override { return crossing_; }

 private:
  std::vector<std::uint8_t> in_hand_;
  ImageProcessor processor_;
  std::optional<Crossing> crossing_;
};

}  // namespace

std::unique_ptr<ImageRunner> make_worker_runner(const ImagePoint& point) {
  return std::make_unique<WorkerRunner>(point);
}

std::unique_ptr<ImageRunner> make_transfer_runner(const ImagePoint& point) {
  return std::make_unique<TransferRunner>(point);
}

}  // namespace image_compress

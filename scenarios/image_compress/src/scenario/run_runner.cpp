// Mode `run`: a new isolate per image, Isolate::run's shape (spawn, compress, hand the PNG back
// by exit, end), written with Isolate::spawn and a plain entry function so nothing but the
// declared message crosses: the pixels are copied in with the spawn message.

#include <stdexcept>
#include <utility>

#include "image_processor.hpp"
#include "iso/iso.hpp"
#include "messages.hpp"
#include "runners.hpp"

namespace image_compress {
namespace {

void compress_in_new_isolate(CompressRequest request) {
  CompressReply reply;
  reply.far.entered_ns = steady_now_ns();
  const iso::SendCost cost = iso::Isolate::current().spawn_cost();
  reply.far.copy_in_ns = cost.copy.count();
  reply.far.copy_in_bytes = cost.bytes;
  try {
    reply.png =
        encode_measured(request.pixels, request.width, request.height, request.png, reply.far);
  } catch (const std::exception& error) {
    reply.error = error.what();
  }
  iso::exit(request.reply, std::move(reply));  // handed over, not copied
}

class RunRunner final : public RunnerBase {
 public:
  explicit RunRunner(const ImagePoint& point) : RunnerBase(point, "run") {}

  iso::Future<bench::Measurements> setup() override {
    // The pixels in hand, in the message that will carry them: the spawn copies it, not this.
    request_.pixels = image().pixels;
    request_.width = image().width;
    request_.height = image().height;
    request_.png = point_.png;
    co_return bench::Measurements{};
  }

  iso::Future<bench::Measurements> run_once() override {
    iso::ReceivePort replies("image-compress run reply");
    request_.reply = replies.send_port();
    iso::SpawnOptions options;
    options.debug_name = "image-compress run";
    options.on_exit = replies.send_port();
    options.on_error = replies.send_port();
    CompressTimeline t;
    t.in_hand_ns = steady_now_ns();
    auto spawned = iso::Isolate::spawn(&compress_in_new_isolate, request_, std::move(options));
    const auto released_ns = steady_now_ns();
    t.main_busy_ns = released_ns - t.in_hand_ns;
    (void)co_await std::move(spawned);
    iso::Message message = co_await replies.next();
    t.usable_ns = steady_now_ns();
    if (!message.is<CompressReply>()) {
      throw std::runtime_error(
          message.is<iso::UncaughtError>()
              ? "image-compress: the run isolate failed: " +
                    message.get<iso::UncaughtError>().message
              : std::string("image-compress: the run isolate ended without a PNG"));
    }
    CompressReply reply = message.take<CompressReply>();
    const auto taken_ns = steady_now_ns();
    t.main_busy_ns += taken_ns - t.usable_ns;
    (void)co_await replies.next();  // the exit notification: the isolate has ended
    if (!reply.error.empty()) {
      throw std::runtime_error("image-compress: the run isolate could not compress: " +
                               reply.error);
    }
    t.far = reply.far;
    t.wake_up_ns = reply.far.entered_ns - released_ns;
    t.copy_in = {std::chrono::nanoseconds(reply.far.copy_in_ns), reply.far.copy_in_bytes};
    co_return finish(t, std::move(reply.png));
  }

 private:
  CompressRequest request_;
};

}  // namespace

std::unique_ptr<ImageRunner> make_run_runner(const ImagePoint& point) {
  return std::make_unique<RunRunner>(point);
}

}  // namespace image_compress

#include "image_processor.hpp"

#include <stdexcept>
#include <utility>

#include "iso/iso.hpp"

namespace image_compress {
namespace {

/// Sends `reply`, then what sending it cost (plus `wrap_ns` spent preparing it), so the reply
/// itself is not delayed by its own measurement.
template <class Reply>
void reply_and_note(const iso::SendPort& port, const Reply& reply, std::int64_t wrap_ns = 0) {
  const auto started = steady_now_ns();
  port.send(reply);
  port.send(CopyOutNote{wrap_ns + steady_now_ns() - started});
}

void answer(CompressRequest request, std::int64_t entered_ns) {
  CompressReply reply;
  reply.far.entered_ns = entered_ns;
  try {
    reply.png =
        encode_measured(request.pixels, request.width, request.height, request.png, reply.far);
  } catch (const std::exception& error) {
    reply.error = error.what();
  }
  reply_and_note(request.reply, reply);
}

void answer(TransferCompressRequest request, std::int64_t entered_ns) {
  TransferCompressReply reply;
  reply.far.entered_ns = entered_ns;
  std::vector<std::uint8_t> pixels = request.pixels.materialize();  // O(1): ours now
  std::vector<std::uint8_t> png;
  try {
    png = encode_measured(pixels, request.width, request.height, request.png, reply.far);
  } catch (const std::exception& error) {
    reply.error = error.what();
  }
  const auto started = steady_now_ns();
  reply.png = iso::TransferableTypedData::from_bytes(std::move(png));
  reply.pixels = iso::TransferableTypedData::from_bytes(std::move(pixels));
  reply_and_note(request.reply, reply, steady_now_ns() - started);
}

/// The worker's entry (the document's _workerEntryPoint): hands its port over, then serves
/// requests until it is killed.
iso::Future<void> image_worker(iso::SendPort main_port) {
  iso::ReceivePort requests("image-compress worker requests");
  main_port.send(requests.send_port());
  while (true) {
    iso::Message message = co_await requests.next();
    const std::int64_t entered_ns = steady_now_ns();
    if (message.is<CompressRequest>()) {
      answer(message.take<CompressRequest>(), entered_ns);
    } else if (message.is<TransferCompressRequest>()) {
      answer(message.take<TransferCompressRequest>(), entered_ns);
    }
  }
}

[[noreturn]] void fail(const std::string& error) {
  throw std::runtime_error("image-compress: the worker could not compress: " + error);
}

}  // namespace

std::vector<std::uint8_t> encode_measured(std::span<const std::uint8_t> pixels, std::uint32_t width,
                                          std::uint32_t height, const PngSettings& png,
                                          FarSide& far) {
  EncodeStats stats;
  const auto started = steady_now_ns();
  std::vector<std::uint8_t> encoded = encode_png(pixels, width, height, png, &stats);
  far.encode_ns = steady_now_ns() - started;
  far.deflate_ns = stats.compress_ns;
  return encoded;
}

iso::Future<double> ImageProcessor::start(std::string name) {
  iso::ReceivePort handshake("image-compress worker handshake");
  iso::SpawnOptions options;
  options.debug_name = std::move(name);
  const std::int64_t started = steady_now_ns();
  auto spawned = iso::Isolate::spawn(&image_worker, handshake.send_port(), std::move(options));
  isolate_ = co_await std::move(spawned);
  iso::Message port = co_await handshake.first();
  requests_ = port.take<iso::SendPort>();
  co_return static_cast<double>(steady_now_ns() - started);
}

iso::Future<void> ImageProcessor::stop() {
  if (!isolate_) co_return;
  iso::ReceivePort exited("image-compress worker exit");
  isolate_->add_on_exit_listener(exited.send_port());
  isolate_->kill(iso::KillPriority::immediate);
  (void)co_await exited.first();
  isolate_.reset();
}

iso::Future<TakenReply> take_reply(iso::ReceivePort& replies, std::int64_t& busy_ns) {
  TakenReply taken;
  iso::Message message = co_await replies.next();
  const auto started = steady_now_ns();
  if (message.is<CompressReply>()) {
    CompressReply reply = message.take<CompressReply>();
    if (!reply.error.empty()) fail(reply.error);
    taken.png = std::move(reply.png);
    taken.far = reply.far;
  } else {
    TransferCompressReply reply = message.take<TransferCompressReply>();
    taken.pixels = reply.pixels.materialize();
    if (!reply.error.empty()) fail(reply.error);
    taken.png = reply.png.materialize();
    taken.far = reply.far;
  }
  taken.usable_ns = steady_now_ns();
  busy_ns += taken.usable_ns - started;
  iso::Message note = co_await replies.next();
  taken.far.copy_out_ns = note.take<CopyOutNote>().copy_out_ns;
  co_return taken;
}

}  // namespace image_compress

#pragma once
// The document's ImageProcessor: a persistent worker isolate, spawned once, that compresses every
// request it is sent and answers on the request's reply port. `worker`, `transfer` and each
// worker of `pool` are one of these.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "image_compress/png_encoder.hpp"
#include "iso/future.hpp"
#include "iso/isolate.hpp"
#include "iso/port.hpp"
#include "messages.hpp"

namespace image_compress {

/// Compresses on the calling isolate and fills `far`'s encode and deflate times. What every mode
/// calls, so all of them encode alike.
std::vector<std::uint8_t> encode_measured(std::span<const std::uint8_t> pixels, std::uint32_t width,
                                          std::uint32_t height, const PngSettings& png,
                                          FarSide& far);

class ImageProcessor {
 public:
  /// Spawns the worker and waits for its port; returns the time that took, in nanoseconds.
  iso::Future<double> start(std::string name);

  /// Where requests go: CompressRequest or TransferCompressRequest.
  const iso::SendPort& requests() const { return requests_; }

  /// Kills the worker and waits until it has ended. Nothing when it was never started.
  iso::Future<void> stop();

 private:
  std::optional<iso::Isolate> isolate_;
  iso::SendPort requests_;
};

/// A reply as the main isolate takes it: the PNG, the pixels back (`transfer`), the far side's
/// timings and when the PNG was in hand.
struct TakenReply {
  std::vector<std::uint8_t> png;
  std::vector<std::uint8_t> pixels;
  FarSide far;
  std::int64_t usable_ns = 0;
};

/// Waits for a worker's reply and its CopyOutNote on `replies`. `busy_ns` gets the main
/// isolate's time spent taking them. Throws std::runtime_error when the worker reports an error.
iso::Future<TakenReply> take_reply(iso::ReceivePort& replies, std::int64_t& busy_ns);

}  // namespace image_compress

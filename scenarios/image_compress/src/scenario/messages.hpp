#pragma once
// What crosses between the main isolate and the isolates that compress: the document's
// _CompressRequest (the pixels and a reply port), in its copying and its transferring form, and
// the replies.

#include <cstdint>
#include <string>
#include <vector>

#include "image_compress/png_encoder.hpp"
#include "iso/port.hpp"
#include "iso/sendable.hpp"
#include "iso/transferable.hpp"
#include "timeline.hpp"

namespace image_compress {

ISO_SENDABLE(PngSettings, codec, level);
ISO_SENDABLE(FarSide, entered_ns, encode_ns, deflate_ns, copy_in_ns, copy_in_bytes, copy_out_ns);

/// `run`, `worker`, `pool`: the pixels copied in with the message.
struct CompressRequest {
  std::vector<std::uint8_t> pixels;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  PngSettings png;
  iso::SendPort reply;
};
ISO_SENDABLE(CompressRequest, pixels, width, height, png, reply);

/// `transfer`: the pixels moved in; they come back with the PNG, so the next request has them in
/// hand without a copy.
struct TransferCompressRequest {
  iso::TransferableTypedData pixels;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  PngSettings png;
  iso::SendPort reply;
};
ISO_SENDABLE(TransferCompressRequest, pixels, width, height, png, reply);

/// The PNG, copied back (`worker`, `pool`) or handed back by exit (`run`). A failed compression
/// answers with `error` set and no PNG, so the requester fails instead of waiting.
struct CompressReply {
  std::vector<std::uint8_t> png;
  FarSide far;  ///< without copy_out: the reply's own send is measured after it (FarSideNote)
  std::string error;
};
ISO_SENDABLE(CompressReply, png, far, error);

/// `transfer`'s reply: the PNG and the pixels, both moved.
struct TransferCompressReply {
  iso::TransferableTypedData png;
  iso::TransferableTypedData pixels;
  FarSide far;
  std::string error;
};
ISO_SENDABLE(TransferCompressReply, png, pixels, far, error);

/// Sent right after a worker's reply: what sending the reply cost.
struct CopyOutNote {
  std::int64_t copy_out_ns = 0;
};
ISO_SENDABLE(CopyOutNote, copy_out_ns);

}  // namespace image_compress

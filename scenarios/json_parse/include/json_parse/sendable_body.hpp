#pragma once
// The body as it crosses between isolates: the JSON text with simdjson's padding inside the
// bytes themselves. A copied std::string gets no spare capacity, so a plain string would lose
// its padding on every copy and padded_view() would copy it once more on the receiver. Here the
// padding is part of size(), so every copy (a send, an argument of Isolate::run) arrives ready to
// parse in place. Shared (SharedBody), it crosses as one more reference and is parsed in place
// where the main isolate holds it.

#include <cstddef>
#include <string>

#include "iso/sendable.hpp"
#include "iso/shared.hpp"
#include "json_parse/padded_body.hpp"

namespace json_parse {

struct SendableBody {
  std::string bytes;          ///< the JSON text followed by kJsonPadding bytes of padding
  std::size_t json_size = 0;  ///< length of the JSON text

  /// The JSON text, ready for the decoders. Throws std::invalid_argument when `bytes` is
  /// shorter than json_size + kJsonPadding (a default-constructed or moved-from body).
  PaddedView view() const;
};
ISO_SENDABLE(SendableBody, bytes, json_size);

/// The body as one immutable object the isolates share: sending it, or passing it to
/// Isolate::run, adds a reference and copies nothing (a Dart String since 2.15).
using SharedBody = iso::Shared<SendableBody>;

/// A body holding `json` and its padding, without a copy: `json`'s buffer becomes the body (it
/// grows only when its capacity lacks the padding, as generate_catalog's and read_input_file's
/// never do).
SendableBody take_as_sendable_body(std::string&& json);

}  // namespace json_parse

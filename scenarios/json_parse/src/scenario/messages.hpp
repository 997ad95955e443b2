#pragma once
// What crosses between the main isolate and the isolates that parse: requests, replies and the
// timings measured on the far side.

#include <cstdint>

#include "iso/port.hpp"
#include "iso/sendable.hpp"
#include "iso/transferable.hpp"
#include "json_parse/catalog_parser.hpp"
#include "json_parse/sendable_body.hpp"
#include "timeline.hpp"

namespace json_parse {

/// Measured by the isolate that parsed (steady_clock nanoseconds; costs as SendCost fields).
struct FarSideTimings {
  std::int64_t entered_ns = 0;
  ParseStamps stamps;
  std::int64_t copy_in_ns = 0;  ///< Isolate::current().spawn_cost() (run modes), else 0
  std::uint64_t copy_in_bytes = 0;
  std::int64_t copy_out_ns = 0;  ///< SendPort::send of the products (send modes), else 0
  std::uint64_t copy_out_bytes = 0;
  /// Where the parsed JSON text began in memory: the main isolate's own body when it was
  /// shared, another address when it was copied (CatalogRunner::last_body_address()).
  std::uint64_t body_address = 0;
};
ISO_SENDABLE(FarSideTimings, entered_ns, stamps, copy_in_ns, copy_in_bytes, copy_out_ns,
             copy_out_bytes, body_address);

/// Where `body` begins in memory, as FarSideTimings::body_address.
inline std::uint64_t address_of(const PaddedView& body) {
  return reinterpret_cast<std::uintptr_t>(body.data());
}

/// Fills the far side's instants and its copy-out into `t`. The copy-in is the caller's to fill:
/// the new isolate measures it (run modes), the main isolate's send does (worker modes).
inline void take_far_side(Timeline& t, const FarSideTimings& far) {
  t.entered_ns = far.entered_ns;
  t.decoded_ns = far.stamps.decoded_ns;
  t.parsed_ns = far.stamps.parsed_ns;
  t.copy_out = {std::chrono::nanoseconds(far.copy_out_ns), far.copy_out_bytes};
}

/// What Isolate::run (and compute, built on it) hands back by exit.
struct ParseReply {
  ParsedCatalog catalog;
  FarSideTimings timings;
};
ISO_SENDABLE(ParseReply, catalog, timings);

/// compute()'s one argument: the body shared, as Flutter's compute(parse, body) shares a String.
struct ComputeRequest {
  SharedBody body;
  DecoderKind decoder = DecoderKind::typed;
};
ISO_SENDABLE(ComputeRequest, body, decoder);

/// A request to the persistent worker, carrying its reply port (the document's _CompressRequest)
/// and the body shared. The worker answers on `reply` with the ParsedCatalog, then with its
/// FarSideTimings.
struct ParseRequest {
  SharedBody body;
  DecoderKind decoder = DecoderKind::typed;
  iso::SendPort reply;
};
ISO_SENDABLE(ParseRequest, body, decoder, reply);

/// The same with the body as TransferableTypedData (bytes including the padding).
struct TransferParseRequest {
  iso::TransferableTypedData body;
  std::uint64_t json_size = 0;
  DecoderKind decoder = DecoderKind::typed;
  iso::SendPort reply;
};
ISO_SENDABLE(TransferParseRequest, body, json_size, decoder, reply);

}  // namespace json_parse

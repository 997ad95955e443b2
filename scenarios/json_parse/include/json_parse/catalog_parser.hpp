#pragma once
// One parse of a body into what the app uses, with either decoder, timed in its steps: the
// work every json-parse mode does, wherever it runs.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iso/sendable.hpp"
#include "iso/value.hpp"
#include "json_parse/padded_body.hpp"
#include "json_parse/product.hpp"

namespace json_parse {

enum class DecoderKind : std::uint8_t {
  typed,    ///< simdjson On-Demand straight into products
  dynamic,  ///< simdjson DOM into an iso::Value tree (Dart's jsonDecode), then mapped
};

/// "typed" or "dynamic".
std::string_view to_string(DecoderKind kind) noexcept;

/// What a parse hands to the app: the products, or for a document that is not a product list
/// (a user's --input of another shape) the decoded tree itself.
struct ParsedCatalog {
  std::vector<Product> products;
  bool mapped = false;                 ///< true: `products` holds the whole list
  std::optional<iso::Value> document;  ///< the decoded tree, only when !mapped
  std::string skipped_reason;          ///< why the mapping was skipped, only when !mapped
};
ISO_SENDABLE(ParsedCatalog, products, mapped, document, skipped_reason);

/// steady_clock instants (nanoseconds since its epoch) of one parse.
struct ParseStamps {
  std::int64_t started_ns = 0;
  std::int64_t decoded_ns = 0;  ///< the dynamic tree is built; equal to parsed_ns for typed
  std::int64_t parsed_ns = 0;   ///< the result is complete (the dynamic tree already released)
};
ISO_SENDABLE(ParseStamps, started_ns, decoded_ns, parsed_ns);

/// steady_clock now, in nanoseconds since its epoch: comparable between isolates (one process).
std::int64_t steady_now_ns() noexcept;

/// Parses `body` with `kind`, recording the steps in `stamps`.
/// typed: the products, or DecodeError as TypedDecoder::decode throws it (also for a
/// document that is not a product list).
/// dynamic: the tree is mapped to products and released; a document that is not a product
/// list is kept as the result instead (mapped == false). Throws DecodeError as
/// DynamicDecoder::decode does for text that is not JSON.
/// Each parse allocates its parser's buffers and frees them as soon as it is done with them
/// (the DOM before the mapping starts): between parses an isolate holds no parser memory, as
/// jsonDecode keeps no scratch between calls. simdjson sizes them to the body, about 14 bytes
/// per body byte of address space of which the parse touches a few; kept warm on the main
/// isolate and in each worker they were most of a run's peak memory.
ParsedCatalog parse_catalog(PaddedView body, DecoderKind kind, ParseStamps& stamps);

}  // namespace json_parse

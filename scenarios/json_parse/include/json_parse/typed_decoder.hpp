#pragma once
// The typed decoder: simdjson On-Demand straight into std::vector<Product>, no intermediate
// tree — the fast way to do the document's `Product.fromJson`.

#include <memory>
#include <vector>

#include "json_parse/padded_body.hpp"
#include "json_parse/product.hpp"

namespace json_parse {

class TypedDecoder {
 public:
  TypedDecoder();
  ~TypedDecoder();
  TypedDecoder(TypedDecoder&&) noexcept;
  TypedDecoder& operator=(TypedDecoder&&) noexcept;

  /// Decodes a JSON array of product objects. The decoder keeps its parser buffers between
  /// calls, so reusing one decoder avoids reallocating them. The body is read in place (no
  /// copy). Accepts exactly what DynamicDecoder + map_products accept and returns equal
  /// products: unknown keys are ignored, "rating" may be null or absent, a repeated key keeps
  /// its first value.
  /// Throws DecodeError: invalid_utf8 / truncated / malformed / empty with the byte offset of
  /// the fault; not_a_product (offset where known) when the JSON is valid but not a list of
  /// products; too_large beyond 4 GiB.
  std::vector<Product> decode(PaddedView body);

 private:
  struct Parser;
  std::unique_ptr<Parser> parser_;
};

/// One-shot form with a fresh parser (allocates the parser's buffers on each call).
std::vector<Product> decode_typed(PaddedView body);

}  // namespace json_parse

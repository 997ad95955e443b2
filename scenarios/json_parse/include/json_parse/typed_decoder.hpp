#pragma once
// The typed decoder: simdjson On-Demand straight into std::vector<Product>, no intermediate
// tree — the fast way to do the document's `Product.fromJson`.

#include <memory>
#include <string>
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

/// How many elements the document's top-level list holds, counted without building them (the
/// parser's structural index is all it allocates). Throws DecodeError as decode() does for
/// text that is not JSON, and not_a_product when the document is not a list. It does not check
/// the elements: decode() may still reject one.
std::size_t count_list_elements(PaddedView body);

/// simdjson's version and the kernels the decoders run here, for the report's environment:
/// "3.0.1, On-Demand navigation built for fallback; stage 1, strings and DOM chosen at run time:
/// icelake". On-Demand's navigation and number parsing are compiled for the build's baseline
/// target (simdjson's builtin implementation); stage 1, string unescaping and the DOM parser
/// are dispatched at run time to the best kernel this CPU has. They are most of the typed
/// decode's time: an AVX2 build of the navigation (a second copy of the decoder compiled for
/// simdjson's haswell target) measured no faster on the 2 MB catalog, 1.86-1.90 ms against
/// 1.80-1.84 ms.
std::string describe_json_kernels();

}  // namespace json_parse

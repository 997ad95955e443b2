#pragma once
// The dynamic decoder: what Dart's jsonDecode does — simdjson DOM into an iso::Value tree of
// null/bool/int/double/string/list/map (insertion order kept). Mapping the tree to products
// is a separate step (product_mapping.hpp), as in the document's code.

#include <memory>

#include "iso/value.hpp"
#include "json_parse/padded_body.hpp"

namespace json_parse {

class DynamicDecoder {
 public:
  DynamicDecoder();
  ~DynamicDecoder();
  DynamicDecoder(DynamicDecoder&&) noexcept;
  DynamicDecoder& operator=(DynamicDecoder&&) noexcept;

  /// Decodes any JSON document. Integers that fit int64 become ints, larger ones and every
  /// number with a fraction or exponent become doubles; a repeated object key appears twice
  /// in the map (Value::find returns the first). The decoder keeps its parser buffers between
  /// calls. Throws DecodeError: empty, invalid_utf8, truncated, malformed (nesting deeper than
  /// 1024, numbers simdjson cannot represent) with the byte offset of the fault when it can be
  /// located; too_large beyond 4 GiB.
  iso::Value decode(PaddedView body);

 private:
  struct Parser;
  std::unique_ptr<Parser> parser_;
};

/// One-shot form with a fresh parser.
iso::Value decode_dynamic(PaddedView body);

}  // namespace json_parse

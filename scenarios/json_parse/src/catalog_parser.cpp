#include "json_parse/catalog_parser.hpp"

#include <chrono>
#include <utility>

#include "json_parse/dynamic_decoder.hpp"
#include "json_parse/product_mapping.hpp"
#include "json_parse/typed_decoder.hpp"

namespace json_parse {

std::string_view to_string(DecoderKind kind) noexcept {
  return kind == DecoderKind::typed ? "typed" : "dynamic";
}

std::int64_t steady_now_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

ParsedCatalog parse_catalog(PaddedView body, DecoderKind kind, ParseStamps& stamps) {
  ParsedCatalog result;
  stamps.started_ns = steady_now_ns();
  if (kind == DecoderKind::typed) {
    result.products = decode_typed(body);
    result.mapped = true;
    stamps.decoded_ns = stamps.parsed_ns = steady_now_ns();
    return result;
  }
  {
    iso::Value tree = decode_dynamic(body);  // the DOM is freed on return
    stamps.decoded_ns = steady_now_ns();
    MappingOutcome outcome = try_take_products(tree);
    result.mapped = outcome.mapped;
    result.products = std::move(outcome.products);
    if (!outcome.mapped) {
      result.document = std::move(tree);
      result.skipped_reason = std::move(outcome.skipped_reason);
    }
  }  // the tree is released here, inside the mapping step, as the app would drop it
  stamps.parsed_ns = steady_now_ns();
  return result;
}

}  // namespace json_parse

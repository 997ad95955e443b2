#pragma once
// A deterministic product catalog: the 2 MB body the document's app fetches, at any size.

#include <cstddef>
#include <cstdint>
#include <string>

namespace json_parse {

/// Smallest accepted target: "[]".
inline constexpr std::size_t kMinimumCatalogBytes = 2;

/// A compact JSON array of product objects (see product.hpp for the fields) that is exactly
/// `target_bytes` long: products are added while they fit, then the last product's description
/// is lengthened to fill the rest. A target too small for one product (below about 1000 bytes
/// some seeds' first product does not fit) yields an empty array padded with spaces.
/// The same (target_bytes, seed) gives the same bytes on every platform and standard library.
/// The text is valid UTF-8 with non-ASCII names and words (é, ü, 日本, emoji) and JSON escapes
/// (\" \\ \n \t \/ \uXXXX, surrogate pairs); prices, ratings and sizes are sometimes integers
/// and sometimes decimals; some ratings are null.
/// The returned string's capacity is at least size() + kJsonPadding, so padded_view() on it
/// never copies. Throws std::invalid_argument when target_bytes < kMinimumCatalogBytes, and
/// std::bad_alloc when the memory is not there.
std::string generate_catalog(std::size_t target_bytes, std::uint64_t seed);

}  // namespace json_parse

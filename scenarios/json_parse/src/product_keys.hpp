#pragma once
// The keys of a product object and of its "dimensions", numbered: both decoders find a
// product's fields in one pass over its keys and check them in this order.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace json_parse::detail {

enum ProductKey : std::uint8_t {
  kId,
  kSku,
  kName,
  kDescription,
  kPrice,
  kCurrency,
  kTags,
  kRating,
  kReviewCount,
  kStock,
  kAvailability,
  kFeatured,
  kImages,
  kDimensions,
  kProductKeyCount
};
inline constexpr std::array<std::string_view, kProductKeyCount> kProductKeys = {
    "id",     "sku",          "name",  "description",  "price",    "currency", "tags",
    "rating", "review_count", "stock", "availability", "featured", "images",   "dimensions"};
/// Every key but "rating", which may be absent.
inline constexpr std::uint32_t kRequiredProductKeys =
    ((1u << kProductKeyCount) - 1) & ~(1u << kRating);

/// The ProductKey of an (unescaped) key; kProductKeyCount for a key the product ignores.
std::size_t product_key(std::string_view key) noexcept;

enum DimensionKey : std::uint8_t { kWidth, kHeight, kDepth, kWeight, kDimensionKeyCount };
inline constexpr std::array<std::string_view, kDimensionKeyCount> kDimensionKeys = {
    "width_cm", "height_cm", "depth_cm", "weight_kg"};
inline constexpr std::uint32_t kRequiredDimensionKeys = (1u << kDimensionKeyCount) - 1;

/// The DimensionKey of an (unescaped) key; kDimensionKeyCount for any other.
std::size_t dimension_key(std::string_view key) noexcept;

}  // namespace json_parse::detail

#pragma once
// Product: the document's `Product.fromJson` target — one catalog entry with mixed types and
// some nesting. A plain copyable struct of strings, vectors, numbers, an enum and an optional,
// so a std::vector<Product> can cross between isolates by copy.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iso/sendable.hpp"

namespace iso {
class Value;
}

namespace json_parse {

enum class Availability : std::uint8_t { in_stock, low_stock, backorder, preorder, discontinued };

/// The JSON spelling of an availability ("in_stock", ...).
std::string_view to_string(Availability availability) noexcept;
/// Parses the JSON spelling; std::nullopt for any other text.
std::optional<Availability> parse_availability(std::string_view text) noexcept;

struct Dimensions {
  double width_cm = 0;
  double height_cm = 0;
  double depth_cm = 0;
  double weight_kg = 0;

  bool operator==(const Dimensions&) const = default;
};
ISO_SENDABLE(Dimensions, width_cm, height_cm, depth_cm, weight_kg);

struct Product {
  std::int64_t id = 0;
  std::string sku;
  std::string name;
  std::string description;
  double price = 0;  ///< JSON may spell it as an integer ("25") or a decimal ("25.99")
  std::string currency;
  std::vector<std::string> tags;
  std::optional<double> rating;  ///< JSON null (or absent) when the product has no reviews yet
  std::int64_t review_count = 0;
  std::int64_t stock = 0;
  Availability availability = Availability::in_stock;
  bool featured = false;
  std::vector<std::string> image_urls;  ///< JSON key "images"
  Dimensions dimensions;

  /// The document's Product.fromJson: maps one decoded JSON object to a Product. Keys the
  /// product does not know are ignored; "rating" may be null or absent. Throws
  /// json_parse::DecodeError (problem not_a_product) naming the key when the value is not a
  /// map, a required key is missing, or a value has the wrong kind (an int where a double is
  /// expected is accepted, as Dart's `(j['price'] as num).toDouble()`; a double where an int is
  /// expected is not).
  static Product from_value(const iso::Value& json);

  bool operator==(const Product&) const = default;
};
ISO_SENDABLE(Product, id, sku, name, description, price, currency, tags, rating, review_count,
             stock, availability, featured, image_urls, dimensions);

/// JSON-like text, for test failure messages.
std::ostream& operator<<(std::ostream& out, const Product& product);

}  // namespace json_parse

#include "json_parse/product.hpp"

#include <array>
#include <ostream>

namespace json_parse {

namespace {

constexpr std::array<std::string_view, 5> kAvailabilityNames = {
    "in_stock", "low_stock", "backorder", "preorder", "discontinued"};

void print_strings(std::ostream& out, const std::vector<std::string>& strings) {
  out << '[';
  for (std::size_t i = 0; i < strings.size(); ++i) out << (i ? ", \"" : "\"") << strings[i] << '"';
  out << ']';
}

}  // namespace

std::string_view to_string(Availability availability) noexcept {
  return kAvailabilityNames[static_cast<std::size_t>(availability)];
}

std::optional<Availability> parse_availability(std::string_view text) noexcept {
  for (std::size_t i = 0; i < kAvailabilityNames.size(); ++i) {
    if (kAvailabilityNames[i] == text) return static_cast<Availability>(i);
  }
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, const Product& p) {
  out << "{id: " << p.id << ", sku: \"" << p.sku << "\", name: \"" << p.name
      << "\", description: \"" << p.description << "\", price: " << p.price << ", currency: \""
      << p.currency << "\", tags: ";
  print_strings(out, p.tags);
  out << ", rating: ";
  if (p.rating) {
    out << *p.rating;
  } else {
    out << "null";
  }
  out << ", review_count: " << p.review_count << ", stock: " << p.stock
      << ", availability: " << to_string(p.availability)
      << ", featured: " << (p.featured ? "true" : "false") << ", images: ";
  print_strings(out, p.image_urls);
  const Dimensions& d = p.dimensions;
  return out << ", dimensions: {" << d.width_cm << ", " << d.height_cm << ", " << d.depth_cm << ", "
             << d.weight_kg << "}}";
}

}  // namespace json_parse

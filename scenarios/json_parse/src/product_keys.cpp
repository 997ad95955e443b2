#include "product_keys.hpp"

namespace json_parse::detail {

std::size_t product_key(std::string_view key) noexcept {
  // By length first: one comparison, two at most, per key.
  switch (key.size()) {
    case 2:
      return key == "id" ? kId : kProductKeyCount;
    case 3:
      return key == "sku" ? kSku : kProductKeyCount;
    case 4:
      return key == "name" ? kName : key == "tags" ? kTags : kProductKeyCount;
    case 5:
      return key == "price" ? kPrice : key == "stock" ? kStock : kProductKeyCount;
    case 6:
      return key == "rating" ? kRating : key == "images" ? kImages : kProductKeyCount;
    case 8:
      return key == "currency" ? kCurrency : key == "featured" ? kFeatured : kProductKeyCount;
    case 10:
      return key == "dimensions" ? kDimensions : kProductKeyCount;
    case 11:
      return key == "description" ? kDescription : kProductKeyCount;
    case 12:
      return key == "review_count"   ? kReviewCount
             : key == "availability" ? kAvailability
                                     : kProductKeyCount;
    default:
      return kProductKeyCount;  // unknown: ignored, as Product.fromJson ignores it
  }
}

std::size_t dimension_key(std::string_view key) noexcept {
  switch (key.size()) {
    case 8:
      return key == "width_cm" ? kWidth : key == "depth_cm" ? kDepth : kDimensionKeyCount;
    case 9:
      return key == "height_cm" ? kHeight : key == "weight_kg" ? kWeight : kDimensionKeyCount;
    default:
      return kDimensionKeyCount;
  }
}

}  // namespace json_parse::detail

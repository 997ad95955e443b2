#include "json_parse/typed_decoder.hpp"

#include <simdjson.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

#include "iso/heap.hpp"
#include "product_keys.hpp"
#include "simdjson_failure.hpp"

namespace json_parse {

namespace {

namespace ondemand = simdjson::ondemand;
using namespace detail;  // the product keys

// True when a raw key (the bytes after its opening quote) is exactly `literal`. Reading past
// a shorter key stays inside the padded buffer.
template <std::size_t N>
bool raw_key_is(const char* raw, const char (&literal)[N]) {
  return std::memcmp(raw, literal, N - 1) == 0 && raw[N - 1] == '"';
}

// The product keys matched on the raw bytes: no unescaping call per key. A key that does not
// match raw may still be a product key spelled with escapes; the caller unescapes those.
std::size_t raw_product_key(const char* raw) {
  switch (raw[0]) {
    case 'i':
      return raw_key_is(raw, "id") ? kId : raw_key_is(raw, "images") ? kImages : kProductKeyCount;
    case 's':
      return raw_key_is(raw, "sku") ? kSku : raw_key_is(raw, "stock") ? kStock : kProductKeyCount;
    case 'n':
      return raw_key_is(raw, "name") ? kName : kProductKeyCount;
    case 'd':
      return raw_key_is(raw, "description")  ? kDescription
             : raw_key_is(raw, "dimensions") ? kDimensions
                                             : kProductKeyCount;
    case 'p':
      return raw_key_is(raw, "price") ? kPrice : kProductKeyCount;
    case 'c':
      return raw_key_is(raw, "currency") ? kCurrency : kProductKeyCount;
    case 't':
      return raw_key_is(raw, "tags") ? kTags : kProductKeyCount;
    case 'r':
      return raw_key_is(raw, "rating")         ? kRating
             : raw_key_is(raw, "review_count") ? kReviewCount
                                               : kProductKeyCount;
    case 'a':
      return raw_key_is(raw, "availability") ? kAvailability : kProductKeyCount;
    case 'f':
      return raw_key_is(raw, "featured") ? kFeatured : kProductKeyCount;
    default:
      return kProductKeyCount;
  }
}

std::size_t raw_dimension_key(const char* raw) {
  switch (raw[0]) {
    case 'w':
      return raw_key_is(raw, "width_cm")    ? kWidth
             : raw_key_is(raw, "weight_kg") ? kWeight
                                            : kDimensionKeyCount;
    case 'h':
      return raw_key_is(raw, "height_cm") ? kHeight : kDimensionKeyCount;
    case 'd':
      return raw_key_is(raw, "depth_cm") ? kDepth : kDimensionKeyCount;
    default:
      return kDimensionKeyCount;
  }
}

// Raised inside the decode loop, turned into a DecodeError (with the location) at the top.
struct Failure {
  simdjson::error_code code;
  std::string detail;
};

template <class T>
T take(simdjson::simdjson_result<T>&& result, std::string_view key, const char* expected) {
  T value;
  if (const simdjson::error_code error = std::move(result).get(value)) {
    throw Failure{error, "key \"" + std::string(key) + "\" should be " + expected};
  }
  return value;
}

template <class T>
T take(simdjson::simdjson_result<T>&& result, const char* detail) {
  T value;
  if (const simdjson::error_code error = std::move(result).get(value)) throw Failure{error, detail};
  return value;
}

void read_strings(ondemand::value value, std::string_view key, std::vector<std::string>& out) {
  constexpr const char* kExpected = "a list of strings";
  ondemand::array array = take(value.get_array(), key, kExpected);
  // Room for the usual handful at once; counting first (count_elements) cost more than it saved.
  out.reserve(4);
  for (auto item : array) out.emplace_back(take(item.get_string(), key, kExpected));
}

void read_dimensions(ondemand::value value, Dimensions& dimensions) {
  ondemand::object object = take(value.get_object(), "dimensions", "a map");
  std::uint32_t seen = 0;
  for (auto field : object) {
    std::size_t index = raw_dimension_key(field.key().raw());
    if (index == kDimensionKeyCount) {
      index = dimension_key(take(field.unescaped_key(), "dimensions", "a map"));
    }
    const std::string_view key = kDimensionKeys[index < kDimensionKeyCount ? index : 0];
    if (index == kDimensionKeyCount || (seen & (1u << index))) continue;
    seen |= 1u << index;
    const double number = take(field.value().get_double(), key, "a number");
    switch (index) {
      case kWidth:
        dimensions.width_cm = number;
        break;
      case kHeight:
        dimensions.height_cm = number;
        break;
      case kDepth:
        dimensions.depth_cm = number;
        break;
      default:
        dimensions.weight_kg = number;
        break;
    }
  }
  if (const std::uint32_t missing = kRequiredDimensionKeys & ~seen) {
    throw Failure{simdjson::NO_SUCH_FIELD,
                  "missing key \"" + std::string(kDimensionKeys[std::countr_zero(missing)]) + "\""};
  }
}

void read_product(ondemand::object object, Product& product) {
  std::uint32_t seen = 0;
  for (auto field : object) {
    std::size_t index = raw_product_key(field.key().raw());
    if (index == kProductKeyCount)
      index = product_key(take(field.unescaped_key(), "an object key"));
    const std::string_view key = kProductKeys[index < kProductKeyCount ? index : 0];
    if (index == kProductKeyCount || (seen & (1u << index))) continue;
    seen |= 1u << index;
    ondemand::value value = take(field.value(), key, "a value");
    switch (index) {
      case kId:
        product.id = take(value.get_int64(), key, "an int");
        break;
      case kSku:
        product.sku = take(value.get_string(), key, "a string");
        break;
      case kName:
        product.name = take(value.get_string(), key, "a string");
        break;
      case kDescription:
        product.description = take(value.get_string(), key, "a string");
        break;
      case kPrice:
        product.price = take(value.get_double(), key, "a number");
        break;
      case kCurrency:
        product.currency = take(value.get_string(), key, "a string");
        break;
      case kTags:
        read_strings(value, key, product.tags);
        break;
      case kRating:
        if (!take(value.is_null(), key, "a number or null")) {
          product.rating = take(value.get_double(), key, "a number or null");
        }
        break;
      case kReviewCount:
        product.review_count = take(value.get_int64(), key, "an int");
        break;
      case kStock:
        product.stock = take(value.get_int64(), key, "an int");
        break;
      case kAvailability: {
        const std::string_view text = take(value.get_string(), key, "a string");
        const std::optional<Availability> availability = parse_availability(text);
        if (!availability) {
          throw Failure{simdjson::INCORRECT_TYPE,
                        "key \"availability\" has unknown value \"" + std::string(text) + "\""};
        }
        product.availability = *availability;
        break;
      }
      case kFeatured:
        product.featured = take(value.get_bool(), key, "a bool");
        break;
      case kImages:
        read_strings(value, key, product.image_urls);
        break;
      default:
        read_dimensions(value, product.dimensions);
        break;
    }
  }
  if (const std::uint32_t missing = kRequiredProductKeys & ~seen) {
    throw Failure{simdjson::NO_SUCH_FIELD,
                  "missing key \"" + std::string(kProductKeys[std::countr_zero(missing)]) + "\""};
  }
}

}  // namespace

struct TypedDecoder::Parser {
  ondemand::parser on_demand;
};

TypedDecoder::TypedDecoder() : parser_(std::make_unique<Parser>()) {}
TypedDecoder::~TypedDecoder() = default;
TypedDecoder::TypedDecoder(TypedDecoder&&) noexcept = default;
TypedDecoder& TypedDecoder::operator=(TypedDecoder&&) noexcept = default;

std::string describe_json_kernels() {
  return std::to_string(simdjson::SIMDJSON_VERSION_MAJOR) + "." +
         std::to_string(simdjson::SIMDJSON_VERSION_MINOR) + "." +
         std::to_string(simdjson::SIMDJSON_VERSION_REVISION) + ", On-Demand navigation built for " +
         simdjson::builtin_implementation()->name() +
         "; stage 1, strings and DOM chosen at run time: " +
         simdjson::get_active_implementation()->name();
}

std::vector<Product> TypedDecoder::decode(PaddedView body) {
  const simdjson::padded_string_view input(body.data(), body.size(), body.capacity());
  ondemand::document document;
  if (const auto error = parser_->on_demand.iterate(input).get(document)) {
    detail::throw_decode_error(error, body.text());
  }
  std::vector<Product> products;
  std::size_t element = 0;
  const iso::NewSpaceScope new_space;  // the products' strings and lists, as Dart allocates them
  try {
    ondemand::array array = take(document.get_array(), "the document should be a list");
    // A product object is rarely under 512 bytes, so this usually avoids every regrowth (each
    // one moves all products so far); count_elements() would skim the whole body first.
    products.reserve(body.size() / 512);
    for (auto item : array) {
      ondemand::object object = take(item.get_object(), "a product should be a map");
      read_product(object, products.emplace_back());
      ++element;
    }
    // On-Demand stops at the end of the list; anything after it is an error, as in the DOM.
    const char* rest = nullptr;
    if (document.current_location().get(rest) == simdjson::SUCCESS) {
      throw Failure{simdjson::TRAILING_CONTENT, "content after the list"};
    }
  } catch (Failure& failure) {
    // The error outlives the products: made in the region, it would keep them all.
    const iso::OutsideNewSpace outside;
    std::optional<std::size_t> location;
    const char* at = nullptr;
    if (document.current_location().get(at) == simdjson::SUCCESS) {
      location = static_cast<std::size_t>(at - body.data());
    }
    if (failure.detail.rfind("the document", 0) != 0) {
      failure.detail = "element " + std::to_string(element) + ": " + failure.detail;
    }
    detail::throw_decode_error(failure.code, body.text(), location, failure.detail);
  }
  return products;
}

std::size_t count_list_elements(PaddedView body) {
  const simdjson::padded_string_view input(body.data(), body.size(), body.capacity());
  ondemand::parser parser;
  ondemand::document document;
  if (const auto error = parser.iterate(input).get(document)) {
    detail::throw_decode_error(error, body.text());
  }
  ondemand::array array;
  if (const auto error = document.get_array().get(array)) {
    detail::throw_decode_error(error, body.text(), std::nullopt, "the document should be a list");
  }
  std::size_t count = 0;
  if (const auto error = array.count_elements().get(count)) {
    detail::throw_decode_error(error, body.text());
  }
  return count;
}

std::vector<Product> decode_typed(PaddedView body) {
  return TypedDecoder().decode(body);
}

}  // namespace json_parse

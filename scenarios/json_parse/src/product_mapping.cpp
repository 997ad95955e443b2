#include "json_parse/product_mapping.hpp"

#include <array>
#include <type_traits>
#include <utility>

#include "iso/heap.hpp"
#include "json_parse/errors.hpp"
#include "product_keys.hpp"

namespace json_parse {

namespace {

using namespace detail;  // the product keys

[[noreturn]] void reject(std::string detail) {
  const iso::OutsideNewSpace outside;  // an error outlives the mapping's region (see mapped)
  throw DecodeError(JsonProblem::not_a_product, std::nullopt, detail);
}

[[noreturn]] void wrong_kind(std::string_view key, const char* expected, const iso::Value& got) {
  reject("key \"" + std::string(key) + "\" should be " + expected + ", not " +
         kind_name(got.kind()));
}

// `Json` is `const iso::Value` (the tree stays as it is: strings are copied out) or `iso::Value`
// (the tree is about to be dropped: strings are moved out, no allocation or copy per string).

/// A product's values by ProductKey, found in one pass over its keys; the first of a repeated
/// key, as iso::Value::find.
template <class Json>
using ProductSlots = std::array<Json*, kProductKeyCount>;

template <class Json>
ProductSlots<Json> product_slots(Json& object) {
  ProductSlots<Json> slots{};
  for (auto& entry : object.as_map()) {
    const std::size_t index = product_key(entry.first);
    if (index < kProductKeyCount && slots[index] == nullptr) slots[index] = &entry.second;
  }
  return slots;
}

template <class Json>
Json& required(const ProductSlots<Json>& slots, ProductKey key) {
  if (slots[key] == nullptr) reject("missing key \"" + std::string(kProductKeys[key]) + "\"");
  return *slots[key];
}

const iso::Value& checked_string(const iso::Value& value, std::string_view key) {
  if (!value.is_string()) wrong_kind(key, "a string", value);
  return value;
}

std::int64_t int_of(const iso::Value& value, std::string_view key) {
  if (!value.is_int()) wrong_kind(key, "an int", value);
  return value.as_int();
}

double number_of(const iso::Value& value, std::string_view key) {
  if (!value.is_number()) wrong_kind(key, "a number", value);
  return value.as_double();
}

bool bool_of(const iso::Value& value, std::string_view key) {
  if (!value.is_bool()) wrong_kind(key, "a bool", value);
  return value.as_bool();
}

void check_strings(const iso::Value& value, std::string_view key) {
  if (!value.is_list()) wrong_kind(key, "a list of strings", value);
  for (const iso::Value& item : value.as_list()) {
    if (!item.is_string()) wrong_kind(key, "a list of strings", item);
  }
}

Dimensions dimensions_of(const iso::Value& value) {
  if (!value.is_map()) wrong_kind("dimensions", "a map", value);
  std::array<const iso::Value*, kDimensionKeyCount> slots{};
  for (const auto& [key, item] : value.as_map()) {
    const std::size_t index = dimension_key(key);
    if (index < kDimensionKeyCount && slots[index] == nullptr) slots[index] = &item;
  }
  std::array<double, kDimensionKeyCount> numbers{};
  for (std::size_t i = 0; i < kDimensionKeyCount; ++i) {
    if (slots[i] == nullptr) reject("missing key \"" + std::string(kDimensionKeys[i]) + "\"");
    numbers[i] = number_of(*slots[i], kDimensionKeys[i]);
  }
  return {numbers[kWidth], numbers[kHeight], numbers[kDepth], numbers[kWeight]};
}

/// Step one of a product: checks every field, in the order Product.fromJson reads them, and
/// fills the ones that are not strings into `product` (a fresh one, built in place). Nothing is
/// taken from the tree yet, so a rejected document is left whole.
template <class Json>
void check_product(Json& json, const ProductSlots<Json>& slots, Product& product) {
  if (!json.is_map()) {
    reject(std::string("a product should be a map, not ") + kind_name(json.kind()));
  }
  product.id = int_of(required(slots, kId), "id");
  checked_string(required(slots, kSku), "sku");
  checked_string(required(slots, kName), "name");
  checked_string(required(slots, kDescription), "description");
  product.price = number_of(required(slots, kPrice), "price");
  checked_string(required(slots, kCurrency), "currency");
  check_strings(required(slots, kTags), "tags");
  if (const iso::Value* rating = slots[kRating]; rating != nullptr && !rating->is_null()) {
    if (!rating->is_number()) wrong_kind("rating", "a number or null", *rating);
    product.rating = rating->as_double();
  }
  product.review_count = int_of(required(slots, kReviewCount), "review_count");
  product.stock = int_of(required(slots, kStock), "stock");
  const std::string& availability =
      checked_string(required(slots, kAvailability), "availability").as_string();
  if (auto parsed = parse_availability(availability)) {
    product.availability = *parsed;
  } else {
    reject("key \"availability\" has unknown value \"" + availability + "\"");
  }
  product.featured = bool_of(required(slots, kFeatured), "featured");
  check_strings(required(slots, kImages), "images");
  product.dimensions = dimensions_of(required(slots, kDimensions));
}

/// A checked string's text: moved out of a mutable tree, copied from a const one.
template <class Json>
std::string text_of(Json& value) {
  if constexpr (std::is_const_v<Json>) {
    return value.as_string();
  } else {
    return std::move(value.as_string());
  }
}

template <class Json>
std::vector<std::string> texts_of(Json& list) {
  std::vector<std::string> texts;
  texts.reserve(list.as_list().size());
  for (auto& item : list.as_list()) texts.push_back(text_of(item));
  return texts;
}

/// Step two: the strings of a product that step one checked.
template <class Json>
void take_strings(const ProductSlots<Json>& slots, Product& product) {
  product.sku = text_of(*slots[kSku]);
  product.name = text_of(*slots[kName]);
  product.description = text_of(*slots[kDescription]);
  product.currency = text_of(*slots[kCurrency]);
  product.tags = texts_of(*slots[kTags]);
  product.image_urls = texts_of(*slots[kImages]);
}

template <class Json>
std::vector<Product> mapped(Json& catalog) {
  if (!catalog.is_list()) {
    reject(std::string("the document should be a list, not a ") + kind_name(catalog.kind()));
  }
  auto& items = catalog.as_list();
  std::vector<ProductSlots<Json>> slots;  // scratch, so outside the products' region
  slots.reserve(items.size());
  // The products' lists (and, from a tree that stays, their strings) as Dart's fromJson builds
  // them: in new space.
  const iso::NewSpaceScope new_space;
  std::vector<Product> products;
  products.reserve(items.size());
  // Every product is checked before any string is taken: a document rejected at its last
  // element still comes back whole (try_map_products keeps it as the result).
  for (std::size_t i = 0; i < items.size(); ++i) {
    try {
      slots.push_back(items[i].is_map() ? product_slots(items[i]) : ProductSlots<Json>{});
      check_product(items[i], slots.back(), products.emplace_back());
    } catch (const DecodeError& error) {
      reject("element " + std::to_string(i) + ": " + error.detail());
    }
  }
  for (std::size_t i = 0; i < products.size(); ++i) take_strings(slots[i], products[i]);
  return products;
}

template <class Json>
MappingOutcome try_mapped(Json& document) {
  MappingOutcome outcome;
  try {
    outcome.products = mapped(document);
    outcome.mapped = true;
  } catch (const DecodeError& error) {
    outcome.skipped_reason = error.detail();
  }
  return outcome;
}

}  // namespace

Product Product::from_value(const iso::Value& json) {
  const ProductSlots<const iso::Value> slots =
      json.is_map() ? product_slots(json) : ProductSlots<const iso::Value>{};
  Product product;
  check_product(json, slots, product);
  take_strings(slots, product);
  return product;
}

std::vector<Product> map_products(const iso::Value& catalog) {
  return mapped(catalog);
}

std::vector<Product> map_products(iso::Value&& catalog) {
  return mapped(catalog);
}

MappingOutcome try_map_products(const iso::Value& document) {
  return try_mapped(document);
}

MappingOutcome try_take_products(iso::Value& document) {
  return try_mapped(document);
}

}  // namespace json_parse

#include "json_parse/product_mapping.hpp"

#include "json_parse/errors.hpp"

namespace json_parse {

namespace {

[[noreturn]] void reject(std::string detail) {
  throw DecodeError(JsonProblem::not_a_product, std::nullopt, detail);
}

const iso::Value& required(const iso::Value& object, std::string_view key) {
  const iso::Value* value = object.find(key);
  if (value == nullptr) reject("missing key \"" + std::string(key) + "\"");
  return *value;
}

[[noreturn]] void wrong_kind(std::string_view key, const char* expected, const iso::Value& got) {
  reject("key \"" + std::string(key) + "\" should be " + expected + ", not " +
         kind_name(got.kind()));
}

const std::string& string_at(const iso::Value& object, std::string_view key) {
  const iso::Value& value = required(object, key);
  if (!value.is_string()) wrong_kind(key, "a string", value);
  return value.as_string();
}

std::int64_t int_at(const iso::Value& object, std::string_view key) {
  const iso::Value& value = required(object, key);
  if (!value.is_int()) wrong_kind(key, "an int", value);
  return value.as_int();
}

double number_at(const iso::Value& object, std::string_view key) {
  const iso::Value& value = required(object, key);
  if (!value.is_number()) wrong_kind(key, "a number", value);
  return value.as_double();
}

bool bool_at(const iso::Value& object, std::string_view key) {
  const iso::Value& value = required(object, key);
  if (!value.is_bool()) wrong_kind(key, "a bool", value);
  return value.as_bool();
}

std::vector<std::string> strings_at(const iso::Value& object, std::string_view key) {
  const iso::Value& value = required(object, key);
  if (!value.is_list()) wrong_kind(key, "a list of strings", value);
  std::vector<std::string> strings;
  strings.reserve(value.as_list().size());
  for (const iso::Value& item : value.as_list()) {
    if (!item.is_string()) wrong_kind(key, "a list of strings", item);
    strings.push_back(item.as_string());
  }
  return strings;
}

}  // namespace

Product Product::from_value(const iso::Value& json) {
  if (!json.is_map())
    reject(std::string("a product should be a map, not ") + kind_name(json.kind()));
  Product product;
  product.id = int_at(json, "id");
  product.sku = string_at(json, "sku");
  product.name = string_at(json, "name");
  product.description = string_at(json, "description");
  product.price = number_at(json, "price");
  product.currency = string_at(json, "currency");
  product.tags = strings_at(json, "tags");
  if (const iso::Value* rating = json.find("rating"); rating != nullptr && !rating->is_null()) {
    if (!rating->is_number()) wrong_kind("rating", "a number or null", *rating);
    product.rating = rating->as_double();
  }
  product.review_count = int_at(json, "review_count");
  product.stock = int_at(json, "stock");
  const std::string& availability = string_at(json, "availability");
  if (auto parsed = parse_availability(availability)) {
    product.availability = *parsed;
  } else {
    reject("key \"availability\" has unknown value \"" + availability + "\"");
  }
  product.featured = bool_at(json, "featured");
  product.image_urls = strings_at(json, "images");
  const iso::Value& dimensions = required(json, "dimensions");
  if (!dimensions.is_map()) wrong_kind("dimensions", "a map", dimensions);
  product.dimensions.width_cm = number_at(dimensions, "width_cm");
  product.dimensions.height_cm = number_at(dimensions, "height_cm");
  product.dimensions.depth_cm = number_at(dimensions, "depth_cm");
  product.dimensions.weight_kg = number_at(dimensions, "weight_kg");
  return product;
}

std::vector<Product> map_products(const iso::Value& catalog) {
  if (!catalog.is_list()) {
    reject(std::string("the document should be a list, not a ") + kind_name(catalog.kind()));
  }
  const iso::Value::List& items = catalog.as_list();
  std::vector<Product> products;
  products.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    try {
      products.push_back(Product::from_value(items[i]));
    } catch (const DecodeError& error) {
      reject("element " + std::to_string(i) + ": " + error.detail());
    }
  }
  return products;
}

MappingOutcome try_map_products(const iso::Value& document) {
  MappingOutcome outcome;
  try {
    outcome.products = map_products(document);
    outcome.mapped = true;
  } catch (const DecodeError& error) {
    outcome.skipped_reason = error.detail();
  }
  return outcome;
}

}  // namespace json_parse

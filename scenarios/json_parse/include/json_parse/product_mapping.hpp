#pragma once
// The second step of the dynamic path: the document's
// `catalog.map((j) => Product.fromJson(j)).toList()` over a decoded iso::Value.

#include <string>
#include <vector>

#include "iso/value.hpp"
#include "json_parse/product.hpp"

namespace json_parse {

/// Maps a list of product objects. Throws DecodeError (not_a_product) when `catalog` is not a
/// list, or naming the first element that Product::from_value rejects and why.
std::vector<Product> map_products(const iso::Value& catalog);

struct MappingOutcome {
  bool mapped = false;  ///< true: `products` holds the whole list
  std::vector<Product> products;
  std::string skipped_reason;  ///< why not, when !mapped (one line)
};

/// map_products for a document of any shape: never throws DecodeError; a document that is not
/// a product list gives mapped == false and the reason.
MappingOutcome try_map_products(const iso::Value& document);

}  // namespace json_parse

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
/// The same for a tree the caller is about to drop: the strings move into the products instead
/// of being copied. Afterwards `catalog` holds the same shape with emptied strings; when it is
/// rejected, it is left untouched (every element is checked before any string moves).
std::vector<Product> map_products(iso::Value&& catalog);

struct MappingOutcome {
  bool mapped = false;  ///< true: `products` holds the whole list
  std::vector<Product> products;
  std::string skipped_reason;  ///< why not, when !mapped (one line)
};

/// map_products for a document of any shape: never throws DecodeError; a document that is not
/// a product list gives mapped == false and the reason.
MappingOutcome try_map_products(const iso::Value& document);
/// The same for a tree about to be dropped unless it is not a product list: when mapped, the
/// strings move out of `document` into the products; otherwise `document` is left untouched.
MappingOutcome try_take_products(iso::Value& document);

}  // namespace json_parse

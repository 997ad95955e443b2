#include "json_parse/dynamic_decoder.hpp"

#include <simdjson.h>

#include "simdjson_failure.hpp"

namespace json_parse {

namespace {

using simdjson::dom::element_type;

// Builds what Dart's jsonDecode builds. Depth is bounded by the DOM parser (1024), so the
// recursion is too.
iso::Value to_value(simdjson::dom::element element) {
  switch (element.type()) {
    case element_type::ARRAY: {
      const simdjson::dom::array array = element.get_array().value_unsafe();
      iso::Value::List list;
      list.reserve(array.size());  // O(1) from the tape; saturates, which only shrinks a hint
      for (simdjson::dom::element item : array) list.push_back(to_value(item));
      return iso::Value(std::move(list));
    }
    case element_type::OBJECT: {
      const simdjson::dom::object object = element.get_object().value_unsafe();
      iso::Value::Map map;
      map.reserve(object.size());
      for (simdjson::dom::key_value_pair field : object) {
        map.emplace_back(std::string(field.key), to_value(field.value));
      }
      return iso::Value(std::move(map));
    }
    case element_type::INT64:
      return iso::Value(element.get_int64().value_unsafe());
    // Beyond int64 a Dart VM int cannot hold it either; a double keeps the magnitude.
    case element_type::UINT64:
      return iso::Value(static_cast<double>(element.get_uint64().value_unsafe()));
    case element_type::DOUBLE:
      return iso::Value(element.get_double().value_unsafe());
    case element_type::STRING:
      return iso::Value(std::string(element.get_string().value_unsafe()));
    case element_type::BOOL:
      return iso::Value(element.get_bool().value_unsafe());
    case element_type::NULL_VALUE:
      return iso::Value(nullptr);
  }
  return iso::Value();
}

}  // namespace

struct DynamicDecoder::Parser {
  simdjson::dom::parser dom;
};

DynamicDecoder::DynamicDecoder() : parser_(std::make_unique<Parser>()) {}
DynamicDecoder::~DynamicDecoder() = default;
DynamicDecoder::DynamicDecoder(DynamicDecoder&&) noexcept = default;
DynamicDecoder& DynamicDecoder::operator=(DynamicDecoder&&) noexcept = default;

iso::Value DynamicDecoder::decode(PaddedView body) {
  simdjson::dom::element root;
  // realloc_if_needed = false: PaddedView guarantees the padding, so simdjson reads in place.
  const simdjson::error_code error = parser_->dom.parse(body.data(), body.size(), false).get(root);
  if (error) detail::throw_decode_error(error, body.text());
  return to_value(root);
}

iso::Value decode_dynamic(PaddedView body) {
  return DynamicDecoder().decode(body);
}

}  // namespace json_parse

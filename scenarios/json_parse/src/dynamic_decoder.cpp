#include "json_parse/dynamic_decoder.hpp"

#include <simdjson.h>

#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "iso/heap.hpp"
#include "simdjson_failure.hpp"

namespace json_parse {

namespace {

using simdjson::dom::element_type;

// A new value at the end of a list (the key is unused) or of a map, built in place: no
// temporary iso::Value to move and destroy per JSON value.
template <class... Args>
iso::Value& emplace(iso::Value::List& list, std::string_view /*key*/, Args&&... args) {
  return list.emplace_back(std::forward<Args>(args)...);
}
template <class... Args>
iso::Value& emplace(iso::Value::Map& map, std::string_view key, Args&&... args) {
  return map
      .emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                    std::forward_as_tuple(std::forward<Args>(args)...))
      .second;
}

// A string of the tree, outside the tree's region (see decode): the mapping moves the strings into
// the products, and the region is then freed whole with the tree, not kept by the products.
// (Strings in a second region of their own saved another 0.2 ms at 2 MB, but made 32 MB six
// times slower: at the end of a repetition both regions went back to malloc at once, coalesced
// past glibc's 64 MiB trim threshold and were returned to the kernel, and the next decode
// page-faulted them in again, 450 ms against 80. Malloc'ed strings between the tree's chunks
// keep its freed chunks apart.)
std::string ordinary_string(std::string_view text) {
  const iso::OutsideNewSpace outside;
  return std::string(text);
}

// Appends what Dart's jsonDecode builds for `element` to `out` (under `key` for a map). Depth is
// bounded by the DOM parser (1024), so the recursion is too.
template <class Container>
void append(Container& out, std::string_view key, simdjson::dom::element element) {
  switch (element.type()) {
    case element_type::ARRAY: {
      const simdjson::dom::array array = element.get_array().value_unsafe();
      iso::Value::List& list = emplace(out, key, iso::Value::List{}).as_list();
      list.reserve(array.size());  // O(1) from the tape; saturates, which only shrinks a hint
      for (simdjson::dom::element item : array) append(list, {}, item);
      return;
    }
    case element_type::OBJECT: {
      const simdjson::dom::object object = element.get_object().value_unsafe();
      iso::Value::Map& map = emplace(out, key, iso::Value::Map{}).as_map();
      map.reserve(object.size());
      for (simdjson::dom::key_value_pair field : object) append(map, field.key, field.value);
      return;
    }
    case element_type::INT64:
      emplace(out, key, element.get_int64().value_unsafe());
      return;
    // Beyond int64 a Dart VM int cannot hold it either; a double keeps the magnitude.
    case element_type::UINT64:
      emplace(out, key, static_cast<double>(element.get_uint64().value_unsafe()));
      return;
    case element_type::DOUBLE:
      emplace(out, key, element.get_double().value_unsafe());
      return;
    case element_type::STRING:
      emplace(out, key, ordinary_string(element.get_string().value_unsafe()));
      return;
    case element_type::BOOL:
      emplace(out, key, element.get_bool().value_unsafe());
      return;
    case element_type::NULL_VALUE:
      emplace(out, key, nullptr);
      return;
  }
}

iso::Value to_value(simdjson::dom::element root) {
  iso::Value::List holder;
  holder.reserve(1);
  append(holder, {}, root);
  return std::move(holder.front());
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
  // jsonDecode builds its tree in the isolate's new space, a pointer bump per object: with its
  // lists and maps bump-allocated, decode and map of the 2 MB catalog take 3.0-3.2 ms, against
  // 3.4-3.7 ms with a malloc each. (Its strings are malloc'ed: see ordinary_string.)
  const iso::NewSpaceScope new_space;
  return to_value(root);
}

iso::Value decode_dynamic(PaddedView body) {
  return DynamicDecoder().decode(body);
}

}  // namespace json_parse

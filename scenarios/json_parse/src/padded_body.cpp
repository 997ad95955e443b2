#include "json_parse/padded_body.hpp"

#include <stdexcept>

namespace json_parse {

PaddedView::PaddedView(const char* data, std::size_t size, std::size_t capacity)
    : data_(data), size_(size), capacity_(capacity) {
  if (capacity < size || capacity - size < kJsonPadding) {
    throw std::invalid_argument(
        "json_parse::PaddedView: the buffer needs " + std::to_string(kJsonPadding) +
        " allocated bytes past the JSON text (size " + std::to_string(size) + ", capacity " +
        std::to_string(capacity) + ")");
  }
}

PaddedView padded_view(std::string& body) {
  if (body.capacity() - body.size() < kJsonPadding) body.reserve(body.size() + kJsonPadding);
  return PaddedView(body.data(), body.size(), body.capacity());
}

PaddedView padded_view(std::vector<std::uint8_t>& body) {
  if (body.capacity() - body.size() < kJsonPadding) body.reserve(body.size() + kJsonPadding);
  return PaddedView(reinterpret_cast<const char*>(body.data()), body.size(), body.capacity());
}

}  // namespace json_parse

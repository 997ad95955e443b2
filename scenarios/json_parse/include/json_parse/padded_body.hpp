#pragma once
// simdjson reads up to kJsonPadding bytes past the end of a JSON text (it loads whole SIMD
// blocks). PaddedView is a JSON text whose owner promises those bytes are allocated; their
// content does not matter. Every decoder takes one, so the body is never copied just to pad it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace json_parse {

/// Equal to SIMDJSON_PADDING (checked where simdjson is compiled in).
inline constexpr std::size_t kJsonPadding = 64;

class PaddedView {
 public:
  /// `data[0, size)` is the JSON text; `data[0, capacity)` must be allocated memory.
  /// Throws std::invalid_argument when capacity < size + kJsonPadding.
  PaddedView(const char* data, std::size_t size, std::size_t capacity);

  const char* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  std::size_t capacity() const noexcept { return capacity_; }
  std::string_view text() const noexcept { return {data_, size_}; }

 private:
  const char* data_;
  std::size_t size_;
  std::size_t capacity_;
};

/// A view of `body`, growing its capacity first (one reallocation and copy) only when it
/// lacks the padding. Bodies from generate_catalog and read_input_file already have it; so does
/// any std::string on which the owner called reserve(size + kJsonPadding). The view is valid
/// until `body` is modified.
PaddedView padded_view(std::string& body);
/// The same for a byte buffer (e.g. a transferred body).
PaddedView padded_view(std::vector<std::uint8_t>& body);

}  // namespace json_parse

#pragma once
// TransferableTypedData: bytes that cross between isolates by transfer, not by copy (Dart's
// TransferableTypedData).
//
// - `from_list(...)` gathers byte buffers into one buffer: the only copy, made at creation.
//   `from_bytes(std::move(vector))` takes a vector's buffer without copying it.
// - Sending it (SendPort::send, Isolate::spawn's message, a field or element of a message) moves
//   the buffer to the receiver in O(1) whatever its size, and charges it to the receiver's heap.
//   The sender's object, and every copy of its handle, is empty afterwards.
// - `materialize()` hands the bytes out once, as a std::vector<std::uint8_t>, without copying.
// - Touching an empty one (transferred, materialized, or default-constructed) throws
//   IsolateError saying which of the three happened. `is_empty()` never throws.
//
// Copies of a handle refer to the same buffer, like references to one Dart object: whichever
// copy is sent or materialized first takes the buffer, and the others are then empty. This is
// safe across threads, so a handle captured by a closure that crosses cannot race.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <ranges>
#include <span>
#include <type_traits>
#include <vector>

#include "iso/sendable.hpp"

namespace iso {

namespace detail {
class TransferJournal;
/// A contiguous range of trivially copyable values: a byte buffer, a vector<float>, a string.
template <class R>
concept ByteSource = std::ranges::contiguous_range<R> && std::ranges::sized_range<R> &&
    std::is_trivially_copyable_v<std::ranges::range_value_t<R>>;
}  // namespace detail

class TransferableTypedData {
 public:
  /// An empty handle: every use but is_empty() and assignment throws IsolateError.
  TransferableTypedData() = default;

  /// Gathers the bytes of every part, in order, into one new buffer (one copy).
  /// Throws std::bad_alloc if the buffer cannot be allocated.
  template <detail::ByteSource... Parts>
  static TransferableTypedData from_list(const Parts&... parts) {
    std::vector<std::uint8_t> bytes;
    bytes.reserve((std::size_t{0} + ... + byte_size(parts)));
    (append(bytes, parts), ...);
    return from_bytes(std::move(bytes));
  }

  /// The same for a run-time list of parts (a vector of byte vectors, say).
  template <std::ranges::input_range List>
  requires detail::ByteSource<std::ranges::range_value_t<List>>
  static TransferableTypedData from_list(const List& parts) {
    std::size_t total = 0;
    for (const auto& part : parts) total += byte_size(part);
    std::vector<std::uint8_t> bytes;
    bytes.reserve(total);
    for (const auto& part : parts) append(bytes, part);
    return from_bytes(std::move(bytes));
  }

  /// Takes `bytes`' buffer as it is, without copying. `bytes` is left empty.
  static TransferableTypedData from_bytes(std::vector<std::uint8_t>&& bytes);

  /// The bytes, handed out once without copying. Afterwards this handle (and every copy) is
  /// empty. Throws IsolateError if it is already empty.
  std::vector<std::uint8_t> materialize();

  /// How many bytes it holds. Throws IsolateError if it is empty.
  std::size_t size() const;

  /// True once transferred, materialized, or if default-constructed.
  bool is_empty() const noexcept;

 private:
  friend TransferableTypedData detail::transfer(const TransferableTypedData& from);
  friend class detail::TransferJournal;
  struct State;

  template <class R>
  static std::size_t byte_size(const R& part) {
    return std::ranges::size(part) * sizeof(std::ranges::range_value_t<R>);
  }
  template <class R>
  static void append(std::vector<std::uint8_t>& bytes, const R& part) {
    const auto* first = reinterpret_cast<const std::uint8_t*>(std::ranges::data(part));
    bytes.insert(bytes.end(), first, first + byte_size(part));
  }

  std::shared_ptr<State> state_;
};

}  // namespace iso

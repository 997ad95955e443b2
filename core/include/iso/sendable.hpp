#pragma once
// What may cross between isolates, checked at compile time.
//
// PROVISIONAL: the messages work replaces this with the full Sendable model (opt-in structs,
// transferables, shared data, diagnostics naming the rejected type). The seam it must keep:
//   iso::Sendable<T>              the concept
//   iso::detail::assert_sendable<T>()   a static_assert with a helpful message
//   iso::detail::cross(const T&) -> T   the receiver's copy of a value

#include <concepts>
#include <type_traits>

namespace iso {

template <class T>
concept Sendable = std::copy_constructible<T> && !std::is_pointer_v<T>;

namespace detail {

template <class T>
constexpr void assert_sendable() {
  static_assert(Sendable<T>, "iso: this type cannot cross between isolates");
}

template <class T>
T cross(const T& value) {
  return T(value);
}

}  // namespace detail
}  // namespace iso

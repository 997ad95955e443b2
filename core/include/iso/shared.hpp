#pragma once
// Shared<T>: deeply immutable data that isolates read through a reference count — the
// analogue of the Dart VM sharing strings and unmodifiable data inside an isolate group.
//
// - Creating one builds the T once, on a process-wide shared heap account (not the creating
//   isolate's): `Shared<T>(value)` copies `value` there, `Shared<T>::make(args...)` constructs
//   it there in place. Its memory stays charged to that account whichever isolate frees it
//   last; see shared_heap_stats().
// - Sending it is O(1) whatever the size: the receiver gets one more reference to the same
//   object (same address); nothing is copied.
// - Only const access is given. T must be Sendable and must not hold a TransferableTypedData
//   (that one changes when sent): checked at compile time.
// - A default-constructed Shared is empty: get(), * and -> throw IsolateError on it.

#include <concepts>
#include <cstddef>
#include <memory>
#include <typeinfo>
#include <utility>

#include "iso/errors.hpp"
#include "iso/heap.hpp"
#include "iso/sendable.hpp"

namespace iso {

namespace detail {
/// The account every Shared<T> is charged to. Lives as long as the process.
HeapAccount* shared_heap_account();
}  // namespace detail

/// What all Shared<T> objects alive now hold, and have held.
HeapStats shared_heap_stats() noexcept;

template <class T>
class Shared {
  static_assert(Sendable<T>,
                "iso: Shared<T> needs a Sendable T (see iso/sendable.hpp for what is sendable)");
  static_assert(detail::plain_copy_v<T>,
                "iso: Shared<T> holds deeply immutable data, and a TransferableTypedData inside "
                "T would change when sent; send the TransferableTypedData as its own message");

 public:
  Shared() = default;

  /// A copy of `value` on the shared heap. Throws what copying T throws.
  explicit Shared(const T& value) : value_(build(value)) {}

  /// A T constructed from `args` on the shared heap. Throws what T's constructor throws.
  template <class... Args>
  static Shared make(Args&&... args) {
    Shared shared;
    shared.value_ = build(std::forward<Args>(args)...);
    return shared;
  }

  /// The value. Throws IsolateError if this Shared is empty.
  const T& get() const {
    if (!value_) throw IsolateError("Shared<" + type_name<T>() + ">: the handle is empty");
    return *value_;
  }
  const T& operator*() const { return get(); }
  const T* operator->() const { return &get(); }

  explicit operator bool() const noexcept { return value_ != nullptr; }
  /// How many handles, in every isolate, refer to the value (0 when empty).
  long use_count() const noexcept { return value_.use_count(); }
  /// True when both refer to the very same object (Dart's `identical`).
  bool same_as(const Shared& other) const noexcept { return value_ == other.value_; }

  /// Equal when both are empty, or both hold equal values.
  friend bool operator==(const Shared& a, const Shared& b) requires std::equality_comparable<T> {
    if (a.value_ == b.value_) return true;
    return a.value_ && b.value_ && *a.value_ == *b.value_;
  }

 private:
  template <class... Args>
  static std::shared_ptr<const T> build(Args&&... args) {
    AllocationScope charge_shared_heap(detail::shared_heap_account());
    return std::make_shared<T>(std::forward<Args>(args)...);
  }

  std::shared_ptr<const T> value_;
};

}  // namespace iso

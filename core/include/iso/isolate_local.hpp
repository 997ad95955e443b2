#pragma once
// IsolateLocal<T>: per-isolate static state, as Dart statics are per isolate. Each isolate that
// touches it gets its own T, initialised from a copy of the initial value, and destroyed when
// the isolate ends. A write on one isolate is invisible to every other.
//
// Plain C++ globals and statics are NOT per isolate: every isolate of the process shares them,
// like the global state of a native library called through FFI. Mutating them from several
// isolates races exactly as it would from several threads.

#include <memory>
#include <utility>

#include "iso/detail/runtime.hpp"

namespace iso {

template <class T>
class IsolateLocal {
 public:
  explicit IsolateLocal(T initial = T{}) : initial_(std::move(initial)) {}
  IsolateLocal(const IsolateLocal&) = delete;
  IsolateLocal& operator=(const IsolateLocal&) = delete;

  /// This isolate's value. Throws IsolateError on a plain thread.
  T& get() const {
    auto& slot =
        detail::isolate_local_slot(detail::require_current_isolate("IsolateLocal::get"), this);
    if (!slot) slot = std::make_shared<T>(initial_);
    return *static_cast<T*>(slot.get());
  }
  T& operator*() const { return get(); }
  T* operator->() const { return &get(); }

 private:
  const T initial_;
};

}  // namespace iso

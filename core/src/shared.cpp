// The process-wide heap account Shared<T> objects are charged to.

#include "iso/shared.hpp"

namespace iso {

namespace detail {

HeapAccount* shared_heap_account() {
  // Never released: Shared objects may be freed by any isolate at any time, even at exit.
  static HeapAccount* const account = new_heap_account();
  return account;
}

}  // namespace detail

HeapStats shared_heap_stats() noexcept {
  try {
    return detail::stats_of(detail::shared_heap_account());
  } catch (...) {  // the account could not be created: nothing was ever shared
    return {};
  }
}

}  // namespace iso

#pragma once
// run_main: turns the calling thread into the main isolate, runs `entry()` as its first event,
// serves its event loop until the loop has nothing left to do, and returns entry's result.
//
// - `entry` may return a value, void, or a Future<T> (then run_main returns T).
// - An uncaught error on the main isolate ends it (errors are fatal there) and run_main
//   rethrows it. If entry's future never completed, run_main throws RemoteError.
// - When the main isolate's loop ends, everything it owned is released; then every isolate it
//   spawned (directly or not) that is still alive is killed (immediate) and waited for, like a
//   Dart program whose main isolate exits. run_main returns only when all of them have ended.

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "iso/future.hpp"
#include "iso/isolate.hpp"

namespace iso {
namespace detail {

class MainIsolate {
 public:
  /// Makes this thread an isolate. Throws IsolateError if it already is one.
  explicit MainIsolate(std::string debug_name);
  ~MainIsolate();
  MainIsolate(const MainIsolate&) = delete;
  MainIsolate& operator=(const MainIsolate&) = delete;

  /// Runs `first_event`, then the loop until it ends. Rethrows a fatal uncaught error.
  void run(EntryTask first_event);

 private:
  std::shared_ptr<IsolateState> state_;
};

}  // namespace detail

template <class F>
auto run_main(F&& entry, std::string debug_name) {
  using Result = std::invoke_result_t<F&>;
  constexpr bool returns_future = detail::IsFuture<Result>::value;
  using R = detail::Awaited<Result>;

  std::optional<detail::Stored<R>> value;
  std::exception_ptr error;
  {
    detail::MainIsolate main(std::move(debug_name));
    main.run([&] {
      if constexpr (returns_future) {
        entry().then([&](Future<R> done) {
          try {
            value.emplace(done.get());
          } catch (...) {
            error = std::current_exception();
          }
        });
      } else if constexpr (std::is_void_v<R>) {
        entry();
        value.emplace();
      } else {
        value.emplace(entry());
      }
    });
  }
  if (error) std::rethrow_exception(error);
  if (!value) throw RemoteError("iso::RemoteError", "main ended without result");
  if constexpr (!std::is_void_v<R>) return std::move(*value);
}

template <class F>
auto run_main(F&& entry) {
  return run_main(std::forward<F>(entry), std::string("main"));
}

}  // namespace iso

#pragma once
// Isolate::run — Dart's Isolate.run: spawn, compute, hand the result back by exit, end.
//
// - `computation` is a function pointer or a closure that captures nothing; a capturing closure
//   does not compile (what it captured would cross unchecked: a reference would share the
//   caller's stack). What it needs is passed as `args...`: each must be Sendable and is copied
//   into the new isolate's heap before run returns (transferables move, Shared<T> is shared),
//   so nothing the caller does afterwards is visible to it. It is called with the isolate's
//   own copies, as rvalues: it may take them by value, by const reference or by rvalue.
// - It may return a value or a Future; the result crosses back by exit, without a copy.
// - If copying an argument fails (std::bad_alloc, IsolateError for an empty
//   TransferableTypedData), run throws, no isolate starts, and the caller's data is as it was.
//   On a plain thread run throws IsolateError.
// - An exception it throws is rethrown to the caller: the same type if registered (see
//   exception_transport.hpp), otherwise RemoteError with the original type name and message.
// - An uncaught error in the new isolate's loop fails the future with RemoteError.
// - If the isolate ends without a result — its loop ran empty while the computation waited on
//   something that never came, it was killed, or it called exit() (even if the computation then
//   returns a value: Dart's exit never returns) — the future fails with RemoteError
//   "Computation ended without result". The caller never hangs.

#include <memory>
#include <type_traits>

#include "iso/isolate.hpp"

namespace iso {
namespace detail {

template <class F>
using RunReturn = std::invoke_result_t<F&>;  // F: the BoundCall of a computation

template <class F>
using RunValue = Awaited<RunReturn<F>>;

/// What the computation's isolate hands back: a value or a portable exception.
template <class R>
struct RunOutcome {
  std::optional<Stored<R>> value;
  std::exception_ptr error;
};

template <class R>
void exit_with_error(const SendPort& reply, const std::exception_ptr& error) {
  iso::exit(reply, RunOutcome<R>{std::nullopt, portable_exception(error)});
}

template <class R, class F>
Future<void> await_computation(F& computation, SendPort reply) {
  std::exception_ptr error;
  try {
    if constexpr (std::is_void_v<R>) {
      co_await computation();
      iso::exit(reply, RunOutcome<R>{Unit{}, nullptr});
    } else {
      R value = co_await computation();
      iso::exit(reply, RunOutcome<R>{std::move(value), nullptr});
    }
  } catch (...) {
    error = std::current_exception();
  }
  if (error) exit_with_error<R>(reply, error);
}

/// Runs on the new isolate. `computation` lives in the isolate's entry task, which outlives
/// every coroutine frame of the isolate.
template <class R, class F>
void run_computation(F& computation, const SendPort& reply) {
  try {
    if constexpr (IsFuture<RunReturn<F>>::value) {
      [[maybe_unused]] auto done = await_computation<R>(computation, reply);
    } else if constexpr (std::is_void_v<R>) {
      computation();
      iso::exit(reply, RunOutcome<R>{Unit{}, nullptr});
    } else {
      iso::exit(reply, RunOutcome<R>{computation(), nullptr});
    }
  } catch (...) {
    exit_with_error<R>(reply, std::current_exception());
  }
}

/// Completes `completer` from what the result port receives: the outcome, an uncaught error
/// report, or the exit notification (always last).
template <class R>
void settle(Completer<R>& completer, Message& message) {
  if (completer.is_completed()) return;
  if (message.is<RunOutcome<R>>()) {
    auto outcome = message.take<RunOutcome<R>>();
    if (outcome.error) {
      completer.complete_error(outcome.error);
    } else {
      completer.complete(std::move(*outcome.value));
    }
  } else if (message.is<UncaughtError>()) {
    const auto& error = message.get<UncaughtError>();
    completer.complete_error(std::make_exception_ptr(RemoteError(error.type_name, error.message)));
  } else {
    completer.complete_error(std::make_exception_ptr(
        RemoteError("iso::RemoteError", "Computation ended without result")));
  }
}

}  // namespace detail

template <class F, class... Args>
auto Isolate::run(RunOptions run_options, F computation, const Args&... args) {
  detail::assert_captures_nothing<F>();
  (detail::assert_sendable<Args>(), ...);
  using Call = detail::BoundCall<F, Args...>;
  using R = detail::RunValue<Call>;
  Completer<R> completer;
  Future<R> result = completer.future();

  // The port owns itself through its handler until the exit notification closes it.
  auto port = std::make_shared<RawReceivePort>();
  const SendPort reply = port->send_port();
  port->set_handler([completer = std::move(completer), port](Message message) mutable {
    const bool ended = message.is_null();
    detail::settle(completer, message);
    if (ended) port->close();
  });

  SpawnOptions options;
  options.debug_name = std::move(run_options.debug_name);
  options.on_exit = reply;
  options.on_error = reply;
  detail::start_with_copy(std::move(options), [&] {
    return detail::EntryTask(
        [call = Call{detail::cross(computation), std::tuple<Args...>(detail::cross(args)...)},
         reply]() mutable { detail::run_computation<R>(call, reply); });
  });
  return result;
}

}  // namespace iso

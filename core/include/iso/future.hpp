#pragma once
// Future<T> and Completer<T>: Dart's futures as C++20 coroutines.
//
// Promise, in the cppcoro sense:
// - A coroutine returning Future<T> starts eagerly, like a Dart `async` function: it runs on the
//   calling isolate until its first suspension. It must be called on an isolate's thread.
// - A future belongs to the isolate that created it. `co_await` suspends the awaiting coroutine
//   and resumes it as a microtask on that same isolate once the future completes, never on a
//   foreign thread. Awaiting a future of another isolate throws IsolateError.
// - A future has one consumer: it can be awaited once (awaiting it twice throws IsolateError).
// - An error nobody awaits is not lost: when the last handle to a failed, never-awaited future
//   goes away, the error is reported as an uncaught error of its isolate (as Dart does).
// - When an isolate ends, coroutine frames still suspended on it are destroyed, running the
//   destructors of their locals; they are never resumed.

#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "iso/detail/runtime.hpp"
#include "iso/errors.hpp"

namespace iso {

template <class T>
class Future;
template <class T>
class Completer;

namespace detail {

/// `void` has no value to store; Unit stands in for it.
struct Unit {};
template <class T>
using Stored = std::conditional_t<std::is_void_v<T>, Unit, T>;

template <class T>
class FutureState : public std::enable_shared_from_this<FutureState<T>> {
 public:
  explicit FutureState(IsolateState& owner) : owner_(&owner) {}
  FutureState(const FutureState&) = delete;
  FutureState& operator=(const FutureState&) = delete;

  ~FutureState() {
    if (error_ && !observed_ && !is_tearing_down(*owner_)) {
      try {
        report_uncaught_error(*owner_, error_);
      } catch (...) {
        // Out of memory while reporting: a destructor must not throw.
      }
    }
  }

  IsolateState& owner() const noexcept { return *owner_; }
  bool is_done() const noexcept { return done_; }

  void set_value(Stored<T>&& value) {
    begin_completion();
    value_.emplace(std::move(value));
    finish();
  }
  void set_error(std::exception_ptr error) {
    begin_completion();
    error_ = std::move(error);
    finish();
  }

  /// Runs `callback` as a microtask once the future completes (immediately queued if it has).
  /// Counts as the future's one consumer.
  void on_complete(UniqueFunction<void()> callback) {
    claim_consumer();
    callback_ = std::move(callback);
    if (done_) post_callback();
  }

  void check_owner(const char* operation) const {
    IsolateState* here = current_isolate();
    if (here != owner_) {
      throw IsolateError(std::string(operation) + ": the future belongs to isolate '" +
                         debug_name_of(*owner_) + "' but this code runs on " +
                         (here ? "isolate '" + debug_name_of(*here) + "'" : "a plain thread") +
                         "; send the result through a port instead");
    }
  }

  void claim_consumer() {
    if (consumed_) throw IsolateError("a Future can be awaited only once");
    consumed_ = true;
  }

  void set_waiter(std::coroutine_handle<> waiter) noexcept { waiter_ = waiter; }

  /// Moves the result out; rethrows the error.
  Stored<T> take() {
    observed_ = true;
    if (error_) std::rethrow_exception(error_);
    return std::move(*value_);
  }
  bool has_error() const noexcept { return error_ != nullptr; }
  std::exception_ptr error() const noexcept { return error_; }

 private:
  void begin_completion() {
    check_owner("completing a future");
    if (done_) throw IsolateError("the future is already completed");
  }
  void finish() {
    done_ = true;
    if (waiter_) {
      post_microtask(*owner_, [waiter = waiter_] { waiter.resume(); });
      waiter_ = nullptr;
    }
    if (callback_) post_callback();
  }
  // The queued callback keeps the state alive until it has run; the callback itself holds
  // only a weak reference, so a future that never completes does not keep itself alive.
  void post_callback() {
    post_microtask(*owner_, [self = this->shared_from_this(),
                             callback = std::move(callback_)]() mutable { callback(); });
  }

  IsolateState* owner_;
  std::optional<Stored<T>> value_;
  std::exception_ptr error_;
  std::coroutine_handle<> waiter_;
  UniqueFunction<void()> callback_;
  bool done_ = false;
  bool consumed_ = false;
  bool observed_ = false;
};

template <class T>
class FutureAwaiter {
 public:
  explicit FutureAwaiter(std::shared_ptr<FutureState<T>> state) : state_(std::move(state)) {}
  bool await_ready() {
    state_->check_owner("co_await");
    state_->claim_consumer();
    return state_->is_done();
  }
  void await_suspend(std::coroutine_handle<> waiter) noexcept { state_->set_waiter(waiter); }
  T await_resume() {
    if constexpr (std::is_void_v<T>) {
      state_->take();
    } else {
      return state_->take();
    }
  }

 private:
  std::shared_ptr<FutureState<T>> state_;
};

template <class T, class Promise>
class FuturePromiseBase {
 public:
  FuturePromiseBase()
      : state_(std::make_shared<FutureState<T>>(
            require_current_isolate("starting a coroutine that returns iso::Future"))) {
    link_.frame = std::coroutine_handle<Promise>::from_promise(static_cast<Promise&>(*this));
    link_frame(state_->owner(), link_);
  }
  ~FuturePromiseBase() { unlink_frame(link_); }

  Future<T> get_return_object() { return Future<T>(state_); }
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_never final_suspend() const noexcept { return {}; }
  void unhandled_exception() { state_->set_error(std::current_exception()); }

 protected:
  std::shared_ptr<FutureState<T>> state_;

 private:
  FrameLink link_;
};

template <class T>
class FuturePromise : public FuturePromiseBase<T, FuturePromise<T>> {
 public:
  template <class U>
  requires std::is_convertible_v<U&&, T>
  void return_value(U&& value) { this->state_->set_value(T(std::forward<U>(value))); }
};

template <>
class FuturePromise<void> : public FuturePromiseBase<void, FuturePromise<void>> {
 public:
  void return_void() { this->state_->set_value(Unit{}); }
};

template <class T>
struct IsFuture : std::false_type {};
template <class T>
struct IsFuture<Future<T>> : std::true_type {};

/// What awaiting a T gives: U for Future<U>, T itself otherwise.
template <class T>
struct AwaitedOf {
  using type = T;
};
template <class T>
struct AwaitedOf<Future<T>> {
  using type = T;
};
template <class T>
using Awaited = typename AwaitedOf<T>::type;

}  // namespace detail

/// The result of an asynchronous computation on one isolate. See the header comment for who
/// resumes, where, and what happens on error.
template <class T>
class [[nodiscard]] Future {
 public:
  using promise_type = detail::FuturePromise<T>;
  using value_type = T;

  Future() = default;  ///< An invalid future; only assignable.
  Future(Future&&) noexcept = default;
  Future& operator=(Future&&) noexcept = default;
  Future(const Future&) = delete;
  Future& operator=(const Future&) = delete;

  bool valid() const noexcept { return state_ != nullptr; }
  /// Completed, with a value or an error. Only meaningful on the owning isolate.
  bool is_ready() const { return require_state().is_done(); }

  detail::FutureAwaiter<T> operator co_await() {
    require_state();
    return detail::FutureAwaiter<T>(state_);
  }

  /// Runs `callback(result)` as a microtask when the future completes, where `result` is the
  /// future itself, ready: call `get()` on it. Counts as the one consumer.
  template <class Callback>
  void then(Callback callback) {
    auto state = take_state();
    state->check_owner("Future::then");
    std::weak_ptr<detail::FutureState<T>> weak = state;
    state->on_complete([weak, callback = std::move(callback)]() mutable {
      if (auto ready = weak.lock()) callback(Future(std::move(ready)));
    });
  }

  /// The value of a completed future; rethrows its error. Throws IsolateError if not completed.
  detail::Stored<T> get() {
    auto& state = require_state();
    state.check_owner("Future::get");
    if (!state.is_done()) throw IsolateError("Future::get on a future that has not completed");
    return state.take();
  }

 private:
  friend class detail::FuturePromiseBase<T, detail::FuturePromise<T>>;
  friend class Completer<T>;
  explicit Future(std::shared_ptr<detail::FutureState<T>> state) : state_(std::move(state)) {}

  detail::FutureState<T>& require_state() const {
    if (!state_) throw IsolateError("use of an invalid (moved-from or default) Future");
    return *state_;
  }
  std::shared_ptr<detail::FutureState<T>> take_state() {
    require_state();
    return std::move(state_);
  }

  std::shared_ptr<detail::FutureState<T>> state_;
};

/// Completes a Future from code that is not a coroutine (a port handler, a timer). Belongs to
/// the isolate that created it; completing it from elsewhere, or twice, throws IsolateError.
template <class T>
class Completer {
 public:
  Completer()
      : state_(std::make_shared<detail::FutureState<T>>(
            detail::require_current_isolate("creating a Completer"))) {}

  /// The future this completer completes. Can be taken once.
  Future<T> future() {
    if (future_taken_) throw IsolateError("Completer::future can be taken only once");
    future_taken_ = true;
    return Future<T>(state_);
  }

  template <class U>
  void complete(U&& value) {
    state_->set_value(detail::Stored<T>(std::forward<U>(value)));
  }
  /// Completes a Future<void>.
  void complete() requires std::is_void_v<T> { state_->set_value(detail::Unit{}); }
  void complete_error(std::exception_ptr error) { state_->set_error(std::move(error)); }
  bool is_completed() const noexcept { return state_->is_done(); }

 private:
  std::shared_ptr<detail::FutureState<T>> state_;
  bool future_taken_ = false;
};

/// A future that is already complete with `value`.
template <class T>
Future<std::decay_t<T>> ready_future(T&& value) {
  Completer<std::decay_t<T>> completer;
  completer.complete(std::forward<T>(value));
  return completer.future();
}

}  // namespace iso

#pragma once
// Message: what arrives at a port. It owns one value of a sendable type, which the receiver
// asks for by type: take<T>() moves it out, get<T>() looks at it; asking for the wrong type
// throws MessageTypeError naming both types. A default-constructed Message is Dart's `null`.
//
// How a value crosses into a Message is decided here, once, for every sender:
// - copy (SendPort::send, Isolate::spawn's message): `detail::cross` makes the receiver's own
//   object graph, on the sending thread, charged to the receiver's heap;
// - hand-over (iso::exit, the result of Isolate::run): the value is moved, O(1).
// What a copy means for each type (deep copy, transfer, shared reference) is `detail::cross`.

#include <chrono>
#include <memory>
#include <typeinfo>
#include <utility>

#include "iso/detail/crossing.hpp"
#include "iso/errors.hpp"
#include "iso/heap.hpp"
#include "iso/sendable.hpp"

namespace iso {

/// What it cost the sender to make the receiver's copy of a message. The copy is made by the
/// sender directly into the receiver's heap, so the receiver has nothing left to materialize:
/// take<T>() is a move. A transfer or a share costs a few small allocations whatever the size;
/// a hand-over (exit) costs nothing and reports zero.
struct SendCost {
  std::chrono::nanoseconds copy{0};  ///< time spent copying on the sending thread
  std::uint64_t bytes = 0;           ///< bytes allocated on the receiver's heap for the copy
};

class Message {
 public:
  Message() = default;
  Message(Message&&) noexcept = default;
  Message& operator=(Message&&) noexcept = default;

  /// The receiver's own copy of `value`, made now on the calling thread and charged to
  /// `receiver` (null: charged to nobody); see detail::cross for what a copy is for each kind.
  /// A T that is not Sendable does not compile. Throws std::bad_alloc if the copy cannot be
  /// allocated, and IsolateError for a TransferableTypedData that is already empty; then every
  /// transferable the copy had moved is back with the sender (nothing is lost). `nullptr`
  /// makes the null message (is_null()), as Dart's `null` does.
  template <class T>
  static Message copy_of(const T& value, HeapAccount* receiver) {
    detail::assert_sendable<T>();
    Message message;
    if constexpr (std::is_same_v<T, std::nullptr_t>) {
      return message;  // Dart's null: nothing to copy
    } else if constexpr (Sendable<T>) {
      detail::CrossingScope crossing;  // a failed copy gives every transferred buffer back
      const auto started = std::chrono::steady_clock::now();
      const auto bytes_before = thread_allocated_bytes();
      {
        CopyScope charge_receiver(receiver);
        message.payload_ = std::make_unique<Holder<T>>(detail::cross(value));
      }
      crossing.commit();
      message.cost_.bytes = thread_allocated_bytes() - bytes_before;
      message.cost_.copy = std::chrono::steady_clock::now() - started;
    }
    return message;
  }

  /// `value` itself, moved in: O(1) for any size, nothing copied. The exit path. A T that is
  /// not Sendable does not compile. Throws std::bad_alloc if the holder cannot be allocated.
  /// `nullptr` makes the null message, as for copy_of.
  template <class T>
  static Message hand_over(T&& value) {
    using Value = std::decay_t<T>;
    detail::assert_sendable<Value>();
    Message message;
    if constexpr (std::is_same_v<Value, std::nullptr_t>) {
      return message;  // Dart's null
    } else if constexpr (Sendable<Value>) {
      message.payload_ = std::make_unique<Holder<Value>>(std::forward<T>(value));
    }
    return message;
  }

  bool is_null() const noexcept { return payload_ == nullptr; }

  template <class T>
  bool is() const noexcept {
    return payload_ != nullptr && payload_->type() == typeid(T);
  }

  /// is<T>(), get<T>() and take<T>() name the type the receiver expects; get and take throw
  /// MessageTypeError naming both the expected and the actual type when they differ (a null
  /// message is of type "null"). take<T>() moves the value out: the message holds a moved-from
  /// T afterwards.
  template <class T>
  T& get() {
    return checked<T>().value;
  }
  template <class T>
  const T& get() const {
    return const_cast<Message*>(this)->checked<T>().value;
  }
  template <class T>
  T take() {
    return std::move(checked<T>().value);
  }

  /// The type of the value, for messages and logs ("null" for a null message).
  std::string type_name() const { return payload_ ? demangle(payload_->type().name()) : "null"; }

  SendCost cost() const noexcept { return cost_; }

 private:
  struct Payload {
    virtual ~Payload() = default;
    virtual const std::type_info& type() const noexcept = 0;
  };
  template <class T>
  struct Holder final : Payload {
    template <class U>
    explicit Holder(U&& v) : value(std::forward<U>(v)) {}
    const std::type_info& type() const noexcept override { return typeid(T); }
    T value;
  };

  template <class T>
  Holder<T>& checked() {
    if (!is<T>()) {
      throw MessageTypeError("message type mismatch: expected " + iso::type_name<T>() + ", got " +
                             type_name());
    }
    return static_cast<Holder<T>&>(*payload_);
  }

  std::unique_ptr<Payload> payload_;
  SendCost cost_;
};

}  // namespace iso

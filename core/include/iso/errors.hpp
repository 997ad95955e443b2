#pragma once
// The errors the isolate runtime raises. Each says what went wrong in words a user can act on.

#include <stdexcept>
#include <string>

namespace iso {

/// An error that happened in another isolate and could not cross as its own type: it carries
/// the original type's name and message. Also raised when a computation ends without a result.
class RemoteError : public std::runtime_error {
 public:
  RemoteError(std::string type_name, std::string message);
  const std::string& type_name() const noexcept { return type_name_; }
  const std::string& message() const noexcept { return message_; }

 private:
  std::string type_name_;
  std::string message_;
};

/// Misuse of the runtime: awaiting a future of another isolate, using a transferred buffer,
/// calling an isolate-only API from a plain thread, completing a completer twice.
class IsolateError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// A received message is not of the type the receiver asked for. Names both types.
class MessageTypeError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// Stream semantics: `first()` or `next()` on a port that closed before a message arrived.
class StateError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// Human-readable name of a C++ type (demangled where the ABI allows).
std::string demangle(const char* mangled_name);

template <class T>
std::string type_name() {
  return demangle(typeid(T).name());
}

}  // namespace iso

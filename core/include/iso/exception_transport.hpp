#pragma once
// How an exception crosses from an isolate to the one waiting for its result.
//
// An exception whose exact type is registered crosses as a copy of itself, so the caller can
// catch the same type. Anything else arrives as RemoteError carrying the original type's name
// and what() message. Registered by default: the standard exceptions of <stdexcept> and the
// runtime's own errors. Register your own, next to its definition, with
//   ISO_SENDABLE_EXCEPTION(my::ParseError);
// The type must be copy-constructible and must not own non-sendable state.

#include <exception>
#include <typeinfo>

namespace iso::detail {

using ExceptionCopier = std::exception_ptr (*)(const std::exception_ptr&);
bool register_exception_type(const std::type_info& type, ExceptionCopier copier);

/// A form of `error` safe to hand to another isolate: a copy of a registered type, or a
/// RemoteError describing it.
std::exception_ptr portable_exception(const std::exception_ptr& error);

template <class E>
std::exception_ptr copy_exception(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const E& e) {
    return std::make_exception_ptr(E(e));
  }
}

template <class E>
bool register_exception() {
  return register_exception_type(typeid(E), &copy_exception<E>);
}

}  // namespace iso::detail

#define ISO_DETAIL_CONCAT2(a, b) a##b
#define ISO_DETAIL_CONCAT(a, b) ISO_DETAIL_CONCAT2(a, b)
#define ISO_SENDABLE_EXCEPTION(Type)                                                             \
  [[maybe_unused]] static const bool ISO_DETAIL_CONCAT(iso_exception_registered_, __COUNTER__) = \
      ::iso::detail::register_exception<Type>()

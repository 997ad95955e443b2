#pragma once
// compute(fn, arg) — Flutter's narrower form of Isolate::run: a plain function (no captures
// possible) and one argument, copied into the new isolate. Bundle several values in a struct.

#include <string>
#include <type_traits>
#include <utility>

#include "iso/isolate.hpp"

namespace iso {

template <class R, class A, class Arg>
requires std::is_convertible_v<Arg&&, std::decay_t<A>>
auto compute(R (*function)(A), Arg&& argument, std::string debug_name) {
  detail::assert_sendable<std::decay_t<A>>();
  return Isolate::run(
      [function, argument = std::decay_t<A>(std::forward<Arg>(argument))]() mutable {
        return function(std::move(argument));
      },
      std::move(debug_name));
}

template <class R, class A, class Arg>
requires std::is_convertible_v<Arg&&, std::decay_t<A>>
auto compute(R (*function)(A), Arg&& argument) {
  return compute(function, std::forward<Arg>(argument), std::string("compute"));
}

}  // namespace iso

#pragma once
// compute(fn, arg) — Flutter's narrower form of Isolate::run: one function and one argument.
//
// `fn` is a function pointer or a closure that captures nothing (a capturing closure does not
// compile); `arg` must be Sendable and is copied into the new isolate (bundle several values
// in a struct, or use Isolate::run(fn, args...)). The future completes with fn's result, or
// fails as Isolate::run's does (see run.hpp): with fn's exception, or with RemoteError when the
// isolate ends without a result. If copying `arg` fails, compute throws and starts nothing.

#include <string>
#include <utility>

#include "iso/isolate.hpp"

namespace iso {

template <class F, class Arg>
auto compute(F function, const Arg& argument, std::string debug_name) {
  return Isolate::run(RunOptions{std::move(debug_name)}, function, argument);
}

template <class F, class Arg>
auto compute(F function, const Arg& argument) {
  return compute(function, argument, std::string("compute"));
}

}  // namespace iso

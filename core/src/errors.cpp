#include "iso/errors.hpp"

#include <cxxabi.h>

#include <cstdlib>
#include <memory>

namespace iso {

RemoteError::RemoteError(std::string type_name, std::string message)
    : std::runtime_error(type_name == "iso::RemoteError" ? message : type_name + ": " + message),
      type_name_(std::move(type_name)),
      message_(std::move(message)) {}

std::string demangle(const char* mangled_name) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> readable(
      abi::__cxa_demangle(mangled_name, nullptr, nullptr, &status), std::free);
  return status == 0 && readable ? std::string(readable.get()) : std::string(mangled_name);
}

}  // namespace iso

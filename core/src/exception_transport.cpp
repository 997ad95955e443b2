#include "iso/exception_transport.hpp"

#include <cxxabi.h>

#include <mutex>
#include <stdexcept>
#include <vector>

#include "iso/errors.hpp"

namespace iso::detail {
namespace {

struct Registration {
  const std::type_info* type;
  ExceptionCopier copier;
};

struct Registry {
  std::mutex mutex;
  std::vector<Registration> entries;

  Registry() {
    add<std::exception>();
    add<std::logic_error>();
    add<std::invalid_argument>();
    add<std::domain_error>();
    add<std::length_error>();
    add<std::out_of_range>();
    add<std::runtime_error>();
    add<std::range_error>();
    add<std::overflow_error>();
    add<std::underflow_error>();
    add<RemoteError>();
    add<IsolateError>();
    add<MessageTypeError>();
    add<StateError>();
  }
  template <class E>
  void add() {
    entries.push_back({&typeid(E), &copy_exception<E>});
  }
};

Registry& registry() {
  static Registry instance;
  return instance;
}

}  // namespace

bool register_exception_type(const std::type_info& type, ExceptionCopier copier) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  for (const auto& entry : r.entries) {
    if (*entry.type == type) return true;
  }
  r.entries.push_back({&type, copier});
  return true;
}

std::exception_ptr portable_exception(const std::exception_ptr& error) {
  const std::type_info* type = nullptr;
  std::string message;
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    type = abi::__cxa_current_exception_type();
    message = e.what();
  } catch (...) {
    type = abi::__cxa_current_exception_type();
    message = "(not derived from std::exception)";
  }
  ExceptionCopier copier = nullptr;
  {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    for (const auto& entry : r.entries) {
      if (type != nullptr && *entry.type == *type) copier = entry.copier;
    }
  }
  if (copier != nullptr) return copier(error);
  return std::make_exception_ptr(
      RemoteError(type != nullptr ? demangle(type->name()) : "unknown", std::move(message)));
}

}  // namespace iso::detail

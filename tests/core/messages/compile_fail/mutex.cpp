// Must not compile: a mutex, here as the field of an opted-in struct.
#include <mutex>
#include "iso/port.hpp"
struct Guarded {
  int value;
  std::mutex lock;
};
ISO_SENDABLE(Guarded, value, lock);

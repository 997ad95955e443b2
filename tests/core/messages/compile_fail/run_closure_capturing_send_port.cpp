// Must not compile: even a capture that would be sendable on its own crosses unchecked inside a
// closure, so every capturing closure is refused; the SendPort goes as an argument instead.
#include "iso/iso.hpp"
iso::Future<void> start(iso::SendPort reply) {
  return iso::Isolate::run([reply] { reply.send(1); });
}

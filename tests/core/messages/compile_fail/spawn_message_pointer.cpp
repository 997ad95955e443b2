// Must not compile: the message given to Isolate::spawn is checked too (a C array here).
#include "iso/iso.hpp"
void entry(const char*) {}
void start() {
  (void)iso::Isolate::spawn(&entry, "a C string literal is a C array");
}

#include <exception>
#include <iostream>
#include <new>

#include "cli/app.hpp"

// run_cli() turns bad settings into exit 2 and a failed run into exit 1, each with one line.
// Anything it lets through still ends as one line and exit 1, never std::terminate.
int main(int argc, char** argv) {
  try {
    return isolate_bench::run_cli(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "isolate-bench: out of memory" << std::endl;
  } catch (const std::exception& error) {
    std::cerr << "isolate-bench: " << error.what() << std::endl;
  } catch (...) {
    std::cerr << "isolate-bench: failed with an unknown error" << std::endl;
  }
  return 1;
}

#include <exception>
#include <iostream>
#include <new>

#include "cli/app.hpp"
#include "cli/printable.hpp"
#include "output/abandon.hpp"
#include "output/checked_stdout.hpp"

namespace {

int run(int argc, char** argv) {
  try {
    return isolate_bench::run_cli(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "isolate-bench: out of memory" << std::endl;
  } catch (const std::exception& error) {
    std::cerr << "isolate-bench: " << isolate_bench::printable(error.what()) << std::endl;
  } catch (...) {
    std::cerr << "isolate-bench: failed with an unknown error" << std::endl;
  }
  return 1;
}

}  // namespace

// run_cli() turns bad settings into exit 2 and a failed run into exit 1, each with one line.
// Anything it lets through still ends as one line and exit 1, never std::terminate: here, or
// through the terminate handler for what is thrown on another thread (abandon.hpp), which also
// ends the run on SIGINT and SIGTERM without leaving temporary files.
int main(int argc, char** argv) {
  isolate_bench::install_abandon_handlers();
  const int code = run(argc, argv);
  const auto failure = isolate_bench::close_stdout();
  if (failure && code == 0) {  // a failed run has said why already
    std::cerr << "isolate-bench: " << *failure << std::endl;
    return 1;
  }
  return code;
}

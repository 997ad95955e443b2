#include "cli/app.hpp"

int main(int argc, char** argv) {
  return isolate_bench::run_cli(argc, argv);
}

#include "bench/harness/loop_yield.hpp"

namespace bench {

iso::Future<void> LoopYield::operator()() {
  port_.send_port().send(0);
  (void)co_await port_.next();
}

}  // namespace bench

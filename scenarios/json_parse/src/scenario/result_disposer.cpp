#include "result_disposer.hpp"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <utility>

namespace json_parse {

ResultDisposer::ResultDisposer() : thread_([this] { run(); }) {}

ResultDisposer::~ResultDisposer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void ResultDisposer::dispose(ParsedCatalog&& result) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(result));
  }
  wake_.notify_one();
}

void ResultDisposer::run() {
  // Nice 19, the lowest priority: the freeing yields to measured work, yet always progresses (an
  // idle-only thread could starve on a busy machine while results pile up).
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 19);
  (void)pthread_setname_np(pthread_self(), "result disposer");
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    std::vector<ParsedCatalog> garbage;
    garbage.swap(queue_);
    if (garbage.empty() && stopping_) return;
    lock.unlock();
    garbage.clear();
    lock.lock();
  }
}

}  // namespace json_parse

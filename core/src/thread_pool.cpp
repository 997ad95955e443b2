// The pool of parked threads: hand-over of a task to a parked thread, parking, idle exit, and
// joining every thread at process exit.

#include "thread_pool.hpp"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "iso/heap.hpp"

namespace iso::detail {
namespace {

inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

// How long a thread that just parked watches for a new isolate before it sleeps. Waking a
// sleeping thread costs a futex call and, when its core is idle, a trip through the scheduler
// (and, in a virtual machine, the hypervisor) of tens of microseconds: as much as creating a
// thread. A program that spawns one isolate after another hands the next one over within
// microseconds, so a short watch catches it. Adaptive, like the mailbox's spin: a watch that
// catches an isolate doubles the next one, a watch that ends in sleep halves it, so a pool
// nobody spawns from soon stops spinning.
constexpr std::chrono::nanoseconds kMinWatch = std::chrono::microseconds(1);
constexpr std::chrono::nanoseconds kMaxWatch = std::chrono::microseconds(100);

class ThreadPool {
 public:
  static ThreadPool& instance() {
    // Never destroyed before the threads it joins: a function-local static is destroyed at
    // exit, after main returns, when no isolate runs any more (run_main waits for them).
    static ThreadPool pool;
    return pool;
  }

  ~ThreadPool() {
    std::vector<std::unique_ptr<Worker>> everyone;
    {
      std::lock_guard lock(mutex_);
      shutting_down_ = true;
      for (Worker* worker : parked_) worker->wake.notify_one();
      everyone.swap(workers_);
      for (auto& worker : finished_) everyone.push_back(std::move(worker));
      finished_.clear();
    }
    for (auto& worker : everyone) {
      if (worker->thread.joinable()) worker->thread.join();
    }
  }

  void run(UniqueFunction<void()> task) {
    // Bookkeeping belongs to no isolate: the caller may be one, and must not pay for it.
    AllocationScope charge_nobody(nullptr);
    std::vector<std::unique_ptr<Worker>> exited;
    {
      std::unique_lock lock(mutex_);
      exited.swap(finished_);
      ++isolates_started_;
      if (!parked_.empty()) {
        Worker* worker = parked_.back();  // the warmest
        parked_.pop_back();
        worker->task = std::move(task);
        worker->handed_over.store(true, std::memory_order_release);
        // Woken under the lock: once the lock is released the worker may run the task, exit
        // and be joined and freed by another spawner before a later notify reached it.
        if (worker->asleep) worker->wake.notify_one();  // a watching one sees handed_over
        ++running_;
        ++reused_;
        lock.unlock();
        join_all(exited);
        return;
      }
      auto worker = std::make_unique<Worker>();
      worker->task = std::move(task);
      Worker* raw = worker.get();
      workers_.push_back(std::move(worker));
      try {
        raw->thread = std::thread([this, raw] { serve(*raw); });
      } catch (...) {
        workers_.pop_back();
        --isolates_started_;
        lock.unlock();
        join_all(exited);
        throw;
      }
      ++running_;
      ++threads_started_;
    }
    join_all(exited);
  }

  // Lets every parked thread exit and joins it. Waits (a bounded while) for threads still
  // finishing an isolate, so that none parks after the drain.
  void drain() {
    std::vector<std::unique_ptr<Worker>> exited;
    {
      std::unique_lock lock(mutex_);
      const std::size_t bound = limits_.max_parked;
      limits_.max_parked = 0;
      for (Worker* worker : parked_) worker->wake.notify_one();
      changed_.wait_for(lock, std::chrono::seconds(1),
                        [&] { return parked_.empty() && running_ == 0; });
      limits_.max_parked = bound;
      exited.swap(finished_);
    }
    join_all(exited);
  }

  ThreadPoolStats stats() noexcept {
    std::lock_guard lock(mutex_);
    return {parked_.size(), running_, threads_started_, isolates_started_, reused_};
  }

  ThreadPoolLimits limits() noexcept {
    std::lock_guard lock(mutex_);
    return limits_;
  }

  void set_limits(ThreadPoolLimits limits) {
    if (limits.idle_timeout.count() < 0) {
      throw std::invalid_argument("set_thread_pool_limits: idle_timeout must not be negative");
    }
    std::lock_guard lock(mutex_);
    limits_ = limits;
    for (Worker* worker : parked_) worker->wake.notify_one();  // each re-checks the limits
  }

 private:
  struct Worker {
    std::thread thread;
    UniqueFunction<void()> task;  // set (under the pool's lock) when an isolate is handed over
    std::atomic<bool> handed_over{false};  // task was set: what a watching worker looks at
    bool asleep = false;                   // waiting on `wake` (under the pool's lock)
    std::condition_variable wake;
  };

  static void join_all(std::vector<std::unique_ptr<Worker>>& exited) {
    for (auto& worker : exited) {
      if (worker->thread.joinable()) worker->thread.join();
    }
    exited.clear();
  }

  void serve(Worker& self) {
    UniqueFunction<void()> task;
    {
      std::lock_guard lock(mutex_);
      task = std::move(self.task);
    }
    for (;;) {
      task();
      task = nullptr;  // what the isolate left in its task goes before the thread parks
      (void)pthread_setname_np(pthread_self(), "iso-parked");
      if (!park(self, task)) return;
    }
  }

  // Waits for the next task; false when the thread should exit instead (then it has moved
  // itself to finished_, to be joined by the next spawn or at process exit).
  bool park(Worker& self, UniqueFunction<void()>& task) {
    std::unique_lock lock(mutex_);
    --running_;
    auto parked_since = std::chrono::steady_clock::now();
    if (!shutting_down_ && parked_.size() < limits_.max_parked) {
      parked_.push_back(&self);
      self.handed_over.store(false, std::memory_order_relaxed);
      const auto watch = std::chrono::nanoseconds(watch_ns_.load(std::memory_order_relaxed));
      lock.unlock();
      const auto watch_end = std::chrono::steady_clock::now() + watch;
      bool caught = false;
      while (!caught && std::chrono::steady_clock::now() < watch_end) {
        for (int i = 0; i < 32 && !caught; ++i) {
          caught = self.handed_over.load(std::memory_order_acquire);
          cpu_relax();
        }
      }
      const auto next_watch = caught ? std::min(watch * 2, kMaxWatch)
                                     : std::max(watch / 2, std::chrono::nanoseconds(kMinWatch));
      watch_ns_.store(next_watch.count(), std::memory_order_relaxed);
      lock.lock();
      for (;;) {
        if (self.task) {  // run() took us off parked_
          self.asleep = false;
          task = std::move(self.task);
          return true;
        }
        const bool over_bound = [&] {
          auto position = std::find(parked_.begin(), parked_.end(), &self);
          return static_cast<std::size_t>(position - parked_.begin()) >= limits_.max_parked;
        }();
        const auto deadline = parked_since + limits_.idle_timeout;
        if (shutting_down_ || over_bound || std::chrono::steady_clock::now() >= deadline) break;
        self.asleep = true;
        self.wake.wait_until(lock, deadline);
      }
      self.asleep = false;
      std::erase(parked_, &self);
    }
    if (shutting_down_) return false;  // the destructor joins us
    auto me = std::find_if(workers_.begin(), workers_.end(),
                           [&](const auto& worker) { return worker.get() == &self; });
    finished_.push_back(std::move(*me));
    workers_.erase(me);
    changed_.notify_all();
    return false;
  }

  std::mutex mutex_;
  std::condition_variable changed_;  // a thread exited: what drain() waits for
  ThreadPoolLimits limits_{std::max<std::size_t>(16, 2 * std::thread::hardware_concurrency()),
                           std::chrono::milliseconds(5000)};
  std::vector<std::unique_ptr<Worker>> workers_;   // running or parked
  std::vector<std::unique_ptr<Worker>> finished_;  // exited, not yet joined
  std::vector<Worker*> parked_;                    // most recently parked last
  std::atomic<std::int64_t> watch_ns_{
      std::chrono::duration_cast<std::chrono::nanoseconds>(kMaxWatch).count() / 4};
  bool shutting_down_ = false;
  std::size_t running_ = 0;
  std::uint64_t threads_started_ = 0;
  std::uint64_t isolates_started_ = 0;
  std::uint64_t reused_ = 0;
};

}  // namespace

void run_on_pool_thread(UniqueFunction<void()> task) {
  ThreadPool::instance().run(std::move(task));
}

void drain_thread_pool() {
  ThreadPool::instance().drain();
}

}  // namespace iso::detail

namespace iso {

ThreadPoolStats thread_pool_stats() noexcept {
  return detail::ThreadPool::instance().stats();
}
ThreadPoolLimits thread_pool_limits() noexcept {
  return detail::ThreadPool::instance().limits();
}
void set_thread_pool_limits(ThreadPoolLimits limits) {
  detail::ThreadPool::instance().set_limits(limits);
}

}  // namespace iso

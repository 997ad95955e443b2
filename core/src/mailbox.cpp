#include <algorithm>

#include "isolate_state.hpp"

namespace iso::detail {
namespace {

inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

void delete_chain(Envelope* envelope) {
  while (envelope != nullptr) {
    Envelope* next = envelope->next;
    delete envelope;
    envelope = next;
  }
}

constexpr std::chrono::nanoseconds kMinSpin = std::chrono::microseconds(2);
constexpr std::chrono::nanoseconds kMaxSpin = std::chrono::microseconds(100);

}  // namespace

Mailbox::~Mailbox() {
  delete_chain(head_);
  release(account_);
}

bool Mailbox::push(Envelope* envelope) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (!closed_) {
      if (tail_ != nullptr) {
        tail_->next = envelope;
      } else {
        head_ = envelope;
      }
      tail_ = envelope;
      has_mail_.store(true, std::memory_order_release);
      wake = parked_;
      envelope = nullptr;
    }
  }
  if (envelope != nullptr) {  // closed: the message is dropped
    delete envelope;
    return false;
  }
  if (wake) wake_.notify_one();
  return true;
}

Envelope* Mailbox::take_all() {
  if (!has_mail()) return nullptr;
  std::lock_guard lock(mutex_);
  Envelope* taken = head_;
  head_ = tail_ = nullptr;
  has_mail_.store(false, std::memory_order_relaxed);
  return taken;
}

bool Mailbox::push_control(Control control) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return false;  // `control` is destroyed on return, outside nothing
    controls_.push_back(std::move(control));
    has_control_.store(true, std::memory_order_release);
    wake = parked_;
  }
  if (wake) wake_.notify_one();
  return true;
}

std::vector<Control> Mailbox::take_controls() {
  if (!has_control()) return {};
  std::lock_guard lock(mutex_);
  has_control_.store(false, std::memory_order_relaxed);
  std::vector<Control> taken = std::move(controls_);
  controls_.clear();
  return taken;
}

void Mailbox::wait(std::optional<Clock::time_point> deadline, bool mail_wakes) {
  const auto woken = [&] {
    return (mail_wakes && has_mail()) || has_control() || stop_requested() != StopReason::none;
  };
  // Adaptive spin: a spin that ends with mail doubles the next budget, one that ends in
  // parking halves it, so a busy conversation stays in the fast path and an idle isolate
  // parks after a couple of microseconds instead of burning a core.
  auto now = Clock::now();
  auto spin_end = now + spin_budget_;
  if (deadline) spin_end = std::min(spin_end, *deadline);
  while (now < spin_end) {
    for (int i = 0; i < 32; ++i) {
      if (woken()) {
        spin_budget_ = std::min(spin_budget_ * 2, kMaxSpin);
        return;
      }
      cpu_relax();
    }
    now = Clock::now();
  }
  spin_budget_ = std::max(spin_budget_ / 2, kMinSpin);

  std::unique_lock lock(mutex_);
  parked_ = true;
  while (!woken()) {
    if (!deadline) {
      wake_.wait(lock);
    } else if (wake_.wait_until(lock, *deadline) == std::cv_status::timeout) {
      break;
    }
  }
  parked_ = false;
}

void Mailbox::request_stop(StopReason reason) {
  int wanted = static_cast<int>(reason);
  int current = stop_.load(std::memory_order_relaxed);
  while (current < wanted && !stop_.compare_exchange_weak(current, wanted)) {
  }
  { std::lock_guard lock(mutex_); }  // a parked owner is either before its check or waiting
  wake_.notify_all();
}

Envelope* Mailbox::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  Envelope* rest = head_;
  head_ = tail_ = nullptr;
  has_mail_.store(false, std::memory_order_relaxed);
  controls_.clear();  // a ping to an ended isolate gets no response
  has_control_.store(false, std::memory_order_relaxed);
  return rest;
}

}  // namespace iso::detail

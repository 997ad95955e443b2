#include "output/abandon.hpp"

#include <limits.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <new>

namespace isolate_bench {
namespace {

// A run stages at most a few reports; other tools (frames-check) may stage more, and those
// beyond the table are simply not removed by a signal.
constexpr int kTemporaries = 64;

struct Temporary {
  std::atomic<bool> live{false};
  char path[PATH_MAX]{};
};

Temporary g_temporaries[kTemporaries];
std::atomic<int> g_next_temporary{0};
std::atomic<bool> g_progress_line_open{false};
std::atomic<bool> g_progress_drawing{false};
std::atomic<bool> g_abandoning{false};

static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "the handlers read these atomics, which must not take a lock");

void write_stderr(const char* text) noexcept {
  std::size_t left = std::strlen(text);
  while (left > 0) {
    const ssize_t n = ::write(STDERR_FILENO, text, left);
    if (n <= 0) return;
    text += n;
    left -= static_cast<std::size_t>(n);
  }
}

/// Removes the live temporaries, ends the progress line, prints `line`, exits with `code`.
/// Only async-signal-safe calls. The first thread to get here does it; any other waits for the
/// exit.
[[noreturn]] void abandon(const char* line, int code) noexcept {
  if (g_abandoning.exchange(true)) {
    for (;;) ::pause();
  }
  const int count = std::min(g_next_temporary.load(), kTemporaries);
  for (int i = 0; i < count; ++i) {
    if (g_temporaries[i].live.load(std::memory_order_acquire)) ::unlink(g_temporaries[i].path);
  }
  // A drawing on another thread ends within microseconds; one this handler interrupted on its
  // own thread never does, hence the bound.
  for (int waited = 0; waited < 100 && g_progress_drawing.load(); ++waited) {
    const timespec millisecond{0, 1'000'000};
    ::nanosleep(&millisecond, nullptr);
  }
  if (g_progress_line_open.load()) write_stderr("\r\033[K");
  write_stderr(line);
  ::_exit(code);
}

void on_signal(int signal) {
  if (signal == SIGINT) abandon("isolate-bench: interrupted by SIGINT\n", 130);
  abandon("isolate-bench: terminated by SIGTERM\n", 143);
}

/// Reached by an exception that nothing caught (on an isolate's thread, or in a noexcept
/// function): one line instead of an abort and a core dump.
[[noreturn]] void on_terminate() noexcept {
  const char* line = "isolate-bench: failed with an internal error\n";
  if (const auto current = std::current_exception()) {
    try {
      std::rethrow_exception(current);
    } catch (const std::bad_alloc&) {
      line = "isolate-bench: out of memory; accepted: smaller sizes or inputs, or more memory\n";
    } catch (...) {
    }
  }
  abandon(line, 1);
}

}  // namespace

void install_abandon_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  std::set_terminate(on_terminate);
}

int remember_temporary(const char* path) noexcept {
  if (std::strlen(path) >= PATH_MAX) return -1;
  const int ticket = g_next_temporary.fetch_add(1);
  if (ticket >= kTemporaries) return -1;
  std::strcpy(g_temporaries[ticket].path, path);
  g_temporaries[ticket].live.store(true, std::memory_order_release);
  return ticket;
}

void forget_temporary(int ticket) noexcept {
  if (ticket >= 0 && ticket < kTemporaries) g_temporaries[ticket].live.store(false);
}

void set_progress_line_open(bool open) noexcept {
  g_progress_line_open.store(open);
}

// Sequentially consistent on both sides: either the drawing sees the handler's g_abandoning, or
// the handler sees g_progress_drawing and waits for it.
bool begin_progress_draw() noexcept {
  g_progress_line_open.store(true);
  g_progress_drawing.store(true);
  if (!g_abandoning.load()) return true;
  g_progress_drawing.store(false);
  return false;
}

void end_progress_draw() noexcept {
  g_progress_drawing.store(false);
}

}  // namespace isolate_bench

#include "output/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <string>

#include "bench/frames/filmstrip.hpp"
#include "output/abandon.hpp"

namespace isolate_bench {

ProgressLine::ProgressLine(std::FILE* stream, bool enabled)
    : stream_(stream),
      enabled_(enabled && stream != nullptr && ::isatty(::fileno(stream)) == 1),
      started_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() {
  finish();
}

bench::ProgressCallback ProgressLine::callback() {
  return [this](const bench::Progress& progress) { update(progress); };
}

void ProgressLine::update(const bench::Progress& p) noexcept {
  if (!enabled_) return;
  // Short runs finish before the line would be readable: stay silent for the first second.
  if (std::chrono::steady_clock::now() - started_ < std::chrono::seconds(1)) return;
  // Marked drawn before the first byte: a signal in the middle still finds a line to end.
  if (!begin_progress_draw()) return;
  drawn_ = true;
  try {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    std::string line = fmt::format("[{}/{}] {} · {}{} · {:.0f} s", p.step, p.total, p.mode,
                                   p.parameter_set, p.warmup ? " (warm-up)" : "", elapsed);
    // A line longer than the terminal would wrap, and "\r" would then erase only its end.
    const std::size_t columns = bench::detect_filmstrip_style(stream_, true).width;
    std::size_t kept = 0, used = 0;
    for (; kept < line.size(); ++kept) {
      if ((static_cast<unsigned char>(line[kept]) & 0xC0) == 0x80) continue;
      if (++used >= columns) break;
    }
    line.resize(kept);
    fmt::print(stream_, "\r\033[K{}", line);
    std::fflush(stream_);
  } catch (...) {
    enabled_ = false;
  }
  end_progress_draw();
}

void ProgressLine::finish() noexcept {
  if (!drawn_) return;
  std::fputs("\r\033[K", stream_);
  std::fflush(stream_);
  drawn_ = false;
  set_progress_line_open(false);
}

}  // namespace isolate_bench

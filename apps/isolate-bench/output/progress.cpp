#include "output/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <string>

#include "bench/frames/filmstrip.hpp"
#include "output/abandon.hpp"
#include "output/progress_text.hpp"

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
    // A line longer than the terminal would wrap, and "\r" would then erase only its end.
    const auto style = bench::detect_filmstrip_style(stream_, true);
    const std::string line =
        progress_text(p, std::chrono::steady_clock::now() - started_,
                      style.width > 1 ? style.width - 1 : 1,  // the cursor's column after the text
                      style.unicode);
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

#include "output/progress_text.hpp"

#include <fmt/format.h>

#include "report/text_layout.hpp"

namespace isolate_bench {
namespace {

/// "12 s" below a minute, "3 min 05 s" above: a progress line needs no finer figure.
std::string seconds(std::chrono::nanoseconds time) {
  const auto whole = std::chrono::duration_cast<std::chrono::seconds>(time).count();
  if (whole < 60) return fmt::format("{} s", whole);
  return fmt::format("{} min {:02} s", whole / 60, whole % 60);
}

/// The first `columns` columns of `text` (whole UTF-8 code points).
std::string cut(const std::string& text, std::size_t columns) {
  std::size_t kept = 0, used = 0;
  for (; kept < text.size(); ++kept) {
    if ((static_cast<unsigned char>(text[kept]) & 0xC0) == 0x80) continue;
    if (used++ == columns) break;
  }
  return text.substr(0, kept);
}

}  // namespace

std::string progress_text(const bench::Progress& p, std::chrono::nanoseconds elapsed,
                          std::size_t columns, bool unicode) {
  const std::string dot = unicode ? " · " : " | ";
  const std::string ellipsis = unicode ? "…" : "...";
  std::string count;
  if (p.warmup) {
    count = fmt::format("warm-up {}/{}", p.repetition, p.repetitions);
  } else if (p.auto_repetitions) {
    count = fmt::format("repetition {} (auto, {} of {})", p.repetition, seconds(p.set_elapsed),
                        seconds(p.budget));
  } else {
    count = fmt::format("repetition {}/{}", p.repetition, p.repetitions);
  }
  const std::string head = p.mode + dot + count + dot;
  const std::string tail = dot + seconds(elapsed);
  std::string set =
      p.sets > 1 ? fmt::format("set {}/{} {}", p.set, p.sets, p.parameter_set) : p.parameter_set;
  const std::size_t fixed = display_width(head) + display_width(tail);
  if (fixed + display_width(set) > columns) {
    const std::size_t room = columns > fixed ? columns - fixed : 0;
    set = room > display_width(ellipsis) ? cut(set, room - display_width(ellipsis)) + ellipsis
                                         : std::string();
  }
  return cut(head + set + tail, columns);
}

}  // namespace isolate_bench

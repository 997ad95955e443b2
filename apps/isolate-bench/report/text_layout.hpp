#pragma once
// Text laid out for a terminal of a given width: widths that ignore colour codes, padding, and
// prose wrapped at word boundaries. Shared by the terminal and Markdown writers.

#include <cstddef>
#include <string>
#include <vector>

namespace isolate_bench {

/// Columns `text` takes on a terminal: UTF-8 code points (every character used here is one
/// column wide), ANSI escape sequences (ESC [ ... letter) not counted.
std::size_t display_width(const std::string& text);

/// `text` followed by spaces up to `width` columns (never cut).
std::string pad_right(const std::string& text, std::size_t width);
/// Spaces up to `width` columns, then `text` (never cut).
std::string pad_left(const std::string& text, std::size_t width);

/// `text` broken into lines of at most `width` columns at spaces, the first line starting with
/// `first`, the following ones with `rest`; a word longer than a line stays whole on its own
/// line. Every line ends in '\n'.
std::string wrap(const std::string& text, std::size_t width, const std::string& first = "",
                 const std::string& rest = "");

/// The lines of `text` (split at '\n', a final '\n' ending the last line, not adding one).
std::vector<std::string> lines_of(const std::string& text);

}  // namespace isolate_bench

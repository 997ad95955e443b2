#pragma once
// Error lines quote what the user typed and what a file holds; on a terminal, raw bytes of
// either could move the cursor, change colours or garble the line. They are shown escaped.

#include <string>
#include <string_view>

namespace isolate_bench {

/// `text` with control characters (newline included), DEL and bytes that are not valid UTF-8
/// written as \xNN; valid UTF-8 (accented letters, ...) is kept as it is.
std::string printable(std::string_view text);

}  // namespace isolate_bench

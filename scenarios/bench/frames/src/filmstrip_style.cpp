#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

#include "bench/frames/filmstrip.hpp"

namespace bench {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool names_utf8(std::string locale) {
  std::transform(locale.begin(), locale.end(), locale.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return locale.find("utf-8") != std::string::npos || locale.find("utf8") != std::string::npos;
}

std::string active_locale() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    std::string value = env(name);
    if (!value.empty()) return value;
  }
  return "";
}

std::size_t columns_from_env() {
  const std::string columns = env("COLUMNS");
  if (columns.empty() || columns.size() > 6) return 0;
  if (!std::all_of(columns.begin(), columns.end(),
                   [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return 0;
  }
  return static_cast<std::size_t>(std::stoul(columns));
}

}  // namespace

FilmstripStyle detect_filmstrip_style(std::FILE* stream, bool no_color_flag) {
  const int fd = stream ? fileno(stream) : -1;
  const bool tty = fd >= 0 && isatty(fd) == 1;
  const bool dumb_terminal = env("TERM") == "dumb";

  FilmstripStyle style;
  style.color = tty && !no_color_flag && env("NO_COLOR").empty() && !dumb_terminal;
  style.unicode = names_utf8(active_locale()) && !dumb_terminal;

  std::size_t width = 0;
  winsize size{};
  if (tty && ioctl(fd, TIOCGWINSZ, &size) == 0) width = size.ws_col;
  if (width == 0) width = columns_from_env();
  if (width == 0) width = 80;
  style.width = std::max<std::size_t>(width, 10);
  return style;
}

}  // namespace bench

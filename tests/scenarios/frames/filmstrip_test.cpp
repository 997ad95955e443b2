#include "bench/frames/filmstrip.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include "timeline.hpp"

namespace bench {
namespace {

using namespace std::chrono_literals;
using testing::at_ms;
using testing::kOrigin;

/// A 60 fps log whose VSyncs have the outcomes spelled by `pattern`: '.' on time, '!' janky,
/// 'X' dropped.
FrameLog log_of(const std::string& pattern) {
  FrameLog log;
  log.config = {60, 2ms};
  log.started = kOrigin;
  log.stopped = kOrigin + vsync_offset(60, static_cast<std::int64_t>(pattern.size()));
  for (std::size_t n = 0; n < pattern.size(); ++n) {
    FrameRecord frame;
    frame.due = kOrigin + vsync_offset(60, static_cast<std::int64_t>(n));
    if (pattern[n] != 'X') {
      frame.started = frame.due;
      frame.finished = frame.due + (pattern[n] == '!' ? 20ms : 2ms);
    }
    log.frames.push_back(frame);
  }
  return log;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}
std::string second_line(const std::string& text) {
  const auto start = text.find('\n') + 1;
  return text.substr(start, text.find('\n', start) - start);
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
    ++count;
  }
  return count;
}

const FilmstripStyle kAscii{80, false, false};

TEST(Filmstrip, AsciiShowsOneCellPerVsyncAndALegend) {
  const std::string text = render_filmstrip(log_of(".....XX!.."), kAscii);
  EXPECT_EQ(first_line(text), ".....XX!..");
  const std::string legend = second_line(text);
  EXPECT_NE(legend.find(". on time 7"), std::string::npos) << legend;
  EXPECT_NE(legend.find("! janky 1"), std::string::npos) << legend;
  EXPECT_NE(legend.find("X dropped 2"), std::string::npos) << legend;
  EXPECT_NE(legend.find("10 VSyncs in 167 ms at 60 fps"), std::string::npos) << legend;
  EXPECT_NE(legend.find("1 cell = 1 VSync"), std::string::npos) << legend;
  EXPECT_EQ(count_of(text, "\n"), 2u);
  EXPECT_TRUE(std::all_of(text.begin(), text.end(),
                          [](char c) { return static_cast<unsigned char>(c) < 128; }));
}

TEST(Filmstrip, CompressesToTheWidthAndTheWorstVsyncOfACellWins) {
  std::string pattern(100, '.');
  pattern[25] = '!';  // in cell 2 (VSyncs 20..29)
  pattern[26] = 'X';  // same cell: dropped is worse than janky
  pattern[93] = '!';  // cell 9
  FilmstripStyle narrow = kAscii;
  narrow.width = 10;
  const std::string text = render_filmstrip(log_of(pattern), narrow);
  EXPECT_EQ(first_line(text), "..X......!");
  EXPECT_NE(second_line(text).find("1 cell = 10 VSyncs, worst shown"), std::string::npos);
  EXPECT_NE(second_line(text).find("100 VSyncs in 1.67 s"), std::string::npos);

  // 101 VSyncs no longer fit 10 per cell: 11 per cell (VSync 93 moves to cell 8), and the last
  // cell holds the remaining 2.
  pattern.push_back('X');
  const std::string uneven = render_filmstrip(log_of(pattern), narrow);
  EXPECT_EQ(first_line(uneven), "..X.....!X");
  EXPECT_NE(second_line(uneven).find("1 cell = 11 VSyncs"), std::string::npos);
}

TEST(Filmstrip, UnicodeUsesBlocksOfIncreasingHeight) {
  const std::string text = render_filmstrip(log_of("..!X"), {80, true, false});
  EXPECT_EQ(first_line(text), "\u2581\u2581\u2584\u2588");
  EXPECT_NE(second_line(text).find("\u2588 dropped 1"), std::string::npos);
}

TEST(Filmstrip, ColourOnlyWhenAsked) {
  const FrameLog log = log_of("..!X..");
  for (bool unicode : {true, false}) {
    EXPECT_EQ(render_filmstrip(log, {80, unicode, false}).find('\x1b'), std::string::npos);
    const std::string coloured = render_filmstrip(log, {80, unicode, true});
    EXPECT_NE(coloured.find("\x1b[32m"), std::string::npos);  // green: on time
    EXPECT_NE(coloured.find("\x1b[33m"), std::string::npos);  // yellow: janky
    EXPECT_NE(coloured.find("\x1b[31m"), std::string::npos);  // red: dropped
    // Every colour is closed before its line ends.
    for (const std::string& line : {first_line(coloured), second_line(coloured)}) {
      EXPECT_EQ(line.substr(line.rfind("\x1b["), 4), "\x1b[0m");
    }
  }
}

TEST(Filmstrip, SaysWhenThereIsNoVsync) {
  const std::string text = render_filmstrip(log_of(""), kAscii);
  EXPECT_NE(first_line(text).find("no VSync"), std::string::npos);
  EXPECT_NE(second_line(text).find("0 VSyncs"), std::string::npos);
}

/// Sets an environment variable for the scope of a test, restoring it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

/// A pseudo-terminal whose slave end is a TTY stream of a chosen width.
class PseudoTerminal {
 public:
  explicit PseudoTerminal(unsigned short columns) {
    master_ = posix_openpt(O_RDWR | O_NOCTTY);
    if (master_ < 0 || grantpt(master_) != 0 || unlockpt(master_) != 0) return;
    const int slave = open(ptsname(master_), O_RDWR | O_NOCTTY);
    if (slave < 0) return;
    winsize size{};
    size.ws_col = columns;
    size.ws_row = 24;
    ioctl(slave, TIOCSWINSZ, &size);
    stream_ = fdopen(slave, "w");
  }
  ~PseudoTerminal() {
    if (stream_) std::fclose(stream_);
    if (master_ >= 0) close(master_);
  }
  std::FILE* stream() const { return stream_; }

 private:
  int master_ = -1;
  std::FILE* stream_ = nullptr;
};

TEST(FilmstripStyle, ColourOnlyOnATtyAndNeverWithNoColor) {
  ScopedEnv term("TERM", "xterm-256color");
  ScopedEnv no_color("NO_COLOR", nullptr);
  PseudoTerminal tty(123);
  ASSERT_NE(tty.stream(), nullptr) << "no pseudo-terminal available";

  const FilmstripStyle on_tty = detect_filmstrip_style(tty.stream(), false);
  EXPECT_TRUE(on_tty.color);
  EXPECT_EQ(on_tty.width, 123u);
  EXPECT_FALSE(detect_filmstrip_style(tty.stream(), true).color);  // --no-color
  {
    ScopedEnv set("NO_COLOR", "1");
    EXPECT_FALSE(detect_filmstrip_style(tty.stream(), false).color);
  }

  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  EXPECT_FALSE(detect_filmstrip_style(file, false).color);
  std::fclose(file);
  EXPECT_FALSE(detect_filmstrip_style(nullptr, false).color);
}

TEST(FilmstripStyle, UnicodeFollowsTheLocaleAndWidthFallsBackToColumns) {
  ScopedEnv term("TERM", "xterm");
  ScopedEnv lc_ctype("LC_CTYPE", nullptr);
  ScopedEnv lang("LANG", nullptr);
  {
    ScopedEnv all("LC_ALL", "en_GB.UTF-8");
    EXPECT_TRUE(detect_filmstrip_style(nullptr, false).unicode);
  }
  {
    ScopedEnv all("LC_ALL", "C");
    EXPECT_FALSE(detect_filmstrip_style(nullptr, false).unicode);
  }
  {
    ScopedEnv all("LC_ALL", nullptr);
    ScopedEnv ctype("LC_CTYPE", "C.utf8");
    EXPECT_TRUE(detect_filmstrip_style(nullptr, false).unicode);
    ScopedEnv dumb("TERM", "dumb");
    EXPECT_FALSE(detect_filmstrip_style(nullptr, false).unicode);
  }
  {
    ScopedEnv columns("COLUMNS", "132");
    EXPECT_EQ(detect_filmstrip_style(nullptr, false).width, 132u);
  }
  {
    ScopedEnv columns("COLUMNS", "wide");
    EXPECT_EQ(detect_filmstrip_style(nullptr, false).width, 80u);
  }
  {
    ScopedEnv columns("COLUMNS", nullptr);
    EXPECT_EQ(detect_filmstrip_style(nullptr, false).width, 80u);
  }
}

}  // namespace
}  // namespace bench

// The progress line's text: what it names, and that it never outgrows the terminal.

#include "output/progress_text.hpp"

#include <gtest/gtest.h>

#include "report/text_layout.hpp"

namespace {

using namespace std::chrono_literals;

bench::Progress measured(int repetition, int repetitions) {
  bench::Progress p;
  p.mode = "worker";
  p.parameter_set =
      "2 MB (2000000 bytes), 3582 products, dynamic decoder (DOM tree, then mapped: jsonDecode)";
  p.set = 1;
  p.sets = 2;
  p.repetition = repetition;
  p.repetitions = repetitions;
  return p;
}

TEST(ProgressText, NamesModeRepetitionOfHowManySetAndElapsed) {
  const auto text = isolate_bench::progress_text(measured(3, 10), 12s, 200, true);
  EXPECT_EQ(text,
            "worker · repetition 3/10 · set 1/2 2 MB (2000000 bytes), 3582 products, dynamic "
            "decoder (DOM tree, then mapped: jsonDecode) · 12 s");
}

TEST(ProgressText, WarmUpsAreNamedAsSuch) {
  auto p = measured(1, 1);
  p.warmup = true;
  p.sets = 1;
  p.parameter_set = "1 KB";
  EXPECT_EQ(isolate_bench::progress_text(p, 2s, 80, true), "worker · warm-up 1/1 · 1 KB · 2 s");
}

TEST(ProgressText, AutoRepetitionsShowTheSetsBudgetInsteadOfACount) {
  auto p = measured(17, 10);  // 10 is the least number of rounds, not the count
  p.auto_repetitions = true;
  p.budget = 15s;
  p.set_elapsed = 4500ms;
  p.sets = 1;
  p.parameter_set = "1 KB";
  EXPECT_EQ(isolate_bench::progress_text(p, 75s, 80, false),
            "worker | repetition 17 (auto, 4 s of 15 s) | 1 KB | 1 min 15 s");
}

TEST(ProgressText, TheSetsLabelGivesWayToTheWidthFirst) {
  for (const std::size_t columns : {100u, 79u, 60u, 40u}) {
    const auto text = isolate_bench::progress_text(measured(3, 10), 12s, columns, true);
    EXPECT_LE(isolate_bench::display_width(text), columns) << text;
    EXPECT_EQ(text.rfind("worker · repetition 3/10 · set 1", 0), 0u) << text;
    EXPECT_NE(text.find("… · 12 s"), std::string::npos) << text << ": cut, the time kept";
  }
  // Too narrow for even the count and the time: cut, never wider.
  const auto narrow = isolate_bench::progress_text(measured(3, 10), 12s, 12, false);
  EXPECT_EQ(narrow, "worker | rep");
}

}  // namespace

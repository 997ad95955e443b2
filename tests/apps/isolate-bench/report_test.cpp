// The report writers and file handling, on a hand-made result (no run needed).

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "bench/harness/runner.hpp"
#include "bench/harness/settings_error.hpp"
#include "bench/harness/writable.hpp"
#include "cli/printable.hpp"
#include "output/abandon.hpp"
#include "output/atomic_file.hpp"
#include "output/report_plan.hpp"
#include "report/report_writer.hpp"
#include "report/summary_table.hpp"

namespace {

namespace fs = std::filesystem;

/// Two modes, one parameter set whose label needs CSV quoting; main takes 3 ms, worker 1 ms,
/// except the worker's fifth round, which took 10 ms (an outlier).
bench::ScenarioResult sample_result(int rounds = 10) {
  bench::ScenarioResult result;
  result.scenario = "sample";
  result.summary = "a sample";
  result.metrics = {{"wall_ns", "wall time", bench::Unit::ns, true, "the whole run"}};
  result.setup_metrics = {{"spawn_ns", "spawn", bench::Unit::ns, true, "the spawn"}};
  result.environment.cpu_model = "Test CPU, \"fast\"";
  result.environment.command_line = "isolate-bench sample";
  bench::ParameterResult set;
  set.parameters = {"size, \"odd\" label", {{"size_bytes", std::int64_t{2000000}}}};
  for (auto [name, base] : {std::pair{"main", 3e6}, std::pair{"worker", 1e6}}) {
    bench::ModeResult mode;
    mode.mode = {name, "how"};
    mode.baseline = std::string(name) == "main";
    if (!mode.baseline) mode.setup["spawn_ns"] = 5000;
    for (int r = 1; r <= rounds; ++r) {
      const bool outlier = !mode.baseline && r == 5;
      mode.repetitions.push_back({r, {{"wall_ns", outlier ? 10e6 : base + r}}, {}});
    }
    set.modes.push_back(std::move(mode));
  }
  result.parameter_sets.push_back(std::move(set));
  result.conclusions = {"worker wins"};
  bench::summarize_result(result);
  return result;
}

TEST(SummaryTable, PutsTheBaselineFirstAndStatesRatiosLikeHyperfine) {
  const auto result = sample_result();
  const auto table = isolate_bench::build_summary_table(result, result.parameter_sets[0], false);
  ASSERT_EQ(table.header.size(), 3u);
  EXPECT_EQ(table.header[1], "main (baseline)");
  EXPECT_EQ(table.header[2], "worker");
  bool found_verdict = false, found_range = false;
  for (const auto& row : table.rows) {
    if (row.label == "  vs main") {
      found_verdict = true;
      EXPECT_EQ(row.cells[1], "faster");
    }
    if (row.label == "  speedup, 95 %") {
      found_range = true;
      // Ten rounds: the interval is ranks 2 and 9 of the sorted paired ratios, all about 3
      // except round 5's 0.3, which the order statistics leave out.
      EXPECT_EQ(row.cells[1], "3.00x … 3.00x");
    }
  }
  EXPECT_TRUE(found_verdict);
  EXPECT_TRUE(found_range);
  const auto has_note = [&](const std::string& part) {
    return std::any_of(
        table.footnotes.begin(), table.footnotes.end(),
        [&](const std::string& note) { return note.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(
      has_note("Outliers of wall time beyond Tukey's fences (counted, kept in every "
               "figure): worker 1 of 10."));
  EXPECT_FALSE(has_note("too few"));
}

TEST(SummaryTable, FewRoundsGiveNoVerdict) {
  const auto result = sample_result(3);
  const auto table = isolate_bench::build_summary_table(result, result.parameter_sets[0], true);
  bool found = false;
  for (const auto& row : table.rows) {
    if (row.label != "  vs main") continue;
    found = true;
    EXPECT_EQ(row.cells[1], "no clear difference (too few)");
  }
  EXPECT_TRUE(found);
}

TEST(SummaryTable, AutoRepetitionsSayHowManyRanAndWhatStayedWide) {
  auto result = sample_result();
  result.settings.auto_repetitions = true;
  result.settings.max_time = std::chrono::seconds(30);
  auto& set = result.parameter_sets[0];
  set.rounds = 10;
  set.stop = bench::StopReason::time_budget;
  const auto note = isolate_bench::describe_rounds(result, set);
  ASSERT_TRUE(note);
  // main's values 3e6 + r: the interval 3e6 + 2 .. 3e6 + 9 is well within ±5 %; the worker's
  // is too (its outlier is outside ranks 2..9). The budget ran out with nothing wide.
  EXPECT_EQ(note->rfind("10 repetitions per mode ran before the 30 s budget (--max-time) ran "
                        "out",
                        0),
            0u)
      << *note;
  set.stop = bench::StopReason::converged;
  EXPECT_NE(isolate_bench::describe_rounds(result, set)->find("known to ±5 % at 95 % confidence"),
            std::string::npos);
  set.stop = bench::StopReason::fixed_count;
  EXPECT_FALSE(isolate_bench::describe_rounds(result, set));
}

TEST(CsvAndJson, CarryIntervalsVerdictsCountsAndOutliers) {
  const auto csv = isolate_bench::make_csv_writer()->render(sample_result());
  EXPECT_NE(csv.find("speedup_vs_baseline,speedup_low,speedup_high,verdict,stop,wall_ns"),
            std::string::npos);
  EXPECT_NE(csv.find(",faster,fixed,"), std::string::npos);
  EXPECT_NE(csv.find(",median_low,"), std::string::npos);
  EXPECT_NE(csv.find(",median_high,"), std::string::npos);
  // statistic, unstable, speedup_vs_baseline, speedup_low, speedup_high, verdict, stop, wall_ns
  EXPECT_NE(csv.find(",count,,,,,,fixed,10,"), std::string::npos) << "main: ten repetitions";
  EXPECT_NE(csv.find(",outliers,wall_ns,,,,,fixed,1,"), std::string::npos)
      << "the worker's outlier, its spread marked unstable";

  const auto json = isolate_bench::make_json_writer()->render(sample_result());
  EXPECT_NE(json.find("\"verdict\": \"faster\""), std::string::npos);
  EXPECT_NE(json.find("\"verdict\": null"), std::string::npos) << "the baseline has none";
  EXPECT_NE(json.find("\"repetition_count\": 10"), std::string::npos);
  EXPECT_NE(json.find("\"median_low\": 3000002"), std::string::npos) << "rank 2 of main's";
  EXPECT_NE(json.find("\"median_high\": 3000009"), std::string::npos) << "rank 9 of main's";
  EXPECT_NE(json.find("\"outliers_above\": 1"), std::string::npos);
}

TEST(CsvWriter, QuotesFieldsPerRfc4180AndEndsRowsWithCrLf) {
  const auto csv = isolate_bench::make_csv_writer()->render(sample_result());
  EXPECT_NE(csv.find("\"size, \"\"odd\"\" label\""), std::string::npos);
  EXPECT_NE(csv.find("\"Test CPU, \"\"fast\"\"\""), std::string::npos);
  EXPECT_EQ(csv.rfind("\r\n"), csv.size() - 2);
  EXPECT_EQ(csv.rfind("scenario,row_type,mode,baseline,parameter_set,parameters,repetition,", 0),
            0u);
}

TEST(TableAndMarkdown, ShowConclusionsAndEchoExactParameters) {
  const auto result = sample_result();
  const auto table = isolate_bench::make_table_writer({80, false, false})->render(result);
  EXPECT_NE(table.find("worker wins"), std::string::npos);
  EXPECT_NE(table.find("3 ms"), std::string::npos);
  EXPECT_EQ(table.find("µ"), std::string::npos);  // ASCII style
  const auto markdown = isolate_bench::make_markdown_writer()->render(result);
  EXPECT_NE(markdown.find("| main (baseline) | worker |"), std::string::npos);
  EXPECT_NE(markdown.find("- worker wins"), std::string::npos);
}

class TempFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        fs::temp_directory_path() /
        ("isolate-bench-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }
  fs::path folder_;
};

TEST_F(TempFolder, AtomicWriteReplacesTheFileAndLeavesNoTemporary) {
  const auto path = folder_ / "report.csv";
  isolate_bench::write_file_atomically(path, "first");
  isolate_bench::write_file_atomically(path, "second");
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(folder_), fs::directory_iterator()), 1);
}

TEST_F(TempFolder, AtomicWriteIntoAMissingFolderFailsWithoutCreatingAnything) {
  EXPECT_THROW(isolate_bench::write_file_atomically(folder_ / "missing" / "r.csv", "x"),
               std::runtime_error);
  EXPECT_FALSE(fs::exists(folder_ / "missing"));
}

TEST_F(TempFolder, PlanRejectsUnwritableDestinationsAndStdoutConflicts) {
  isolate_bench::OutputOptions options;
  options.results_dir = (folder_ / "results").string();
  EXPECT_NO_THROW(isolate_bench::plan_reports(options));  // a missing results dir is created later
  EXPECT_FALSE(fs::exists(folder_ / "results"));

  options.csv_path = (folder_ / "no-such-folder" / "r.csv").string();
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
  options.csv_path = folder_.string();  // a folder, not a file
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);

  options.csv_path = "-";
  options.json_path = "-";
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
  options.json_path.reset();
  options.format = isolate_bench::OutputFormat::json;
  options.format_given = true;
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
  options.format_given = false;
  EXPECT_EQ(isolate_bench::plan_reports(options).stdout_format, isolate_bench::OutputFormat::csv);
}

TEST_F(TempFolder, DefaultCsvPathNamesEachAttempt) {
  const auto when = std::chrono::system_clock::from_time_t(0);
  EXPECT_EQ(isolate_bench::default_csv_path(folder_, "spawn", when, 1).filename(),
            "spawn-19700101T000000Z.csv");
  EXPECT_EQ(isolate_bench::default_csv_path(folder_, "spawn", when, 2).filename(),
            "spawn-19700101T000000Z-2.csv");
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

std::size_t files_in(const fs::path& folder) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

TEST_F(TempFolder, RunsThatChoseOneNameAtOnceKeepTheirOwnFiles) {
  // Two runs staged their CSV under the same name; the second commits after the first.
  const auto name = [this](int attempt) {
    return attempt == 1 ? folder_ / "r.csv" : folder_ / ("r-" + std::to_string(attempt) + ".csv");
  };
  isolate_bench::ReportFiles first;
  isolate_bench::ReportFiles second;
  first.stage_new(name, "first");
  second.stage_new(name, "second");
  EXPECT_EQ(first.commit(), std::vector<fs::path>{folder_ / "r.csv"});
  EXPECT_EQ(second.commit(), std::vector<fs::path>{folder_ / "r-2.csv"});
  EXPECT_EQ(read(folder_ / "r.csv"), "first");
  EXPECT_EQ(read(folder_ / "r-2.csv"), "second");
  EXPECT_EQ(files_in(folder_), 2u);
}

TEST_F(TempFolder, AReportThatCannotBeWrittenTakesTheOthersWithIt) {
  {
    isolate_bench::ReportFiles files;
    files.stage_new([this](int) { return folder_ / "r.csv"; }, "csv");
    files.stage("/dev/full", "json");
    EXPECT_THROW(files.commit(), std::runtime_error);
  }
  EXPECT_EQ(files_in(folder_), 0u) << "no report and no temporary left";
}

TEST_F(TempFolder, StagedFilesThatAreNeverCommittedLeaveNothing) {
  {
    isolate_bench::ReportFiles files;
    files.stage(folder_ / "a.csv", "a");
    files.stage(folder_ / "b.json", "b");
    EXPECT_EQ(files_in(folder_), 2u);  // the temporaries
  }
  EXPECT_EQ(files_in(folder_), 0u);
}

TEST_F(TempFolder, ASignalRemovesTheTemporariesAndExitsWithItsCode) {
  const auto stage_then_signal = [this](int signal) {
    isolate_bench::install_abandon_handlers();
    isolate_bench::ReportFiles files;
    files.stage(folder_ / "a.csv", "a");
    std::raise(signal);
  };
  EXPECT_EXIT(stage_then_signal(SIGINT), ::testing::ExitedWithCode(130), "interrupted by SIGINT");
  EXPECT_EXIT(stage_then_signal(SIGTERM), ::testing::ExitedWithCode(143), "terminated by SIGTERM");
  EXPECT_EQ(files_in(folder_), 0u);
}

TEST(Abandon, AnAllocationFailureOnAnotherThreadIsOneLineAndExitOne) {
  const auto fail_on_a_thread = [] {
    isolate_bench::install_abandon_handlers();
    std::thread([] { throw std::bad_alloc(); }).join();
  };
  EXPECT_EXIT(fail_on_a_thread(), ::testing::ExitedWithCode(1), "^isolate-bench: out of memory");
}

TEST_F(TempFolder, PlanRefusesTwoReportsOnOneFile) {
  isolate_bench::OutputOptions options;
  options.csv_path = (folder_ / "same").string();
  options.json_path = (folder_ / "." / "same").string();
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
  options.json_path = (folder_ / "other").string();
  EXPECT_NO_THROW(isolate_bench::plan_reports(options));
}

TEST(Plan, RefusesAFolderNoFileCanBeCreatedIn) {
  // access() says yes to root for /proc; the plan tries instead.
  isolate_bench::OutputOptions options;
  options.results_dir = "/proc/isolate-bench-results";
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
  options.csv_path = "/proc/report.csv";
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
}

TEST(Printable, EscapesControlsAndInvalidUtf8AndKeepsText) {
  EXPECT_EQ(isolate_bench::printable("caf\xc3\xa9 ok"), "caf\xc3\xa9 ok");
  EXPECT_EQ(isolate_bench::printable("a\x1b[31mb"), "a\\x1b[31mb");
  EXPECT_EQ(isolate_bench::printable(std::string("a\0b\nc\x7f", 6)), "a\\x00b\\x0ac\\x7f");
  EXPECT_EQ(isolate_bench::printable("\xff\xc3"), "\\xff\\xc3");
  EXPECT_EQ(isolate_bench::printable("\xc2\x9b"), "\\xc2\\x9b");  // C1 CSI
}

}  // namespace

namespace {

TEST(AtomicFile, ADeviceIsWrittenInPlaceNeverReplaced) {
  EXPECT_NO_THROW(bench::check_writable_file("/dev/null", "--json"));
  isolate_bench::write_file_atomically("/dev/null", "discarded");
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
}

}  // namespace

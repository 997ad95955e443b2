// The report writers and file handling, on a hand-made result (no run needed).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bench/harness/runner.hpp"
#include "bench/harness/settings_error.hpp"
#include "output/atomic_file.hpp"
#include "output/report_plan.hpp"
#include "report/report_writer.hpp"
#include "report/summary_table.hpp"

namespace {

namespace fs = std::filesystem;

/// Two modes, one parameter set whose label needs CSV quoting; main takes 3 ms, worker 1 ms.
bench::ScenarioResult sample_result() {
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
    for (int r = 1; r <= 3; ++r) {
      mode.repetitions.push_back({r, {{"wall_ns", base + r}}, {}});
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
  bool found_ratio = false;
  for (const auto& row : table.rows) {
    if (row.label == "  vs main") {
      found_ratio = true;
      EXPECT_EQ(row.cells[1].rfind("3.00x faster", 0), 0u) << row.cells[1];
    }
  }
  EXPECT_TRUE(found_ratio);
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

TEST_F(TempFolder, DefaultCsvPathNeverOverwrites) {
  const auto when = std::chrono::system_clock::from_time_t(0);
  const auto first = isolate_bench::default_csv_path(folder_, "spawn", when);
  EXPECT_EQ(first.filename(), "spawn-19700101T000000Z.csv");
  std::ofstream(first) << "taken";
  const auto second = isolate_bench::default_csv_path(folder_, "spawn", when);
  EXPECT_EQ(second.filename(), "spawn-19700101T000000Z-2.csv");
}

}  // namespace

namespace {

TEST(AtomicFile, ADeviceIsWrittenInPlaceNeverReplaced) {
  EXPECT_NO_THROW(isolate_bench::check_writable_file("/dev/null", "--json"));
  isolate_bench::write_file_atomically("/dev/null", "discarded");
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
}

}  // namespace

// The report writers and file handling, on a hand-made result (no run needed).

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/runner.hpp"
#include "bench/harness/settings_error.hpp"
#include "bench/harness/writable.hpp"
#include "cli/printable.hpp"
#include "output/abandon.hpp"
#include "output/atomic_file.hpp"
#include "output/report_plan.hpp"
#include "report/compact_table.hpp"
#include "report/report_writer.hpp"
#include "report/summary_table.hpp"
#include "report/text_layout.hpp"

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
  EXPECT_NE(markdown.find("| mode | wall time |"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("| **worker** ▸ |"), std::string::npos) << "the best offload, marked";
  EXPECT_NE(markdown.find("- worker wins"), std::string::npos);
  EXPECT_EQ(markdown.find("\x1b["), std::string::npos) << "no colour in Markdown";
}

/// A frames window of `vsyncs` VSyncs at 60 fps, `dropped` of them (from the fourth on) never
/// rendered, the others rendered well within their period.
bench::FrameLog frame_window(std::size_t vsyncs, std::size_t dropped) {
  bench::FrameLog log;
  log.config.fps = 60;
  const auto period = std::chrono::nanoseconds(16'666'667);
  for (std::size_t i = 0; i < vsyncs; ++i) {
    bench::FrameRecord frame;
    frame.due = log.started + period * static_cast<long>(i);
    if (i < 3 || i >= 3 + dropped) {
      frame.started = frame.due + std::chrono::milliseconds(1);
      frame.finished = frame.due + std::chrono::milliseconds(3);
    }
    log.frames.push_back(frame);
  }
  log.stopped = log.started + period * static_cast<long>(vsyncs);
  return log;
}

/// The shape of `json-parse --size 2MB`: two parameter sets (both decoders) of six modes, the
/// typed decoder's map step 0 and its decode equal to its parse, main's copy-in 0, every
/// repetition's frames window of about ten VSyncs, and conclusions as long as the scenario's.
bench::ScenarioResult json_parse_like_result() {
  bench::ScenarioResult result;
  result.scenario = "json-parse";
  result.summary = "the document's JSON catalog parsed on the main isolate versus offloaded";
  result.settings.auto_repetitions = true;
  result.settings.max_time = std::chrono::seconds(15);
  using bench::Unit;
  result.metrics = {
      {"end_to_end_ns", "end to end", Unit::ns, true, ""},
      {"main_thread_ns", "main isolate busy", Unit::ns, true, ""},
      {"copy_in_ns", "copy in", Unit::ns, true, ""},
      {"parse_ns", "parse", Unit::ns, true, ""},
      {"decode_ns", "decode", Unit::ns, true, ""},
      {"map_ns", "map to products", Unit::ns, true, ""},
      {"copy_in_bytes", "copied in", Unit::bytes, true, ""},
  };
  for (auto& spec : bench::frame_metric_specs()) result.metrics.push_back(spec);
  result.setup_metrics = {{"worker_spawn_ns", "worker spawn (once, in setup)", Unit::ns, true, ""}};
  result.environment.cpu_model = "AMD EPYC";
  result.environment.command_line = "isolate-bench json-parse --size 2MB";
  const std::vector<std::string> modes{"main", "run", "run-send", "compute", "worker", "transfer"};
  for (const bool typed : {false, true}) {
    bench::ParameterResult set;
    set.index = typed ? 1 : 0;
    set.parameters = {typed ? "2 MB (2000000 bytes), 3582 products, typed decoder (On-Demand into "
                              "structs)"
                            : "2 MB (2000000 bytes), 3582 products, dynamic decoder (DOM tree, "
                              "then mapped: jsonDecode)",
                      {}};
    set.rounds = 24;
    set.stop = bench::StopReason::time_budget;
    for (std::size_t m = 0; m < modes.size(); ++m) {
      bench::ModeResult mode;
      mode.mode = {modes[m], ""};
      mode.baseline = m == 0;
      if (modes[m] == "worker" || modes[m] == "transfer") mode.setup["worker_spawn_ns"] = 150'000;
      for (int r = 1; r <= 24; ++r) {
        const double jitter = (r % 5) * 4e5;  // 0..1.6 ms: some figures vary over 10 %
        const double decode = (typed ? 2e6 : 14e6) + jitter;
        const double map = typed ? 0 : 11e6;
        const double copy_in = m == 0 ? 0 : 2e5 + r;
        const double busy = m == 0 ? decode + map : copy_in + 3e4;
        bench::Measurements values{
            {"end_to_end_ns", decode + map + (m == 0 ? 0 : 3e6 + m * 1e6)},
            {"main_thread_ns", busy},
            {"copy_in_ns", copy_in},
            {"parse_ns", decode + map},
            {"decode_ns", decode},
            {"map_ns", map},
            {"copy_in_bytes", m == 0 ? 0 : 2000064},
            {"frames_dropped", m == 0 ? 2 : 0},
            {"frames_janky", m == 0 ? 1 : 0},
            {"worst_frame_latency_ns", 1.7e7},
            {"longest_freeze_ns", 4e7},
            {"longest_event_ns", busy},
            {"ui_busy_share", 0.15},
        };
        mode.repetitions.push_back({r, values, frame_window(9 + m % 2, m == 0 ? 2 : 0)});
      }
      set.modes.push_back(std::move(mode));
    }
    result.parameter_sets.push_back(std::move(set));
  }
  // As long as the scenario's own: per set the offload answer first, then for the dynamic
  // decoder the crossings (body and products) and scale; the main isolate's rate as details; after
  // the tables, spawn.
  result.parameter_sets[0].conclusions = {
      "2 MB, dynamic decoder: offload it: the main isolate parsed in 25.1 ms and dropped 2 "
      "frames; the fastest offload (run, 29.1 ms end to end) dropped 0 frames and kept the main "
      "isolate busy 230 µs; end to end: no clear difference (1.21x slower to 1.01x faster).",
      "2 MB, dynamic decoder: run-send copied the body in (2 MB, 227 µs) where run, compute and "
      "worker share it (Dart ≥ 2.15; run: 56 B, 1.5 µs), and the 3582 products back through a "
      "port (2.35 MB, 432 µs): they reached the main isolate 1.22 ms after the parse, against "
      "134 µs by exit (run).",
      "For scale: the document quotes 60-80 ms for jsonDecode of 2 MB on a mid-range phone (4-5 "
      "frames dropped at 60 fps); here the dynamic decoder decoded and mapped 2 MB on the main "
      "isolate in 25.1 ms (79.7 MB/s), dropping 2 frames, 2 to 3 times faster: still the stutter "
      "shows here.",
  };
  result.parameter_sets[1].conclusions = {
      "2 MB, typed decoder: offload it: the main isolate parsed in 2.4 ms and dropped 2 frames; "
      "the fastest offload (run, 6.4 ms end to end) dropped 0 frames and kept the main isolate "
      "busy 230 µs; end to end: slower (2.50x to 2.80x).",
  };
  result.parameter_sets[0].further_conclusions = {
      "Main isolate, dynamic decoder, 2 MB: the parse took 25.1 ms (79.7 MB/s) and blocked the "
      "loop for 25.1 ms at once; at 60 fps with 2 ms of UI work per frame it dropped 2 frames per "
      "parse (median).",
  };
  result.parameter_sets[1].further_conclusions = {
      "Main isolate, typed decoder, 2 MB: the parse took 2.4 ms (833 MB/s) and blocked the loop "
      "for 2.4 ms at once; at 60 fps with 2 ms of UI work per frame it dropped 2 frames per "
      "parse (median).",
  };
  result.conclusions = {
      "The persistent workers (worker, transfer) took 150 µs to spawn, once in setup, outside "
      "the per-parse figures.",
  };
  bench::summarize_result(result);
  return result;
}

TEST(CompactReport, JsonParseFitsOneScreenOf100Columns) {
  const auto result = json_parse_like_result();
  for (const bool unicode : {true, false}) {
    const auto text = isolate_bench::make_table_writer({100, unicode, false})->render(result);
    const auto lines = isolate_bench::lines_of(text);
    for (const auto& line : lines) {
      EXPECT_LE(isolate_bench::display_width(line), 100u) << line;
    }
    // Each set's table, its filmstrips and its conclusions right under it, the sentences
    // comparing the sets after them, all within 40 lines; the environment after.
    auto line_of = [&](const std::string& part) {
      const auto found = std::find_if(lines.begin(), lines.end(), [&](const auto& line) {
        return line.find(part) != std::string::npos;
      });
      return found == lines.end() ? -1 : static_cast<int>(found - lines.begin());
    };
    const int dynamic_table = line_of("dynamic decoder (DOM tree");
    const int dynamic_answer = line_of("2 MB, dynamic decoder: offload it");
    const int typed_table = line_of("typed decoder (On-Demand");
    const int typed_answer = line_of("2 MB, typed decoder: offload it");
    const int spawn = line_of("to spawn, once in setup");
    ASSERT_GE(dynamic_table, 0) << text;
    EXPECT_LT(dynamic_table, dynamic_answer) << text;
    EXPECT_LT(dynamic_answer, typed_table) << "the dynamic set's answer under its own table";
    EXPECT_LT(typed_table, typed_answer) << text;
    EXPECT_LT(typed_answer, spawn) << "the run's sentences after every set's";
    EXPECT_LE(spawn + 2, 40) << text;
    EXPECT_EQ(line_of("Main isolate, typed decoder"), -1) << "a detail";
    EXPECT_LE(lines.size(), 40u + 6) << text;
    // The filmstrips sit in the rows: no strip block of their own under the table.
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "frames"), 0) << text;
    EXPECT_NE(text.find(unicode ? "██" : "XX"), std::string::npos) << "main's dropped frames";
  }
}

TEST(CompactReport, ANarrowTerminalKeepsEveryRowOnOneLine) {
  const auto result = json_parse_like_result();
  for (const std::size_t width : {80u, 72u}) {
    const auto text = isolate_bench::make_table_writer({width, true, true})->render(result);
    for (const auto& line : isolate_bench::lines_of(text)) {
      EXPECT_LE(isolate_bench::display_width(line), width) << line;
    }
  }
  const auto text = isolate_bench::make_table_writer({72, true, false})->render(result);
  EXPECT_EQ(text.find("min…max"), std::string::npos) << "the range gives way first";
  EXPECT_NE(text.find("vs main, speedup"), std::string::npos) << "the verdicts stay";
}

TEST(CompactReport, OneRowPerModeWithVerdictRangeAndNothingThatDoesNotApply) {
  const auto result = json_parse_like_result();
  const auto table =
      isolate_bench::build_compact_table(result, result.parameter_sets[1], /*ascii=*/false);
  ASSERT_EQ(table.rows.size(), 6u);
  std::vector<std::string> headers;
  for (const auto& column : table.columns) headers.push_back(column.header);
  EXPECT_EQ(headers, (std::vector<std::string>{"end to end", "min…max", "vs main, speedup",
                                               "main busy", "dropped", "janky"}));
  EXPECT_EQ(table.rows[0].cells[2].text, "baseline");
  EXPECT_EQ(table.rows[1].cells[2].text.rfind("slower ", 0), 0u) << table.rows[1].cells[2].text;
  EXPECT_NE(table.rows[1].cells[2].text.find("…"), std::string::npos) << "the ratio's range";
  EXPECT_EQ(table.rows[0].cells[4].tone, isolate_bench::CellTone::dropped);
  EXPECT_EQ(table.rows[0].cells[5].tone, isolate_bench::CellTone::janky);
  EXPECT_TRUE(table.rows[1].best) << "fewest frames lost, then the fastest: run";
  EXPECT_FALSE(table.rows[0].best) << "never the baseline";
  EXPECT_GT(table.unstable, 0u);
  EXPECT_LE(table.unstable, table.figures);
  for (const auto& row : table.rows) {
    for (const auto& cell : row.cells) {
      EXPECT_EQ(cell.text.find("0 ns"), std::string::npos) << row.mode;
    }
  }

  const auto text = isolate_bench::make_table_writer({100, true, false})->render(result);
  EXPECT_NE(text.find("figures vary over 10 % between repetitions"), std::string::npos);
  EXPECT_EQ(text.find("coefficient of variation"), std::string::npos)
      << "the list of unstable figures is in --details only";
  EXPECT_EQ(text.find("0 ns"), std::string::npos) << "no figure of a step a mode does not have";
}

TEST(CompactReport, ColourOnlyWhereAsked) {
  const auto result = json_parse_like_result();
  const auto plain = isolate_bench::make_table_writer({100, true, false})->render(result);
  EXPECT_EQ(plain.find("\x1b["), std::string::npos);
  const auto coloured = isolate_bench::make_table_writer({100, true, true})->render(result);
  EXPECT_NE(coloured.find("\x1b[31m"), std::string::npos) << "dropped frames red";
  EXPECT_NE(coloured.find("\x1b[33m"), std::string::npos) << "janky frames amber";
  EXPECT_NE(coloured.find("\x1b[1mrun\x1b[0m"), std::string::npos) << "the best offload bold";
  for (const auto& line : isolate_bench::lines_of(coloured)) {
    EXPECT_LE(isolate_bench::display_width(line), 100u) << line;
  }
}

TEST(DetailedReport, LosesNoMetricOfTheCompactOneAndShowsEveryMetric) {
  const auto result = json_parse_like_result();
  const auto compact = isolate_bench::make_table_writer({100, true, false})->render(result);
  const auto details =
      isolate_bench::make_table_writer({100, true, false}, /*details=*/true)->render(result);
  EXPECT_EQ(details.rfind(compact.substr(0, compact.find("CPU:")), 0), 0u)
      << "--details starts with the compact report";
  for (const auto& metric : result.metrics) {
    EXPECT_NE(details.find(metric.label), std::string::npos) << metric.label;
  }
  for (const auto& metric : result.setup_metrics) {
    EXPECT_NE(details.find(metric.label), std::string::npos) << metric.label;
  }
  EXPECT_NE(details.find("parse = decode (median)"), std::string::npos)
      << "equal by construction in the typed set: one row";
  auto flowing = details;  // wrapped prose back on one line
  std::replace(flowing.begin(), flowing.end(), '\n', ' ');
  EXPECT_NE(flowing.find("Not measured in this parameter set (0 in every repetition of every "
                         "mode; blank cells are the same for one mode): map to products."),
            std::string::npos);
  EXPECT_NE(details.find("coefficient of variation above 10 %"), std::string::npos)
      << "the unstable figures by name";
  EXPECT_NE(details.find("on time"), std::string::npos) << "each filmstrip with its legend";
  EXPECT_EQ(details.find("0 ns"), std::string::npos);
  for (const auto& line : isolate_bench::lines_of(details)) {
    EXPECT_LE(isolate_bench::display_width(line), 100u) << line;
  }
  const auto markdown = isolate_bench::make_markdown_writer(true)->render(result);
  for (const auto& metric : result.metrics) {
    EXPECT_NE(markdown.find(metric.label), std::string::npos) << metric.label;
  }
  for (const auto& set : result.parameter_sets) {  // no sentence lost either
    for (const auto& sentence : set.further_conclusions) {
      EXPECT_EQ(compact.find(sentence.substr(0, 40)), std::string::npos) << sentence;
      EXPECT_NE(details.find(sentence.substr(0, 40)), std::string::npos) << sentence;
      EXPECT_NE(markdown.find("- " + sentence + "\n"), std::string::npos) << sentence;
    }
  }
}

TEST(Conclusions, FourASetByDefaultTheRestWithDetailsInBothFormats) {
  auto result = sample_result();
  bench::Conclusions conclusions;
  for (int i = 1; i <= 5; ++i) conclusions.add(0, fmt::format("Sentence number {}.", i));
  conclusions.add_detail(0, "Sentence number 6.");
  conclusions.run = {"worker wins"};
  bench::attach_conclusions(result, std::move(conclusions));
  ASSERT_EQ(result.parameter_sets[0].conclusions.size(), bench::kConclusionsShown);
  EXPECT_EQ(result.parameter_sets[0].further_conclusions,
            (std::vector<std::string>{"Sentence number 5.", "Sentence number 6."}))
      << "a fifth sentence joins the details, before them";
  const auto table = isolate_bench::make_table_writer({80, false, false})->render(result);
  const auto markdown = isolate_bench::make_markdown_writer()->render(result);
  for (int i = 1; i <= 4; ++i) {
    const auto sentence = fmt::format("Sentence number {}.", i);
    EXPECT_NE(table.find("\n" + sentence + "\n"), std::string::npos) << table;
    EXPECT_NE(markdown.find("- " + sentence + "\n"), std::string::npos) << markdown;
  }
  EXPECT_EQ(table.find("Sentence number 5"), std::string::npos) << "at most four by default";
  EXPECT_EQ(markdown.find("Sentence number 5"), std::string::npos);
  EXPECT_LT(table.find("Sentence number 4"), table.find("worker wins"))
      << "the set's sentences under its table, the run's after";
  // Nothing is lost: --details prints the rest, after the set's detailed table.
  const auto details = isolate_bench::make_table_writer({80, false, false}, true)->render(result);
  const auto markdown_details = isolate_bench::make_markdown_writer(true)->render(result);
  for (int i = 5; i <= 6; ++i) {
    const auto sentence = fmt::format("Sentence number {}.", i);
    for (const auto* text : {&details, &markdown_details}) {
      const auto at = text->find(sentence + "\n");
      ASSERT_NE(at, std::string::npos) << *text;
      EXPECT_GT(at, text->find("Details: ")) << *text;
    }
  }
}

TEST(CompactReport, MarkdownListsEachSetsConclusionsUnderItsTable) {
  const auto result = json_parse_like_result();
  const auto markdown = isolate_bench::make_markdown_writer()->render(result);
  const auto dynamic = markdown.find("### 2 MB (2000000 bytes), 3582 products, dynamic");
  const auto dynamic_answer = markdown.find("\n\n- 2 MB, dynamic decoder: offload it");
  const auto typed = markdown.find("### 2 MB (2000000 bytes), 3582 products, typed");
  const auto typed_answer = markdown.find("\n\n- 2 MB, typed decoder: offload it");
  const auto spawn = markdown.find("- The persistent workers");
  ASSERT_NE(spawn, std::string::npos) << markdown;
  EXPECT_LT(dynamic, dynamic_answer);
  EXPECT_LT(dynamic_answer, typed);
  EXPECT_LT(typed, typed_answer);
  EXPECT_LT(typed_answer, spawn);
  EXPECT_NE(markdown.find("|\n\n- 2 MB, typed decoder"), std::string::npos)
      << "a blank line between the table and its list, so the list does not join the table";
}

TEST(TextLayout, WrapsAtWordsCutsOverlongWordsAndIgnoresColourCodes) {
  EXPECT_EQ(isolate_bench::wrap("aa bb cc", 5), "aa bb\ncc\n");
  EXPECT_EQ(isolate_bench::wrap("abcdefgh", 3), "abc\ndef\ngh\n");
  EXPECT_EQ(isolate_bench::display_width("\x1b[31m█\x1b[0m x"), 3u);
  EXPECT_EQ(isolate_bench::pad_left("ab", 4), "  ab");
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

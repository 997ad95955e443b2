#include "claims/claims_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bench/harness/units.hpp"
#include "report/escaping.hpp"

namespace isolate_bench {
namespace {

using bench::claims::ClaimRow;
using bench::claims::verdict_name;

std::string length_name(bench::claims::RunLength length) {
  return length == bench::claims::RunLength::quick ? "quick" : "full";
}

/// One line on what the figures were measured on, for the table's and Markdown's caption.
std::string machine_line(const ClaimsReport& report) {
  const auto& e = report.environment;
  return fmt::format(
      "Measured here in {} ({} runs): {}, {} logical cores, {} build, commit {}, {}.",
      bench::format_duration_ns(static_cast<double>(report.wall_time.count())),
      length_name(report.length), e.cpu_model, e.logical_cores, e.build_type, e.commit,
      e.timestamp_utc);
}

std::string verdict_text(const ClaimRow& row) {
  return std::string(verdict_name(row.judgement.verdict)) + ": " + row.judgement.reason;
}

std::string render_table(const ClaimsReport& report) {
  const std::vector<std::string> header{"Claim", "Document", "Measured here", "Verdict",
                                        "Measure it in full"};
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : report.rows) {
    cells.push_back({row.claim, row.document, row.measured, verdict_text(row), row.command});
  }
  // Widths in characters, not bytes: a figure may hold "µ" or "≥".
  auto width_of = [](const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
  };
  std::vector<std::size_t> widths;
  for (const auto& title : header) widths.push_back(width_of(title));
  for (const auto& line : cells) {
    for (std::size_t c = 0; c < line.size(); ++c)
      widths[c] = std::max(widths[c], width_of(line[c]));
  }
  auto line_of = [&](const std::vector<std::string>& line) {
    std::string out;
    for (std::size_t c = 0; c < line.size(); ++c) {
      out += line[c];
      if (c + 1 < line.size()) out += std::string(widths[c] - width_of(line[c]) + 2, ' ');
    }
    return out + "\n";
  };
  std::string out = "The claims of \"Dart Isolates Explained\", checked on this machine\n\n";
  out += line_of(header);
  std::vector<std::string> rules;
  for (const auto width : widths) rules.emplace_back(width, '-');
  out += line_of(rules);
  for (const auto& line : cells) out += line_of(line);
  return out + "\n" + machine_line(report) + "\n";
}

std::string render_markdown(const ClaimsReport& report) {
  std::string out = "## The claims of \"Dart Isolates Explained\", checked\n\n";
  out += "| Claim | Document | Measured here | Verdict | Why | Measure it in full |\n";
  out += "|---|---|---|---|---|---|\n";
  for (const auto& row : report.rows) {
    out += fmt::format("| {} | {} | {} | {} | {} | `{}` |\n", markdown_cell(row.claim),
                       markdown_cell(row.document), markdown_cell(row.measured),
                       markdown_cell(verdict_name(row.judgement.verdict)),
                       markdown_cell(row.judgement.reason), row.command);
  }
  return out + "\n" + markdown_cell(machine_line(report)) + "\n";
}

std::string render_csv(const ClaimsReport& report) {
  const auto& e = report.environment;
  std::string out =
      "id,claim,document,measured,verdict,reason,command,run_length,cpu_model,logical_cores,"
      "commit,timestamp_utc\n";
  for (const auto& row : report.rows) {
    const std::vector<std::string> fields{row.id,
                                          row.claim,
                                          row.document,
                                          row.measured,
                                          std::string(verdict_name(row.judgement.verdict)),
                                          row.judgement.reason,
                                          row.command,
                                          length_name(report.length),
                                          e.cpu_model,
                                          std::to_string(e.logical_cores),
                                          e.commit,
                                          e.timestamp_utc};
    for (std::size_t i = 0; i < fields.size(); ++i) {
      out += csv_field(fields[i]) + (i + 1 < fields.size() ? "," : "\n");
    }
  }
  return out;
}

std::string render_json(const ClaimsReport& report) {
  const auto& e = report.environment;
  std::string out = "{\n";
  out += fmt::format("  \"run_length\": {},\n", json_quote(length_name(report.length)));
  out += fmt::format("  \"wall_time_ns\": {},\n", report.wall_time.count());
  out += fmt::format(
      "  \"environment\": {{\"cpu_model\": {}, \"logical_cores\": {}, \"build_type\": {}, "
      "\"commit\": {}, \"timestamp_utc\": {}, \"command_line\": {}}},\n",
      json_quote(e.cpu_model), e.logical_cores, json_quote(e.build_type), json_quote(e.commit),
      json_quote(e.timestamp_utc), json_quote(e.command_line));
  out += "  \"runs\": [";
  for (std::size_t i = 0; i < report.run_times.size(); ++i) {
    const auto& run = report.run_times[i];
    out += fmt::format("{}\n    {{\"tag\": {}, \"scenario\": {}, \"wall_time_ns\": {}}}",
                       i == 0 ? "" : ",", json_quote(run.tag), json_quote(run.scenario),
                       run.wall.count());
  }
  out += "\n  ],\n";
  out += "  \"claims\": [";
  for (std::size_t i = 0; i < report.rows.size(); ++i) {
    const auto& row = report.rows[i];
    out += fmt::format(
        "{}\n    {{\"id\": {}, \"claim\": {}, \"document\": {}, \"measured\": {}, "
        "\"verdict\": {}, \"reason\": {}, \"command\": {}}}",
        i == 0 ? "" : ",", json_quote(row.id), json_quote(row.claim), json_quote(row.document),
        json_quote(row.measured), json_quote(verdict_name(row.judgement.verdict)),
        json_quote(row.judgement.reason), json_quote(row.command));
  }
  return out + "\n  ]\n}\n";
}

}  // namespace

std::string render_claims(const ClaimsReport& report, OutputFormat format) {
  switch (format) {
    case OutputFormat::table:
      return render_table(report);
    case OutputFormat::markdown:
      return render_markdown(report);
    case OutputFormat::csv:
      return render_csv(report);
    case OutputFormat::json:
      return render_json(report);
  }
  return render_table(report);
}

}  // namespace isolate_bench

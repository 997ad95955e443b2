#include "output/report_delivery.hpp"

#include <filesystem>
#include <iostream>

#include "output/checked_stdout.hpp"

namespace isolate_bench {

std::vector<std::string> stage_csv_and_json(const ReportPlan& plan, const std::string& command,
                                            std::chrono::system_clock::time_point started,
                                            const std::function<std::string()>& csv,
                                            const std::function<std::string()>& json,
                                            ReportFiles& files) {
  std::vector<std::string> kinds;
  if (plan.csv_file) {
    const std::string text = csv();
    if (plan.csv_is_default) {
      std::filesystem::create_directories(*plan.csv_file);
      files.stage_new(
          [folder = *plan.csv_file, command, started](int attempt) {
            return default_csv_path(folder, command, started, attempt);
          },
          text);
    } else {
      files.stage(*plan.csv_file, text);
    }
    kinds.emplace_back("CSV report");
  }
  if (plan.json_file) {
    files.stage(*plan.json_file, json());
    kinds.emplace_back("JSON report");
  }
  return kinds;
}

void deliver_reports(const std::string& stdout_text, ReportFiles& files,
                     const std::vector<std::string>& kinds, OutputFormat stdout_format,
                     bool quiet) {
  // stdout first, then the files: a report that cannot be shown is a failed run, and a failed
  // run leaves no report file behind.
  write_stdout(stdout_text);
  const auto paths = files.commit();
  std::string where_lines;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    where_lines += kinds[i] + ": " + paths[i].string() + "\n";
  }
  if (stdout_format == OutputFormat::table) {
    write_stdout(where_lines);
  } else if (!quiet) {
    std::cerr << where_lines;
  }
}

}  // namespace isolate_bench

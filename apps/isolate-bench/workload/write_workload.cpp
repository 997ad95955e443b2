#include "workload/write_workload.hpp"

#include <fmt/format.h>

#include "bench/harness/settings_error.hpp"
#include "bench/harness/writable.hpp"
#include "output/atomic_file.hpp"

namespace isolate_bench {

void add_workload_option(CLI::App& command, const bench::Scenario& scenario,
                         std::optional<std::filesystem::path>& into) {
  const std::string format = scenario.workload_format();
  if (format.empty()) return;
  command
      .add_option_function<std::string>(
          "--write-workload",
          [&into](const std::string& path) {
            if (path.empty()) {
              throw bench::SettingsError(
                  "--write-workload '': empty path; accepted: the path of the file to write");
            }
            into = path;
          },
          fmt::format("Write {} to PATH and exit without measuring: the same bytes for a Dart or "
                      "Flutter app (several inputs: PATH gets each one's tag before its "
                      "extension)",
                      format))
      ->type_name("PATH")
      ->group("Output");
}

std::vector<std::filesystem::path> workload_paths(const std::filesystem::path& requested,
                                                  const std::vector<bench::Workload>& workloads) {
  if (workloads.size() == 1) return {requested};
  std::vector<std::filesystem::path> paths;
  for (const auto& workload : workloads) {
    auto path = requested;
    path.replace_filename(requested.stem().string() + "-" + workload.tag +
                          requested.extension().string());
    paths.push_back(std::move(path));
  }
  return paths;
}

std::string write_workloads(const bench::Scenario& scenario,
                            const std::filesystem::path& requested) {
  const auto workloads = scenario.workloads();
  if (workloads.empty()) {
    throw bench::SettingsError(
        "--write-workload writes a generated input, and --input names your own file; accepted: "
        "--write-workload without --input");
  }
  const auto paths = workload_paths(requested, workloads);
  for (const auto& path : paths) {
    bench::check_writable_file(path, "--write-workload", /*dash_for_stdout=*/false);
  }

  ReportFiles files;
  for (std::size_t i = 0; i < workloads.size(); ++i) files.stage(paths[i], workloads[i].content);
  const auto written = files.commit();
  std::string lines;
  for (std::size_t i = 0; i < workloads.size(); ++i) {
    lines += fmt::format("Workload: {} ({} bytes): {}\n", written[i].string(),
                         workloads[i].content.size(), workloads[i].description);
  }
  return lines;
}

}  // namespace isolate_bench

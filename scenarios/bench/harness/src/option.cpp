#include "bench/harness/option.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "bench/harness/settings_error.hpp"
#include "bench/harness/units.hpp"

namespace bench {
namespace {

[[noreturn]] void reject(std::string_view flag, std::string_view text, std::string_view problem,
                         std::string_view accepted) {
  throw SettingsError(fmt::format("{} '{}': {}; accepted: {}", flag, text, problem, accepted));
}

/// A duration as a user would type it: "1s", "250us", "0ns" (the largest exact unit).
std::string typed_duration(std::chrono::nanoseconds duration) {
  const auto ns = duration.count();
  if (ns != 0 && ns % 1'000'000'000 == 0) return fmt::format("{}s", ns / 1'000'000'000);
  if (ns != 0 && ns % 1'000'000 == 0) return fmt::format("{}ms", ns / 1'000'000);
  if (ns != 0 && ns % 1'000 == 0) return fmt::format("{}us", ns / 1'000);
  return fmt::format("{}ns", ns);
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

std::string long_flag(std::string_view flags) {
  const auto comma = flags.rfind(',');
  return std::string(comma == std::string_view::npos ? flags : flags.substr(comma + 1));
}

std::vector<std::uint64_t> parse_size_list_within(std::string_view text, std::string_view flag,
                                                  const SizeBounds& bounds) {
  std::vector<std::uint64_t> sizes = parse_size_list(text, flag);
  const std::string accepted = bounds.max == std::numeric_limits<std::uint64_t>::max()
                                   ? fmt::format("sizes of at least {}", describe_size(bounds.min))
                                   : fmt::format("sizes from {} to {}", describe_size(bounds.min),
                                                 describe_size(bounds.max));
  for (const auto bytes : sizes) {
    if (bytes < bounds.min) {
      reject(flag, text,
             fmt::format("{} is below the smallest accepted size", describe_size(bytes)), accepted);
    }
    if (bytes > bounds.max) {
      reject(flag, text,
             fmt::format("{} is above the largest accepted size{}", describe_size(bytes),
                         bounds.max_reason.empty() ? "" : " (" + bounds.max_reason + ")"),
             accepted);
    }
  }
  return sizes;
}

std::vector<std::int64_t> parse_integer_list(std::string_view text, std::string_view flag,
                                             std::int64_t min, std::int64_t max) {
  const std::string accepted =
      fmt::format("whole numbers from {} to {}, as one or a comma list", min, max);
  std::vector<std::int64_t> values;
  for (const auto item : split_list(text, flag, accepted)) {
    const std::int64_t value = parse_integer(item, flag, min, max);
    if (std::find(values.begin(), values.end(), value) != values.end()) {
      reject(flag, text, fmt::format("{} is given twice", value), accepted);
    }
    values.push_back(value);
  }
  return values;
}

std::chrono::nanoseconds parse_duration_within(std::string_view text, std::string_view flag,
                                               std::chrono::nanoseconds min,
                                               std::chrono::nanoseconds max) {
  const auto duration = parse_duration(text, flag);
  if (duration < min || duration > max) {
    reject(flag, text, "out of range",
           fmt::format("a duration from {} to {} with a unit: ns, us, ms or s", typed_duration(min),
                       typed_duration(max)));
  }
  return duration;
}

std::vector<std::chrono::nanoseconds> parse_duration_list_within(std::string_view text,
                                                                 std::string_view flag,
                                                                 std::chrono::nanoseconds min,
                                                                 std::chrono::nanoseconds max) {
  const std::string accepted =
      fmt::format("durations from {} to {} with a unit (ns, us, ms or s), as one or a comma list",
                  typed_duration(min), typed_duration(max));
  std::vector<std::chrono::nanoseconds> values;
  for (const auto item : split_list(text, flag, accepted)) {
    const auto value = parse_duration(item, flag);
    if (value < min || value > max)
      reject(flag, text, fmt::format("'{}' is out of range", item), accepted);
    if (std::find(values.begin(), values.end(), value) != values.end()) {
      reject(flag, text, fmt::format("{} is given twice", typed_duration(value)), accepted);
    }
    values.push_back(value);
  }
  return values;
}

std::size_t parse_choice(std::string_view text, std::string_view flag,
                         const std::vector<std::string>& names) {
  const auto found = std::find(names.begin(), names.end(), text);
  if (found == names.end()) reject(flag, text, "not one of the choices", join(names));
  return static_cast<std::size_t>(found - names.begin());
}

std::vector<std::string> parse_name_list(std::string_view text, std::string_view flag,
                                         const std::vector<std::string>& names, bool all_allowed) {
  const std::string accepted =
      (all_allowed ? "all, or " : "") + std::string("a comma list of ") + join(names);
  if (all_allowed && text == "all") return {};
  std::vector<std::string> chosen;
  for (const auto item : split_list(text, flag, accepted)) {
    if (std::find(names.begin(), names.end(), item) == names.end()) {
      reject(flag, text, fmt::format("'{}' is not one of them", item), accepted);
    }
    if (std::find(chosen.begin(), chosen.end(), item) != chosen.end()) {
      reject(flag, text, fmt::format("'{}' is given twice", item), accepted);
    }
    chosen.emplace_back(item);
  }
  return chosen;
}

std::filesystem::path check_input_file(std::string_view text, std::string_view flag) {
  constexpr std::string_view accepted = "the path of a readable regular file";
  if (text.empty()) reject(flag, text, "empty path", accepted);
  const std::string path(text);
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    reject(flag, text, errno == ENOENT ? "no such file" : std::strerror(errno), accepted);
  }
  const auto type = status.st_mode & S_IFMT;
  if (type == S_IFDIR) reject(flag, text, "a folder, not a file", accepted);
  if (type == S_IFIFO) reject(flag, text, "a FIFO (named pipe), not a regular file", accepted);
  if (type == S_IFSOCK) reject(flag, text, "a socket, not a regular file", accepted);
  if (type == S_IFCHR || type == S_IFBLK)
    reject(flag, text, "a device, not a regular file", accepted);
  if (type != S_IFREG) reject(flag, text, "not a regular file", accepted);
  if (::access(path.c_str(), R_OK) != 0) reject(flag, text, std::strerror(errno), accepted);
  return path;
}

OptionSpec input_file_option(std::string flags, std::optional<std::filesystem::path>& into,
                             std::string help) {
  const std::string flag = long_flag(flags);
  return {std::move(flags), "FILE", std::move(help), "", {}, [&into, flag](std::string_view text) {
            into = check_input_file(text, flag);
          }};
}

OptionSpec switch_option(std::string flags, bool& into, std::string help) {
  return {
      std::move(flags), "", std::move(help), "off", {}, [&into](std::string_view) { into = true; }};
}

}  // namespace bench

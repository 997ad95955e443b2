#pragma once
// A command-line option as plain data, so a scenario declares its options without knowing the
// command line: the flag, the value's form, the help text, the default, and what to do with a
// value (parse it, check it against the accepted range, store it where it goes). The command line
// turns each declaration into a CLI11 option; nothing here knows CLI11.
//
// The builders below cover the quantities scenarios take. Each one's apply() throws SettingsError
// naming the flag, quoting the value and stating the accepted form, and stores nothing then. A list
// that names one value twice ("1KB,1KB", or "2MB,2000KB": the same byte count) is refused the same
// way by every list option. `into` must outlive the declaration (it is a member of the scenario's
// settings, and the scenario outlives its options).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench/harness/quantities.hpp"

namespace bench {

struct OptionSpec {
  std::string flags;          ///< "--size", or a short and a long name: "-r,--repetitions"
  std::string value_name;     ///< the value's form in --help: "SIZE[,SIZE...]"; empty for a switch
  std::string help;           ///< what it sets and the accepted form, in a sentence or two
  std::string default_value;  ///< as --help shows it: "2MB"; empty when there is none
  std::string group;          ///< --help heading; empty: the scenario's own options
  /// Parses, checks and stores a value typed by the user (a switch gets ""). Throws SettingsError.
  std::function<void(std::string_view value)> apply;
};

/// The long flag of `flags`, which error messages name: "--repetitions" for "-r,--repetitions".
std::string long_flag(std::string_view flags);

// ---- Parsers behind the builders (also usable on their own) -------------------------------------

/// Inclusive bounds of a size option; `max_reason` says why the maximum is what it is when it is
/// not a plain limit ("about 48 bytes of memory per catalog byte; this machine has 25 GB").
struct SizeBounds {
  std::uint64_t min = 1;
  std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  std::string max_reason;
};

/// Sizes in a comma list, each within `bounds`, none twice. Throws SettingsError.
std::vector<std::uint64_t> parse_size_list_within(std::string_view text, std::string_view flag,
                                                  const SizeBounds& bounds);

/// Whole numbers in a comma list, each within min..max, none twice. Throws SettingsError.
std::vector<std::int64_t> parse_integer_list(std::string_view text, std::string_view flag,
                                             std::int64_t min, std::int64_t max);

/// A duration within min..max. Throws SettingsError.
std::chrono::nanoseconds parse_duration_within(std::string_view text, std::string_view flag,
                                               std::chrono::nanoseconds min,
                                               std::chrono::nanoseconds max);

/// Durations in a comma list, each within min..max, none twice ("2ms,2000us" is one duration
/// twice). Throws SettingsError.
std::vector<std::chrono::nanoseconds> parse_duration_list_within(std::string_view text,
                                                                 std::string_view flag,
                                                                 std::chrono::nanoseconds min,
                                                                 std::chrono::nanoseconds max);

/// The index of `text` in `names`. Throws SettingsError listing the names.
std::size_t parse_choice(std::string_view text, std::string_view flag,
                         const std::vector<std::string>& names);

/// Names from `names` in a comma list, none twice; "all" (when `all_allowed`) gives an empty list.
/// Throws SettingsError listing the names.
std::vector<std::string> parse_name_list(std::string_view text, std::string_view flag,
                                         const std::vector<std::string>& names, bool all_allowed);

/// `text` as the path of an input file, checked without opening it (opening a FIFO would block):
/// it must exist and be a regular file (a symbolic link to one is fine) that this process may
/// read. Throws SettingsError naming a folder, FIFO, socket or device as such.
std::filesystem::path check_input_file(std::string_view text, std::string_view flag);

namespace detail {
template <class T>
struct ValueOf {
  using type = T;
};
template <class T>
struct ValueOf<std::optional<T>> {
  using type = T;
};
}  // namespace detail

// ---- Builders -----------------------------------------------------------------------------------
// `Into` is the value's type or a std::optional of it (to tell "not given" from the default).

template <class Into>
OptionSpec size_list_option(std::string flags, Into& into, std::string help,
                            std::string default_value, SizeBounds bounds = {}) {
  const std::string flag = long_flag(flags);
  return {std::move(flags),
          "SIZE[,SIZE...]",
          std::move(help),
          std::move(default_value),
          {},
          [&into, flag, bounds](std::string_view text) {
            into = parse_size_list_within(text, flag, bounds);
          }};
}

template <class Into>
OptionSpec integer_list_option(std::string flags, Into& into, std::string help,
                               std::string default_value, std::int64_t min, std::int64_t max) {
  const std::string flag = long_flag(flags);
  return {std::move(flags),
          "N[,N...]",
          std::move(help),
          std::move(default_value),
          {},
          [&into, flag, min, max](std::string_view text) {
            into = parse_integer_list(text, flag, min, max);
          }};
}

/// A whole number within min..max; `Into` an integer type (or an optional of one) that holds it.
template <class Into>
OptionSpec integer_option(std::string flags, Into& into, std::string help,
                          std::string default_value, std::int64_t min, std::int64_t max) {
  const std::string flag = long_flag(flags);
  return {std::move(flags),
          "N",
          std::move(help),
          std::move(default_value),
          {},
          [&into, flag, min, max](std::string_view text) {
            into = static_cast<typename detail::ValueOf<Into>::type>(
                parse_integer(text, flag, min, max));
          }};
}

template <class Into>
OptionSpec duration_option(std::string flags, Into& into, std::string help,
                           std::string default_value, std::chrono::nanoseconds min,
                           std::chrono::nanoseconds max) {
  const std::string flag = long_flag(flags);
  return {std::move(flags),
          "DURATION",
          std::move(help),
          std::move(default_value),
          {},
          [&into, flag, min, max](std::string_view text) {
            into = parse_duration_within(text, flag, min, max);
          }};
}

template <class Into>
OptionSpec duration_list_option(std::string flags, Into& into, std::string help,
                                std::string default_value, std::chrono::nanoseconds min,
                                std::chrono::nanoseconds max) {
  const std::string flag = long_flag(flags);
  return {std::move(flags),
          "DURATION[,DURATION...]",
          std::move(help),
          std::move(default_value),
          {},
          [&into, flag, min, max](std::string_view text) {
            into = parse_duration_list_within(text, flag, min, max);
          }};
}

/// One of a fixed set of named values (an enum's, typically).
template <class T>
struct Choice {
  std::string name;
  T value;
};

template <class T, class Into>
OptionSpec choice_option(std::string flags, Into& into, std::vector<Choice<T>> choices,
                         std::string help, std::string default_value) {
  const std::string flag = long_flag(flags);
  std::vector<std::string> names;
  std::string form;
  for (const auto& choice : choices) {
    form += (form.empty() ? "" : "|") + choice.name;
    names.push_back(choice.name);
  }
  return {std::move(flags),
          std::move(form),
          std::move(help),
          std::move(default_value),
          {},
          [&into, flag, names, choices = std::move(choices)](std::string_view text) {
            into = choices[parse_choice(text, flag, names)].value;
          }};
}

/// An input file, checked by check_input_file(); `Into` is std::optional<std::filesystem::path>.
OptionSpec input_file_option(std::string flags, std::optional<std::filesystem::path>& into,
                             std::string help);

/// A switch: present or not.
OptionSpec switch_option(std::string flags, bool& into, std::string help);

}  // namespace bench

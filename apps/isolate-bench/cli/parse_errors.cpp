#include "cli/parse_errors.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace isolate_bench {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

/// The first argument that is not an option: the command the user meant.
std::string first_word(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (!argument.empty() && argument.front() != '-') return argument;
  }
  return {};
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

/// "unknown option '--x'" or "unexpected argument 'x'".
std::string unexpected_argument(const std::string& argument) {
  const bool is_option = argument.size() > 1 && argument.front() == '-';
  return fmt::format("{} '{}'", is_option ? "unknown option" : "unexpected argument", argument);
}

}  // namespace

std::string describe_parse_error(const CLI::App& app, const CLI::ParseError& error, int argc,
                                 const char* const* argv,
                                 const std::vector<std::string>& commands) {
  const auto chosen = app.get_subcommands();
  if (chosen.empty()) {
    const std::string word = first_word(argc, argv);
    if (!word.empty() && std::find(commands.begin(), commands.end(), word) == commands.end()) {
      return fmt::format(
          "isolate-bench: unknown command '{}'; accepted: {} (see isolate-bench "
          "--help)",
          word, join(commands));
    }
    if (word.empty() && dynamic_cast<const CLI::RequiredError*>(&error)) {
      return fmt::format(
          "isolate-bench: a command is required; accepted: {} (see isolate-bench "
          "--help)",
          join(commands));
    }
  }
  const std::string where =
      chosen.empty() ? "isolate-bench" : "isolate-bench " + chosen.front()->get_name();
  std::string message = one_line(error.what());
  // CLI11 says "--size: At Most 1 required but received 2" for an option given twice.
  if (const auto at_most = message.find(": At Most ");
      at_most != std::string::npos && dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    const std::string option = message.substr(0, at_most);
    return fmt::format(
        "{}: {} is given more than once; accepted: one {} (where it takes a list, one {} with "
        "a comma list)",
        where, option, option, option);
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    // CLI11 lists the extras last to first; name the first one the user typed instead.
    const auto extras = (chosen.empty() ? app : *chosen.front()).remaining();
    if (!extras.empty()) message = unexpected_argument(extras.front());
  }
  return fmt::format("{}: {}; accepted: the options listed by '{} --help'", where, message, where);
}

}  // namespace isolate_bench

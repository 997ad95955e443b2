// The declared options: each builder parses, checks and stores, and refuses with one
// SettingsError line that names the flag, quotes the value and states the accepted form.

#include "bench/harness/option.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "bench/harness/settings_error.hpp"

namespace {

namespace fs = std::filesystem;

template <class F>
std::string error_of(F call) {
  try {
    call();
  } catch (const bench::SettingsError& error) {
    return error.what();
  }
  return "";
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(LongFlag, IsTheLastSpelling) {
  EXPECT_EQ(bench::long_flag("-r,--repetitions"), "--repetitions");
  EXPECT_EQ(bench::long_flag("--size"), "--size");
}

TEST(SizeListOption, StoresTheSizesAndRefusesOutOfBoundsNamingTheReason) {
  std::optional<std::vector<std::uint64_t>> sizes;
  bench::SizeBounds bounds{10, 1000, "room for the copies"};
  auto option = bench::size_list_option("--size", sizes, "Sizes", "100B", bounds);
  EXPECT_EQ(option.flags, "--size");
  EXPECT_EQ(option.default_value, "100B");
  option.apply("10,1KB");
  EXPECT_EQ(sizes, (std::vector<std::uint64_t>{10, 1000}));

  const auto small = error_of([&] { option.apply("9"); });
  EXPECT_TRUE(contains(small, "--size '9': 9 B (9 bytes) is below the smallest accepted size"))
      << small;
  const auto large = error_of([&] { option.apply("2KB"); });
  EXPECT_TRUE(contains(large, "above the largest accepted size (room for the copies)")) << large;
  EXPECT_TRUE(contains(large, "accepted: sizes from 10 B (10 bytes) to 1 KB (1000 bytes)"))
      << large;
  EXPECT_EQ(sizes, (std::vector<std::uint64_t>{10, 1000})) << "a refused value stores nothing";
}

TEST(IntegerOptions, RefuseZeroNegativeOverLimitAndRepeats) {
  int count = 5;
  auto single = bench::integer_option("-k,--isolates", count, "Isolates", "2", 1, 64);
  single.apply("8");
  EXPECT_EQ(count, 8);
  for (const char* bad : {"0", "-1", "65", "1e3", "", "two", "99999999999999999999"}) {
    EXPECT_TRUE(contains(error_of([&] { single.apply(bad); }), "--isolates '")) << bad;
  }
  EXPECT_EQ(count, 8);

  std::vector<std::int64_t> counts;
  auto list = bench::integer_list_option("--objects", counts, "Objects", "100", 1, 1'000'000);
  list.apply("100,10000");
  EXPECT_EQ(counts, (std::vector<std::int64_t>{100, 10000}));
  EXPECT_EQ(error_of([&] { list.apply("100,100"); }),
            "--objects '100,100': 100 is given twice; accepted: whole numbers from 1 to 1000000, "
            "as one or a comma list");
  EXPECT_TRUE(contains(error_of([&] { list.apply("100,,5"); }), "empty item"));
}

TEST(DurationOption, RefusesValuesOutsideItsRange) {
  std::chrono::nanoseconds work{0};
  auto option = bench::duration_option("--work", work, "Work", "1ms", std::chrono::microseconds(1),
                                       std::chrono::seconds(1));
  option.apply("250us");
  EXPECT_EQ(work, std::chrono::microseconds(250));
  EXPECT_EQ(error_of([&] { option.apply("1000000s"); }),
            "--work '1000000s': out of range; accepted: a duration from 1us to 1s with a unit: ns, "
            "us, ms or s");
  EXPECT_TRUE(contains(error_of([&] { option.apply("0ns"); }), "out of range"));
  EXPECT_TRUE(contains(error_of([&] { option.apply("-1ms"); }), "negative"));
}

TEST(DurationListOption, StoresTheDurationsInOrderAndRefusesRepeatsAndOutOfRange) {
  using namespace std::chrono_literals;
  std::optional<std::vector<std::chrono::nanoseconds>> work;
  auto option = bench::duration_list_option("--work", work, "Work", "1ms", 1us, 1s);
  option.apply("5ms,250us");
  ASSERT_TRUE(work.has_value());
  EXPECT_EQ(*work, (std::vector<std::chrono::nanoseconds>{5ms, 250us}));
  EXPECT_EQ(option.value_name, "DURATION[,DURATION...]");
  EXPECT_EQ(error_of([&] { option.apply("2ms,2000us"); }),
            "--work '2ms,2000us': 2ms is given twice; accepted: durations from 1us to 1s with a "
            "unit (ns, us, ms or s), as one or a comma list");
  EXPECT_TRUE(contains(error_of([&] { option.apply("1ms,2s"); }), "'2s' is out of range"));
  EXPECT_TRUE(contains(error_of([&] { option.apply("0ns"); }), "out of range"));
  EXPECT_TRUE(contains(error_of([&] { option.apply("1ms,,2ms"); }), "empty item"));
  EXPECT_TRUE(contains(error_of([&] { option.apply("2"); }), "--work"));
  EXPECT_EQ(*work, (std::vector<std::chrono::nanoseconds>{5ms, 250us}));  // refused: unchanged
}

TEST(ChoiceOption, StoresTheValueAndListsTheChoices) {
  enum class Kind { bytes, text };
  std::optional<Kind> kind;
  auto option = bench::choice_option<Kind>(
      "--kind", kind, {{"bytes", Kind::bytes}, {"string", Kind::text}}, "Kind", "bytes");
  EXPECT_EQ(option.value_name, "bytes|string");
  option.apply("string");
  EXPECT_EQ(kind, Kind::text);
  EXPECT_EQ(error_of([&] { option.apply("str"); }),
            "--kind 'str': not one of the choices; accepted: bytes, string");
}

TEST(NameList, AllOrDistinctKnownNames) {
  const std::vector<std::string> names{"main", "run", "worker"};
  EXPECT_TRUE(bench::parse_name_list("all", "--mode", names, true).empty());
  EXPECT_EQ(bench::parse_name_list("worker,main", "--mode", names, true),
            (std::vector<std::string>{"worker", "main"}));
  EXPECT_EQ(error_of([&] { bench::parse_name_list("main,main", "--mode", names, true); }),
            "--mode 'main,main': 'main' is given twice; accepted: all, or a comma list of main, "
            "run, worker");
  EXPECT_TRUE(contains(error_of([&] { bench::parse_name_list("threads", "--mode", names, true); }),
                       "'threads' is not one of them"));
  EXPECT_TRUE(contains(error_of([&] { bench::parse_name_list("all", "--mode", names, false); }),
                       "'all' is not one of them"));
}

class InputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("option_test_" + std::to_string(::getpid()));
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }
  fs::path folder_;
};

TEST_F(InputFileTest, AcceptsARegularFileAndALinkToOne) {
  const auto file = folder_ / "data.json";
  std::ofstream(file) << "[]";
  fs::create_symlink(file, folder_ / "link.json");
  std::optional<fs::path> input;
  auto option = bench::input_file_option("--input", input, "Input");
  option.apply(file.string());
  EXPECT_EQ(input, file);
  option.apply((folder_ / "link.json").string());
  EXPECT_EQ(input, folder_ / "link.json");
}

TEST_F(InputFileTest, RefusesWhatIsNotARegularFileWithoutOpeningIt) {
  const auto fifo = folder_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Opening a FIFO for reading blocks until a writer comes: a pass here proves it is not opened.
  EXPECT_TRUE(contains(error_of([&] { bench::check_input_file(fifo.string(), "--input"); }),
                       "a FIFO (named pipe), not a regular file"));
  EXPECT_TRUE(contains(error_of([&] { bench::check_input_file(folder_.string(), "--input"); }),
                       "a folder, not a file"));
  EXPECT_TRUE(contains(error_of([&] { bench::check_input_file("/dev/null", "--input"); }),
                       "a device, not a regular file"));
  EXPECT_TRUE(
      contains(error_of([&] { bench::check_input_file((folder_ / "no").string(), "--input"); }),
               "no such file"));
  EXPECT_TRUE(contains(error_of([&] { bench::check_input_file("", "--input"); }), "empty path"));

  const auto socket_path = folder_ / "socket";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof(address.sun_path) - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  EXPECT_TRUE(contains(error_of([&] { bench::check_input_file(socket_path.string(), "--input"); }),
                       "a socket"));
  ::close(fd);
}

TEST(SwitchOption, SetsItsFlag) {
  bool on = false;
  auto option = bench::switch_option("--racy", on, "Race");
  EXPECT_TRUE(option.value_name.empty());
  option.apply("");
  EXPECT_TRUE(on);
}

}  // namespace

#include "json_parse/input_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "json_parse/catalog_generator.hpp"
#include "json_parse/dynamic_decoder.hpp"
#include "json_parse/errors.hpp"
#include "json_parse/typed_decoder.hpp"

namespace json_parse {
namespace {

namespace fs = std::filesystem;

class InputFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    // A parameterised test's name holds a '/' ("Name/3"): flattened, so TearDown removes the
    // whole directory rather than leaving the parent behind.
    std::string test_name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(test_name.begin(), test_name.end(), '/', '_');
    directory_ = fs::temp_directory_path() /
                 ("json_parse_input_test_" + std::to_string(::getpid()) + "_" + test_name);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  fs::path write(const std::string& name, const std::string& content) {
    const fs::path path = directory_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  fs::path directory_;
};

struct Expectation {
  InputProblem problem;
  std::optional<std::size_t> offset;
  std::string message;  // the part after "input '<path>': "
};

Expectation failure_of(const fs::path& path) {
  try {
    load_input(path);
  } catch (const InputError& error) {
    const std::string what = error.what();
    EXPECT_EQ(what.find('\n'), std::string::npos) << "not one line: " << what;
    const std::string prefix = "input '" + path.string() + "': ";
    EXPECT_EQ(what.rfind(prefix, 0), 0u) << what;
    return {error.problem(), error.offset(), what.substr(std::min(prefix.size(), what.size()))};
  }
  ADD_FAILURE() << "load_input accepted " << path;
  return {};
}

TEST_F(InputFiles, MissingFile) {
  const Expectation e = failure_of(directory_ / "absent.json");
  EXPECT_EQ(e.problem, InputProblem::missing_file);
  EXPECT_EQ(e.offset, std::nullopt);
  EXPECT_EQ(e.message, "no such file");
}

TEST_F(InputFiles, Directory) {
  const Expectation e = failure_of(directory_);
  EXPECT_EQ(e.problem, InputProblem::not_a_regular_file);
  EXPECT_EQ(e.message, "is a directory, not a JSON file");
}

TEST_F(InputFiles, EmptyFile) {
  const Expectation e = failure_of(write("empty.json", ""));
  EXPECT_EQ(e.problem, InputProblem::empty_file);
  EXPECT_EQ(e.offset, 0u);
  EXPECT_EQ(e.message, "the file is empty (0 bytes)");
}

TEST_F(InputFiles, AFileThatReportsNoSizeIsReadToTheEnd) {
  // /proc files are regular files of size 0 that still hold text.
  if (!fs::exists("/proc/cpuinfo")) GTEST_SKIP() << "no /proc/cpuinfo here";
  const Expectation e = failure_of("/proc/cpuinfo");
  EXPECT_EQ(e.problem, InputProblem::malformed) << e.message;
  EXPECT_EQ(e.offset, 0u);
  EXPECT_EQ(e.message.find("empty"), std::string::npos) << e.message;
}

TEST_F(InputFiles, TooLargeIsRefusedBeforeReading) {
  const fs::path path = directory_ / "huge.json";
  std::ofstream(path).put('[');
  std::error_code unsupported;
  fs::resize_file(path, std::uintmax_t{kLargestJsonBytes} + 1, unsupported);  // sparse: no disk
  if (unsupported) GTEST_SKIP() << "no sparse files here: " << unsupported.message();
  const Expectation e = failure_of(path);
  EXPECT_EQ(e.problem, InputProblem::too_large);
  EXPECT_EQ(e.message, "JSON too large: 4294967296 bytes; the parser accepts up to 4294967295");
}

TEST(CountJsonValues, CountsContainersAndElementsButNothingInStrings) {
  EXPECT_EQ(count_json_values("1"), 1u);
  EXPECT_EQ(count_json_values("[1,2,3]"), 4u);
  EXPECT_EQ(count_json_values(R"({"a":[1,{"b":2}],"c":"x,[{\",y"})"), 6u);
}

TEST_F(InputFiles, WhitespaceOnly) {
  const Expectation e = failure_of(write("blank.json", " \n\t "));
  EXPECT_EQ(e.problem, InputProblem::empty_file);
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.message, "no JSON value at byte 4: the text holds no JSON value");
}

struct BadJson {
  const char* name;
  std::string content;
  InputProblem problem;
  std::size_t offset;
  const char* message;
};

void PrintTo(const BadJson& bad, std::ostream* out) {
  *out << bad.name;
}

class BadJsonFile : public InputFiles, public ::testing::WithParamInterface<BadJson> {};

TEST_P(BadJsonFile, NamesTheProblemAndOffset) {
  const BadJson& bad = GetParam();
  const Expectation e = failure_of(write("bad.json", bad.content));
  EXPECT_EQ(e.problem, bad.problem);
  EXPECT_EQ(e.offset, bad.offset);
  EXPECT_EQ(e.message, bad.message);

  // The typed decoder locates the same fault.
  std::string body = bad.content;
  try {
    decode_typed(padded_view(body));
    ADD_FAILURE() << "typed decoder accepted " << bad.name;
  } catch (const DecodeError& error) {
    EXPECT_EQ(error.offset(), bad.offset) << error.what();
    EXPECT_EQ(std::string("input '") + (directory_ / "bad.json").string() + "': " + error.what(),
              "input '" + (directory_ / "bad.json").string() + "': " + bad.message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadJsonFile,
    ::testing::Values(
        BadJson{"TruncatedObject", R"([{"id":1,)", InputProblem::truncated, 9,
                "truncated JSON at byte 9: the text ends inside an object"},
        BadJson{"TruncatedList", "[1, 2", InputProblem::truncated, 5,
                "truncated JSON at byte 5: the text ends inside a list"},
        BadJson{"UnclosedString", R"(["abc)", InputProblem::truncated, 1,
                "truncated JSON at byte 1: the string opened here is never closed (the text "
                "ends at byte 5)"},
        BadJson{"TruncatedLiteral", "[tr", InputProblem::truncated, 3,
                "truncated JSON at byte 3: the text ends inside a literal"},
        BadJson{"DoubleComma", "[1,2,,3]", InputProblem::malformed, 5,
                "malformed JSON at byte 5: expected a value, found ','"},
        BadJson{"MissingColon", R"({"a" 1})", InputProblem::malformed, 5,
                "malformed JSON at byte 5: expected ':' after the key, found '1'"},
        BadJson{"TrailingComma", R"({"a":1,})", InputProblem::malformed, 7,
                "malformed JSON at byte 7: expected a key string, found '}'"},
        BadJson{"InvalidEscape", R"(["\q"])", InputProblem::malformed, 2,
                "malformed JSON at byte 2: invalid escape '\\q' in a string"},
        BadJson{"BadLiteral", "[tru]", InputProblem::malformed, 1,
                "malformed JSON at byte 1: invalid literal (expected true)"},
        BadJson{"LeadingZero", "[01]", InputProblem::malformed, 1,
                "malformed JSON at byte 1: a number may not have leading zeros"},
        BadJson{"ControlCharacter", "[\"a\nb\"]", InputProblem::malformed, 3,
                "malformed JSON at byte 3: unescaped control character byte 0x0a in a string"},
        BadJson{"TrailingContent", "[1] 2", InputProblem::malformed, 4,
                "malformed JSON at byte 4: unexpected '2' after the JSON document"},
        BadJson{"TrailingAfterEmptyList", "[] x", InputProblem::malformed, 3,
                "malformed JSON at byte 3: unexpected 'x' after the JSON document"},
        BadJson{"TooDeep", std::string(1100, '['), InputProblem::too_deep, 1024,
                "nesting deeper than 1024 at byte 1024: list or object number 1025 of a nesting "
                "opens here; the parser allows 1024 levels"},
        BadJson{"DoubleOutOfRange", "[1, 1e999999]", InputProblem::out_of_range, 4,
                "number out of range at byte 4: the number 1e999999 does not fit a double"},
        BadJson{"IntegerOutOfRange", R"({"id": 123456789012345678901234567890})",
                InputProblem::out_of_range, 7,
                "number out of range at byte 7: the number 123456789012345678901234567890 does "
                "not fit a 64-bit integer"},
        BadJson{"NegativeIntegerOutOfRange", "[-9223372036854775809]", InputProblem::out_of_range,
                1,
                "number out of range at byte 1: the number -9223372036854775809 does not fit a "
                "64-bit integer"},
        BadJson{"ByteOrderMark", "\xEF\xBB\xBF[1]", InputProblem::malformed, 0,
                "malformed JSON at byte 0: the text starts with a UTF-8 byte order mark (bytes "
                "ef bb bf), which JSON does not allow; save the file as UTF-8 without BOM"},
        BadJson{"NulAfterBackslash", std::string("[\"\\\0 tail\"]", 11), InputProblem::malformed, 2,
                "malformed JSON at byte 2: invalid escape '\\' + byte 0x00 in a string"},
        BadJson{"EscapeAfterBackslash", "[\"\\\x1b[31m\"]", InputProblem::malformed, 2,
                "malformed JSON at byte 2: invalid escape '\\' + byte 0x1b in a string"},
        BadJson{"InvalidUtf8", "[\"a\xff\"]", InputProblem::invalid_utf8, 3,
                "invalid UTF-8 at byte 3: byte 0xff cannot start a UTF-8 sequence"},
        BadJson{"OverlongUtf8", "[\"\xc0\xaf\"]", InputProblem::invalid_utf8, 2,
                "invalid UTF-8 at byte 2: overlong UTF-8 sequence"},
        BadJson{"CutUtf8", "[\"\xe6\x97\"]", InputProblem::invalid_utf8, 2,
                "invalid UTF-8 at byte 2: incomplete 3-byte UTF-8 sequence"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(InputFiles, ProductListIsMapped) {
  const InputDocument document = load_input(write("catalog.json", generate_catalog(20000, 3)));
  EXPECT_TRUE(document.value.is_list());
  EXPECT_TRUE(document.mapping.mapped);
  EXPECT_TRUE(document.mapping.skipped_reason.empty());
  std::string body = document.body;
  EXPECT_EQ(document.mapping.products, decode_typed(padded_view(body)));
}

TEST_F(InputFiles, OtherShapesAreDecodedAndMappingIsSkipped) {
  const InputDocument object = load_input(write("object.json", R"({"users": [1, 2]})"));
  EXPECT_EQ(object.value.at("users")[1], iso::Value(2));
  EXPECT_FALSE(object.mapping.mapped);
  EXPECT_EQ(object.mapping.skipped_reason, "the document should be a list, not a map");

  const InputDocument list = load_input(write("list.json", R"([{"id": 1}])"));
  EXPECT_FALSE(list.mapping.mapped);
  EXPECT_EQ(list.mapping.skipped_reason, "element 0: missing key \"sku\"");
}

TEST(Decoders, TruncatedCatalogFailsAtTheSameOffsetInBoth) {
  std::string catalog = generate_catalog(10000, 4);
  for (std::size_t cut : {1u, 5000u, 7777u, 9999u}) {
    std::string part = catalog.substr(0, cut);
    std::optional<std::size_t> typed_offset;
    std::optional<std::size_t> dynamic_offset;
    try {
      decode_typed(padded_view(part));
      ADD_FAILURE() << "typed accepted a cut at " << cut;
    } catch (const DecodeError& error) {
      EXPECT_EQ(error.problem(), JsonProblem::truncated) << error.what();
      typed_offset = error.offset();
    }
    try {
      decode_dynamic(padded_view(part));
      ADD_FAILURE() << "dynamic accepted a cut at " << cut;
    } catch (const DecodeError& error) {
      EXPECT_EQ(error.problem(), JsonProblem::truncated) << error.what();
      dynamic_offset = error.offset();
    }
    ASSERT_TRUE(typed_offset.has_value());
    EXPECT_LE(*typed_offset, cut);
    EXPECT_EQ(typed_offset, dynamic_offset);
  }
}

TEST(PaddedView, RejectsBuffersWithoutPadding) {
  std::string text = "[]";
  EXPECT_THROW(PaddedView(text.data(), text.size(), text.size()), std::invalid_argument);
  const PaddedView view = padded_view(text);
  EXPECT_GE(view.capacity(), view.size() + kJsonPadding);
  EXPECT_EQ(view.text(), "[]");
}

}  // namespace
}  // namespace json_parse

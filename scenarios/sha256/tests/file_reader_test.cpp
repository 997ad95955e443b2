// Files are streamed and refused before anything could block: missing files, folders, FIFOs,
// devices and unreadable files are one-line InputErrors.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sha256/file_reader.hpp"
#include "sha256/generated_bytes.hpp"

namespace sha256 {
namespace {

namespace fs = std::filesystem;

class FileReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("sha256_reader_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(folder_);
  }
  void TearDown() override {
    fs::permissions(folder_, fs::perms::owner_all);
    fs::remove_all(folder_);
  }
  fs::path write(const std::string& name, const std::vector<std::uint8_t>& bytes) {
    const fs::path path = folder_ / name;
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    return path;
  }
  /// The InputError message for opening `path`; empty when it opened.
  static std::string refusal(const fs::path& path) {
    try {
      FileReader reader(path);
    } catch (const InputError& error) {
      return error.what();
    }
    return {};
  }

  fs::path folder_;
};

TEST_F(FileReaderTest, ReadsAFileInChunksThatAddUpToIt) {
  const auto bytes = generate_bytes(10'007, 3);
  FileReader reader(write("data.bin", bytes));
  EXPECT_EQ(reader.size(), bytes.size());
  std::vector<std::uint8_t> all, chunk;
  int chunks = 0;
  while (reader.read_chunk(chunk, 1000)) {
    EXPECT_LE(chunk.size(), 1000u);
    all.insert(all.end(), chunk.begin(), chunk.end());
    ++chunks;
  }
  EXPECT_EQ(chunks, 11);
  EXPECT_EQ(all, bytes);
  EXPECT_TRUE(chunk.empty());
}

TEST_F(FileReaderTest, AnEmptyFileHasNoChunks) {
  FileReader reader(write("empty.bin", {}));
  std::vector<std::uint8_t> chunk;
  EXPECT_FALSE(reader.read_chunk(chunk, 1000));
  EXPECT_EQ(reader.size(), 0u);
}

TEST_F(FileReaderTest, RefusesWhatIsNotAReadableRegularFile) {
  EXPECT_NE(refusal(folder_ / "absent").find("no such file"), std::string::npos);
  EXPECT_NE(refusal(folder_).find("a folder"), std::string::npos);
  EXPECT_NE(refusal("/dev/null").find("a device"), std::string::npos);
  const fs::path fifo = folder_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // No writer: a blocking open would hang here forever.
  EXPECT_NE(refusal(fifo).find("FIFO"), std::string::npos);
  const std::string message = refusal(folder_ / "absent");
  EXPECT_EQ(message.find('\n'), std::string::npos);
  EXPECT_EQ(message.rfind("input '", 0), 0u);
}

TEST_F(FileReaderTest, RefusesAnUnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their permissions";
  const fs::path path = write("secret.bin", {1, 2, 3});
  fs::permissions(path, fs::perms::none);
  EXPECT_NE(refusal(path).find("ermission denied"), std::string::npos);
}

TEST_F(FileReaderTest, ReadWholeFileReturnsEveryByte) {
  const auto bytes = generate_bytes(70'001, 9);
  EXPECT_EQ(read_whole_file(write("whole.bin", bytes)), bytes);
}

}  // namespace
}  // namespace sha256

#include "chunk_source.hpp"

#include <algorithm>
#include <utility>

namespace sha256 {

PoolSource::PoolSource(const std::vector<std::uint8_t>& bytes, std::size_t chunk) {
  for (std::size_t at = 0; at < bytes.size(); at += chunk) {
    const auto end =
        bytes.begin() + static_cast<std::ptrdiff_t>(std::min(bytes.size(), at + chunk));
    pool_.emplace_back(bytes.begin() + static_cast<std::ptrdiff_t>(at), end);
  }
}

std::optional<std::vector<std::uint8_t>> PoolSource::next() {
  if (next_ == pool_.size()) return std::nullopt;
  return std::move(pool_[next_++]);
}

void PoolSource::give_back(std::vector<std::uint8_t> chunk) {
  // Buffers come back in the order they went out (order is kept per sender).
  pool_.at(returned_++) = std::move(chunk);
}

FileSource::FileSource(std::filesystem::path path, std::size_t chunk, std::size_t window)
    : path_(std::move(path)), chunk_(chunk), window_(window) {}

void FileSource::rewind() {
  reader_.emplace(path_);
}

std::optional<std::vector<std::uint8_t>> FileSource::next() {
  std::vector<std::uint8_t> buffer;
  if (!spares_.empty()) {
    buffer = std::move(spares_.back());
    spares_.pop_back();
  }
  if (!reader_->read_chunk(buffer, chunk_)) {
    spares_.push_back(std::move(buffer));
    return std::nullopt;
  }
  return buffer;
}

void FileSource::give_back(std::vector<std::uint8_t> chunk) {
  spares_.push_back(std::move(chunk));
}

std::unique_ptr<ChunkSource> make_chunk_source(const HashPoint& point) {
  const auto chunk = static_cast<std::size_t>(point.chunk);
  if (point.workload->input) {
    return std::make_unique<FileSource>(*point.workload->input, chunk, kReadAheadChunks);
  }
  return std::make_unique<PoolSource>(point.workload->data, chunk);
}

}  // namespace sha256

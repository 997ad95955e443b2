#include <utility>

#include "runners.hpp"
#include "sha256/file_reader.hpp"

namespace sha256 {

bench::Measurements RunnerBase::finish(const HashTimeline& t, const Digest& digest) {
  point_.record->record(mode_, digest);
  last_ = digest;
  return measurements_of(t, workload().bytes, point_.record->floor_bytes_per_ns);
}

Digest hash_file(const std::string& path, std::size_t chunk, std::int64_t& hash_ns) {
  FileReader reader(path);
  Hasher hasher;
  std::vector<std::uint8_t> buffer;
  while (reader.read_chunk(buffer, chunk)) {
    const auto started = steady_now_ns();
    hasher.update(buffer);
    hash_ns += steady_now_ns() - started;
  }
  const auto started = steady_now_ns();
  const Digest digest = hasher.finish();
  hash_ns += steady_now_ns() - started;
  return digest;
}

Digest hash_whole(const HashWorkload& workload, std::size_t chunk, std::int64_t& hash_ns) {
  if (workload.input) return hash_file(workload.input->string(), chunk, hash_ns);
  const auto started = steady_now_ns();
  const Digest digest = digest_of(workload.data);
  hash_ns += steady_now_ns() - started;
  return digest;
}

}  // namespace sha256

#pragma once
// What crosses between the main isolate and the isolates that do the work.

#include <cstdint>
#include <vector>

#include "iso/port.hpp"
#include "iso/sendable.hpp"

namespace offload {

/// The work's reply: the result (as large as the payload), its checksum and how long the work
/// took where it ran.
struct WorkReply {
  std::uint64_t checksum = 0;
  std::vector<std::uint8_t> bytes;
  std::int64_t work_ns = 0;
};
ISO_SENDABLE(WorkReply, checksum, bytes, work_ns);

/// `worker`: one call, the payload copied in, the reply sent to `reply`.
struct WorkRequest {
  std::vector<std::uint8_t> payload;
  std::uint64_t rounds = 0;
  iso::SendPort reply;
};
ISO_SENDABLE(WorkRequest, payload, rounds, reply);

}  // namespace offload

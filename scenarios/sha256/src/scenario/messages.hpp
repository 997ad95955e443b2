#pragma once
// What crosses between the main isolate and the isolates that hash.

#include <cstdint>
#include <string>
#include <vector>

#include "iso/port.hpp"
#include "iso/sendable.hpp"
#include "iso/transferable.hpp"
#include "sha256/sha256.hpp"

namespace sha256 {

/// A one-off isolate's result, handed back by exit (no copy). `bytes` returns the transferred
/// buffer, so the next repetition has it in hand without a copy; empty otherwise.
struct HashReply {
  Digest digest{};
  std::int64_t hash_ns = 0;
  std::int64_t copy_in_ns = 0;  ///< Isolate::current().spawn_cost(): the spawn message's copy
  std::uint64_t copy_in_bytes = 0;
  std::vector<std::uint8_t> bytes;
};
ISO_SENDABLE(HashReply, digest, hash_ns, copy_in_ns, copy_in_bytes, bytes);

/// `run`: the bytes copied into the new isolate with the spawn message.
struct CopiedRequest {
  std::vector<std::uint8_t> bytes;
  iso::SendPort reply;
};
ISO_SENDABLE(CopiedRequest, bytes, reply);

/// `transfer`: the bytes moved into the new isolate.
struct TransferRequest {
  iso::TransferableTypedData bytes;
  iso::SendPort reply;
};
ISO_SENDABLE(TransferRequest, bytes, reply);

/// `run` with --input: the new isolate streams the file itself.
struct FileRequest {
  std::string path;
  std::uint64_t chunk = 0;
  iso::SendPort reply;
};
ISO_SENDABLE(FileRequest, path, chunk, reply);

// ---- The chunk stream of `worker` (and of `transfer` with --input) ------------------------------

/// Starts a hash; the worker answers on `reply`. With `return_each`, every chunk's buffer comes
/// straight back (ChunkBack) so a reader can refill it; otherwise they all come back with the
/// digest.
struct BeginHash {
  iso::SendPort reply;
  bool return_each = false;
};
ISO_SENDABLE(BeginHash, reply, return_each);

struct HashChunk {
  iso::TransferableTypedData bytes;
};
ISO_SENDABLE(HashChunk, bytes);

struct ChunkBack {
  iso::TransferableTypedData bytes;
};
ISO_SENDABLE(ChunkBack, bytes);

/// Ends the message; `then_exit`: the isolate ends after answering (a one-off isolate).
struct FinishHash {
  bool then_exit = false;
};
ISO_SENDABLE(FinishHash, then_exit);

struct HashDone {
  Digest digest{};
  std::int64_t hash_ns = 0;
  std::vector<iso::TransferableTypedData> chunks;  ///< the buffers not returned one by one
};
ISO_SENDABLE(HashDone, digest, hash_ns, chunks);

/// The floor's plain thread reports with this (a plain thread may send to a port).
struct FloorDone {
  Digest digest{};
  std::int64_t hash_ns = 0;
  std::string error;  ///< what went wrong, empty when the digest is good
};
ISO_SENDABLE(FloorDone, digest, hash_ns, error);

}  // namespace sha256

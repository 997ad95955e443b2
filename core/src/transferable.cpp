// TransferableTypedData: one buffer, moved between heaps by recharging its block.

#include "iso/transferable.hpp"

#include <mutex>

#include "iso/errors.hpp"
#include "iso/heap.hpp"

namespace iso {

enum class TransferState { holding, transferred, materialized };

struct TransferableTypedData::State {
  std::mutex mutex;  // handles may be shared by closures running on other isolates
  TransferState state = TransferState::holding;
  std::vector<std::uint8_t> bytes;
};

namespace {

[[noreturn]] void throw_empty(TransferState state, const char* operation) {
  const char* why = state == TransferState::transferred
                        ? "it was already sent to another isolate (a transfer empties the sender)"
                        : "it was already materialized (materialize() works once)";
  throw IsolateError(std::string("TransferableTypedData::") + operation +
                     ": the data is gone: " + why);
}

[[noreturn]] void throw_default(const char* operation) {
  throw IsolateError(std::string("TransferableTypedData::") + operation +
                     ": the handle is empty (default-constructed); create one with from_list()");
}

}  // namespace

TransferableTypedData TransferableTypedData::from_bytes(std::vector<std::uint8_t>&& bytes) {
  TransferableTypedData data;
  data.state_ = std::make_shared<State>();
  data.state_->bytes = std::move(bytes);
  return data;
}

std::vector<std::uint8_t> TransferableTypedData::materialize() {
  if (!state_) throw_default("materialize");
  std::lock_guard lock(state_->mutex);
  if (state_->state != TransferState::holding) throw_empty(state_->state, "materialize");
  state_->state = TransferState::materialized;
  return std::move(state_->bytes);
}

std::size_t TransferableTypedData::size() const {
  if (!state_) throw_default("size");
  std::lock_guard lock(state_->mutex);
  if (state_->state != TransferState::holding) throw_empty(state_->state, "size");
  return state_->bytes.size();
}

bool TransferableTypedData::is_empty() const noexcept {
  if (!state_) return true;
  std::lock_guard lock(state_->mutex);
  return state_->state != TransferState::holding;
}

namespace detail {

TransferableTypedData transfer(const TransferableTypedData& from) {
  if (!from.state_) throw_default("send");
  // The new handle is allocated here, under the receiver's account (the caller's scope).
  auto to = std::make_shared<TransferableTypedData::State>();
  {
    std::lock_guard lock(from.state_->mutex);
    if (from.state_->state != TransferState::holding) throw_empty(from.state_->state, "send");
    to->bytes = std::move(from.state_->bytes);
    from.state_->state = TransferState::transferred;
  }
  // std::allocator's buffer is exactly one operator new block: charge it to the receiver.
  if (to->bytes.capacity() != 0) recharge(to->bytes.data(), current_heap_account());
  TransferableTypedData moved;
  moved.state_ = std::move(to);
  return moved;
}

}  // namespace detail
}  // namespace iso

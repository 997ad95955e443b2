// TransferableTypedData: one buffer, moved between heaps by recharging its block.

#include "iso/transferable.hpp"

#include <mutex>
#include <utility>
#include <vector>

#include "iso/detail/crossing.hpp"
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

// What one crossing has transferred so far, to find a handle met twice and to undo on failure.
class TransferJournal {
 public:
  using StatePtr = std::shared_ptr<TransferableTypedData::State>;
  struct Entry {
    StatePtr from;
    StatePtr to;
    HeapAccount* paid_by;  // the account the buffer was charged to before the transfer
  };

  StatePtr find(const TransferableTypedData::State* from) const noexcept {
    for (const auto& entry : entries_) {
      if (entry.from.get() == from) return entry.to;
    }
    return nullptr;
  }
  void record(Entry entry) {
    AllocationScope charge_nobody(nullptr);  // bookkeeping, not part of the message
    entries_.push_back(std::move(entry));
  }
  void set_last_paid_by(HeapAccount* account) noexcept { entries_.back().paid_by = account; }
  void roll_back() noexcept {
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
      std::scoped_lock lock(it->from->mutex, it->to->mutex);
      it->from->bytes = std::move(it->to->bytes);
      it->from->state = TransferState::holding;
      it->to->state = TransferState::transferred;
      if (it->from->bytes.capacity() != 0) recharge(it->from->bytes.data(), it->paid_by);
    }
  }
  void clear() noexcept {
    AllocationScope charge_nobody(nullptr);
    entries_.clear();
    entries_.shrink_to_fit();
  }

 private:
  std::vector<Entry> entries_;
};

namespace {
thread_local TransferJournal* t_journal = nullptr;
}

CrossingScope::CrossingScope() noexcept : outermost_(t_journal == nullptr) {
  if (!outermost_) return;
  static thread_local TransferJournal journal;
  t_journal = &journal;
}

CrossingScope::~CrossingScope() {
  if (!outermost_) return;
  TransferJournal* journal = std::exchange(t_journal, nullptr);
  if (!committed_) journal->roll_back();
  journal->clear();
}

TransferJournal* CrossingScope::active() noexcept {
  return t_journal;
}

TransferableTypedData transfer(const TransferableTypedData& from) {
  if (!from.state_) throw_default("send");
  TransferJournal* journal = CrossingScope::active();
  TransferableTypedData moved;
  if (journal != nullptr) {
    if (auto same = journal->find(from.state_.get())) {  // the same handle, met again
      moved.state_ = std::move(same);
      return moved;
    }
  }
  // The new handle is allocated here, under the receiver's account (the caller's scope).
  auto to = std::make_shared<TransferableTypedData::State>();
  {
    std::lock_guard lock(from.state_->mutex);
    if (from.state_->state != TransferState::holding) throw_empty(from.state_->state, "send");
    if (journal != nullptr) journal->record({from.state_, to, nullptr});  // may throw: first
    to->bytes = std::move(from.state_->bytes);
    from.state_->state = TransferState::transferred;
  }
  // std::allocator's buffer is exactly one operator new block: charge it to the receiver.
  if (to->bytes.capacity() != 0) {
    if (journal != nullptr) journal->set_last_paid_by(account_of_block(to->bytes.data()));
    recharge(to->bytes.data(), current_heap_account());
  }
  moved.state_ = std::move(to);
  return moved;
}

}  // namespace detail
}  // namespace iso

#pragma once
// CrossingScope: one message (or one spawn's arguments) crossing on this thread, as a unit.
// Not part of the public API.
//
// Why it exists: a message is built part by part, and transferring a TransferableTypedData
// empties the sender's handle at once. Without a unit, a send that fails half-way (the second
// part cannot be sent, or memory runs out) would leave the first buffers moved into a message
// that is never delivered: the sender's data lost. And one handle met twice in the same message
// would be transferred once and then refused as "already sent", where Dart sends the one object
// and lets the receiver materialize it once.
//
// While a scope is open on a thread:
// - a handle transferred a second time crosses as the same receiving handle (its copies then
//   share one buffer, which materializes once);
// - if the scope ends without commit() (an exception unwinds through it), every buffer it
//   transferred goes back to the sender's handle, charged to its account again, as if the send
//   had never started.
// Scopes nest: an inner scope joins the outermost one, which alone commits or rolls back.

namespace iso::detail {

class TransferJournal;

class CrossingScope {
 public:
  CrossingScope() noexcept;
  /// Rolls back every transfer of the scope unless commit() was called.
  ~CrossingScope();
  CrossingScope(const CrossingScope&) = delete;
  CrossingScope& operator=(const CrossingScope&) = delete;

  /// The crossing succeeded: the transfers stand.
  void commit() noexcept { committed_ = true; }

  /// The journal of the outermost scope open on this thread, or null.
  static TransferJournal* active() noexcept;

 private:
  bool outermost_;
  bool committed_ = false;
};

}  // namespace iso::detail

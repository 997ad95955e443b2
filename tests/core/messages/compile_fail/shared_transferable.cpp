// Must not compile: Shared<T> holds immutable data; a transferable changes when sent.
#include "iso/shared.hpp"
#include "iso/transferable.hpp"
iso::Shared<iso::TransferableTypedData> wrap(const iso::TransferableTypedData& data) {
  return iso::Shared<iso::TransferableTypedData>(data);
}

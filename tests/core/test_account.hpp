#pragma once
// A heap account standing in for an isolate's (a receiver's, a sender's), released at the end
// of the test.

#include "iso/heap.hpp"

struct TestAccount {
  iso::HeapAccount* account = iso::detail::new_heap_account();
  TestAccount() = default;
  TestAccount(const TestAccount&) = delete;
  TestAccount& operator=(const TestAccount&) = delete;
  ~TestAccount() { iso::detail::release(account); }
  iso::HeapStats stats() const { return iso::detail::stats_of(account); }
};

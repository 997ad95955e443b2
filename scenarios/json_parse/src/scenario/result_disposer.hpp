#pragma once
// Frees the results a runner replaces, on a background thread of the lowest priority.
//
// Each repetition leaves the previous repetition's products behind. Freeing them on the main
// isolate would put tens of thousands of frees (milliseconds at 32 MB) into the frames window
// of the next figure, charged to no mode in particular. A Dart app drops its old list for the
// garbage collector, which sweeps on helper threads; this is the scenario's stand-in. The
// memory belongs to the main isolate's heap account whichever thread frees it.

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "json_parse/catalog_parser.hpp"

namespace json_parse {

class ResultDisposer {
 public:
  /// Starts the thread, at the lowest priority (nice 19). Throws std::system_error if
  /// the thread cannot be started.
  ResultDisposer();
  /// Frees what is still queued, then joins the thread.
  ~ResultDisposer();
  ResultDisposer(const ResultDisposer&) = delete;
  ResultDisposer& operator=(const ResultDisposer&) = delete;

  /// Takes `result` and frees it on the background thread. Never blocks for the freeing.
  void dispose(ParsedCatalog&& result);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<ParsedCatalog> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace json_parse

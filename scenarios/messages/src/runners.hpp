#pragma once
// The runners of the messages scenario, one per way, made by mode name.

#include <memory>
#include <string>

#include "messages_scenario.hpp"

namespace messages {

/// A runner for mode `mode` (floor, copy, transfer, share, exit) sending `point`'s payload.
std::unique_ptr<bench::ModeRunner> make_runner(const std::string& mode, const Point& point);

}  // namespace messages

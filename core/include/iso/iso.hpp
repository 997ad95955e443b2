#pragma once
// The isolate core in one include.

#include "iso/capability.hpp"
#include "iso/compute.hpp"
#include "iso/errors.hpp"
#include "iso/exception_transport.hpp"
#include "iso/future.hpp"
#include "iso/heap.hpp"
#include "iso/isolate.hpp"
#include "iso/isolate_local.hpp"
#include "iso/message.hpp"
#include "iso/microtask.hpp"
#include "iso/port.hpp"
#include "iso/run.hpp"
#include "iso/run_main.hpp"
#include "iso/sendable.hpp"
#include "iso/timer.hpp"
#include "iso/value.hpp"

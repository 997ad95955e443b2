#pragma once
// The harness in one include.

#include "bench/harness/environment.hpp"
#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/metric.hpp"
#include "bench/harness/result.hpp"
#include "bench/harness/runner.hpp"
#include "bench/harness/scenario.hpp"
#include "bench/harness/statistics.hpp"
#include "bench/harness/units.hpp"

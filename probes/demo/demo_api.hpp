// The demo service's API as one DemoHandler: the route table (healthz, triangle, nextdate,
// discount, orders) behind the trace-id echo. Each call makes a fresh, empty order book.
//
// Thread-safety: the returned handler may be called from several threads (the order book
// locks; everything else is pure).
#pragma once

#include "probes/demo/demo_http.hpp"

namespace glassbox::probes::demo {

DemoHandler make_demo_api();

}  // namespace glassbox::probes::demo

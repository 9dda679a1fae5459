// Load plans against the loopback test server, for the load engine's tests.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "loopback_server.hpp"
#include "probes/load/load_driver.hpp"

namespace glassbox::probes::testing {

inline LoadRequest get_request(const LoopbackServer& server, const std::string& path, double weight = 1) {
  LoadRequest load;
  load.key = "shop" + path;
  load.request.url = server.url(path);
  load.request.timeout = std::chrono::milliseconds(5000);
  load.weight = weight;
  return load;
}

inline LoadPlan closed_plan(std::vector<LoadRequest> requests, int workers) {
  LoadPlan plan;
  plan.suite = "shop";
  plan.profile.model = suite::LoadModel::Closed;
  plan.profile.workers = workers;
  plan.requests = std::move(requests);
  return plan;
}

inline LoadPlan open_plan(std::vector<LoadRequest> requests, double start_rate, std::vector<suite::LoadStage> stages,
                          int connections) {
  LoadPlan plan;
  plan.suite = "shop";
  plan.profile.model = suite::LoadModel::Open;
  plan.profile.start_rate = start_rate;
  plan.profile.stages = std::move(stages);
  plan.profile.connections = connections;
  plan.requests = std::move(requests);
  return plan;
}

}  // namespace glassbox::probes::testing

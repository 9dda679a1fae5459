#include "suites/model/load_profile.hpp"

#include <fmt/format.h>

namespace glassbox::suite {

namespace {
std::string seconds_text(std::chrono::nanoseconds d) {
  return fmt::format("{:g} s", std::chrono::duration<double>(d).count());
}
std::string rate_text(double rate) { return fmt::format("{:g}/s", rate); }
}  // namespace

std::optional<std::chrono::milliseconds> LoadProfile::planned_duration() const {
  if (model == LoadModel::Closed) return duration;
  std::chrono::milliseconds total{0};
  for (const LoadStage& stage : stages) total += stage.duration;
  return total;
}

double LoadProfile::rate_at(std::chrono::nanoseconds elapsed) const {
  double from = start_rate;
  for (const LoadStage& stage : stages) {
    if (elapsed < stage.duration) {
      if (stage.duration.count() <= 0) return stage.rate;
      double share = std::chrono::duration<double>(elapsed) / std::chrono::duration<double>(stage.duration);
      return from + (stage.rate - from) * share;
    }
    elapsed -= stage.duration;
    from = stage.rate;
  }
  return stages.empty() ? start_rate : stages.back().rate;
}

std::string LoadProfile::describe() const {
  if (model == LoadModel::Closed) {
    std::string text = fmt::format("closed: {} worker{}", workers, workers == 1 ? "" : "s");
    if (duration) text += " for " + seconds_text(*duration);
    if (count) text += fmt::format("{} {} requests", duration ? " or" : ",", *count);
    return text;
  }
  auto total = planned_duration().value_or(std::chrono::milliseconds(0));
  if (stages.size() == 1 && start_rate == stages[0].rate)
    return fmt::format("open: {} for {}", rate_text(stages[0].rate), seconds_text(total));
  return fmt::format("open: {} stage{}, {} -> {} over {}", stages.size(), stages.size() == 1 ? "" : "s",
                     rate_text(start_rate), rate_text(stages.empty() ? start_rate : stages.back().rate),
                     seconds_text(total));
}

}  // namespace glassbox::suite

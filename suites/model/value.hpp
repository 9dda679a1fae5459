// Values that flow through a suite: input values, JSON bodies, captured fields.
// They are JSON values: a request body is JSON, and a case's inputs are shown as JSON
// in every report, so one representation avoids conversions at each boundary.
#pragma once

#include <nlohmann/json.hpp>

namespace glassbox {
using Value = nlohmann::json;
}

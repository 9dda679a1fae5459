// Atomic file output: write to a temporary in the destination's folder, flush, then
// rename over the destination. Readers see the old file or the new one, never half.
#pragma once

#include <filesystem>
#include <string_view>

#include "suites/model/expected.hpp"

namespace glassbox::reports {

// Creates missing parent folders. An error names the path and the OS reason.
Status write_file_atomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace glassbox::reports

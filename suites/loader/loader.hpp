// The suite loader: a YAML suite file in, a validated suite model out (docs/suite-format.md
// is the reference of the format).
//
// Everything a suite can get wrong is caught here, before any traffic: unknown keys (with a
// "did you mean"), wrong types, missing required keys, invalid regexes and JSON pointers,
// templates naming undeclared inputs, unknown targets, unset environment variables.
// ${env:NAME} is resolved while loading and every value taken from the environment is
// listed in Suite::secrets, so reports can redact it.
//
// Errors: the first error found, as an Error whose `where` is the file, line and column
// (1-based) of the offending YAML node and whose message says what was expected, e.g.
//   suite.yaml:12:5: unknown key 'timout' in request 'classify' (did you mean 'timeout_ms'?)
//
// Thread-safety: the functions keep no state between calls and may run concurrently;
// LoadOptions::getenv is called only from the calling thread.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "suites/model/expected.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::loader {

// Looks up an environment variable: its value, or nullopt when it is not set.
using Getenv = std::function<std::optional<std::string>(const std::string&)>;

struct LoadOptions {
  // Where ${env:NAME} looks; empty means the process environment (::getenv). Tests pass
  // their own so they need not touch the real environment.
  Getenv getenv;
};

// Reads and loads a suite file. Suite::file is `path` as given. An unreadable file is an
// error without a location: "cannot read suite 'x.yaml': No such file or directory".
Expected<suite::Suite> load_suite_file(const std::filesystem::path& path, const LoadOptions& options = {});

// Loads a suite from text; `file_name` is used in error locations and as Suite::file.
Expected<suite::Suite> load_suite_text(std::string_view yaml, const std::string& file_name,
                                       const LoadOptions& options = {});

}  // namespace glassbox::loader

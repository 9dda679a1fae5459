// What every part of one load shares: the file name for error locations, where
// ${env:...} looks, the secrets found so far, and the names declared so far (targets,
// inputs) that later parts refer to. Internal to the loader.
//
// Thread-safety: one Context per load, used by one thread.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "suites/loader/loader.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::loader::detail {

struct Context {
  std::string file;
  Getenv getenv;
  std::vector<std::string> secrets;       // values taken from the environment, in first-use order
  std::vector<std::string> secret_headers;  // `secret_headers` of targets and defaults, lowercase, once each
  std::vector<std::string> target_names;  // known once `targets` is loaded
  std::vector<std::string> input_names;   // known before any input or request is loaded
  std::vector<std::string> capture_names; // values requests capture from responses (`capture`), known before requests load

  // The node's position as a 1-based location in `file`; line 0 when yaml-cpp has none.
  SourceLocation at(const YAML::Node& node) const;
  Error error(const YAML::Node& node, std::string message) const;
  Error error(const SourceLocation& where, std::string message) const;
  void add_secret(const std::string& value);
};

}  // namespace glassbox::loader::detail

// Propagation for Expected/Status inside the loader, which reads dozens of fields that
// each may fail: the first error wins and travels up unchanged.
#define LOADER_CONCAT_INNER(a, b) a##b
#define LOADER_CONCAT(a, b) LOADER_CONCAT_INNER(a, b)

// Evaluates an Expected/Status expression and returns its error from the enclosing function.
#define LOADER_TRY(expr)                                     \
  do {                                                       \
    auto&& loader_try_result_ = (expr);                      \
    if (!loader_try_result_.ok()) return loader_try_result_.error(); \
  } while (false)

// Declares `decl` (e.g. `auto x`) as the value of expr, or returns the error of expr.
// Several statements: not for the body of an unbraced if (that would not compile).
#define LOADER_ASSIGN(decl, expr) LOADER_ASSIGN_IMPL(LOADER_CONCAT(loader_assign_result_, __LINE__), decl, expr)
#define LOADER_ASSIGN_IMPL(tmp, decl, expr) \
  auto tmp = (expr);                        \
  if (!tmp.ok()) return tmp.error();        \
  decl = std::move(tmp).value()

// Assigns the value of expr to an existing `target`, or returns the error of expr.
#define LOADER_SET(target, expr)                                  \
  do {                                                            \
    auto&& loader_set_result_ = (expr);                           \
    if (!loader_set_result_.ok()) return loader_set_result_.error(); \
    target = std::move(loader_set_result_).value();               \
  } while (false)

// Expected<T>: a value or an Error, for failures callers are meant to handle
// (a bad suite, a port in use, an unreachable target). C++20 has no std::expected.
//
// Results of probing (a failed assertion, a timed-out request) are *data* in the
// results model, never Errors: Error is for "glassbox could not do what was asked".
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace glassbox {

// Where in a suite file something was written. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:column", or what is known of it.
  std::string to_string() const;
};

struct Error {
  Error() = default;
  explicit Error(std::string message_, SourceLocation where_ = {})
      : message(std::move(message_)), where(std::move(where_)) {}

  std::string message;          // what went wrong and, where possible, how to fix it
  SourceLocation where;         // set for suite errors
  // "file:line:column: message" when a location is known, else the message.
  std::string to_string() const;
};

template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Expected(Error error) : state_(std::move(error)) {}      // NOLINT
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing on success.
struct Unit {};
using Status = Expected<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace glassbox

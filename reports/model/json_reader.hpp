// A reader for hand-checked JSON documents that names the path of every bad field:
// "results.json: cases[3].outcome: expected a string, got 42".
//
// The first error wins; after it every getter returns its default, so a parser can read
// a whole document straight through and check ok() once at the end. Internal to the
// results JSON code. Not thread-safe: one reader per document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "suites/model/expected.hpp"
#include "suites/model/value.hpp"

namespace glassbox::reports {

enum class Need { Required, Optional };

class JsonReader final {
 public:
  explicit JsonReader(std::string document_name);

  // The member `key` of `object` (found at `path`); nullptr when absent, which is an
  // error when Required. `object` that is not an object yields nullptr (its reader
  // already reported it).
  const Value* member(const Value& object, const std::string& path, std::string_view key, Need need);

  std::string get_string(const Value& object, const std::string& path, std::string_view key,
                         Need need = Need::Optional);
  bool get_bool(const Value& object, const std::string& path, std::string_view key, Need need = Need::Optional);
  double get_number(const Value& object, const std::string& path, std::string_view key,
                    Need need = Need::Optional);
  // Integers within [min, max]; a JSON number with a fraction is a type error.
  std::int64_t get_int(const Value& object, const std::string& path, std::string_view key, std::int64_t min,
                       std::int64_t max, Need need = Need::Optional);
  std::uint64_t get_uint64(const Value& object, const std::string& path, std::string_view key,
                           Need need = Need::Optional);
  // nullptr when absent or mistyped; check the result before iterating.
  const Value* get_array(const Value& object, const std::string& path, std::string_view key,
                         Need need = Need::Optional);
  const Value* get_object(const Value& object, const std::string& path, std::string_view key,
                          Need need = Need::Optional);

  // Checks of single values (array elements): report and return false on mismatch.
  bool expect_string(const Value& v, const std::string& path);
  bool expect_object(const Value& v, const std::string& path);
  bool expect_array(const Value& v, const std::string& path, std::size_t size = 0);  // size 0: any
  std::optional<std::uint64_t> expect_uint64(const Value& v, const std::string& path);

  // Records "<document>: <path>: <what>" unless an error is already recorded.
  void fail(const std::string& path, const std::string& what);
  bool ok() const { return !error_.has_value(); }
  const Error& error() const { return *error_; }

  // "a.b" (or "b" at the top), "a[3]", and a["key"] for map keys.
  static std::string field_path(const std::string& path, std::string_view key);
  static std::string index_path(const std::string& path, std::size_t index);
  static std::string key_path(const std::string& path, std::string_view key);
  // The value as JSON, shortened for messages.
  static std::string shown(const Value& v);

 private:
  std::string document_;
  std::optional<Error> error_;
};

}  // namespace glassbox::reports

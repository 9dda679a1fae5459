// The checks on single values that several parts of a suite share: target URLs, JSON
// pointers, regexes, header names, and {{input}} placeholders.
//
// Thread-safety: pure functions (regexes are compiled only to be checked).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "suites/loader/context.hpp"
#include "suites/loader/yaml_reader.hpp"

namespace glassbox::loader::detail {

// What is wrong with a target URL, as the end of "'url' ...": "must start with http:// or
// https://, or be builtin:demo"; nullopt when it is fine.
std::optional<std::string> url_problem(std::string_view url);

// The same for an RFC 6901 JSON pointer ("" is the whole document).
std::optional<std::string> json_pointer_problem(std::string_view pointer);

// An error at `entry` unless `pattern` compiles as an ECMAScript std::regex:
//   invalid regular expression '^[a-z' in 'matches': unexpected character within '[...]'
Status check_regex(const Context& ctx, const Entry& entry, const std::string& pattern);

// HTTP header names are tokens (RFC 9110): letters, digits and !#$%&'*+-.^_`|~.
bool is_header_name(std::string_view name);

// An error at `node` unless every {{name}} in `text` names a declared input:
//   unknown input 'd' in '{{d}}' (did you mean 'a'?)
Status check_placeholders(const Context& ctx, const YAML::Node& node, std::string_view text);

}  // namespace glassbox::loader::detail

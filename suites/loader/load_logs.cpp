// The `logs` section: the JSON-lines logs a run checks (a file, or the output of a command)
// and the fields each line must carry (docs/suite-format.md "`logs`"). File paths are
// relative to the suite file's folder and stored absolute, so a run from another working
// directory reads the same file.
//
// Thread-safety: one Context per load, used by one thread.
#include <algorithm>
#include <cctype>
#include <climits>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/quantities.hpp"

namespace glassbox::loader::detail {

namespace {

const Keys kLogKeys = {"name",   "file",         "command",  "timeout", "fields",  "timestamp_precision",
                       "levels", "error_levels", "untraced", "source",  "required"};
const Keys kFieldKeys = {"timestamp", "level", "trace_id", "span_id", "source"};
// The defaults of probes/logs LogSchema, for checking error_levels when `levels` is not given.
const std::vector<std::string> kDefaultLevels = {"trace", "debug", "info", "warn", "warning", "error", "fatal"};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// One of two words: `yes` reads as true, `no` as false.
Expected<bool> read_choice(Context& ctx, const Entry& entry, const char* yes, const char* no) {
  LOADER_ASSIGN(std::string text, read_string(ctx, entry));
  if (text == yes) return true;
  if (text == no) return false;
  return error_at(ctx, entry, fmt::format("'{}' must be {} or {}, got {}", entry.key, yes, no, describe(entry.value)));
}

Expected<std::vector<std::string>> read_levels(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry, Single::Allowed));
  if (items.empty()) return error_at(ctx, entry, fmt::format("'{}' needs at least one level", entry.key));
  std::vector<std::string> levels;
  for (const Entry& item : items) {
    LOADER_ASSIGN(std::string level, read_nonempty_string(ctx, item));
    // Levels are compared case-insensitively, so "INFO" and "info" are the same level.
    for (const std::string& earlier : levels) {
      if (lower(earlier) == lower(level))
        return error_at(ctx, item, fmt::format("'{}' lists '{}' twice", entry.key, level));
    }
    levels.push_back(std::move(level));
  }
  return levels;
}

Status load_field_names(Context& ctx, const Entry& entry, suite::LogSource& log) {
  LOADER_ASSIGN(Fields fields,
                Fields::open(ctx, entry, "'fields'", fmt::format("in 'fields' of log '{}'", log.name), kFieldKeys));
  std::string* targets[] = {&log.timestamp_field, &log.level_field, &log.trace_id_field, &log.span_id_field,
                            &log.source_field};
  for (std::size_t i = 0; i < kFieldKeys.size(); ++i)
    if (const Entry* e = fields.find(kFieldKeys[i])) LOADER_SET(*targets[i], read_nonempty_string(ctx, *e));
  return ok_status();
}

std::string absolute_from_suite(const Context& ctx, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_relative()) p = std::filesystem::path(ctx.file).parent_path() / p;
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(p, ec);
  return (ec ? p : absolute).lexically_normal().string();
}

Expected<suite::LogSource> load_log(Context& ctx, const Entry& item) {
  suite::LogSource log;
  log.where = ctx.at(item.value);
  std::string owner = "a log";
  if (YAML::Node n = child(item.value, "name"); n.IsScalar()) owner = fmt::format("log '{}'", n.Scalar());
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, item.value, log.where, "a log", "in " + owner, kLogKeys));
  const Entry* name = fields.find("name");
  if (!name) return ctx.error(log.where, "a log needs 'name' (e.g. the service that writes it)");
  LOADER_SET(log.name, read_nonempty_string(ctx, *name));
  const Entry* file = fields.find("file");
  const Entry* command = fields.find("command");
  if (file && command)
    return ctx.error(command->key_node, fmt::format("{} has both 'file' and 'command': pick one", owner));
  if (!file && !command) {
    return ctx.error(log.where,
                     fmt::format("{} needs 'file' (a JSON-lines file) or 'command' (a command whose output is "
                                 "the log)",
                                 owner));
  }
  if (file) {
    LOADER_ASSIGN(std::string path, read_nonempty_string(ctx, *file));
    log.file = absolute_from_suite(ctx, path);
  }
  if (command) LOADER_SET(log.command, read_nonempty_string(ctx, *command));
  if (const Entry* timeout = fields.find("timeout")) {
    if (!command) return ctx.error(timeout->key_node, "'timeout' applies to a log read from 'command'");
    LOADER_ASSIGN(auto ms, read_duration(ctx, *timeout));
    if (ms.count() > INT_MAX) return error_at(ctx, *timeout, "'timeout' is too long");
    log.command_timeout_ms = static_cast<int>(ms.count());
  }
  if (const Entry* names = fields.find("fields")) LOADER_TRY(load_field_names(ctx, *names, log));
  if (const Entry* precision = fields.find("timestamp_precision"))
    LOADER_SET(log.timestamp_microseconds, read_choice(ctx, *precision, "microseconds", "milliseconds"));
  if (const Entry* levels = fields.find("levels")) LOADER_SET(log.levels, read_levels(ctx, *levels));
  if (const Entry* error_levels = fields.find("error_levels")) {
    LOADER_SET(log.error_levels, read_levels(ctx, *error_levels));
    const std::vector<std::string>& known = log.levels.empty() ? kDefaultLevels : log.levels;
    LOADER_ASSIGN(auto items, list_items(ctx, *error_levels, Single::Allowed));
    for (std::size_t i = 0; i < log.error_levels.size(); ++i) {
      const std::string& level = log.error_levels[i];
      bool found =
          std::any_of(known.begin(), known.end(), [&](const std::string& k) { return lower(k) == lower(level); });
      if (!found) {
        return error_at(
            ctx, items[i],
            fmt::format("error level '{}' is not one of the levels of {} ({})", level, owner, join_names(known)));
      }
    }
  }
  if (const Entry* untraced = fields.find("untraced"))
    LOADER_SET(log.allow_untraced, read_choice(ctx, *untraced, "allowed", "rejected"));
  if (const Entry* source = fields.find("source"))
    LOADER_SET(log.source_required, read_choice(ctx, *source, "required", "optional"));
  if (const Entry* required = fields.find("required")) LOADER_SET(log.required, read_bool(ctx, *required));
  return log;
}

}  // namespace

Expected<std::vector<suite::LogSource>> load_logs(Context& ctx, const Entry& logs) {
  LOADER_ASSIGN(auto items, list_items(ctx, logs));
  std::vector<suite::LogSource> out;
  for (const Entry& item : items) {
    LOADER_ASSIGN(suite::LogSource log, load_log(ctx, item));
    auto same = std::find_if(out.begin(), out.end(), [&](const suite::LogSource& l) { return l.name == log.name; });
    if (same != out.end()) {
      return ctx.error(
          log.where, fmt::format("log '{}' is defined twice in 'logs' (first at line {})", log.name, same->where.line));
    }
    out.push_back(std::move(log));
  }
  return out;
}

}  // namespace glassbox::loader::detail

// `defaults`: what requests use unless they say otherwise.
#include <climits>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"

namespace glassbox::loader::detail {

namespace {
const Keys kDefaultsKeys = {"target", "timeout_ms", "concurrency", "retry", "techniques", "secret_headers"};
}  // namespace

Expected<LoadedDefaults> load_defaults(Context& ctx, const Entry* entry) {
  LoadedDefaults out;
  if (ctx.target_names.size() == 1) out.defaults.target = ctx.target_names.front();
  if (!entry) return out;

  LOADER_ASSIGN(Fields fields, Fields::open(ctx, *entry, "'defaults'", "in defaults", kDefaultsKeys));
  if (const Entry* target = fields.find("target")) {
    LOADER_SET(out.defaults.target, read_nonempty_string(ctx, *target));
    const std::vector<std::string>& known = ctx.target_names;
    if (std::find(known.begin(), known.end(), out.defaults.target) == known.end()) {
      return error_at(ctx, *target, fmt::format("unknown target '{}' in defaults{}", out.defaults.target,
                                                name_hint(out.defaults.target, known, "targets")));
    }
  }
  if (const Entry* timeout = fields.find("timeout_ms"))
    LOADER_SET(out.defaults.timeout_ms, read_int_in(ctx, *timeout, 1, INT_MAX));
  if (const Entry* concurrency = fields.find("concurrency"))
    LOADER_SET(out.defaults.concurrency, read_int_in(ctx, *concurrency, 1, INT_MAX));
  if (const Entry* retry = fields.find("retry"))
    LOADER_SET(out.defaults.retry, load_retry(ctx, *retry, suite::RetryPolicy{}));
  if (const Entry* techniques = fields.find("techniques"))
    LOADER_SET(out.techniques, load_techniques(ctx, *techniques, TechniqueScope::Defaults, "defaults", {}));
  if (const Entry* secret = fields.find("secret_headers")) LOADER_TRY(load_secret_headers(ctx, *secret));
  return out;
}

}  // namespace glassbox::loader::detail

// The `coverage` section: per service, the operations, branches, conditions and paths the
// cases should exercise, and the goals that make coverage a verdict (docs/suite-format.md
// "`coverage`: white-box coverage from spans"). Path shapes are checked and rewritten in
// canonical form here, so the report can compare them with observed trees as plain text.
//
// Thread-safety: one Context per load, used by one thread.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "suites/loader/parts.hpp"

namespace glassbox::loader::detail {

namespace {

using suite::BranchModel;
using suite::ConditionModel;
using suite::CoverageGoals;
using suite::CoverageModel;
using suite::PathModel;
using suite::ServiceCoverage;

const Keys kCoverageKeys = {"goals", "services"};
const Keys kGoalKeys = {"operations", "branches", "conditions", "paths"};
const Keys kServiceKeys = {"goals", "operations", "branches", "conditions", "paths"};
const Keys kConditionKeys = {"span", "attributes"};

Expected<CoverageGoals> load_goals(Context& ctx, const Entry& entry, std::string_view place) {
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "'goals'", place, kGoalKeys));
  CoverageGoals goals;
  for (const Entry& e : fields.entries()) {
    LOADER_ASSIGN(double percent, read_number(ctx, e));
    if (percent < 0 || percent > 100) {
      return error_at(ctx, e, fmt::format("coverage goal '{}' must be a percentage between 0 and 100, got {}", e.key,
                                          percent));
    }
    if (e.key == "operations") goals.operations = percent;
    if (e.key == "branches") goals.branches = percent;
    if (e.key == "conditions") goals.conditions = percent;
    if (e.key == "paths") goals.paths = percent;
  }
  return goals;
}

// The span name a map key or list item holds: a non-empty string.
Expected<std::string> span_name(Context& ctx, const Entry& entry, const YAML::Node& node) {
  if (!node.IsScalar())
    return ctx.error(node, fmt::format("a span name in '{}' must be a string, got {}", entry.key, describe(node)));
  LOADER_ASSIGN(std::string name, scalar_text(ctx, node));
  if (name.empty()) return ctx.error(node, fmt::format("a span name in '{}' must not be empty", entry.key));
  return name;
}

Expected<std::vector<std::string>> load_operations(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry));
  if (items.empty()) return error_at(ctx, entry, "'operations' must list at least one span name");
  std::vector<std::string> names;
  for (const Entry& item : items) {
    LOADER_ASSIGN(std::string name, span_name(ctx, entry, item.value));
    if (std::find(names.begin(), names.end(), name) != names.end())
      return error_at(ctx, item, fmt::format("'operations' lists '{}' twice", name));
    names.push_back(std::move(name));
  }
  return names;
}

// The values one attribute should take: a non-empty list of distinct scalars, typed as
// enum values are (true/false booleans, numbers, else strings).
Expected<std::vector<Value>> load_attribute_values(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry));
  if (items.empty()) return error_at(ctx, entry, fmt::format("'{}' must list at least one value", entry.key));
  std::vector<Value> values;
  for (const Entry& item : items) {
    if (!item.value.IsScalar()) {
      return error_at(ctx, item, fmt::format("'{}' must list scalars (strings, numbers, booleans), got {}", entry.key,
                                             describe(item.value)));
    }
    LOADER_ASSIGN(Value v, read_value(ctx, item.value, Templates::Plain));
    if (std::find(values.begin(), values.end(), v) != values.end()) {
      return error_at(ctx, item, fmt::format("'{}' lists '{}' twice", entry.key,
                                             v.is_string() ? v.get<std::string>() : v.dump()));
    }
    values.push_back(std::move(v));
  }
  return values;
}

Expected<std::vector<BranchModel>> load_branches(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto spans, map_entries(ctx, entry));
  std::vector<BranchModel> branches;
  for (const Entry& span : spans) {
    LOADER_ASSIGN(std::string name, span_name(ctx, entry, span.key_node));
    LOADER_ASSIGN(auto attributes, map_entries(ctx, span));
    if (attributes.empty())
      return error_at(ctx, span, fmt::format("branches of '{}' must name an attribute and its values", name));
    for (const Entry& attribute : attributes) {
      BranchModel branch;
      branch.span = name;
      branch.attribute = attribute.key;
      branch.where = ctx.at(attribute.key_node);
      LOADER_SET(branch.values, load_attribute_values(ctx, attribute));
      branches.push_back(std::move(branch));
    }
  }
  return branches;
}

Expected<ConditionModel> load_condition(Context& ctx, const Entry& item) {
  ConditionModel condition;
  condition.where = where_of(ctx, item);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, item, "a condition", "in a condition", kConditionKeys));
  const Entry* span = fields.find("span");
  if (!span) return error_at(ctx, item, "a condition needs 'span' (the name of the spans whose attributes combine)");
  LOADER_SET(condition.span, read_nonempty_string(ctx, *span));
  const Entry* attributes = fields.find("attributes");
  if (!attributes) return error_at(ctx, item, "a condition needs 'attributes' (each attribute and its values)");
  LOADER_ASSIGN(auto entries, map_entries(ctx, *attributes));
  if (entries.size() < 2)
    return error_at(ctx, *attributes, "a condition combines at least two attributes; for one attribute use branches");
  for (const Entry& attribute : entries) {
    LOADER_ASSIGN(auto values, load_attribute_values(ctx, attribute));
    condition.attributes.emplace_back(attribute.key, std::move(values));
  }
  return condition;
}

Expected<std::vector<ConditionModel>> load_conditions(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry));
  std::vector<ConditionModel> conditions;
  for (const Entry& item : items) {
    LOADER_ASSIGN(ConditionModel condition, load_condition(ctx, item));
    conditions.push_back(std::move(condition));
  }
  return conditions;
}

// --- path shapes ---

struct ShapeNode {
  std::string name;
  std::vector<ShapeNode> children;
};

// Reads `text` as name ["(" shape ("," shape)* ")"]; names are any text without parentheses
// or commas. Returns what is wrong, or nothing.
class ShapeParser final {
 public:
  explicit ShapeParser(std::string_view text) : text_(text) {}

  std::optional<std::string> parse(ShapeNode& root) {
    int depth = 0;
    for (char c : text_) {
      if (c == '(') ++depth;
      if (c == ')' && --depth < 0) break;
    }
    if (depth != 0) return "unbalanced parentheses";
    if (auto problem = node(root)) return problem;
    if (at_ != text_.size()) return fmt::format("unexpected '{}' after a closing parenthesis", text_[at_]);
    return std::nullopt;
  }

 private:
  std::optional<std::string> node(ShapeNode& out) {
    std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] != '(' && text_[at_] != ')' && text_[at_] != ',') ++at_;
    out.name = std::string(text_.substr(start, at_ - start));
    if (out.name.empty()) return "a span name is empty";
    if (at_ == text_.size() || text_[at_] != '(') return std::nullopt;
    ++at_;  // '('
    for (;;) {
      ShapeNode child;
      if (auto problem = node(child)) return problem;
      out.children.push_back(std::move(child));
      if (at_ < text_.size() && text_[at_] == ',') {
        ++at_;
        continue;
      }
      if (at_ < text_.size() && text_[at_] == ')') {
        ++at_;
        return std::nullopt;
      }
      return at_ < text_.size() ? fmt::format("unexpected '{}' after a closing parenthesis", text_[at_])
                                : std::string("unbalanced parentheses");
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

// name, then the children's canonical texts sorted and joined by ',' in parentheses.
std::string canonical(const ShapeNode& node) {
  if (node.children.empty()) return node.name;
  std::vector<std::string> children;
  for (const ShapeNode& child : node.children) children.push_back(canonical(child));
  std::sort(children.begin(), children.end());
  std::string out = node.name + "(";
  for (std::size_t i = 0; i < children.size(); ++i) out += (i ? "," : "") + children[i];
  return out + ")";
}

Expected<std::vector<PathModel>> load_paths(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  std::vector<PathModel> paths;
  for (const Entry& e : entries) {
    PathModel path;
    LOADER_SET(path.entry, span_name(ctx, entry, e.key_node));
    path.where = ctx.at(e.key_node);
    if (e.value.IsScalar() && e.value.Scalar() == "learn") {  // shapes from a baseline run (--paths-from)
      path.learn = true;
      paths.push_back(std::move(path));
      continue;
    }
    LOADER_ASSIGN(auto items, list_items(ctx, e));
    if (items.empty()) return error_at(ctx, e, fmt::format("paths of '{}' must list at least one shape, or be learn (shapes from a baseline run)", path.entry));
    for (const Entry& item : items) {
      if (!item.value.IsScalar()) {
        return error_at(ctx, item, fmt::format("a path shape must be a string such as \"{}(child)\", got {}",
                                               path.entry, describe(item.value)));
      }
      LOADER_ASSIGN(std::string text, scalar_text(ctx, item.value));
      ShapeNode root;
      if (auto problem = ShapeParser(text).parse(root))
        return error_at(ctx, item, fmt::format("path shape '{}' is not well-formed: {}", text, *problem));
      if (root.name != path.entry) {
        return error_at(ctx, item, fmt::format("path shape '{}' starts at '{}', not at its entry '{}'", text,
                                               root.name, path.entry));
      }
      std::string shape = canonical(root);
      if (std::find(path.shapes.begin(), path.shapes.end(), shape) != path.shapes.end())
        return error_at(ctx, item, fmt::format("path shape '{}' is listed twice under '{}'", shape, path.entry));
      path.shapes.push_back(std::move(shape));
    }
    paths.push_back(std::move(path));
  }
  return paths;
}

Expected<ServiceCoverage> load_service(Context& ctx, const Entry& entry) {
  ServiceCoverage service;
  service.service = entry.key;
  service.where = ctx.at(entry.key_node);
  std::string place = fmt::format("in coverage service '{}'", entry.key);
  LOADER_ASSIGN(Fields fields,
                Fields::open(ctx, entry, fmt::format("coverage service '{}'", entry.key), place, kServiceKeys));
  if (fields.entries().empty() || (fields.entries().size() == 1 && fields.find("goals"))) {
    return error_at(ctx, entry, fmt::format("coverage service '{}' lists no operations, branches, conditions or paths",
                                            entry.key));
  }
  if (const Entry* goals = fields.find("goals")) LOADER_SET(service.goals, load_goals(ctx, *goals, "in 'goals' of coverage service '" + entry.key + "'"));
  if (const Entry* operations = fields.find("operations"))
    LOADER_SET(service.operations, load_operations(ctx, *operations));
  if (const Entry* branches = fields.find("branches")) LOADER_SET(service.branches, load_branches(ctx, *branches));
  if (const Entry* conditions = fields.find("conditions"))
    LOADER_SET(service.conditions, load_conditions(ctx, *conditions));
  if (const Entry* paths = fields.find("paths")) LOADER_SET(service.paths, load_paths(ctx, *paths));
  return service;
}

}  // namespace

Expected<CoverageModel> load_coverage(Context& ctx, const Entry& coverage) {
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, coverage, "'coverage'", "in 'coverage'", kCoverageKeys));
  CoverageModel model;
  if (const Entry* goals = fields.find("goals")) LOADER_SET(model.goals, load_goals(ctx, *goals, "in 'goals'"));
  const Entry* services = fields.find("services");
  if (!services) {
    return error_at(ctx, coverage,
                    "'coverage' needs 'services' (each service.name and the spans to cover in it)");
  }
  LOADER_ASSIGN(auto entries, map_entries(ctx, *services));
  if (entries.empty()) return error_at(ctx, *services, "'services' must name at least one service");
  for (const Entry& e : entries) {
    LOADER_ASSIGN(ServiceCoverage service, load_service(ctx, e));
    model.services.push_back(std::move(service));
  }
  return model;
}

}  // namespace glassbox::loader::detail

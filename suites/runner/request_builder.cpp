#include "suites/runner/request_builder.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace glassbox::runner {

suite::Lookup case_lookup(const suite::Case& c) {
  return [&c](std::string_view name) -> std::optional<Value> {
    if (const suite::Binding* b = c.find(name)) return b->value;
    return std::nullopt;
  };
}

std::string url_encode(std::string_view text) {
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') out += static_cast<char>(ch);
    else out += fmt::format("%{:02X}", ch);
  }
  return out;
}

namespace {

using Kind = suite::RawBodyEdit::Kind;

bool has_header(const probes::Headers& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(), [&](const auto& h) {
    return std::equal(h.first.begin(), h.first.end(), name.begin(), name.end(),
                      [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  });
}

std::string text_of(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// The text an input takes in the path, query and headers: the edit's raw text (or nothing,
// for a missing field) for the edited input, the binding's text for the others.
suite::Lookup text_lookup(const suite::Case& c) {
  suite::Lookup values = case_lookup(c);
  if (!c.body_edit) return values;
  const suite::RawBodyEdit& edit = *c.body_edit;
  return [values, &edit](std::string_view name) -> std::optional<Value> {
    if (name != edit.input) return values(name);
    if (edit.kind == Kind::OmitField) return Value("");
    if (edit.raw_text) return Value(*edit.raw_text);  // as_text hands the bytes on unchecked
    return values(name);
  };
}

// A query parameter or header that is only the missing input is left out, not sent empty.
bool omitted(const suite::Case& c, std::string_view tmpl) {
  if (!c.body_edit || c.body_edit->kind != Kind::OmitField) return false;
  if (tmpl.size() < 4 || tmpl.substr(0, 2) != "{{" || tmpl.find("}}") != tmpl.size() - 2) return false;
  std::vector<std::string> names = suite::placeholders(tmpl);
  return names.size() == 1 && names.front() == c.body_edit->input;
}

// Encodes every placeholder's text, so a value is one path segment whatever it holds.
suite::Lookup encoded(const suite::Lookup& lookup) {
  return [lookup](std::string_view name) -> std::optional<Value> {
    auto v = lookup(name);
    if (!v) return std::nullopt;
    return Value(url_encode(text_of(*v)));
  };
}

// Applies a RawBodyEdit to a rendered body. The edited input was rendered as kMarker; each
// place it stands becomes a numbered marker string, and after dump() each marker's JSON
// text is replaced by the raw text that no JSON value can hold.
class BodyEditor final {
 public:
  // Control characters keep the markers apart from anything a suite writes: they dump as
  // \u0001 escapes, which no template value produces by accident.
  static constexpr std::string_view kMarker = "\x01glassbox-edit\x01";

  BodyEditor(const suite::RawBodyEdit& edit, Value binding_value)
      : edit_(edit), binding_value_(std::move(binding_value)) {}

  std::string apply(Value body) {
    if (body.is_string() && body.get_ref<const std::string&>() == kMarker) {
      if (edit_.kind == Kind::OmitField) return "";
      return edit_.kind == Kind::RawValue ? edit_.raw_json : binding_value_.dump();
    }
    visit(body);
    std::string text = body.dump();
    for (std::size_t k = 0; k < splices_.size(); ++k) {
      std::string marker = Value(numbered(k)).dump();
      std::string_view needle = marker;
      if (!splices_[k].whole) needle = needle.substr(1, needle.size() - 2);  // inside a longer string
      if (auto at = text.find(needle); at != std::string::npos) text.replace(at, needle.size(), splices_[k].text);
    }
    return text;
  }

 private:
  struct Splice {
    bool whole;        // the marker is the whole JSON string (else part of a longer one)
    std::string text;  // what replaces it
  };

  static std::string numbered(std::size_t k) { return fmt::format("\x01glassbox-edit-{}\x01", k); }

  bool is_marker(const Value& v) const { return v.is_string() && v.get_ref<const std::string&>() == kMarker; }

  std::string add(bool whole, std::string text) {
    splices_.push_back(Splice{whole, std::move(text)});
    return numbered(splices_.size() - 1);
  }

  // The text that stands for the input inside a longer string: a quoted raw value's inner
  // text (so "\ud800" stays an escape), else the binding's text, JSON-escaped.
  std::string inner_text() const {
    const std::string& raw = edit_.raw_json;
    if (edit_.kind == Kind::RawValue && raw.size() >= 2 && raw.front() == '"' && raw.back() == '"')
      return raw.substr(1, raw.size() - 2);
    if (edit_.kind == Kind::OmitField) return "";
    std::string quoted = Value(text_of(binding_value_)).dump();
    return quoted.substr(1, quoted.size() - 2);
  }

  void visit(Value& v) {
    if (v.is_string()) {
      std::string& s = v.get_ref<std::string&>();
      for (std::size_t at = s.find(kMarker); at != std::string::npos; at = s.find(kMarker, at)) {
        std::string marker = add(false, inner_text());
        s.replace(at, kMarker.size(), marker);
        at += marker.size();
      }
    } else if (v.is_object()) {
      std::vector<std::string> omit;
      for (auto& [key, member] : v.items()) {
        if (!is_marker(member)) {
          visit(member);
        } else if (edit_.kind == Kind::OmitField) {
          omit.push_back(key);
        } else if (edit_.kind == Kind::RawValue) {
          member = add(true, edit_.raw_json);
        } else {
          member = add(true, binding_value_.dump() + "," + Value(key).dump() + ":" + edit_.raw_json);
        }
      }
      for (const std::string& key : omit) v.erase(key);
    } else if (v.is_array()) {
      Value kept = Value::array();
      for (Value& element : v) {
        if (!is_marker(element)) {
          visit(element);
          kept.push_back(std::move(element));
        } else if (edit_.kind == Kind::RawValue) {
          kept.push_back(add(true, edit_.raw_json));
        } else if (edit_.kind == Kind::DuplicateKey) {  // an element has no key to repeat
          kept.push_back(binding_value_);
        }
      }
      v = std::move(kept);
    }
  }

  const suite::RawBodyEdit& edit_;
  Value binding_value_;
  std::vector<Splice> splices_;
};

}  // namespace

Expected<std::string> render_body(const Value& body_template, const suite::Case& c) {
  suite::Lookup lookup = case_lookup(c);
  if (!c.body_edit) {
    auto body = suite::render_value(body_template, lookup);
    if (!body) return body.error();
    return body->dump();
  }
  const suite::RawBodyEdit& edit = *c.body_edit;
  auto marked = [&](std::string_view name) -> std::optional<Value> {
    if (name == edit.input) return Value(std::string(BodyEditor::kMarker));
    return lookup(name);
  };
  auto body = suite::render_value(body_template, marked);
  if (!body) return body.error();
  const suite::Binding* binding = c.find(edit.input);
  BodyEditor editor(edit, binding ? binding->value : Value());
  return editor.apply(std::move(body.value()));
}

Expected<probes::HttpRequest> build_request(const suite::Suite& suite, const suite::Request& request,
                                            const suite::Target& target, const suite::Case& c) {
  suite::Lookup lookup = text_lookup(c);
  probes::HttpRequest out;
  out.method = request.method;

  auto path = suite::render_text(request.path, encoded(lookup));
  if (!path) return path.error();
  std::string base = target.url;
  if (!base.empty() && base.back() == '/') base.pop_back();
  out.url = base + *path;
  char separator = out.url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [key, tmpl] : request.query) {
    if (omitted(c, tmpl)) continue;
    auto value = suite::render_text(tmpl, lookup);
    if (!value) return value.error();
    out.url += separator + url_encode(key) + "=" + url_encode(*value);
    separator = '&';
  }

  out.headers = target.headers;
  for (const auto& [name, tmpl] : request.headers) {
    if (omitted(c, tmpl)) continue;
    auto value = suite::render_text(tmpl, lookup);
    if (!value) return value.error();
    out.headers.emplace_back(name, std::move(*value));
  }
  if (request.body) {
    auto body = render_body(*request.body, c);
    if (!body) return body.error();
    out.body = std::move(*body);
    if (!has_header(out.headers, "content-type")) out.headers.emplace_back("Content-Type", "application/json");
  }
  if (!has_header(out.headers, "accept")) out.headers.emplace_back("Accept", "application/json");

  int timeout = request.timeout_ms.value_or(target.timeout_ms.value_or(suite.defaults.timeout_ms));
  out.timeout = std::chrono::milliseconds(timeout);
  const suite::RetryPolicy& retry = request.retry ? *request.retry : suite.defaults.retry;
  out.retry.retries = retry.retries;
  out.retry.backoff = std::chrono::milliseconds(retry.backoff_ms);
  out.retry.on_status = retry.on_status;
  return out;
}

}  // namespace glassbox::runner

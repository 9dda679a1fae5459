// Turns a case into the HTTP request that probes it: renders the request's templates
// with the case's values and joins the target's base URL, headers and timeouts.
//
// Placeholder values are percent-encoded in the path (a value is one path segment: "a b/c"
// becomes "a%20b%2Fc") and the query (keys too); headers and the JSON body take them as
// they are. A case's RawBodyEdit (suites/model/case.hpp) is applied on top.
//
// Thread-safety: pure functions.
#pragma once

#include "probes/http/http_client.hpp"
#include "suites/model/case.hpp"
#include "suites/model/suite.hpp"
#include "suites/model/template.hpp"

namespace glassbox::runner {

// Values of a case's inputs, for template rendering.
suite::Lookup case_lookup(const suite::Case& c);

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string url_encode(std::string_view text);

// The request to send (trace_id left empty for the runner to fill). Errors come from
// templates that name no input, which validation normally rules out.
Expected<probes::HttpRequest> build_request(const suite::Suite& suite, const suite::Request& request,
                                            const suite::Target& target, const suite::Case& c);

// The body text of `request` for case `c`: the rendered JSON template, with c.body_edit
// applied at the input's placeholder. Errors as build_request's.
Expected<std::string> render_body(const Value& body_template, const suite::Case& c);

}  // namespace glassbox::runner

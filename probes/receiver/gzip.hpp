// Bounded gzip decompression for request bodies (Content-Encoding: gzip), with zlib.
//
// The output limit is enforced while inflating, so a small "gzip bomb" never grows past it in
// memory: the receiver answers 413 instead. Pure function, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace glassbox::probes::receiver {

enum class GunzipOutcome { inflated, malformed, over_limit };

struct Gunzipped {
  GunzipOutcome outcome = GunzipOutcome::malformed;
  std::string bytes;    // the inflated body when outcome == inflated
  std::string message;  // why not, otherwise: "gzip body is malformed: ..." or the limit
};

// Inflates one or more concatenated gzip members (RFC 1952). Results:
//   inflated    the whole input was valid gzip and inflated to at most max_bytes;
//   over_limit  "gzip body inflates past the limit of N bytes";
//   malformed   "gzip body is malformed: <zlib's reason>" (also for truncated input and
//               trailing garbage).
Gunzipped gunzip(std::string_view compressed, std::size_t max_bytes);

// The reverse, for tests and clients: default compression, one member.
std::string gzip(std::string_view plain);

}  // namespace glassbox::probes::receiver

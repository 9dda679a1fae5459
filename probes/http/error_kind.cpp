// Names of the probe's error kinds, as they appear in reports and logs.
#include "probes/http/http_client.hpp"

namespace glassbox::probes {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::None: return "none";
    case ErrorKind::Resolve: return "resolve";
    case ErrorKind::Connect: return "connect";
    case ErrorKind::Timeout: return "timeout";
    case ErrorKind::Reset: return "reset";
    case ErrorKind::Tls: return "tls";
    case ErrorKind::TooLarge: return "too_large";
    case ErrorKind::Protocol: return "protocol";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::InvalidUrl: return "invalid_url";
  }
  return "unknown";
}

}  // namespace glassbox::probes

// Wording of system errors inside the probe's messages. Pure; safe from any thread.
#include "probes/http/error_text.hpp"

namespace glassbox::probes::detail {

std::string describe(const boost::system::error_code& error) {
  std::string text = error.message();
  // Lower-case only a leading capital followed by a lower-case letter, so that
  // acronyms such as "SSL routines" keep their case.
  if (text.size() >= 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'a' && text[1] <= 'z') {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

}  // namespace glassbox::probes::detail

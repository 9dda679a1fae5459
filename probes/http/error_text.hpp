// Private to probes/http: system error texts as they read inside a sentence.
#pragma once

#include <string>

#include <boost/system/error_code.hpp>

namespace glassbox::probes::detail {

// "connection refused" rather than "Connection refused", since error messages splice the
// text after "connect to host:port: ".
std::string describe(const boost::system::error_code& error);

}  // namespace glassbox::probes::detail

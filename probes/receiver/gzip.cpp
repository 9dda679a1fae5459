// zlib inflate bounded by an output limit. zlib's z_stream counts in uInt, so input and
// output are fed in chunks no larger than that type holds.
#include "probes/receiver/gzip.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>
#include <zlib.h>

namespace glassbox::probes::receiver {
namespace {

// windowBits 15 + 16: gzip framing only (no raw deflate, no zlib header); Content-Encoding
// gzip promises exactly that.
constexpr int kGzipWindowBits = 15 + 16;
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxFeed = std::numeric_limits<uInt>::max();

Gunzipped malformed(const z_stream& stream, int code) {
  const char* reason = stream.msg != nullptr ? stream.msg
                       : code == Z_BUF_ERROR ? "truncated"
                                             : zError(code);
  return {GunzipOutcome::malformed, {}, fmt::format("gzip body is malformed: {}", reason)};
}

// Owns a z_stream set up for inflating; inflateEnd on every path out.
class Inflater final {
 public:
  Inflater() { init_code_ = inflateInit2(&stream_, kGzipWindowBits); }
  ~Inflater() {
    if (init_code_ == Z_OK) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool ready() const { return init_code_ == Z_OK; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  int init_code_ = Z_STREAM_ERROR;
};

}  // namespace

Gunzipped gunzip(std::string_view compressed, std::size_t max_bytes) {
  Inflater inflater;
  if (!inflater.ready()) return {GunzipOutcome::malformed, {}, "gzip body is malformed: zlib did not start"};
  z_stream& stream = inflater.stream();

  std::string out;
  const auto* next_in = reinterpret_cast<const Bytef*>(compressed.data());
  std::size_t in_left = compressed.size();
  if (in_left == 0) return {GunzipOutcome::malformed, {}, "gzip body is malformed: empty"};

  for (;;) {
    if (stream.avail_in == 0 && in_left > 0) {
      const std::size_t feed = std::min(in_left, kMaxFeed);
      stream.next_in = const_cast<Bytef*>(next_in);  // zlib's API is not const-correct
      stream.avail_in = static_cast<uInt>(feed);
      next_in += feed;
      in_left -= feed;
    }
    // Never ask for more than one byte past the limit: that byte proves the limit is crossed.
    const std::size_t room = std::min(kChunk, max_bytes + 1 - out.size());
    const std::size_t before = out.size();
    out.resize(before + room);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    stream.avail_out = static_cast<uInt>(room);
    const int code = inflate(&stream, Z_NO_FLUSH);
    out.resize(before + (room - stream.avail_out));
    if (out.size() > max_bytes) {
      return {GunzipOutcome::over_limit, {},
              fmt::format("gzip body inflates past the limit of {} bytes", max_bytes)};
    }
    if (code == Z_STREAM_END) {
      if (stream.avail_in == 0 && in_left == 0) break;
      // Another gzip member follows (gzip files may be concatenated).
      if (inflateReset(&stream) != Z_OK) return malformed(stream, Z_STREAM_ERROR);
      continue;
    }
    if (code == Z_BUF_ERROR && stream.avail_in == 0 && in_left == 0) return malformed(stream, code);
    if (code != Z_OK && code != Z_BUF_ERROR) return malformed(stream, code);
  }
  return {GunzipOutcome::inflated, std::move(out), {}};
}

std::string gzip(std::string_view plain) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&stream, static_cast<uLong>(plain.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  stream.avail_in = static_cast<uInt>(plain.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace glassbox::probes::receiver

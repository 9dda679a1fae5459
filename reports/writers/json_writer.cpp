// The results JSON writer: the source of truth every other report can be re-rendered
// from (`glassbox report`).
#include "reports/model/atomic_file.hpp"
#include "reports/model/results_json.hpp"
#include "reports/writers/writer.hpp"

namespace glassbox::reports {

namespace {

class JsonWriter final : public ReportWriter {
 public:
  std::string_view name() const override { return "json"; }
  std::string_view summary() const override { return "results JSON, the source every other report renders from"; }
  Status write(const RunResults& results, const std::filesystem::path& destination) const override {
    // Bodies are whatever a service sent; bytes that are not UTF-8 become U+FFFD rather
    // than making dump() throw.
    const std::string text = to_json(results).dump(2, ' ', false, Value::error_handler_t::replace) + "\n";
    return write_file_atomically(destination, text);
  }
};

}  // namespace

const ReportWriter& json_writer() {
  static const JsonWriter writer;
  return writer;
}

}  // namespace glassbox::reports

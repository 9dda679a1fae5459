#include "reports/writers/xml_writer.hpp"

#include <cassert>

#include <fmt/format.h>

namespace glassbox::reports {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

enum class Context { Text, Attribute };

// Length of the valid UTF-8 sequence starting at s[i] that encodes a character XML 1.0
// allows (at or above U+0080), or 0 when the bytes there are not one.
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  std::uint32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
  const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  const bool noncharacter = cp == 0xFFFE || cp == 0xFFFF;
  if (overlong || surrogate || noncharacter || cp > 0x10FFFF) return 0;
  return length;
}

std::string escape(std::string_view s, Context context) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      const std::size_t length = valid_sequence_length(s, i);
      if (length == 0) {
        out += kReplacement;
        ++i;
      } else {
        out.append(s.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += context == Context::Attribute ? "&quot;" : "\""; break;
      case '\'': out += context == Context::Attribute ? "&apos;" : "'"; break;
      case '\r': out += "&#13;"; break;
      case '\n': out += context == Context::Attribute ? "&#10;" : "\n"; break;
      case '\t': out += context == Context::Attribute ? "&#9;" : "\t"; break;
      default:
        if (u < 0x20)
          out += fmt::format("\\x{:02X}", u);  // forbidden in XML 1.0 even as &#x..;
        else
          out += c;
    }
    ++i;
  }
  return out;
}

}  // namespace

std::string xml_escape_text(std::string_view text) { return escape(text, Context::Text); }
std::string xml_escape_attribute(std::string_view value) { return escape(value, Context::Attribute); }

// ---- Element ------------------------------------------------------------------------------

XmlWriter::Element::Element(Element&& other) noexcept : writer_(other.writer_) { other.writer_ = nullptr; }

XmlWriter::Element::~Element() {
  if (writer_) writer_->end_element();
}

XmlWriter::Element& XmlWriter::Element::attribute(std::string_view name, std::string_view value) {
  writer_->write_attribute(name, value);
  return *this;
}

XmlWriter::Element& XmlWriter::Element::attribute(std::string_view name, std::int64_t value) {
  writer_->write_attribute(name, std::to_string(value));
  return *this;
}

XmlWriter::Element& XmlWriter::Element::text(std::string_view text) {
  writer_->write_text(text);
  return *this;
}

// ---- XmlWriter ----------------------------------------------------------------------------

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") {}

bool XmlWriter::in_text_content() const {
  for (const Open& o : open_)
    if (o.has_text) return true;
  return false;
}

void XmlWriter::close_start_tag() {
  if (!start_tag_open_) return;
  out_ += '>';
  start_tag_open_ = false;
}

XmlWriter::Element XmlWriter::element(std::string_view name) {
  close_start_tag();
  if (!open_.empty()) open_.back().has_children = true;
  if (!in_text_content()) {
    out_ += '\n';
    out_.append(2 * open_.size(), ' ');
  }
  out_ += '<';
  out_ += name;
  open_.push_back(Open{std::string(name)});
  start_tag_open_ = true;
  return Element(this);
}

void XmlWriter::write_attribute(std::string_view name, std::string_view value) {
  assert(start_tag_open_ && "attributes come before text and children");
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  out_ += xml_escape_attribute(value);
  out_ += '"';
}

void XmlWriter::write_text(std::string_view text) {
  assert(!open_.empty());
  if (text.empty()) return;
  close_start_tag();
  open_.back().has_text = true;
  out_ += xml_escape_text(text);
}

void XmlWriter::end_element() {
  assert(!open_.empty());
  const Open closing = std::move(open_.back());
  open_.pop_back();
  if (start_tag_open_) {
    out_ += "/>";
    start_tag_open_ = false;
  } else {
    if (closing.has_children && !closing.has_text && !in_text_content()) {
      out_ += '\n';
      out_.append(2 * open_.size(), ' ');
    }
    out_ += "</";
    out_ += closing.name;
    out_ += '>';
  }
  if (open_.empty()) out_ += '\n';
}

}  // namespace glassbox::reports

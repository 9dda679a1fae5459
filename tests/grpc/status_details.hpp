// Reads the binary status details the receiver sends (a google.rpc.Status holding
// google.rpc.RetryInfo) with protobuf's generic parser, independently of how they were
// written: googleapis' generated classes are not installed.
#pragma once

#include <cstdint>
#include <string>

#include <google/protobuf/any.pb.h>
#include <google/protobuf/duration.pb.h>
#include <google/protobuf/unknown_field_set.h>

namespace glassbox::probes::grpc_test {

struct RpcStatusDetails {
  bool parsed = false;
  std::int64_t code = -1;
  std::string message;
  std::string detail_type_url;        // of the first detail
  std::int64_t retry_delay_seconds = -1;  // from RetryInfo.retry_delay, when that is the detail
};

inline RpcStatusDetails read_status_details(const std::string& bytes) {
  RpcStatusDetails out;
  google::protobuf::UnknownFieldSet status;
  if (!status.ParseFromString(bytes)) return out;
  out.parsed = true;
  for (int i = 0; i < status.field_count(); ++i) {
    const auto& field = status.field(i);
    if (field.number() == 1 && field.type() == google::protobuf::UnknownField::TYPE_VARINT)
      out.code = static_cast<std::int64_t>(field.varint());
    if (field.number() == 2 && field.type() == google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED)
      out.message = field.length_delimited();
    if (field.number() == 3 && field.type() == google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED &&
        out.detail_type_url.empty()) {
      google::protobuf::Any any;
      if (!any.ParseFromString(field.length_delimited())) continue;
      out.detail_type_url = any.type_url();
      google::protobuf::UnknownFieldSet retry_info;
      if (!retry_info.ParseFromString(any.value())) continue;
      for (int j = 0; j < retry_info.field_count(); ++j) {
        if (retry_info.field(j).number() != 1) continue;
        google::protobuf::Duration delay;
        if (delay.ParseFromString(retry_info.field(j).length_delimited())) out.retry_delay_seconds = delay.seconds();
      }
    }
  }
  return out;
}

}  // namespace glassbox::probes::grpc_test

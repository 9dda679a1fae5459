// HTTPS through the probe: certificate and host name verification against a loopback TLS
// server whose self-signed certificates are made with the openssl CLI at test time.
#include <cstdlib>
#include <filesystem>

#include <fmt/core.h>
#include <gtest/gtest.h>

#include "probes/http/http_client.hpp"
#include "tests/probes/client_helpers.hpp"
#include "tests/probes/test_server.hpp"

namespace glassbox::probes {
namespace {

namespace fs = std::filesystem;
using testing::fetch;
using testing::get;
using testing::ReceivedRequest;
using testing::respond;
using testing::TestServer;
using testing::TlsFiles;

class HttpsClient : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "glassbox-tls-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
    loopback_ = make_certificate("loopback", "IP:127.0.0.1,DNS:localhost");
    elsewhere_ = make_certificate("elsewhere", "DNS:other.example");
  }
  static void TearDownTestSuite() { fs::remove_all(directory_); }

  // A self-signed P-256 certificate (fast to generate) with the given subjectAltName.
  static TlsFiles make_certificate(const std::string& name, const std::string& alt_names) {
    TlsFiles files{(directory_ / (name + ".crt")).string(), (directory_ / (name + ".key")).string()};
    const std::string command = fmt::format(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
        "-subj /CN=glassbox-test -addext subjectAltName={} -keyout {} -out {} >/dev/null 2>&1",
        alt_names, files.private_key_pem, files.certificate_pem);
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return files;
  }

  static inline fs::path directory_;
  static inline TlsFiles loopback_;
  static inline TlsFiles elsewhere_;
};

TEST_F(HttpsClient, RejectsACertificateThatIsNotTrusted) {
  TestServer server([](const ReceivedRequest&) { return respond(200); }, loopback_);
  const HttpResponse response = fetch(get(server.url()));
  EXPECT_EQ(response.error, ErrorKind::Tls);
  EXPECT_EQ(response.error_message,
            fmt::format("TLS handshake with {} failed: certificate verify failed (self-signed certificate)",
                        server.host_port()));
  EXPECT_EQ(response.attempts.size(), 1u);
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(HttpsClient, InsecureModeAcceptsAnyCertificate) {
  TestServer server([](const ReceivedRequest&) { return respond(200, "secret"); }, loopback_);
  ClientOptions options;
  options.verify_tls = false;
  const HttpResponse response = fetch(get(server.url()), options);
  EXPECT_EQ(response.status, 200) << response.error_message;
  EXPECT_EQ(response.body, "secret");
}

TEST_F(HttpsClient, OneRequestMayOptOutWithoutLoweringTheOthers) {
  TestServer server([](const ReceivedRequest&) { return respond(200, "ok"); }, loopback_);
  auto client = make_http_client(ClientOptions{});
  HttpRequest unverified = get(server.url());
  unverified.verify_tls = false;
  std::vector<HttpResponse> responses(2);
  // Unverified first: its connection must not be reused by the verified requests after it.
  client->send(unverified, [&](HttpResponse r) {
    responses[0] = std::move(r);
    client->send(get(server.url()), [&](HttpResponse r2) { responses[1] = std::move(r2); });
  });
  client->run();
  EXPECT_EQ(responses[0].status, 200) << responses[0].error_message;
  EXPECT_EQ(responses[1].error, ErrorKind::Tls);
}

TEST_F(HttpsClient, TrustsACertificateFromTheCaFileByAddressAndByName) {
  TestServer server([](const ReceivedRequest&) { return respond(200, "verified"); }, loopback_);
  ClientOptions options;
  options.ca_file = loopback_.certificate_pem;
  const auto by_address = fetch(get(server.url()), options);
  EXPECT_EQ(by_address.status, 200) << by_address.error_message;
  EXPECT_EQ(by_address.body, "verified");
  const auto by_name = fetch(get(fmt::format("https://localhost:{}/", server.port())), options);
  EXPECT_EQ(by_name.status, 200) << by_name.error_message;
}

TEST_F(HttpsClient, ReusesTheTlsConnectionForSequentialRequests) {
  TestServer server([](const ReceivedRequest&) { return respond(200); }, loopback_);
  ClientOptions options;
  options.ca_file = loopback_.certificate_pem;
  auto client = make_http_client(options);
  int done = 0;
  std::function<void()> next = [&] {
    client->send(get(server.url()), [&](HttpResponse response) {
      EXPECT_EQ(response.status, 200) << response.error_message;
      if (++done < 3) next();
    });
  };
  next();
  client->run();
  EXPECT_EQ(done, 3);
  EXPECT_EQ(server.connections(), 1);
}

TEST_F(HttpsClient, RejectsATrustedCertificateForAnotherHost) {
  TestServer server([](const ReceivedRequest&) { return respond(200); }, elsewhere_);
  ClientOptions options;
  options.ca_file = elsewhere_.certificate_pem;
  const HttpResponse response = fetch(get(server.url()), options);
  EXPECT_EQ(response.error, ErrorKind::Tls);
  EXPECT_EQ(response.error_message,
            fmt::format("TLS handshake with {} failed: certificate verify failed (hostname mismatch)",
                        server.host_port()));
}

TEST_F(HttpsClient, ReportsAnUnreadableCaFileOnEveryHttpsRequest) {
  ClientOptions options;
  options.ca_file = (directory_ / "missing.pem").string();
  const HttpResponse response = fetch(get("https://127.0.0.1:1/"), options);
  EXPECT_EQ(response.error, ErrorKind::Tls);
  EXPECT_EQ(response.error_message,
            fmt::format("cannot load the CA file '{}': no such file or directory", options.ca_file));
}

TEST_F(HttpsClient, ReportsACaFileWithoutCertificates) {
  ClientOptions options;
  options.ca_file = loopback_.private_key_pem;
  const HttpResponse response = fetch(get("https://127.0.0.1:1/"), options);
  EXPECT_EQ(response.error, ErrorKind::Tls);
  EXPECT_EQ(response.error_message, fmt::format("cannot load the CA file '{}': no certificate or crl found", options.ca_file));
}

}  // namespace
}  // namespace glassbox::probes

# HTTPS against nginx with a self-signed certificate: verification is on by default, and
# --insecure or a target's `insecure: true` turns it off.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/www"
echo '{"status":"ok"}' >"$WORK/www/health.json"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=glassbox-e2e \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" >/dev/null 2>&1
start_nginx "listen 127.0.0.1:%PORT% ssl; ssl_certificate $WORK/cert.pem; ssl_certificate_key $WORK/key.pem;"
port=$NGINX_PORT

write_suite() {  # write_suite FILE INSECURE
  cat >"$1" <<YAML
suite: tls
targets:
  web: {url: "https://127.0.0.1:$port", insecure: $2}
requests:
  health:
    path: /health.json
    expect: {status: 200, json: {/status: ok}}
YAML
}
write_suite "$WORK/verified.yaml" false
write_suite "$WORK/insecure-target.yaml" true

run_glassbox verified run "$WORK/verified.yaml" --junit "$WORK/verified.xml"
expect_status 1 "a self-signed certificate with verification on"
expect_contains "$WORK/verified.err" "certificate verify failed (self-signed certificate)"
expect_contains "$WORK/verified.xml" "<error"

run_glassbox flag run "$WORK/verified.yaml" --insecure
expect_status 0 "--insecure"

run_glassbox target run "$WORK/insecure-target.yaml"
expect_status 0 "a target marked insecure"
expect_contains "$WORK/target.err" "target 'web' is marked insecure"

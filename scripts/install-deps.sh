#!/usr/bin/env bash
# Installs everything glassbox needs to build, test and benchmark, from Debian packages.
# Idempotent: packages already present are left alone. Run as root (or with sudo).
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libboost-dev libboost-system-dev libssl-dev zlib1g-dev protobuf-compiler libprotobuf-dev
  libgrpc++-dev protobuf-compiler-grpc
  libcli11-dev libyaml-cpp-dev libfmt-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  # end-to-end tests and benchmarks: real servers we did not write, schema checks
  nginx-light nodejs npm wrk libxml2-utils python3 curl ca-certificates openssl procps chromium fonts-dejavu-core
  # fuzzing (fuzz/run.sh; not part of the test run): clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# Node.js may come from outside Debian (a newer build already on the machine); take it when it is there.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi

if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: all packages present"
fi

# The npm-installed services the end-to-end tests use (json-server; a service on the real
# OpenTelemetry JS SDK), pinned by their lock files.
here=$(cd "$(dirname "$0")/.." && pwd)
for service in "$here/tests/e2e/npm-service" "$here/tests/e2e/otel-service"; do
  if [[ ! -d $service/node_modules ]] || [[ $service/package-lock.json -nt $service/node_modules ]]; then
    echo "install-deps: installing the npm packages of ${service#$here/}"
    (cd "$service" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done

#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test (unit, property, end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
werror=OFF; [[ -n ${CI:-} ]] && werror=ON   # CI keeps the build warning-free
./scripts/build.sh -DGLASSBOX_TESTS=ON -DGLASSBOX_WERROR=$werror
cd build
ctest --output-on-failure --timeout 300 -j "$(nproc)"

#!/usr/bin/env bash
# Installs what is needed, builds, and runs the example suite against the built-in demo,
# writing console output, results JSON, JUnit XML, Markdown and an HTML report to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
./build/cli/glassbox run suites/examples/demo.yaml --env alpha --listen 127.0.0.1:0 \
  --json out/results.json --junit out/junit.xml --markdown out/summary.md --html out/report

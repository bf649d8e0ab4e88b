#!/usr/bin/env bash
# Every test of the project: Rust (fmt, clippy, core + CLI tests), Python (pytest on the
# maturin-built package) and WASM (node tests on the npm package, Chromium demo test).
# Installs what it needs (apt packages, a venv, cargo tools) idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."
failed=()
for part in rust python wasm; do
  echo "::: $part"
  start=$SECONDS
  if bash "scripts/test-$part.sh"; then
    echo "::: $part passed in $((SECONDS - start)) s"
  else
    echo "::: $part FAILED after $((SECONDS - start)) s"
    failed+=("$part")
  fi
done
if ((${#failed[@]})); then
  echo "failed: ${failed[*]}"
  exit 1
fi
echo "all test suites passed"

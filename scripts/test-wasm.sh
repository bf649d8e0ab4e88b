#!/usr/bin/env bash
# Build the WebAssembly package (npm `depeche`) and run all its tests, from the repo root:
#   1. Debian packages, installed only when one is missing (apt-get update only then):
#      binaryen (wasm-opt), chromium (browser test), and when rustup has no wasm32 target,
#      rustc-web cargo-web rust-web-src lld rust-web-clippy (the build-std fallback of
#      build-wasm.sh);
#   2. npm ci in bindings/wasm (playwright-core, typescript) when node_modules is missing or
#      older than package-lock.json;
#   3. scripts/build-wasm.sh, strict: clippy for wasm32 and rustc with -D warnings on the binding
#      (it installs wasm-bindgen-cli at the Cargo.lock version when the installed one differs)
#      -> bindings/wasm/pkg;
#   4. cargo build -p depeche-cli (the parity tests compare with its JSON);
#   5. node --test bindings/wasm/tests/*.test.mjs: parity with the CLI on every seed, API and
#      errors, hostile and large inputs, npm pack + install in a temp project + tsc, and the
#      web demo in headless Chromium (screenshot: target/wasm-demo.png).
# Works unattended (CI=true, no stdin). DEPECHE_SKIP_BROWSER=1 skips Chromium and its test.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
t0=$SECONDS
step() { printf '[test-wasm] %s (at %ss)\n' "$*" "$((SECONDS - t0))" >&2; }

# --- 1. system packages -----------------------------------------------------------------------
command -v node >/dev/null && command -v npm >/dev/null || {
    echo "[test-wasm] error: node and npm are needed (Node.js >= 20)" >&2
    exit 1
}
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= 20)) || { echo "[test-wasm] error: Node.js >= 20 needed, found $(node --version)" >&2; exit 1; }

packages=(binaryen)
if [[ "${DEPECHE_SKIP_BROWSER:-0}" != 1 ]]; then packages+=(chromium fonts-dejavu-core); fi
if ! { command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }; then
    packages+=(rustc-web cargo-web rust-web-src lld rust-web-clippy)
fi
missing=()
for p in "${packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" != installed ]]; then
        missing+=("$p")
    fi
done
if ((${#missing[@]})); then
    step "apt-get install ${missing[*]}"
    sudo=()
    if [[ "$(id -u)" != 0 ]]; then sudo=(sudo -n); fi
    "${sudo[@]}" apt-get update -qq </dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi

# --- 2. npm dev dependencies ------------------------------------------------------------------
if [[ ! -f bindings/wasm/node_modules/.package-lock.json ||
    bindings/wasm/package-lock.json -nt bindings/wasm/node_modules/.package-lock.json ]]; then
    step "npm ci (bindings/wasm)"
    (cd bindings/wasm && npm ci --no-audit --no-fund --loglevel=error </dev/null)
fi

# --- 3. the package ---------------------------------------------------------------------------
step "build the wasm package"
DEPECHE_WASM_STRICT=1 scripts/build-wasm.sh </dev/null

# --- 4. the CLI, for parity -------------------------------------------------------------------
step "build the CLI"
cargo build -p depeche-cli --quiet </dev/null

# --- 5. tests ---------------------------------------------------------------------------------
step "node tests"
cd bindings/wasm
cli="${CARGO_TARGET_DIR:-$root/target}/debug/depeche"
DEPECHE_REQUIRE_CLI=1 DEPECHE_CLI="$cli" node --test tests/*.test.mjs </dev/null
step "done"

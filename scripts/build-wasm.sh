#!/usr/bin/env bash
# Build the npm package `depeche` (WebAssembly) into bindings/wasm/pkg/.
#
#   scripts/build-wasm.sh            # release build (wasm-opt when available)
#   DEPECHE_WASM_OPT=0 scripts/build-wasm.sh   # skip wasm-opt
#   DEPECHE_WASM_STRICT=1 scripts/build-wasm.sh   # clippy + rustc warnings of the binding are errors
#
# Compiler: rustup's when `rustup target list --installed` has wasm32-unknown-unknown (the
# normal path on a developer's machine: `rustup target add wasm32-unknown-unknown`). Otherwise
# Debian's rustc-web/cargo-web/rust-web-src with `-Z build-std` (no prebuilt wasm32 std needed:
# apt-get install rustc-web cargo-web rust-web-src lld, plus rust-web-clippy for
# DEPECHE_WASM_STRICT). Either way the build goes to its own target dir, target/wasm, so it never
# fights host builds.
#
# Then `wasm-bindgen` (the CLI, installed here with `cargo install` at exactly the version in
# Cargo.lock when missing or different) writes the JS glue for two targets:
#   pkg/web/   --target web                          browsers and bundlers (ESM; `await init()`)
#   pkg/node/  --target experimental-nodejs-module   Node >= 18 (ESM, wasm loaded at import),
#              behind pkg/node/index.js (bindings/wasm/js/node.js: adds a no-op `init`)
# and this script writes pkg/package.json (conditions node / browser / types), README.md and
# LICENSE files. No wasm-pack: it downloads binaries at run time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

crate_dir=bindings/wasm
pkg="$crate_dir/pkg"
target_dir="$root/target/wasm"
wasm_target=wasm32-unknown-unknown
log() { printf '[build-wasm] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- versions -------------------------------------------------------------------------------
# The lock file must know the wasm deps (any cargo command in the workspace writes them).
if ! grep -q '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null; then
    log "Cargo.lock has no wasm-bindgen entry yet: resolving the workspace"
    cargo metadata --format-version 1 >/dev/null
fi
lock_version() { # the version of package $1 in Cargo.lock
    awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
bindgen_version="$(lock_version wasm-bindgen)"
[[ -n "$bindgen_version" ]] || die "no wasm-bindgen version in Cargo.lock"
mkdir -p "$target_dir"
metadata="$target_dir/metadata.json"
cargo metadata --format-version 1 --no-deps >"$metadata"

# --- wasm-bindgen CLI at the lock file's version ----------------------------------------------
installed_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$installed_bindgen" != "$bindgen_version" ]]; then
    log "installing wasm-bindgen-cli $bindgen_version (found: ${installed_bindgen:-none})"
    # --locked first; its lock file has pinned a crate since pulled from the index before, so
    # fall back to a fresh resolution.
    cargo install wasm-bindgen-cli --version "$bindgen_version" --locked ||
        cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# --- compile ----------------------------------------------------------------------------------
# Size and speed: one codegen unit and full LTO for this build only (overrides of the root
# release profile, passed on the command line so that the root Cargo.toml stays as it is).
profile=(--release --config 'profile.release.lto=true' --config 'profile.release.codegen-units=1'
    --config 'profile.release.opt-level=3')
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$wasm_target"; then
    log "compiler: rustup ($(rustc --version))"
    wasm_cargo() { CARGO_TARGET_DIR="$target_dir" cargo "$@"; }
    std_args=()
else
    # Debian's matched compiler + std sources; build-std compiles std for wasm32. Debian's
    # tools go first on PATH (rustup's proxies in ~/.cargo/bin would pick rustup's rustc).
    for f in /usr/bin/cargo /usr/bin/rustc /usr/lib/rustlib/src/rust/library/std/Cargo.toml; do
        [[ -e "$f" ]] || die "no wasm32 std from rustup and $f missing: rustup target add $wasm_target, or apt-get install rustc-web cargo-web rust-web-src lld"
    done
    linker="$(command -v wasm-ld || ls /usr/bin/wasm-ld-* 2>/dev/null | sort -V | tail -n1 || true)"
    [[ -n "$linker" ]] || die "no wasm-ld: apt-get install lld"
    log "compiler: Debian $(/usr/bin/rustc --version) with build-std, linker $linker"
    target_dir="$target_dir/build-std"
    wasm_cargo() {
        PATH="/usr/bin:$PATH" CARGO_TARGET_DIR="$target_dir" RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc \
            RUSTDOC=/usr/bin/rustdoc CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$linker" \
            /usr/bin/cargo "$@"
    }
    std_args=(-Z build-std=std,panic_abort)
fi
args=(-p depeche-wasm --lib --target "$wasm_target" "${std_args[@]}" "${profile[@]}")
if [[ "${DEPECHE_WASM_STRICT:-0}" == 1 ]]; then
    # The host build of this crate is empty, so the workspace's clippy never sees the binding:
    # lint it here, for wasm32, and make rustc's warnings errors too.
    if [[ -z "${std_args[*]}" ]] || [[ -x /usr/bin/clippy-driver ]]; then
        log "clippy (wasm32, -D warnings)"
        wasm_cargo clippy "${args[@]}" -- -D warnings
    else
        die "DEPECHE_WASM_STRICT=1 needs Debian's clippy: apt-get install rust-web-clippy"
    fi
    wasm_cargo rustc "${args[@]}" -- -D warnings
else
    wasm_cargo build "${args[@]}"
fi
wasm="$target_dir/$wasm_target/release/depeche_wasm.wasm"
[[ -f "$wasm" ]] || die "no $wasm after the build"

# --- JS glue ----------------------------------------------------------------------------------
rm -rf "$pkg"
mkdir -p "$pkg"
# No name section (~12% of the file; a panic is logged with its location by the binding anyway).
bindgen=(wasm-bindgen --out-name depeche --remove-name-section --remove-producers-section)
"${bindgen[@]}" --target web --out-dir "$pkg/web" "$wasm"
"${bindgen[@]}" --target experimental-nodejs-module --out-dir "$pkg/node" "$wasm"

cp "$crate_dir/js/node.js" "$pkg/node/index.js"
cp "$crate_dir/js/node.d.ts" "$pkg/node/index.d.ts"

# wasm-opt (binaryen): ~10% smaller (about the same once gzipped). Old releases (Debian 12 has
# 108) mis-number the tables of modules that use reference types (the export of wasm-bindgen's
# externref table then points at the function table and instantiation fails), so the optimized
# module is smoke-tested in Node and kept only if it works; a version that failed is
# remembered in target/wasm and not tried again.
smoke_test() { # $1: dir holding the node glue
    node --input-type=module -e "
        const m = await import('$1/index.js');
        const a = m.parse('Titre\\n\\nUn paragraphe du texte.\\n\\nVNA/CVN');
        if (!Array.isArray(a.body)) throw new Error('bad article');" 2>&1
}
smoke_test "$root/$pkg/node" >/dev/null || die "the unoptimized package does not load in Node"
if [[ "${DEPECHE_WASM_OPT:-1}" == 0 ]]; then
    log "wasm-opt skipped (DEPECHE_WASM_OPT=0)"
elif ! command -v wasm-opt >/dev/null; then
    log "wasm-opt not found (apt-get install binaryen): the package is not size-optimized"
elif broken="$target_dir/wasm-opt-broken-$(wasm-opt --version | tr -c 'a-zA-Z0-9.\n' _)" &&
    [[ -e "$broken" ]]; then
    log "wasm-opt skipped: $(wasm-opt --version) breaks this module (see $broken)"
else
    plain="$target_dir/depeche_bg.plain.wasm"
    cp "$pkg/node/depeche_bg.wasm" "$plain"
    # The features rustc enables by default for wasm32, spelled out for older binaryen.
    wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$plain" -o "$pkg/node/depeche_bg.wasm"
    if out="$(smoke_test "$root/$pkg/node")"; then
        cp "$pkg/node/depeche_bg.wasm" "$pkg/web/depeche_bg.wasm"
    else
        log "the module optimized by $(wasm-opt --version) does not load; keeping it unoptimized:"
        log "  $(printf '%s' "$out" | grep -m1 Error || true)"
        printf '%s\n' "$out" >"$broken"
        cp "$plain" "$pkg/node/depeche_bg.wasm"
    fi
fi

# --- package.json, README, licenses -------------------------------------------------------------
cp "$crate_dir/README.md" "$pkg/README.md"
for f in LICENSE LICENSE-MIT LICENSE-APACHE; do
    if [[ -f "$f" ]]; then cp "$f" "$pkg/$f"; fi
done
node "$crate_dir/package-json.mjs" "$metadata" >"$pkg/package.json"

log "built $pkg (wasm-bindgen $bindgen_version):"
ls -l "$pkg/web/depeche_bg.wasm" "$pkg/node/depeche_bg.wasm" | awk '{print "  " $5 " bytes  " $9}' >&2

#!/usr/bin/env bash
# Python binding: build the `depeche` package (bindings/python, PyO3 + maturin) into .venv,
# build the CLI (the tests compare with its JSON), check the type stubs with mypy's stubtest,
# and run pytest on bindings/python/tests. Extra arguments go to pytest.
#
# Idempotent and non-interactive (CI=true, no stdin): the venv and the tools (maturin, pytest,
# mypy, pandas for the example) are installed only when missing, and cargo rebuilds only what
# changed, so a second run takes a few seconds plus the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

venv=$root/.venv
py=$venv/bin/python
if [[ ! -x $py ]]; then
  echo "--- creating $venv"
  if ! python3 -m venv "$venv"; then
    # Debian/Ubuntu ship venv (ensurepip) separately.
    if command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
      rm -rf "$venv"
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv "$venv"
    else
      echo "python3 -m venv failed: install python3-venv" >&2
      exit 1
    fi
  fi
fi
export VIRTUAL_ENV=$venv PATH=$venv/bin:$PATH

# Tools, installed only when missing or too old. maturin >= 1.9.4 sets
# PYO3_BUILD_EXTENSION_MODULE itself, so the crate needs no `extension-module` feature.
mapfile -t missing < <("$py" - <<'PY'
import importlib.metadata as md
import re

wanted = {  # distribution: (minimum version, pip requirement)
    "maturin": ((1, 9, 4), "maturin>=1.9.4,<2"),
    "pytest": ((8, 0), "pytest>=8"),
    "mypy": ((1, 10), "mypy>=1.10"),
    "pandas": ((2, 0), "pandas>=2"),  # only for the example test (examples/python)
}
for name, (minimum, requirement) in wanted.items():
    try:
        version = md.version(name)
    except md.PackageNotFoundError:
        print(requirement)
        continue
    parts = tuple(int(p) for p in re.findall(r"\d+", version)[: len(minimum)])
    if parts < minimum:
        print(requirement)
PY
)
if ((${#missing[@]})); then
  echo "--- installing ${missing[*]}"
  "$py" -m pip install -q "${missing[@]}"
fi

# The binding, in release mode (the tests parse 100,000 documents). The first run installs it
# as an editable package (python/depeche + the compiled module next to it); later runs only
# rebuild the compiled module in place.
echo "--- building the binding (maturin develop --release)"
installed=$("$py" -c 'import importlib.util as u; s = u.find_spec("depeche"); print(s.origin if s else "")' 2>/dev/null || true)
if [[ $installed == "$root/bindings/python/python/depeche/__init__.py" ]]; then
  maturin develop --release --skip-install -m bindings/python/Cargo.toml
else
  maturin develop --release -m bindings/python/Cargo.toml
fi

echo "--- building the CLI (cargo build -p depeche-cli)"
cargo build --quiet -p depeche-cli
export DEPECHE_CLI=${CARGO_TARGET_DIR:-$root/target}/debug/depeche

echo "--- stubtest"
"$py" -m mypy.stubtest depeche

echo "--- pytest"
"$py" -m pytest bindings/python/tests -q "$@"

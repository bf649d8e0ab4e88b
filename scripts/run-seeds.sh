#!/usr/bin/env bash
# The main job: parse every seed document in seeds/ to JSON (target/seeds-json/<name>.json)
# with the depeche CLI, and print a one-line summary per seed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/seeds-json
mkdir -p "$out"
cargo build --quiet --release -p depeche-cli
cli=${CARGO_TARGET_DIR:-target}/release/depeche
for seed in seeds/*.txt; do
  name=$(basename "$seed" .txt)
  "$cli" parse "$seed" > "$out/$name.json"
  python3 - "$out/$name.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
title = (a["title"] or "-")[:60]
kinds = [b["kind"] for b in a["body"]]
print(f'{sys.argv[1]}: title={title!r} credits={[c["text"] for c in a["credits"]]} '
      f'paragraphs={kinds.count("paragraph")} captions={kinds.count("caption")}')
PY
done

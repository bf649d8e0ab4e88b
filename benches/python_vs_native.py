#!/usr/bin/env python3
"""Python binding against native Rust on the same corpus (target: within 1.5x).

    cargo build --release -p depeche-benches --bins
    target/release/corpus dump variants 20 target/bench-corpus/variants-20.txt
    scripts/test-python.sh          # installs the binding into .venv (release build)
    .venv/bin/python benches/python_vs_native.py target/bench-corpus/variants-20.txt

Times `depeche.parse_many(docs)` (all cores) against native `parse_many`, and a loop of
`depeche.parse(doc)` (one thread) against native `parse` (borrowed view), median of --runs.
The native figures come from `target/release/corpus time <file>` on the same file.
"""

import argparse
import json
import os
import subprocess
import time

import depeche

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def median(runs, fn):
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", help="NUL-separated documents (target/release/corpus dump ...)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as fh:
        docs = fh.read().split("\0")
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6

    exe = os.path.join(ROOT, "target", "release", "corpus")
    out = subprocess.run([exe, "time", args.corpus, str(max(args.runs, 5))], check=True, capture_output=True, text=True)
    native = json.loads(out.stdout)

    many = mb / median(args.runs, lambda: depeche.parse_many(docs))
    single = mb / median(args.runs, lambda: [depeche.parse(d) for d in docs])
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB; depeche {getattr(depeche, '__version__', '?')}")
    print("| call | Python MB/s | native MB/s | native / Python |")
    print("|---|---|---|---|")
    print(f"| parse_many (all cores) | {many:.1f} | {native['many_mbps']:.1f} | {native['many_mbps'] / many:.2f}x |")
    print(f"| parse, one thread | {single:.1f} | {native['view_mbps']:.1f} | {native['view_mbps'] / single:.2f}x |")


if __name__ == "__main__":
    main()

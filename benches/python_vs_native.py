#!/usr/bin/env python3
"""Python binding against native Rust on the same corpus (target: within 1.5x).

    cargo build --release -p depeche-benches --bins
    target/release/corpus dump variants 20 target/bench-corpus/variants-20.txt
    scripts/test-python.sh          # installs the binding into .venv (release build)
    .venv/bin/python benches/python_vs_native.py target/bench-corpus/variants-20.txt

Times `depeche.parse_many(docs)` (all cores) against native `parse_many`, and a loop of
`depeche.parse(doc)` and `parse_many(docs, threads=1)` (one thread) against native `parse`
(borrowed view), median of --runs; native and Python alternate for --rounds rounds, and the
ratio shown is the median of the rounds' ratios (each round's is listed).
The native figures come from `<target>/release/corpus time <file>` on the same file, where
`<target>` is $CARGO_TARGET_DIR or `target/` (or give the binary with --native).

Each call is timed twice: with the documents as `str`, as most callers have them, and as UTF-8
`bytes`. Under the abi3 (stable) ABI, CPython gives a non-ASCII `str` to native code only as a
fresh UTF-8 encoding (`PyUnicode_AsUTF8String`), so the `str` rows pay CPython's encoder on top
of the binding; the `bytes` rows do not, and the `str -> UTF-8` line times that encoding alone
(`[d.encode() for d in docs]`) to show which share of the `str` rows is Python's own string cost.
The one-thread `bytes` rows are compared with native `parse_bytes` (UTF-8 check included).
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
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", help="NUL-separated documents (target/release/corpus dump ...)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per measurement (median)")
    ap.add_argument("--rounds", type=int, default=3, help="native + Python rounds (median ratio)")
    ap.add_argument("--native", default=os.path.join(target, "release", "corpus"), help="the corpus binary")
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as fh:
        docs = fh.read().split("\0")
    blobs = [d.encode("utf-8") for d in docs]
    mb = sum(len(b) for b in blobs) / 1e6

    def seconds(fn):
        return median(args.runs, fn)

    calls = [  # (row, Python call, native figure it is compared with)
        ("parse_many (all cores), str", lambda: depeche.parse_many(docs), "many_mbps"),
        ("parse_many (all cores), bytes", lambda: depeche.parse_many(blobs), "many_mbps"),
        ("parse_many (threads=1), str", lambda: depeche.parse_many(docs, threads=1), "view_mbps"),
        ("parse_many (threads=1), bytes", lambda: depeche.parse_many(blobs, threads=1), "bytes_view_mbps"),
        ("parse, one thread, str", lambda: [depeche.parse(d) for d in docs], "view_mbps"),
        ("parse, one thread, bytes", lambda: [depeche.parse(b) for b in blobs], "bytes_view_mbps"),
    ]
    # Native and Python measurements alternate, round after round, and each round gives its own
    # ratios: on a shared machine, the load changes between a native run and a Python run.
    rounds = []
    for _ in range(args.rounds):
        cmd = [args.native, "time", args.corpus, str(max(args.runs, 5))]
        native = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        python = {name: seconds(fn) for name, fn, _ in calls}
        python["encode"] = seconds(lambda: [d.encode("utf-8") for d in docs])
        rounds.append((native, python))

    def mid(values):
        values = sorted(values)
        return values[len(values) // 2]

    print(f"corpus: {len(docs)} documents, {mb:.1f} MB; depeche {getattr(depeche, '__version__', '?')}; median of {args.rounds} rounds")
    print("| call | Python MB/s | native MB/s | native / Python (rounds) |")
    print("|---|---|---|---|")
    for name, _, key in calls:
        ratios = sorted(n[key] / (mb / p[name]) for n, p in rounds)
        spread = ", ".join(f"{r:.2f}" for r in ratios)
        python_mbps = mid(mb / p[name] for _, p in rounds)
        native_mbps = mid(n[key] for n, _ in rounds)
        print(f"| {name} | {python_mbps:.1f} | {native_mbps:.1f} | {mid(ratios):.2f}x ({spread}) |")
    print()
    encode = mid(p["encode"] for _, p in rounds)
    print(f"str -> UTF-8 (`[d.encode() for d in docs]`, one thread): {encode * 1e3:.1f} ms, {mb / encode:.0f} MB/s")
    for name, _, _ in calls:
        if name.endswith(", str"):
            secs = mid(p[name] for _, p in rounds)
            print(f"  = {100 * encode / secs:.0f}% of `{name}` ({secs * 1e3:.1f} ms)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The peer: HuggingFace datatrove's C4 and FineWeb line-quality filters over the same documents
as depeche, single thread, and depeche's throughput as a ratio of theirs (per byte).

This is the step a corpus builder runs today on scraped pages: datatrove's `C4QualityFilter`
(line filter: terminal punctuation, words per line, javascript/policy lines, sentence count) and
`FineWebQualityFilter` (document filter: punctuated-line ratio, short-line ratio, duplicated
lines, newline ratio), French tokenizer (spaCy's blank `fr`, no model download).

Setup, in a throwaway venv under target/ (datatrove needs `regex`, `nltk` and `spacy` for its
tokenizers, which its wheel does not pull in):

    python3 -m venv target/peer-venv
    target/peer-venv/bin/pip install datatrove regex nltk spacy
    cargo build --release -p depeche-benches --bins
    target/release/corpus dump variants 5 target/bench-corpus/variants-5.txt
    target/peer-venv/bin/python benches/peer/datatrove_peer.py target/bench-corpus/variants-5.txt

The native figure comes from `target/release/corpus time <file>` on the same file (run here
unless --native-mbps is given).
"""

import argparse
import json
import os
import subprocess
import sys
import time

from datatrove.data import Document
from datatrove.pipeline.filters import C4QualityFilter, FineWebQualityFilter
from datatrove.utils.typeshelper import Languages

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_filter(make_filter, docs, runs):
    """Median seconds of `runs` passes of a fresh filter over copies of `docs`."""
    times = []
    kept = 0
    for _ in range(runs):
        f = make_filter()
        batch = [Document(text=t, id=str(i)) for i, t in enumerate(docs)]
        t0 = time.perf_counter()
        kept = 0
        for d in batch:
            r = f.filter(d)
            if r is True or (isinstance(r, tuple) and r[0]):
                kept += 1
        times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2], kept


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="NUL-separated documents (target/release/corpus dump ...)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--native-mbps", type=float, help="depeche parse view MB/s on this file")
    args = ap.parse_args()

    with open(args.corpus, encoding="utf-8") as fh:
        docs = fh.read().split("\0")
    nbytes = sum(len(d.encode("utf-8")) for d in docs)

    if args.native_mbps is None:
        exe = os.path.join(ROOT, "target", "release", "corpus")
        out = subprocess.run([exe, "time", args.corpus, "7"], check=True, capture_output=True, text=True)
        native = json.loads(out.stdout)
        native_mbps = native["view_mbps"]
    else:
        native, native_mbps = None, args.native_mbps

    lang = Languages.french
    rows = []
    for name, make in [
        ("C4QualityFilter", lambda: C4QualityFilter(language=lang)),
        ("FineWebQualityFilter", lambda: FineWebQualityFilter(language=lang)),
    ]:
        secs, kept = run_filter(make, docs, args.runs)
        rows.append((name, secs, kept))
    both = sum(s for _, s, _ in rows)

    print(f"corpus: {len(docs)} documents, {nbytes / 1e6:.1f} MB ({args.corpus})")
    print(f"python {sys.version.split()[0]}, single thread, median of {args.runs} runs")
    print("| step | MB/s | kept docs | depeche parse view / step |")
    print("|---|---|---|---|")
    for name, secs, kept in rows:
        mbps = nbytes / 1e6 / secs
        print(f"| datatrove {name} | {mbps:.2f} | {kept}/{len(docs)} | {native_mbps / mbps:.0f}x |")
    both_mbps = nbytes / 1e6 / both
    print(f"| datatrove C4 + FineWeb (both, as a pipeline runs them) | {both_mbps:.2f} | - | {native_mbps / both_mbps:.0f}x |")
    print(f"| depeche parse (borrowed view), 1 thread | {native_mbps:.1f} | - | 1x |")
    if native:
        print(f"native figures: {json.dumps(native)}")


if __name__ == "__main__":
    main()

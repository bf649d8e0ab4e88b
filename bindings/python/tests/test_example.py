"""examples/python/corpus_to_dataframe.py runs (when pandas is installed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytest.importorskip("pandas")

EXAMPLE = ROOT / "examples" / "python" / "corpus_to_dataframe.py"


def run(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLE), *args], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_on_the_seeds() -> None:
    out = run()
    assert f"{len(SEEDS) + 1} documents" in out
    assert "failed documents: 1" in out
    assert "VNA" in out


def test_on_a_given_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "a", "text": SEEDS[0].read_text(encoding="utf-8")}, {"id": "b", "text": ""}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    out = run(str(corpus))
    assert "2 documents" in out and "failed documents: 1" in out
    assert "empty" in out

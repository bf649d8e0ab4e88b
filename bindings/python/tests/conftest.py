"""Shared fixtures: the repository's seeds and the depeche CLI the binding is compared with."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def cli() -> Path:
    """The debug CLI binary (`$DEPECHE_CLI`, else target/debug/depeche, built if cargo exists)."""
    path = Path(os.environ.get("DEPECHE_CLI", ROOT / "target" / "debug" / "depeche"))
    if not path.exists() and "DEPECHE_CLI" not in os.environ and shutil.which("cargo"):
        subprocess.run(
            ["cargo", "build", "--quiet", "-p", "depeche-cli"], cwd=ROOT, check=True
        )
    if not path.exists():
        pytest.fail(f"the depeche CLI is missing at {path}: run `cargo build -p depeche-cli`")
    return path


def run_cli(cli: Path, *args: str | Path) -> str:
    """Run the CLI and return its standard output (it must succeed)."""
    proc = subprocess.run(
        [str(cli), *map(str, args)], capture_output=True, check=False, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc.stdout.decode("utf-8")

"""The type stubs from a user's side: mypy --strict on typical code (stubtest runs separately)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

USER_CODE = '''
from typing import Union
import depeche

a: depeche.Article = depeche.parse("x", strict=True, max_bytes=10, agencies={"A": ["B"]})
title: Union[str, None] = a.title
span: tuple[int, int] = a.body[0].span
d: depeche.ArticleDict = a.to_dict()
texts: list[str] = [c["text"] for c in d["credits"]]
many: list[depeche.Article] = depeche.parse_many(iter([b"x"]), threads=2)
mixed: list[Union[depeche.Article, depeche.ParseError]] = depeche.parse_many(["x"], errors="return")
try:
    depeche.parse(b"")
except depeche.ParseError as e:
    line: Union[int, None] = e.line
    offset: int = e.offset
reveal_type(depeche.parse_many(["x"], errors="return"))
'''


def test_stubs_type_check_user_code(tmp_path: Path) -> None:
    (tmp_path / "user.py").write_text(USER_CODE)
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert 'list[depeche.Article | depeche.ParseError]' in proc.stdout


def test_wrong_use_is_caught(tmp_path: Path) -> None:
    (tmp_path / "user.py").write_text(
        "import depeche\n"
        "a = depeche.parse('x')\n"
        "a.title.upper()\n"  # title may be None
        "depeche.parse(3)\n"
        "depeche.parse_many(['x'], errors='ignore')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "user.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert proc.stdout.count("error:") == 3, proc.stdout

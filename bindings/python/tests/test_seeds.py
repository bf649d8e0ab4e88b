"""The binding against the CLI and the seeds' expected readings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import depeche

from conftest import SEEDS, run_cli

SEED_IDS = [p.stem for p in SEEDS]


def test_there_are_seeds() -> None:
    assert len(SEEDS) >= 5


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_to_dict_equals_cli_json(seed: Path, cli: Path) -> None:
    expected = run_cli(cli, "parse", seed)
    article = depeche.parse(seed.read_bytes())
    assert article.to_dict() == json.loads(expected)
    # Same keys in the same order, and the very same text as the CLI prints.
    assert list(article.to_dict()) == list(json.loads(expected))
    assert article.to_json(indent=2) == expected.rstrip("\n")
    assert depeche.Article.from_json(expected) == article


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
@pytest.mark.parametrize("render", ["markdown", "text"])
def test_renderings_equal_cli(seed: Path, render: str, cli: Path) -> None:
    expected = run_cli(cli, "parse", seed, "--render", render)
    article = depeche.parse(seed.read_text(encoding="utf-8"))
    rendered = article.to_markdown() if render == "markdown" else article.to_text()
    assert rendered.rstrip("\n") == expected.rstrip("\n")


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_str_and_bytes_inputs_agree(seed: Path) -> None:
    assert depeche.parse(seed.read_bytes()) == depeche.parse(seed.read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_expected_fields(seed: Path) -> None:
    """A few fields of seeds/*.expected.json; the Rust golden tests check them in depth."""
    expected = json.loads(seed.with_suffix(".expected.json").read_text(encoding="utf-8"))
    a = depeche.parse(seed.read_bytes())
    for field in ("site", "title", "lede", "byline", "date", "category", "source_url"):
        assert getattr(a, field) == expected[field], field
    assert [c.text for c in a.credits] == expected["credits"]
    assert a.agencies == expected["agencies"]
    assert set(a.agencies) >= {ag for c in a.credits for ag in c.agencies}
    headings = [b.text for b in a.body if b.kind == "heading"]
    assert headings == expected["headings"]
    captions = [{"text": b.text, "credit": b.credit} for b in a.body if b.kind == "caption"]
    assert captions == expected["captions"]
    paragraphs = a.paragraphs
    assert paragraphs[0] == expected["first_body_paragraph"]
    assert paragraphs[-1] == expected["last_body_paragraph"]
    if expected["boilerplate_starts_with"] is not None:
        assert a.boilerplate[0].startswith(expected["boilerplate_starts_with"])


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_spans_are_byte_offsets(seed: Path) -> None:
    data = seed.read_bytes()
    for block in depeche.parse(data).body:
        start, end = block.span
        assert 0 <= start <= end <= len(data)
        data[start:end].decode("utf-8")  # on character boundaries

"""Records borrow their input instead of copying it: they must outlive the caller's objects.

A parsed `Article` keeps its input (a `bytes` object, or the UTF-8 encoding of a `str`) alive and
reads its strings from it; its `Block`s and `Credit`s keep the article's record alive. These
tests drop every other reference, churn the allocator so that freed memory is reused, and check
that nothing changed and that no reference is leaked.
"""

from __future__ import annotations

import copy
import gc
import pickle
import sys

import pytest

import depeche

from conftest import SEEDS


def seed(i: int) -> str:
    return SEEDS[i].read_text(encoding="utf-8")


def fresh(text: str) -> str:
    """An equal `str` that no one else references (not interned, not a constant)."""
    return "".join(list(text))


def churn() -> None:
    """Free what can be freed and reuse the memory with other strings of similar sizes."""
    gc.collect()
    encoded = [("x" * n + "é").encode() for n in range(1, 20_000, 7)]
    decoded = ["ÿ" * n for n in range(1, 20_000, 7)]
    del encoded, decoded


def everything(a: depeche.Article) -> tuple[object, ...]:
    """Every attribute and rendering of an article, blocks and credits included."""
    return (
        a.site,
        a.title,
        a.kicker,
        a.lede,
        a.byline,
        a.date,
        a.category,
        a.source_url,
        a.agencies,
        a.boilerplate,
        a.warnings,
        a.paragraphs,
        [(b.kind, b.text, b.credit, b.span, b.to_dict(), repr(b)) for b in a.body],
        [(c.text, c.agencies, c.to_dict(), repr(c)) for c in a.credits],
        a.to_dict(),
        a.to_json(),
        a.to_markdown(),
        a.to_text(),
        repr(a),
        hash(a),
    )


@pytest.mark.parametrize("i", range(len(SEEDS)))
@pytest.mark.parametrize("kind", ["str", "bytes", "bytearray"])
def test_an_article_outlives_its_input(i: int, kind: str) -> None:
    expected = everything(depeche.parse(seed(i)))
    text = fresh(seed(i))
    data: str | bytes | bytearray = text
    if kind == "bytes":
        data = text.encode()
    elif kind == "bytearray":
        data = bytearray(text.encode())
    article = depeche.parse(data)
    if isinstance(data, bytearray):
        data[:] = b"\xff" * len(data)  # a bytearray may change after the call: it was copied
    del data, text
    churn()
    assert everything(article) == expected


@pytest.mark.parametrize("threads", [None, 1])
def test_articles_from_parse_many_outlive_the_input_list(threads: int | None) -> None:
    texts: list[str | bytes] = [fresh(seed(i % len(SEEDS))) for i in range(40)]
    texts[1::3] = [fresh(seed(i % len(SEEDS))).encode() for i in range(1, 40, 3)]
    expected = [everything(depeche.parse(seed(i % len(SEEDS)))) for i in range(40)]
    articles = depeche.parse_many(texts, threads=threads)
    del texts
    churn()
    assert [everything(a) for a in articles] == expected


def test_blocks_and_credits_outlive_their_article() -> None:
    article = depeche.parse(fresh(seed(1)))
    expected_body = [b.to_dict() for b in article.body]
    expected_credits = [c.to_dict() for c in article.credits]
    body, credits = article.body, article.credits
    assert body and credits
    del article
    churn()
    assert [b.to_dict() for b in body] == expected_body
    assert [c.to_dict() for c in credits] == expected_credits
    assert [b.text for b in body] == [b["text"] for b in expected_body]
    assert [c.text for c in credits] == [c["text"] for c in expected_credits]


def test_blocks_of_an_unpickled_article_outlive_it() -> None:
    article = pickle.loads(pickle.dumps(depeche.parse(seed(2))))
    expected = [b.to_dict() for b in article.body]
    body = article.body
    del article
    churn()
    assert [b.to_dict() for b in body] == expected


@pytest.mark.parametrize("i", range(len(SEEDS)))
@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickling_a_borrowing_article_is_exact(i: int, protocol: int) -> None:
    article = depeche.parse(fresh(seed(i)).encode())
    back = pickle.loads(pickle.dumps(article, protocol=protocol))
    # The pickled state (JSON contract + credit and header spans) is the same after a round trip.
    assert back.__reduce__()[1] == article.__reduce__()[1]
    assert everything(back) == everything(article)
    assert copy.deepcopy(article) == article
    for block, copied in zip(article.body, back.body):
        assert pickle.loads(pickle.dumps(block, protocol=protocol)) == block == copied
    for credit in article.credits:
        assert pickle.loads(pickle.dumps(credit, protocol=protocol)) == credit


def test_the_input_is_released_with_the_last_record() -> None:
    data = fresh(seed(1)).encode()
    before = sys.getrefcount(data)
    article = depeche.parse(data)
    body = article.body
    assert sys.getrefcount(data) == before + 1  # held once, by the record
    del article
    assert sys.getrefcount(data) == before + 1  # the blocks still need it
    del body
    gc.collect()
    assert sys.getrefcount(data) == before


def test_inputs_that_fail_are_not_leaked() -> None:
    bad, empty = b"Titre\n\xff" + bytes(3), b" \n " + bytes(0)
    good = fresh(seed(0)).encode()
    counts = [sys.getrefcount(x) for x in (bad, empty, good)]
    with pytest.raises(depeche.ParseError):
        depeche.parse(bad)
    with pytest.raises(depeche.ParseError):
        depeche.parse(empty)
    results = depeche.parse_many([bad, empty, good], errors="return")
    with pytest.raises(depeche.ParseError):
        depeche.parse_many([good, bad, empty])
    del results
    gc.collect()
    assert [sys.getrefcount(x) for x in (bad, empty, good)] == counts

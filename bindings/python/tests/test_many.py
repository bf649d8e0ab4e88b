"""parse_many: order, batches, generators, threads, errors, the GIL."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

import depeche

from conftest import SEEDS


def short(i: int) -> str:
    return f"Titre numéro {i}\n\nLe Vietnam et la Russie ont signé l'accord {i}.\n\nVNA/CVN"


def test_100k_documents_in_order() -> None:
    texts = [short(i) for i in range(100_000)]
    start = time.perf_counter()
    articles = depeche.parse_many(texts)
    elapsed = time.perf_counter() - start
    assert len(articles) == len(texts)
    assert all(isinstance(a, depeche.Article) for a in articles)
    for i in (0, 1, 4_242, 99_999):
        assert articles[i] == depeche.parse(texts[i])
        assert str(i) in articles[i].paragraphs[0]
    assert elapsed < 30, f"parse_many took {elapsed:.1f} s for 100,000 documents"


def test_seeds_as_a_batch_equal_single_parses() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 20
    assert depeche.parse_many(texts) == [depeche.parse(t) for t in texts]


def test_generator_input() -> None:
    consumed = []

    def gen() -> Iterator[str]:
        for i in range(1_000):
            consumed.append(i)
            yield short(i)

    articles = depeche.parse_many(gen())
    assert len(consumed) == len(articles) == 1_000
    assert articles[7] == depeche.parse(short(7))
    assert depeche.parse_many(iter(())) == [] and depeche.parse_many([]) == []
    assert depeche.parse_many(short(i).encode() for i in range(3)) == depeche.parse_many(
        short(i) for i in range(3)
    )


def test_mixed_str_bytes_bytearray() -> None:
    texts: list[str | bytes | bytearray] = [short(0), short(1).encode(), bytearray(short(2).encode())]
    assert depeche.parse_many(texts) == [depeche.parse(short(i)) for i in range(3)]


@pytest.mark.parametrize("threads", [1, 2, 3, 8])
def test_threads(threads: int) -> None:
    texts = [short(i) for i in range(2_000)]
    assert depeche.parse_many(texts, threads=threads) == depeche.parse_many(texts)


def test_options() -> None:
    texts = [short(0), "Comment (0)"]
    assert len(depeche.parse_many(texts)) == 2
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse_many(texts, strict=True)
    assert (info.value.kind, info.value.index) == ("no_body", 1)
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse_many(texts, max_bytes=20)
    assert (info.value.kind, info.value.index) == ("too_large", 0)
    [a] = depeche.parse_many([short(0)], agencies={"Agence": ["VNA"]})
    assert a.agencies == ["Agence", "CVN"]


def test_errors_raise_names_the_first_failing_document() -> None:
    texts = [short(0), short(1), "  ", b"ab\xff", "x\ud800", short(5)]
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse_many(texts)
    e = info.value
    assert (e.index, e.kind, e.offset, e.line) == (2, "empty", 2, None)
    assert str(e).startswith("document 2: ")
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse_many(texts[3:])
    assert (info.value.index, info.value.kind, info.value.offset) == (0, "invalid_utf8", 2)


def test_errors_return_keeps_every_position() -> None:
    texts = [short(0), "  ", b"ab\xff", "x\ud800", short(4)]
    results = depeche.parse_many(texts, errors="return")
    assert [type(r).__name__ for r in results] == [
        "Article", "ParseError", "ParseError", "ParseError", "Article",
    ]
    assert [(r.index, r.kind, r.offset) for r in results if isinstance(r, depeche.ParseError)] == [
        (1, "empty", 2), (2, "invalid_utf8", 2), (3, "invalid_utf8", 1),
    ]
    assert results[4] == depeche.parse(short(4))


@pytest.mark.parametrize(
    ("texts", "kwargs", "exc"),
    [
        ("a single str", {}, TypeError),
        (b"single bytes", {}, TypeError),
        (42, {}, TypeError),
        ([short(0), 42], {}, TypeError),
        ([short(0), None], {}, TypeError),
        ([short(0)], {"threads": 0}, ValueError),
        ([short(0)], {"errors": "ignore"}, ValueError),
    ],
)
def test_bad_arguments(texts: object, kwargs: dict[str, object], exc: type[Exception]) -> None:
    with pytest.raises(exc):
        depeche.parse_many(texts, **kwargs)  # type: ignore[call-overload]


def test_a_failing_generator_propagates_its_exception() -> None:
    def gen() -> Iterator[str]:
        yield short(0)
        raise KeyError("boom")

    with pytest.raises(KeyError):
        depeche.parse_many(gen())


def test_the_gil_is_released_while_parsing() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 2_000
    ticks = 0
    done = threading.Event()

    def work() -> None:
        depeche.parse_many(texts)
        done.set()

    thread = threading.Thread(target=work)
    thread.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    thread.join()
    # With the GIL held for the whole batch this loop would not run at all in the meantime.
    assert ticks > 20


def test_indices_across_chunks() -> None:
    texts: list[str | bytes] = [short(i) for i in range(40_000)]
    texts[16_384] = ""
    texts[39_999] = b"\xff"
    results = depeche.parse_many(texts, errors="return")
    errors = [r for r in results if isinstance(r, depeche.ParseError)]
    assert [(e.index, e.kind) for e in errors] == [(16_384, "empty"), (39_999, "invalid_utf8")]
    assert results[39_998] == depeche.parse(short(39_998))
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse_many(texts)
    assert info.value.index == 16_384


def test_str_and_bytes_interleaved_across_batches() -> None:
    # `str`s are encoded by the parsing threads, a few at a time, with the GIL: the order, the
    # indices and the errors must not depend on it.
    texts: list[str | bytes] = [short(i) if i % 3 else short(i).encode() for i in range(1_000)]
    texts[500], texts[701] = "x\ud800", b"x\xff"
    results = depeche.parse_many(texts, errors="return", threads=3)
    errors = [(r.index, r.kind, r.offset) for r in results if isinstance(r, depeche.ParseError)]
    assert errors == [(500, "invalid_utf8", 1), (701, "invalid_utf8", 1)]
    for i in (0, 1, 2, 499, 501, 999):
        assert results[i] == depeche.parse(texts[i])


def test_concurrent_calls_from_python_threads() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 200
    expected = [depeche.parse(t) for t in texts]
    results: dict[int, list[depeche.Article]] = {}

    def work(k: int) -> None:
        results[k] = depeche.parse_many(texts, threads=(None, 1, 2, 3)[k])

    workers = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert sorted(results) == [0, 1, 2, 3]
    assert all(r == expected for r in results.values())

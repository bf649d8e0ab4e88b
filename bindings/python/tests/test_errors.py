"""Bad and hostile inputs: a ParseError (a ValueError) or an Article, never anything else."""

from __future__ import annotations

import random
import time

import pytest

import depeche

from conftest import SEEDS


@pytest.mark.parametrize(
    ("data", "offset", "line"),
    [
        (b"\xff", 0, 1),
        (b"Titre\nab\xffcd", 8, 2),
        (b"Titre\n\nLe texte.\n\xc3", 17, 4),  # truncated sequence at the end
        ("Titre\n\nLe é\n".encode() + b"\xed\xa0\x80", 13, 4),  # an encoded surrogate
    ],
)
def test_invalid_utf8(data: bytes, offset: int, line: int) -> None:
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse(data)
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.kind, e.offset, e.line, e.index) == ("invalid_utf8", offset, line, None)
    assert f"offset {offset}" in str(e)


@pytest.mark.parametrize("text", ["Le é\n\nA\ud800B", "\udfff", "Titre\n\nab\udc80"])
def test_lone_surrogates_in_str(text: str) -> None:
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse(text)
    assert info.value.kind == "invalid_utf8"
    # The offset counts UTF-8 bytes up to the surrogate.
    prefix = text[: min(i for i, ch in enumerate(text) if 0xD800 <= ord(ch) <= 0xDFFF)]
    assert info.value.offset == len(prefix.encode())
    assert info.value.line == prefix.count("\n") + 1


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \n", "\u00a0\u2003", "\ufeff", b"", b"\xef\xbb\xbf"])
def test_empty(text: str | bytes) -> None:
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse(text)
    assert info.value.kind == "empty"
    assert info.value.offset == len(text.encode() if isinstance(text, str) else text)
    assert info.value.line is None


def test_too_large_is_checked_before_decoding() -> None:
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse(b"\xff" * 100, max_bytes=99)
    assert (info.value.kind, info.value.offset) == ("too_large", 99)
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse("é" * 50, max_bytes=99)  # 100 bytes, 50 characters
    assert info.value.kind == "too_large"


def hostile_inputs() -> list[str | bytes]:
    seed = SEEDS[0].read_text(encoding="utf-8")
    markers = [
        ">> ", "Photo : ", "Photo: VNA", "ảnh 1", "![]() |", "| (Source : VKBIA) |", "./.",
        " -VNA", "(VNA/CVN)", "Hanoï (VNA) -", "Source : https://", "Comment (0)", "VNA/CVN",
        "VietnamPlusVietnamPlus24/04/2025", " date 2024-08 ", "2023-09-03T17:25", "Texte :",
    ]
    out: list[str | bytes] = [
        "\x00", "\x00" * 10_000, "Titre\x00\n\nCorps\x00 du texte.\x00",
        seed.replace("\n", "\x00"), seed.replace(" ", "\n"), seed * 50,
        "\r\n" * 1000 + "x", "\r" * 1000 + "Titre\rCorps.", "\u2028".join(seed.split("\n")),
        "\ufeff" * 100 + "Titre", "a" * 1_000_000, ("é" * 10_000 + "\n") * 20,
        b"\xef\xbb\xbf\xef\xbb\xbf" + seed.encode(), seed.encode()[:-1] + b"\xc3",
        "x\ud800" * 1000, "\U0010ffff" * 1000, "\u0301" * 10_000,
    ]
    out += [m * 20_000 for m in markers]
    out += [(m + "\n") * 20_000 for m in markers]
    out += ["\n".join([m] * 500 + [seed] + [m] * 500) for m in markers]
    rng = random.Random(3)
    pieces = markers + ["\n", "\n\n", " ", ".", "é", "\x00", "VNA", "/", "(", ")", "-", "–", "»"]
    for _ in range(300):
        out.append("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 60))))
        cut = rng.randrange(len(seed))
        out.append(seed[:cut] + rng.choice(pieces) * rng.randrange(1, 500) + seed[cut:])
        out.append(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))))
    return out


def test_hostile_inputs_give_an_article_or_a_parse_error() -> None:
    inputs = hostile_inputs()
    start = time.perf_counter()
    for text in inputs:
        for strict in (False, True):
            try:
                article = depeche.parse(text, strict=strict)
            except depeche.ParseError as e:
                assert e.kind in {"invalid_utf8", "empty", "too_large", "no_body"}, e
            else:
                article.to_dict(), article.to_markdown(), article.to_text(), repr(article)
    results = depeche.parse_many(inputs, errors="return")
    assert len(results) == len(inputs)
    for text, result in zip(inputs, results):
        if isinstance(result, depeche.ParseError):
            assert result.kind != "internal", result
        else:
            assert isinstance(result, depeche.Article)
            assert result == depeche.parse(text)
    assert time.perf_counter() - start < 30  # linear time: no blow-up on repeated markers


def test_a_panic_becomes_a_parse_error() -> None:
    from depeche import _depeche

    with pytest.raises(depeche.ParseError) as info:
        _depeche._panic_for_tests()
    assert (info.value.kind, info.value.offset, info.value.line) == ("internal", 0, None)
    assert "a test panic" in str(info.value)

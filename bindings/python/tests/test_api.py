"""The Python API: types, attributes, options, equality, pickling."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import depeche

from conftest import SEEDS

TEXT = (
    "Le Vietnam renforce sa coopération numérique\n\n"
    "Le Vietnam et la Russie ont signé un accord le 24 avril à Hanoï.\n\n"
    "Les deux pays vont échanger des experts.\n\n"
    "CPV/VNA/CVN"
)


@pytest.fixture(scope="module")
def article() -> depeche.Article:
    return depeche.parse(SEEDS[1].read_text(encoding="utf-8"))


def test_module() -> None:
    assert isinstance(depeche.__version__, str) and depeche.__version__
    assert depeche.DEFAULT_MAX_BYTES == 64 * 1024 * 1024
    assert issubclass(depeche.ParseError, ValueError)
    for name in depeche.__all__:
        assert hasattr(depeche, name), name
    for cls in (depeche.Article, depeche.Block, depeche.Credit, depeche.ParseError):
        assert cls.__module__ == "depeche"


def test_attributes_follow_the_contract(article: depeche.Article) -> None:
    d = article.to_dict()
    for key in ("site", "title", "lede", "byline", "date", "category", "source_url"):
        assert getattr(article, key) == d[key]
    assert article.agencies == d["agencies"]
    assert article.boilerplate == d["boilerplate"]
    assert article.warnings == d["warnings"]
    assert [c.to_dict() for c in article.credits] == d["credits"]
    assert [b.to_dict() for b in article.body] == d["body"]
    assert article.kicker == d.get("kicker")
    for block, bd in zip(article.body, d["body"]):
        assert isinstance(block, depeche.Block)
        assert block.kind in {"paragraph", "heading", "caption", "related", "image"}
        assert (block.kind, block.text, block.credit) == (bd["kind"], bd["text"], bd["credit"])
        assert block.span == tuple(bd["span"]) and isinstance(block.span, tuple)
    assert article.paragraphs == [b.text for b in article.body if b.kind == "paragraph"]
    assert json.loads(article.to_json()) == d


def test_a_caption_with_only_a_credit_has_no_text(article: depeche.Article) -> None:
    captions = [b for b in article.body if b.kind == "caption"]
    assert captions and captions[0].text is None and captions[0].credit == "VNA/CVN"


def test_frozen(article: depeche.Article) -> None:
    with pytest.raises(AttributeError):
        article.title = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        article.body[0].text = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        depeche.Article()  # type: ignore[call-arg]
    # The lists handed out are copies: mutating one does not change the article.
    article.body.clear()
    article.agencies.append("X")
    assert article.body and "X" not in article.agencies


def test_sub_objects_are_shared_not_rebuilt(article: depeche.Article) -> None:
    assert article.body[0] is article.body[0]
    assert article.credits[0] is article.credits[0]


def test_repr(article: depeche.Article) -> None:
    r = repr(article)
    assert r.startswith("Article(title=") and repr(article.title) in r
    assert f"body=<{len(article.body)} blocks>" in r
    block = article.body[0]
    assert eval(repr(block), {"Block": depeche.Block}) == block
    credit = article.credits[0]
    assert eval(repr(credit), {"Credit": depeche.Credit}) == credit


def test_equality_and_hash() -> None:
    a, b = depeche.parse(TEXT), depeche.parse(TEXT.encode())
    assert a == b and not (a != b) and hash(a) == hash(b)
    c = depeche.parse(TEXT.replace("experts", "étudiants"))
    assert a != c
    assert a != "not an article" and a != None  # noqa: E711
    assert len({a, b, c}) == 2
    assert a.body[0] == b.body[0] and hash(a.body[0]) == hash(b.body[0])
    assert a.credits[0] == depeche.Credit("CPV/VNA/CVN", ["CPV", "VNA", "CVN"])


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(article: depeche.Article, protocol: int) -> None:
    for obj in (article, article.body[0], article.credits[0]):
        back = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert type(back) is type(obj) and back == obj
    back = pickle.loads(pickle.dumps(article, protocol=protocol))
    assert back.to_dict() == article.to_dict()
    assert back.to_markdown() == article.to_markdown()
    assert copy.deepcopy(article) == article and copy.copy(article) == article


def test_pickle_parse_error() -> None:
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse(b"ab\n\xff")
    back = pickle.loads(pickle.dumps(info.value))
    assert isinstance(back, depeche.ParseError)
    assert (back.kind, back.offset, back.line, back.index, str(back)) == (
        "invalid_utf8",
        3,
        2,
        None,
        str(info.value),
    )


def test_from_json_round_trip(article: depeche.Article) -> None:
    assert depeche.Article.from_json(article.to_json()) == article
    assert depeche.Article.from_json(article.to_json(indent=4).encode()) == article
    with pytest.raises(ValueError):
        depeche.Article.from_json('{"title": 3}')


def test_block_and_credit_constructors() -> None:
    block = depeche.Block("caption", None, "VNA", (3, 9))
    assert (block.kind, block.text, block.credit, block.span) == ("caption", None, "VNA", (3, 9))
    assert block.to_dict() == {"kind": "caption", "text": None, "credit": "VNA", "span": [3, 9]}
    with pytest.raises(ValueError):
        depeche.Block("footnote")  # type: ignore[arg-type]
    assert depeche.Credit("AFP").agencies == []


def test_strict_max_bytes_and_agencies() -> None:
    assert depeche.parse(TEXT, strict=True).title is not None
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse("Comment (0)", strict=True)
    assert info.value.kind == "no_body"
    with pytest.raises(depeche.ParseError) as info:
        depeche.parse(TEXT, max_bytes=10)
    assert (info.value.kind, info.value.offset, info.value.line) == ("too_large", 10, None)
    assert depeche.parse(TEXT, max_bytes=len(TEXT.encode())).to_dict()

    assert depeche.parse(TEXT).agencies == ["CPV", "VNA", "CVN"]
    custom = depeche.parse(TEXT, agencies={"ĐCSVN": ["CPV", "Dang Cong San"]})
    assert custom.agencies == ["ĐCSVN", "VNA", "CVN"]
    assert custom.credits[0].text == "CPV/VNA/CVN"
    assert depeche.parse(TEXT, agencies={}).agencies == ["CPV", "VNA", "CVN"]
    # Options are per call: nothing leaks into the next parse.
    assert depeche.parse(TEXT).agencies == ["CPV", "VNA", "CVN"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"agencies": {"X": "CPV"}},  # a str is not a list of aliases
        {"agencies": ["CPV"]},
        {"agencies": {1: ["CPV"]}},
        {"strict": "yes"},
        {"max_bytes": "10"},
    ],
)
def test_bad_options_are_type_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        depeche.parse(TEXT, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 42, 4.2, ["text"], object()])
def test_bad_input_types(bad: object) -> None:
    with pytest.raises(TypeError):
        depeche.parse(bad)  # type: ignore[arg-type]


def test_bytearray_and_bom() -> None:
    assert depeche.parse(bytearray(TEXT.encode())) == depeche.parse(TEXT)
    with_bom = depeche.parse(b"\xef\xbb\xbf" + TEXT.encode())
    assert with_bom.title == depeche.parse(TEXT).title

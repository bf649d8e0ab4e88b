"""depeche: parse scraped French-language Vietnamese press articles into typed records.

>>> import depeche
>>> article = depeche.parse(open("article.txt", encoding="utf-8").read())
>>> article.title, article.agencies
>>> article.to_dict()  # the JSON contract, as plain Python objects

All parsing happens in Rust (the `depeche` crate); this package is a thin binding.
"""

from __future__ import annotations

from typing import List, Optional, TypedDict

from ._depeche import (
    DEFAULT_MAX_BYTES,
    Article,
    Block,
    Credit,
    ParseError,
    __version__,
    parse,
    parse_many,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "ArticleDict",
    "Block",
    "BlockDict",
    "Credit",
    "CreditDict",
    "ParseError",
    "__version__",
    "parse",
    "parse_many",
]


class CreditDict(TypedDict):
    """A credit in the JSON contract (`Article.to_dict()["credits"][i]`)."""

    text: str
    agencies: List[str]


class BlockDict(TypedDict):
    """A body block in the JSON contract (`Article.to_dict()["body"][i]`)."""

    kind: str
    text: Optional[str]
    credit: Optional[str]
    span: List[int]


class _ArticleDictExtras(TypedDict, total=False):
    kicker: str


class ArticleDict(_ArticleDictExtras):
    """The JSON contract of an article (`Article.to_dict()`); `kicker` only when present."""

    site: Optional[str]
    title: Optional[str]
    lede: Optional[str]
    byline: Optional[str]
    date: Optional[str]
    category: Optional[str]
    source_url: Optional[str]
    credits: List[CreditDict]
    agencies: List[str]
    body: List[BlockDict]
    boilerplate: List[str]
    warnings: List[str]

"""depeche: parse scraped French-language Vietnamese press articles into typed records."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, TypedDict, final, overload

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

__version__: str
DEFAULT_MAX_BYTES: int
"""The default `max_bytes`: 64 MiB."""

_BlockKind = Literal["paragraph", "heading", "caption", "related", "image"]
_ErrorKind = Literal["invalid_utf8", "empty", "too_large", "no_body", "internal"]
_Agencies = Mapping[str, Sequence[str]]

class CreditDict(TypedDict):
    text: str
    agencies: list[str]

class BlockDict(TypedDict):
    kind: _BlockKind
    text: str | None
    credit: str | None
    span: list[int]  # [start, end] (`Block.span` is a tuple)

class _ArticleDictExtras(TypedDict, total=False):
    kicker: str

class ArticleDict(_ArticleDictExtras):
    site: str | None
    title: str | None
    lede: str | None
    byline: str | None
    date: str | None
    category: str | None
    source_url: str | None
    credits: list[CreditDict]
    agencies: list[str]
    body: list[BlockDict]
    boilerplate: list[str]
    warnings: list[str]

class ParseError(ValueError):
    """A document could not be parsed.

    `kind` is "invalid_utf8", "empty", "too_large", "no_body", or "internal" (a bug in
    depeche: a panic caught before it reached Python). `offset` is the byte offset the error
    refers to, `line` its 1-based line when known, `index` the position of the document in a
    `parse_many` batch (None for `parse`).
    """

    kind: _ErrorKind
    offset: int
    line: int | None
    index: int | None

@final
class Credit:
    """A credit line of the article (not of a photo), as printed, with its agencies."""

    def __new__(cls, text: str, agencies: Sequence[str] = ()) -> Credit: ...
    @property
    def text(self) -> str: ...
    @property
    def agencies(self) -> list[str]: ...
    def to_dict(self) -> CreditDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Block:
    """One element of the article body."""

    def __new__(
        cls,
        kind: _BlockKind,
        text: str | None = None,
        credit: str | None = None,
        span: tuple[int, int] = (0, 0),
    ) -> Block: ...
    @property
    def kind(self) -> _BlockKind: ...
    @property
    def text(self) -> str | None: ...
    @property
    def credit(self) -> str | None: ...
    @property
    def span(self) -> tuple[int, int]:
        """Byte offsets `(start, end)` of the block in the UTF-8 input."""
    def to_dict(self) -> BlockDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Article:
    """A parsed article. Frozen; equal (and hashed) by its JSON contract; picklable."""

    @property
    def site(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def kicker(self) -> str | None: ...
    @property
    def lede(self) -> str | None: ...
    @property
    def byline(self) -> str | None: ...
    @property
    def date(self) -> str | None:
        """`"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`."""
    @property
    def category(self) -> str | None: ...
    @property
    def source_url(self) -> str | None: ...
    @property
    def credits(self) -> list[Credit]: ...
    @property
    def agencies(self) -> list[str]: ...
    @property
    def body(self) -> list[Block]: ...
    @property
    def boilerplate(self) -> list[str]: ...
    @property
    def warnings(self) -> list[str]: ...
    @property
    def paragraphs(self) -> list[str]:
        """The text of the body blocks of kind "paragraph", in order."""
    def to_dict(self) -> ArticleDict: ...
    def to_json(self, *, indent: int | None = None) -> str: ...
    def to_markdown(self) -> str: ...
    def to_text(self) -> str: ...
    @classmethod
    def from_json(cls, data: str | bytes) -> Article: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def parse(
    text: str | bytes | bytearray,
    *,
    strict: bool = False,
    max_bytes: int | None = None,
    agencies: _Agencies | None = None,
) -> Article:
    """Parse one article. Raises ParseError (a ValueError) if it cannot be parsed."""

@overload
def parse_many(
    texts: Iterable[str | bytes | bytearray],
    *,
    threads: int | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
    agencies: _Agencies | None = None,
    errors: Literal["raise"] = "raise",
) -> list[Article]: ...
@overload
def parse_many(
    texts: Iterable[str | bytes | bytearray],
    *,
    threads: int | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
    agencies: _Agencies | None = None,
    errors: Literal["return"],
) -> list[Article | ParseError]: ...

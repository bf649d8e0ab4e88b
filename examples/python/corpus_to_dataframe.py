# %% [markdown]
# # A JSONL corpus to a pandas DataFrame
#
# Parse a corpus of scraped articles (one JSON object per line, article text in a `text`
# field) with depeche, and get one DataFrame row per article: title, date, byline, agencies,
# body size... plus one row per document that could not be parsed, with the reason.
#
# Run it as a script (`python examples/python/corpus_to_dataframe.py [corpus.jsonl]`) or cell
# by cell in an editor that understands `# %%` cells (VS Code, PyCharm, Jupytext). Without a
# path it builds a tiny corpus from the repository's seeds.
#
# Needs `pip install depeche "pandas>=2"` (in this repository: `scripts/test-python.sh` builds both
# into `.venv`).

# %%
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

import depeche

# %% [markdown]
# ## The corpus
# The first command-line argument (or `$DEPECHE_CORPUS`) names a JSONL file. Otherwise we write
# the seeds to a temporary JSONL, with one bad row (blank text) to show how failures look.

# %%
try:
    HERE = Path(__file__).resolve().parent
except NameError:  # in a notebook
    HERE = Path.cwd()
SEEDS = HERE.parent.parent / "seeds"

args = [a for a in sys.argv[1:] if a.endswith((".jsonl", ".ndjson"))]
corpus_path = Path(args[0]) if args else None
if corpus_path is None and os.environ.get("DEPECHE_CORPUS"):
    corpus_path = Path(os.environ["DEPECHE_CORPUS"])

if corpus_path is None:
    rows = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))
    ]
    rows.append({"id": "blank", "text": "   \n"})
    corpus_path = Path(tempfile.mkdtemp()) / "seeds.jsonl"
    with corpus_path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

print(f"corpus: {corpus_path}")

# %% [markdown]
# ## Parse
# `parse_many` takes any iterable, so the texts stream from the file: no list of the whole
# corpus is built in Python. It parses in parallel in Rust, with the GIL released.
# `errors="return"` puts a `ParseError` at the position of each document that fails, instead of
# raising for the first one.

# %%
ids: list[str] = []


def texts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            ids.append(str(row.get("id", n)))
            yield row["text"]


results = depeche.parse_many(texts(corpus_path), errors="return")
print(f"{len(results)} documents")

# %% [markdown]
# ## One row per article
# The typed attributes give the columns; `article.to_dict()` would give the full JSON contract.

# %%
records = []
for doc_id, result in zip(ids, results):
    if isinstance(result, depeche.ParseError):
        records.append({"id": doc_id, "error": f"{result.kind}: {result}"})
        continue
    a = result
    records.append(
        {
            "id": doc_id,
            "title": a.title,
            "date": a.date,
            "byline": a.byline,
            "site": a.site,
            "agencies": a.agencies,
            "credits": [c.text for c in a.credits],
            "paragraphs": len(a.paragraphs),
            "captions": sum(b.kind == "caption" for b in a.body),
            "words": len(a.to_text().split()),
            "source_url": a.source_url,
            "error": None,
        }
    )

# convert_dtypes: nullable integers and strings, so the failed rows do not turn counts into floats.
df = pd.DataFrame.from_records(records).set_index("id").convert_dtypes()
# Dates are printed to the year, month or day: parse what is there, keep the rest as NaT.
df["published"] = pd.to_datetime(df["date"], format="ISO8601", errors="coerce")
with pd.option_context("display.max_columns", None, "display.width", 160):
    print(df[["title", "date", "agencies", "paragraphs", "words", "error"]])

# %% [markdown]
# ## A few looks at the corpus

# %%
ok = df[df["error"].isna()]
print("\nfailed documents:", len(df) - len(ok))
print("\narticles per agency:")
print(ok["agencies"].explode().value_counts())
print("\nwords per article:")
print(ok["words"].describe()[["count", "mean", "min", "max"]])

"""Reference document frequencies, so term weights mean the same in a store of 2 articles as in
one of 100,000: `python -m sitroom.stories.reference CORPUS.jsonl` rewrites data/df.tsv.gz from
a JSONL corpus (title, text); shipped built from the Wikinews corpus (5,804 articles)."""
from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .terms import terms

DF_PATH = Path(__file__).with_name("data") / "df.tsv.gz"
MIN_DF = 2


@lru_cache(maxsize=1)
def reference_df() -> tuple[int, dict[str, int]]:
    """(documents, term -> documents containing it) of the shipped reference corpus."""
    if not DF_PATH.exists():
        return 0, {}
    df: dict[str, int] = {}
    with gzip.open(DF_PATH, "rt", encoding="utf-8") as handle:
        documents = int(handle.readline().split("\t")[1])
        for line in handle:
            term, count = line.rstrip("\n").split("\t")
            df[term] = int(count)
    return documents, df


def build(corpus: Path) -> dict[str, object]:
    """Document frequencies of the content terms of every record in a JSONL corpus."""
    df: Counter[str] = Counter()
    n = 0
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            df.update(terms(record.get("title") or "", record.get("text") or "").keys())
            n += 1
    return {"documents": n, "source": corpus.name,
            "df": {t: k for t, k in sorted(df.items()) if k >= MIN_DF}}


if __name__ == "__main__":
    data = build(Path(sys.argv[1]))
    with gzip.open(DF_PATH, "wt", encoding="utf-8") as out:
        out.write(f"#documents\t{data['documents']}\t{data['source']}\n")
        out.writelines(f"{t}\t{k}\n" for t, k in data["df"].items())  # type: ignore[attr-defined]
    print(f"{DF_PATH}: {data['documents']} documents, {len(data['df'])} terms")  # type: ignore[arg-type]

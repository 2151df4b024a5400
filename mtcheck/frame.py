"""The pandas API: check a DataFrame of documents, get a DataFrame of findings.

It is what a Dask ``map_partitions`` or a Spark ``mapInPandas`` calls: a pure function of one
partition, whose output columns do not depend on the data (so an empty partition gives an empty
frame with the same columns and dtypes).
"""

from __future__ import annotations

from typing import Any

from mtcheck.engine import Settings, check_document
from mtcheck.model import Document

# The JSON finding fields, plus the document's id (first) and score and pass flag.
COLUMNS: tuple[str, ...] = (
    "id", "code", "name", "category", "severity", "start", "end", "line", "column", "end_line",
    "end_column", "text", "message", "suggestion", "confidence", "score", "passed",
)
DTYPES: dict[str, str] = {
    "id": "object", "code": "object", "name": "object", "category": "object", "severity": "object",
    "start": "int64", "end": "int64", "line": "int64", "column": "int64", "end_line": "int64",
    "end_column": "int64", "text": "object", "message": "object", "suggestion": "object",
    "confidence": "float64", "score": "float64", "passed": "bool",
}


def empty_frame() -> Any:
    """An empty findings frame: the ``meta`` to give Dask."""
    import pandas as pd

    return pd.DataFrame({column: pd.Series(dtype=DTYPES[column]) for column in COLUMNS})


def check_frame(frame: Any, settings: Settings | None = None) -> Any:
    """Findings of every row of ``frame`` (columns ``id``, ``text``; optional ``source``, ``reference``).

    Returns a DataFrame with one row per finding, in row order then position order, and the columns
    of :data:`COLUMNS`.
    """
    import pandas as pd

    if "text" not in frame.columns:
        raise ValueError("check_frame needs a 'text' column")
    settings = settings or Settings()
    rows: list[dict[str, Any]] = []
    has = {column: column in frame.columns for column in ("id", "source", "reference")}
    for position, record in enumerate(frame.itertuples(index=False)):
        values = record._asdict()
        text = values["text"]
        if not isinstance(text, str):
            raise ValueError(f"row {position}: 'text' must be a string, not {type(text).__name__}")
        document_id = str(values["id"]) if has["id"] else str(frame.index[position])

        def optional(key: str, values: dict[str, Any] = values) -> str | None:
            value = values.get(key) if has[key] else None
            return value if isinstance(value, str) and value else None

        document = Document(path="<frame>", id=document_id, text=text, source=optional("source"),
                            reference=optional("reference"))
        result = check_document(document, settings)
        for finding in result.findings:
            data = finding.to_dict()
            row = {column: data.get(column) for column in COLUMNS}
            row.update(id=document_id, score=result.score, passed=result.passed)
            rows.append(row)
    if not rows:
        return empty_frame()
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    return out.astype({"confidence": "float64", "passed": "bool"})


def check_dask(frame: Any, settings: Settings | None = None) -> Any:
    """Findings of a Dask DataFrame: ``check_frame`` on every partition (lazy; call ``.compute()``).

    Needs the ``dask`` extra (``pip install 'mtcheck[dask]'``). Each worker process loads the lexicons
    once and keeps them for every partition it checks.
    """
    return frame.map_partitions(check_frame, settings, meta=empty_frame())

"""``--format csv``: one row per finding, for spreadsheets and pandas.

Every row carries its document's ``id``, ``path``, ``words``, ``score`` and ``passed`` columns beside
the finding's code, name, category, severity, position (line, column, end line, end column, start,
end), flagged text, message and suggestion. A document without findings still gets one row (its
finding columns empty), so that every document's score is in the table. The table is built with
pandas, imported only when this format is chosen, and written in batches of rows as the run goes
(memory stays flat on a corpus of any size); the file is the same as one table written at the end.
"""

from __future__ import annotations

from typing import Any, TextIO

from mtcheck.model import DocumentResult
from mtcheck.reporters import RunInfo, Summary
from mtcheck.reporters.common import extra

COLUMNS = (
    "id", "path", "words", "score", "passed", "code", "name", "category", "severity", "line", "column",
    "end_line", "end_column", "start", "end", "text", "message", "suggestion", "source_text",
)


BATCH = 2000  # rows written at a time


class CsvReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info
        self.rows: list[dict[str, Any]] = []
        self.header = True

    def document(self, result: DocumentResult) -> None:
        document = result.document
        head = {"id": document.id, "path": document.path, "words": result.words, "score": result.score,
                "passed": result.passed}
        if not result.findings:
            self.rows.append(head)
        for finding in result.findings:
            self.rows.append({
                **head,
                "code": finding.code, "name": finding.name, "category": finding.category,
                "severity": finding.severity.label, "line": finding.line, "column": finding.column,
                "end_line": finding.end_line, "end_column": finding.end_column,
                "start": finding.start, "end": finding.end, "text": finding.text,
                "message": finding.message, "suggestion": finding.suggestion,
                "source_text": extra(finding, "source_text"),
            })
        if len(self.rows) >= BATCH:
            self._write()

    def _write(self) -> None:
        import pandas as pd

        frame = pd.DataFrame(self.rows, columns=list(COLUMNS))
        for column in ("line", "column", "end_line", "end_column", "start", "end"):
            frame[column] = frame[column].astype("Int64")
        frame.to_csv(self.stream, index=False, header=self.header, lineterminator="\n")
        self.rows, self.header = [], False

    def finish(self, summary: Summary) -> None:
        if self.rows or self.header:
            self._write()

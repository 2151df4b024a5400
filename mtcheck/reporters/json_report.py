"""``--format json``: one JSON object, exactly as the contract says (with extra keys only)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from mtcheck.model import DocumentResult
from mtcheck.reporters import RunInfo, Summary


class JsonReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info
        self.documents: list[dict[str, Any]] = []

    def document(self, result: DocumentResult) -> None:
        self.documents.append(result.to_dict())

    def finish(self, summary: Summary) -> None:
        report = {
            "version": self.info.version,
            "signature": self.info.signature,
            "documents": self.documents,
            "summary": summary.to_dict(),
            "errors": [
                {"path": error.path, "line": error.line, "message": error.message} for error in summary.errors
            ],
        }
        json.dump(report, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")

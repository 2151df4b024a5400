"""``--format jsonl``: one JSON object a line, written as soon as each document is checked.

Each document line is the contract's document object (``path``, ``id``, ``words``, ``score``,
``passed``, ``findings``) with ``"type": "document"``; the last line is ``{"type": "summary", ...}``
with the version, the signature, the summary and the input errors. Every line is flushed, so a
consumer can follow a long run as it goes (``mtcheck check big.jsonl -f jsonl | jq``).
"""

from __future__ import annotations

import json
from typing import TextIO

from mtcheck.model import DocumentResult
from mtcheck.reporters import RunInfo, Summary


class JsonlReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info

    def document(self, result: DocumentResult) -> None:
        line = {"type": "document", **result.to_dict()}
        self.stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.stream.flush()

    def finish(self, summary: Summary) -> None:
        errors = [{"path": error.path, "line": error.line, "message": error.message} for error in summary.errors]
        line = {
            "type": "summary",
            "version": self.info.version,
            "signature": self.info.signature,
            "summary": summary.to_dict(),
            "errors": errors,
        }
        self.stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.stream.flush()

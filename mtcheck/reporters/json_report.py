"""``--format json``: one JSON object, exactly as the contract says (with extra keys only).

The object is written as the run goes: each document is serialised as soon as it is checked, so a
corpus of any size is reported in bounded memory. The output is the same as ``json.dump`` with
``indent=2`` of the whole report.
"""

from __future__ import annotations

from typing import TextIO

from mtcheck.model import DocumentResult
from mtcheck.reporters import RunInfo, Summary
from mtcheck.reporters.json_text import pretty as _dump


class JsonReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info
        self.count = 0
        stream.write(
            "{\n"
            f'  "version": {_dump(info.version, 2)},\n'
            f'  "signature": {_dump(info.signature, 2)},\n'
            '  "documents": ['
        )

    def document(self, result: DocumentResult) -> None:
        self.stream.write(("," if self.count else "") + "\n    " + _dump(result.to_dict(), 4))
        self.count += 1

    def finish(self, summary: Summary) -> None:
        errors = [{"path": error.path, "line": error.line, "message": error.message} for error in summary.errors]
        self.stream.write(
            ("\n  ]" if self.count else "]")
            + f',\n  "summary": {_dump(summary.to_dict(), 2)},\n  "errors": {_dump(errors, 2)}\n}}\n'
        )

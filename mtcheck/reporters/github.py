"""``--format github``: GitHub Actions workflow commands, shown as annotations on the pull request.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message`` per finding;
critical → ``error``, major → ``warning``, minor → ``notice``. ``col`` and ``endColumn`` are left out
when the span crosses lines (GitHub draws a column range only within one line). Property values
escape ``% \\r \\n : ,`` and the message escapes ``% \\r \\n``, as the runner expects. A corpus
record's findings point at the record's line in the corpus file (no columns: positions inside the
record's text are not positions in the file), and the message starts with ``[id line:column]``; a
translator file's findings point at their line in the file (in their unit's target), and the message
starts with ``[unit id]``.
"""

from __future__ import annotations

from typing import TextIO

from mtcheck.model import DocumentResult, Severity
from mtcheck.reporters import RunInfo, Summary
from mtcheck.reporters.common import extra, is_record, record_line

LEVELS = {Severity.MINOR: "notice", Severity.MAJOR: "warning", Severity.CRITICAL: "error"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info

    def document(self, result: DocumentResult) -> None:
        document = result.document
        for finding in result.findings:
            props = [f"file={escape_property(document.path)}"]
            unit = extra(finding, "unit")
            line = record_line(result, finding)
            if line is not None:
                # positions inside a record's text (or a translator file's joined targets) are not
                # positions in the file: point at the record's line, or the finding's line in the file
                props += [f"line={line}", f"endLine={line}"]
            elif finding.end_line == finding.line:
                props += [f"line={finding.line}", f"col={finding.column}", f"endLine={finding.end_line}",
                          f"endColumn={finding.end_column}"]
            else:
                props += [f"line={finding.line}", f"endLine={finding.end_line}"]
            props.append(f"title={escape_property(f'{finding.code} {finding.name}')}")
            message = f"{finding.message}: “{finding.text}”"
            if finding.suggestion:
                message += f" (suggestion: {finding.suggestion})"
            if is_record(document):
                message = f"[{document.id} {finding.line}:{finding.column}] {message}"
            elif unit is not None:
                message = f"[unit {unit}] {message}"
            self.stream.write(f"::{LEVELS[finding.severity]} {','.join(props)}::{escape_data(message)}\n")

    def finish(self, summary: Summary) -> None:
        for error in summary.errors:
            props = f"file={escape_property(error.path)}" + (f",line={error.line}" if error.line else "")
            self.stream.write(f"::error {props},title=mtcheck input error::{escape_data(error.message)}\n")
        documents = f"{summary.documents} document{'' if summary.documents == 1 else 's'}"
        findings = f"{summary.findings} finding{'' if summary.findings == 1 else 's'}"
        self.stream.write(f"mtcheck: {documents} checked, {summary.failed} failed, {findings}\n")

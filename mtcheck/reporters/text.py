"""``--format text``: for people. ``path:line:col`` (``path[id]:line:col`` inside a corpus record's
text, ``path:line [unit id]`` in a translator file), code, severity, message, the sentence with the
span marked, the suggestion, then a summary line. Colour only when writing to a terminal."""

from __future__ import annotations

from typing import TextIO

from mtcheck.model import DocumentResult, Finding, Severity
from mtcheck.reporters import RunInfo, Summary
from mtcheck.reporters.common import label, where

WIDTH = 100
_COLORS = {Severity.MINOR: "\033[36m", Severity.MAJOR: "\033[33m", Severity.CRITICAL: "\033[31m"}
_BOLD, _RESET, _DIM = "\033[1m", "\033[0m", "\033[2m"


def excerpt(text: str, start: int, end: int, width: int = WIDTH) -> tuple[str, int, int]:
    """A one-line window of ``text`` around ``start:end``; returns it and the span inside it."""
    end = max(end, start)
    left = max(0, start - (width - (end - start)) // 2)
    right = min(len(text), max(end, left + width))
    left = max(0, min(left, right - width))
    window = text[left:right]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    flat = "".join(" " if c in "\n\t\r" else c for c in window)
    return prefix + flat + suffix, start - left + len(prefix), end - left + len(prefix)


class TextReporter:
    needs_sentences = True  # a finding is shown in its sentence
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info
        self.color = info.color

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def _context(self, result: DocumentResult, finding: Finding) -> tuple[str, int]:
        """The sentence (or line) holding the finding, and the offset where it starts."""
        if finding.sentence is not None and finding.sentence < len(result.sentences):
            sentence = result.sentences[finding.sentence]
            if sentence.start <= finding.start <= sentence.end:
                return result.document.text[sentence.start:max(sentence.end, finding.end)], sentence.start
        text = result.document.text
        line_start = text.rfind("\n", 0, finding.start) + 1
        line_end = text.find("\n", finding.end)
        return text[line_start:len(text) if line_end < 0 else line_end], line_start

    def document(self, result: DocumentResult) -> None:
        write = self.stream.write
        for finding in result.findings:
            color = _COLORS[finding.severity]
            write(
                f"{self._c(_BOLD, where(result, finding))}: {self._c(color + _BOLD, finding.code)} "
                f"{self._c(color, '[' + finding.severity.label + ']')} {finding.message}"
                f" {self._c(_DIM, '(' + finding.name + ')')}\n"
            )
            sentence, offset = self._context(result, finding)
            line, start, end = excerpt(sentence, finding.start - offset, finding.end - offset)
            if self.color:
                write(f"  | {line[:start]}{color}\033[4m{line[start:end]}{_RESET}{line[end:]}\n")
            else:
                write(f"  | {line}\n")
            write(f"  | {' ' * start}{'^' * max(1, end - start)}\n")
            if finding.suggestion:
                write(f"  = suggestion: {finding.suggestion}\n")
            source_text = dict(finding.extra).get("source_text")
            if source_text:
                write(f"  = source: {excerpt(str(source_text), 0, 0, WIDTH)[0]}\n")
        if result.findings:
            verdict = "passed" if result.passed else "FAILED"
            write(f"  {label(result.document)}: score {result.score:.1f}, {verdict}\n\n")
        if result.metrics:
            for name, value in result.metrics.items():
                if isinstance(value, dict) and "score" in value:
                    write(f"  {name} {value['score']:.2f} ({value.get('signature', '')})\n")

    def finish(self, summary: Summary) -> None:
        counts = ", ".join(f"{n} {s}" for s, n in sorted(summary.by_severity.items()))
        line = (
            f"{summary.documents} document{'s' if summary.documents != 1 else ''} checked, "
            f"{summary.failed} failed, {summary.findings} finding{'s' if summary.findings != 1 else ''}"
            + (f" ({counts})" if counts else "")
        )
        if summary.errors:
            line += f", {len(summary.errors)} input error{'s' if len(summary.errors) != 1 else ''}"
        self.stream.write(self._c(_BOLD, line) + "\n")
        for name, value in summary.metrics.items():
            if isinstance(value, dict) and "score" in value:
                self.stream.write(f"corpus {name} {value['score']:.2f} ({value.get('signature', '')})\n")

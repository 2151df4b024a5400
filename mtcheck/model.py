"""Immutable data the pipeline passes along: documents, sentences, findings, results."""

from __future__ import annotations

import bisect
import enum
import operator
import re
from dataclasses import dataclass, field, fields
from typing import Any


class Severity(enum.IntEnum):
    """MQM severities, ordered so that ``critical > major > minor``."""

    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected minor, major or critical)") from None


CATEGORIES: tuple[str, ...] = (
    "pronoun-gender",
    "sentence-split",
    "fragment",
    "untranslated",
    "name-form",
    "calque",
    "boilerplate",
    "number-mismatch",
    "omission",
    "repetition",
    "punctuation",
    "garbled",
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as the segmenter found it: ``start``/``end`` are offsets into the document text."""

    start: int
    end: int
    text: str
    paragraph: int
    index: int  # position in the document, 0-based

    def local(self, offset: int) -> int:
        """Document offset of a position inside this sentence."""
        return self.start + offset

    def __reduce__(self) -> tuple[type[Sentence], tuple[Any, ...]]:
        # Pickled as constructor arguments (results cross process boundaries with --jobs): about
        # twice as fast both ways as the per-field state dataclasses give slotted classes.
        return (Sentence, (self.start, self.end, self.text, self.paragraph, self.index))


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    index: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Unit:
    """A translation unit of a bilingual file: the slice ``start:end`` of the document text."""

    id: str
    start: int
    end: int
    source: str | None = None
    # Where the target's text lies in its file: (offset in the target, line) pairs in order, one where
    # each line (or PO string) of the target starts; empty when the reader does not know.
    lines: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int | None:
        """The file line of ``offset`` (an offset in this unit's target), if known."""
        index = bisect.bisect_right(self.lines, (offset, float("inf"))) - 1
        return self.lines[index][1] if index >= 0 else None


@dataclass(frozen=True)
class Document:
    """One document to check.

    ``text`` is exactly what the user gave (after decoding, without BOM). ``check_text`` is a
    same-length copy in which markup (HTML tags, entities, comments) is blanked out so that rules
    see prose only while their offsets still point into ``text``.
    """

    path: str
    id: str
    text: str
    check_text: str = ""
    source: str | None = None
    reference: str | None = None
    units: tuple[Unit, ...] = ()
    suppress: tuple[str, ...] = ()
    line_offset: int = 0  # for corpora: the line of the record in its file (informational)

    def __post_init__(self) -> None:
        if not self.check_text:
            object.__setattr__(self, "check_text", self.text)
        if len(self.check_text) != len(self.text):
            raise ValueError("check_text must have the same length as text")
        if "\r" in self.check_text:
            # CRLF and CR-only line endings: rules see "\n" line breaks, offsets stay the same
            object.__setattr__(self, "check_text", self.check_text.replace("\r\n", " \n").replace("\r", "\n"))


LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what ends a line: LF, CRLF or a lone CR (as XML counts them)


class LineIndex:
    """Maps offsets to 1-based line and column numbers; LF, CRLF and a lone CR each end a line."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(match.end() for match in LINE_BREAK.finditer(text))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    category: str
    severity: Severity
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    message: str
    suggestion: str | None = None
    confidence: float | None = None
    sentence: int | None = None  # index of the sentence that holds the start
    extra: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.label,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.confidence is not None:
            data["confidence"] = round(self.confidence, 3)
        for key, value in self.extra:
            data[key] = value
        return data

    def __reduce__(self) -> tuple[type[Finding], tuple[Any, ...]]:
        # as Sentence.__reduce__: constructor arguments, in field order
        return (Finding, _FINDING_FIELDS(self))


_FINDING_FIELDS = operator.attrgetter(*(f.name for f in fields(Finding)))


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    words: int
    score: float
    passed: bool
    findings: tuple[Finding, ...]
    metrics: dict[str, Any] = field(default_factory=dict)
    sentences: tuple[Sentence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.document.path,
            "id": self.document.id,
            "words": self.words,
            "score": self.score,
            "passed": self.passed,
            "findings": [finding.to_dict() for finding in self.findings],
        }
        if self.metrics:
            data["metrics"] = self.metrics
        return data


@dataclass(frozen=True, slots=True)
class InputError:
    """A problem with one input: reported on one line, never a traceback."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"mtcheck: error: {where}: {self.message}"

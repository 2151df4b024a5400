"""The rule declaration and the context a rule's check receives.

A rule is declared once, in its family's module, as a :class:`Rule`: code, name, category, default
severity, summary, explanation, examples and the check function. Everything else (``mtcheck rules``,
``mtcheck rule CODE``, the docs, SARIF metadata, the per-rule example tests) is derived from it.

A check is a function ``check(ctx) -> Iterable[Finding]``. It makes findings only through
:meth:`Context.finding`, which turns offsets into line and column, copies the span's text and applies
the effective severity: no rule computes positions by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from mtcheck.lexicons import Lexicons, default_lexicons
from mtcheck.model import CATEGORIES, Document, Finding, LineIndex, Paragraph, Sentence, Severity

if TYPE_CHECKING:
    from mtcheck.align import Alignment

Check = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Example:
    """A documented example: ``text`` and, for a bad example, the span the rule must flag."""

    text: str
    flagged: str | None = None  # the exact text of a finding the rule must raise (bad examples)
    source: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    explanation: str
    check: Check
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    suggestion: str = ""  # "Use instead" prose for the docs
    needs_source: bool = False
    needs_reference: bool = False
    default_enabled: bool = True

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.code}: unknown category {self.category!r}")

    def doc(self) -> str:
        """The rule's documentation page, in Markdown, from its declaration."""
        lines = [
            f"# {self.code} {self.name}",
            "",
            f"Category: `{self.category}` · default severity: `{self.severity.label}`"
            + (" · needs the source" if self.needs_source else "")
            + ("" if self.default_enabled else " · off by default"),
            "",
            "## What it does",
            self.summary,
            "",
            "## Why is this bad?",
            self.explanation,
        ]
        if self.bad:
            lines += ["", "## Example"]
            for example in self.bad:
                lines.append(f"- {example.text}" + (f"  (flags: `{example.flagged}`)" if example.flagged else ""))
                if example.source:
                    lines.append(f"  - source: {example.source}")
        if self.good or self.suggestion:
            lines += ["", "## Use instead"]
            if self.suggestion:
                lines.append(self.suggestion)
            for example in self.good:
                lines.append(f"- {example.text}")
        return "\n".join(lines) + "\n"


@dataclass
class Context:
    """What a check sees: the document, its segmentation, the lexicons and the finding factory."""

    document: Document
    paragraphs: tuple[Paragraph, ...]
    lexicons: Lexicons = field(default_factory=default_lexicons)
    severities: dict[str, Severity] = field(default_factory=dict)
    accept: frozenset[str] = frozenset()  # vocabulary never flagged (lowercase)
    reject: frozenset[str] = frozenset()
    options: dict[str, Any] = field(default_factory=dict)
    rule: Rule | None = None  # set by the engine while a rule runs

    @property
    def text(self) -> str:
        """The prose to check (markup blanked out), same length as ``document.text``."""
        return self.document.check_text

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(sentence for paragraph in self.paragraphs for sentence in paragraph.sentences)

    @cached_property
    def _lines(self) -> LineIndex:
        return LineIndex(self.document.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    @cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        from mtcheck.quotes import quoted_spans

        return quoted_spans(self.text)

    @cached_property
    def alignment(self) -> Alignment | None:
        """Source sentences aligned with the document's sentences (``None`` without a source)."""
        from mtcheck.align import align

        return align(self.document, self.sentences)

    def in_quote(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        return any(q_start <= start and end <= q_end for q_start, q_end in self.quotes)

    def sentence_at(self, offset: int) -> Sentence | None:
        import bisect

        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end + 1:
            return self.sentences[index]
        return None

    def accepted(self, word: str) -> bool:
        return word.lower() in self.accept

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        *,
        confidence: float | None = None,
        rule: Rule | None = None,
        severity: Severity | None = None,
        **extra: Any,
    ) -> Finding:
        """A finding of the running rule on ``document.text[start:end]``."""
        rule = rule or self.rule
        if rule is None:
            raise RuntimeError("Context.finding() called outside a rule")
        text = self.document.text
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        line, column = self._lines.position(start)
        end_line, end_column = self._lines.position(end)
        sentence = self.sentence_at(start)
        effective = self.severities.get(rule.code, severity or rule.severity)
        return Finding(
            code=rule.code,
            name=rule.name,
            category=rule.category,
            severity=effective,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=text[start:end],
            message=message,
            suggestion=suggestion,
            confidence=confidence,
            sentence=sentence.index if sentence else None,
            extra=tuple(sorted(extra.items())),
        )

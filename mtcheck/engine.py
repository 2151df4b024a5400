"""The pipeline: segment → check → filter → score. Pure: no I/O here; inputs and reporters are at the ends."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from mtcheck.lexicons import Lexicons, default_lexicons
from mtcheck.model import Document, DocumentResult, Finding, Severity
from mtcheck.rules import Context, Rule, select_rules
from mtcheck.scoring import ScoreSettings, score
from mtcheck.segment import count_words, segment


@dataclass(frozen=True)
class Settings:
    """Everything that decides a run's results (merged from the config file and the command line)."""

    rules: tuple[Rule, ...] = field(default_factory=select_rules)
    severities: dict[str, Severity] = field(default_factory=dict)
    score: ScoreSettings = field(default_factory=ScoreSettings)
    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()
    lexicons: Lexicons = field(default_factory=default_lexicons)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """Sort by position; of two findings of the same category on overlapping spans keep the first."""
    ordered = sorted(findings, key=lambda f: (f.start, f.end, f.code, f.message))
    kept: list[Finding] = []
    for finding in ordered:
        clash = any(
            k.category == finding.category and k.code == finding.code and k.start == finding.start
            and k.end == finding.end
            for k in kept[-8:]
        )
        if not clash:
            kept.append(finding)
    return kept


def run_rules(document: Document, settings: Settings) -> tuple[list[Finding], Context]:
    soft_wrap = document.path.lower().endswith((".md", ".markdown"))
    paragraphs = segment(document.check_text, soft_wrap=soft_wrap)
    ctx = Context(
        document=document,
        paragraphs=paragraphs,
        lexicons=settings.lexicons,
        severities=settings.severities,
        accept=settings.accept,
        reject=settings.reject,
    )
    findings: list[Finding] = []
    for rule in settings.rules:
        if rule.needs_source and not document.source:
            continue
        if rule.needs_reference and not document.reference:
            continue
        ctx.rule = rule
        findings.extend(rule.check(ctx))
    ctx.rule = None
    # a precondition finding (the document is not in English, MT743) stands alone, like pofilter's
    gate = [finding for finding in findings if dict(finding.extra).get("precondition")]
    return (gate or findings), ctx


def _with_units(document: Document, findings: list[Finding]) -> list[Finding]:
    """For bilingual files: the id of the unit holding each finding (extra key ``unit``), the finding's
    offset in the unit's target (``unit_offset``) and the finding's line in the file (``unit_line``,
    where the reader knows it)."""
    if not document.units:
        return findings
    import bisect
    from dataclasses import replace

    starts = [unit.start for unit in document.units]
    located = []
    for finding in findings:
        index = max(0, bisect.bisect_right(starts, finding.start) - 1)
        unit = document.units[index]
        extra = (*finding.extra, ("unit", unit.id), ("unit_offset", finding.start - unit.start))
        line = unit.line_at(finding.start - unit.start)
        if line is not None:
            extra = (*extra, ("unit_line", line))
        located.append(replace(finding, extra=extra))
    return located


def check_document(document: Document, settings: Settings | None = None) -> DocumentResult:
    settings = settings or Settings()
    findings, ctx = run_rules(document, settings)
    from mtcheck.suppression import apply_suppressions

    kept = _with_units(document, apply_suppressions(document, _dedupe(findings), settings, ctx))
    words = count_words(document.check_text)
    value, passed = score(kept, words, settings.score)
    metrics: dict[str, object] = {}
    if document.reference:
        from mtcheck.metrics import reference_metrics

        metrics = reference_metrics(document.text, document.reference)
    return DocumentResult(
        document=document,
        words=words,
        score=value,
        passed=passed,
        findings=tuple(kept),
        metrics=metrics,
        sentences=ctx.sentences,
    )


def check_documents(documents: Iterable[Document], settings: Settings | None = None) -> Iterator[DocumentResult]:
    settings = settings or Settings()
    for document in documents:
        yield check_document(document, settings)

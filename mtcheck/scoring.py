"""The MQM-style quality score.

    penalty = weight(minor) × n_minor + weight(major) × n_major + weight(critical) × n_critical
    score   = max(0, 100 − 1000 × penalty / max(words, min_words))

With the default weights (minor 1, major 5, critical 25) one major finding costs 5 points per 1,000
words: a 500-word article with one major finding scores 90.0. ``min_words`` (default 100) keeps one
minor finding in a ten-word headline from sinking it to zero. A document passes when its score is at
least ``threshold`` (default 90) and it has no finding at or above ``fail_on`` (default ``critical``:
a critical finding fails the document whatever its score). Scores are rounded to one decimal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from mtcheck.model import Finding, Severity


def _default_weights() -> dict[Severity, float]:
    return {Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}


@dataclass(frozen=True)
class ScoreSettings:
    weights: dict[Severity, float] = field(default_factory=_default_weights)
    threshold: float = 90.0
    min_words: int = 100
    fail_on: Severity = Severity.CRITICAL

    def signature(self) -> str:
        weights = "/".join(f"{self.weights[s]:g}" for s in Severity)
        return (
            f"weights:{weights}|per:1000w|min-words:{self.min_words}|pass:{self.threshold:g}"
            f"|fail-on:{self.fail_on.label}"
        )


def penalty(findings: Iterable[Finding], settings: ScoreSettings) -> float:
    return sum(settings.weights[finding.severity] for finding in findings)


def score(findings: Iterable[Finding], words: int, settings: ScoreSettings) -> tuple[float, bool]:
    """The document's score and whether it passes."""
    findings = list(findings)
    value = max(0.0, 100.0 - 1000.0 * penalty(findings, settings) / max(words, settings.min_words, 1))
    value = round(value, 1)
    blocking = any(finding.severity >= settings.fail_on for finding in findings)
    return value, value >= settings.threshold and not blocking

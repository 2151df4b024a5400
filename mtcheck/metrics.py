"""Reference metrics with sacrebleu: BLEU, chrF, chrF++ and TER, each with its signature.

Reported beside the MQM score, never mixed into it. sacrebleu is imported only when a reference is
given. Per document, the document's lines are scored as one segment each (``sentence_score`` on the
whole document would ignore line structure); the run's corpus-level scores are computed once at the end
from every document's hypothesis and reference lines (:class:`CorpusMetrics`), exactly as
``sacrebleu`` computes ``corpus_score`` on the same lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

METRICS = ("BLEU", "chrF", "chrF++", "TER")


def _metric(name: str) -> Any:
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    if name == "BLEU":
        return BLEU()
    if name == "chrF":
        return CHRF()
    if name == "chrF++":
        return CHRF(word_order=2)
    return TER()


def lines(hypothesis: str, reference: str) -> tuple[list[str], list[str]]:
    """Segments of a document: its lines when both sides have as many, else the whole text as one."""
    hyp = [line for line in hypothesis.splitlines() if line.strip()]
    ref = [line for line in reference.splitlines() if line.strip()]
    if len(hyp) != len(ref) or not hyp:
        return [" ".join(hyp)], [" ".join(ref)]
    return hyp, ref


def score_lines(hypotheses: list[str], references: list[str]) -> dict[str, Any]:
    """Corpus scores of parallel segments: ``{"BLEU": {"score": ..., "signature": ...}, ...}``."""
    results: dict[str, Any] = {}
    for name in METRICS:
        metric = _metric(name)
        result = metric.corpus_score(hypotheses, [references])
        results[name] = {"score": round(float(result.score), 4), "signature": str(metric.get_signature())}
    return results


def reference_metrics(hypothesis: str, reference: str) -> dict[str, Any]:
    """Metrics of one document against its reference."""
    return score_lines(*lines(hypothesis, reference))


@dataclass
class CorpusMetrics:
    """Accumulates every document's segments for the run's corpus-level scores."""

    hypotheses: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)

    def add(self, hypothesis: str, reference: str) -> None:
        hyp, ref = lines(hypothesis, reference)
        self.hypotheses.extend(hyp)
        self.references.extend(ref)

    def result(self) -> dict[str, Any]:
        return score_lines(self.hypotheses, self.references) if self.hypotheses else {}

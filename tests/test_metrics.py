"""Reference metrics equal sacrebleu's own on the same data, per document and for the whole run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from mtcheck.cli import run_check
from mtcheck.metrics import reference_metrics

HYP = ["The change will affect more than 1.4 million residents.", "The council announced it on Monday."]
REF = ["The change will affect over 1.4 million residents.", "The council announced this on Monday."]
HYP2 = ["Loans worth 120 million euros were issued."]
REF2 = ["New loans worth 210 million euros were issued."]


def _expected(hyp: list[str], ref: list[str]) -> dict[str, float]:
    return {
        "BLEU": BLEU().corpus_score(hyp, [ref]).score,
        "chrF": CHRF().corpus_score(hyp, [ref]).score,
        "chrF++": CHRF(word_order=2).corpus_score(hyp, [ref]).score,
        "TER": TER().corpus_score(hyp, [ref]).score,
    }


def test_document_metrics_equal_sacrebleu() -> None:
    metrics = reference_metrics("\n".join(HYP), "\n".join(REF))
    for name, value in _expected(HYP, REF).items():
        assert metrics[name]["score"] == pytest.approx(value, abs=1e-4)
        assert "version:" in metrics[name]["signature"]
    assert metrics["chrF++"]["signature"] != metrics["chrF"]["signature"]


def test_corpus_metrics_equal_sacrebleu(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    records = [{"id": "a", "text": "\n".join(HYP), "reference": "\n".join(REF)},
               {"id": "b", "text": "\n".join(HYP2), "reference": "\n".join(REF2)}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run_check([str(corpus)], "json", select=["MT8"])
    report = json.loads(capsys.readouterr().out)
    summary = report["summary"]["metrics"]
    for name, value in _expected(HYP + HYP2, REF + REF2).items():
        assert summary[name]["score"] == pytest.approx(value, abs=1e-4)
    # never mixed into the MQM score: the same findings give the same score with or without a reference
    assert report["documents"][0]["score"] == 100.0
    run_check([str(corpus)], "text", select=["MT8"])
    assert "corpus BLEU" in capsys.readouterr().out


def test_no_reference_no_metrics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.txt"
    path.write_text("The council announced it on Monday.\n", encoding="utf-8")
    run_check([str(path)], "json", select=["MT8"])
    report = json.loads(capsys.readouterr().out)
    assert "metrics" not in report["summary"] and "metrics" not in report["documents"][0]

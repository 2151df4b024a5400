"""The project's own annotated cases (``fixtures/cases/*.jsonl``, the dev-set format of
``shared/eval/evaluate.py``): every annotated artifact must be found by a finding of its category
overlapping its span, and clean cases must raise nothing. An artifact marked ``"known_miss": true``
is a documented limitation: it is measured (and must stay missed, so the mark is kept honest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.engine import check_document
from mtcheck.model import Document

CASES = sorted((Path(__file__).parent.parent / "fixtures" / "cases").glob("*.jsonl"))
TOLERANCE = 2


def _cases() -> list[tuple[str, dict]]:
    found = []
    for path in CASES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                found.append((f"{path.stem}:{number}:{case['id']}", case))
    return found


def _span(text: str, quote: str, nth: int) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.find(quote, start + 1)
        assert start >= 0, f"quote {quote!r} not in text"
    return start, start + len(quote)


@pytest.mark.parametrize(("name", "case"), _cases(), ids=[name for name, _ in _cases()])
def test_case(name: str, case: dict) -> None:
    document = Document(path="case", id=case["id"], text=case["text"], source=case.get("source"))
    findings = check_document(document).findings
    if case["kind"] == "clean":
        assert not findings, [(f.code, f.text, f.message) for f in findings]
        return
    for artifact in case["artifacts"]:
        start, end = _span(case["text"], artifact["quote"], artifact.get("nth", 0))
        hit = any(
            f.category == artifact["category"]
            and f.start < end + TOLERANCE
            and start - TOLERANCE < max(f.end, f.start + 1)
            for f in findings
        )
        if artifact.get("known_miss"):
            assert not hit, f"{artifact['quote']!r} is found now: drop its known_miss mark"
        else:
            assert hit, (artifact, [(f.category, f.text) for f in findings])

"""Baselines: record today's findings, then report (and fail on) only the new ones.

``mtcheck check docs/ --write-baseline .mtcheck-baseline.json`` records a fingerprint of every
finding; ``mtcheck check docs/ --baseline .mtcheck-baseline.json`` drops the findings that the
baseline knows and scores each document on the new ones only.

A fingerprint does not contain line numbers or offsets, so it survives the text moving: it is a hash
of the rule's code, the flagged span and the sentence holding it, both normalised (case folded,
whitespace collapsed), kept per document (its path, plus the record id in a corpus). When the same
rule flags the same span in the same sentence text more than once in a document, the occurrences are
counted: a baseline with two of them lets two through, and the third is new. Adding a paragraph above
an old finding therefore leaves it known, and a genuinely new finding in the new paragraph is new.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from mtcheck.model import DocumentResult, Finding

FORMAT_VERSION = 1
_SPACE = re.compile(r"\s+")


class BaselineError(Exception):
    pass


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def document_key(result: DocumentResult) -> str:
    document = result.document
    path = document.path.replace("\\", "/")
    return path if document.id == document.path else f"{path}#{document.id}"


def sentence_text(result: DocumentResult, finding: Finding) -> str:
    if finding.sentence is not None and 0 <= finding.sentence < len(result.sentences):
        return result.sentences[finding.sentence].text
    text = result.document.text
    start = text.rfind("\n", 0, finding.start) + 1
    end = text.find("\n", finding.end)
    return text[start:len(text) if end < 0 else end]


def fingerprint(result: DocumentResult, finding: Finding) -> str:
    material = "\x1f".join((finding.code, _normalise(finding.text), _normalise(sentence_text(result, finding))))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:20]


def fingerprints(result: DocumentResult) -> list[str]:
    return [fingerprint(result, finding) for finding in result.findings]


class BaselineWriter:
    """Collects the fingerprints of a run and writes them as a baseline file."""

    def __init__(self) -> None:
        self.documents: dict[str, dict[str, int]] = {}

    def add(self, result: DocumentResult) -> None:
        if not result.findings:
            return
        known = self.documents.setdefault(document_key(result), {})
        for value in fingerprints(result):
            known[value] = known.get(value, 0) + 1

    def write(self, path: Path) -> None:
        payload: dict[str, Any] = {
            "mtcheck-baseline": FORMAT_VERSION,
            "documents": {key: dict(sorted(value.items())) for key, value in sorted(self.documents.items())},
        }
        path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


class Baseline:
    def __init__(self, documents: dict[str, dict[str, int]]) -> None:
        self.documents = documents

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise BaselineError(f"{path}: cannot read baseline: {error.strerror}") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise BaselineError(f"{path}: not a baseline file: {error}") from None
        if not isinstance(data, dict) or data.get("mtcheck-baseline") != FORMAT_VERSION:
            raise BaselineError(f"{path}: not an mtcheck baseline (version {FORMAT_VERSION})")
        documents = data.get("documents")
        if not isinstance(documents, dict) or not all(
            isinstance(v, dict) and all(isinstance(n, int) for n in v.values()) for v in documents.values()
        ):
            raise BaselineError(f"{path}: 'documents' must map document keys to fingerprint counts")
        return cls(documents)

    def new_findings(self, result: DocumentResult) -> list[Finding]:
        known = dict(self.documents.get(document_key(result), {}))
        new = []
        for finding, value in zip(result.findings, fingerprints(result), strict=True):
            if known.get(value, 0) > 0:
                known[value] -= 1
            else:
                new.append(finding)
        return new

    def filter(self, result: DocumentResult, settings: Any) -> DocumentResult:
        """The result with only the findings the baseline does not know, re-scored on those."""
        new = self.new_findings(result)
        if len(new) == len(result.findings):
            return result
        from mtcheck.scoring import score

        value, passed = score(new, result.words, settings.score)
        return replace(result, findings=tuple(new), score=value, passed=passed)

"""Baselines: record today's findings, then report (and fail on) only the new ones.

``mtcheck check docs/ --write-baseline .mtcheck-baseline.json`` records a fingerprint of every
finding; ``mtcheck check docs/ --baseline .mtcheck-baseline.json`` drops the findings that the
baseline knows and scores each document on the new ones only.

A fingerprint does not contain line numbers or offsets, so it survives the text moving: it is a hash
of the rule's code, the flagged span and the sentence holding it, both normalised (case folded,
whitespace collapsed), kept per document (its path, plus the record id in a corpus). The path is
normalised (symlinks resolved, relative to the baseline file's folder when possible, ``/``
separators), so ``a.txt``, ``./a.txt``, ``d//../a.txt`` and an absolute path all name one document. When the same
rule flags the same span in the same sentence text more than once in a document, the occurrences are
counted: a baseline with two of them lets two through, and the third is new. Adding a paragraph above
an old finding therefore leaves it known, and a genuinely new finding in the new paragraph is new.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
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


_PSEUDO_PATHS = ("-", "<stdin>", "<text>", "")


def normalise_path(path: str, base: str | Path | None = None) -> str:
    """``path`` resolved and made relative to the folder ``base`` when possible, with ``/`` separators."""
    if path in _PSEUDO_PATHS:
        return path
    resolved = os.path.realpath(path)
    if base is not None:
        with contextlib.suppress(ValueError):  # another drive (Windows): keep it absolute
            resolved = os.path.relpath(resolved, os.path.realpath(base))
    return resolved.replace(os.sep, "/").replace("\\", "/")


def document_key(result: DocumentResult, base: str | Path | None = None) -> str:
    """The baseline key of the result's document: its path (normalised against the folder ``base``)."""
    document = result.document
    path = normalise_path(document.path, base) if base is not None else document.path.replace("\\", "/")
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
        # keyed by (path as given, record id): the key is normalised when the file's folder is known
        self._documents: dict[tuple[str, str | None], dict[str, int]] = {}

    def add(self, result: DocumentResult) -> None:
        if not result.findings:
            return
        document = result.document
        record = None if document.id == document.path else document.id
        known = self._documents.setdefault((document.path, record), {})
        for value in fingerprints(result):
            known[value] = known.get(value, 0) + 1

    def keyed(self, base: str | Path) -> dict[str, dict[str, int]]:
        """The recorded fingerprints keyed by document, paths normalised against the folder ``base``."""
        documents: dict[str, dict[str, int]] = {}
        for (path, record), counts in self._documents.items():
            key = normalise_path(path, base)
            known = documents.setdefault(key if record is None else f"{key}#{record}", {})
            for value, count in counts.items():
                known[value] = known.get(value, 0) + count
        return documents

    def write(self, path: Path) -> None:
        documents = self.keyed(Path(path).absolute().parent)
        payload: dict[str, Any] = {
            "mtcheck-baseline": FORMAT_VERSION,
            "documents": {key: dict(sorted(value.items())) for key, value in sorted(documents.items())},
        }
        path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


class Baseline:
    def __init__(self, documents: dict[str, dict[str, int]], base: str | Path | None = None) -> None:
        self.documents = documents
        self.base = base  # the baseline file's folder: keys are paths relative to it

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
        return cls(documents, Path(path).absolute().parent)

    def new_findings(self, result: DocumentResult) -> list[Finding]:
        key = document_key(result, self.base) if self.base is not None else document_key(result)
        if key not in self.documents:  # a baseline written before keys were normalised
            key = document_key(result)
        known = dict(self.documents.get(key, {}))
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

from __future__ import annotations

import io
from typing import Any

import pytest

from mtcheck.engine import Settings, check_document
from mtcheck.model import Document, DocumentResult, Finding
from mtcheck.rules import select_rules


def run(text: str, select: list[str] | None = None, source: str | None = None, path: str = "t.txt") -> list[Finding]:
    """Findings of the rules picked by ``select`` (default: all default rules) on ``text``."""
    settings = Settings(rules=select_rules(select)) if select else Settings()
    document = Document(path=path, id=path, text=text, source=source)
    return list(check_document(document, settings).findings)


def render(fmt: str, *results: DocumentResult, options: dict[str, Any] | None = None) -> str:
    """What reporter ``fmt`` writes for ``results`` (a summary built as the CLI builds it)."""
    from mtcheck.reporters import RunInfo, Summary, get_reporter

    stream = io.StringIO()
    reporter = get_reporter(fmt)(stream, RunInfo(version="0", signature="sig", options=options or {}))
    summary = Summary()
    for result in results:
        summary.add(result)
        reporter.document(result)
    reporter.finish(summary)
    return stream.getvalue()


def flags(text: str, code: str, path: str = "t.txt") -> list[str]:
    """The spans that rule ``code`` flags in ``text``."""
    return [f.text for f in run(text, [code], path=path) if f.code == code]


def flags_markup(text: str, select: str, path: str) -> list[str]:
    """Findings on an .html or .md document, with its markup blanked as the input readers do."""
    from mtcheck.inputs.markup import mask_html, mask_markdown

    masked = mask_html(text) if path.endswith(".html") else mask_markdown(text)
    document = Document(path=path, id=path, text=text, check_text=masked)
    return [f.text for f in check_document(document, Settings(rules=select_rules([select]))).findings]


def flagged(text: str, select: list[str] | None = None, source: str | None = None) -> list[str]:
    return [finding.text for finding in run(text, select, source)]


@pytest.fixture
def check() -> object:
    return run

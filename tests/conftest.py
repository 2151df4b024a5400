from __future__ import annotations

import pytest

from mtcheck.engine import Settings, check_document
from mtcheck.model import Document, Finding
from mtcheck.rules import select_rules


def run(text: str, select: list[str] | None = None, source: str | None = None, path: str = "t.txt") -> list[Finding]:
    """Findings of the rules picked by ``select`` (default: all default rules) on ``text``."""
    settings = Settings(rules=select_rules(select)) if select else Settings()
    document = Document(path=path, id=path, text=text, source=source)
    return list(check_document(document, settings).findings)


def flagged(text: str, select: list[str] | None = None, source: str | None = None) -> list[str]:
    return [finding.text for finding in run(text, select, source)]


@pytest.fixture
def check() -> object:
    return run

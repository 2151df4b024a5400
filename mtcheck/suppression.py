"""Filtering findings: the user's vocabulary, per-document suppressions and per-file ignores."""

from __future__ import annotations

import fnmatch
from typing import TYPE_CHECKING

from mtcheck.model import Document, Finding

if TYPE_CHECKING:
    from mtcheck.engine import Settings
    from mtcheck.rules import Context


def _selected(finding: Finding, selectors: tuple[str, ...] | list[str]) -> bool:
    from mtcheck.rules import get_rule, matches

    rule = get_rule(finding.code)
    return rule is not None and any(matches(rule, selector) for selector in selectors)


def apply_suppressions(
    document: Document, findings: list[Finding], settings: Settings, ctx: Context
) -> list[Finding]:
    kept = []
    ignored_here: list[str] = []
    for pattern, selectors in settings.per_file_ignores:
        if fnmatch.fnmatch(document.path, pattern):
            ignored_here.extend(selectors)
    for finding in findings:
        if finding.text.strip().lower() in settings.accept:
            continue
        if document.suppress and _selected(finding, document.suppress):
            continue
        if ignored_here and _selected(finding, ignored_here):
            continue
        kept.append(finding)
    return kept

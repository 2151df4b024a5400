"""Small helpers shared by the reporters."""

from __future__ import annotations

from typing import Any

from mtcheck.model import Document, DocumentResult, Finding, Severity


def label(document: Document) -> str:
    """``path`` for a plain document, ``path[id]`` for a corpus record."""
    return document.path if document.id == document.path else f"{document.path}[{document.id}]"


def is_record(document: Document) -> bool:
    return document.id != document.path


def rule_index(rules: tuple[Any, ...]) -> dict[str, Any]:
    """The run's rules by code; every rule when the run did not say which (library use)."""
    if not rules:
        from mtcheck.rules import all_rules

        rules = all_rules()
    return {rule.code: rule for rule in rules}


def counts(findings: tuple[Finding, ...] | list[Finding], key: str) -> dict[str, int]:
    result: dict[str, int] = {}
    for finding in findings:
        value = finding.severity.label if key == "severity" else str(getattr(finding, key))
        result[value] = result.get(value, 0) + 1
    return result


def extra(finding: Finding, key: str) -> Any:
    for name, value in finding.extra:
        if name == key:
            return value
    return None


def worst_severity(result: DocumentResult) -> Severity | None:
    return max((finding.severity for finding in result.findings), default=None)

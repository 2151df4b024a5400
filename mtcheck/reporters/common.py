"""Small helpers shared by the reporters."""

from __future__ import annotations

from typing import Any

from mtcheck.model import Document, DocumentResult, Finding, Severity


def label(document: Document) -> str:
    """``path`` for a plain document, ``path[id]`` for a corpus record."""
    return document.path if document.id == document.path else f"{document.path}[{document.id}]"


def is_record(document: Document) -> bool:
    """A corpus record (or a document given an id of its own) rather than a whole file."""
    return document.line_offset > 0 or document.id != document.path


def record_line(result: DocumentResult, finding: Finding) -> int | None:
    """Where the finding's own line and column are not a position in its input file, the line that is:
    in a translator file the finding's line in its unit's target, for a corpus record the record's
    line. None where they are (a plain document)."""
    unit_line = extra(finding, "unit_line")
    if unit_line is not None:
        return int(unit_line)
    if is_record(result.document):
        return max(1, result.document.line_offset)
    return None


def file_line(result: DocumentResult, finding: Finding) -> int:
    """The finding's line in its input file."""
    line = record_line(result, finding)
    return finding.line if line is None else line


def position(finding: Finding) -> str:
    """``line:column``; in a translator file ``line [unit id]`` (the unit's line in the file, where the
    reader knows it)."""
    unit = extra(finding, "unit")
    if unit is None:
        return f"{finding.line}:{finding.column}"
    unit_line = extra(finding, "unit_line")
    if unit_line is None:
        return f"{finding.line}:{finding.column} [unit {unit}]"
    return f"{unit_line} [unit {unit}]"


def where(result: DocumentResult, finding: Finding) -> str:
    """``path:line:column`` (``path[id]:line:column`` for a corpus record, inside its text), or
    ``path:line [unit id]`` in a translator file: what a person looks for."""
    return f"{label(result.document)}:{position(finding)}"


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

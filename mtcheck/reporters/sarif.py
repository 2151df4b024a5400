"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

The rules' metadata (``tool.driver.rules``) comes from the rule declarations of the run; each result
carries the rule id and index, a level (minor → ``note``, major → ``warning``, critical → ``error``),
the message (with the suggestion), and a region with start and end line and column and the character
offset and length of the span (columns and offsets count Unicode code points: ``columnKind`` is
``unicodeCodePoints``). The artifact is the document's path; for a corpus record, the record id is a
logical location and a property; the region is then the record's line in the corpus file (where
GitHub code scanning draws it), and ``properties.recordRegion`` holds the span's region inside the
record's ``text`` (as the JSON output counts it). A bilingual file's (XLIFF, TMX, PO) findings point
at the finding's line in their unit's target the same way, with the unit id in ``properties.unit`` and
``properties.recordRegion`` counted inside the unit's target.
``partialFingerprints`` hold the baseline fingerprint, which survives lines moving.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from mtcheck.model import DocumentResult, Finding, LineIndex, Severity
from mtcheck.reporters import RunInfo, Summary
from mtcheck.reporters.common import extra, is_record, record_line, rule_index

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/mtcheck/mtcheck"
LEVELS = {Severity.MINOR: "note", Severity.MAJOR: "warning", Severity.CRITICAL: "error"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (forward slashes, percent-encoded)."""
    if path in ("-", "<stdin>"):
        return "stdin"
    posix = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(PurePosixPath(posix).as_posix())
    return quote(posix.removeprefix("./"))


def rule_descriptor(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": rule.doc(), "markdown": rule.doc()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "category": rule.category,
            "severity": rule.severity.label,
            "tags": ["mt-artifact", rule.category],
            "needsSource": rule.needs_source,
        },
    }


def _region(finding: Finding, text: str, unit_start: int | None = None) -> dict[str, Any]:
    """The finding's region in the document's text, or counted inside the unit's target that starts
    at ``unit_start``."""
    if unit_start is None:
        base, start, end = 0, (finding.line, finding.column), (finding.end_line, finding.end_column)
    else:
        base, index = unit_start, LineIndex(text[unit_start:finding.end])
        start, end = index.position(finding.start - base), index.position(finding.end - base)
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1],
            "charOffset": finding.start - base, "charLength": finding.end - finding.start,
            "snippet": {"text": finding.text}}


class SarifReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info
        self.rules = rule_index(info.rules)
        self.order = {code: index for index, code in enumerate(self.rules)}
        self.results: list[dict[str, Any]] = []
        self.artifacts: dict[str, int] = {}

    def _result(self, result: DocumentResult, finding: Finding, fingerprint: str) -> dict[str, Any]:
        document = result.document
        uri = artifact_uri(document.path)
        index = self.artifacts.setdefault(uri, len(self.artifacts))
        message = finding.message.rstrip(".") + "."
        if finding.suggestion:
            message += f" Suggestion: {finding.suggestion}"
        region = _region(finding, document.text)
        record, unit_offset = is_record(document), extra(finding, "unit_offset")
        record_region = None
        line = record_line(result, finding)
        if line is not None:
            # Positions inside a record's text (JSON escapes, CSV quoting) or a translator file's joined
            # targets are not positions in the file: the physical region is the record's line or the
            # finding's line in the unit's target, and the span in the record's text (or the unit's
            # target) is ``properties.recordRegion``.
            record_region = region if unit_offset is None else _region(
                finding, document.text, finding.start - int(unit_offset))
            region = {"startLine": line, "endLine": line}
        location: dict[str, Any] = {
            "physicalLocation": {"artifactLocation": {"uri": uri, "index": index}, "region": region}
        }
        properties: dict[str, Any] = {
            "category": finding.category,
            "severity": finding.severity.label,
            "documentScore": result.score,
            "documentPassed": result.passed,
        }
        if finding.suggestion:
            properties["suggestion"] = finding.suggestion
        if finding.confidence is not None:
            properties["confidence"] = round(finding.confidence, 3)
        source_text = extra(finding, "source_text")
        if source_text:
            properties["sourceText"] = source_text
        if record_region is not None:
            properties["recordRegion"] = record_region
        if record:
            properties["documentId"] = document.id
            properties["recordLine"] = document.line_offset
            location["logicalLocations"] = [
                {"name": document.id, "fullyQualifiedName": f"{document.path}#{document.id}", "kind": "object"}
            ]
        unit = extra(finding, "unit")
        if unit is not None:
            properties["unit"] = unit
            location["logicalLocations"] = [
                {"name": str(unit), "fullyQualifiedName": f"{document.path}#{unit}", "kind": "object"}
            ]
        sarif: dict[str, Any] = {
            "ruleId": finding.code,
            "level": LEVELS[finding.severity],
            "message": {"text": message},
            "locations": [location],
            "partialFingerprints": {"mtcheckFingerprint/v1": fingerprint},
            "properties": properties,
        }
        if finding.code in self.order:
            sarif["ruleIndex"] = self.order[finding.code]
        return sarif

    def document(self, result: DocumentResult) -> None:
        from mtcheck.baseline import fingerprints

        for finding, fingerprint in zip(result.findings, fingerprints(result), strict=True):
            self.results.append(self._result(result, finding, fingerprint))

    def finish(self, summary: Summary) -> None:
        notifications = [
            {
                "level": "error",
                "message": {"text": error.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": artifact_uri(error.path)},
                            **({"region": {"startLine": error.line}} if error.line else {}),
                        }
                    }
                ],
            }
            for error in summary.errors
        ]
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "mtcheck",
                            "version": self.info.version,
                            "semanticVersion": self.info.version,
                            "informationUri": INFORMATION_URI,
                            "rules": [rule_descriptor(rule) for rule in self.rules.values()],
                        }
                    },
                    "invocations": [
                        {"executionSuccessful": not summary.errors, "toolExecutionNotifications": notifications}
                    ],
                    "columnKind": "unicodeCodePoints",
                    "artifacts": [{"location": {"uri": uri}} for uri in self.artifacts],
                    "results": self.results,
                    "properties": {"signature": self.info.signature, "summary": summary.to_dict()},
                }
            ],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")

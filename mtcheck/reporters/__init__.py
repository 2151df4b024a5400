"""Reporters, looked up by name and imported only when chosen.

A reporter receives the run's :class:`RunInfo` once, each :class:`DocumentResult` as soon as it is
ready, and the :class:`Summary` at the end. Streaming formats write as they go; the others collect.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

from mtcheck.model import DocumentResult, InputError

# format name -> "module:Class" under mtcheck.reporters
FORMATS: dict[str, str] = {
    "text": "text:TextReporter",
    "json": "json_report:JsonReporter",
    "jsonl": "jsonl:JsonlReporter",
    "sarif": "sarif:SarifReporter",
    "junit": "junit:JunitReporter",
    "github": "github:GithubReporter",
    "csv": "csv_report:CsvReporter",
    "markdown": "markdown:MarkdownReporter",
    "html": "html:HtmlReporter",
}


@dataclass
class RunInfo:
    version: str
    signature: str
    rules: tuple[Any, ...] = ()  # the selected Rule declarations
    color: bool = False
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Summary:
    documents: int = 0
    failed: int = 0
    findings: int = 0
    errors: list[InputError] = field(default_factory=list)
    by_severity: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    by_rule: dict[str, int] = field(default_factory=dict)
    words: int = 0
    metrics: dict[str, Any] = field(default_factory=dict)
    corpus: Any = None  # mtcheck.metrics.CorpusMetrics, once a document with a reference was seen

    def add(self, result: DocumentResult) -> None:
        if result.document.reference:
            from mtcheck.metrics import CorpusMetrics

            self.corpus = self.corpus or CorpusMetrics()
            self.corpus.add(result.document.text, result.document.reference)
        self.documents += 1
        self.failed += not result.passed
        self.words += result.words
        for finding in result.findings:
            self.findings += 1
            self.by_severity[finding.severity.label] = self.by_severity.get(finding.severity.label, 0) + 1
            self.by_category[finding.category] = self.by_category.get(finding.category, 0) + 1
            self.by_rule[finding.code] = self.by_rule.get(finding.code, 0) + 1

    def finish_metrics(self) -> None:
        """The run's corpus-level reference metrics (sacrebleu corpus_score over every document)."""
        if self.corpus is not None:
            self.metrics = self.corpus.result()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"documents": self.documents, "failed": self.failed, "findings": self.findings}
        data["errors"] = len(self.errors)
        data["words"] = self.words
        data["by_severity"] = dict(sorted(self.by_severity.items()))
        data["by_category"] = dict(sorted(self.by_category.items()))
        if self.metrics:
            data["metrics"] = self.metrics
        return data


class Reporter(Protocol):
    """A report format. A reporter that reads ``result.sentences`` says so with a class attribute
    ``needs_sentences = True``; for the others they are left out (workers need not send them)."""

    def __init__(self, stream: TextIO, info: RunInfo) -> None: ...

    def document(self, result: DocumentResult) -> None: ...

    def finish(self, summary: Summary) -> None: ...


def get_reporter(name: str) -> type[Reporter]:
    try:
        module_name, class_name = FORMATS[name].split(":")
    except KeyError:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})") from None
    module = importlib.import_module(f"mtcheck.reporters.{module_name}")
    reporter: type[Reporter] = getattr(module, class_name)
    return reporter

"""``--format markdown``: a summary fit for a pull-request comment.

A verdict line, a table of the documents (worst first; at most 50 rows), the counts per category and
per rule, and the first findings in a collapsed ``<details>`` block. Text from the articles is escaped
for GitHub-flavoured Markdown (pipes, backticks, angle brackets).
"""

from __future__ import annotations

from typing import TextIO

from mtcheck.model import DocumentResult
from mtcheck.reporters import RunInfo, Summary
from mtcheck.reporters.common import counts, label, position

MAX_DOCUMENTS = 50
MAX_FINDINGS = 100


def cell(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    for char, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"), ("`", "\\`"),
                          ("*", "\\*"), ("_", "\\_"), ("[", "\\["), ("]", "\\]")):
        text = text.replace(char, escaped)
    return text


class MarkdownReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info
        self.results: list[DocumentResult] = []
        self.names = {rule.code: rule.name for rule in info.rules}

    def document(self, result: DocumentResult) -> None:
        # the text itself is not needed: keep only what the tables use
        self.results.append(result)

    def finish(self, summary: Summary) -> None:
        write = self.stream.write
        verdict = "✅ all documents pass" if not summary.failed else f"❌ {summary.failed} of {summary.documents} " \
            "documents fail"
        write("## mtcheck report\n\n")
        write(f"{verdict} · {summary.documents} documents · {summary.words:,} words · "
              f"{summary.findings} findings")
        if summary.errors:
            write(f" · {len(summary.errors)} input errors")
        write("\n\n")
        if self.results:
            write("| document | words | score | result | critical | major | minor |\n")
            write("|---|---:|---:|---|---:|---:|---:|\n")
            ordered = sorted(self.results, key=lambda r: (r.passed, r.score, label(r.document)))
            for result in ordered[:MAX_DOCUMENTS]:
                by = counts(result.findings, "severity")
                write(f"| {cell(label(result.document))} | {result.words} | {result.score:.1f} | "
                      f"{'pass' if result.passed else '**fail**'} | {by.get('critical', 0)} | "
                      f"{by.get('major', 0)} | {by.get('minor', 0)} |\n")
            if len(ordered) > MAX_DOCUMENTS:
                write(f"\n…and {len(ordered) - MAX_DOCUMENTS} more documents.\n")
            write("\n")
        if summary.by_category:
            write("| category | findings |\n|---|---:|\n")
            for category, number in sorted(summary.by_category.items(), key=lambda item: (-item[1], item[0])):
                write(f"| {category} | {number} |\n")
            write("\n| rule | name | findings |\n|---|---|---:|\n")
            for code, number in sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0])):
                write(f"| {code} | {self.names.get(code, '')} | {number} |\n")
            write("\n")
        findings = [(r, f) for r in self.results for f in r.findings]
        if findings:
            findings.sort(key=lambda pair: (-pair[1].severity, label(pair[0].document), pair[1].start))
            write(f"<details><summary>Findings ({len(findings)})</summary>\n\n")
            write("| where | rule | severity | text | message |\n|---|---|---|---|---|\n")
            for result, finding in findings[:MAX_FINDINGS]:
                write(f"| {cell(label(result.document), 60)}:{cell(position(finding))} | {finding.code} | "
                      f"{finding.severity.label} | {cell(finding.text, 60)} | {cell(finding.message)} |\n")
            if len(findings) > MAX_FINDINGS:
                write(f"\n…and {len(findings) - MAX_FINDINGS} more.\n")
            write("\n</details>\n")
        for error in summary.errors:
            where = f"{error.path}:{error.line}" if error.line else error.path
            write(f"\n> input error: {cell(where)}: {cell(error.message)}\n")
        write(f"\n<sub>{cell(self.info.signature, 300)}</sub>\n")


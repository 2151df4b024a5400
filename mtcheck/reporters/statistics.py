"""``mtcheck check --statistics``: counts per rule and per category instead of the findings.

With ``--format text`` a table (count, code, name, category, then the categories); with
``--format json`` an object ``{"rules": [...], "categories": {...}, "summary": {...}}``.
"""

from __future__ import annotations

import json
from typing import TextIO

from mtcheck.model import DocumentResult
from mtcheck.reporters import RunInfo, Summary
from mtcheck.reporters.common import rule_index


class StatisticsReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info

    def document(self, result: DocumentResult) -> None:
        """Counting is done by the summary."""

    def finish(self, summary: Summary) -> None:
        rules = rule_index(self.info.rules)
        by_rule = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0]))
        by_category = sorted(summary.by_category.items(), key=lambda item: (-item[1], item[0]))
        if self.info.options.get("format") == "json":
            payload = {
                "rules": [
                    {"code": code, "name": getattr(rules.get(code), "name", ""),
                     "category": getattr(rules.get(code), "category", ""), "count": count}
                    for code, count in by_rule
                ],
                "categories": dict(by_category),
                "summary": summary.to_dict(),
            }
            self.stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            return
        write = self.stream.write
        width = max([len(str(count)) for _, count in by_rule] + [5])
        for code, count in by_rule:
            rule = rules.get(code)
            name = rule.name if rule else ""
            category = rule.category if rule else ""
            write(f"{count:>{width}}  {code}  {name:<34} {category}\n")
        if by_category:
            write("\n")
        for category, count in by_category:
            write(f"{count:>{width}}  {category}\n")
        write(
            f"\n{summary.findings} findings in {summary.documents} documents ({summary.failed} failed, "
            f"{summary.words:,} words)\n"
        )

"""``--format junit``: JUnit XML for CI test reports.

One ``<testsuite>`` per document (named by its path, or ``path[id]`` for a corpus record, with the
score and verdict as properties); one failing ``<testcase>`` per finding (its name says the code,
rule and position; the ``<failure>`` holds the message, the flagged text and the suggestion); a
document without findings gets one passing test case. Suites are written as each document is checked.
Characters that XML 1.0 cannot hold (control characters) are replaced by U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from mtcheck.model import DocumentResult
from mtcheck.reporters import RunInfo, Summary
from mtcheck.reporters.common import file_line, label, position, where

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


class JunitReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info
        stream.write('<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="mtcheck">\n')

    def document(self, result: DocumentResult) -> None:
        name = xml_safe(label(result.document))
        failures = len(result.findings)
        suite = ET.Element(
            "testsuite",
            name=name,
            tests=str(max(1, failures)),
            failures=str(failures),
            errors="0",
            skipped="0",
            time="0",
        )
        properties = ET.SubElement(suite, "properties")
        for key, value in (("score", f"{result.score:g}"), ("passed", str(result.passed).lower()),
                           ("words", str(result.words)), ("signature", self.info.signature)):
            ET.SubElement(properties, "property", name=key, value=value)
        if not result.findings:
            ET.SubElement(suite, "testcase", classname=name, name="no machine-translation artifacts", time="0")
        for finding in result.findings:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=name,
                name=xml_safe(f"{finding.code} {finding.name} at {position(finding)}"),
                file=xml_safe(result.document.path),
                line=str(file_line(result, finding)),  # a line of the file, where CI tools annotate
                time="0",
            )
            body = [f"{where(result, finding)}: {finding.message}",
                    f"text: {finding.text}"]
            if finding.suggestion:
                body.append(f"suggestion: {finding.suggestion}")
            failure = ET.SubElement(
                case,
                "failure",
                message=xml_safe(f"[{finding.severity.label}] {finding.message}"),
                type=f"{finding.code} {finding.category}",
            )
            failure.text = xml_safe("\n".join(body))
        ET.indent(suite, space="  ", level=1)
        self.stream.write("  " + ET.tostring(suite, encoding="unicode") + "\n")

    def finish(self, summary: Summary) -> None:
        self.stream.write("</testsuites>\n")

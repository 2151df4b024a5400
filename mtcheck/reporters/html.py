"""``--format html``: the spot report, one self-contained HTML file a translator opens in a browser.

For each article: its text with the findings highlighted in the colour of their category (minor
dashed, critical bold); hovering or focusing a highlight (each is keyboard-focusable) shows the
rule, message, suggestion and, when the finding carries one (``source_text``), the Lithuanian source
sentence; the whole Lithuanian source beside the text when the document has one; the score, the
verdict and the counts per category; a numbered list of the findings below. For a corpus an overview
comes first: the documents worst first, counts per category and an inline SVG chart of the score
distribution.

Safety: every piece of text that comes from an article (text, source, paths, ids, messages) goes
through :func:`html.escape`, so an article that contains ``<script>`` shows the text and runs
nothing. As a second wall, the page's Content-Security-Policy allows only the report's own inline
script (by its SHA-256 hash) and loads nothing from anywhere. The CSS and the (optional) script are
inlined from ``html.css`` and ``html.js`` beside this module.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
from functools import lru_cache
from importlib import resources
from typing import TextIO

from mtcheck.model import CATEGORIES, DocumentResult, Finding
from mtcheck.reporters import RunInfo, Summary
from mtcheck.reporters.common import counts, extra, label, position

BINS = 10  # score histogram: 0-10, 10-20, ..., 90-100


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    folder = resources.files("mtcheck.reporters")
    return folder.joinpath("html.css").read_text(encoding="utf-8"), folder.joinpath("html.js").read_text(
        encoding="utf-8"
    )


def _tip(finding: Finding) -> str:
    lines = [f"{finding.code} {finding.name} · {finding.severity.label} · {finding.category}", finding.message]
    if finding.suggestion:
        lines.append(f"Suggestion: {finding.suggestion}")
    source_text = extra(finding, "source_text")
    if source_text:
        lines.append(f"LT: {source_text}")
    return "\n".join(lines)


def highlight(
    text: str, findings: tuple[Finding, ...] | list[Finding], prefix: str, first_marks: dict[int, str] | None = None
) -> str:
    """``text`` escaped, with each stretch covered by findings wrapped in a focusable ``<mark>``.

    Overlapping findings split the text into segments; a segment covered by several findings takes the
    colour of the most severe and lists all of them in its tooltip. An empty span is a caret mark.
    ``first_marks`` receives, for each finding's index, the id of its first mark.
    """
    first_marks = {} if first_marks is None else first_marks
    points = {0, len(text)}
    for finding in findings:
        points.update((finding.start, finding.end))
    ordered = sorted(points)
    empty: dict[int, list[int]] = {}
    for number, finding in enumerate(findings):
        if finding.start == finding.end:
            empty.setdefault(finding.start, []).append(number)
    out: list[str] = []
    mark_number = 0

    def mark(covering: list[int], inner: str) -> str:
        nonlocal mark_number
        chosen = max(covering, key=lambda n: (findings[n].severity, -n))
        top = findings[chosen]
        tip = "\n\n".join(_tip(findings[n]) for n in covering)
        described = " ".join(f"{prefix}-f{n}" for n in covering)
        mark_id = f"{prefix}-m{mark_number}"
        mark_number += 1
        for n in covering:
            first_marks.setdefault(n, mark_id)
        classes = f"f c-{top.category} sev-{top.severity.label}" + (" empty" if not inner else "")
        codes = " ".join(findings[n].code for n in covering)
        return (
            f'<mark class="{esc(classes)}" id="{mark_id}" tabindex="0" data-codes="{esc(codes)}" '
            f'data-tip="{esc(tip)}" aria-describedby="{esc(described)}">{inner}</mark>'
        )

    for left, right in itertools.pairwise(ordered):
        if left in empty:
            out.append(mark(empty.pop(left), ""))
        covering = [n for n, f in enumerate(findings) if f.start <= left and right <= f.end and f.start < f.end]
        piece = esc(text[left:right])
        out.append(mark(covering, piece) if covering else piece)
    for offset in sorted(empty):
        out.append(mark(empty[offset], ""))
    return "".join(out)


def _chips(by_category: dict[str, int], toggle: bool = False) -> str:
    chips = []
    for category in CATEGORIES:
        if category not in by_category:
            continue
        attrs = f' data-cat="{category}" role="button" aria-pressed="true" tabindex="0"' if toggle else ""
        chips.append(
            f'<span class="chip c-{category}{" toggle" if toggle else ""}"{attrs}><span class="sw"></span>'
            f"{category} <b>{by_category[category]}</b></span>"
        )
    return f'<div class="chips">{"".join(chips)}</div>' if chips else ""


def score_chart(scores: list[float], threshold: float | None = None) -> str:
    """An inline SVG histogram of the scores (ten bins of ten points)."""
    bins = [0] * BINS
    for value in scores:
        bins[min(BINS - 1, int(value // (100 / BINS)))] += 1
    width, height, left, bottom, top = 420, 180, 34, 28, 12
    bar_width = (width - left - 8) / BINS
    peak = max(bins) or 1
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'xmlns="http://www.w3.org/2000/svg" aria-labelledby="chart-title">',
        f'<title id="chart-title">Score distribution of {len(scores)} documents</title>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}" stroke="#adb5bd"/>',
    ]
    for index, number in enumerate(bins):
        bar = (height - bottom - top) * number / peak
        x = left + index * bar_width
        low = threshold is not None and (index + 1) * (100 / BINS) <= threshold
        parts.append(
            f'<rect class="bar{" low" if low else ""}" x="{x + 2:.1f}" y="{height - bottom - bar:.1f}" '
            f'width="{bar_width - 4:.1f}" height="{bar:.1f}"><title>{index * 10}-{index * 10 + 10}: '
            f"{number} documents</title></rect>"
        )
        if number:
            parts.append(f'<text x="{x + bar_width / 2:.1f}" y="{height - bottom - bar - 3:.1f}" '
                         f'text-anchor="middle">{number}</text>')
        parts.append(f'<text x="{x + bar_width / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle">'
                     f"{index * 10}</text>")
    parts.append(f'<text x="{width - 4}" y="{height - 2}" text-anchor="end">score</text>')
    parts.append(f'<text x="2" y="{top + 4}">docs</text></svg>')
    return "".join(parts)


class HtmlReporter:
    def __init__(self, stream: TextIO, info: RunInfo) -> None:
        self.stream = stream
        self.info = info
        self.articles: list[tuple[DocumentResult, str]] = []
        self.threshold = info.options.get("threshold")

    def document(self, result: DocumentResult) -> None:
        # rendered at once: only the HTML fragment and the result are kept
        self.articles.append((result, self._article(result, len(self.articles))))

    def _article(self, result: DocumentResult, number: int) -> str:
        document = result.document
        prefix = f"d{number}"
        verdict = "pass" if result.passed else "fail"
        by_category = counts(result.findings, "category")
        source = document.source
        first_marks: dict[int, str] = {}
        parts = [
            f'<article class="doc" id="{prefix}" aria-labelledby="{prefix}-h">',
            f'<h2 id="{prefix}-h">{esc(label(document))}</h2>',
            f'<div><span class="score">{result.score:.1f}</span> <span class="verdict {verdict}">{verdict}</span> '
            f'<span class="muted">· {result.words} words · {len(result.findings)} findings</span></div>',
            _chips(by_category),
            f'<div class="cols{" bilingual" if source else ""}">',
            f'<div class="text" lang="en">{highlight(document.text, result.findings, prefix, first_marks)}</div>',
        ]
        if source:
            parts.append(
                f'<div><div class="source-label">Lithuanian source</div><div class="source" lang="lt">'
                f"{esc(source)}</div></div>"
            )
        parts.append("</div>")
        if result.findings:
            parts.append('<ol class="findings">')
            for index, finding in enumerate(result.findings):
                item = (
                    f'<li id="{prefix}-f{index}" class="c-{finding.category}"><span class="sw"></span> '
                    f'<a href="#{prefix}" data-mark="{first_marks.get(index, "")}" class="code">{finding.code}</a> '
                    f"{esc(finding.name)} <span class=\"muted\">[{finding.severity.label}, "
                    f"{esc(position(finding))}]</span> “{esc(finding.text)}”: {esc(finding.message)}"
                )
                if finding.suggestion:
                    item += f' <span class="sugg">→ {esc(finding.suggestion)}</span>'
                source_text = extra(finding, "source_text")
                if source_text:
                    item += f'<span class="lt" lang="lt">LT: {esc(source_text)}</span>'
                parts.append(item + "</li>")
            parts.append("</ol>")
        parts.append("</article>")
        return "\n".join(parts)

    def _overview(self, summary: Summary) -> str:
        results = [result for result, _ in self.articles]
        ordered = sorted(enumerate(results), key=lambda pair: (pair[1].passed, pair[1].score, -len(pair[1].findings)))
        rows = []
        for number, result in ordered[:200]:
            by = counts(result.findings, "severity")
            verdict = "pass" if result.passed else "fail"
            rows.append(
                f'<tr><td><a href="#d{number}">{esc(label(result.document))}</a></td>'
                f'<td class="num">{result.score:.1f}</td><td><span class="verdict {verdict}">{verdict}</span></td>'
                f'<td class="num">{by.get("critical", 0)}</td><td class="num">{by.get("major", 0)}</td>'
                f'<td class="num">{by.get("minor", 0)}</td><td class="num">{result.words}</td></tr>'
            )
        more = f'<p class="muted">…and {len(ordered) - 200} more.</p>' if len(ordered) > 200 else ""
        category_rows = "".join(
            f'<tr><td><span class="chip c-{category}"><span class="sw"></span>{category}</span></td>'
            f'<td class="num">{number}</td></tr>'
            for category, number in sorted(summary.by_category.items(), key=lambda item: (-item[1], item[0]))
        )
        return (
            '<section class="overview" id="overview" aria-labelledby="overview-h">'
            '<h2 id="overview-h">Overview</h2><div class="overview-grid"><div>'
            "<h3>Findings per category</h3>"
            f'<table><tbody>{category_rows or "<tr><td>none</td></tr>"}</tbody></table>'
            "<h3>Score distribution</h3>"
            f"{score_chart([r.score for r in results], self.threshold)}"
            "</div><div><h3>Documents, worst first</h3>"
            '<table><thead><tr><th>document</th><th class="num">score</th><th>result</th>'
            '<th class="num">crit.</th><th class="num">major</th><th class="num">minor</th>'
            f'<th class="num">words</th></tr></thead><tbody>{"".join(rows)}</tbody></table>{more}'
            "</div></div></section>"
        )

    def finish(self, summary: Summary) -> None:
        css, js = _assets()
        digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
        csp = (
            f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; "
            "base-uri 'none'; form-action 'none'"
        )
        counts_line = ", ".join(f"{n} {s}" for s, n in sorted(summary.by_severity.items()))
        write = self.stream.write
        write(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<title>mtcheck report</title>\n"
            f"<style>\n{css}</style>\n</head>\n<body>\n"
            '<header class="top"><h1>mtcheck spot report</h1>'
            f'<div>{summary.documents} documents · {summary.words:,} words · {summary.failed} failed · '
            f"{summary.findings} findings{(' (' + esc(counts_line) + ')') if counts_line else ''}"
            f"{' · ' + str(len(summary.errors)) + ' input errors' if summary.errors else ''}</div>"
            f"{_chips(summary.by_category, toggle=True)}"
            '<div class="muted" style="font-size:12px">Hover or focus (Tab, or j / k) a highlight to read the '
            "finding; click a category to hide its highlights.</div>"
            f'<div class="sig">{esc(self.info.signature)}</div></header>\n<main>\n'
        )
        if len(self.articles) > 1:
            write(self._overview(summary) + "\n")
        for error in summary.errors:
            where = f"{error.path}:{error.line}" if error.line else error.path
            write(f'<p class="verdict fail">input error: {esc(where)}: {esc(error.message)}</p>\n')
        for _, fragment in self.articles:
            write(fragment + "\n")
        write(f"</main>\n<script>{js}</script>\n</body>\n</html>\n")

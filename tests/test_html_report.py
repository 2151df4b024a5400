"""The HTML spot report: highlights, tooltips, source, overview, escaping; loaded in a real headless Chromium.

The browser test needs Debian's ``chromium`` (``.ci/run`` installs it); where it is missing or cannot
start, that test is skipped with the reason. The screenshot is kept in ``tests/artifacts/report.png``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mtcheck.cli import run_check
from mtcheck.model import Document, DocumentResult
from mtcheck.reporters.html import highlight, score_chart
from mtcheck.rules import get_rule
from mtcheck.rules.base import Context
from tests.conftest import render

ARTIFACTS = Path(__file__).parent / "artifacts"
EVIL = (
    "The the council met on Monday. <script>document.title='pwned';var e=document.createElement('div');"
    "e.id='pwned';document.body.appendChild(e)</script> It was a long meeting."
    "\n<img src=x onerror=\"document.title='pwned2'\"> [ad_1]\n"
)


def _render(*results: DocumentResult) -> str:
    return render("html", *results, options={"threshold": 90})


def _result(text: str, spans: list[tuple[int, int, str]], source: str | None = None,
            extra: dict[str, str] | None = None, doc_id: str = "x.txt") -> DocumentResult:
    document = Document(path="x.txt" if doc_id == "x.txt" else "c.jsonl", id=doc_id, text=text, source=source)
    ctx = Context(document=document, paragraphs=())
    findings = []
    for start, end, code in spans:
        rule = get_rule(code)
        assert rule is not None
        findings.append(ctx.finding(start, end, f"message of {code}", f"fix {code}", rule=rule, **(extra or {})))
    return DocumentResult(document=document, words=20, score=75.0, passed=False, findings=tuple(findings))


class Marks(HTMLParser):
    """Collects the text inside each <mark> (the tooltip lives in an attribute, not in the text)."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.texts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.marks.append(dict(attrs))
            self.texts.append("")
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.texts[-1] += data


def _marks(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


def test_highlights_cover_exactly_the_spans() -> None:
    text = "Alpha beta the the gamma. Delta [ad_1] epsilon."
    start = text.index("the the")
    ad = text.index("[ad_1]")
    page = _render(_result(text, [(start, start + 7, "MT801"), (ad, ad + 6, "MT601")]))
    marks = _marks(page)
    assert marks.texts == ["the the", "[ad_1]"]
    first = marks.marks[0]
    assert first["tabindex"] == "0"
    assert "c-repetition" in (first["class"] or "")
    assert "message of MT801" in (first["data-tip"] or "") and "Suggestion: fix MT801" in (first["data-tip"] or "")
    assert first["aria-describedby"] == "d0-f0"
    assert 'id="d0-f0"' in page and 'id="d0-f1"' in page


def test_overlapping_and_empty_spans() -> None:
    text = "one two three four"
    page = _render(_result(text, [(0, 13, "MT601"), (4, 18, "MT801"), (3, 3, "MT901")]))
    marks = _marks(page)
    assert marks.texts == ["one", "", " ", "two three", " four"]
    both = marks.marks[3]
    assert "MT601" in (both["data-codes"] or "") and "MT801" in (both["data-codes"] or "")
    assert "empty" in (marks.marks[1]["class"] or "")


def test_everything_from_the_article_is_escaped() -> None:
    page = _render(_result(EVIL, [(0, 7, "MT801")], source="<script>alert(1)</script> Tarybos posėdis"))
    assert page.count("<script>") == 1  # the report's own, at the end
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;" in page
    assert "<img" not in page and "&lt;img src=x onerror=" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Tarybos posėdis" in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp and "default-src &#x27;none&#x27;" in csp.group(1) and "sha256-" in csp.group(1)


def test_source_beside_the_text_and_source_sentence_in_the_tooltip() -> None:
    text = "The the mayor spoke."
    result = _result(text, [(0, 7, "MT801")], source="Meras kalbėjo.", extra={"source_text": "Meras kalbėjo."})
    page = _render(result)
    assert 'class="cols bilingual"' in page and '<div class="source" lang="lt">Meras kalbėjo.</div>' in page
    assert "LT: Meras kalbėjo." in (_marks(page).marks[0]["data-tip"] or "")
    assert '<span class="lt" lang="lt">LT: Meras kalbėjo.</span>' in page
    assert 'class="cols"' in _render(_result(text, [(0, 7, "MT801")]))


def test_corpus_overview_worst_first_with_chart() -> None:
    good = DocumentResult(document=Document(path="c.jsonl", id="good", text="Fine."), words=1, score=100.0,
                          passed=True, findings=())
    bad = _result("The the end.", [(0, 7, "MT801")], doc_id="bad")
    page = _render(good, bad)
    assert 'id="overview"' in page and "<svg" in page and "Score distribution of 2 documents" in page
    overview = page[page.index('id="overview"'):page.index("</section>")]
    assert overview.index("c.jsonl[bad]") < overview.index("c.jsonl[good]")
    assert "repetition" in overview
    assert 'id="overview"' not in _render(bad)  # a single article needs no overview


def test_score_chart_bins() -> None:
    svg = score_chart([0.0, 5.0, 95.0, 100.0, 100.0], threshold=90)
    bars = re.findall(r"<title>(\d+)-(\d+): (\d+) documents</title>", svg)
    assert [int(n) for _, _, n in bars] == [2, 0, 0, 0, 0, 0, 0, 0, 0, 3]
    assert svg.count('class="bar low"') == 9


def test_highlight_of_text_without_findings_is_escaped_text() -> None:
    assert highlight("a < b & c", [], "d0") == "a &lt; b &amp; c"


# ---------------------------------------------------------------------------- in a real browser
def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    raise AssertionError  # unreachable


def _browser(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    command = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args,
    ]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"headless Chromium could not run here: {error}")
        raise AssertionError from error  # unreachable


def test_report_in_headless_chromium(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "evil", "text": EVIL, "source": "Taryba posėdžiavo pirmadienį. <script>alert(1)</script>"},
        {"id": "clean", "text": "The government approved the budget on Wednesday.\n"},
        {"id": "split", "text": "More than 10 thousand. people came to the square. The the crowd sang.\n"},
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    report = tmp_path / "report.html"
    assert run_check([str(corpus)], output_format="html", output=report, jobs=1, progress=False) == 1
    url = report.as_uri()
    dumped = _browser(["--dump-dom", url], tmp_path / "profile")
    if dumped.returncode != 0 or "<html" not in dumped.stdout:
        pytest.skip(f"headless Chromium could not load the page: {dumped.stderr.strip()[-300:]}")
    dom = dumped.stdout
    # the article's scripts did not run: the title is the report's, no element was added
    assert "<title>mtcheck report</title>" in dom
    assert 'id="pwned"' not in dom and "pwned2" not in dom.split("</title>")[0]
    # the report's own script did run (its CSP hash is right): it marks the root element
    assert 'data-enhanced="1"' in dom
    marks = _marks(dom)
    assert "the the" in [t.lower() for t in marks.texts] and "[ad_1]" in marks.texts
    assert all(m["tabindex"] == "0" and m["data-tip"] for m in marks.marks)
    assert "Lithuanian source" in dom and "Taryba posėdžiavo" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "report.png"
    screenshot.unlink(missing_ok=True)
    shot = _browser([f"--screenshot={screenshot}", "--window-size=1280,2000", url], tmp_path / "profile2")
    assert screenshot.is_file(), shot.stderr[-500:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000

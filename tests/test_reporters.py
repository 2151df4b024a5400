"""Every output format, validated the way its consumers read it.

SARIF against the official 2.1.0 JSON schema (tests/data), JUnit with an XML parser, GitHub workflow
commands by pattern, CSV read back with pandas, JSON lines line by line, Markdown as a table.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtcheck.cli import run_check
from mtcheck.engine import Settings, check_document
from mtcheck.model import Document, DocumentResult, LineIndex, Severity
from mtcheck.reporters import FORMATS, RunInfo, Summary, get_reporter
from mtcheck.rules import all_rules, get_rule
from mtcheck.rules.base import Context
from tests.conftest import render

DATA = Path(__file__).parent / "data"
ARTICLE_WITH_FINDINGS = "Vilnius, 12 March. The the mayor said the plan was approved.\n[ad_1]\n"
CLEAN = "The government approved the budget on Wednesday.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    records = [
        {"id": "a1", "text": ARTICLE_WITH_FINDINGS},
        {"id": "a2", "text": CLEAN},
        {"id": "a,3", "text": "Prices rose by 10 percent. The the prices of 100% of goods rose:\nagain."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def produce(fmt: str, paths: list[Path], tmp_path: Path) -> tuple[int, str]:
    out = tmp_path / f"report.{fmt}"
    code = run_check([str(p) for p in paths], output_format=fmt, output=out, jobs=1, progress=False)
    return code, out.read_text(encoding="utf-8")


def test_every_contract_format_is_registered() -> None:
    assert {"text", "json", "jsonl", "sarif", "junit", "github", "csv", "markdown", "html"} <= set(FORMATS)
    for name in FORMATS:
        assert get_reporter(name)


# ----------------------------------------------------------------------------------------- SARIF
def test_sarif_is_valid_against_the_official_schema(corpus: Path, tmp_path: Path) -> None:
    code, text = produce("sarif", [corpus], tmp_path)
    assert code == 1
    log = json.loads(text)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules() if r.default_enabled]
    assert run["results"], "expected findings"
    records = [json.loads(line) if line.strip() else None for line in corpus.read_text().splitlines()]
    source = {r["id"]: r["text"] for r in records if r}
    lines = {r["id"]: number for number, r in enumerate(records, 1) if r}
    levels = {"minor": "note", "major": "warning", "critical": "error"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == levels[result["properties"]["severity"]]
        record = result["locations"][0]["logicalLocations"][0]["name"]
        assert result["properties"]["documentId"] == record
        line = lines[record]  # a record's physical region is its line in the corpus file
        assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": line, "endLine": line}
        assert result["properties"]["recordLine"] == line
        region = result["properties"]["recordRegion"]  # the span inside the record's text
        assert set(region) >= {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength"}
        text = source[record]
        span = text[region["charOffset"]:region["charOffset"] + region["charLength"]]
        assert span == region["snippet"]["text"]
        index = LineIndex(text)
        assert index.position(region["charOffset"]) == (region["startLine"], region["startColumn"])
        end = region["charOffset"] + region["charLength"]
        assert index.position(end) == (region["endLine"], region["endColumn"])
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("corpus.jsonl")
    codes = {r["ruleId"] for r in run["results"]}
    assert {"MT801", "MT601"} <= codes


def test_sarif_rule_metadata_comes_from_the_declarations(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(CLEAN, encoding="utf-8")
    code, text = produce("sarif", [article], tmp_path)
    assert code == 0
    run = json.loads(text)["runs"][0]
    assert run["results"] == []
    descriptor = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "MT801")
    rule = get_rule("MT801")
    assert rule is not None
    assert descriptor["name"] == rule.name
    assert descriptor["shortDescription"]["text"] == rule.summary
    assert descriptor["properties"]["category"] == rule.category
    assert descriptor["defaultConfiguration"]["level"] == "warning"


# ----------------------------------------------------------------------------------------- JUnit
def test_junit_one_suite_per_document(corpus: Path, tmp_path: Path) -> None:
    _, text = produce("junit", [corpus], tmp_path)
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [f"{corpus}[a1]", f"{corpus}[a2]", f"{corpus}[a,3]"]
    first, clean, _ = suites
    cases = first.findall("testcase")
    assert len(cases) == int(first.get("failures", "0")) >= 2
    assert all(case.find("failure") is not None for case in cases)
    assert any("MT801" in (case.get("name") or "") for case in cases)
    [passing] = clean.findall("testcase")
    assert passing.find("failure") is None and clean.get("failures") == "0"
    properties = {p.get("name"): p.get("value") for p in clean.iter("property")}
    assert properties["score"] == "100" and properties["passed"] == "true"


def test_junit_survives_control_characters(tmp_path: Path) -> None:
    article = tmp_path / "ctl.txt"
    article.write_text("The the \x07bell rang.\n", encoding="utf-8")
    _, text = produce("junit", [article], tmp_path)
    ET.fromstring(text)  # parses: the BEL was replaced


# ---------------------------------------------------------------------------------------- GitHub
COMMAND = re.compile(
    r"^::(?P<level>error|warning|notice) (?P<props>file=[^,:]+(?:,(?:line|col|endLine|endColumn)=\d+)*"
    r",title=[^,:]+)::(?P<message>.+)$"
)


def test_github_workflow_commands(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE_WITH_FINDINGS, encoding="utf-8")
    _, text = produce("github", [article], tmp_path)
    lines = text.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert commands and lines[-1].startswith("mtcheck: 1 document checked")
    for line in commands:
        match = COMMAND.match(line)
        assert match, line
        props = dict(part.split("=", 1) for part in match["props"].split(","))
        assert {"file", "line", "col", "endLine", "endColumn", "title"} <= set(props)
        assert "\n" not in match["message"]
    assert any(line.startswith("::warning") and "title=MT801 repeated-word" in line for line in commands)


def _result(text: str, spans: list[tuple[int, int, str]], path: str = "x.txt") -> DocumentResult:
    document = Document(path=path, id=path, text=text)
    ctx = Context(document=document, paragraphs=())
    findings = []
    for start, end, code in spans:
        rule = get_rule(code)
        assert rule is not None
        findings.append(ctx.finding(start, end, "msg, with: 100% \n newline", "sug", rule=rule))
    return DocumentResult(document=document, words=10, score=50.0, passed=False, findings=tuple(findings))


_render = render


def test_github_escaping_and_multiline_spans() -> None:
    text = "First line ends here\nand the second, with: commas.\n"
    result = _result(text, [(6, 26, "MT801"), (0, 5, "MT601")], path="dir/a,b:c%.txt")
    lines = [line for line in _render("github", result).splitlines() if line.startswith("::")]
    crossing = next(line for line in lines if "line=1,endLine=2" in line)
    assert "col=" not in crossing and "endColumn=" not in crossing
    single = next(line for line in lines if "col=1" in line)
    assert "endColumn=6" in single
    for line in lines:
        assert "file=dir/a%2Cb%3Ac%25.txt," in line
        assert line.endswith("::msg, with: 100%25 %0A newline: “" + line.split("“")[1].split("”")[0] + "” "
                             "(suggestion: sug)")
        assert "\n" not in line


def test_github_summary_is_pluralised() -> None:
    one = _result("The the end.", [(0, 7, "MT801")])
    assert _render("github", one).splitlines()[-1] == "mtcheck: 1 document checked, 1 failed, 1 finding"
    two = _result("The the end.", [(0, 7, "MT801"), (4, 7, "MT801")], path="y.txt")
    last = _render("github", one, two).splitlines()[-1]
    assert last == "mtcheck: 2 documents checked, 2 failed, 3 findings"


def test_github_levels_follow_severity() -> None:
    document = Document(path="x.txt", id="x.txt", text="abc def")
    ctx = Context(document=document, paragraphs=())
    rule = get_rule("MT801")
    assert rule is not None
    findings = tuple(ctx.finding(0, 3, "m", rule=rule, severity=level) for level in Severity)
    result = DocumentResult(document=document, words=2, score=0.0, passed=False, findings=findings)
    levels = [line.split(" ", 1)[0] for line in _render("github", result).splitlines() if line.startswith("::")]
    assert levels == ["::notice", "::warning", "::error"]


# ------------------------------------------------------------------------------------------- CSV
def test_csv_reads_back_with_pandas(corpus: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    _, text = produce("csv", [corpus], tmp_path)
    frame = pd.read_csv(io.StringIO(text), dtype={"id": str}, keep_default_na=False)
    assert {"id", "path", "score", "passed", "code", "category", "severity", "line", "column", "text"} <= set(
        frame.columns
    )
    assert set(frame["id"]) == {"a1", "a2", "a,3"}
    clean = frame[frame["id"] == "a2"]
    assert len(clean) == 1 and clean.iloc[0]["code"] == "" and float(clean.iloc[0]["score"]) == 100.0
    findings = frame[frame["code"] != ""]
    assert len(findings) >= 3
    texts = {r["id"]: r["text"] for r in map(json.loads, corpus.read_text().splitlines())}
    for _, row in findings.iterrows():
        assert texts[row["id"]][int(row["start"]):int(row["end"])] == row["text"]
        assert row["path"] == str(corpus)
        assert str(row["passed"]) in ("True", "False")


@pytest.mark.parametrize("batch", [1, 2, 3, 1000])
def test_csv_written_in_batches_is_one_table(batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.reporters import csv_report

    texts = [
        "The the end of it.",  # a finding
        "The Seimas adopted the law on Tuesday.",  # clean: one row with empty finding columns
        "About 10 tūkst. people were arrested. people are dead. [ad_1]",  # several findings
        "The government approved the budget.",
        "Nothing to see here, said the spokesman.",
    ]
    results = [check_document(Document(path="c.jsonl", id=str(i), text=t), Settings()) for i, t in enumerate(texts)]
    whole = render("csv", *results)
    monkeypatch.setattr(csv_report, "BATCH", batch)
    assert render("csv", *results) == whole
    assert render("csv") == "id,path,words,score,passed,code,name,category,severity,line,column,end_line," \
        "end_column,start,end,text,message,suggestion,source_text\n"  # no documents: the header only


# ----------------------------------------------------------------------------------- JSON lines
def test_jsonl_streams_one_document_per_line(corpus: Path, tmp_path: Path) -> None:
    _, text = produce("jsonl", [corpus], tmp_path)
    lines = [json.loads(line) for line in text.splitlines()]
    assert [line["type"] for line in lines] == ["document", "document", "document", "summary"]
    assert [line["id"] for line in lines[:3]] == ["a1", "a2", "a,3"]
    assert lines[-1]["summary"]["documents"] == 3
    json_report = json.loads(produce("json", [corpus], tmp_path)[1])
    for line, document in zip(lines, json_report["documents"], strict=False):
        assert {k: v for k, v in line.items() if k != "type"} == document


def test_jsonl_writes_each_document_before_the_next_is_checked() -> None:
    stream = io.StringIO()
    reporter = get_reporter("jsonl")(stream, RunInfo(version="0", signature="sig"))
    reporter.document(check_document(Document(path="a", id="a", text="The the end."), Settings()))
    assert stream.getvalue().count("\n") == 1


# -------------------------------------------------------------------------------------- Markdown
def test_markdown_summary_table(corpus: Path, tmp_path: Path) -> None:
    _, text = produce("markdown", [corpus], tmp_path)
    assert text.startswith("## mtcheck report")
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert table[0] == "| document | words | score | result | critical | major | minor |"
    rows = [line for line in table if "corpus.jsonl" in line]
    assert "\\[a1\\]" in rows[0] or "\\[a,3\\]" in rows[0]  # worst first
    assert rows[-1].count("pass") == 1 and "\\[a2\\]" in rows[-1]
    assert "<details>" in text


def test_markdown_escapes_article_text() -> None:
    result = _result("a|b <img src=x> c", [(0, 17, "MT601")])
    text = _render("markdown", result)
    assert "<img" not in text and "a\\|b &lt;img" in text


# ------------------------------------------------------------------------ all formats, all inputs
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_format_is_deterministic_and_handles_input_errors(fmt: str, corpus: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    first = produce(fmt, [corpus, missing], tmp_path)
    second = produce(fmt, [corpus, missing], tmp_path)
    assert first == second
    assert first[0] == 2


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_format_on_an_empty_run(fmt: str, tmp_path: Path) -> None:
    stream = io.StringIO()
    reporter = get_reporter(fmt)(stream, RunInfo(version="0", signature="sig"))
    reporter.finish(Summary())
    if fmt in ("json", "sarif"):
        json.loads(stream.getvalue())
    if fmt == "junit":
        ET.fromstring(stream.getvalue())


# ------------------------------------------------------------------------------------ statistics
def test_statistics_text_and_json(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "stats.txt"
    code = run_check([str(corpus)], output=out, jobs=1, statistics=True, select=["MT801", "MT601"])
    text = out.read_text(encoding="utf-8")
    assert code == 1
    assert re.search(r"^\s+2  MT801  repeated-word\s+repetition$", text, re.M), text
    assert re.search(r"^\s+1  MT601  autoblog-placeholder\s+boilerplate$", text, re.M), text
    assert re.search(r"^\s+2  repetition$", text, re.M) and "3 findings in 3 documents" in text
    out_json = tmp_path / "stats.json"
    run_check([str(corpus)], output_format="json", output=out_json, jobs=1, statistics=True,
              select=["MT801", "MT601"])
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["rules"][0] == {"code": "MT801", "name": "repeated-word", "category": "repetition", "count": 2}
    assert data["categories"] == {"repetition": 2, "boilerplate": 1}
    assert run_check([str(corpus)], output_format="sarif", jobs=1, statistics=True) == 2
    assert "--statistics works with" in capsys.readouterr().err


# --- the fast pretty JSON writer ------------------------------------------------------------------


_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda children: st.lists(children, max_size=4)
    | st.tuples(children, children)
    | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES, st.integers(min_value=0, max_value=6))
def test_pretty_json_is_the_standard_librarys(value: object, indent: int) -> None:
    from mtcheck.reporters.json_text import pretty

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * indent)
    assert pretty(value, indent) == expected


def test_pretty_json_leaves_other_keys_and_types_to_the_standard_library() -> None:
    from enum import IntEnum

    from mtcheck.reporters.json_text import pretty

    class Level(IntEnum):
        HIGH = 3

    value = {"a": {1: [Level.HIGH, float("nan")], None: True}, "b": float("-inf")}
    assert pretty(value, 2) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    with pytest.raises(TypeError):
        pretty({"a": object()})


def test_a_record_whose_id_is_its_path_is_still_located_at_its_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "Fine."}\n\n' + json.dumps({"id": str(corpus), "text": "It was was late."})
                      + "\n", encoding="utf-8")
    _, text = produce("github", [corpus], tmp_path)
    [annotation] = [line for line in text.splitlines() if "MT801" in line]
    assert ",line=3,endLine=3," in annotation  # the record's line, not a line inside its text

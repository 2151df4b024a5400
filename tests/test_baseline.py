"""Baselines: --write-baseline records, --baseline reports and fails only on new findings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mtcheck.baseline import Baseline, BaselineError, BaselineWriter, fingerprint
from mtcheck.cli import run_check
from mtcheck.engine import Settings, check_document
from mtcheck.model import Document
from mtcheck.rules import select_rules

OLD = "The the council met on Monday.\nPrices rose again. [ad_1]\n"
SETTINGS = Settings(rules=select_rules(["MT801", "MT601"]))


def run(tmp_path: Path, path: Path, **options: Any) -> tuple[int, list[dict[str, Any]]]:
    out = tmp_path / "out.json"
    code = run_check([str(path)], output_format="json", output=out, jobs=1, progress=False,
                     select=["MT801", "MT601"], **options)
    return code, [f for d in json.loads(out.read_text())["documents"] for f in d["findings"]]


def test_round_trip_reports_nothing_and_passes(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(OLD, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    code, findings = run(tmp_path, article, write_baseline=baseline)
    assert code == 1 and len(findings) == 2 and baseline.is_file()
    code, findings = run(tmp_path, article, baseline=baseline)
    assert code == 0 and findings == []


def test_paragraph_added_above_does_not_bring_old_findings_back(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(OLD, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run(tmp_path, article, write_baseline=baseline)
    article.write_text("A new first paragraph, clean.\n\nAnother one.\n" + OLD.replace("\n", "\n\n"), encoding="utf-8")
    code, findings = run(tmp_path, article, baseline=baseline)
    assert code == 0 and findings == []
    # a new finding in a new paragraph is reported, and fails, alone
    article.write_text("The the budget grew.\n" + OLD, encoding="utf-8")
    code, findings = run(tmp_path, article, baseline=baseline)
    assert code == 1 and [(f["code"], f["line"], f["text"]) for f in findings] == [("MT801", 1, "The the")]


def test_occurrences_are_counted(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The the council met on Monday.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run(tmp_path, article, write_baseline=baseline)
    article.write_text("The the council met on Monday.\nThe the council met on Monday.\n", encoding="utf-8")
    code, findings = run(tmp_path, article, baseline=baseline)
    assert code == 1 and [f["line"] for f in findings] == [2]


def test_fingerprint_ignores_position_case_and_spacing_but_not_the_sentence() -> None:
    def fp(text: str) -> list[str]:
        result = check_document(Document(path="p", id="p", text=text), SETTINGS)
        return [fingerprint(result, f) for f in result.findings]

    base = fp("The the council met.")
    assert fp("Intro.\n\n   The  the council   met.") == base
    assert fp("THE THE COUNCIL MET.") == base
    assert fp("The the council adjourned.") != base


def test_documents_are_kept_apart(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "1", "text": OLD}) + "\n", encoding="utf-8")
    baseline = tmp_path / "b.json"
    run(tmp_path, corpus, write_baseline=baseline)
    corpus.write_text("".join(json.dumps({"id": i, "text": OLD}) + "\n" for i in ("1", "2")), encoding="utf-8")
    code, findings = run(tmp_path, corpus, baseline=baseline)
    assert code == 1 and len(findings) == 2  # record 2 is new, record 1 is known
    data = json.loads(baseline.read_text())
    assert list(data["documents"]) == ["c.jsonl#1"]  # relative to the baseline's folder


@pytest.mark.parametrize("spelling", ["art.txt", "./art.txt", "d//../art.txt", "ABS", "d/../d/../art.txt"])
def test_every_spelling_of_the_path_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "art.txt").write_text(OLD, encoding="utf-8")
    code, findings = run(tmp_path, Path("art.txt"), write_baseline=Path("bl.json"))
    assert code == 1 and len(findings) == 2
    assert list(json.loads(Path("bl.json").read_text())["documents"]) == ["art.txt"]
    given = str(tmp_path / "art.txt") if spelling == "ABS" else spelling
    out = tmp_path / "out.json"
    code = run_check([given], output_format="json", output=out, jobs=1, progress=False,
                     select=["MT801", "MT601"], baseline=Path("bl.json"))
    assert code == 0 and all(not d["findings"] for d in json.loads(out.read_text())["documents"])


def test_baseline_elsewhere_and_symlinks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "ci").mkdir()
    article = tmp_path / "docs" / "a.txt"
    article.write_text(OLD, encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "docs")
    baseline = tmp_path / "ci" / "b.json"
    run(tmp_path, article, write_baseline=baseline)
    assert list(json.loads(baseline.read_text())["documents"]) == ["../docs/a.txt"]
    monkeypatch.chdir(tmp_path / "docs")
    assert run(tmp_path, Path("a.txt"), baseline=baseline) == (0, [])
    assert run(tmp_path, tmp_path / "link" / "a.txt", baseline=baseline) == (0, [])


def test_old_baselines_keyed_by_the_path_as_given_still_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = check_document(Document(path="./sub/p.txt", id="./sub/p.txt", text=OLD), SETTINGS)
    counts: dict[str, int] = {}
    for finding in result.findings:
        value = fingerprint(result, finding)
        counts[value] = counts.get(value, 0) + 1
    baseline = tmp_path / "old.json"
    baseline.write_text(json.dumps({"mtcheck-baseline": 1, "documents": {"./sub/p.txt": counts}}), encoding="utf-8")
    assert Baseline.load(baseline).new_findings(result) == []


def test_writer_and_loader_round_trip(tmp_path: Path) -> None:
    result = check_document(Document(path="p", id="p", text=OLD), SETTINGS)
    writer = BaselineWriter()
    writer.add(result)
    path = tmp_path / "b.json"
    writer.write(path)
    assert Baseline.load(path).new_findings(result) == []


@pytest.mark.parametrize("content", ["not json", "[]", '{"mtcheck-baseline": 99}',
                                     '{"mtcheck-baseline": 1, "documents": {"a": {"x": "y"}}}'])
def test_bad_baseline_is_exit_2(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError):
        Baseline.load(bad)
    article = tmp_path / "a.txt"
    article.write_text(OLD, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(article), "--baseline", str(bad)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and done.stderr.startswith("mtcheck: error: ") and "Traceback" not in done.stderr


def test_missing_baseline_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(OLD, encoding="utf-8")
    assert run_check([str(article)], baseline=tmp_path / "none.json", jobs=1) == 2
    assert "cannot read baseline" in capsys.readouterr().err

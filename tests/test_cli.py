"""The command line: exit codes, error lines, determinism, the JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent.parent / "fixtures" / "example-article.txt"


def mtcheck(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtcheck", *args],
        capture_output=True, text=True, encoding="utf-8", input=stdin, cwd=cwd, check=False,
    )


def test_example_article_fails_with_findings() -> None:
    done = mtcheck("check", str(FIXTURE), "--no-color")
    assert done.returncode == 1, done.stderr
    assert "MT801" in done.stdout and "1 document checked, 1 failed" in done.stdout
    assert done.stderr == ""


def test_json_contract_shape() -> None:
    done = mtcheck("check", str(FIXTURE), "--format", "json")
    report = json.loads(done.stdout)
    assert set(report) >= {"version", "documents", "summary"}
    [document] = report["documents"]
    assert set(document) >= {"path", "id", "words", "score", "passed", "findings"}
    assert document["id"] == document["path"] == str(FIXTURE)
    text = FIXTURE.read_text(encoding="utf-8")
    for finding in document["findings"]:
        assert set(finding) >= {"code", "name", "category", "severity", "start", "end", "line", "column",
                                "text", "message", "suggestion"}
        assert text[finding["start"]:finding["end"]] == finding["text"]
        assert finding["severity"] in ("minor", "major", "critical")
    assert report["summary"]["documents"] == 1 and report["summary"]["failed"] == 1


def test_clean_text_passes(tmp_path: Path) -> None:
    article = tmp_path / "clean.txt"
    article.write_text("The government approved the budget on Wednesday.\n", encoding="utf-8")
    done = mtcheck("check", str(article))
    assert done.returncode == 0, done.stdout + done.stderr


def test_input_errors_exit_2_and_other_inputs_are_still_checked(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "1", "text": "The the end."}\n{oops\n', encoding="utf-8")
    done = mtcheck("check", str(tmp_path / "missing.txt"), str(corpus), "--format", "json")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines == [
        f"mtcheck: error: {tmp_path / 'missing.txt'}: no such file or directory",
        f"mtcheck: error: {corpus}:2: malformed JSON: Expecting property name enclosed in double quotes (column 2)",
    ]
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    assert [d["id"] for d in report["documents"]] == ["1"]
    assert report["documents"][0]["findings"][0]["code"] == "MT801"


def test_standard_input() -> None:
    done = mtcheck("check", "-", "--format", "json", stdin="It was was late.\n")
    report = json.loads(done.stdout)
    assert report["documents"][0]["path"] == "<stdin>"
    assert report["documents"][0]["findings"][0]["text"] == "was was"


@pytest.mark.parametrize(
    "args",
    [("check", "x.txt", "--format", "nope"), ("check", "x.txt", "--select", "MT0"), ("rule", "MT000"),
     ("check", "x.txt", "--fail-on", "fatal")],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    done = mtcheck(*args)
    assert done.returncode == 2
    assert done.stderr.startswith("mtcheck: error: ") and "Traceback" not in done.stderr


def test_output_is_byte_identical_between_runs(tmp_path: Path) -> None:
    first = mtcheck("check", str(FIXTURE), "--format", "json").stdout
    second = mtcheck("check", str(FIXTURE), "--format", "json").stdout
    assert first == second
    out = tmp_path / "report.json"
    mtcheck("check", str(FIXTURE), "--format", "json", "--output", str(out))
    assert out.read_text(encoding="utf-8") == first


def test_rules_and_rule_commands() -> None:
    listing = mtcheck("rules")
    assert listing.returncode == 0 and "MT801" in listing.stdout and "repeated-word" in listing.stdout
    page = mtcheck("rule", "repeated-word")
    assert page.returncode == 0 and page.stdout.startswith("# MT801 repeated-word")


def test_fail_on_and_exit_zero(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(" ".join(["The government approved the budget on Wednesday."] * 100) + " It was was fine.\n",
                       encoding="utf-8")
    assert mtcheck("check", str(article)).returncode == 0  # one major finding in 704 words: score 92.9
    assert mtcheck("check", str(article), "--fail-on", "major").returncode == 1
    assert mtcheck("check", str(article), "--fail-on", "major", "--exit-zero").returncode == 0
    assert mtcheck("check", str(article), "--fail-under", "95").returncode == 1


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    original = '{"id": "1", "text": "It was was late."}\n'
    corpus.write_text(original, encoding="utf-8")
    done = mtcheck("check", str(corpus), "--format", "jsonl", "--output", str(corpus))
    assert done.returncode == 2 and "would overwrite an input" in done.stderr
    assert corpus.read_text(encoding="utf-8") == original
    inside = tmp_path / "old-report.jsonl"
    inside.write_text(original, encoding="utf-8")
    done = mtcheck("check", str(tmp_path), "--format", "jsonl", "--output", str(inside))
    assert done.returncode == 2 and inside.read_text(encoding="utf-8") == original


def test_output_does_not_depend_on_string_hashing(tmp_path: Path) -> None:
    """Byte-identical output across processes with different hash seeds (set order must never leak)."""
    import os

    cases = sorted((Path(__file__).parent.parent / "fixtures" / "cases").glob("*.jsonl"))
    outputs = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-m", "mtcheck", "check", *map(str, cases), "--format", "json", "--jobs", "1"],
            capture_output=True, text=True, encoding="utf-8", check=False,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert done.returncode == 1, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_side_files_and_baselines_never_touch_inputs(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The the end.\n", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "One."}\n', encoding="utf-8")
    source = tmp_path / "a.lt"
    source.write_text("Pabaiga.\n", encoding="utf-8")
    done = mtcheck("check", str(corpus), "--source", str(source))
    assert done.returncode == 2 and "exactly one plain document" in done.stderr
    done = mtcheck("check", str(article), "--source", str(tmp_path / "missing.lt"))
    assert done.returncode == 2 and "missing.lt: no such file or directory" in done.stderr
    assert mtcheck("check", str(article), "--source", str(source), "--format", "json").returncode == 1
    done = mtcheck("check", str(article), "--write-baseline", str(article))
    assert done.returncode == 2 and article.read_text(encoding="utf-8") == "The the end.\n"


@pytest.mark.parametrize("args", [("check", "x.txt", "--jobs", "abc"), ("check",), ("--bogus",)])
def test_option_errors_are_one_line(args: tuple[str, ...]) -> None:
    done = mtcheck(*args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("mtcheck: error: ")


def test_config_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_bytes(b"select = ['\xff']\n")
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    done = mtcheck("check", str(tmp_path / "a.txt"))
    assert done.returncode == 2 and "not UTF-8" in done.stderr and "Traceback" not in done.stderr


def test_write_error_is_one_line() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    done = mtcheck("check", str(FIXTURE), "--output", "/dev/full")
    assert done.returncode == 2 and "cannot write the report" in done.stderr and "Traceback" not in done.stderr

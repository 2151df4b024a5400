"""Configuration: discovery, every key, CLI overrides, errors reported all at once (exit 2), --exit-zero."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mtcheck.cli import run_check
from mtcheck.config import Config, ConfigError, build_settings, find_config, load_config, parse_config
from mtcheck.model import Severity

DOUBLE = "The the mayor spoke about the budget for the next year.\n"  # one MT801 (major)


def run(tmp_path: Path, *paths: Path, **options: Any) -> tuple[int, dict[str, Any]]:
    out = tmp_path / "out.json"
    code = run_check([str(p) for p in paths], output_format="json", output=out, jobs=1, progress=False, **options)
    report = json.loads(out.read_text(encoding="utf-8")) if out.exists() and out.stat().st_size else {}
    return code, report


def article(folder: Path, text: str = DOUBLE, name: str = "a.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def codes(report: dict[str, Any]) -> list[str]:
    return [f["code"] for d in report["documents"] for f in d["findings"]]


# ------------------------------------------------------------------------------------ discovery
def test_mtcheck_toml_found_from_the_checked_path_upwards(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text('ignore = ["MT801"]\n', encoding="utf-8")
    path = article(tmp_path / "news" / "2024")
    assert find_config(path) == tmp_path / "mtcheck.toml"
    code, report = run(tmp_path, path)
    assert code == 0 and "MT801" not in codes(report)


def test_pyproject_tool_table_and_precedence(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mtcheck]\nignore = ["MT801"]\n', encoding="utf-8")
    path = article(tmp_path / "docs")
    assert find_config(path) == tmp_path / "pyproject.toml"
    # a pyproject without [tool.mtcheck] is passed over; mtcheck.toml wins in the same folder
    (tmp_path / "docs" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(path) == tmp_path / "pyproject.toml"
    (tmp_path / "mtcheck.toml").write_text('select = ["MT8"]\n', encoding="utf-8")
    assert find_config(path) == tmp_path / "mtcheck.toml"


def test_no_config_anywhere(tmp_path: Path) -> None:
    path = article(tmp_path)
    found = find_config(path)
    assert found is None or not str(found).startswith(str(tmp_path))
    _, report = run(tmp_path, path)
    assert "MT801" in codes(report)


def test_config_option_overrides_discovery(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text('ignore = ["MT801"]\n', encoding="utf-8")
    other = tmp_path / "strict.toml"
    other.write_text('fail-on = "major"\n', encoding="utf-8")
    path = article(tmp_path)
    code, report = run(tmp_path, path, config=other)
    assert "MT801" in codes(report) and code == 1


def test_missing_config_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(tmp_path, article(tmp_path), config=tmp_path / "nope.toml")
    assert code == 2 and "nope.toml: no such configuration file" in capsys.readouterr().err


# ----------------------------------------------------------------------------------------- keys
def test_every_key_parses() -> None:
    config = parse_config({
        "select": ["MT", "calque"], "ignore": ["MT402", "repeated-word"], "extend-select": ["MT001"],
        "fail-on": "major", "fail-under": 80, "min-words": 50,
        "weights": {"minor": 2, "major": 4, "critical": 30},
        "severity": {"MT801": "minor", "repeated-phrase": "critical"},
        "vocabulary": {"accept": ["Nausėda"], "reject": ["kadencija"]},
        "lexicons": ["my.toml"], "per-file-ignores": {"old/*.txt": ["MT9"]},
    }, base=Path("/proj"))
    assert config.select == ["MT", "calque"] and config.ignore == ["MT402", "repeated-word"]
    assert config.fail_on is Severity.MAJOR and config.fail_under == 80 and config.min_words == 50
    assert config.weights == {Severity.MINOR: 2, Severity.MAJOR: 4, Severity.CRITICAL: 30}
    assert config.severity == {"MT801": Severity.MINOR, "MT802": Severity.CRITICAL}
    assert config.accept == ["Nausėda"] and config.reject == ["kadencija"]
    assert config.lexicons == ["/proj/my.toml"] and config.per_file_ignores == {"old/*.txt": ["MT9"]}


def test_every_error_is_listed_at_once() -> None:
    with pytest.raises(ConfigError) as raised:
        parse_config({
            "selct": ["MT"], "select": ["MT777", "no-such-rule"], "ignore": "MT801", "fail-on": "fatal",
            "fail-under": 120, "min-words": 0, "weights": {"major": -1, "huge": 3},
            "severity": {"MT999": "minor", "MT801": "blocker"}, "vocabulary": {"accept": [1], "deny": []},
            "lexicons": "x.toml", "per-file-ignores": {"*.md": ["MT000"]},
        })
    errors = "\n".join(raised.value.errors)
    for expected in ("unknown key 'selct'", "'MT777'", "'no-such-rule'", "'ignore' must be a list", "'fatal'",
                     "'fail-under'", "'min-words'", "'weights.major'", "'huge'", "unknown rule 'MT999'",
                     "'blocker'", "vocabulary.accept", "unknown key 'deny'", "'lexicons' must be a list",
                     "'MT000'"):
        assert expected in errors, expected
    assert len(raised.value.errors) >= 15


def test_cli_reports_every_config_error_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text(
        'colour = true\nselect = ["MT1234"]\nfail-on = "sometimes"\n[severity]\nMT801 = "huge"\n', encoding="utf-8"
    )
    path = article(tmp_path)
    done = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(path)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith(f"mtcheck: error: {tmp_path / 'mtcheck.toml'}: ") for line in lines)
    assert "Traceback" not in done.stderr


def test_invalid_toml_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mtcheck.toml").write_text("select = [\n", encoding="utf-8")
    code, _ = run(tmp_path, article(tmp_path))
    assert code == 2 and "invalid TOML" in capsys.readouterr().err


def test_bad_cli_flags_are_listed_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(tmp_path, article(tmp_path), select=["MT77"], ignore=["nonsense"], fail_on="often",
                  fail_under=101.0)
    err = capsys.readouterr().err
    assert code == 2
    for text in ("--select: unknown rule or prefix 'MT77'", "--ignore: unknown rule or prefix 'nonsense'",
                 "--fail-on", "--fail-under must be from 0 to 100"):
        assert text in err


# ------------------------------------------------------------------------ behaviour of each key
def test_fail_on_and_cli_override(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text('fail-on = "major"\nfail-under = 0\n', encoding="utf-8")
    path = article(tmp_path)
    code, report = run(tmp_path, path, select=["MT801"])
    assert code == 1 and report["documents"][0]["score"] >= 0
    code, _ = run(tmp_path, path, fail_on="critical", select=["MT801"])
    assert code == 0


def test_fail_under_and_cli_override(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text("fail-under = 10\n", encoding="utf-8")
    path = article(tmp_path)
    assert run(tmp_path, path)[0] == 0  # one major finding in a short text scores 50 > 10
    assert run(tmp_path, path, fail_under=60.0)[0] == 1


def test_weights_and_min_words(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text("min-words = 1000\n[weights]\nmajor = 1\n", encoding="utf-8")
    _, report = run(tmp_path, article(tmp_path), select=["MT801"])
    assert report["documents"][0]["score"] == 99.0
    assert "weights:1/1/25" in report["signature"] and "min-words:1000" in report["signature"]


def test_severity_override(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text('[severity]\nrepeated-word = "critical"\n', encoding="utf-8")
    code, report = run(tmp_path, article(tmp_path))
    [finding] = [f for f in report["documents"][0]["findings"] if f["code"] == "MT801"]
    assert finding["severity"] == "critical" and code == 1


def test_select_and_cli_select_override(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text('select = ["MT6"]\n', encoding="utf-8")
    path = article(tmp_path, "The the price rose. [ad_1]\n")
    assert set(codes(run(tmp_path, path)[1])) == {"MT601"}
    assert set(codes(run(tmp_path, path, select=["MT801"])[1])) == {"MT801"}
    assert codes(run(tmp_path, path, ignore=["MT6"])[1]) == []


def test_vocabulary_accept(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text('[vocabulary]\naccept = ["The the"]\n', encoding="utf-8")
    assert "MT801" not in codes(run(tmp_path, article(tmp_path))[1])


def test_user_lexicon_errors_are_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.toml").write_text("this is not toml = =\n", encoding="utf-8")
    (tmp_path / "mtcheck.toml").write_text('lexicons = ["broken.toml", "missing.toml"]\n', encoding="utf-8")
    code, _ = run(tmp_path, article(tmp_path))
    err = capsys.readouterr().err
    assert code == 2 and "broken.toml" in err


def test_per_file_ignores_from_the_cli(tmp_path: Path) -> None:
    (tmp_path / "mtcheck.toml").write_text('[per-file-ignores]\n"old/*" = ["repetition"]\n', encoding="utf-8")
    old = article(tmp_path / "old")
    new = article(tmp_path / "new")
    _, report = run(tmp_path, old, new)
    by_path = {d["path"]: [f["code"] for f in d["findings"]] for d in report["documents"]}
    assert "MT801" not in by_path[str(old)] and "MT801" in by_path[str(new)]


def test_exit_zero(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert run(tmp_path, path)[0] == 1
    code, report = run(tmp_path, path, exit_zero=True)
    assert code == 0 and report["summary"]["failed"] == 1
    assert run(tmp_path, path, tmp_path / "missing.txt", exit_zero=True)[0] == 2  # input errors still count


def test_exit_zero_on_the_command_line(tmp_path: Path) -> None:
    path = article(tmp_path)
    done = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(path), "--exit-zero"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "MT801" in done.stdout


def test_build_settings_defaults() -> None:
    settings = build_settings(Config())
    assert settings.score.fail_on is Severity.CRITICAL and settings.score.threshold == 90


def test_load_config_reads_a_tool_table_in_mtcheck_toml(tmp_path: Path) -> None:
    path = tmp_path / "mtcheck.toml"
    path.write_text('[tool.mtcheck]\nignore = ["MT8"]\n', encoding="utf-8")
    assert load_config(path).ignore == ["MT8"]

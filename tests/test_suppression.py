"""In-document suppressions, corpus `suppress`, per-file ignores, the vocabulary, and MT001."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.config import build_settings, parse_config
from mtcheck.engine import Settings, check_document
from mtcheck.inputs import iter_documents
from mtcheck.inputs.markup import blank_comments
from mtcheck.model import Document, Finding
from mtcheck.rules import select_rules

DOUBLE = "The the mayor spoke."  # MT801 repeated-word
AD = "Prices rose again. [ad_1]"  # MT601 autoblog-placeholder


def check(text: str, settings: Settings | None = None, path: str = "a.txt", **kw: object) -> list[Finding]:
    document = Document(path=path, id=path, text=text, check_text=blank_comments(text), **kw)  # type: ignore[arg-type]
    return list(check_document(document, settings or Settings()).findings)


def codes(text: str, settings: Settings | None = None, **kw: object) -> list[str]:
    return [f.code for f in check(text, settings, **kw)]


def test_the_example_findings_fire_without_directives() -> None:
    assert "MT801" in codes(DOUBLE) and "MT601" in codes(AD)


@pytest.mark.parametrize("selector", ["MT801", "mt801", "MT8", "repeated-word", "repetition", "MT801, MT601"])
def test_ignore_silences_the_next_paragraph_only(selector: str) -> None:
    text = f"<!-- mtcheck: ignore[{selector}] -->\n{DOUBLE}\n{DOUBLE}\n"
    found = check(text)
    repeated = [f for f in found if f.code == "MT801"]
    assert len(repeated) == 1 and repeated[0].line == 3
    assert not [f for f in found if f.code == "MT001" and f.text.strip() in ("MT801", "mt801", "MT8")]


def test_ignore_on_the_same_line_as_the_paragraph() -> None:
    text = f"<!-- mtcheck: ignore[MT801] --> {DOUBLE}\n{DOUBLE}\n"
    assert [f.line for f in check(text) if f.code == "MT801"] == [2]


def test_ignore_leaves_other_rules_alone() -> None:
    text = "<!-- mtcheck: ignore[MT801] -->\nThe the price rose. [ad_1]\n"
    assert set(codes(text)) >= {"MT601"} and "MT801" not in codes(text)


def test_disable_enable_block() -> None:
    text = (f"{DOUBLE}\n<!-- mtcheck: disable[MT801] -->\n{DOUBLE}\n\n{DOUBLE}\n"
            f"<!-- mtcheck: enable[MT801] -->\n{DOUBLE}\n")
    assert [f.line for f in check(text) if f.code == "MT801"] == [1, 7]


def test_disable_without_enable_runs_to_the_end_and_enable_without_list_closes_all() -> None:
    text = f"{DOUBLE}\n<!-- mtcheck: disable[MT801, MT601] -->\n{DOUBLE} [ad_1]\n"
    assert [f.code for f in check(text) if f.code in ("MT801", "MT601")] == ["MT801"]
    text2 = f"<!-- mtcheck: disable[MT801] -->\n{DOUBLE}\n<!-- mtcheck: enable -->\n{DOUBLE}\n"
    assert [f.line for f in check(text2) if f.code == "MT801"] == [4]


def test_file_ignore_and_bare_disable() -> None:
    text = f"{DOUBLE}\n{AD}\n<!-- mtcheck: file-ignore[repetition] -->\n"
    assert "MT801" not in codes(text) and "MT601" in codes(text)
    text2 = f"<!-- mtcheck: disable -->\n{DOUBLE}\n{AD}\n"
    assert [c for c in codes(text2) if c != "MT001"] == []


def test_directives_are_not_checked_as_text() -> None:
    # the comment itself holds "[MT801]"-like text and a Lithuanian-looking code: nothing fires on it
    text = "<!-- mtcheck: ignore[MT801] -->\nThe government approved the budget. The the end.\n"
    assert all(f.start > text.index("-->") for f in check(text))


def test_unused_suppression_is_reported_as_mt001() -> None:
    text = "<!-- mtcheck: ignore[MT801] -->\nThe government approved the budget.\n"
    [unused] = [f for f in check(text) if f.code == "MT001"]
    assert unused.text == "MT801" and unused.severity.label == "minor" and unused.category == "boilerplate"
    assert "silenced nothing in the next paragraph" in unused.message


def test_only_the_unused_selector_of_a_directive_is_reported() -> None:
    text = "<!-- mtcheck: ignore[MT801, MT601] -->\nThe the government approved the budget.\n"
    assert [f.text for f in check(text) if f.code == "MT001"] == ["MT601"]


def test_unknown_selector_is_reported_even_when_its_rule_is_not_selected() -> None:
    settings = Settings(rules=select_rules(["MT001", "MT6"]))
    text = "<!-- mtcheck: ignore[repeated-wrod, MT801] -->\nThe the government met.\n"
    found = check(text, settings)
    assert [f.text for f in found if f.code == "MT001"] == ["repeated-wrod"]  # MT801 not selected: left alone
    assert "Unknown rule" in found[0].message


def test_mt001_can_be_ignored_and_suppressed() -> None:
    text = "<!-- mtcheck: ignore[MT801] -->\nThe government met.\n"
    assert "MT001" not in codes(text, build_settings(parse_config({"ignore": ["MT001"]})))
    assert "MT001" not in codes(text + "<!-- mtcheck: file-ignore[MT001] -->\n")


def test_directives_work_in_markdown_html_and_corpora(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"<!-- mtcheck: ignore[MT801] -->\n{DOUBLE}\n\n{DOUBLE}\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<p><!-- mtcheck: ignore[MT801] -->{DOUBLE}</p>\n<p>{DOUBLE}</p>\n",
                                     encoding="utf-8")
    records = [{"id": "1", "text": f"<!-- mtcheck: ignore[MT801] -->\n{DOUBLE}\n{DOUBLE}"},
               {"id": "2", "text": DOUBLE, "suppress": ["MT801"]},
               {"id": "3", "text": DOUBLE, "suppress": "repetition, MT6"},
               {"id": "4", "text": "Fine text here.", "suppress": ["MT801"]}]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    results = {}
    for document in iter_documents([str(tmp_path)]):
        assert isinstance(document, Document)
        results[document.id] = [f for f in check_document(document, Settings()).findings]
    assert [f.code for f in results[str(tmp_path / "a.md")]].count("MT801") == 1
    assert [f.code for f in results[str(tmp_path / "b.html")]].count("MT801") == 1
    assert [f.line for f in results["1"] if f.code == "MT801"] == [3]
    assert not results["2"] and not results["3"]
    assert not results["4"]  # an unused corpus `suppress` has nowhere to point: not reported


def test_per_file_ignores(tmp_path: Path) -> None:
    config = tmp_path / "mtcheck.toml"
    config.write_text('[per-file-ignores]\n"archive/*.txt" = ["MT8"]\n', encoding="utf-8")
    from mtcheck.config import load_config

    settings = build_settings(load_config(config))
    archived = tmp_path / "archive" / "old.txt"
    assert "MT801" not in codes(DOUBLE, settings, path=str(archived))  # absolute path, glob from config dir
    assert "MT801" not in codes(DOUBLE, settings, path="archive/old.txt")  # relative, as given
    assert "MT801" in codes(DOUBLE, settings, path=str(tmp_path / "news" / "new.txt"))


@pytest.mark.parametrize("spelling", ["./archive/old.txt", "archive//old.txt", "news/../archive/old.txt"])
def test_per_file_ignores_match_any_spelling_of_the_path(spelling: str) -> None:
    settings = build_settings(parse_config({"per-file-ignores": {"archive/*.txt": ["MT8"]}}))
    assert "MT801" not in codes(DOUBLE, settings, path=spelling)
    assert "MT801" in codes(DOUBLE, settings, path=spelling.replace("archive", "news"))


def test_per_file_ignores_anchored_at_the_config_dir_from_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "mtcheck.toml"
    config.write_text('[per-file-ignores]\n"archive/*.txt" = ["MT8"]\n', encoding="utf-8")
    from mtcheck.config import load_config

    settings = build_settings(load_config(config))
    (tmp_path / "archive").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "archive")
    monkeypatch.chdir(tmp_path / "archive")
    assert "MT801" not in codes(DOUBLE, settings, path="./old.txt")  # relative to the cwd, not the config
    assert "MT801" not in codes(DOUBLE, settings, path=str(tmp_path / "link" / "old.txt"))  # through a symlink


def test_accept_vocabulary() -> None:
    settings = build_settings(parse_config({"vocabulary": {"accept": ["the the"]}}))
    assert "MT801" not in codes(DOUBLE, settings)

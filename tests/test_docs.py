"""docs/rules.md is generated from the rule declarations and kept current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mtcheck.docs import rules_markdown
from mtcheck.rules import all_rules

ROOT = Path(__file__).parent.parent


def test_docs_rules_md_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), (
        "docs/rules.md is out of date: regenerate it with `mtcheck rules --format markdown > docs/rules.md`"
    )


def test_every_rule_has_a_section() -> None:
    page = rules_markdown()
    for rule in all_rules():
        assert f"## {rule.code}\n" in page and f"`{rule.name}`" in page


def test_cli_prints_the_same_markdown() -> None:
    done = subprocess.run([sys.executable, "-m", "mtcheck", "rules", "--format", "markdown"],
                          capture_output=True, text=True, encoding="utf-8", check=True)
    assert done.stdout == rules_markdown()


def test_pre_commit_hook_declaration() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: mtcheck" in text and "entry: mtcheck check" in text

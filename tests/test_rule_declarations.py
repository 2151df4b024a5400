"""Every rule is declared completely, and its documented examples behave as documented."""

from __future__ import annotations

import re

import pytest

from mtcheck.model import CATEGORIES
from mtcheck.rules import all_rules
from mtcheck.rules.base import Rule
from tests.conftest import run

RULES = all_rules()


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"MT\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.category in CATEGORIES


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.summary and rule.explanation
    assert rule.bad, f"{rule.code} has no bad example"
    assert rule.good, f"{rule.code} has no good example"
    page = rule.doc()
    assert "## What it does" in page and "## Why is this bad?" in page and "## Example" in page


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_bad_examples_are_flagged(rule: Rule) -> None:
    for example in rule.bad:
        findings = [f for f in run(example.text, [rule.code], example.source) if f.code == rule.code]
        assert findings, f"{rule.code} does not flag its bad example {example.text!r}"
        if example.flagged:
            assert example.flagged in [f.text for f in findings], (example.flagged, [f.text for f in findings])


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_good_examples_are_silent(rule: Rule) -> None:
    for example in rule.good:
        findings = [f for f in run(example.text, [rule.code], example.source) if f.code == rule.code]
        assert not findings, f"{rule.code} flags its good example {example.text!r}: {findings}"

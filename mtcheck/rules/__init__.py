"""The rule registry, derived from the rule families' own declarations.

Each family module lists its rules explicitly in a module-level ``RULES`` tuple; the registry
imports the families named in :data:`FAMILIES` and indexes them by code and name. A test checks that
codes and names are unique and that every rule has documentation and examples.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from mtcheck.rules.base import Context, Example, Rule

__all__ = ["FAMILIES", "Context", "Example", "Rule", "all_rules", "get_rule", "select_rules"]

# Module names under mtcheck.rules, in the order their rules are listed.
FAMILIES: tuple[str, ...] = (
    "boilerplate",
    "untranslated",
    "splits",
    "fragments",
    "names",
    "calques",
    "repetition",
    "garbled",
    "punctuation",
    "pronouns",
    "bilingual",
    "meta",
)


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for family in FAMILIES:
        module = importlib.import_module(f"mtcheck.rules.{family}")
        rules.extend(module.RULES)
    codes = [rule.code for rule in rules]
    names = [rule.name for rule in rules]
    duplicates = {value for value in codes + names if (codes + names).count(value) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate rule codes or names: {sorted(duplicates)}")
    return tuple(sorted(rules, key=lambda rule: rule.code))


def get_rule(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    for rule in all_rules():
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None


def matches(rule: Rule, selector: str) -> bool:
    """Whether a selector (code, code prefix, rule name or category) picks ``rule``."""
    selector = selector.strip()
    if not selector:
        return False
    if selector.upper() == "ALL":
        return True
    return (
        rule.code.startswith(selector.upper())
        or selector.lower() == rule.name
        or selector.lower() == rule.category
    )


def unknown_selectors(selectors: list[str]) -> list[str]:
    return [s for s in selectors if s.upper() != "ALL" and not any(matches(r, s) for r in all_rules())]


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> tuple[Rule, ...]:
    """The rules picked by ``select`` (default: every rule enabled by default) minus ``ignore``."""
    chosen = []
    for rule in all_rules():
        picked = any(matches(rule, s) for s in select) if select else rule.default_enabled
        if picked and not any(matches(rule, s) for s in ignore or []):
            chosen.append(rule)
    return tuple(chosen)

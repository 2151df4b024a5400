"""Filtering findings: the user's vocabulary, in-document suppressions and per-file ignores.

Directives are HTML comments in the article (blanked out of the text the rules see, in every input
format)::

    <!-- mtcheck: ignore[MT301, calque] -->       the next paragraph
    <!-- mtcheck: disable[MT8] --> ... <!-- mtcheck: enable[MT8] -->   a block
    <!-- mtcheck: file-ignore[untranslated] -->   the whole document

A selector is a code, a code prefix, a rule name or a category (as for ``--select``); ``disable`` and
``file-ignore`` without a list mean every rule, ``enable`` without a list closes every open block.
A corpus record's ``suppress`` field is a file-ignore for that record.

A directive (or one selector of it) that silenced nothing is itself reported as ``MT001
unused-suppression`` when that rule is selected: selectors that name no rule at all (typos) always,
selectors naming rules that did run but raised nothing in the directive's scope too; selectors naming
only rules that are not selected in this run are left alone (they may be meant for another run).
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mtcheck.model import Document, Finding

if TYPE_CHECKING:
    from mtcheck.engine import Settings
    from mtcheck.rules import Context, Rule

META_CODE = "MT001"

DIRECTIVE = re.compile(
    r"<!--\s*mtcheck\s*:\s*(?P<kind>file-ignore|ignore|disable|enable)\b\s*"
    r"(?:\[(?P<codes>[^\]]*)\])?\s*-->",
    re.IGNORECASE,
)
_SELECTOR = re.compile(r"[^,\s]+")


@dataclass
class Scope:
    """One selector of one directive, and the part of the document it covers (``start:end``)."""

    selector: str
    kind: str
    start: int
    end: int
    span: tuple[int, int]  # where the selector (or the whole directive) is written
    report: bool = True  # False for a corpus record's ``suppress`` field: there is nowhere to point
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        return self.start <= finding.start < self.end or (self.start == self.end == finding.start)


def _selected(rule: Rule | None, selectors: tuple[str, ...] | list[str]) -> bool:
    from mtcheck.rules import matches

    return rule is not None and any(matches(rule, selector) for selector in selectors)


def parse_directives(document: Document, paragraph_starts: list[tuple[int, int]]) -> list[Scope]:
    """The scopes of the document's suppression directives (``paragraph_starts``: (start, end) pairs)."""
    text = document.text
    scopes: list[Scope] = []
    open_blocks: list[Scope] = []
    if "mtcheck" in text:
        for match in DIRECTIVE.finditer(text):
            kind = match.group("kind").lower()
            codes = match.group("codes")
            if codes is None or not codes.strip():
                selectors = [("ALL", match.span())]
            else:
                offset = match.start("codes")
                selectors = [(m.group(0), (offset + m.start(), offset + m.end())) for m in _SELECTOR.finditer(codes)]
            if kind == "enable":
                for block in open_blocks:
                    if block.end == len(text) and any(
                        s.upper() == "ALL" or s.lower() == block.selector.lower() for s, _ in selectors
                    ):
                        block.end = match.start()
                open_blocks = [block for block in open_blocks if block.end == len(text)]
                continue
            if kind == "file-ignore":
                start, end = 0, len(text)
            elif kind == "disable":
                start, end = match.end(), len(text)
            else:  # ignore: the next paragraph
                following = next(
                    (
                        (s, e) for s, e in paragraph_starts
                        if s >= match.end() or (e > match.end() and not document.check_text[s:match.start()].strip())
                    ),
                    None,
                )
                start, end = following if following else (len(text), len(text))
            for selector, span in selectors:
                scope = Scope(selector, kind, start, end, span)
                scopes.append(scope)
                if kind == "disable":
                    open_blocks.append(scope)
    for selector in document.suppress:
        scopes.append(Scope(selector, "suppress", 0, len(text), (0, 0), report=False))
    return scopes


def _per_file_selectors(document: Document, settings: Settings) -> list[str]:
    if not settings.per_file_ignores:
        return []
    candidates = {document.path, document.path.replace(os.sep, "/")}
    if document.path not in ("-", "<stdin>", "<text>"):
        # "./archive/old.txt", "archive//old.txt" and "x/../archive/old.txt" all match "archive/*.txt"
        candidates.add(os.path.normpath(document.path).replace(os.sep, "/"))
        candidates.add(os.path.abspath(document.path).replace(os.sep, "/"))
        candidates.add(os.path.realpath(document.path).replace(os.sep, "/"))  # the config's folder is resolved
    selectors: list[str] = []
    for pattern, chosen in settings.per_file_ignores:
        if any(fnmatch.fnmatchcase(candidate, pattern) for candidate in candidates):
            selectors.extend(chosen)
    return selectors


def apply_suppressions(
    document: Document, findings: list[Finding], settings: Settings, ctx: Context
) -> list[Finding]:
    """The findings that survive the vocabulary, the directives and per-file ignores, plus MT001s."""
    from mtcheck.rules import get_rule, matches

    ignored_here = _per_file_selectors(document, settings)
    scopes = parse_directives(document, [(p.start, p.end) for p in ctx.paragraphs])
    kept = []
    for finding in findings:
        if finding.text.strip().lower() in settings.accept:
            continue
        rule = get_rule(finding.code) if ignored_here or scopes else None  # only needed by these
        if ignored_here and _selected(rule, ignored_here):
            continue
        silenced = False
        for scope in scopes:
            if scope.covers(finding) and rule is not None and matches(rule, scope.selector):
                scope.used = True
                silenced = True
        if not silenced:
            kept.append(finding)
    meta = next((rule for rule in settings.rules if rule.code == META_CODE), None)
    if meta is None or not scopes:
        return kept
    unused = _unused(scopes, settings, ctx, meta)
    unused = [f for f in unused if not any(s.covers(f) and matches(meta, s.selector) for s in scopes)]
    return sorted(kept + unused, key=lambda f: (f.start, f.end, f.code, f.message)) if unused else kept


_WHERE = {
    "ignore": "in the next paragraph",
    "disable": "in this block",
    "file-ignore": "in this document",
}


def _unused(scopes: list[Scope], settings: Settings, ctx: Context, meta: Rule) -> list[Finding]:
    from mtcheck.rules import all_rules, matches

    selected = settings.rules
    findings = []
    for scope in scopes:
        if scope.used or not scope.report or scope.selector.upper() == META_CODE:
            continue
        known = [rule for rule in all_rules() if matches(rule, scope.selector)]
        if not known:
            message = f"Unknown rule {scope.selector!r} in a suppression comment: it silences nothing"
        elif not any(rule in selected for rule in known if rule.code != META_CODE):
            continue  # meant for rules this run does not check
        else:
            what = known[0].code + f" ({known[0].name})" if len(known) == 1 else repr(scope.selector)
            message = f"Suppression of {what} silenced nothing {_WHERE.get(scope.kind, '')}".rstrip()
        findings.append(
            ctx.finding(
                scope.span[0], scope.span[1], message, "remove it", rule=meta, selector=scope.selector
            )
        )
    return findings

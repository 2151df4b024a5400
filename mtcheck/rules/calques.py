"""Calques: word-for-word renderings of Lithuanian idioms, titles and terms ("riding as rabbits").

The knowledge is data: ``data/calques.toml`` lists each calque with its patterns, its Lithuanian origin,
an explanation and a suggestion. Idioms whose meaning is lost are major (MT501), stylistic and
terminological calques minor (MT502). A user lexicon of kind ``calques`` adds entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from mtcheck.model import Finding, Severity
from mtcheck.rules.base import Context, Example, Rule


@dataclass(frozen=True)
class Calques:
    """The entries, and one combined regex per severity and case mode (one scan a document)."""

    entries: tuple[Calque, ...]
    scanners: tuple[tuple[Severity, Any], ...]  # severity, regex whose group "eN" is entry N


@dataclass(frozen=True)
class Calque:
    id: str
    pattern: Any  # compiled regex of all the entry's patterns
    lithuanian: str
    explanation: str
    suggestion: str
    severity: Severity


def _compile_calques(raw: dict[str, Any]) -> Calques:
    from mtcheck.lexicons import LexiconError, validate_entries

    entries = raw.get("entry", [])
    errors = validate_entries(
        "calques.toml",
        entries,
        {"id": str, "patterns": list, "lithuanian": str, "explanation": str, "suggestion": str, "severity": str},
        {"evidence": str, "case_sensitive": bool},
    )
    if errors:
        raise LexiconError(errors)
    calques: list[Calque] = []
    groups: dict[tuple[Severity, bool], list[str]] = {}
    seen: set[str] = set()
    for entry in entries:
        if entry["id"] in seen:
            errors.append(f"calques.toml: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        try:
            severity = Severity.parse(entry["severity"])
        except ValueError as error:
            errors.append(f"calques.toml: {entry['id']}: {error}")
            continue
        flags = regex.VERSION1 if entry.get("case_sensitive") else regex.VERSION1 | regex.IGNORECASE
        alternatives = "|".join(f"(?:{pattern})" for pattern in entry["patterns"])
        try:
            pattern = regex.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", flags)
        except regex.error as error:
            errors.append(f"calques.toml: {entry['id']}: bad pattern: {error}")
            continue
        groups.setdefault((severity, bool(entry.get("case_sensitive"))), []).append(
            f"(?P<e{len(calques)}>{alternatives})"
        )
        calques.append(
            Calque(entry["id"], pattern, entry["lithuanian"], entry["explanation"], entry["suggestion"], severity)
        )
    if errors:
        raise LexiconError(errors)
    scanners = tuple(
        (
            severity,
            regex.compile(
                rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])",
                regex.VERSION1 if case_sensitive else regex.VERSION1 | regex.IGNORECASE,
            ),
        )
        for (severity, case_sensitive), parts in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1]))
    )
    return Calques(tuple(calques), scanners)


def _findings(ctx: Context, severity: Severity) -> Iterator[Finding]:
    calques = ctx.lexicons.compiled("calques", _compile_calques)
    text = ctx.text
    for scanner_severity, scanner in calques.scanners:
        if scanner_severity != severity:
            continue
        for match in scanner.finditer(text):
            calque = calques.entries[int(str(match.lastgroup)[1:])]
            start, end = match.span()
            if start == end:
                continue
            # Quotations are not skipped: in a translated article they are translated too.
            phrase = match.group(0)
            if ctx.accepted(phrase):
                continue
            yield ctx.finding(
                start,
                end,
                f"{phrase!r} is a literal rendering of Lithuanian '{calque.lithuanian}': {calque.explanation}",
                calque.suggestion,
                calque=calque.id,
            )


def _check_idioms(ctx: Context) -> Iterator[Finding]:
    yield from _findings(ctx, Severity.MAJOR)


def _check_terms(ctx: Context) -> Iterator[Finding]:
    yield from _findings(ctx, Severity.MINOR)


RULES = (
    Rule(
        code="MT501",
        name="idiom-calque",
        category="calque",
        severity=Severity.MAJOR,
        summary="A Lithuanian idiom or term translated word for word, so that its meaning is lost",
        explanation=(
            "MT renders Lithuanian idioms literally: 'važiuoti zuikiu' (fare dodging) becomes 'riding as "
            "rabbits', 'tempti antklodę į savo pusę' (looking after one's own interests) 'pulling the "
            "blanket to its own side', 'kadencija' (term of office) 'cadence'. English readers cannot "
            "recover the meaning. The calques, their Lithuanian origin, an explanation and a suggestion are "
            "listed in data/calques.toml (severity major)."
        ),
        check=_check_idioms,
        bad=(
            Example("Inspectors caught 4,000 passengers riding as rabbits in September.", flagged="riding as rabbits"),
            Example(
                "Each coalition partner is pulling the blanket to its own side.",
                flagged="pulling the blanket to its own side",
            ),
            Example("The aid came like mustard after lunch.", flagged="like mustard after lunch"),
            Example("The president's second cadence ends in 2029.", flagged="cadence"),
        ),
        good=(
            Example("Inspectors caught 4,000 fare dodgers in September."),
            Example("On the other side of the river, the old town begins."),
        ),
        suggestion="Use the English idiom or plain words: 'fare dodging', 'too little, too late', 'term of office'.",
    ),
    Rule(
        code="MT502",
        name="term-calque",
        category="calque",
        severity=Severity.MINOR,
        summary="A Lithuanian title, term or phrase rendered literally where English has its own",
        explanation=(
            "Titles and terms with established English forms ('Seimo pirmininkas' is the Speaker of the "
            "Seimas, not its chairman; 'savivaldybė' a municipality, not a self-government) and Lithuanian "
            "phrasing carried over word for word ('in the nearest future', 'in the sense that', 'it is "
            "foreseen'). The meaning survives, the text reads as a translation. Listed in data/calques.toml "
            "(severity minor)."
        ),
        check=_check_terms,
        bad=(
            Example("The project is important in the sense that the city lacks venues.", flagged="in the sense that"),
            Example("The law will be adopted in the nearest future.", flagged="in the nearest future"),
            Example("The Chairman of the Seimas signed the law.", flagged="Chairman of the Seimas"),
        ),
        good=(
            Example("The law will be adopted soon, the Speaker of the Seimas said."),
            Example("The Chairman of the Seimas Committee on Budget and Finance spoke."),
        ),
        suggestion="Use the English term: 'soon', 'because', 'Speaker of the Seimas', 'municipality'.",
    ),
)

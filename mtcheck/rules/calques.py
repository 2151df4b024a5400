"""Calques: word-for-word renderings of Lithuanian idioms, titles and terms ("riding as rabbits").

The knowledge is data: ``data/calques.toml`` lists each calque with its patterns, its Lithuanian origin,
an explanation and a suggestion. Idioms whose meaning is lost are major (MT501), stylistic and
terminological calques minor (MT502). A user lexicon of kind ``calques`` adds entries.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from mtcheck.model import Finding, Severity
from mtcheck.rules.base import Context, Example, Rule


@dataclass(frozen=True)
class Calques:
    """The entries, grouped by severity and case mode, with what the pre-filter needs."""

    entries: tuple[Calque, ...]
    groups: tuple[_Group, ...]
    # Per entry and pattern, the clauses the document must satisfy for the pattern to match (see the
    # keyword pre-filter below); None when the entry is always scanned.
    keywords: tuple[tuple[Requirement, ...] | None, ...]
    alternatives: tuple[str, ...]  # per entry, its patterns as one alternation
    _subset_scanners: dict[tuple[bool, tuple[int, ...]], Any] = field(default_factory=dict, compare=False)

    def scanner(self, case_sensitive: bool, indices: tuple[int, ...]) -> Any:
        """One regex for the entries ``indices``, whose group "eN" is entry N (compiled once, cached)."""
        key = (case_sensitive, indices)
        scanner = self._subset_scanners.get(key)
        if scanner is None:
            if len(self._subset_scanners) > 512:
                self._subset_scanners.clear()
            scanner = self._subset_scanners[key] = _combined(
                [f"(?P<e{index}>{self.alternatives[index]})" for index in indices], case_sensitive
            )
        return scanner


@dataclass(frozen=True)
class _Group:
    """The entries of one severity and case mode, indexed for the pre-filter by their anchor words
    (an entry can match only if the document has one of its anchors) or always checked."""

    severity: Severity
    case_sensitive: bool
    anchors: frozenset[str]
    by_anchor: dict[str, tuple[int, ...]]
    always: tuple[int, ...]


@dataclass(frozen=True)
class Calque:
    id: str
    source: str  # the regex of all the entry's patterns, as whole words
    case_sensitive: bool
    lithuanian: str
    explanation: str
    suggestion: str
    severity: Severity
    _compiled: list[Any] = field(default_factory=list, compare=False, repr=False)

    @property
    def pattern(self) -> Any:
        """The compiled regex of ``source``, compiled on first use: a document is scanned with the few
        entries its words allow (see the pre-filter below), and compiling them all costs 0.1 s."""
        if not self._compiled:
            self._compiled.append(regex.compile(self.source, _flags(self.case_sensitive)))
        return self._compiled[0]


def _flags(case_sensitive: bool) -> Any:
    return regex.VERSION1 if case_sensitive else regex.VERSION1 | regex.IGNORECASE


_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z^-]")


def _plainly_valid(pattern: object) -> bool:
    """Whether ``pattern`` certainly compiles with the regex module (VERSION1), checked cheaply with the
    standard library's parser: a pattern it parses without warnings (a regex-only set construct warns),
    with no braces (fuzzy matching, named characters) and no inline flags (scoped in VERSION1). Any
    other pattern is compiled when the lexicon is loaded, so that its errors are reported then."""
    if not isinstance(pattern, str) or "{" in pattern or "}" in pattern or _INLINE_FLAGS.search(pattern):
        return False
    return _sre_parsed(pattern) is not None


@lru_cache(maxsize=1024)
def _sre_parsed(pattern: str) -> tuple[tuple[Any, Any], ...] | None:
    """The standard library's parse of ``pattern``, or None if it fails or warns."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a regex-only construct ("[[a-z]--[b]]") warns in re
            return tuple(_sre_parse.parse(pattern))
    except Exception:  # syntax re does not know (\p{L}, fuzzy matching ...)
        return None


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
    groups: dict[tuple[Severity, bool], list[int]] = {}
    keywords: list[tuple[Requirement, ...] | None] = []
    alternations: list[str] = []
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
        case_sensitive = bool(entry.get("case_sensitive"))
        alternatives = "|".join(f"(?:{pattern})" for pattern in entry["patterns"])
        source = rf"(?<![\w-])(?:{alternatives})(?![\w-])"
        if not all(_plainly_valid(pattern) for pattern in entry["patterns"]):
            try:
                regex.compile(source, _flags(case_sensitive))
            except regex.error as error:
                errors.append(f"calques.toml: {entry['id']}: bad pattern: {error}")
                continue
        groups.setdefault((severity, bool(entry.get("case_sensitive"))), []).append(len(calques))
        keywords.append(_entry_requirements(entry["patterns"]))
        alternations.append(alternatives)
        calques.append(
            Calque(
                entry["id"],
                source,
                case_sensitive,
                entry["lithuanian"],
                entry["explanation"],
                entry["suggestion"],
                severity,
            )
        )
    if errors:
        raise LexiconError(errors)
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], item[0][1]))
    return Calques(
        tuple(calques),
        tuple(_group(severity, case_sensitive, indices, keywords) for (severity, case_sensitive), indices in ordered),
        tuple(keywords),
        tuple(alternations),
    )


def _group(
    severity: Severity, case_sensitive: bool, indices: list[int], keywords: list[tuple[Requirement, ...] | None]
) -> _Group:
    by_anchor: dict[str, list[int]] = {}
    always: list[int] = []
    for index in indices:
        requirements = keywords[index]
        if requirements is None or not all(clauses[0].words and not clauses[0].strings for clauses in requirements):
            always.append(index)
            continue
        for word in {word for clauses in requirements for word in clauses[0].words}:
            by_anchor.setdefault(word, []).append(index)
    return _Group(
        severity,
        case_sensitive,
        frozenset(by_anchor),
        {word: tuple(entries) for word, entries in by_anchor.items()},
        tuple(always),
    )


def _combined(parts: list[str], case_sensitive: bool) -> Any:
    return regex.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", _flags(case_sensitive))


# --- keyword pre-filter ----------------------------------------------------------------------------
# The combined scanner tries every entry at every word start, about 1 µs a character, and most
# documents contain none of the calques. So each pattern is analysed (with the standard library's
# regex parser) into literal text every match of it contains, as clauses: a pattern can match only if
# each of its clauses has one of its keywords in the document. The scanner then runs over only the
# entries that can match (an entry that cannot match anywhere in the text changes nothing in the
# alternation, so the findings are identical). Keywords are ASCII and compared with the case-folded
# text (the regex module also matches "i" with "İ" and "ı", which _fold maps to "i"); a keyword that
# the pattern delimits as a whole word is looked up in the document's set of words, any other one is
# searched as a substring. A pattern the analysis does not understand is always scanned.
_sre_parse: Any = importlib.import_module("re._parser")
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_FOLD_EXTRA = str.maketrans({"\u0307": None, "ı": "i"})
_ASCII_WORDS = re.compile(r"[a-z0-9_]+")  # faster than the regex module's, over a document or a keyword
_MAX_CLAUSES = 8
_MAX_SUBSTRINGS = 64  # more strings cost less than a regex scan of the document that finds nothing


@dataclass(frozen=True)
class _Clause:
    """Satisfied when one of ``words`` is a word of the folded text or one of ``strings`` is in it."""

    words: frozenset[str]
    strings: frozenset[str]
    commonness: float  # Zipf frequency of its most common keyword: the lower, the more selective
    # each string with its inner words (the ASCII words delimited inside it, which a text that has the
    # string has as words): looked up in the document's words before the string is searched
    searches: tuple[tuple[str, frozenset[str]], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        searches = []
        # a string that contains another one of the clause is in the text only if that one is: the
        # clause holds exactly when one of the others is in the text
        kept = [
            string for string in self.strings if not any(other != string and other in string for other in self.strings)
        ]
        for string in sorted(kept, key=lambda string: (len(string), string)):
            inner = frozenset(
                match.group()
                for match in _ASCII_WORDS.finditer(string)
                if match.start() > 0 and match.end() < len(string)
            )
            searches.append((string, inner))
        object.__setattr__(self, "searches", tuple(searches))

    def holds(self, words: set[str], folded: str) -> bool:
        return not self.words.isdisjoint(words) or any(
            inner.issubset(words) and string in folded for string, inner in self.searches
        )


Requirement = tuple[_Clause, ...]  # all must hold


class _Unanalysable(Exception):
    pass


@lru_cache(maxsize=4096)
def _commonness(keyword: str) -> float:
    from mtcheck.wordfreqs import english_zipf

    tokens = _ASCII_WORDS.findall(keyword)
    return min((english_zipf(token) for token in tokens), default=8.0)


def _entry_requirements(patterns: list[str]) -> tuple[Requirement, ...] | None:
    """Per pattern, the clauses a match needs; None when some pattern has none (always scan)."""
    requirements: list[Requirement] = []
    for pattern in patterns:
        parsed = _sre_parsed(pattern) if isinstance(pattern, str) else None
        if parsed is None:  # syntax re does not know (\p{L}, fuzzy matching ...): no filter
            return None
        try:
            clauses = _clauses(list(parsed), True, True)
        except Exception:
            return None
        if not clauses:
            return None
        requirements.append(tuple(sorted(clauses, key=_selectivity)[:_MAX_CLAUSES]))
    return tuple(requirements)


def _selectivity(clause: _Clause) -> float:
    return clause.commonness + 0.25 * len(clause.strings)  # rare first; a word look-up is cheaper than a search


_ZERO_WIDTH = frozenset({"ASSERT", "ASSERT_NOT", "AT"})
_MAX_ALTERNATIVES = 64


def _literal_alternatives(op: Any, argument: Any) -> list[str] | None:
    """The ASCII strings a small literal item can match (a literal, a set of literal characters, an
    optional literal, an alternation of literals), or None."""
    name = str(op)
    if name == "LITERAL":
        char = chr(argument)
        if char in "{}":
            raise _Unanalysable  # maybe the regex module's fuzzy matching, "(?:word){e<=1}"
        return [char] if char.isascii() else None
    if name == "IN":
        chars = []
        for member_op, member in argument:
            if str(member_op) != "LITERAL" or not chr(member).isascii():
                return None
            chars.append(chr(member))
        return chars
    if name == "SUBPATTERN":
        return _sequence_alternatives(list(argument[-1]))
    if name == "BRANCH":
        found: list[str] = []
        for branch in argument[1]:
            strings = _sequence_alternatives(list(branch))
            if strings is None:
                return None
            found += strings
        return found if len(found) <= _MAX_ALTERNATIVES else None
    if name in _REPEATS:
        minimum, maximum, sub = argument
        strings = _sequence_alternatives(list(sub))
        if strings is None or (minimum, maximum) not in ((0, 1), (1, 1)):
            return None
        return ([""] if minimum == 0 else []) + strings
    return None


def _sequence_alternatives(items: list[tuple[Any, Any]]) -> list[str] | None:
    strings = [""]
    for op, argument in items:
        if str(op) in _ZERO_WIDTH:
            return None
        alternatives = _literal_alternatives(op, argument)
        if alternatives is None or len(strings) * len(alternatives) > _MAX_ALTERNATIVES:
            return None
        strings = [string + alternative for string in strings for alternative in alternatives]
    return strings


def _run_clauses(run: list[str], at_start: bool, at_end: bool) -> list[_Clause]:
    """Clauses for a run of literal text with alternatives: each whole word every alternative has;
    the rarest whole word of each alternative; the alternatives as substrings when they are few."""
    per_alternative: list[set[str]] = []
    for alternative in run:
        bounded = set()
        for match in _ASCII_WORDS.finditer(alternative.lower()):
            if (match.start() > 0 or at_start) and (match.end() < len(alternative) or at_end):
                bounded.add(match.group())
        per_alternative.append(bounded)
    common = set.intersection(*per_alternative)
    clauses = [_Clause(frozenset({word}), frozenset(), _commonness(word)) for word in sorted(common)]
    if len(run) > 1 and all(per_alternative):
        rarest = frozenset(min(sorted(words), key=_commonness) for words in per_alternative)
        clauses.append(_Clause(rarest, frozenset(), max(_commonness(word) for word in rarest)))
    strings = frozenset(alternative.lower() for alternative in run)
    if len(strings) <= _MAX_SUBSTRINGS and "" not in strings and not any(strings == clause.words for clause in clauses):
        clauses.append(_Clause(frozenset(), strings, max(_commonness(string) for string in strings)))
    return clauses


def _clauses(items: list[tuple[Any, Any]], at_start: bool, at_end: bool) -> list[_Clause]:
    """The clauses every match of the sequence ``items`` satisfies (raises _Unanalysable)."""
    clauses: list[_Clause] = []
    run: list[str] = []  # the literal text read so far, one string per alternative
    run_at_start = at_start
    consuming = [position for position, (op, _) in enumerate(items) if str(op) not in _ZERO_WIDTH]
    first_consuming = consuming[0] if consuming else len(items)
    last_consuming = consuming[-1] if consuming else -1

    def close_run(at_end_now: bool) -> None:
        if run:
            clauses.extend(_run_clauses(run, run_at_start, at_end_now))
            run.clear()

    for position, (op, argument) in enumerate(items):
        name = str(op)
        if name in _ZERO_WIDTH:
            continue  # lookarounds and anchors consume nothing: the run goes on around them
        first = at_start and position <= first_consuming
        final = at_end and position >= last_consuming
        alternatives = _literal_alternatives(op, argument)
        if alternatives is not None and len(run or [""]) * len(alternatives) <= _MAX_ALTERNATIVES:
            if not run:
                run_at_start = first
                run.append("")
            run[:] = [string + alternative for string in run for alternative in alternatives]
            continue
        close_run(False)
        if name in _REPEATS:
            minimum, _maximum, sub = argument
            inner = _clauses(list(sub), False, False)
            if minimum >= 1:
                clauses.extend(inner)
        elif name == "SUBPATTERN":
            clauses.extend(_clauses(list(argument[-1]), first, final))
        elif name == "BRANCH":
            words: set[str] = set()
            strings: set[str] = set()
            commonness = 0.0
            for branch in argument[1]:
                inner = _clauses(list(branch), first, final)
                if not inner:
                    break
                best = min(inner, key=_selectivity)
                words |= best.words
                strings |= best.strings
                commonness = max(commonness, best.commonness)
            else:
                clauses.append(_Clause(frozenset(words), frozenset(strings), commonness))
        # sets, classes, anything else: no literal text, and a run ends there
    close_run(at_end)
    return clauses


def _fold(text: str) -> str:
    folded = text.casefold()
    if "\u0307" in folded or "ı" in folded:
        folded = folded.translate(_FOLD_EXTRA)
    return folded


_folded: list[Any] = [None, "", set()]  # the last text, folded, and its words (both rules read it)


def _folded_text(text: str) -> tuple[str, set[str]]:
    if _folded[0] is not text:
        folded = _fold(text)
        _folded[:] = [text, folded, set(_ASCII_WORDS.findall(folded))]
    return _folded[1], _folded[2]


def _scan(calques: Calques, case_sensitive: bool, candidates: tuple[int, ...], text: str) -> list[tuple[int, Any]]:
    """The matches of the combined scanner restricted to ``candidates``: (entry index, match).

    Rather than compiling an alternation for each set of candidates, each entry's own pattern is
    searched and the leftmost match taken, the first entry winning a tie, as the alternation does; an
    empty match (which the alternation handles differently) falls back to the compiled alternation.
    """
    entries = calques.entries
    if len(candidates) == 1:
        index = candidates[0]
        return [(index, match) for match in entries[index].pattern.finditer(text)]
    upcoming = {index: entries[index].pattern.search(text) for index in candidates}
    found: list[tuple[int, Any]] = []
    position = 0
    while True:
        best: tuple[int, Any] | None = None
        for index in candidates:
            match = upcoming[index]
            if match is not None and match.start() < position:
                match = upcoming[index] = entries[index].pattern.search(text, position)
            if match is not None and (best is None or match.start() < best[1].start()):
                best = (index, match)
        if best is None:
            return found
        if best[1].start() == best[1].end():
            scanner = calques.scanner(case_sensitive, candidates)
            return [(int(str(match.lastgroup)[1:]), match) for match in scanner.finditer(text)]
        found.append(best)
        position = best[1].end()


def _findings(ctx: Context, severity: Severity) -> Iterator[Finding]:
    calques = ctx.lexicons.compiled("calques", _compile_calques)
    text = ctx.text
    folded: str | None = None
    for group in calques.groups:
        if group.severity != severity:
            continue
        if folded is None:
            folded, words = _folded_text(text)
        hits = group.anchors.intersection(words)
        pool: Iterable[int] = group.always
        if hits:
            pool = sorted({index for word in hits for index in group.by_anchor[word]}.union(group.always))
        keywords = calques.keywords
        candidates = tuple(
            index
            for index in pool
            if (requirements := keywords[index]) is None
            or any(all(clause.holds(words, folded) for clause in clauses) for clauses in requirements)
        )
        if not candidates:
            continue
        for index, match in _scan(calques, group.case_sensitive, candidates, text):
            calque = calques.entries[index]
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

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
from functools import cached_property, lru_cache
from typing import Any

import regex

from mtcheck.model import Finding, Severity
from mtcheck.rules.base import Context, Example, Rule
from mtcheck.substrings import common_substring


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
    _stdlib: list[_Portable | None] = field(default_factory=list, compare=False, repr=False)

    @property
    def pattern(self) -> Any:
        """The compiled regex of ``source``, compiled on first use: a document is scanned with the few
        entries its words allow (see the pre-filter below), and compiling them all costs 0.1 s."""
        if not self._compiled:
            self._compiled.append(regex.compile(self.source, _flags(self.case_sensitive)))
        return self._compiled[0]

    @property
    def stdlib(self) -> _Portable | None:
        """``source`` compiled with the standard library's ``re``, when it means the same there (see
        _portable below); None when it may not. Decided and compiled on first use."""
        if not self._stdlib:
            self._stdlib.append(_stdlib_equivalent(self.source, self.case_sensitive))
        return self._stdlib[0]

    def matcher(self, text: _TextFacts) -> Any:
        """The compiled pattern to scan ``text`` with: the stdlib one (2-10x faster to scan, 10x faster
        to compile) where its matches are certainly the regex module's, else the regex one."""
        portable = self.stdlib
        if portable is not None and text.portable and portable.agrees_on(text.unusual):
            return portable.pattern
        return self.pattern


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


# --- the standard library's re where it is exactly equivalent ---------------------------------------
# The regex module (VERSION1) and the standard library's re mean the same by a pattern made of literal
# characters, classes of literals, ASCII ranges and the categories \w \s \d (and their negations),
# alternation, greedy and lazy repeats, groups without flags, lookarounds (re compiles only fixed-width
# lookbehinds, which regex treats alike), ^ $ \A \Z \b \B and "." (both: any character but "\n").
# Both are backtracking engines trying alternatives left to right, and both let a lookbehind or \b
# see the text before the ``pos`` of search(). What can still differ is per character of the text:
#   - \w \s \d: re follows str.isalnum/isspace/isdecimal, regex the Unicode properties; they differ
#     on superscript digits and fractions, combining marks, "\x1c"-"\x1f" and a few more;
#   - case-insensitive matching: regex (VERSION1) folds case fully ("ß" matches "ss", "ﬁ" "fi") and
#     relates "i" with "İ" and "ı", re folds simply;
# so a document is scanned with re only if each character that is not printable ASCII (or tab, newline,
# carriage return, on which the engines agree) passes probes of both engines: the same verdict for \w,
# \s, \d and [a-z] case-insensitively, case forms that are single characters (no full folding) and,
# for a character outside ASCII, case forms outside ASCII; and for a pattern with literal characters
# outside ASCII, the same case-insensitive verdict for each of them. Typical Lithuanian letters, curly
# quotes and dashes pass; a text with "²" or "ß" is scanned with regex. The pattern must also match
# no empty string (the scanners treat empty matches differently). Kept conservative: anything else
# (inline flags, braces, named groups, possessive repeats, non-ASCII ranges ...) stays with regex.
_PORTABLE_CATEGORIES = frozenset(
    f"CATEGORY_{name}" for name in ("DIGIT", "NOT_DIGIT", "SPACE", "NOT_SPACE", "WORD", "NOT_WORD")
)
_PORTABLE_AT = frozenset(
    f"AT_{name}" for name in ("BEGINNING", "BEGINNING_STRING", "END", "END_STRING", "BOUNDARY", "NON_BOUNDARY")
)
_UNUSUAL = re.compile(r"[^\t\n\r -~]")  # characters the probes must vouch for


@dataclass(frozen=True)
class _Portable:
    pattern: Any  # re.Pattern
    literals: frozenset[str]  # its literal characters outside ASCII

    def agrees_on(self, unusual: frozenset[str]) -> bool:
        return not self.literals or all(_literal_agrees(char, literal) for char in unusual for literal in self.literals)


def _stdlib_equivalent(source: str, case_sensitive: bool) -> _Portable | None:
    if "{" in source or "}" in source or _INLINE_FLAGS.search(source):
        return None
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a regex-only construct ("[[a-z]--[b]]") warns in re
            tree = _sre_parse.parse(source, flags)
    except Exception:  # syntax re does not know
        return None
    literals: set[str] = set()
    try:
        if tree.getwidth()[0] == 0 or not _portable(list(tree), literals):
            return None
    except Exception:  # a parse tree shaped otherwise (another Python): regex it is
        return None
    try:
        compiled = re.compile(source, flags)  # (parsed again: the same tree, from the public API)
    except Exception:  # a variable-width lookbehind
        return None
    return _Portable(compiled, frozenset(literals))


def _portable_char(char: str, literals: set[str]) -> bool:
    """An ASCII literal, or one outside ASCII whose case forms are single characters outside ASCII."""
    if char.isascii():
        return True
    forms = (char.lower(), char.upper(), char.casefold())
    if any(len(form) != 1 or form.isascii() for form in forms):
        return False
    literals.add(char)
    return True


def _portable(items: list[tuple[Any, Any]], literals: set[str]) -> bool:
    """Whether the parsed pattern ``items`` uses only constructs both engines read alike (see above)."""
    for op, argument in items:
        name = op.name
        if name in ("LITERAL", "NOT_LITERAL"):
            if not _portable_char(chr(argument), literals):
                return False
        elif name == "IN":
            for member_op, member in argument:
                kind = member_op.name
                if kind == "LITERAL":
                    if not _portable_char(chr(member), literals):
                        return False
                elif kind == "RANGE":
                    if not (chr(member[0]).isascii() and chr(member[1]).isascii()):
                        return False
                elif kind == "CATEGORY":
                    if member.name not in _PORTABLE_CATEGORIES:
                        return False
                elif kind != "NEGATE":
                    return False
        elif name == "BRANCH":
            if not all(_portable(list(branch), literals) for branch in argument[1]):
                return False
        elif name == "SUBPATTERN":
            _group, add_flags, del_flags, sub = argument
            if add_flags or del_flags or not _portable(list(sub), literals):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            if not _portable(list(argument[2]), literals):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _portable(list(argument[1]), literals):
                return False
        elif name == "AT":
            if argument.name not in _PORTABLE_AT:
                return False
        elif name != "ANY":
            return False
    return True


@lru_cache(maxsize=1)
def _probes() -> tuple[tuple[Any, Any], ...]:
    """The same class in both engines: (re pattern, regex pattern)."""
    return tuple(
        (re.compile(source, flags), regex.compile(source, regex.VERSION1 | flags))
        for source, flags in ((r"\w", 0), (r"\s", 0), (r"\d", 0), ("[a-z]", re.IGNORECASE))
    )


@lru_cache(maxsize=4096)
def _char_agrees(char: str) -> bool:
    """Whether both engines treat ``char`` alike in the constructs _portable allows (see above)."""
    forms = (char.lower(), char.upper(), char.casefold())
    if any(len(form) != 1 for form in forms):
        return False
    if not char.isascii() and any(form.isascii() for form in forms):
        return False
    return all((stdlib.fullmatch(char) is None) == (other.fullmatch(char) is None) for stdlib, other in _probes())


@lru_cache(maxsize=4096)
def _literal_agrees(char: str, literal: str) -> bool:
    """Whether both engines agree on whether ``char`` matches ``literal`` case-insensitively."""
    stdlib = re.fullmatch(re.escape(literal), char, re.IGNORECASE) is None
    return stdlib == (regex.fullmatch(regex.escape(literal), char, regex.VERSION1 | regex.IGNORECASE) is None)


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
try:  # the standard library's own parser (private: without it every pattern stays with regex, unfiltered)
    _sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise
    _sre_parse = None
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_FOLD_EXTRA = str.maketrans({"\u0307": None, "ı": "i"})
_ASCII_WORDS = re.compile(r"[a-z0-9_]+")  # faster than the regex module's, over a document or a keyword
_WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_MAX_CLAUSES = 8
_MAX_SUBSTRINGS = 64  # more strings cost less than a regex scan of the document that finds nothing


@dataclass(frozen=True)
class _Clause:
    """Satisfied when one of ``words`` is a word of the folded text or one of ``strings`` is in it."""

    words: frozenset[str]
    strings: frozenset[str]
    commonness: float  # Zipf frequency of its most common keyword: the lower, the more selective

    @cached_property
    def searches(self) -> tuple[str, tuple[tuple[str, frozenset[str]], ...]]:
        """How the strings are looked for (worked out when first needed: the clauses of most entries
        are never evaluated, or hold by their words): a substring all of them share, which the text
        has if it has any of them ("" if none worth it), and each string with its inner words (the
        ASCII words delimited inside it, which a text that has the string has as words), looked up in
        the document's words before the string is searched."""
        searches = []
        # a string that contains another one of the clause is in the text only if that one is: the
        # clause holds exactly when one of the others is in the text
        # (shorter first: a string that contains another contains one that is kept)
        kept: list[str] = []
        for string in sorted(self.strings, key=lambda string: (len(string), string)):
            if not any(other in string for other in kept):
                kept.append(string)
        for string in kept:
            inner = frozenset(
                match.group()
                for match in _ASCII_WORDS.finditer(string)
                if match.start() > 0 and match.end() < len(string)
            )
            searches.append((string, inner))
        return _shared_substring(kept), tuple(searches)

    def holds(self, words: set[str], folded: str) -> bool:
        if not self.words.isdisjoint(words):
            return True
        shared, searches = self.searches
        if shared and shared not in folded:
            return False
        return any(inner.issubset(words) and string in folded for string, inner in searches)


def _shared_substring(strings: list[str]) -> str:
    """The longest substring of all ``strings`` (of 4 characters or more, else ""), when they are several."""
    return common_substring(strings, minimum=4) if len(strings) >= 2 else ""


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
        kept = sorted(clauses, key=_selectivity)[:_MAX_CLAUSES]
        # All must hold, so the order changes only the cost: the clauses of words alone first (a set
        # look-up each, where strings are searched in the text), rarest first. The first one is then
        # an anchor of the entry (see _group) whenever the pattern has one.
        requirements.append(tuple(sorted(kept, key=lambda clause: bool(clause.strings) or not clause.words)))
    return tuple(requirements)


def _selectivity(clause: _Clause) -> float:
    return clause.commonness + 0.25 * len(clause.strings)  # rare first; a word look-up is cheaper than a search


_ZERO_WIDTH = frozenset({"ASSERT", "ASSERT_NOT", "AT"})
_MAX_ALTERNATIVES = 64


def _literal_alternatives(op: Any, argument: Any) -> list[str] | None:
    """The ASCII strings a small literal item can match (a literal, a set of literal characters, an
    optional literal, an alternation of literals), or None."""
    name = op.name
    if name == "LITERAL":
        char = chr(argument)
        if char in "{}":
            raise _Unanalysable  # maybe the regex module's fuzzy matching, "(?:word){e<=1}"
        return [char] if char.isascii() else None
    if name == "IN":
        chars = []
        for member_op, member in argument:
            if member_op.name != "LITERAL" or not chr(member).isascii():
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
        if op.name in _ZERO_WIDTH:
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
        # its words, but a first one that starts it (last one that ends it) unless the run is at the
        # start (end) of the match: the text may go on with more word characters there
        lower = alternative.lower()
        found = _ASCII_WORDS.findall(lower)
        first = 1 if not at_start and lower[:1] in _WORD_CHARACTERS else 0
        last = len(found) - 1 if not at_end and lower[-1:] in _WORD_CHARACTERS else len(found)
        per_alternative.append(set(found[first:last]))
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
    consuming = [position for position, (op, _) in enumerate(items) if op.name not in _ZERO_WIDTH]
    first_consuming = consuming[0] if consuming else len(items)
    last_consuming = consuming[-1] if consuming else -1

    def close_run(at_end_now: bool) -> None:
        if run:
            clauses.extend(_run_clauses(run, run_at_start, at_end_now))
            run.clear()

    for position, (op, argument) in enumerate(items):
        name = op.name
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


# The words of the folded text, as _ASCII_WORDS.findall would give them, faster: every character but
# [a-z0-9_] becomes a space (a character outside ASCII is first encoded as "?"), and the text is split
# at spaces: what remains are exactly the maximal runs of [a-z0-9_].
_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789_"
_NON_WORD_TO_SPACE = bytes(code if code in _WORD_BYTES else 32 for code in range(256))


class _TextFacts:
    """What the pre-filter and the scanners need to know of a text (both rules read it)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = _fold(text)
        self.words = set(self.folded.encode("ascii", "replace").translate(_NON_WORD_TO_SPACE).decode("ascii").split())

    @cached_property
    def unusual(self) -> frozenset[str]:
        """The characters of the text that are not printable ASCII, tab, newline or carriage return."""
        return frozenset(_UNUSUAL.findall(self.text))

    @cached_property
    def portable(self) -> bool:
        """Whether re and regex treat all its characters alike (see _char_agrees)."""
        return all(_char_agrees(char) for char in self.unusual)


def _text_facts(ctx: Context) -> _TextFacts:
    """The facts of ``ctx.text``, computed once a document (MT501 and MT502 both read them): kept in
    the document's ``ctx.options``, so that documents checked at the same time in other threads
    never see them."""
    facts: _TextFacts | None = ctx.options.get("_calques_facts")
    text = ctx.text
    if facts is None or facts.text is not text:
        facts = ctx.options["_calques_facts"] = _TextFacts(text)
    return facts


def _scan(
    calques: Calques, case_sensitive: bool, candidates: tuple[int, ...], facts: _TextFacts
) -> list[tuple[int, Any]]:
    """The matches of the combined scanner restricted to ``candidates``: (entry index, match).

    Rather than compiling an alternation for each set of candidates, each entry's own pattern is
    searched and the leftmost match taken, the first entry winning a tie, as the alternation does; an
    empty match (which the alternation handles differently) falls back to the compiled alternation.
    Each entry is searched with the regex module or with re (Calque.matcher), which find the same
    matches.
    """
    entries = calques.entries
    text = facts.text
    if len(candidates) == 1:
        index = candidates[0]
        return [(index, match) for match in entries[index].matcher(facts).finditer(text)]
    patterns = {index: entries[index].matcher(facts) for index in candidates}
    upcoming = {index: patterns[index].search(text) for index in candidates}
    found: list[tuple[int, Any]] = []
    position = 0
    while True:
        best: tuple[int, Any] | None = None
        for index in candidates:
            match = upcoming[index]
            if match is not None and match.start() < position:
                match = upcoming[index] = patterns[index].search(text, position)
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
    facts: _TextFacts | None = None
    for group in calques.groups:
        if group.severity != severity:
            continue
        if facts is None:
            facts = _text_facts(ctx)
            folded, words = facts.folded, facts.words
        hits = group.anchors.intersection(words)
        pool: Iterable[int] = group.always
        if hits:
            pool = sorted({index for word in hits for index in group.by_anchor[word]}.union(group.always))
        keywords = calques.keywords
        candidates: list[int] = []
        for index in pool:
            requirements = keywords[index]
            if requirements is None:
                candidates.append(index)
                continue
            # (loops rather than any(all(...)) over generators: this runs for every document)
            for clauses in requirements:
                for clause in clauses:
                    if clause.words.isdisjoint(words) and not clause.holds(words, folded):
                        break
                else:
                    candidates.append(index)
                    break
        if not candidates:
            continue
        for index, match in _scan(calques, group.case_sensitive, tuple(candidates), facts):
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

"""Untranslated: Lithuanian abbreviations, dates, words and whole sentences left in the English text.

Four rules, from the most certain to the least:

* MT301 ``lithuanian-abbreviation``: "3 proc.", "9 val.", "10 tūkst.", "t. y.", "Kauno apskr." (the
  abbreviations and the context each needs are data: ``data/lt_abbreviations.toml``);
* MT302 ``lithuanian-date``: date residue "2020 m.", "rugsėjo 14 d.", month and weekday names
  ("on rugsėjo 1"), one finding per Lithuanian date expression (``data/lt_dates.toml``);
* MT303 ``lithuanian-word``: a Lithuanian word left in running English ("the villagers of tractor
  suvažinėjo tigrę"): Lithuanian letters in a lowercase word, Lithuanian function words, or a word that
  wordfreq knows in Lithuanian and not at all in English (``data/lt_words.toml``);
* MT304 ``lithuanian-sentence``: a whole sentence left in Lithuanian, found by langdetect (fixed seed)
  on sentences of five words or more that a cheap word count already marks as probably Lithuanian.

Proper names are not untranslated. Capitalised words are never flagged by MT303 (Nausėda, Šiauliai,
Žalgirio Arena); a lowercase word is left alone when its stem is in the names vocabulary
(``data/lt_proper_names.toml``: "seimo", "klaipėda" in lowercased MT), when it sits in name position
(a nominative right after a capitalised word, the Lithuanian way of writing organisation names:
"Maxima grupė", "Verslo žinios"), or inside quotation marks (titles, quoted Lithuanian). The user's
vocabulary (``accept``) is never flagged; ``reject`` words are always flagged by MT303.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Generic, TypeVar

import regex

from mtcheck.lexicons import LexiconError, validate_entries
from mtcheck.model import Finding, Severity
from mtcheck.rules.base import Context, Example, Rule

# --- Shared helpers -------------------------------------------------------------------------------

# A word: letters (with combining marks), joined by inner hyphens or apostrophes.
_WORD = regex.compile(r"(?<![\p{L}\p{M}\d])[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*(?![\p{L}\p{M}\d])")
_LT_LETTERS = frozenset("ąčęėįšųūž")
# The Lithuanian alphabet (no q, w, x): a word with other letters (Czech ř, Polish ś, Latvian ā) is not
# Lithuanian even when it has a č, š or ž.
_LT_ALPHABET = frozenset("aąbcčdeęėfghiįyjklmnoprsštuųūvzž")
# Lithuanian inflectional endings, longest first: for stemming names and recognising inflected words.
_ENDINGS = (
    "iuose",
    "iams",
    "iais",
    "ioms",
    "ijos",
    "ijai",
    "iąją",
    "uose",
    "ams",
    "ais",
    "oms",
    "ose",
    "oje",
    "ėje",
    "yje",
    "iai",
    "ius",
    "ių",
    "iui",
    "iaus",
    "ija",
    "ėms",
    "ėse",
    "ies",
    "as",
    "is",
    "ys",
    "us",
    "ai",
    "ui",
    "io",
    "ių",
    "ų",
    "ą",
    "ę",
    "į",
    "ėm",
    "os",
    "ės",
    "ei",
    "ia",
    "a",
    "ė",
    "o",
    "e",
    "i",
    "u",
    "y",
)
# Lithuanian surname suffixes (nominative and genitive): a lowercase word with one of them is a name
# that the MT lowercased ("tamošiūnas", "šeškauskaitė"), a casing error, not an untranslated word.
_SURNAME_SUFFIX = (
    "ienė",
    "ienės",
    "aitė",
    "aitės",
    "ytė",
    "ytės",
    "iūtė",
    "iūtės",
    "evičius",
    "evičiaus",
    "avičius",
    "avičiaus",
    "auskas",
    "ausko",
    "auskis",
    "auskio",
    "inskas",
    "insko",
    "inskis",
    "inskio",
    "aitis",
    "aičio",
    "ūnas",
    "ūno",
    "iūnas",
    "iūno",
    "ėnas",
    "ėno",
    "onis",
    "onio",
    "ickas",
    "icko",
    "eckas",
    "ecko",
    "aitienė",
    "elis",
    "elio",
)
_ENGLISH_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "of",
        "and",
        "or",
        "for",
        "to",
        "at",
        "by",
        "with",
        "from",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "as",
        "into",
        "than",
        "but",
    ]
)
_SEVERITIES = {"minor": Severity.MINOR, "major": Severity.MAJOR, "critical": Severity.CRITICAL}
# Bound on the per-thread caches keyed by whitespace-separated chunks of text.
_MAX_CHUNKS = 1_000_000


def _document_chunks(ctx: Context) -> set[str]:
    """The document's distinct whitespace-separated chunks (``ctx.text.split()``), computed once a
    document. No word, abbreviation start or letter run crosses whitespace, so the document-level
    pre-filters below classify chunks (cached per thread: most chunks recur) instead of re-scanning
    the text with regexes."""
    cached = ctx.options.get("_untranslated_chunks")
    if cached is None or cached[0] is not ctx.document:
        cached = (ctx.document, set(ctx.text.split()))
        ctx.options["_untranslated_chunks"] = cached
    chunks: set[str] = cached[1]
    return chunks


class _ChunkLog:
    """Every chunk this thread has seen, once each, in the order first seen (bounded: cleared, with a
    new epoch, past _MAX_CHUNKS). The chunk classifiers of MT301-MT304 read it through a _ChunkFeed:
    each classifies the chunks logged since it last looked, so that a document's chunks are looked up
    in one big set (here), once per document, rather than in each rule's own set of chunks seen (a few
    hundred cache misses each). After ``register(chunks)`` and a feed's catch-up, every chunk of
    ``chunks`` is classified by that feed's classifier.

    One log per thread (``_chunk_log()``), as each feed keeps its position and its classes per thread:
    documents checked at the same time in several threads (``check_text`` from a thread pool) never
    see another thread's log, reset or classes, so no lock is needed and the results are those of a
    single thread. The memory is bounded per thread."""

    __slots__ = ("chunks", "epoch", "last", "seen")

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.chunks: list[str] = []
        self.epoch = 0
        self.last: set[str] | None = None  # the chunks registered last (kept alive: compared by identity)

    def register(self, chunks: set[str]) -> None:
        if self.last is chunks:
            return  # the same document's chunks again (the next rule)
        if len(self.seen) > _MAX_CHUNKS:  # bound the memory of a long-running process
            self.seen = set()
            self.chunks = []
            self.epoch += 1
        new = chunks.difference(self.seen)
        if new:
            self.seen.update(new)
            self.chunks.extend(new)  # (classification is per chunk: the order does not matter)
        self.last = chunks


_THREAD = threading.local()  # this thread's _ChunkLog (``log``)


def _chunk_log() -> _ChunkLog:
    """This thread's chunk log."""
    try:
        log: _ChunkLog = _THREAD.log
    except AttributeError:
        log = _THREAD.log = _ChunkLog()
    return log


_Classes = TypeVar("_Classes")


class _FeedState(Generic[_Classes]):
    """A feed's position in one thread's log, and its classifier's classes of the chunks before it."""

    __slots__ = ("classes", "epoch", "position")

    def __init__(self, classes: _Classes) -> None:
        self.epoch = -1
        self.position = 0
        self.classes = classes


class _ChunkFeed(Generic[_Classes]):
    """One classifier's position in this thread's ``_chunk_log()``, with its classes of the chunks
    (made by ``factory``; per thread, like the log). ``pending()`` gives the chunks to classify (all of
    the log, with reset True, when the log was cleared since: the classifier clears its classes first)
    and the classes; ``done(token)`` records them classified (only then, so that a feed never skips an
    unclassified chunk)."""

    def __init__(self, factory: Callable[[], _Classes]) -> None:
        self._factory = factory
        self._local = threading.local()

    def _state(self) -> _FeedState[_Classes]:
        try:
            state: _FeedState[_Classes] = self._local.state
        except AttributeError:
            state = self._local.state = _FeedState(self._factory())
        return state

    @property
    def classes(self) -> _Classes:
        """This thread's classes (of the chunks classified so far)."""
        return self._state().classes

    def pending(self, chunks: set[str]) -> tuple[bool, list[str], tuple[int, int], _Classes]:
        """Register ``chunks`` and return (reset, the chunks not classified yet, token for ``done``,
        this thread's classes)."""
        log = _chunk_log()
        log.register(chunks)
        state = self._state()
        epoch, logged = log.epoch, log.chunks
        size = len(logged)
        if epoch != state.epoch:
            return True, logged[:size], (epoch, size), state.classes
        return False, logged[state.position : size], (epoch, size), state.classes

    def done(self, token: tuple[int, int]) -> None:
        state = self._state()
        state.epoch, state.position = token


# Characters around a word in a chunk ("said,", "(Vilnius)") that are not letters, marks, digits, hyphens or
# apostrophes: a chunk that is letters between them has one word, the letters.
_EDGE_PUNCTUATION = ".,;:!?()[]"


def _chunk_words(chunk: str) -> list[str]:
    """``_WORD.findall(chunk)``, without the regex for the common chunks (a word and punctuation)."""
    core = chunk.strip(_EDGE_PUNCTUATION)
    if core.isalpha():
        return [core]
    words: list[str] = _WORD.findall(chunk)
    return words


def _lower_word_is_lithuanian_spelled(word: str) -> bool:
    lower = word.lower()
    if _LT_LETTERS.isdisjoint(lower):  # the cheap test first: most words have no Lithuanian letter
        return False
    return all(char in _LT_ALPHABET for char in lower if char.isalpha())


_ENDING_SET = frozenset(_ENDINGS)
_ENDING_LENGTHS = tuple(sorted({len(ending) for ending in _ENDINGS}))


def _stems(word: str) -> set[str]:
    """Candidate stems of a (lowercase) Lithuanian word: the word minus each ending it has."""
    found = {word}
    for length in _ENDING_LENGTHS:
        if len(word) - length >= 3 and word[-length:] in _ENDING_SET:
            found.add(word[:-length])
    return found


_FREQ_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, float], dict[str, float]]:
    """wordfreq's Lithuanian and English frequency dicts, loaded once (lazily: wordfreq is heavy)."""
    from mtcheck.wordfreqs import frequencies  # = wordfreq.get_frequency_dict(lang, "best"), faster

    with _FREQ_LOCK:
        return frequencies("lt"), frequencies("en")


def _lt_by_frequency(word: str) -> bool:
    """A word wordfreq knows in Lithuanian (at least one per million) and not at all in English."""
    lithuanian, english = _frequencies()
    return english.get(word, 0.0) == 0.0 and lithuanian.get(word, 0.0) >= 1e-6


# Endings that English (and the Romance and Latin words English borrows) does not use, so that an
# unknown word with one of them, whose stem wordfreq knows as Lithuanian, is an inflected Lithuanian
# word ("legionieriaus", "daugintojai", "melagiais", "pasiklydusius"). -as, -is, -us, -a, -o, -e are
# left out: "casas", "corpus", "parlamento" would match.
_LT_ONLY_ENDINGS = (
    "iuose",
    "iams",
    "iais",
    "ioms",
    "uose",
    "ams",
    "ais",
    "oms",
    "ose",
    "ėse",
    "yje",
    "oje",
    "ėje",
    "iai",
    "iaus",
    "iui",
    "iumi",
    "umi",
    "usius",
    "usio",
    "usi",
    "uoti",
    "inti",
    "ojai",
    "ų",
    "ių",
)


_SORTED_ENDINGS = tuple(sorted(_ENDING_SET))


@lru_cache(maxsize=65536)
def _is_lithuanian_stem(stem: str) -> bool:
    """Whether ``stem`` (three letters or more) is a stem of a word wordfreq knows as Lithuanian (one per
    million or more, five letters or more, rarer in English): ``stem`` plus one of the endings is such a
    word. Looked up per stem, rather than building every stem of the Lithuanian vocabulary."""
    lithuanian, english = _frequencies()
    for ending in _SORTED_ENDINGS:
        word = stem + ending
        frequency = lithuanian.get(word)
        if frequency is not None and frequency >= 1e-6 and len(word) >= 5 and english.get(word, 0.0) < frequency:
            return True
    return False


def _lt_by_morphology(word: str) -> bool:
    """An unknown word with a Lithuanian-only ending whose stem is a known Lithuanian stem."""
    if len(word) < 7 or not word.endswith(_LT_ONLY_ENDINGS) or _frequencies()[1].get(word, 0.0) > 0.0:
        return False
    return any(len(stem) >= 4 and _is_lithuanian_stem(stem) for stem in sorted(_stems(word) - {word}))


@lru_cache(maxsize=1)
def _langdetect() -> Any:
    """langdetect's ``detect_langs``, through the factory of MT743 (profiles loaded as needed), which
    does what ``detect_langs`` does with its own factory (create, append, get_probabilities)."""
    from langdetect import DetectorFactory, detect_langs

    from mtcheck.rules.bilingual import _langdetect_factory

    DetectorFactory.seed = 0  # langdetect is random without it: same input, same output
    factory = _langdetect_factory()
    if factory is None:  # pragma: no cover - an unusual langdetect installation
        return detect_langs

    def detect(text: str) -> Any:
        detector = factory.create()
        detector.append(text)
        return detector.get_probabilities()

    return detect


# --- Lexicons ---------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Abbreviation:
    abbr: str
    lithuanian: str
    english: str
    context: str
    severity: Severity | None
    ignore_case: bool


@dataclass(frozen=True, eq=False)
class _Abbreviations:
    entries: dict[str, _Abbreviation]  # lowercase abbr -> entry
    pattern: Any  # compiled regex of every flaggable abbreviation
    tokens: frozenset[str]  # lowercase words that are abbreviations (without the full stop)
    candidates: Any = None  # compiled regex: where a match of ``pattern`` can start (None: anywhere)
    # compiled regex of the abbreviations' first words (up to the first space), with the candidates'
    # lookbehind: every match of ``pattern`` starts with one, inside one whitespace-separated chunk
    first_words: Any = None
    # the chunks classified (those of the thread's _chunk_log()): (the classified chunks with an offset,
    # chunk -> where first_words starts)
    _feed: _ChunkFeed[tuple[set[str], dict[str, tuple[int, ...]]]] = field(
        default_factory=lambda: _ChunkFeed(lambda: (set(), {}))
    )

    def finditer(self, text: str, chunks: set[str] | None = None) -> Iterator[Any]:
        """``pattern.finditer(text)``, faster: the full pattern (slow lookbehinds) is tried only where
        an abbreviation can start. With ``first_words``: inside the chunks (``chunks``, the distinct
        ``text.split()``) where an abbreviation's first word starts (classified once per thread);
        else where ``candidates`` finds one (one overlapped scan)."""
        if self.candidates is None:
            yield from self.pattern.finditer(text)
            return
        positions: Iterator[int] | list[int]
        if self.first_words is None:
            positions = (candidate.start() for candidate in self.candidates.finditer(text, overlapped=True))
        else:
            positions = self._positions(text, set(text.split()) if chunks is None else chunks)
        last = 0
        for position in positions:
            if position < last:
                continue
            match = self.pattern.match(text, position)
            if match is not None:
                yield match
                last = match.end()

    def _positions(self, text: str, chunks: set[str]) -> list[int]:
        """Sorted offsets in ``text`` where an abbreviation's first word starts: a superset of where
        ``candidates`` matches (whose every match starts with a first word, within one chunk)."""
        reset, pending, token, (flagged, offsets) = self._feed.pending(chunks)
        if reset:
            flagged.clear()
            offsets.clear()
        for chunk in pending:
            found: tuple[int, ...]
            if chunk.isalpha():  # after a letter no first word starts: only at the chunk's start
                found = (0,) if self.first_words.match(chunk) else ()
            else:
                found = tuple(match.start() for match in self.first_words.finditer(chunk, overlapped=True))
            if found:
                offsets[chunk] = found
                flagged.add(chunk)
        self._feed.done(token)
        positions: set[int] = set()
        for chunk in chunks.intersection(flagged):
            found = offsets[chunk]
            index = text.find(chunk)
            while index != -1:
                positions.update(index + offset for offset in found)
                index = text.find(chunk, index + 1)
        return sorted(positions)


_CONTEXTS = ("any", "number", "year", "day", "street", "century", "and", "before-number", "none")
_NUMBER_BEFORE = r"(?:\d|\b(?:mln\.|tūkst\.|mlrd\.|million\.?|thousand\.?|billion\.?))\s*"
_GENITIVE_BEFORE = r"\p{Lu}[\p{Ll}\p{M}]*(?:o|io|os|ės|aus|ų|ių|ies)\s+"


def _abbreviation_regex(abbr: str) -> str:
    parts = [regex.escape(part) for part in abbr.split()]
    return r"\s*".join(parts) if abbr.replace(".", "").replace(" ", "").isalpha() else regex.escape(abbr)


def _compile_abbreviations(raw: dict[str, Any]) -> _Abbreviations:
    entries = raw.get("entry", [])
    errors = validate_entries(
        "lithuanian-abbreviations",
        entries,
        {"abbr": str, "lithuanian": str, "english": str, "context": str},
        {"severity": str, "ignore_case": bool, "note": str},
    )
    for number, entry in enumerate(entries, 1):
        if isinstance(entry, dict) and entry.get("context") not in _CONTEXTS:
            errors.append(f"lithuanian-abbreviations: entry {number}: context must be one of {', '.join(_CONTEXTS)}")
        if isinstance(entry, dict) and entry.get("severity", "major") not in _SEVERITIES:
            errors.append(f"lithuanian-abbreviations: entry {number}: unknown severity {entry.get('severity')!r}")
    if errors:
        raise LexiconError(errors)
    table: dict[str, _Abbreviation] = {}
    by_context: dict[str, list[str]] = {}
    for entry in entries:
        item = _Abbreviation(
            entry["abbr"],
            entry["lithuanian"],
            entry["english"],
            entry["context"],
            _SEVERITIES[entry["severity"]] if "severity" in entry else None,
            bool(entry.get("ignore_case", False)),
        )
        table[item.abbr.lower()] = item
        if item.context != "none":
            by_context.setdefault(item.context, []).append(item.abbr)
    alternatives = []
    bodies = []
    for context, abbrs in by_context.items():
        body = "|".join(_abbreviation_regex(a) for a in sorted(abbrs, key=len, reverse=True))
        before = {
            "number": rf"(?<={_NUMBER_BEFORE})",
            "year": r"(?<=(?<!\d)(?:1[89]|20)\d\d\s+)",
            "day": r"(?<=(?<![\d.,:/])(?:[1-9]|[12]\d|3[01])\s+)",
            "street": rf"(?<={_GENITIVE_BEFORE})",
            "century": r"(?<=\b(?:[IVXL]{2,6}|V|X)\s+)",
            "and": r"(?<=(?:\b(?:ir|and|or|arba)|,)\s+)",
        }.get(context, "")
        after = {"before-number": r"(?=\s*\d)", "street": r"(?!\s*\p{Lu})"}.get(context, "")
        bodies.append(body)
        alternatives.append(rf"{before}(?<![\p{{L}}\p{{M}}.])(?i:{body}){after}(?![\p{{L}}\p{{M}}])")
    pattern = regex.compile("|".join(alternatives))  # only the abbreviation itself ignores case
    tokens = frozenset(abbr.lower().rstrip(".") for abbr in table if " " not in abbr)
    # every match starts with an abbreviation not preceded by a letter, a mark or a full stop (the
    # contexts are lookbehinds): the places where that holds are the only ones worth trying
    flaggable = [abbr for abbrs in by_context.values() for abbr in abbrs]
    candidates = regex.compile(rf"(?<![\p{{L}}\p{{M}}.])(?i:{'|'.join(bodies)})") if bodies and all(flaggable) else None
    # every body is the abbreviation's regex (_abbreviation_regex): it starts with the escaped first
    # word, which cannot match across whitespace; _chunk_start tells what a chunk holds from there on
    first_words = None
    if candidates is not None and all(abbr.split() and abbr == abbr.lstrip() for abbr in flaggable):
        starts = sorted({_chunk_start(abbr) for abbr in flaggable}, key=len, reverse=True)
        first_words = regex.compile(rf"(?<![\p{{L}}\p{{M}}.])(?i:{'|'.join(starts)})")
    return _Abbreviations(table, pattern, tokens, candidates, first_words)


def _chunk_start(abbr: str) -> str:
    r"""A regex of what a whitespace-separated chunk holds where a match of the abbreviation (its
    _abbreviation_regex, then the pattern's final ``(?![\p{L}\p{M}])``) starts: the match either leaves
    the chunk at whitespace after a complete word of it, or ends inside the chunk, not before a letter.
    ("po" alone or "poKr." for "po Kr.", not the "po" of "police".)"""
    parts: list[str] = [regex.escape(part) for part in abbr.split()]
    no_letter = r"(?![\p{L}\p{M}])"
    if abbr.replace(".", "").replace(" ", "").isalpha():  # the words joined by \s*
        tail = no_letter
        for part in reversed(parts[1:]):
            tail = rf"(?:\Z|{part}{tail})"
        return parts[0] + tail
    # the escaped abbreviation: whitespace in it ends the chunk
    return parts[0] + (no_letter if [abbr] == abbr.split() else r"\Z")


_LETTER_RUN = regex.compile(r"[\p{L}\p{M}]+")


@dataclass(frozen=True, eq=False)
class _Dates:
    month: dict[str, str]  # lowercase form -> English month
    weekday: dict[str, str]
    # name -> (source, flags) of the regexes below, compiled when first used: most documents need none
    sources: dict[str, tuple[str, int]]
    forms: frozenset[str] | None = None  # every month and weekday form, when all are plain Lithuanian words
    # classes of the chunks of the thread's _chunk_log(): (with a letter run that is a form, starting
    # with "d.", with "m.")
    _feed: _ChunkFeed[tuple[set[str], set[str], set[str]]] = field(
        default_factory=lambda: _ChunkFeed(lambda: (set(), set(), set()))
    )

    def _classify(self, chunks: set[str]) -> tuple[set[str], set[str], set[str]]:
        """Classify the chunks not classified yet; this thread's classes (``chunks`` all in them)."""
        reset, pending, token, classes = self._feed.pending(chunks)
        with_form, day_mark, year_mark = classes
        if reset:
            for chunk_class in classes:
                chunk_class.clear()
        forms = self.forms
        for chunk in pending:
            runs = [chunk] if chunk.isalpha() else _LETTER_RUN.findall(chunk)
            if forms is not None and not forms.isdisjoint(map(str.casefold, runs)):
                with_form.add(chunk)
            if chunk.startswith("d."):
                day_mark.add(chunk)
            if chunk.startswith("m."):
                year_mark.add(chunk)
        self._feed.done(token)
        return classes

    @cached_property
    def date(self) -> Any:  # a month form with its year and day
        return regex.compile(*self.sources["date"])

    @cached_property
    def year_m(self) -> Any:  # "2020 m."
        return regex.compile(*self.sources["year_m"])

    @cached_property
    def day_d(self) -> Any:  # "14 d."
        return regex.compile(*self.sources["day_d"])

    @cached_property
    def year_case(self) -> Any:  # "2020-ųjų", "2020-aisiais"
        return regex.compile(*self.sources["year_case"])

    def may_have_date(self, text: str, chunks: set[str] | None = None) -> bool:
        """False when ``date`` cannot match in ``text``: the month of a match is a whole run of letters
        (a non-letter on each side), so one of the text's letter runs must be a form, in any case.
        Letter runs do not cross whitespace: the chunks (``chunks``, the distinct ``text.split()``) are
        classified instead, once per thread."""
        if self.forms is None:
            return True
        chunks = set(text.split()) if chunks is None else chunks
        return not chunks.isdisjoint(self._classify(chunks)[0])

    def may_have_day(self, text: str, chunks: set[str]) -> bool:
        """False when ``day_d`` cannot match: its "d." follows whitespace, so it starts a chunk."""
        return not chunks.isdisjoint(self._classify(chunks)[1])

    def may_have_year(self, text: str, chunks: set[str]) -> bool:
        r"""False when ``year_m`` cannot match: its "m." follows whitespace (``\s``, which str.split()
        splits at too), so it starts a chunk."""
        return not chunks.isdisjoint(self._classify(chunks)[2])

    @staticmethod
    def may_have_year_case(text: str) -> bool:
        """False when ``year_case`` cannot match: a match has a hyphen, at most one character and one of
        its endings ("aisiais" starts with "ais"), in that case."""
        return _YEAR_CASE_HINT.search(text) is not None


# stdlib re, fast to compile and to scan (from each hyphen); "." takes any character, whitespace included
_YEAR_CASE_HINT = re.compile(r"-.?(?:ųjų|ais|uosius|ieji|iesiems|ąjį|uoju)", re.DOTALL)


def _compile_dates(raw: dict[str, Any]) -> _Dates:
    errors = validate_entries("lithuanian-dates", raw.get("month", []), {"english": str, "forms": list})
    errors += validate_entries("lithuanian-dates", raw.get("weekday", []), {"english": str, "forms": list})
    if errors:
        raise LexiconError(errors)
    month = {form.lower(): entry["english"] for entry in raw.get("month", []) for form in entry["forms"]}
    weekday = {form.lower(): entry["english"] for entry in raw.get("weekday", []) for form in entry["forms"]}
    forms = "|".join(regex.escape(form) for form in sorted({**month, **weekday}, key=len, reverse=True))
    year = r"(?:1[89]|20)\d\d"
    date = (
        rf"(?<![\p{{L}}\p{{M}}\d])(?:(?P<year>{year})\s+(?:m\.\s*)?)?(?P<month>{forms})(?![\p{{L}}\p{{M}}])"
        rf"(?:\s+(?P<day>[1-9]|[12]\d|3[01])(?P<ordinal>-[\p{{L}}]+)?(?![\d\p{{L}}]))?",
        regex.IGNORECASE,
    )
    year_m = (
        rf"(?<![\p{{L}}\d.,])(?P<article>(?:\b(?:the|a|an)\s+))?(?P<year>{year})\s+m\.(?![\p{{L}}\p{{M}}])",
        0,
    )
    day_d = (r"(?<![\p{L}\d.,:/])(?P<day>[1-9]|[12]\d|3[01])\s+d\.(?![\p{L}\p{M}])", 0)
    year_case = (
        rf"(?<![\p{{L}}\d])(?P<year>{year})\s?-\s?(?:ųjų|aisiais|uosius|ieji|iesiems|ais|ąjį|uoju)(?![\p{{L}}])",
        0,
    )
    all_forms = {**month, **weekday}
    # casefold() equals the pattern's case-insensitive matching for Lithuanian letters only
    plain = all(form and set(form) <= _LT_ALPHABET | {"q", "w", "x"} for form in all_forms)
    form_set = frozenset(form.casefold() for form in all_forms) if plain else None
    sources = {"date": date, "year_m": year_m, "day_d": day_d, "year_case": year_case}
    return _Dates(month, weekday, sources, form_set)


@dataclass(frozen=True, eq=False)
class _Words:
    never_english: frozenset[str]
    ambiguous: frozenset[str]
    nominative: tuple[str, ...]
    genitive: tuple[str, ...]


def _compile_words(raw: dict[str, Any]) -> _Words:
    errors = [
        f"lithuanian-words: {key!r} must be a list of strings"
        for key in ("never_english", "ambiguous", "name_nominative_endings", "name_genitive_endings")
        if not isinstance(raw.get(key, []), list) or not all(isinstance(w, str) for w in raw.get(key, []))
    ]
    if errors:
        raise LexiconError(errors)
    ambiguous = frozenset(word.lower() for word in raw.get("ambiguous", []))
    never = frozenset(word.lower() for word in raw.get("never_english", [])) - ambiguous
    nominative = tuple(sorted(raw.get("name_nominative_endings", []), key=len, reverse=True))
    genitive = tuple(sorted(raw.get("name_genitive_endings", []), key=len, reverse=True))
    return _Words(never, ambiguous, nominative, genitive)


@dataclass(frozen=True, eq=False)
class _Names:
    stems: frozenset[str]


def _compile_names(raw: dict[str, Any]) -> _Names:
    stems: set[str] = set()
    for key, value in raw.items():
        if key == "meta":
            continue
        if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
            raise LexiconError([f"lithuanian-proper-names: {key!r} must be a list of strings"])
        for name in value:
            words = name.split()
            for word in words if len(words) == 1 else [w for w in words if w[:1].isupper()]:
                for part in word.lower().split("-"):
                    stems |= _stems(part)
    return _Names(frozenset(stems))


def _lexicon(ctx: Context) -> tuple[_Abbreviations, _Dates, _Words, _Names]:
    return (
        ctx.lexicons.compiled("lithuanian-abbreviations", _compile_abbreviations),
        ctx.lexicons.compiled("lithuanian-dates", _compile_dates),
        ctx.lexicons.compiled("lithuanian-words", _compile_words),
        ctx.lexicons.compiled("lithuanian-proper-names", _compile_names),
    )


def _is_name(word: str, names: _Names) -> bool:
    return bool(_stems(word.lower()) & names.stems)


def _looks_lithuanian(word: str, words: _Words) -> bool:
    return _lower_looks_lithuanian(word.lower(), words)


@lru_cache(maxsize=65536)
def _lower_looks_lithuanian(lower: str, words: _Words) -> bool:
    """``_looks_lithuanian`` of a lowercase word (depends on the word and the lexicon only: cached)."""
    return (
        _lower_word_is_lithuanian_spelled(lower)
        or lower in words.never_english
        or lower in words.ambiguous
        or (len(lower) > 3 and _lt_by_frequency(lower))
    )


def _quoted_own_words(ctx: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` lies in a quotation that is somebody's own Lithuanian words: a short
    quotation (a title, a nickname: '"Tarp mūsų"', '"valstiečių" leader') or one mostly in Lithuanian
    (a slogan). A Lithuanian word inside a quoted English statement is still untranslated."""
    for q_start, q_end in ctx.quotes:
        if q_start <= start and end <= q_end:
            break
    else:
        return False
    cache: dict[tuple[int, int], bool] = ctx.options.setdefault("_untranslated_quotes", {})
    if (q_start, q_end) not in cache:
        tokens = _WORD.findall(ctx.text, q_start, q_end)
        if len(tokens) <= 4 or "\n" in ctx.text[q_start:q_end]:
            cache[(q_start, q_end)] = len(tokens) <= 4
        else:
            words = _lexicon(ctx)[2]
            lowercase = [t for t in tokens if t[0].islower()]
            lithuanian = sum(_looks_lithuanian(t, words) for t in lowercase)
            cache[(q_start, q_end)] = lithuanian >= 0.5 * max(1, len(lowercase))
    return cache[(q_start, q_end)]


def _at_sentence_start(ctx: Context, offset: int) -> bool:
    sentence = ctx.sentence_at(offset)
    if sentence is None:
        return False
    before = ctx.text[sentence.start : offset]
    return not any(char.isalnum() for char in before)


# --- MT301 lithuanian-abbreviation ------------------------------------------------------------------


_SPACES = regex.compile(r"\s+")


def _check_abbreviation(ctx: Context) -> Iterator[Finding]:
    abbreviations, _, _, _ = _lexicon(ctx)
    text = ctx.text
    spans: list[tuple[int, int, _Abbreviation]] = []
    for match in abbreviations.finditer(text, _document_chunks(ctx)):
        found = match.group(0)
        key = _SPACES.sub(" ", found).lower()
        entry = abbreviations.entries.get(key) or abbreviations.entries.get(key.replace(" ", ""))
        if entry is None or entry.context in ("year", "day"):
            continue  # dates are MT302's
        exact = _SPACES.sub(" ", found)
        if not (
            entry.ignore_case
            or exact == entry.abbr
            or exact.replace(" ", "") == entry.abbr.replace(" ", "")
            or (exact == entry.abbr[:1].upper() + entry.abbr[1:] and _at_sentence_start(ctx, match.start()))
        ):
            continue  # "Proc." (Proceedings), "Val." (a name) are English; "proc." is not
        if ctx.accepted(found) or ctx.accepted(found.rstrip(".")) or _quoted_own_words(ctx, match.start(), match.end()):
            continue
        spans.append((match.start(), match.end(), entry))
    spans.sort(key=lambda item: (item[0], -item[1]))
    last_end = -1
    for start, end, entry in spans:
        if start < last_end:
            continue  # "ir kt." already flagged, not "kt." again
        last_end = end
        yield ctx.finding(
            start,
            end,
            f"Lithuanian abbreviation {text[start:end]!r} ({entry.lithuanian}) left untranslated",
            suggestion=entry.english,
            severity=entry.severity,
        )


# --- MT302 lithuanian-date --------------------------------------------------------------------------


_DatePiece = tuple[int, int, str, str, str]  # start, end, day, English month or weekday, year


def _date_spans(ctx: Context, dates: _Dates) -> list[_DatePiece]:
    """Every Lithuanian date piece, before merging."""
    text = ctx.text
    chunks = _document_chunks(ctx)
    pieces: list[_DatePiece] = []
    for match in dates.date.finditer(text) if dates.may_have_date(text, chunks) else ():
        word = match.group("month")
        lower = word.lower()
        english = dates.month.get(lower) or dates.weekday.get(lower, "")
        # a capitalised month form is a name (Liepa, Kovas) unless a date goes with it; "Kovo 11-osios"
        # or "Vasario 16-osios" with an ordinal ending names a street or an act
        if (
            word[0].isupper()
            and lower in dates.month
            and (
                (match.group("ordinal") and not match.group("year")) or not (match.group("day") or match.group("year"))
            )
        ):
            continue
        if _quoted_own_words(ctx, match.start(), match.end()) or ctx.accepted(word):
            continue
        pieces.append((match.start(), match.end(), match.group("day") or "", english, match.group("year") or ""))
    for match in dates.year_m.finditer(text) if dates.may_have_year(text, chunks) else ():
        if not match.group("article"):  # "the 2000 m." is a distance (metres), not a year
            pieces.append((match.start("year"), match.end(), "", "", match.group("year")))
    for match in dates.day_d.finditer(text) if dates.may_have_day(text, chunks) else ():
        pieces.append((match.start(), match.end(), match.group("day"), "", ""))
    for match in dates.year_case.finditer(text) if dates.may_have_year_case(text) else ():
        pieces.append((match.start(), match.end(), "", "", match.group("year")))
    return pieces


def _check_date(ctx: Context) -> Iterator[Finding]:
    _, dates, _, _ = _lexicon(ctx)
    text = ctx.text
    merged: list[list[Any]] = []
    for start, end, day, month, year in sorted(_date_spans(ctx, dates)):
        if merged and start <= merged[-1][1] + 1 and not text[merged[-1][1] : start].strip():
            last = merged[-1]
            last[1] = max(last[1], end)
            last[2], last[3], last[4] = last[2] or day, last[3] or month, last[4] or year
        else:
            merged.append([start, end, day, month, year])
    for start, end, day, month, year in merged:
        span = text[start:end]
        if _quoted_own_words(ctx, start, end) or (ctx.accepted(span) and " " not in span):
            continue
        suggestion = " ".join(part for part in (day, month, year) if part) if month or year else None
        yield ctx.finding(start, end, f"Lithuanian date left untranslated: {span!r}", suggestion=suggestion)


# --- MT304 lithuanian-sentence (before MT303, which skips the sentences it flags) ---------------------


@lru_cache(maxsize=16)
def _looks_classes(words: _Words) -> tuple[set[str], set[str]]:
    """Tokens (as written) already classified by ``_looks_lithuanian``: (looks Lithuanian, does not)."""
    return set(), set()


@lru_cache(maxsize=4096)
def _lithuanian_part(words: _Words, names: _Names, sentence: str, accept: frozenset[str]) -> tuple[int, int] | None:
    """Local (start, end) of the Lithuanian sentence in ``sentence`` (markup before it skipped), or None."""
    cut = max(sentence.rfind("]"), sentence.rfind(">")) + 1  # a shortcode or tag before the sentence
    if cut and len(_WORD.findall(sentence, cut)) < 5:
        cut = 0
    start = cut
    while start < len(sentence) and sentence[start].isspace():
        start += 1
    from mtcheck.quotes import quoted_spans

    # quoted Lithuanian inside an English sentence (a slogan, a title) is somebody's own words
    quoted = [span for span in quoted_spans(sentence) if not (span[0] <= start and span[1] >= len(sentence.rstrip()))]
    unquoted = sentence
    for a, b in quoted:  # blank the quotations out (same length)
        a, b = max(a, 0), min(b, len(sentence))
        if a < b:
            unquoted = unquoted[:a] + " " * (b - a) + unquoted[b:]
    tokens: list[str] = _WORD.findall(unquoted, start)
    if len(tokens) < 5:
        return None
    # the cheap pre-check: most lowercase words look Lithuanian
    lowercase = [t for t in tokens if t[0].islower()]
    if accept:
        lowercase = [t for t in lowercase if t.lower() not in accept]
    if len(lowercase) < 3:
        return None
    like, unlike = _looks_classes(words)
    if len(unlike) > 1_000_000:
        unlike.clear()  # bound the memory of a long-running process
    for token in set(lowercase).difference(like, unlike):  # tokens not seen before
        (like if _looks_lithuanian(token, words) else unlike).add(token)
    lithuanian = sum(map(like.__contains__, lowercase))
    if lithuanian < 3 or lithuanian < 0.6 * len(lowercase):
        return None
    # and few words are English: a half-translated sentence is MT303's, word by word
    lt_freq, en_freq = _frequencies()
    english = sum(
        1
        for token in tokens
        if en_freq.get(token.lower(), 0.0) >= 1e-6 and en_freq.get(token.lower(), 0.0) > lt_freq.get(token.lower(), 0.0)
    )
    if english > 0.2 * len(tokens):
        return None
    try:
        guesses = _langdetect()(unquoted[start:])
    except Exception:  # langdetect raises on text without features; such text is not Lithuanian
        return None
    if not guesses or guesses[0].lang != "lt":
        return None
    end = len(sentence.rstrip())
    return start, end


_QUOTE_MARKS = frozenset("“”„«»\"‘’")  # every mark quoted_spans looks at
# the marks but ’ (which _WORD takes for an apostrophe inside a word) as spaces: neither those marks nor
# a space is a letter, a digit or a joiner, so the chunk's words are the same
_MARKS_AS_SPACES = str.maketrans(dict.fromkeys("“”„«»\"‘", " "))


@lru_cache(maxsize=16)
def _chunk_lithuanian_counts(words: _Words) -> _ChunkFeed[tuple[dict[str, int], set[str]]]:
    """The feed whose classes are: chunk (as written) -> how many of its words look Lithuanian and
    start lowercase (with a quotation mark: at most how many, see ``_quoted_chunk_bound``), and the
    chunks whose count is not 0, for the chunks of the thread's _chunk_log(). Filled as documents are
    checked."""
    return _ChunkFeed(lambda: ({}, set()))


def _quoted_chunk_bound(chunk: str, words: _Words) -> int:
    """At most how many words of ``chunk`` (which has a quotation mark) start lowercase and look
    Lithuanian once ``_lithuanian_part`` has blanked the quotations out of its sentence.

    A blanked quotation runs from an opening mark (never ’) to just after a closing mark, so within the
    chunk it starts at a mark and ends after one. Each word of the chunk (the marks as spaces) then
    loses nothing, everything, or (when a quotation ends at a ’ inside it) the part up to that ’: it
    leaves at most one word, itself or a part after a ’, and counts 1 when one of those would."""
    bound = 0
    for word in _WORD.findall(chunk.translate(_MARKS_AS_SPACES)):
        parts = word.split("’")
        for k in range(len(parts)):
            candidate = "’".join(parts[k:])
            if candidate[0].islower() and _looks_lithuanian(candidate, words):
                bound += 1
                break
    return bound


def _count_chunks(
    chunks: set[str], words: _Words, feed: _ChunkFeed[tuple[dict[str, int], set[str]]]
) -> tuple[dict[str, int], set[str]]:
    """Put every chunk of ``chunks`` in the thread's ``counts`` (and in ``nonzero`` when its count is
    not 0): (counts, nonzero)."""
    reset, pending, token, (counts, nonzero) = feed.pending(chunks)
    if reset:
        counts.clear()
        nonzero.clear()
    for chunk in pending:
        if _QUOTE_MARKS.isdisjoint(chunk):
            count = sum(1 for t in _chunk_words(chunk) if t[0].islower() and _looks_lithuanian(t, words))
        else:
            count = _quoted_chunk_bound(chunk, words)
        counts[chunk] = count
        if count:
            nonzero.add(chunk)
    feed.done(token)
    return counts, nonzero


def _may_be_lithuanian(text: str, counts: dict[str, int]) -> bool:
    """A necessary condition for ``_lithuanian_part`` on a sentence of ``text`` (whose chunks are all
    in ``counts``): three lowercase words that look Lithuanian. The words _lithuanian_part counts are
    some of the chunks' words (with a quotation mark, see ``_quoted_chunk_bound``)."""
    return sum(map(counts.__getitem__, text.split())) >= 3


def _chunk_starts(text: str, chunk: str) -> Iterator[int]:
    """Where ``chunk`` occurs in ``text`` as a chunk: between whitespace (or the text's ends), not
    inside another chunk ("be" in "because")."""
    size = len(text)
    length = len(chunk)
    index = text.find(chunk)
    while index != -1:
        end = index + length
        if (index == 0 or text[index - 1].isspace()) and (end == size or text[end].isspace()):
            yield index
        # no occurrence between whitespace starts inside this one (that would follow a space in it)
        index = text.find(chunk, end)


def _sentences_of(ctx: Context, offsets: Iterator[int]) -> Iterator[int]:
    """The index of the sentence each offset is in: the last one starting at or before it (none for an
    offset before the first sentence)."""
    import bisect

    starts = ctx.options.get("_untranslated_starts")
    if starts is None or starts[0] is not ctx.document:
        starts = (ctx.document, [sentence.start for sentence in ctx.sentences])
        ctx.options["_untranslated_starts"] = starts
    for offset in offsets:
        position = bisect.bisect_right(starts[1], offset) - 1
        if position >= 0:
            yield position


def _unclean_sentences(ctx: Context) -> frozenset[int]:
    """Indexes of the sentences that do not begin and end at whitespace (or the text's ends), whose
    chunks may not be the document's (cached per document): the words of a sentence between
    whitespace, scanned with ``pos``/``endpos``, are exactly the words of its chunks."""
    cached = ctx.options.get("_untranslated_unclean")
    if cached is None or cached[0] is not ctx.document:
        text = ctx.text
        size = len(text)
        unclean = frozenset(
            index
            for index, sentence in enumerate(ctx.sentences)
            if not (
                (sentence.start == 0 or text[sentence.start - 1].isspace())
                and (sentence.end >= size or text[sentence.end].isspace())
            )
        )
        cached = (ctx.document, unclean)
        ctx.options["_untranslated_unclean"] = cached
    result: frozenset[int] = cached[1]
    return result


def _sentence_counts(ctx: Context, chunks: set[str], counts: dict[str, int]) -> list[int]:
    """Per sentence, the sum of the counts of ``chunks`` (those with a count) that start in it: a
    chunk's occurrences are found in the text, not by splitting each sentence. Exact for the sentences
    between whitespace (whose chunks are the document's)."""
    totals = [0] * len(ctx.sentences)
    text = ctx.text
    for chunk in sorted(chunks):
        count = counts[chunk]
        for position in _sentences_of(ctx, _chunk_starts(text, chunk)):
            totals[position] += count
    return totals


def _sentence_parts(ctx: Context) -> Iterator[tuple[int, int]]:
    """Document spans of the Lithuanian sentences (cached per document on the context)."""
    cached = ctx.options.get("_untranslated_sentences")
    if cached is None or cached[0] is not ctx.document:
        _, _, words, names = _lexicon(ctx)
        feed = _chunk_lithuanian_counts(words)
        chunks = _document_chunks(ctx)
        counts, nonzero = _count_chunks(chunks, words, feed)
        found = []
        full = ctx.text
        # a sentence cannot have the three Lithuanian-looking words _lithuanian_part needs when the
        # whole document does not (_may_be_lithuanian, needed only when its distinct chunks have one
        # or two), or when its own chunks do not
        present = chunks.intersection(nonzero)
        distinct = sum(map(counts.__getitem__, present))
        possible = distinct >= 3 or (distinct > 0 and _may_be_lithuanian(full, counts))
        sentences = ctx.sentences if possible else ()
        totals = _sentence_counts(ctx, present, counts) if sentences else []
        unclean = _unclean_sentences(ctx)
        for index, (sentence, total) in enumerate(zip(sentences, totals, strict=True)):
            if index not in unclean:
                if total < 3:
                    continue
                text = full[sentence.start : sentence.end]
            else:
                text = full[sentence.start : sentence.end]
                counts, _ = _count_chunks(set(text.split()), words, feed)  # its first and last chunk may be new
                if not _may_be_lithuanian(text, counts):
                    continue
            part = _lithuanian_part(words, names, text, ctx.accept)
            if part is not None:
                start, end = sentence.local(part[0]), sentence.local(part[1])
                if not ctx.in_quote(start, end):
                    found.append((start, end))
        cached = (ctx.document, tuple(found))
        ctx.options["_untranslated_sentences"] = cached
    yield from cached[1]


def _check_sentence(ctx: Context) -> Iterator[Finding]:
    for start, end in _sentence_parts(ctx):
        yield ctx.finding(
            start,
            end,
            "Sentence left in Lithuanian",
            suggestion="Translate the sentence (or delete it if it is a caption or a leftover)",
        )


# --- MT303 lithuanian-word ------------------------------------------------------------------------

_NUMBER_CASE = regex.compile(r"\d[-‑–]$")


@lru_cache(maxsize=262144)
def _lowercase_may_be_lithuanian(lower: str, words: _Words) -> bool:
    """Whether a lowercase word can get a verdict from ``_word_verdict`` at all: the context-free
    part of its tests (function word, spelling, wordfreq, morphology), cached per word."""
    return (
        lower in words.never_english
        or (_lower_word_is_lithuanian_spelled(lower) and (len(lower) > 3 or _frequencies()[0].get(lower, 0.0) >= 1e-4))
        or (
            len(lower) >= 5
            and "-" not in lower
            and lower in _frequencies()[0]
            and lower.endswith(_ENDINGS)
            and _lt_by_frequency(lower)
        )
        or ("-" not in lower and lower.isalpha() and _lt_by_morphology(lower))
    )


def _may_be_flagged(word: str, words: _Words, reject: frozenset[str]) -> bool:
    """A necessary condition for ``_word_verdict`` to flag ``word`` (as written), whatever its context."""
    lower = word.lower()
    if lower in reject:
        return True
    if word[0].isupper():
        return lower in words.never_english
    return word.islower() and _lowercase_may_be_lithuanian(lower, words)


@lru_cache(maxsize=16)
def _token_classes(words: _Words, reject: frozenset[str]) -> tuple[set[str], set[str]]:
    """Tokens (as written) already classified by ``_may_be_flagged``: (never flagged, maybe flagged).
    Filled as documents are checked; most sentences have only never-flagged tokens and are skipped."""
    return set(), set()


@lru_cache(maxsize=16)
def _chunk_classes(words: _Words, reject: frozenset[str]) -> _ChunkFeed[tuple[set[str], set[str]]]:
    """The feed whose classes are: chunks of text (as written, between whitespace) whose every word
    ``_may_be_flagged`` rejects, and the others (whose words are all in the token classes then), for
    the chunks of the thread's _chunk_log(). Filled as documents are checked."""
    return _ChunkFeed(lambda: (set(), set()))


def _token_risky(token: str, safe: set[str], risky: set[str], words: _Words, reject: frozenset[str]) -> bool:
    """``_may_be_flagged``, through (and into) the token classes."""
    if token in risky:
        return True
    if token in safe:
        return False
    if _may_be_flagged(token, words, reject):
        risky.add(token)
        return True
    safe.add(token)
    return False


def _word_verdict(
    ctx: Context, match: Any, previous: Any, words: _Words, names: _Names, dates: _Dates, abbreviations: _Abbreviations
) -> str | None:
    """Why the word matched is Lithuanian, or None."""
    word = match.group(0)
    lower = word.lower()
    if lower in ctx.reject:
        return "a word of the reject vocabulary"
    if ctx.accepted(word) or _quoted_own_words(ctx, match.start(), match.end()):
        return None
    text = ctx.text
    if word[0].isupper():
        # capitalised: a name, unless it opens the sentence and is a Lithuanian function word ("Anot ...")
        if lower in words.never_english and word[1:].islower() and _at_sentence_start(ctx, match.start()):
            return "a Lithuanian function word"
        return None
    if _NUMBER_CASE.search(text[max(0, match.start() - 2) : match.start()]):
        return None  # the case ending of a number ("11-osios", "2020-ųjų"): a date or a name, MT302's
    if not word.islower() or lower in dates.month or lower in dates.weekday:
        return None  # mixed case ("eBay"); dates are MT302's
    if text[match.end() : match.end() + 1] == "." and lower in abbreviations.tokens:
        return None  # "tūkst.", "proc.": MT301's
    if _is_name(lower, names):
        return None
    if (
        previous is not None
        and previous.group(0)[0].isupper()
        and previous.group(0).lower() not in _ENGLISH_DETERMINERS
        and not text[previous.end() : match.start()].strip()
        and lower.endswith(words.nominative)
        and (previous.group(0).lower().endswith(words.genitive) or _is_name(previous.group(0), names))
    ):
        return None  # name position: "Maxima grupė", "Verslo žinios", "Erudito licėjus"
    if lower in words.never_english:
        return "a Lithuanian function word"
    if _name_like(lower, match, previous, ctx):
        return None  # a Lithuanian personal name the MT lowercased ("stasys ignatavičius")
    if _lower_word_is_lithuanian_spelled(lower) and (len(lower) > 3 or _frequencies()[0].get(lower, 0.0) >= 1e-4):
        return "a lowercase word in Lithuanian spelling"  # short ones must be Lithuanian words: not Polish "się"
    if (
        len(lower) >= 5
        and "-" not in lower
        and lower in _frequencies()[0]
        and lower.endswith(_ENDINGS)
        and _lt_by_frequency(lower)
    ):
        return "a Lithuanian word (wordfreq: common in Lithuanian, unknown in English)"
    if "-" not in lower and lower.isalpha() and _lt_by_morphology(lower):
        return "an inflected Lithuanian word (Lithuanian ending on a Lithuanian stem)"
    return None


def _name_like(lower: str, match: Any, previous: Any, ctx: Context) -> bool:
    """A lowercase Lithuanian surname, or a first name next to one."""
    if lower.endswith(_SURNAME_SUFFIX) and _frequencies()[0].get(lower, 0.0) < 1e-5:
        return True
    if not lower.endswith(("as", "is", "ys", "us", "a", "ė")):
        return False
    following = _WORD.match(ctx.text, match.end() + 1) if ctx.text[match.end() : match.end() + 1] == " " else None
    neighbours = [m.group(0) for m in (previous, following) if m is not None]
    return any(n.islower() and n.endswith(_SURNAME_SUFFIX) for n in neighbours)


def _check_word(ctx: Context) -> Iterator[Finding]:
    abbreviations, dates, words, names = _lexicon(ctx)
    text = ctx.text
    reject = ctx.reject
    safe, risky = _token_classes(words, reject)
    if len(safe) > 1_000_000:
        safe.clear()  # bound the memory of a long-running process
    feed = _chunk_classes(words, reject)
    chunks = _document_chunks(ctx)
    reset, pending, token, (safe_chunks, risky_chunks) = feed.pending(chunks)
    if reset:
        safe_chunks.clear()
        risky_chunks.clear()
    for chunk in pending:  # chunks not classified before: classify every word (each, for the caches)
        flagged = any([_token_risky(token, safe, risky, words, reject) for token in _chunk_words(chunk)])
        (risky_chunks if flagged else safe_chunks).add(chunk)
    feed.done(token)
    # a sentence between whitespace has the words of its chunks: without a risky chunk, it is skipped
    unclean = _unclean_sentences(ctx)
    present = chunks.intersection(risky_chunks)
    if not present and not unclean:
        return
    # the sentences where a risky chunk starts (the chunks of a sentence between whitespace start in it)
    risky_sentences = {
        index for chunk in sorted(present) for index in _sentences_of(ctx, _chunk_starts(text, chunk))
    }
    skip = tuple(_sentence_parts(ctx))
    runs: list[tuple[int, int, str]] = []
    for index, sentence in enumerate(ctx.sentences):
        if index not in unclean:
            if index not in risky_sentences:
                continue
        else:
            # the fast path: a sentence whose every token is known never to be flagged is skipped
            unsafe = set(_WORD.findall(text, sentence.start, sentence.end)).difference(safe)
            if not unsafe:
                continue
            for token in unsafe.difference(risky):  # tokens not seen before
                (risky if _may_be_flagged(token, words, reject) else safe).add(token)
            if unsafe.isdisjoint(risky):
                continue
        previous = None
        for match in _WORD.finditer(text, sentence.start, sentence.end):
            reason = None
            if match.group(0) in risky and not any(start <= match.start() < end for start, end in skip):
                reason = _word_verdict(ctx, match, previous, words, names, dates, abbreviations)
            previous = match
            if reason is None:
                continue
            if runs and not text[runs[-1][1] : match.start()].strip() and runs[-1][0] >= sentence.start:
                runs[-1] = (runs[-1][0], match.end(), runs[-1][2])
            else:
                runs.append((match.start(), match.end(), reason))
    for start, end, reason in runs:
        yield ctx.finding(
            start,
            end,
            f"Lithuanian word left untranslated: {text[start:end]!r} ({reason})",
            suggestion="Translate it; if it is a name, add it to the accepted vocabulary",
        )


RULES = (
    Rule(
        code="MT301",
        name="lithuanian-abbreviation",
        category="untranslated",
        severity=Severity.MAJOR,
        summary="A Lithuanian abbreviation left in the English text ('3 proc.', '9 val.', '10 tūkst.', 't. y.')",
        explanation=(
            "Lithuanian abbreviates numbers, units and discourse words with a full stop (proc. = per "
            "cent, val. = o'clock, tūkst. = thousand, mln. = million, t. y. = that is, pvz. = for "
            "example, Kauno apskr. = Kaunas County). MT systems copy the token instead of translating "
            "it, and English readers cannot decode it. Abbreviations that English shares ('km', "
            "'min.') are not flagged; ambiguous ones ('g.', 'kt.', 'Eur.') only in their Lithuanian "
            "context (after a street name, after 'ir'/'and', after an amount). The list is data: "
            "data/lt_abbreviations.toml."
        ),
        check=_check_abbreviation,
        bad=(
            Example("She proposes to increase defence spending to 3 proc. of GDP.", flagged="proc."),
            Example("The race started from Cathedral Square at 9 val.", flagged="val."),
            Example("About 10 tūkst. people were arrested.", flagged="tūkst."),
            Example("Call the police of Kauno apskr. on 112.", flagged="apskr."),
            Example("Fruit, vegetables and kt. were sold at the market.", flagged="kt."),
            Example("The budget is 2,751 million. Eur.", flagged="Eur."),
        ),
        good=(
            Example("Defence spending will rise to 3 percent of GDP."),
            Example("The route is 20 km long and the race starts at 9 a.m."),
            Example("The results were published in Proc. Natl. Acad. Sci. last year."),
            Example("Val Kilmer and Mario K. Smith attended."),
        ),
        suggestion="Write the English word: 'per cent', 'o'clock', 'thousand', 'that is', 'County'.",
    ),
    Rule(
        code="MT302",
        name="lithuanian-date",
        category="untranslated",
        severity=Severity.MAJOR,
        summary="A Lithuanian date or date residue left in ('2020 m.', 'rugsėjo 14 d.', 'on rugsėjo 1')",
        explanation=(
            "Lithuanian writes dates as '2020 m. rugsėjo 14 d.' (year 'm.' = metai, genitive month, day "
            "'d.' = diena) and declines month and weekday names. MT systems that do not recognise the "
            "pattern leave pieces of it in: 'in 2020 m.', 'on rugsėjo 1', '14 d.'. The whole Lithuanian "
            "date expression is flagged once, with the English date as suggestion. Month names that are "
            "also personal names (Liepa, Kovas) are flagged when capitalised only next to a day or a "
            "year; street and act names with an ordinal ('Kovo 11-osios') are not flagged."
        ),
        check=_check_date,
        bad=(
            Example("The new school year will begin on rugsėjo 1 as usual.", flagged="rugsėjo 1"),
            Example("The protests began in 2020 m. rugsėjo and lasted for months.", flagged="2020 m. rugsėjo"),
            Example("The law was adopted on 2019 m. gruodžio 5 d. by the Seimas.", flagged="2019 m. gruodžio 5 d."),
            Example("The meeting will take place on antradienį in Vilnius.", flagged="antradienį"),
            Example("Since 2020-ųjų the regime has closed every independent newspaper.", flagged="2020-ųjų"),
        ),
        good=(
            Example("The school year will begin on 1 September as usual."),
            Example("Actress Liepa Kovas was born on 12 May 1990."),
            Example("The rally took place on Kovo 11-osios Street."),
            Example("She won the 1500 m final and set a record over the 2000 m."),
        ),
        suggestion="Write the date in English: '14 September 2020', 'in 2020', 'on Tuesday'.",
    ),
    Rule(
        code="MT303",
        name="lithuanian-word",
        category="untranslated",
        severity=Severity.MAJOR,
        summary="A Lithuanian word left in English running text",
        explanation=(
            "When the MT system does not know a word, or loses its place, it copies the Lithuanian "
            "word: 'the villagers of tractor suvažinėjo tigrę', 'Gustainis ir Kurlianskis'. The rule "
            "flags lowercase words in Lithuanian spelling (ą č ę ė į š ų ū ž and no letters foreign to "
            "Lithuanian), Lithuanian function words that are never English ('ir', 'kad', 'yra', "
            "'buvo'), and words wordfreq knows as common Lithuanian but not at all as English. Proper "
            "names are not untranslated: capitalised words, the names vocabulary in any case form "
            "('seimo', 'klaipėdos'), nominatives after a capitalised word ('Maxima grupė') and quoted "
            "titles stay silent. Adjacent words are reported as one finding."
        ),
        check=_check_word,
        bad=(
            Example("In northern India villagers suvažinėjo a tiger with a tractor.", flagged="suvažinėjo"),
            Example("The case of Gustainis ir Kurlianskis will be heard in March.", flagged="ir"),
            Example("Anot the interviewee, the roofs will be made of tin.", flagged="Anot"),
            Example("The liberal sąjūdžio board met on Monday.", flagged="sąjūdžio"),
            Example("They offered poelgio to the committee.", flagged="poelgio"),
        ),
        good=(
            Example("Thousands celebrated Joninės, also known as Rasos, at Kernavė."),
            Example("Žalgiris will host Olympiacos at the Žalgirio Arena in Kaunas."),
            Example("Maxima grupė operates in Bulgaria, said Verslo žinios."),
            Example('The film "Tarp mūsų" premiered in Šiauliai.'),
            Example("Before the vote, the seimas committee met in Klaipėda."),
        ),
        suggestion="Translate the word; add real names to the accepted vocabulary.",
    ),
    Rule(
        code="MT304",
        name="lithuanian-sentence",
        category="untranslated",
        severity=Severity.MAJOR,
        summary="A whole sentence left in Lithuanian",
        explanation=(
            "A sentence the MT system passed through untranslated (or a scraper left in): the English "
            "reader loses its content entirely. Sentences of five words or more whose lowercase words "
            "mostly look Lithuanian (spelling, function words, wordfreq) are checked with langdetect "
            "(seed fixed, so the result is reproducible); one finding spans the sentence. Quoted "
            "Lithuanian (a slogan, a title) is not flagged."
        ),
        check=_check_sentence,
        bad=(
            Example(
                "The train will run twice a day. Bilietus jau galima įsigyti internetu.",
                flagged="Bilietus jau galima įsigyti internetu.",
            ),
            Example(
                "Police are investigating. Įvykio aplinkybės dar nėra aiškios, sakė policijos atstovas.",
                flagged="Įvykio aplinkybės dar nėra aiškios, sakė policijos atstovas.",
            ),
        ),
        good=(
            Example("Tickets can already be bought online."),
            Example('Protesters chanted "Mes esame kartu su Ukraina ir jos žmonėmis" outside the embassy.'),
            Example("Gitanas Nausėda, Ingrida Šimonytė and Viktorija Čmilytė-Nielsen met in Vilnius."),
        ),
        suggestion="Translate the sentence.",
    ),
)

"""Source-based checks: numbers, omissions, untranslated copies, names and languages (MT7xx).

Most rules here need the Lithuanian source (``needs_source``); they compare each target sentence with
the source sentence(s) it is aligned to (:mod:`mtcheck.align`, ``ctx.alignment``) and every finding
carries the source sentence in the extra keys ``source_text``, ``source_start`` and ``source_end``.

Two rules work without a source: MT703 (a Lithuanian decimal comma kept in the English) and MT743
(the document is not in English). MT743 is a *precondition*, like pofilter's: when the whole
document is in another language it raises one finding and the engine drops every other finding of
the document (hundreds of "untranslated word" findings would say nothing more).

Thresholds, measured on the WMT19 lt→en test set (newstest2019, 1,000 line-aligned segments of
source and professional reference; 961 with a source of at least 40 characters): the English runs
1.09 characters per Lithuanian character (median 1.08, standard deviation 0.17); 0.1 % of the
references are under 0.65 times their source's length and none over 1.81. MT722 flags a translation
under 0.5 times, MT723 one over 2.2 times, its source's length (sources of 40 characters or more).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mtcheck.model import Finding, Severity
from mtcheck.rules.base import Context, Example, Rule

if TYPE_CHECKING:  # imported where used: most documents have no source and no decimal commas
    from mtcheck.align import Alignment, Bead
    from mtcheck.numbers import Mention

SHORT_RATIO = 0.5
LONG_RATIO = 2.2
MIN_RATIO_CHARS = 40
MIN_OMITTED_WORDS = 4
MIN_ADDED_WORDS = 6

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_LT_LETTERS = set("ąčęėįšųūžĄČĘĖĮŠŲŪŽ")
_EN_FUNCTION = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "he",
        "she",
        "his",
        "her",
        "they",
        "be",
        "are",
        "this",
        "have",
        "has",
        "had",
        "not",
        "but",
        "which",
        "will",
        "said",
        "would",
        "an",
        "were",
        "been",
        "their",
        "its",
        "who",
        "or",
    ]
)
_LT_FUNCTION = frozenset(
    [
        "ir",
        "kad",
        "yra",
        "į",
        "iš",
        "su",
        "bei",
        "nuo",
        "per",
        "buvo",
        "tai",
        "kaip",
        "jis",
        "ji",
        "jo",
        "jos",
        "dėl",
        "ar",
        "o",
        "bet",
        "taip",
        "pat",
        "apie",
        "už",
        "prie",
        "nėra",
        "kuris",
        "kuri",
        "kurie",
        "būti",
        "bus",
        "tik",
        "dar",
        "jau",
    ]
)


# --- shared helpers -----------------------------------------------------------------------------------


def _detect(text: str) -> tuple[str, float]:
    """langdetect's best guess with a fixed seed (imported lazily; deterministic)."""
    try:
        from langdetect import DetectorFactory, detect_langs
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - a required dependency
        return "", 0.0
    DetectorFactory.seed = 0
    try:
        factory = _langdetect_factory()
        if factory is None:  # pragma: no cover - an unusual langdetect installation
            best = detect_langs(text)[0]
        else:
            detector = factory.create()
            detector.append(text)
            best = detector.get_probabilities()[0]
    except LangDetectException:
        return "", 0.0
    return str(best.lang), float(best.prob)


class _Profile:
    """One langdetect profile file, parsed (``json.loads``, most of the cost of loading langdetect) only
    when a detection asks for an n-gram it may hold (see ``_LazyProbabilities``)."""

    __slots__ = ("freq", "index", "n_words", "name", "raw")

    def __init__(self, index: int, name: str, raw: str) -> None:
        self.index = index
        self.name = name
        self.raw = raw  # the file's text until parsed
        self.freq: dict[str, int] | None = None
        self.n_words: list[int] = [0, 0, 0]

    def parse(self) -> None:
        import json

        data = json.loads(self.raw)
        if data.get("name") != self.name or not isinstance(data.get("freq"), dict):  # pragma: no cover
            raise ValueError(f"langdetect profile {self.name!r} is not what its text showed")
        self.freq = data["freq"]
        self.n_words = list(data.get("n_words") or [0, 0, 0])
        self.raw = ""


_UNBUILT: list[float] = []  # a row not built yet (compared by identity)


class _LazyProbabilities:
    """langdetect's ``word_lang_prob_map``, each n-gram's row built when first asked for.

    ``DetectorFactory.add_profile`` builds the row of every n-gram of every profile (most of the
    time of a first detection); a detector only asks for the n-grams of its text, and gets the very
    same rows (same order of languages, same arithmetic).

    The profiles themselves are parsed when needed: an unparsed profile's text has no backslash
    (``_profile`` checks), so each n-gram it holds is written literally in it, and a profile whose text
    lacks one of an n-gram's characters does not hold the n-gram (its entry of the row stays 0.0, as
    in ``add_profile``). A text in one script (Hindi, Russian) parses the few profiles of its script.
    """

    def __init__(self, profiles: list[_Profile], langsize: int) -> None:
        self._parsed = [profile for profile in profiles if profile.freq is not None]
        self._pending = [profile for profile in profiles if profile.freq is None]
        self._holders: dict[str, list[_Profile]] = {}  # character -> the pending profiles whose text has it
        self._langsize = langsize
        self._rows: dict[str, list[float] | None] = {}
        # Detectors in several threads share this map: a row is built, and profiles parsed, under the
        # lock (a profile half parsed, or parsed by one thread while another builds a row without it,
        # would give a wrong row for good); a row is put in _rows only complete, so reads need no lock.
        self._lock = threading.Lock()

    def _parse_holders(self, word: str) -> None:
        """Parse the pending profiles that may hold ``word`` (their text has each of its characters)."""
        candidates: list[_Profile] | None = None
        for char in word:
            holders = self._holders.get(char)
            if holders is None:
                holders = self._holders[char] = [p for p in self._pending if char in p.raw]
            candidates = holders if candidates is None else [p for p in candidates if p in holders]
            if not candidates:
                return
        for profile in candidates or ():
            if profile.freq is None:
                profile.parse()
                self._pending.remove(profile)
                self._parsed.append(profile)

    def _row(self, word: str) -> list[float] | None:
        try:
            return self._rows[word]
        except KeyError:
            pass
        with self._lock:
            return self._build_row(word)

    def _build_row(self, word: str) -> list[float] | None:
        try:
            return self._rows[word]  # built by another thread meanwhile
        except KeyError:
            pass
        if self._pending:
            self._parse_holders(word)
        row: list[float] | None = None
        length = len(word)
        for profile in self._parsed:  # the order does not matter: each profile fills its own entry
            freq = profile.freq
            if freq is not None and word in freq:
                if row is None:
                    row = [0.0] * self._langsize
                if 1 <= length <= 3:
                    row[profile.index] = 1.0 * freq[word] / profile.n_words[length - 1]
        self._rows[word] = row
        return row

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        row = self._rows.get(word, _UNBUILT)  # the detector asks for each n-gram of its text: fast when known
        if row is _UNBUILT:
            row = self._row(word)
        return row is not None

    def __getitem__(self, word: str) -> list[float]:
        row = self._row(word)
        if row is None:
            raise KeyError(word)
        return row


# A profile file langdetect wrote: its first key is the n-gram counts and its last key the language's name
# (compiled when the profiles are loaded, through re's cache).
_PROFILE_SHAPE = r'\{"freq":\{.*,"name":"([^"]*)"\}\s*'


def _profile(index: int, raw: str) -> _Profile | None:
    """The profile of a file's text: parsed when first needed if the text has the usual shape, else now;
    None without a table of n-grams (as ``_langdetect_factory`` had it)."""
    import json

    shape = re.fullmatch(_PROFILE_SHAPE, raw, re.DOTALL)
    if shape is not None and "\\" not in raw:
        # the last member of the object is its name (JSON keeps the last of duplicate keys), and without
        # backslashes every n-gram is written literally in the text
        return _Profile(index, shape.group(1), raw)
    data = json.loads(raw)  # an unusual file: parsed now, checked as DetectorFactory.load_profile does
    if not isinstance(data.get("freq"), dict):
        return None
    profile = _Profile(index, data.get("name"), "")
    profile.freq = data["freq"]
    profile.n_words = list(data.get("n_words") or [0, 0, 0])
    return profile


@lru_cache(maxsize=1)
def _langdetect_factory() -> Any:
    """A langdetect ``DetectorFactory`` with the profiles of ``detect_langs``, loaded lazily (see above)."""
    import os

    from langdetect import detector_factory

    directory = detector_factory.PROFILES_DIRECTORY
    files = os.listdir(directory)  # the order load_profile uses
    langsize = len(files)
    langlist: list[str] = []
    profiles: list[_Profile] = []
    for filename in files:
        if filename.startswith("."):
            continue
        path = os.path.join(directory, filename)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profile = _profile(len(langlist), handle.read())
        if profile is None or profile.name in langlist:
            return None
        profiles.append(profile)
        langlist.append(profile.name)
    if not langlist:
        return None
    factory = detector_factory.DetectorFactory()
    factory.langlist = langlist
    factory.word_lang_prob_map = _LazyProbabilities(profiles, langsize)
    return factory


def _share(words: list[str], vocabulary: frozenset[str]) -> float:
    return sum(word.lower() in vocabulary for word in words) / max(1, len(words))


# Chunk of text (between whitespace) -> its number of _WORD words, plus 2**21 times how many of them are
# English function words, plus 2**42 times how many are Lithuanian ones. A word does not cross
# whitespace, so a text's words are its chunks' words: language_of counts chunk by chunk, summing the
# packed weights (one sum of machine integers: a plain tuple of three counts per chunk makes
# _function_word_counts about 1.6 times slower, MT743 about 10%). Summed over the chunks of a text of
# under 2**21 characters (every count is at most the number of characters), each count stays in its
# field; a longer text is counted unpacked (_unpacked_counts), so the fields never overflow.
# A memo for the whole process, shared by threads: a pure function of the chunk, only ever added to
# (a full table is replaced by an empty one, never cleared, so that a thread still reading the old one
# finds the chunks it added to it).
_CHUNK_WEIGHTS: dict[str, int] = {}
_FIELD = 21
_MASK = (1 << _FIELD) - 1
_MAX_CHUNKS = 1_000_000


_FUNCTION_WORDS = _EN_FUNCTION | _LT_FUNCTION
# Punctuation around a word ("said,", "(Vilnius)"): neither letters nor joiners, so a chunk that is
# letters between them has one word, the letters.
_EDGE_PUNCTUATION = ".,;:!?()[]\"“”„"


def _word_weight(lower: str) -> int:
    """The weight of a chunk whose one word, lowercased, is ``lower``."""
    return 1 + ((lower in _EN_FUNCTION) << _FIELD) + ((lower in _LT_FUNCTION) << 2 * _FIELD)


def _chunk_counts(chunk: str) -> tuple[int, int, int]:
    """(words, English function words, Lithuanian function words) of ``chunk``."""
    lowered = [word.lower() for word in _WORD.findall(chunk)]
    english = sum(map(_EN_FUNCTION.__contains__, lowered))
    lithuanian = sum(map(_LT_FUNCTION.__contains__, lowered))
    return len(lowered), english, lithuanian


def _chunk_weight(chunk: str) -> int:
    """The packed weight of a chunk (of under 2**21 characters: each count fits its field)."""
    total, english, lithuanian = _chunk_counts(chunk)
    return total + (english << _FIELD) + (lithuanian << 2 * _FIELD)


def _add_chunks(table: dict[str, int], new: set[str]) -> None:
    """Put the weights of the chunks ``new`` in ``table`` (complete ones only: another thread may be
    reading it)."""
    words = {chunk: chunk.strip(_EDGE_PUNCTUATION) for chunk in new}
    plain = {chunk: word for chunk, word in words.items() if word.isalpha()}  # one word each
    weights = dict.fromkeys(plain, 1)  # most are no function word: fixed below
    if not _FUNCTION_WORDS.isdisjoint(map(str.lower, plain.values())):
        for chunk, word in plain.items():
            weights[chunk] = _word_weight(word.lower())
    for chunk in new.difference(plain):
        weights[chunk] = _chunk_weight(chunk)
    table.update(weights)


def _unpacked_counts(chunks: list[str]) -> tuple[int, int, int]:
    """What _function_word_counts gives, for a text of 2**21 characters or more: summed unpacked."""
    counts = {chunk: _chunk_counts(chunk) for chunk in set(chunks)}
    total = english = lithuanian = 0
    for chunk in chunks:
        words, en, lt = counts[chunk]
        total += words
        english += en
        lithuanian += lt
    return total, english, lithuanian


def _function_word_counts(text: str) -> tuple[int, int, int]:
    """``len(words)`` and how many of them are English and Lithuanian function words (lowercased),
    for ``words = _WORD.findall(text)``, through the per-process table of chunk weights."""
    global _CHUNK_WEIGHTS
    chunks = text.split()
    if len(text) >> _FIELD:  # 2**21 characters or more: a count could overflow its field
        return _unpacked_counts(chunks)
    table = _CHUNK_WEIGHTS  # this table, even if another thread replaces the module's meanwhile
    try:
        packed = sum(map(table.__getitem__, chunks))
    except KeyError:  # chunks not seen before
        if len(table) > _MAX_CHUNKS:  # bound the memory of a long-running process
            table = _CHUNK_WEIGHTS = {}
        _add_chunks(table, set(chunks).difference(table))
        packed = sum(map(table.__getitem__, chunks))  # (nobody removes a chunk from ``table``)
    return packed & _MASK, (packed >> _FIELD) & _MASK, packed >> 2 * _FIELD


def language_of(text: str, expected: str) -> tuple[str, float]:
    """The language of a whole text: cheap function-word counts first, langdetect when unsure."""
    total, english, lithuanian = _function_word_counts(text[:5000])
    if total < 8:
        return expected, 0.0
    english_share = english / total  # = _share(words, _EN_FUNCTION), words = _WORD.findall(text[:5000])
    lithuanian_share = lithuanian / total
    if expected == "en" and english_share >= 0.12 and lithuanian_share < 0.05:
        return "en", 1.0
    if expected == "lt" and lithuanian_share >= 0.08 and english_share < 0.05:
        return "lt", 1.0
    return _detect(text[:3000])


def _source_ok(ctx: Context) -> Alignment | None:
    """The alignment, if the document has a source that is Lithuanian (else source checks are skipped)."""
    key = "bilingual.source_ok"
    if key not in ctx.options:
        ok = False
        if ctx.document.source:
            language, probability = language_of(ctx.document.source, "lt")
            ok = language == "lt" or probability < 0.9
        ctx.options[key] = ok
    return ctx.alignment if ctx.options[key] else None


def _target_span(alignment: Alignment, bead: Bead) -> tuple[int, int] | None:
    return alignment.target_span(bead)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _extra(alignment: Alignment, bead: Bead) -> dict[str, Any]:
    return alignment.source_extra(bead)


# --- number-mismatch ----------------------------------------------------------------------------------


def _number_gaps(alignment: Alignment) -> list[tuple[int, list[Mention], list[Mention]]]:
    """Per bead: the source and target numbers without a counterpart (neighbouring beads forgive)."""
    from mtcheck.numbers import compare, matches

    gaps: list[tuple[int, list[Mention], list[Mention]]] = []
    for number, bead in enumerate(alignment.beads):
        source = [m for i in bead.source for m in alignment.source_numbers[i]]
        target = [m for j in bead.target for m in alignment.target_numbers[j]]
        left, right = compare(source, target)
        gaps.append((number, left, right))
    # a number the aligner put in the neighbouring bead is not missing
    for k, (_, left, right) in enumerate(gaps):
        for other in (k - 1, k + 1):
            if not 0 <= other < len(gaps):
                continue
            _, other_left, other_right = gaps[other]
            for s in list(left):
                hit = next((t for t in other_right if matches(s, t)), None)
                if hit is not None:
                    left.remove(s)
                    other_right.remove(hit)
            for t in list(right):
                hit = next((s for s in other_left if matches(s, t)), None)
                if hit is not None:
                    right.remove(t)
                    other_left.remove(hit)
    return gaps


def _gaps(ctx: Context) -> list[tuple[int, list[Mention], list[Mention]]]:
    key = "bilingual.number_gaps"
    if key not in ctx.options:
        alignment = _source_ok(ctx)
        ctx.options[key] = _number_gaps(alignment) if alignment is not None else []
    gaps: list[tuple[int, list[Mention], list[Mention]]] = ctx.options[key]
    return gaps


def _check_number_changed(ctx: Context) -> Iterator[Finding]:
    alignment = _source_ok(ctx)
    if alignment is None:
        return
    for number, left, right in _gaps(ctx):
        bead = alignment.beads[number]
        if not bead.source:
            continue  # an added sentence: MT723's business
        for mention in right:
            if mention.soft and not left:
                continue  # a number word with nothing it could replace: a paraphrase
            if left:
                listed = ", ".join(m.text for m in left)
                message = f"{mention.text!r} is not in the source sentence, which has {listed!r}"
                suggestion = left[0].display() if len(left) == 1 else None
            else:
                message = f"{mention.text!r} is not in the source sentence"
                suggestion = None
            yield ctx.finding(
                mention.start,
                mention.end,
                message,
                suggestion,
                confidence=0.8 if left else 0.6,
                **_extra(alignment, bead),
            )


def _check_number_missing(ctx: Context) -> Iterator[Finding]:
    alignment = _source_ok(ctx)
    if alignment is None:
        return
    for number, left, right in _gaps(ctx):
        bead = alignment.beads[number]
        span = _target_span(alignment, bead)
        if span is None or right:
            continue  # no translation at all (MT721), or a changed number (MT701)
        for mention in left:
            if mention.soft:
                continue
            yield ctx.finding(
                span[0],
                span[1],
                f"The source's {mention.text!r} ({mention.display()}) is missing from this sentence",
                confidence=0.6,
                **_extra(alignment, bead),
            )


# A decimal comma mention is a numeral of numbers.english() with a comma between two digits (\d as there).
# Written to start with the comma, so that the search skips to commas fast.
_DIGIT_COMMA = re.compile(r",(?=\d)(?<=\d,)")


def _check_decimal_comma(ctx: Context) -> Iterator[Finding]:
    if not _DIGIT_COMMA.search(ctx.text):
        return
    from mtcheck.numbers import english

    for sentence in ctx.sentences:
        if not _DIGIT_COMMA.search(sentence.text):
            continue
        for mention in english(sentence.text):
            if not mention.decimal_comma:
                continue
            raw = re.match(r"[\d,]+", mention.text)
            if raw is None:
                continue
            start = sentence.local(mention.start)
            yield ctx.finding(
                start,
                start + raw.end(),
                f"Lithuanian decimal comma in {mention.text!r}: English writes a decimal point",
                raw.group(0).replace(",", "."),
                confidence=0.9 if len(raw.group(0).split(",")[1]) != 3 else 0.6,
            )


# --- omission -----------------------------------------------------------------------------------------


def _check_omitted_sentence(ctx: Context) -> Iterator[Finding]:
    alignment = _source_ok(ctx)
    if alignment is None or not alignment.target_sentences:
        return
    last_target: tuple[int, int] | None = None
    pending: list[Bead] = []
    for bead in alignment.beads:
        span = _target_span(alignment, bead)
        if span is not None:
            last_target = span
            for gap in pending:  # omissions before the first target sentence point at it
                yield _omission(ctx, alignment, gap, span)
            pending = []
            continue
        source = alignment.source_span(bead)
        if source is None or len(_words(alignment.source_text[source[0] : source[1]])) < MIN_OMITTED_WORDS:
            continue
        if last_target is None:
            pending.append(bead)
        else:
            yield _omission(ctx, alignment, bead, last_target)


def _omission(ctx: Context, alignment: Alignment, bead: Bead, near: tuple[int, int]) -> Finding:
    extra = _extra(alignment, bead)
    text = str(extra.get("source_text", ""))
    shown = text if len(text) <= 80 else text[:77] + "…"
    return ctx.finding(
        near[0],
        near[1],
        f"A source sentence has no counterpart in the translation near here: {shown!r}",
        confidence=0.6,
        **extra,
    )


def _ratio_beads(ctx: Context) -> Iterator[tuple[Bead, tuple[int, int], float]]:
    alignment = _source_ok(ctx)
    if alignment is None:
        return
    for bead in alignment.beads:
        source = alignment.source_span(bead)
        target = _target_span(alignment, bead)
        if source is None or target is None:
            continue
        source_chars = source[1] - source[0]
        if source_chars < MIN_RATIO_CHARS:
            continue
        yield bead, target, (target[1] - target[0]) / source_chars


def _check_too_short(ctx: Context) -> Iterator[Finding]:
    alignment = ctx.alignment
    for bead, target, ratio in _ratio_beads(ctx):
        if ratio < SHORT_RATIO and alignment is not None:
            yield ctx.finding(
                target[0],
                target[1],
                f"The translation is {ratio:.0%} of its source's length (references: 65% or more): "
                "a clause may be missing",
                confidence=0.5,
                **_extra(alignment, bead),
            )


def _check_too_long(ctx: Context) -> Iterator[Finding]:
    alignment = _source_ok(ctx)
    if alignment is None:
        return
    for bead, target, ratio in _ratio_beads(ctx):
        if ratio > LONG_RATIO:
            yield ctx.finding(
                target[0],
                target[1],
                f"The translation is {ratio:.1f} times its source's length (references: at most 1.8): "
                "something was added or repeated",
                confidence=0.5,
                **_extra(alignment, bead),
            )
    for bead in alignment.beads:
        if bead.source or not bead.target:
            continue
        span = _target_span(alignment, bead)
        if span is None:
            continue
        text = ctx.document.text[span[0] : span[1]]
        from mtcheck.numbers import english

        if len(_words(text)) >= MIN_ADDED_WORDS and english(text) == [] and _has_content(text):
            yield ctx.finding(span[0], span[1], "This sentence has no counterpart in the source", confidence=0.4)


def _has_content(text: str) -> bool:
    return not text.strip().startswith(("[", "<", "http"))


# --- untranslated -------------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return " ".join(_words(text.casefold()))


def _check_copied_source(ctx: Context) -> Iterator[Finding]:
    alignment = _source_ok(ctx)
    if alignment is None:
        return
    for bead in alignment.beads:
        span = _target_span(alignment, bead)
        source = alignment.source_span(bead)
        if span is None or source is None:
            continue
        for index in bead.target:
            sentence = alignment.target_sentences[index]
            words = _words(sentence.text)
            lower = [w.casefold() for w in words if w[:1].islower() and len(w) >= 3]
            if len(words) < 3:
                continue
            source_words = {w.casefold() for w in _words(alignment.source_text[source[0] : source[1]])}
            shared = [w for w in lower if w in source_words]
            copied = _normal(sentence.text) == _normal(alignment.source_text[source[0] : source[1]])
            if not copied and len(shared) >= 3 and len(shared) >= 0.5 * len(lower):
                copied = True
            if (
                not copied
                and len(words) >= 5
                and (shared or any(c in _LT_LETTERS for c in sentence.text))
                and _share(words, _EN_FUNCTION) < 0.1
            ):
                language, probability = _detect(sentence.text)
                copied = language == "lt" and probability >= 0.9
            if copied:
                yield ctx.finding(
                    sentence.start,
                    sentence.end,
                    "This sentence is the source left untranslated",
                    confidence=0.9,
                    **_extra(alignment, bead),
                )


# --- names --------------------------------------------------------------------------------------------

_LT_ENDINGS = sorted(
    [
        "as",
        "is",
        "ys",
        "us",
        "a",
        "ė",
        "o",
        "io",
        "os",
        "ės",
        "ą",
        "ę",
        "į",
        "ų",
        "ui",
        "ai",
        "ei",
        "iui",
        "ui",
        "u",
        "e",
        "ėje",
        "oje",
        "yje",
        "uje",
        "iuje",
        "ams",
        "ams",
        "iams",
        "oms",
        "ėms",
        "iaus",
        "iumi",
        "ius",
        "ių",
        "iai",
        "iais",
        "ais",
        "omis",
        "ėmis",
        "uose",
        "ose",
        "ėse",
        "ijos",
        "ija",
        "iją",
        "ijai",
        "ijoje",
        "iui",
        "ijus",
    ],
    key=len,
    reverse=True,
)
_CAP = r"(?:[A-ZĄČĘĖĮŠŲŪŽ][a-ząčęėįšųūž]{2,}(?:-[A-ZĄČĘĖĮŠŲŪŽ][a-ząčęėįšųūž]+)?|[A-ZĄČĘĖĮŠŲŪŽ]\.)"
_RUN = re.compile(r"(?<![\w.])" + _CAP + r"(?:\s" + _CAP + r")+(?![\w])")


def stem(word: str) -> str:
    """A Lithuanian name without its case ending ("Putino" → "putin", "Vilniuje" → "vilni")."""
    lower = word.lower()
    for ending in _LT_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            return lower[: -len(ending)]
    return lower


_SKELETON = (
    ("ts", "c"),
    ("kh", "k"),
    ("dž", "j"),
    ("š", "s"),
    ("ž", "s"),
    ("č", "k"),
    ("ch", "k"),
    ("sh", "s"),
    ("ck", "k"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
    ("w", "v"),
    ("ph", "f"),
    ("y", "i"),
    ("h", ""),
)


def skeleton(word: str) -> str:
    """A crude consonant key shared by a name and its Lithuanian respelling ("Trampas"/"Trump")."""
    import unicodedata

    key = word.lower()
    for old, new in _SKELETON:
        key = key.replace(old, new)
    key = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    key = re.sub(r"[aeiouj]", "", key[0:1]) + re.sub(r"[aeiouyj]", "", key[1:]) if key else key
    return re.sub(r"(.)\1+", r"\1", key)


@lru_cache(maxsize=1)
def _name_lists() -> tuple[tuple[str, ...], frozenset[str]]:
    from mtcheck.lexicons import bundled

    raw = bundled("bilingual")
    prefixes = tuple(sorted({word.lower()[:6] for word in raw["translated_names"]}))
    return prefixes, frozenset(word.lower() for word in raw["not_name_words"])


def _near(a: str, b: str) -> bool:
    """Edit distance of at most one."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[index + (len(a) == len(b)) :] == b[index + 1 :]
    return True


def _name_found(surname: str, target: str) -> bool:
    for part in surname.split("-"):
        name_stem = stem(part)
        if name_stem[: max(4, len(name_stem) - 1)] in target.lower():
            continue
        wanted = skeleton(name_stem)
        if len(wanted) < 3:
            continue  # too short to compare safely
        found = False
        for word in _WORD.findall(target):
            if not word[:1].isupper():
                continue
            key = skeleton(word)
            if key.startswith(wanted[: max(3, len(wanted) - 1)]) or any(
                _near(key[:size], wanted) for size in (len(wanted) - 1, len(wanted), len(wanted) + 1)
            ):
                found = True
                break
        if not found:
            return False
    return True


def _check_name_missing(ctx: Context) -> Iterator[Finding]:
    alignment = _source_ok(ctx)
    if alignment is None:
        return
    prefixes, not_name_words = _name_lists()
    spans = [alignment.target_span(bead) for bead in alignment.beads]
    for number, bead in enumerate(alignment.beads):
        span = spans[number]
        source = alignment.source_span(bead)
        if span is None or source is None:
            continue
        window = [s for s in spans[max(0, number - 1) : number + 2] if s is not None]
        target = " ".join(ctx.document.text[a:b] for a, b in window)
        reported: set[str] = set()
        starts = {alignment.source_sentences[i].start for i in bead.source}
        for run in _RUN.finditer(alignment.source_text, source[0], source[1]):
            if any(word.lower().startswith(prefixes) for word in run.group(0).split()):
                continue  # an institution, a country, a holiday: translated
            for token in re.finditer(r"\S+", run.group(0)):
                word = token.group(0)
                position = run.start() + token.start()
                if word.endswith(".") or position in starts or len(word) < 4:
                    continue  # an initial, or a capital that only starts the sentence
                if word.lower() in not_name_words or word.lower() in ctx.accept:
                    continue
                if stem(word) in reported or _name_found(word, target):
                    continue
                reported.add(stem(word))
                yield ctx.finding(
                    span[0],
                    span[1],
                    f"The name {word!r} ({run.group(0)!r}) of the source is missing or changed in the translation",
                    confidence=0.5,
                    **_extra(alignment, bead),
                )


# --- languages ----------------------------------------------------------------------------------------


def _check_wrong_language(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    language, probability = language_of(text, "en")
    if language and language != "en" and probability >= 0.9:
        first = next(iter(ctx.sentences), None)
        end = first.end if first is not None else len(text)
        name = {"lt": "Lithuanian"}.get(language, f"language '{language}'")
        yield ctx.finding(
            first.start if first is not None else 0,
            end,
            f"The document is not in English (detected: {name}); other checks skipped",
            confidence=probability,
            precondition=True,
        )


def _check_source_language(ctx: Context) -> Iterator[Finding]:
    source = ctx.document.source or ""
    language, probability = language_of(source, "lt")
    if language and language != "lt" and probability >= 0.9:
        first = next(iter(ctx.sentences), None)
        yield ctx.finding(
            first.start if first is not None else 0,
            first.end if first is not None else 0,
            f"The source is not Lithuanian (detected: {language}): the source-based checks were skipped",
            confidence=probability,
        )


_SRC_PUTIN = "Rusijos prezidentas Vladimiras Putinas pasirašė dekretą dėl 160 tūkst. šauktinių."

RULES = (
    Rule(
        code="MT701",
        name="number-mismatch",
        category="number-mismatch",
        severity=Severity.MAJOR,
        summary="A number, amount or date of the target is not in its aligned source sentence",
        explanation=(
            "Numbers are compared as multisets between aligned sentences, after normalising the "
            "Lithuanian formats (decimal comma, '10 tūkst.', '1,5 mln.', '2020 m. rugsėjo 14 d.', number "
            "words in any case) and the English ones. A number the MT changed (312 → 213, 'liepos 15 d.' "
            "→ '15 June') misinforms the reader and is the costliest error in news."
        ),
        check=_check_number_changed,
        needs_source=True,
        bad=(
            Example(
                "Over the past day, 213 traffic accidents were registered.",
                flagged="213",
                source="Per praėjusią parą užregistruota 312 eismo įvykių.",
            ),
            Example(
                "The call-up will take place from 1 April to 15 June.",
                flagged="15 June",
                source="Šaukimas vyks nuo balandžio 1 d. iki liepos 15 d.",
            ),
            Example(
                "New loans worth 120 million euros were issued.",
                flagged="120 million",
                source="Išduota naujų paskolų už 210 mln. eurų.",
            ),
        ),
        good=(
            Example("Russian President Vladimir Putin signed a decree on 160,000 conscripts.", source=_SRC_PUTIN),
            Example(
                "Two people were injured on 14 September 2020.", source="2020 m. rugsėjo 14 d. buvo sužeisti du žmonės."
            ),
        ),
        suggestion="Restore the source's number.",
    ),
    Rule(
        code="MT702",
        name="number-missing",
        category="number-mismatch",
        severity=Severity.MAJOR,
        summary="A number, amount or date of the source is missing from its aligned translation",
        explanation=(
            "A number of the source sentence that appears nowhere in its translation (nor in the "
            "neighbouring sentences) was usually dropped by the MT with the clause that held it."
        ),
        check=_check_number_missing,
        needs_source=True,
        bad=(
            Example(
                "The change will affect residents.",
                flagged="The change will affect residents.",
                source="Pokytis palies daugiau nei 1,4 mln. gyventojų.",
            ),
        ),
        good=(
            Example(
                "The change will affect more than 1.4 million residents.",
                source="Pokytis palies daugiau nei 1,4 mln. gyventojų.",
            ),
        ),
        suggestion="Translate the missing amount.",
    ),
    Rule(
        code="MT703",
        name="decimal-comma",
        category="number-mismatch",
        severity=Severity.MAJOR,
        summary="A Lithuanian decimal comma kept in English ('4,5 percent', '1,5 million')",
        explanation=(
            "Lithuanian writes 4,5 for four and a half; an English reader takes '4,5' for a typo and "
            "'2,751 million' for two thousand seven hundred and fifty-one million. A comma is a decimal "
            "comma when the digits after it are not exactly three, or when a scale word or a percent "
            "sign follows ('1,500 people' is an English thousands separator and is not flagged)."
        ),
        check=_check_decimal_comma,
        bad=(
            Example("The price will decrease by an average of 4,5 percent.", flagged="4,5"),
            Example("The project will cost 1,5 million euros.", flagged="1,5"),
        ),
        good=(
            Example("More than 1,500 people took part in the march."),
            Example("The price will decrease by an average of 4.5 percent."),
        ),
        suggestion="Write a decimal point: 4.5 percent, 1.5 million.",
    ),
    Rule(
        code="MT721",
        name="omitted-sentence",
        category="omission",
        severity=Severity.MAJOR,
        summary="A source sentence with no counterpart in the translation",
        explanation=(
            "The aligner found a source sentence (of four words or more) that no target sentence "
            "translates. The finding points at the target sentence before the gap and shows the "
            "missing source sentence."
        ),
        check=_check_omitted_sentence,
        needs_source=True,
        bad=(
            Example(
                "Over the past day, 312 traffic accidents were registered in Lithuania. One person was "
                "killed in the Panevėžys district.",
                flagged="Over the past day, 312 traffic accidents were registered in Lithuania.",
                source="Per praėjusią parą Lietuvoje užregistruota 312 eismo įvykių. Policija praneša, kad "
                "daugiausia avarijų įvyko Vilniuje ir Kaune, kur eismas buvo ypač intensyvus. Vienas žmogus "
                "žuvo Panevėžio rajone.",
            ),
        ),
        good=(
            Example(
                "Over the past day, 312 traffic accidents were registered in Lithuania. The police report "
                "that most of the accidents occurred in Vilnius and Kaunas.",
                source="Per praėjusią parą Lietuvoje užregistruota 312 eismo įvykių. Policija praneša, kad "
                "daugiausia avarijų įvyko Vilniuje ir Kaune.",
            ),
        ),
        suggestion="Translate the missing sentence.",
    ),
    Rule(
        code="MT722",
        name="translation-too-short",
        category="omission",
        severity=Severity.MINOR,
        summary="A translation far shorter than its source sentence (under half its expected length)",
        explanation=(
            "English runs about 1.09 characters per Lithuanian character; 99.9 % of the WMT19 human "
            f"references are at least 0.65 times their source's length. A translation under {SHORT_RATIO} "
            "times its source's length (sources of 40 characters or more) has usually lost a clause."
        ),
        check=_check_too_short,
        needs_source=True,
        bad=(
            Example(
                "The hearing began.",
                flagged="The hearing began.",
                source="Teismo posėdis prasidėjo kaltinamųjų parodymais, kuriuos jie teikė daugiau nei tris valandas.",
            ),
        ),
        good=(
            Example(
                "The hearing started with testimony by the defendants.",
                source="Teismo posėdis prasidėjo kaltinamųjų parodymais.",
            ),
        ),
        suggestion="Compare with the source and translate what is missing.",
    ),
    Rule(
        code="MT723",
        name="translation-too-long",
        category="omission",
        severity=Severity.MINOR,
        summary="A translation far longer than its source, or a sentence with no source",
        explanation=(
            f"A translation over {LONG_RATIO} times its source's length (no WMT19 reference is over 1.81) "
            "holds an addition or a repetition (a looping decoder); a target sentence of six words or more "
            "aligned to no source sentence was added."
        ),
        check=_check_too_long,
        needs_source=True,
        bad=(
            Example(
                "The hearing started with testimony by the defendants, and the hearing started with "
                "testimony by the defendants, and the hearing started again.",
                flagged="The hearing started with testimony by the defendants, and the hearing started with "
                "testimony by the defendants, and the hearing started again.",
                source="Teismo posėdis prasidėjo kaltinamųjų parodymais.",
            ),
        ),
        good=(
            Example(
                "The hearing started with testimony by the defendants.",
                source="Teismo posėdis prasidėjo kaltinamųjų parodymais.",
            ),
        ),
        suggestion="Remove what the source does not say.",
    ),
    Rule(
        code="MT741",
        name="source-copied",
        category="untranslated",
        severity=Severity.MAJOR,
        summary="A target sentence that is its source sentence left untranslated",
        explanation=(
            "A target sentence identical to its aligned source sentence, sharing most of its common words "
            "with it, or detected as Lithuanian by langdetect (fixed seed): the MT or the pipeline passed "
            "the source through."
        ),
        check=_check_copied_source,
        needs_source=True,
        bad=(
            Example(
                "The hearing started. Policija praneša, kad daugiausia avarijų įvyko Vilniuje.",
                flagged="Policija praneša, kad daugiausia avarijų įvyko Vilniuje.",
                source="Teismo posėdis prasidėjo. Policija praneša, kad daugiausia avarijų įvyko Vilniuje.",
            ),
        ),
        good=(
            Example(
                "The police report that most accidents occurred in Vilnius.",
                source="Policija praneša, kad daugiausia avarijų įvyko Vilniuje.",
            ),
        ),
        suggestion="Translate the sentence.",
    ),
    Rule(
        code="MT742",
        name="name-missing",
        category="omission",
        severity=Severity.MAJOR,
        summary="A person's name of the source missing or changed in the translation",
        explanation=(
            "Person names of the source (first name + surname, or initial + surname) are looked for in "
            "the aligned translation by their stem without the Lithuanian case ending ('Putino' → 'Putin') "
            "or by a consonant key that survives Lithuanian respelling ('Trampas' → 'Trump'). A name "
            "found neither way was dropped or mangled."
        ),
        check=_check_name_missing,
        needs_source=True,
        bad=(
            Example(
                "The new advocate said he had not read the case file.",
                flagged="The new advocate said he had not read the case file.",
                source="Naujasis advokatas Aleksandras Doroševas sakė dar nespėjęs susipažinti su bylos medžiaga.",
            ),
        ),
        good=(
            Example("Russian President Vladimir Putin signed a decree on 160,000 conscripts.", source=_SRC_PUTIN),
            Example("Donald Trump met Emmanuel Macron.", source="Donaldas Trampas susitiko su Emmanueliu Makronu."),
        ),
        suggestion="Restore the name as the person writes it.",
    ),
    Rule(
        code="MT743",
        name="not-english",
        category="untranslated",
        severity=Severity.CRITICAL,
        summary="The document is not in English (one finding; the other checks are skipped)",
        explanation=(
            "langdetect (fixed seed) finds the document in another language, usually the Lithuanian source "
            "passed through. One finding says so instead of hundreds of 'untranslated word' findings: like "
            "pofilter's preconditions, the checks that need a translation are skipped."
        ),
        check=_check_wrong_language,
        bad=(
            Example(
                "Per praėjusią parą Lietuvoje užregistruota 312 eismo įvykių, juose sužeista 18 žmonių. "
                "Policija praneša, kad daugiausia avarijų įvyko Vilniuje ir Kaune.",
                flagged="Per praėjusią parą Lietuvoje užregistruota 312 eismo įvykių, juose sužeista 18 žmonių.",
            ),
        ),
        good=(
            Example(
                "Over the past day, 312 traffic accidents were registered in Lithuania, in which 18 "
                "people were injured."
            ),
        ),
        suggestion="Check that the translated file, not the source, was given.",
    ),
    Rule(
        code="MT744",
        name="source-not-lithuanian",
        category="untranslated",
        severity=Severity.MINOR,
        summary="The given source is not Lithuanian; the source-based checks were skipped",
        explanation=(
            "langdetect (fixed seed) finds the source in another language: the source and the translation "
            "were probably swapped or mismatched, and the comparisons would be meaningless."
        ),
        check=_check_source_language,
        needs_source=True,
        bad=(
            Example(
                "The police report that most accidents occurred in Vilnius and Kaunas.",
                flagged="The police report that most accidents occurred in Vilnius and Kaunas.",
                source="The police report that most of the accidents occurred in Vilnius and Kaunas, the "
                "two largest cities of the country.",
            ),
        ),
        good=(
            Example(
                "The police report that most accidents occurred in Vilnius.",
                source="Policija praneša, kad daugiausia avarijų įvyko Vilniuje.",
            ),
        ),
        suggestion="Give the Lithuanian source with --source or the corpus's 'source' field.",
    ),
)

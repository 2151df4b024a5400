"""Fragments: a "sentence" that cannot stand alone, left behind when the MT reordered a sentence.

Lithuanian word order puts modifiers where English does not ("prezidento vyriausioji patarėja
socialinei politikai"); an MT that splits the sentence wrongly leaves the modifier as a sentence of
its own: "..., said the chief adviser of the president. For social policy." The rules look for short
sentences without a verb (``mtcheck/grammar.py``, no tagger) that are not one of the line types that
are verbless by nature: headlines, datelines, bylines, captions, list items, quoted answers and the
elliptical replies English does write as sentences ("Not so.", "Far from it.", ``data/fragments.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

import regex

from mtcheck.grammar import PREPOSITIONS, TOKEN, has_verb, is_verb, verbs_for
from mtcheck.model import Finding, Paragraph, Sentence, Severity
from mtcheck.rules.base import Context, Example, Rule

_LIST_MARKER = regex.compile(r"\s*(?:[-*+•–—]|\d{1,3}[.)]|[a-z][.)]|#{1,6}|>|Q:|A:|[QA]\s*[-–—:])")
_DATELINE = regex.compile(r"\p{Lu}{3,}[\p{Lu} -]*,")
_BYLINE = regex.compile(r"By\s+\p{Lu}")
_ATTRIBUTION = regex.compile(
    r"\b(?:said|says|added|noted|stated|explained|told|wrote|according to|announced|reported)\b[^.!?]*\.$",
    regex.IGNORECASE,
)
_QUOTES = "\"'“”„«»‘’"
# At least _MAX_WORDS_PREPOSITIONAL + 1 chunks between whitespace (str.split(): the stdlib re's \s is
# str.isspace()) that start with an ASCII letter or digit. Possessive all through: linear, no backtracking.
_MANY_WORDS = re.compile(r"\s*+(?:(?:[^\sA-Za-z0-9]\S*+\s++)*+[A-Za-z0-9]\S*+\s*+){10}")
_CONNECTORS = frozenset({"of", "and", "the", "for", "de", "von", "van", "der", "&"})
# Fewer words than this are a fragment even when the sentence does not start with a preposition.
_MAX_WORDS = 5
_MAX_WORDS_PREPOSITIONAL = 9
_ENGLISH_ZIPF = 3.0  # a common English word (wordfreq Zipf scale); names and foreign words score lower


@dataclass(frozen=True)
class FragmentData:
    standalone: frozenset[str]
    standalone_words: frozenset[str]
    starters: frozenset[str]
    labels: frozenset[str]


def _compile(raw: dict[str, Any]) -> FragmentData:
    standalone = frozenset(" ".join(str(phrase).lower().split()) for phrase in raw.get("standalone", []))
    words = frozenset(phrase for phrase in standalone if " " not in phrase) | {"not", "very", "so", "and", "but"}
    return FragmentData(
        standalone,
        words,
        frozenset(str(word).lower() for word in raw.get("standalone_starters", [])),
        frozenset(str(label).lower() for label in raw.get("labels", [])),
    )


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from mtcheck.wordfreqs import english_zipf  # heavy data, only when a candidate is found

    return english_zipf(word)


def _skip_line(ctx: Context, paragraph: Paragraph, sentence: Sentence, data: FragmentData) -> bool:
    """Line types that are verbless by nature, and sentences that are not plain prose."""
    text = sentence.text
    if not text.endswith(".") or text.endswith(".."):
        return True  # headlines (no full stop), exclamations, questions, ellipses, quotations
    if sentence.index == 0:
        return True  # the title or the first line of the article
    if paragraph.index == 0 and len(paragraph.sentences) == 1:
        return True
    if text[0] in _QUOTES or ctx.in_quote(sentence.start, sentence.end):
        return True
    if _LIST_MARKER.match(ctx.text, paragraph.start) and sentence is paragraph.sentences[0]:
        return True
    if ":" in text or _DATELINE.match(text) or _BYLINE.match(text):
        return True
    first = text.split()[0].lower().rstrip(".,")
    if first in data.labels or " ".join(text.lower().split()[:2]) in data.labels:
        return True
    last = text.split()[-1].lower().rstrip(".")
    return last in data.labels  # "AFP / Scanpix photo."


def _standalone(words: list[str], text: str, data: FragmentData) -> bool:
    phrase = " ".join(text.lower().rstrip(".").replace("’", "'").split())
    if phrase in data.standalone or words[0].lower() in data.starters:
        return True
    return all(word.lower() in data.standalone_words for word in words)


def _name_like(words: list[str]) -> bool:
    """'Jonas Jonaitis.', 'Lithuanian Railways.', 'Ministry of Finance.': a name or title, not prose."""
    if words[0].lower() in PREPOSITIONS:
        return False
    return all(word[0].isupper() or word.lower() in _CONNECTORS for word in words if word[0].isalpha())


def _context_message(ctx: Context, sentence: Sentence) -> tuple[str, float]:
    position = sentence.index
    if position > 0:
        previous = ctx.sentences[position - 1]
        if previous.paragraph == sentence.paragraph and _ATTRIBUTION.search(previous.text):
            return " (a phrase left dangling after the attribution: it belongs inside the previous sentence)", 0.9
    return "", 0.8


def _candidates(ctx: Context) -> list[tuple[Sentence, list[str]]]:
    """Short sentences that are not verbless by nature, with their words. Cached per document (both rules
    use them)."""
    key = "fragments.candidates"
    found: list[tuple[Sentence, list[str]]] | None = ctx.options.get(key)
    if found is None:
        found = ctx.options[key] = list(_find_candidates(ctx))
    return found


def _find_candidates(ctx: Context) -> Iterator[tuple[Sentence, list[str]]]:
    data = ctx.lexicons.compiled("fragments", _compile)
    for paragraph in ctx.paragraphs:
        for position, sentence in enumerate(paragraph.sentences):
            text = sentence.text
            if not text.endswith(".") or text.endswith(".."):
                continue  # the first test of _skip_line, done before the words are cut
            # A lower bound on the number of words (TOKEN matches): a chunk between whitespace that starts
            # with an ASCII letter or digit starts a word of its own.
            if _MANY_WORDS.match(text) is not None:
                continue
            # the words, or the first _MAX_WORDS_PREPOSITIONAL + 1 of them (then too many)
            words = [match.group(0) for match in islice(TOKEN.finditer(text), _MAX_WORDS_PREPOSITIONAL + 1)]
            if not words or len(words) > _MAX_WORDS_PREPOSITIONAL:
                continue
            if position > 0 and paragraph.sentences[position - 1].text.rstrip(_QUOTES + ")").endswith("?"):
                continue  # the answer to a question: "And the winner? Lithuania."
            if _skip_line(ctx, paragraph, sentence, data) or _standalone(words, sentence.text, data):
                continue
            yield sentence, words


def _check_one_word(ctx: Context) -> Iterator[Finding]:
    verbs = verbs_for(ctx.lexicons)
    for sentence, words in _candidates(ctx):
        if len(words) != 1:
            continue
        word = words[0]
        if len(ctx.paragraphs[sentence.paragraph].sentences) == 1:
            continue  # a one-word line is a heading, a caption or a dateline ("Kabul.")
        if len(word) < 3 or not word.isalpha() or word.isupper() or ctx.accepted(word):
            continue
        lower = word.lower()
        if lower.endswith("ly") or is_verb(lower, None, verbs) or _zipf(lower) < _ENGLISH_ZIPF:
            continue  # adverb replies ("Absolutely."), imperatives ("Wait."), names ("Masiulis.")
        why, confidence = _context_message(ctx, sentence)
        yield ctx.finding(
            sentence.start,
            sentence.end,
            f"One-word sentence without a verb: {word!r} cannot stand alone{why}",
            suggestion="Move the word back into the sentence it belongs to",
            confidence=confidence,
        )


def _check_verbless_phrase(ctx: Context) -> Iterator[Finding]:
    verbs = verbs_for(ctx.lexicons)
    for sentence, words in _candidates(ctx):
        if len(words) < 2:
            continue
        prepositional = words[0].lower() in PREPOSITIONS
        if len(words) > (_MAX_WORDS_PREPOSITIONAL if prepositional else _MAX_WORDS):
            continue
        if _name_like(words) or has_verb(words, verbs):
            continue
        alphabetic = [word.lower() for word in words if word[0].isalpha()]
        if not alphabetic or any(ctx.accepted(word) for word in alphabetic):
            continue
        if sum(_zipf(word) >= _ENGLISH_ZIPF for word in alphabetic) * 2 < len(alphabetic):
            continue  # mostly names or foreign words: the untranslated and name rules look at those
        why, confidence = _context_message(ctx, sentence)
        kind = "prepositional phrase" if prepositional else "phrase"
        yield ctx.finding(
            sentence.start,
            sentence.end,
            f"A verbless {kind} stands as a sentence of its own{why}",
            suggestion="Attach the phrase to the sentence it modifies",
            confidence=confidence if prepositional else confidence - 0.1,
        )


RULES = (
    Rule(
        code="MT211",
        name="one-word-fragment",
        category="fragment",
        severity=Severity.MAJOR,
        summary="A one-word 'sentence' without a verb that cannot stand alone ('Russian.', 'Municipal.')",
        explanation=(
            "When the MT splits a Lithuanian sentence in the wrong place, an adjective or noun of the "
            "original ('savivaldybės' → 'Municipal') may end up as a sentence of its own, often right "
            "after an attribution ('said a spokesman for the president. Russian.'). Not flagged: the "
            "first line (a title), lines without a final full stop (headlines, exclamations, questions), "
            "captions and bylines, list items, quoted words, verbs ('Wait.'), -ly adverbs and the "
            "elliptical replies listed in data/fragments.toml ('Yes.', 'Hardly.', 'Absolutely.'), and "
            "names (words that are not common English words by wordfreq)."
        ),
        check=_check_one_word,
        bad=(
            Example(
                "Inspections will be stepped up in the evening, said a representative of the company. Municipal.",
                flagged="Municipal.",
            ),
            Example(
                "There are no troops in Belarus, said a spokesman for the president. Russian.",
                flagged="Russian.",
            ),
        ),
        good=(
            Example("Would he resign? Hardly. The coalition needs him."),
            Example("He said the alliance had never been stronger. Duda agreed."),
            Example('Asked whether he would run again, he said: "Yes."'),
        ),
        suggestion="Put the word back where it belongs: 'said a representative of the municipal company'.",
    ),
    Rule(
        code="MT212",
        name="verbless-phrase",
        category="fragment",
        severity=Severity.MAJOR,
        summary="A short phrase without a verb stands as a sentence ('Of mathematics and physics.')",
        explanation=(
            "A prepositional or noun phrase split off its sentence by the MT: 'There is still a shortage "
            "of teachers. Of mathematics and physics.' The rule flags sentences of two to five words (up "
            "to nine when they start with a preposition) in which no word is a verb by the closed lists "
            "and morphology of data/verbs.toml. Titles, names ('Lithuanian Railways.'), captions, "
            "bylines, datelines, list items, quotations and stand-alone replies ('Far from it.', 'Not "
            "so.') are not flagged."
        ),
        check=_check_verbless_phrase,
        bad=(
            Example(
                "The ministry says that there is still a shortage of teachers. Of mathematics and physics.",
                flagged="Of mathematics and physics.",
            ),
            Example(
                "The changes were long overdue, said the chief adviser of the president. For social policy.",
                flagged="For social policy.",
            ),
        ),
        good=(
            Example("Was the reform a success? Far from it. Prices kept rising."),
            Example("The report was published on Monday. It was written by Lithuanian Railways."),
            Example("Photo by the author. The station reopened."),
        ),
        suggestion="Attach the phrase to the noun it modifies: 'a shortage of mathematics and physics teachers'.",
    ),
)

"""Sentence splits: a sentence broken by the MT at an abbreviation, number or date.

Lithuanian writes a full stop after abbreviations that English spells out or drops: "7 tūkst.
žmonių" (7,000 people), "1,4 mln. gyventojų" (1.4 million residents), "2020 m." (in 2020), "3 proc."
(3 percent). MT that takes that full stop for the end of a sentence leaves "about 7 thousand. runners
from 50 countries ...": a sentence that starts in lowercase (MT201), an amount cut from the noun it
counts (MT202), or a first part that ends on an article or conjunction (MT203). The segmenter keeps
these broken boundaries visible on purpose (see ``mtcheck/segment.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from mtcheck.model import Finding, Sentence, Severity
from mtcheck.rules.base import Context, Example, Rule

_FIRST_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*(?:[ \t]+[\p{L}\p{N}][\p{L}\p{N}'’-]*){0,2}")
_FIRST_TOKEN = regex.compile(r"\S+")
_INNER_CAPITAL = regex.compile(r"\p{Ll}+\p{Lu}")  # iPhone, eBay, mRNA
_ENUMERATOR = regex.compile(r"(?:\d{1,2}|[a-z]|[ivx]{1,4})\.")  # "1." "a." "iv." list markers
_LAST_WORD = regex.compile(r"([\p{L}%][\p{L}'’]*|\d[\d.,]*)\s*\.$")
# The same search from the end of the text (fast: a forward search tries every position). On a text that
# ends with a full stop it finds the same match: a match ends at the end, its word ends where the
# whitespace before the full stop starts, and of the two alternatives only one can match there (no
# character is both a letter and a digit, '%' is neither), each as far to the left as it can.
_LAST_WORD_REVERSE = regex.compile(r"(?r)([\p{L}%][\p{L}'’]*|\d[\d.,]*)\s*\.$")
_YEAR = regex.compile(r"(?<![\d.,])(?:1[89]\d\d|20\d\d)\s*\.$")
_NUMBER = regex.compile(r"\d\s*\.$")
# Lithuanian abbreviations that end with a full stop (the untranslated rules flag them as words).
_LITHUANIAN_ABBREVIATIONS = frozenset(
    [
        "m", "d", "val", "g", "kt", "pvz", "žr", "nr", "min", "sek", "str", "kv", "vnt", "gim", "mok", "sk",
        "pav", "plg", "pan", "t", "y",
    ]
)
_CLOSERS = "\"'”’»)]"


@dataclass(frozen=True)
class SplitData:
    lowercase_starters: frozenset[str]
    cut_endings: frozenset[str]
    unit_nouns: frozenset[str]
    amounts: dict[str, str]
    amount_pattern: regex.Pattern[str]
    # Pre-filter of MT203: a sentence whose last word (lowercased) is a cut ending ends, without the
    # full stop and whitespace before it, with that ending once lowercased. Exact when the endings are
    # ASCII: a word that lowercases to one holds no capital sigma, the one letter str.lower() maps by
    # its context, so it lowercases alike alone and at the end of the text. None: no pre-filter.
    cut_suffixes: tuple[str, ...] | None = None
    cut_longest: int = 0


def _compile(raw: dict[str, Any]) -> SplitData:
    amounts = {str(key).lower(): str(value) for key, value in raw.get("amounts", {}).items()}
    words = sorted(amounts, key=len, reverse=True)
    pattern = regex.compile(
        r"(?:\d[\d.,]*\s*|\b)(" + "|".join(regex.escape(word) for word in words) + r")\s*\.$",
        regex.IGNORECASE,
    )
    cut_endings = frozenset(str(word).lower() for word in raw.get("cut_endings", []))
    ascii_endings = all(word.isascii() for word in cut_endings)
    return SplitData(
        frozenset(str(word).lower() for word in raw.get("lowercase_starters", [])),
        cut_endings,
        frozenset(str(word).lower() for word in raw.get("unit_nouns", [])),
        amounts,
        pattern,
        tuple(sorted(cut_endings)) if ascii_endings else None,
        max(map(len, cut_endings), default=0),
    )


def _data(ctx: Context) -> SplitData:
    return ctx.lexicons.compiled("splits", _compile)


def _ends_with_full_stop(text: str) -> bool:
    """A single full stop ends the sentence: not an ellipsis, not a quotation closing after it."""
    return text.endswith(".") and not text.endswith("..")


def _pairs(ctx: Context) -> list[tuple[Sentence, Sentence]]:
    """Pairs of consecutive sentences of a paragraph, in order (computed once a document: MT201 and
    MT202 use them; most paragraphs are one sentence)."""
    key = "splits.pairs"
    pairs: list[tuple[Sentence, Sentence]] | None = ctx.options.get(key)
    if pairs is None:
        pairs = ctx.options[key] = [
            pair
            for paragraph in ctx.paragraphs
            if len(paragraph.sentences) > 1
            for pair in zip(paragraph.sentences, paragraph.sentences[1:], strict=False)
        ]
    return pairs


def cause(previous: str, data: SplitData) -> tuple[str, float]:
    """Why the MT probably ended ``previous`` with a full stop, and how sure that makes us."""
    amount = data.amount_pattern.search(previous)
    if amount:
        word = amount.group(1)
        abbreviation = data.amounts.get(word.lower(), "")
        return (
            f"the first part ends with an amount ('{word}.'): the MT read the full stop of the Lithuanian "
            f"abbreviation '{abbreviation}' as the end of the sentence",
            0.95,
        )
    if _YEAR.search(previous):
        return (
            "the first part ends with a year: the MT read the full stop of the Lithuanian 'm.' (metų, "
            "'year') as the end of the sentence",
            0.95,
        )
    if _NUMBER.search(previous):
        return (
            "the first part ends with a number: Lithuanian dates, times and ordinals take a full stop "
            "('14 d.', '9 val.', '3.')",
            0.9,
        )
    last = _LAST_WORD.search(previous)
    word = last.group(1).lower() if last else ""
    if word in data.cut_endings:
        return f"the first part is cut off after '{last.group(1) if last else word}'", 0.9
    if word in _LITHUANIAN_ABBREVIATIONS:
        return f"the first part ends with the Lithuanian abbreviation '{word}.'", 0.9
    return "a full stop stands in the middle of the sentence", 0.75


def _legitimately_lowercase(sentence: str, data: SplitData) -> bool:
    token = _FIRST_TOKEN.match(sentence)
    if token is None:
        return True
    first = token.group(0).rstrip(",;:.!?" + _CLOSERS)
    if not first or not first[0].islower():
        return True
    if _INNER_CAPITAL.match(first) or any(mark in first for mark in "./@\\"):
        return True  # iPhone, eBay, lrt.lt, e-mail addresses
    return first.lower() in data.lowercase_starters


def _check_lowercase_start(ctx: Context) -> Iterator[Finding]:
    data = _data(ctx)
    for previous, sentence in _pairs(ctx):
        text = sentence.text
        if not text[0].islower() or not _ends_with_full_stop(previous.text):
            continue
        if _ENUMERATOR.fullmatch(previous.text) or _ENUMERATOR.fullmatch(text):
            continue  # "a. first item. b. second item."
        if _legitimately_lowercase(text, data):
            continue
        words = _FIRST_WORDS.match(text)
        if words is None:
            continue
        why, confidence = cause(previous.text, data)
        yield ctx.finding(
            sentence.local(words.start()),
            sentence.local(words.end()),
            f"Sentence starts in lowercase after a full stop: {why}",
            suggestion="Join the two parts into one sentence (drop the full stop)",
            confidence=confidence,
        )


def _check_cut_amount(ctx: Context) -> Iterator[Finding]:
    data = _data(ctx)
    for previous, sentence in _pairs(ctx):
        amount = data.amount_pattern.search(previous.text)
        if amount is None or not regex.search(r"\d", previous.text[max(0, amount.start() - 12) : amount.end()]):
            continue
        first = _FIRST_WORDS.match(sentence.text)
        if first is None or not sentence.text[0].isupper():
            continue
        word = first.group(0).split()[0]
        if word.lower() not in data.unit_nouns:
            continue
        abbreviation = data.amounts.get(amount.group(1).lower(), "")
        yield ctx.finding(
            previous.local(amount.start(1)),
            sentence.local(len(word)),
            f"An amount is cut from what it counts: '{amount.group(1)}. {word}' reads as two sentences; "
            f"the MT took the full stop of the Lithuanian abbreviation '{abbreviation}' for the end of "
            "a sentence",
            suggestion=f"{amount.group(1)} {word.lower()}",
            confidence=0.85,
        )


def _check_cut_off(ctx: Context) -> Iterator[Finding]:
    data = _data(ctx)
    cut_endings, suffixes, longest = data.cut_endings, data.cut_suffixes, data.cut_longest
    search = _LAST_WORD_REVERSE.search  # = _LAST_WORD.search on a text that ends with a full stop
    for paragraph in ctx.paragraphs:
        sentences = paragraph.sentences
        for position, sentence in enumerate(sentences):
            text = sentence.text
            if not text.endswith(".") or text.endswith(".."):  # _ends_with_full_stop
                continue
            # str.rstrip() strips all of the regex module's \s (and U+001C-U+001F): a superset test
            if suffixes is not None and not text[:-1].rstrip()[-longest:].lower().endswith(suffixes):
                continue
            last = search(text)
            if last is None or last.group(1).lower() not in cut_endings or len(text.split()) < 3:
                continue
            following = sentences[position + 1].text if position + 1 < len(sentences) else ""
            if following[:1].islower():
                continue  # MT201 reports the lowercase continuation and names this cause
            if ctx.in_quote(sentence.start, sentence.end):
                continue
            yield ctx.finding(
                sentence.local(last.start(1)),
                sentence.end,
                f"The sentence ends on '{last.group(1)}': its first part is cut off and its continuation "
                "probably follows as a separate sentence",
                suggestion="Join it with the next sentence or complete it",
                confidence=0.8,
            )


RULES = (
    Rule(
        code="MT201",
        name="lowercase-sentence-start",
        category="sentence-split",
        severity=Severity.MAJOR,
        summary="A sentence starts in lowercase after a full stop: the MT split a sentence in two",
        explanation=(
            "Lithuanian puts a full stop after abbreviations that English spells out or drops "
            "(tūkst. 'thousand', mln. 'million', m. 'year', proc. 'percent', d. 'day'). MT that takes "
            "that full stop for the end of a sentence leaves '10 thousand. people are dead': the rest of "
            "the sentence starts in lowercase. The message names the likely cause from the end of the "
            "first part. Not flagged: a lowercase brand or name particle (iPhone, eBay, de Gaulle), a web "
            "address, a list enumerator, text after an ellipsis or a colon."
        ),
        check=_check_lowercase_start,
        bad=(
            Example(
                "More than 10 thousand. people are dead, officials said.",
                flagged="people are dead",
                source="Žuvo daugiau nei 10 tūkst. žmonių, teigė pareigūnai.",
            ),
            Example(
                "Since 2020. the regime has closed almost all independent media.",
                flagged="the regime has",
                source="Nuo 2020 m. režimas uždarė beveik visas nepriklausomas žiniasklaidos priemones.",
            ),
            Example("Unemployment rose to 7 percent. in the third quarter.", flagged="in the third"),
        ),
        good=(
            Example("More than 10,000 people are dead, officials said."),
            Example("The new model is called the X5. iPhone sales fell."),
            Example("Prices rose by 3 percent... and then fell again."),
            Example("The meeting ended at 4 p.m. with no agreement."),
        ),
        suggestion="Join the two parts and render the Lithuanian abbreviation as English: '10,000 people'.",
    ),
    Rule(
        code="MT202",
        name="amount-cut-from-noun",
        category="sentence-split",
        severity=Severity.MAJOR,
        summary="An amount ends a 'sentence' and the noun it counts starts the next one",
        explanation=(
            "'The change will affect more than 1.4 million. Residents of ...' is one Lithuanian "
            "sentence ('1,4 mln. gyventojų') cut at the abbreviation 'mln.'; the MT then capitalised the "
            "continuation, so no lowercase start betrays it. The rule flags an amount word (thousand, "
            "million, billion, percent) right before the full stop when the next sentence starts with a "
            "count noun (people, residents, euros, ...)."
        ),
        check=_check_cut_amount,
        bad=(
            Example(
                "Vilnius airport served about 3.7 million. People are expected to travel more this year.",
                flagged="million. People",
            ),
            Example("The fine can reach 25 thousand. Euros are paid to the state budget.", flagged="thousand. Euros"),
        ),
        good=(
            Example("Vilnius airport served about 3.7 million passengers. People are expected to travel more."),
            Example("The city's population fell to 1.4 million. The decline slowed last year."),
        ),
        suggestion="Join the amount and its noun: 'about 3.7 million people'.",
    ),
    Rule(
        code="MT203",
        name="cut-off-sentence",
        category="sentence-split",
        severity=Severity.MAJOR,
        summary="A sentence ends on an article, conjunction or possessive: its first part is cut off",
        explanation=(
            "An English sentence cannot end on 'the', 'and', 'their', or on prepositions English never "
            "strands ('during', 'despite', 'including'). Such an ending marks a sentence the MT cut at a "
            "Lithuanian abbreviation or full stop, with its continuation in the next sentence. "
            "Prepositions English does strand ('what we voted on.') are not flagged."
        ),
        check=_check_cut_off,
        bad=(
            Example("The decision was made by the. Government officials said nothing.", flagged="the."),
            Example("The ministry plans to cut spending on defence and. Education will suffer.", flagged="and."),
        ),
        good=(
            Example("The decision was made by the government."),
            Example("This is the island the plane was flying to."),
        ),
        suggestion="Join the two parts into one sentence.",
    ),
)

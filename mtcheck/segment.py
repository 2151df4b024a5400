"""Paragraphs and sentences with exact offsets.

The segmenter is deliberately literal. A full stop followed by a space ends a sentence even when the
next word is in lowercase: machine translation that split "10 tūkst. žmonių" into "10 thousand.
people" must stay visibly broken so that the split rules can see it. What it does not break at:

* English abbreviations (Mr., Dr., St., No., e.g., etc., a.m., U.S., ...), listed in
  ``data/segmentation.toml``;
* initials ("D. Peskov", "J. R. R. Tolkien");
* decimals, ellipses inside a sentence, and "?"/"!" followed by a lowercase word (quoted speech:
  '"Why?" he asked').

Paragraphs are separated by line breaks in plain text (scraped news puts one paragraph per line) and
by blank lines in Markdown, where single line breaks are soft wraps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mtcheck.model import Paragraph, Sentence

WORD = re.compile(r"\w+(?:[-'’]\w+)*")

# Closing characters that belong to the sentence they follow.
_CLOSERS = "\"'”’»)]“"
# A match starts only at the start of a run of marks and never backtracks into the run or the closers
# (whitespace must follow, so giving back a mark or a closer can never succeed): linear on "......".
# It is "(?:(?<![.!?])(?:\.{3}|[.!?]++)|…)" followed by the closers, written to start with a character
# class so that the scan skips fast to a candidate mark instead of trying a lookbehind at every
# position. Exactly equivalent: "\.{3}" only matches where the whole run is "..." (a longer run goes on
# with a mark that is neither a closer nor whitespace), so the first branch is a whole run of [.!?] that
# no mark precedes (the lookbehind after the first mark looks at the character before it); "…" is
# kept out of that branch, and only "…" itself opens the other one.
_BOUNDARY = re.compile(
    r"[.!?…](?:(?<=…)|(?<![.!?].)(?<!…)[.!?]*+)[" + re.escape(_CLOSERS) + r"]*+(?=\s)"
)
_LIST_ITEM = re.compile(r"\s*(?:[-*+•–]\s|\d{1,3}[.)]\s|#{1,6}\s|>)")


def count_words(text: str) -> int:
    return len(WORD.findall(text))


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from mtcheck.lexicons import load_segmentation

    data = load_segmentation()
    return data.never_break, data.flexible, data.sentence_starters


@lru_cache(maxsize=1)
def _before_number() -> frozenset[str]:
    from mtcheck.lexicons import bundled

    return frozenset(word.lower() for word in bundled("segmentation").get("before_number", []))


@lru_cache(maxsize=1)
def _lithuanian_abbreviations() -> dict[str, str]:
    """Lithuanian abbreviations (lowercase, without the stop) -> the context they are sure in.

    A Lithuanian abbreviation left in the English ("3 proc. next year", "10 tūkst. people", "2020 m.
    the regime") does not end the sentence when a lowercase word follows: the sentence goes on, and
    the untranslated rules flag the token itself. Before an uppercase word it may end one."""
    from mtcheck.lexicons import bundled

    found: dict[str, str] = {}
    for entry in bundled("lt_abbreviations").get("entry", []):
        context = entry.get("context", "any")
        abbr = str(entry.get("abbr", ""))
        if context in ("any", "number", "year", "day") and abbr.endswith(".") and " " not in abbr:
            found.setdefault(abbr[:-1].lower(), context)
    return found


_AFTER_NUMBER = re.compile(r"(\d[\d.,]*)\s+\S+$")


def _lithuanian_continues(text: str, token: str, mark_start: int) -> bool:
    context = _lithuanian_abbreviations().get(token.lower())
    if context is None:
        return False
    if context == "any":
        return True
    number = _AFTER_NUMBER.search(text, max(0, mark_start - 30), mark_start)
    if number is None:
        return False
    digits = number.group(1).replace(",", "").replace(".", "")
    if context == "year":
        return len(digits) == 4 and digits[:2] in ("19", "20")
    if context == "day":
        return digits.isdigit() and 1 <= int(digits) <= 31
    return True


_NUMBER_NEXT = re.compile(r"[(#]?\d|[IVXLC]+\b")


def _token_before(text: str, end: int) -> str:
    """The token that ends at ``end`` (the position of the full stop), with inner periods."""
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([\"'“„«":
        start -= 1
    return text[start:end]


def _next_word(text: str, position: int) -> str:
    match = WORD.match(text, position)
    return match.group(0) if match else ""


def _is_boundary(text: str, mark_start: int, mark_end: int, next_start: int) -> bool:
    """Decide whether the punctuation at ``mark_start:mark_end`` ends a sentence."""
    if next_start >= len(text):
        return True
    mark = text[mark_start:mark_end].rstrip(_CLOSERS)
    following = text[next_start]
    if mark in ("?", "!", "...", "…") or mark.startswith(("?", "!")):
        # '"Why?" he asked' and 'so... and then' continue the sentence
        return not following.islower()
    if mark != ".":
        return True
    never_break, flexible, starters = _abbreviations()
    token = _token_before(text, mark_start)
    key = token.lower().lstrip("(")
    single_capital = len(token) == 1 and token.isupper()  # "Vitamin C. The": an initial, not "c." (circa)
    if key in never_break and not single_capital:
        return False
    if key in _before_number() and not single_capital:
        # "No. 5", "Art. 12", but "He said no. Then ..." and "modern art. The ..."
        return _NUMBER_NEXT.match(text, next_start) is None
    if following.islower() and _lithuanian_continues(text, token, mark_start):
        return False
    nxt = _next_word(text, next_start)
    if key in flexible:
        return nxt in starters
    # initials: "D. Peskov", "J.R.R. Tolkien", but "... Plan B. The ..." ends a sentence
    letters = token.replace(".", "")
    initials = len(letters) <= 3 and letters.isalpha() and len(letters) == token.count(".") + 1
    if letters.isupper() and (initials or len(letters) == 1):
        return nxt in starters
    if len(token) == 1 and token.islower() and nxt[:1].isupper():
        # a lowercased initial: MT output such as "said a. Anušauskas" (WMT19 online-G, online-X)
        return nxt in starters
    return True


def split_sentences(text: str, start: int, end: int, paragraph: int, first_index: int) -> list[Sentence]:
    """Sentences of ``text[start:end]`` (one paragraph)."""
    sentences: list[Sentence] = []
    cursor = start
    first = _BOUNDARY.search(text, start, end)
    if first is None:  # most paragraphs are one sentence: no boundary before their end
        _append(sentences, text, cursor, end, paragraph, first_index)
        return sentences
    for match in _BOUNDARY.finditer(text, first.start(), end):
        next_start = match.end()
        while next_start < end and text[next_start].isspace():
            next_start += 1
        if next_start >= end:
            break
        if not _is_boundary(text, match.start(), match.end(), next_start):
            continue
        _append(sentences, text, cursor, match.end(), paragraph, first_index)
        cursor = next_start
    _append(sentences, text, cursor, end, paragraph, first_index)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int, first: int) -> None:
    # str.strip() strips exactly the characters for which str.isspace() is true
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        if stripped is not piece:
            start += len(piece) - len(piece.lstrip())
        sentences.append(Sentence(start, start + len(stripped), stripped, paragraph, first + len(sentences)))


def _paragraph_spans(text: str, soft_wrap: bool) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs. With ``soft_wrap`` single line breaks join lines (Markdown)."""
    if not soft_wrap:
        # the non-empty lines ("[^\n]+") that are not all whitespace
        position = 0
        for row in text.split("\n"):
            if row and not row.isspace():
                yield position, position + len(row)
            position += len(row) + 1
        return
    # a block: lines up to a blank line (a block never starts with a line break)
    for block in re.finditer(r"[^\n](?:[^\n]|\n(?![ \t]*\n))*", text):
        if not block.group(0).strip():
            continue
        # list items and headings start paragraphs of their own even without a blank line
        current = block.start()
        for line in re.finditer(r"[^\n]*(?:\n|$)", block.group(0)):
            if not line.group(0):
                continue
            absolute = block.start() + line.start()
            if absolute > current and _LIST_ITEM.match(line.group(0)):
                if text[current : absolute - 1].strip():
                    yield current, absolute - 1
                current = absolute
        yield current, block.end()


def segment(text: str, soft_wrap: bool = False) -> tuple[Paragraph, ...]:
    """Split ``text`` into paragraphs of sentences; every offset points into ``text``."""
    paragraphs: list[Paragraph] = []
    count = 0
    for index, (start, end) in enumerate(_paragraph_spans(text, soft_wrap)):
        sentences = split_sentences(text, start, end, index, count)
        count += len(sentences)
        paragraphs.append(Paragraph(start, end, index, tuple(sentences)))
    return tuple(paragraphs)

"""Repetition: words and phrases the MT doubled ("the the", "of the of the")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import eq

import regex

from mtcheck.model import Finding, Sentence, Severity
from mtcheck.rules.base import Context, Example, Rule

# A doubled word: the same word twice, separated by whitespace only (case-insensitive).
_DOUBLE_WORD = regex.compile(r"(?<![\w'’-])(\p{L}[\p{L}'’-]*)(\s+)(\1)(?![\w'’-])", regex.IGNORECASE)
# A doubled phrase of two to four words ("of the of the", "in the city in the city").
_DOUBLE_PHRASE = regex.compile(
    r"(?<![\w'’-])((?:\p{L}[\p{L}'’-]*\s+){1,3}\p{L}[\p{L}'’-]*)(\s+)(\1)(?![\w'’-])", regex.IGNORECASE
)


# Pre-filter. A match of either pattern is a run of whole tokens of [\p{L}\p{M}'’-] followed, after
# whitespace only, by the same tokens again (the backreference matches each character case-insensitively,
# and every character the regex module treats as a case variant of a token character is a token
# character too). So a sentence can only match where its lowercased token list repeats an item at
# distance 1 (a word), or 2 to 4 items in a row at that distance (a phrase of so many words), provided
# that the characters of the text lowercase like all their case variants (``_char``; otherwise every
# sentence is searched).
# Only the sentences where such a repetition starts are searched with the patterns, so the matches are
# the same. The tokens are cut fast from the UTF-8 bytes of the lowercased text: every character that is
# not a token character becomes a space (``lower`` keeps token and other characters apart), then split.
_TOKEN_CHAR = regex.compile(r"[\p{L}\p{M}'’-]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SEPARATOR = "\x1f"  # between the sentences of a document joined into one text; never a token character
_ASCII_TABLE = bytes(
    byte if byte >= 0x80 or chr(byte).isalpha() or chr(byte) in "'-\x1f" else 0x20 for byte in range(256)
)


@dataclass(frozen=True)
class _Char:
    safe: bool  # all its case variants (as the regex module matches them, transitively) lowercase alike
    blank: tuple[bytes, ...]  # its lowercase's non-ASCII characters to turn into spaces (not a token char)


_CHARS: dict[str, _Char] = {}


def _char(char: str) -> _Char:
    known = _CHARS.get(char)
    if known is None:
        get_all_cases = getattr(getattr(regex, "_regex", None), "get_all_cases", None)
        safe = False
        if get_all_cases is not None:
            flags = int(regex.IGNORECASE | regex.UNICODE)
            seen, todo = {ord(char)}, [ord(char)]
            while todo:
                for other in get_all_cases(flags, todo.pop()):
                    if other not in seen:
                        seen.add(other)
                        todo.append(other)
            safe = len({chr(code).lower() for code in seen}) == 1
        blank = () if _TOKEN_CHAR.match(char) else tuple(c.encode() for c in char.lower() if not c.isascii())
        known = _CHARS[char] = _Char(safe, blank)
    return known


def _tokens(ctx: Context) -> tuple[list[bytes], list[int]] | None:
    """The lowercased tokens of the document's sentences, with a separator token between sentences, and
    the positions of the separators; None when the pre-filter does not apply. Cached per document."""
    key = "repetition.tokens"
    if key not in ctx.options:
        value = None
        joined = f" {_SEPARATOR} ".join(sentence.text for sentence in ctx.sentences)
        chars = [_char(char) for char in set(_NON_ASCII.findall(joined))]
        if joined.count(_SEPARATOR) == max(0, len(ctx.sentences) - 1) and all(char.safe for char in chars):
            data = joined.lower().encode().translate(_ASCII_TABLE)
            for char in chars:
                for blank in char.blank:
                    data = data.replace(blank, b" ")
            keys = data.split()
            value = keys, list(compress(count(), map(eq, keys, repeat(_SEPARATOR.encode()))))
        ctx.options[key] = value
    tokens: tuple[list[bytes], list[int]] | None = ctx.options[key]
    return tokens


def _repeating(keys: list[bytes], separators: list[int], distance: int) -> Iterator[int]:
    """The indices of the sentences that hold a token position ``i`` where
    ``keys[i : i + distance] == keys[i + distance : i + 2 * distance]``. The comparisons are made by
    C-level iterators into a byte string (1 where ``keys[i] == keys[i + distance]``) in which a run of
    ``distance`` ones is searched for; after a find the search goes on at the next sentence."""
    flags = bytes(map(eq, keys, keys[distance:]))
    run = b"\x01" * distance
    position = flags.find(run)
    while position >= 0:
        index = bisect_right(separators, position)  # the sentence of token ``position``
        yield index
        if index == len(separators):
            return
        position = flags.find(run, separators[index])  # the next sentence starts at its separator


def _candidates(ctx: Context, distances: tuple[int, ...]) -> Iterator[Sentence]:
    """The sentences in which ``distance`` tokens in a row repeat right after themselves, for one of
    ``distances`` (a doubled word or phrase of that many words), in document order; all sentences when
    the pre-filter does not apply."""
    tokens = _tokens(ctx)
    if tokens is None:
        yield from ctx.sentences
        return
    keys, separators = tokens
    found: set[int] = set()
    for distance in distances:
        found.update(_repeating(keys, separators, distance))
    sentences = ctx.sentences
    for index in sorted(found):
        yield sentences[index]


@lru_cache(maxsize=1)
def _legitimate() -> frozenset[str]:
    from mtcheck.lexicons import bundled

    return frozenset(word.lower() for word in bundled("repetition")["legitimate_doubles"])


# Words that are doubled by MT even when capitalised ("The The council", "In In Vilnius"): never names.
_FUNCTION_WORDS = frozenset(
    (
        "a", "an", "the", "of", "in", "to", "and", "or", "but", "nor", "for", "on", "at", "by", "with",
        "from", "into", "onto", "upon", "over", "under", "about", "as", "than", "that", "this", "these",
        "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
        "does", "did", "will", "would", "can", "could", "shall", "should", "may", "might", "must", "not",
        "no", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "me", "him",
        "them", "us", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "if", "so",
        "then", "there", "here", "also", "all", "some",
    )
)


def _is_doubled_name(first: str, second: str) -> bool:
    """Both words capitalised (not all caps) and not a function word: a doubled name like "Bora Bora"."""
    return (
        first[0].isupper()
        and second[0].isupper()
        and not (len(first) > 1 and first.isupper())
        and first.lower() not in _FUNCTION_WORDS
    )


def _check_repeated_word(ctx: Context) -> Iterator[Finding]:
    legitimate = _legitimate()
    for sentence in _candidates(ctx, (1,)):
        for match in _DOUBLE_WORD.finditer(sentence.text):
            word = match.group(1)
            if word.lower() in legitimate or "\n" in match.group(2):
                continue
            if word[0].isupper() != match.group(3)[0].isupper() and word.lower() not in ("the", "a", "an"):
                continue  # "Lewis lewis" is unlikely MT; "Walla Walla"-style names are capitalised twice
            if word.isupper() and len(word) > 1 and word.lower() not in ("the", "a", "of"):
                continue  # acronyms and shouting
            if _is_doubled_name(word, match.group(3)):
                continue  # "Bora Bora", "Pago Pago", "Roa Roa Hotel": doubled place names
            start = sentence.local(match.start())
            yield ctx.finding(
                start,
                sentence.local(match.end()),
                f"Word repeated: {word!r} twice in a row",
                suggestion=word,
            )


def _check_repeated_phrase(ctx: Context) -> Iterator[Finding]:
    for sentence in _candidates(ctx, (2, 3, 4)):
        for match in _DOUBLE_PHRASE.finditer(sentence.text):
            phrase = match.group(1)
            if "\n" in match.group(2) or len(phrase.split()) < 2:
                continue
            words = phrase.lower().split()
            if len(set(words)) == 1:
                continue  # "very very" style: the word rule decides
            yield ctx.finding(
                sentence.local(match.start()),
                sentence.local(match.end()),
                f"Phrase repeated: {phrase!r} twice in a row",
                suggestion=phrase,
            )


RULES = (
    Rule(
        code="MT801",
        name="repeated-word",
        category="repetition",
        severity=Severity.MAJOR,
        summary="A word written twice in a row",
        explanation=(
            "Neural MT sometimes emits a token twice, especially articles and verbs at the seam of two "
            "source clauses. Legitimate doubles ('had had', 'that that', 'is is' in quoted speech aside) "
            "are listed in data/repetition.toml and not flagged."
        ),
        check=_check_repeated_word,
        bad=(
            Example("Paulauskaitė will face a Czech player in the the next match.", flagged="the the"),
            Example("The amendments will allow allow municipalities to act faster.", flagged="allow allow"),
        ),
        good=(
            Example("She had had enough of the delays."),
            Example("He said that that decision was final."),
            Example("They stayed at the Roa Roa Hotel on Bora Bora."),
        ),
        suggestion="Delete the second occurrence.",
    ),
    Rule(
        code="MT802",
        name="repeated-phrase",
        category="repetition",
        severity=Severity.MAJOR,
        summary="A phrase of two to four words written twice in a row",
        explanation=(
            "When the decoder loses its place it may repeat a whole phrase ('of the of the'), which no "
            "human editor would leave in a published article."
        ),
        check=_check_repeated_phrase,
        bad=(Example("The head of the of the commission resigned.", flagged="of the of the"),),
        good=(Example("The head of the commission resigned."),),
        suggestion="Delete the repeated phrase.",
    ),
)

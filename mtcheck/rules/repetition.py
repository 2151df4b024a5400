"""Repetition: words and phrases the MT doubled ("the the", "of the of the")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from mtcheck.model import Finding, Severity
from mtcheck.rules.base import Context, Example, Rule

# A doubled word: the same word twice, separated by whitespace only (case-insensitive).
_DOUBLE_WORD = regex.compile(r"(?<![\w'’-])(\p{L}[\p{L}'’-]*)(\s+)(\1)(?![\w'’-])", regex.IGNORECASE)
# A doubled phrase of two to four words ("of the of the", "in the city in the city").
_DOUBLE_PHRASE = regex.compile(
    r"(?<![\w'’-])((?:\p{L}[\p{L}'’-]*\s+){1,3}\p{L}[\p{L}'’-]*)(\s+)(\1)(?![\w'’-])", regex.IGNORECASE
)


@lru_cache(maxsize=1)
def _legitimate() -> frozenset[str]:
    from mtcheck.lexicons import bundled

    return frozenset(word.lower() for word in bundled("repetition")["legitimate_doubles"])


def _check_repeated_word(ctx: Context) -> Iterator[Finding]:
    legitimate = _legitimate()
    for sentence in ctx.sentences:
        for match in _DOUBLE_WORD.finditer(sentence.text):
            word = match.group(1)
            if word.lower() in legitimate or "\n" in match.group(2):
                continue
            if word[0].isupper() != match.group(3)[0].isupper() and word.lower() not in ("the", "a", "an"):
                continue  # "Lewis lewis" is unlikely MT; "Walla Walla"-style names are capitalised twice
            if word.isupper() and len(word) > 1 and word.lower() not in ("the", "a", "of"):
                continue  # acronyms and shouting
            start = sentence.local(match.start())
            yield ctx.finding(
                start,
                sentence.local(match.end()),
                f"Word repeated: {word!r} twice in a row",
                suggestion=word,
            )


def _check_repeated_phrase(ctx: Context) -> Iterator[Finding]:
    for sentence in ctx.sentences:
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

"""POS-less English heuristics shared by the sentence-split and fragment rules.

No tagger: a word is a verb when it is an auxiliary, an irregular verb form, a regular form of a
common base verb, or any -ed/-ing word (``data/verbs.toml``). Ambiguous noun/verb words ("report",
"plan", "cost") count as nouns right after an article, possessive or preposition. The test leans
towards "has a verb", so that only clearly verbless sentences are flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from mtcheck.lexicons import Lexicons, bundled

TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*|\d[\d.,]*")

# Words after which an ambiguous noun/verb is a noun ("the report", "for support", "its plan").
NOUN_CONTEXT = frozenset(
    [
        "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my",
        "whose", "each", "every", "some", "any", "no", "of", "for", "to", "in", "on", "at", "by", "with",
        "from", "into", "onto", "about", "under", "over", "after", "before", "between", "among", "during",
        "without", "within", "against", "through", "across", "per", "via", "than", "such", "own", "new",
        "social", "public", "local", "national", "european", "state", "city",
    ]
)
ARTICLES = frozenset({"a", "an", "the"})
PREPOSITIONS = frozenset(
    [
        "of", "for", "to", "in", "on", "at", "by", "with", "from", "into", "onto", "about", "under", "over",
        "after", "before", "between", "among", "during", "without", "within", "against", "through", "across",
        "per", "via", "than", "towards", "toward", "upon", "despite", "including", "regarding", "concerning",
        "amid", "since", "until", "like", "near",
    ]
)


@dataclass(frozen=True)
class Verbs:
    auxiliaries: frozenset[str]
    irregular: frozenset[str]
    base: frozenset[str]
    not_verbs: frozenset[str]
    # what _kind found for each word so far (a cache: not part of the value)
    kinds: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)


def compile_verbs(raw: dict[str, Any]) -> Verbs:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in raw.get(key, []))

    return Verbs(words("auxiliaries"), words("irregular"), words("base"), words("not_verbs"))


@lru_cache(maxsize=1)
def bundled_verbs() -> Verbs:
    return compile_verbs(bundled("verbs"))


def verbs_for(lexicons: Lexicons | None) -> Verbs:
    return lexicons.compiled("verbs", compile_verbs) if lexicons is not None else bundled_verbs()


def _stems(word: str) -> tuple[str, ...]:
    """Candidate base forms of a regular verb form (``agrees`` -> ``agree``, ``tried`` -> ``try``)."""
    stems: list[str] = [word]
    if word.endswith("ies") and len(word) > 4:
        stems.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        stems.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        stems.append(word[:-1])
    if word.endswith("ied") and len(word) > 4:
        stems.append(word[:-3] + "y")
    if word.endswith("ed") and len(word) > 3:
        stems += [word[:-2], word[:-1]]
        if len(word) > 4 and word[-3] == word[-4]:
            stems.append(word[:-3])  # planned -> plan
    if word.endswith("ing") and len(word) > 4:
        stems += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:
            stems.append(word[:-4])  # running -> run
    return tuple(stems)


def is_verb(word: str, previous: str | None, verbs: Verbs, before_previous: str | None = None) -> bool:
    """Whether ``word`` (lowercase) is probably a verb form, given the words before it (lowercase)."""
    return _in_context(_kind(word, verbs), word, previous, before_previous, verbs)


def tokens(text: str) -> list[str]:
    found: list[str] = TOKEN.findall(text)  # TOKEN has no group: the whole matches
    return found


# After "X's", these words show that 's is "is" or "has", not a possessive ("Tomorrow's a different beast").
_AFTER_IS = frozenset(
    [
        "a", "an", "the", "not", "no", "been", "going", "got", "very", "so", "too", "just", "still", "also",
        "never", "always", "already", "all", "about", "over", "here", "there", "now", "only",
    ]
)


_SUBJECTS = frozenset(["i", "you", "he", "she", "it", "we", "they", "who"])


# The branch of is_verb that decides about a word, whatever the words before it (see _kind).
_NOT_VERB, _AUXILIARY, _IRREGULAR, _ED_ING, _BASE = range(5)


def _kind(word: str, verbs: Verbs) -> int:
    """Which test of :func:`is_verb` decides about ``word`` (lowercase): the tests are tried in the same
    order, and only the answer of the last three depends on the words before. (Cached in ``verbs.kinds``,
    which callers may look at first.)"""
    kind = verbs.kinds.get(word)
    if kind is None:
        if word in verbs.auxiliaries:
            kind = _AUXILIARY
        elif word in verbs.not_verbs:
            kind = _NOT_VERB
        elif word in verbs.irregular:
            kind = _IRREGULAR
        elif len(word) > 4 and (word.endswith("ed") or word.endswith("ing")):
            kind = _ED_ING
        elif any(stem in verbs.base for stem in _stems(word)):
            kind = _BASE
        else:
            kind = _NOT_VERB
        if len(verbs.kinds) >= 200_000:
            verbs.kinds.clear()  # (bounded: a long run meets ever more words)
        verbs.kinds[word] = kind
    return kind


def _in_context(kind: int, word: str, previous: str | None, before_previous: str | None, verbs: Verbs) -> bool:
    """:func:`is_verb` for a ``word`` of the given :func:`_kind`."""
    if kind == _AUXILIARY:
        return True
    if kind == _NOT_VERB:
        return False
    after_noun_marker = previous is not None and (
        previous in NOUN_CONTEXT
        # "the annual report": article + modifier (not a plural subject: "the prices rise")
        or (before_previous in ARTICLES and not previous.endswith("s") and word in verbs.base)
    )
    if kind == _ED_ING:
        return not (after_noun_marker and previous in ARTICLES)
    return not after_noun_marker  # irregular forms, and forms of a base verb


def has_verb(words: Sequence[str], verbs: Verbs) -> bool:
    previous: str | None = None
    lowered = [word.lower().replace("’", "'") for word in words]
    kinds = verbs.kinds
    for position, lower in enumerate(lowered):
        # is_verb(lower, previous, verbs, the word before previous); its word-only tests cached by kind
        kind = kinds.get(lower)
        if kind is None:
            kind = _kind(lower, verbs)
        if kind != _NOT_VERB and _in_context(
            kind, lower, previous, lowered[position - 2] if position > 1 else None, verbs
        ):
            return True
        if lower.endswith("'s") and (lowered[position + 1] if position + 1 < len(lowered) else "") in _AFTER_IS:
            return True
        if previous in _SUBJECTS and lower.isalpha() and lower not in NOUN_CONTEXT:
            return True  # "It tears us apart.": a word right after a subject pronoun is its verb
        previous = lower
    return False

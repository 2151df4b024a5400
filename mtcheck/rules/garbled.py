"""Garbled sentences: broken beyond a single wrong word, as weak MT leaves them.

When a system loses the structure of a long Lithuanian sentence it leaves word salad: a long
"sentence" with no verb at all ("The working relationship with k of the ministry of health protection
of santaros clinics and the university of vilnius."), or function words in an order English never
writes ("the of the", "a the term", "with of"), or a pronoun and a verb that disagree ("they has").
No tagger: the verb test is the shared POS-less heuristic of ``mtcheck/grammar.py`` (reused, not
duplicated) made stricter, and the word pairs are closed-class lists in ``data/garbled.toml``. Short
verbless sentences are the fragment rules' (MT211-212); these rules look at longer sentences only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

import regex

from mtcheck.grammar import NOUN_CONTEXT, PREPOSITIONS, TOKEN, Verbs, has_verb, tokens, verbs_for
from mtcheck.model import Finding, Sentence, Severity
from mtcheck.rules.base import Context, Example, Rule

_WORD = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{L}[\p{L}\p{M}'’]*(?![\p{L}\p{N}'’-])")
_QUOTES = "\"'“”„«»‘’("
# Below this many words a verbless sentence is the fragment rules' business (MT212 goes up to 9
# words when the phrase starts with a preposition).
_MIN_WORDS = 8
_MIN_WORDS_PREPOSITIONAL = 10
_ENGLISH_ZIPF = 3.0
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your"]
)
# Words that may stand right before a determiner without being verbs ("all the", "both the", "such a",
# "half the", "what a", "twice a", "one of the").
_BEFORE_DETERMINER = (
    NOUN_CONTEXT
    | PREPOSITIONS
    | frozenset(
        [
            "and", "or", "but", "nor", "all", "both", "half", "such", "what", "quite", "twice", "once", "rather",
            "only", "also", "even", "not", "as", "whom", "which", "who", "that", "than", "then", "whose",
            "just", "almost", "nearly", "about", "around", "out", "up", "down", "off", "away", "back", "ago",
            "whether", "if", "because", "while", "when", "where", "although", "though", "so", "yet", "still",
        ]
    )
)
# Quantifiers before a plural noun ("both sides", "many years"): the -s word after them is a noun.
_QUANTIFIERS = frozenset(
    [
        "both", "all", "many", "several", "few", "most", "more", "other", "various", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions", "some", "any", "no",
    ]
)
# A plural noun usually ends its phrase (punctuation, "and", "of"); a verb in -s takes an object.
_PHRASE_ENDERS = frozenset(["and", "or", "of", "but", "nor"])
_AGREEMENT_GUARDS = frozenset(
    [
        "did", "does", "do", "would", "should", "could", "will", "shall", "must", "may", "might", "can", "to",
        "not", "let", "make", "makes", "made", "help", "helps", "helped", "nor", "why", "how", "what", "where",
        "when", "didn't", "doesn't", "don't", "won't", "can't", "couldn't", "wouldn't", "shouldn't", "had",
        "were", "has", "have", "is", "are", "was",
    ]
)
# Before the subjunctive "he have" / "she were": "insisted that he have", "if she were", "as it were".
_SUBJUNCTIVE_GUARDS = frozenset(
    ["that", "if", "as", "though", "wish", "wished", "even", "whether", "lest", "unless", "suppose", "supposing"]
)


@dataclass(frozen=True)
class GarbledData:
    after_article: frozenset[str]
    before_of: frozenset[str]
    after_of: frozenset[str]
    before_subject: frozenset[str]
    subjects: frozenset[str]
    agreement: dict[str, frozenset[str]]
    # Pre-filters, searched in the lowercased text: every pair a rule flags (a first word that is the
    # listed word in any case, one space, the listed second word as written) leaves one of these
    # strings in it. A sentence (or a document) without one is skipped.
    article_pairs: _Pairs | None = None  # MT222
    agreement_pairs: _Pairs | None = None  # MT223
    preposition_pairs: _Pairs | None = None  # MT224


class _Pairs:
    """Whether lowercased text has "first second" for a first and a second word of one of the pairs
    (firsts, seconds), as whole words: every pair a rule flags (a first word that is a listed word in
    any case, one space, the listed second word as written) leaves one in the lowercased text, and no
    character that is not a letter lowercases to one. The regexes start with a literal (fast to search
    for): one per first word when there are fewer first words than second ones, else one regex whose
    branches start with a second word."""

    def __init__(self, pairs: list[tuple[frozenset[str], frozenset[str]]]) -> None:
        pairs = [(firsts, seconds) for firsts, seconds in pairs if firsts and seconds]
        by_first: dict[str, set[str]] = {}
        by_second: dict[str, set[str]] = {}
        for firsts, seconds in pairs:
            for first in firsts:
                by_first.setdefault(first.lower(), set()).update(second.lower() for second in seconds)
            for second in seconds:
                by_second.setdefault(second.lower(), set()).update(first.lower() for first in firsts)
        self.always = not all(word.isascii() for word in [*by_first, *by_second])  # lowercasing may not map
        # an ASCII word character by character then (it does, Greek sigma aside, for ASCII words)
        # ``quick``: one stdlib re pattern that matches wherever one of ``patterns`` does (the words are
        # ASCII; [a-z] is a subset of \p{L}, so "no [a-z] before or after" is a weaker condition). It
        # scans faster (about twice) and rules out most documents; the exact patterns decide the rest.
        if len(by_first) <= len(by_second):
            self.patterns = tuple(
                regex.compile(
                    rf"{_escape(first)}(?<=(?<!\p{{L}}){_escape(first)}) (?:{_alternation(seconds)})(?!\p{{L}})"
                )
                for first, seconds in sorted(by_first.items())
            )
            quick = [
                rf"{re.escape(first)} (?<![a-z]{re.escape(first)} )(?:{_re_alternation(seconds)})(?![a-z])"
                for first, seconds in sorted(by_first.items())
            ]
        else:
            branches = [
                rf"{_escape(second)}(?!\p{{L}})(?<=(?<!\p{{L}})(?:{_alternation(firsts)}) {_escape(second)})"
                for second, firsts in sorted(by_second.items())
            ]
            self.patterns = (regex.compile(f" (?:{'|'.join(branches)})"),)
            # a stdlib lookbehind has a fixed width: one for each length of the first words
            quick = [
                " (?:"
                + "|".join(
                    rf"{re.escape(second)}(?![a-z])(?:{_re_lookbehinds(firsts, ' ' + second)})"
                    for second, firsts in sorted(by_second.items())
                )
                + ")"
            ]
        self.quicks = tuple(re.compile(part) for part in quick)

    def in_lowered(self, lowered: str) -> bool:
        """:meth:`in_text` of an already lowercased text."""
        if self.always:
            return True
        if not any(quick.search(lowered) is not None for quick in self.quicks):
            return False
        return any(pattern.search(lowered) is not None for pattern in self.patterns)

    def in_text(self, text: str) -> bool:
        return self.always or self.in_lowered(text.lower())


def _re_alternation(words: set[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))


def _re_lookbehinds(firsts: set[str], after: str) -> str:
    """Lookbehinds, one per length of the words ``firsts``: one of them as a whole [a-z] word, then
    ``after``, ends here."""
    by_length: dict[int, set[str]] = {}
    for first in firsts:
        by_length.setdefault(len(first), set()).add(first)
    return "|".join(
        rf"(?<=(?<![a-z])(?:{_re_alternation(words)}){re.escape(after)})" for _, words in sorted(by_length.items())
    )


def _has_pair(pairs: _Pairs | None, text: str) -> bool:
    return pairs is None or pairs.in_text(text)


def _sentence_texts(ctx: Context) -> str:
    """The sentences' texts, one a line, lowercased (computed once a document): a pair is in one of the
    sentences exactly when it is in this text (no pair spans a line break, and str.lower() maps a line
    break to itself and a letter by the letters around it only within a line)."""
    cached = ctx.options.get("_garbled_sentences")
    if cached is None or cached[0] is not ctx.document:
        cached = (ctx.document, "\n".join(sentence.text for sentence in ctx.sentences).lower())
        ctx.options["_garbled_sentences"] = cached
    text: str = cached[1]
    return text


def _has_pair_in_document(pairs: _Pairs | None, ctx: Context) -> bool:
    return pairs is None or pairs.in_lowered(_sentence_texts(ctx))


def _pair_sentences(
    pairs: _Pairs | None, ctx: Context
) -> Iterator[tuple[Sentence, str, tuple[tuple[str, int, int], ...]]]:
    """The sentences that may hold one of ``pairs``, each with its text and :func:`_words`."""
    if not _has_pair_in_document(pairs, ctx):
        return
    for sentence in ctx.sentences:
        text = sentence.text
        if _has_pair(pairs, text):
            yield sentence, text, _words(text)


def _escape(word: str) -> str:
    return str(regex.escape(word))


def _alternation(words: set[str]) -> str:
    return "|".join(_escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))


def _compile(raw: dict[str, Any]) -> GarbledData:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in raw.get(key, []))

    agreement = {
        str(pronoun).lower(): frozenset(str(verb).lower() for verb in verbs)
        for pronoun, verbs in raw.get("agreement", {}).items()
    }
    after_article = words("after_article")
    before_of = words("before_of")
    after_of = words("after_of")
    before_subject = words("before_subject")
    subjects = words("subject_pronouns")
    return GarbledData(
        after_article,
        before_of,
        after_of,
        before_subject,
        subjects,
        agreement,
        _Pairs([(frozenset({"a", "an", "the"}), after_article)]),
        _Pairs([(frozenset({pronoun}), verbs) for pronoun, verbs in agreement.items()]),
        _Pairs([(before_of, frozenset({"of"})), (frozenset({"of"}), after_of), (before_subject, subjects)]),
    )


@lru_cache(maxsize=8192)
def _zipf(word: str) -> float:
    from mtcheck.wordfreqs import english_zipf  # heavy data, only when a candidate is found

    return english_zipf(word)


@lru_cache(maxsize=4096)  # the four rules tokenise the same sentences
def _words(text: str) -> tuple[tuple[str, int, int], ...]:
    """The words of ``text`` (letters only) with their offsets in it."""
    return tuple([(match.group(0), match.start(), match.end()) for match in _WORD.finditer(text)])


def _maybe_verb(text: str) -> bool:
    """Whether a word the verb lexicon does not know may still be the sentence's verb.

    A lowercase word in -s that takes a complement ("The company apologizes to ...", "China regards the
    defectors ..."), a word between a plural or a name and a preposition ("Families gather for ...") or
    any word right before a determiner ("Sailors patrol a ...") may be a verb that ``data/verbs.toml``
    does not list. The verbless rule stays silent on such sentences.
    """
    words = _words(text)
    for position, (word, _start, end) in enumerate(words):
        if not word[0].islower():
            continue
        lower = word.lower().replace("’", "'")
        previous = words[position - 1][0].lower() if position else None
        following = words[position + 1] if position + 1 < len(words) else None
        glued = following is not None and text[end:following[1]].strip() == ""
        if (
            len(lower) > 3
            and lower.endswith("s")
            and not lower.endswith(("ss", "us", "is", "'s"))
            and previous not in NOUN_CONTEXT
            and previous not in _DETERMINERS
            and previous not in _QUANTIFIERS
            and glued
            and following is not None
            and following[0].lower() not in _PHRASE_ENDERS
        ):
            return True
        if (
            previous is not None
            and (previous.endswith("s") or words[position - 1][0][0].isupper())
            and previous not in _BEFORE_DETERMINER
            and following is not None
            and following[0].lower() in PREPOSITIONS | _DETERMINERS
            and lower not in _BEFORE_DETERMINER
            and not lower.endswith(("ly", "s"))
        ):
            return True  # a plural or named subject and a base-form verb: "Families gather for Christmas"
        if (
            glued
            and following is not None
            and following[0].lower() in _DETERMINERS
            and position > 0
            and previous != "to"  # an infinitive is not the sentence's verb
            and lower not in _BEFORE_DETERMINER
            and not lower.endswith("ly")
        ):
            return True
    return False


def _previous_sentence(ctx: Context, sentence: Sentence) -> Sentence | None:
    if sentence.index == 0:
        return None
    previous = ctx.sentences[sentence.index - 1]
    return previous if previous.paragraph == sentence.paragraph else None


def _after_split(previous: Sentence | None) -> bool:
    """The sentence follows a cut at a number or a short abbreviation: the split rules' business."""
    if previous is None:
        return False
    last = previous.text.rstrip(_QUOTES + ")").split()[-1] if previous.text.split() else ""
    stem = last.rstrip(".")
    return any(character.isdigit() for character in stem) or len(stem) <= 2 or stem.lower() in (
        "thousand", "million", "billion", "percent", "mln", "mlrd", "tūkst", "proc", "eur", "val", "min",
    )


# grammar.TOKEN for ASCII text, in the stdlib re (faster): there \p{L} is [A-Za-z], \d is [0-9] and
# there is no \p{M} or ’. Used only while TOKEN is the pattern it was written for.
_ASCII_TOKEN = (
    re.compile(r"[A-Za-z][A-Za-z'-]*|[0-9][0-9.,]*")
    if TOKEN.pattern == r"\p{L}[\p{L}\p{M}'’-]*|\d[\d.,]*" and TOKEN.flags == regex.compile("").flags
    else None
)
# Characters that are not in a grammar.TOKEN word (letters, marks, apostrophes, hyphens) nor start one
# (digits): a chunk of text between whitespace that is a word between them has that word as a token.
_CHUNK_EDGES = ".,;:!?()[]\"“”„«»"
_PLAIN_AUXILIARIES: dict[int, tuple[Verbs, frozenset[str]]] = {}


def _plain_auxiliaries(verbs: Verbs) -> frozenset[str]:
    """The auxiliaries that are a whole token as written (lowercase, no ’): one of them as a chunk of
    a sentence is a token that makes ``has_verb`` true."""
    cached = _PLAIN_AUXILIARIES.get(id(verbs))
    if cached is None or cached[0] is not verbs:
        plain = frozenset(
            word
            for word in verbs.auxiliaries
            if word == word.lower() and "’" not in word and TOKEN.fullmatch(word) and word[0].isalpha()
        )
        cached = _PLAIN_AUXILIARIES[id(verbs)] = (verbs, plain)
    return cached[1]


def _check_verbless(ctx: Context) -> Iterator[Finding]:
    verbs = verbs_for(ctx.lexicons)
    auxiliaries = _plain_auxiliaries(verbs)
    for sentence in ctx.sentences:
        text = sentence.text
        if sentence.index == 0 or not text.endswith(".") or text.endswith(".."):
            continue  # the title; headlines, questions, exclamations and ellipses
        if not text[0].isupper() or text[0] in _QUOTES or ":" in text:
            continue  # lowercase starts are splits (MT201); labels ("Photo: ..."); quotations (below)
        chunks = text.split()
        if not auxiliaries.isdisjoint(chunks) or not auxiliaries.isdisjoint([c.strip(_CHUNK_EDGES) for c in chunks]):
            continue  # an auxiliary ("is", "was", "has") is a verb wherever it stands: has_verb is true
        if ctx.in_quote(sentence.start, sentence.end):
            continue
        words = _ASCII_TOKEN.findall(text) if _ASCII_TOKEN is not None and text.isascii() else tokens(text)
        minimum = _MIN_WORDS_PREPOSITIONAL if words and words[0].lower() in PREPOSITIONS else _MIN_WORDS
        if len(words) < minimum or has_verb(words, verbs) or _maybe_verb(text):
            continue
        alphabetic = [word for word in words if word[0].isalpha()]
        if sum(word[0].isupper() for word in alphabetic) * 2 > len(alphabetic):
            continue  # a list of names or a title in capitals ("Producer Paul Virbickas and ...")
        if any(ctx.accepted(word) for word in alphabetic):
            continue
        if sum(_zipf(word.lower()) >= _ENGLISH_ZIPF for word in alphabetic) * 3 < len(alphabetic) * 2:
            continue  # mostly foreign words: the untranslated rules look at those
        if _after_split(_previous_sentence(ctx, sentence)):
            continue
        yield ctx.finding(
            sentence.start,
            sentence.end,
            f"A sentence of {len(words)} words without a verb: probably word salad left by the MT",
            suggestion="Rewrite the sentence from the source: it has no main verb",
            confidence=0.7,
        )


def _check_article_pair(ctx: Context) -> Iterator[Finding]:
    data = ctx.lexicons.compiled("garbled", _compile)
    for sentence, text, words in _pair_sentences(data.article_pairs, ctx):
        for (first, start, first_end), (second, second_start, end) in pairwise(words):
            if first.lower() not in ("a", "an", "the") or second not in data.after_article or second == first.lower():
                continue  # lowercase only ("the In crowd", "The Who" are titles); "the the" is MT801's
            if first[0].isupper() and start > 0:
                continue  # "a Higher grade A in Mandarin": a capital A mid-sentence is a letter, not the article
            if text[first_end:second_start] != " " or text[end:end + 1] in ("-", "/", "'", "’", '"', "”"):
                continue  # "a to-do list", "the by-election", "the and/or", "the 'of' phrase"
            if ctx.in_quote(sentence.local(start), sentence.local(end)) and text[start - 1:start] in _QUOTES:
                continue
            yield ctx.finding(
                sentence.local(start),
                sentence.local(end),
                f"{first!r} cannot stand right before {second!r}: the word order is broken",
                suggestion=None,
                confidence=0.8,
            )


def _check_agreement(ctx: Context) -> Iterator[Finding]:
    data = ctx.lexicons.compiled("garbled", _compile)
    for sentence, text, words in _pair_sentences(data.agreement_pairs, ctx):
        for position, (pronoun, start, pronoun_end) in enumerate(words[:-1]):
            forms = data.agreement.get(pronoun.lower())
            verb, verb_start, end = words[position + 1]
            if not forms or verb not in forms or text[pronoun_end:verb_start] != " ":
                continue
            if pronoun not in (pronoun.lower(), pronoun.capitalize()):
                continue  # "IT are", "HE"
            if position > 0:
                previous, _, previous_end = words[position - 1]
                before = previous.lower().replace("’", "'")
                if before in _AGREEMENT_GUARDS or before in PREPOSITIONS:
                    continue  # "does he have", "would it have", "of it have"
                if before in _SUBJUNCTIVE_GUARDS and verb in ("have", "were"):
                    continue
                if text[previous_end:start].strip() == "" and pronoun[0].isupper():
                    continue  # "He" inside a name or title
            elif start > 0 and text[:start].strip():
                continue
            if ctx.in_quote(sentence.local(start), sentence.local(end)):
                continue  # quoted speech may be dialect ("they was")
            yield ctx.finding(
                sentence.local(start),
                sentence.local(end),
                f"Subject and verb disagree: {pronoun!r} with {verb!r}",
                suggestion=None,
                confidence=0.8,
            )


def _check_preposition_pair(ctx: Context) -> Iterator[Finding]:
    data = ctx.lexicons.compiled("garbled", _compile)
    for sentence, text, words in _pair_sentences(data.preposition_pairs, ctx):
        for (first, start, first_end), (second, second_start, end) in pairwise(words):
            lower = first.lower()
            if second != second.lower() or text[first_end:second_start] != " " or text[end:end + 1] in ("-", "/"):
                continue
            broken = (
                (second == "of" and lower in data.before_of)
                or (lower == "of" and second in data.after_of)
                or (second in data.subjects and lower in data.before_subject)
            )
            if not broken or ctx.in_quote(sentence.local(start), sentence.local(end)):
                continue
            yield ctx.finding(
                sentence.local(start),
                sentence.local(end),
                f"{first!r} followed by {second!r}: English never puts these two words together",
                suggestion=None,
                confidence=0.8,
            )


RULES = (
    Rule(
        code="MT221",
        name="verbless-sentence",
        category="garbled",
        severity=Severity.MAJOR,
        summary="A long sentence (8 words or more) without any verb: word salad",
        explanation=(
            "A weak MT system that loses the structure of a long Lithuanian sentence often drops or "
            "mangles its verb, leaving a string of noun phrases that ends in a full stop ('The working "
            "relationship with the ministry of health of the clinics and the university of Vilnius.'). "
            "The rule flags sentences of at least 8 words (10 when they open with a preposition; shorter "
            "ones are MT212's) in which neither the verb lexicon of data/verbs.toml nor the shape of a "
            "word (an -s form with an object, a word before a determiner) shows a verb. Not flagged: the "
            "first line (a title), lines without a final full stop (headlines), labels with a colon, "
            "quotations, lists of names, mostly foreign text, and the continuation of a sentence cut at "
            "a number or abbreviation (the sentence-split rules flag that). English does write some "
            "verbless sentences ('Five weeks away from the elections.'): check before rewriting."
        ),
        check=_check_verbless,
        bad=(
            Example(
                "The council met on Tuesday. The new agreement of the municipality with the schools of the "
                "district and the transport company of the city.",
                flagged="The new agreement of the municipality with the schools of the district and the transport "
                "company of the city.",
            ),
            Example(
                "The talks ended without a deal. Despite the attempts of the mediators from both sides to keep "
                "the fragile truce in place.",
                flagged="Despite the attempts of the mediators from both sides to keep the fragile truce in place.",
            ),
        ),
        good=(
            Example("The trains were late on Monday. The railway company apologizes to its passengers for the delay."),
            Example("Polls open on Sunday. Three days away from the most important vote of the decade."),
            Example("The cast was announced. Director Jonas Petraitis and producers Ona Kairytė and Tomas Vaitkus."),
        ),
        suggestion="Retranslate the sentence: give it a subject and a finite verb.",
    ),
    Rule(
        code="MT222",
        name="article-before-function-word",
        category="garbled",
        severity=Severity.MAJOR,
        summary="An article right before a word no article can precede ('the of the', 'a the term', 'the he')",
        explanation=(
            "'A', 'an' and 'the' introduce a noun phrase; English never follows them directly with another "
            "article or possessive, a preposition, a conjunction, a subject pronoun or a finite auxiliary. "
            "MT that reorders words without understanding them leaves such pairs ('the the of the great "
            "cats', 'will finish a the term'). The list is closed-class data (data/garbled.toml). A "
            "capitalised second word is a title or name ('the In crowd', 'The Who') and a hyphenated one "
            "a compound ('a to-do list', 'the by-election'): both are skipped. Doubled articles ('the "
            "the') are MT801's."
        ),
        check=_check_article_pair,
        bad=(
            Example("The mayor will finish a the term of office in 2025.", flagged="a the"),
            Example("The appeal was signed by the and members of the Seimas.", flagged="the and"),
            Example("The cost of the project will be decided by the of the municipality council.", flagged="the of"),
        ),
        good=(
            Example("Critics said the departure of the Good Evening host was planned."),
            Example("He won the by-election and wrote a to-do list."),
        ),
        suggestion="Retranslate the phrase; delete the stray article or move it to its noun.",
    ),
    Rule(
        code="MT223",
        name="pronoun-verb-agreement",
        category="garbled",
        severity=Severity.MAJOR,
        summary="A subject pronoun with a verb of the wrong number ('they has', 'he have', 'it are')",
        explanation=(
            "Lithuanian verbs do not show number in the third person ('jis turi', 'jie turi'), and an MT "
            "system that takes the verb form from the wrong antecedent writes 'they has' or 'he have'. "
            "Only nominative pronouns and the unmistakable forms of be, have and do are checked "
            "(data/garbled.toml), and not after a modal or auxiliary ('does he have', 'would it have'), "
            "'that' (the subjunctive 'insisted that he have'), 'if', 'as' ('as it were'), a preposition "
            "('of it have') or in quotations, where dialect is the speaker's own."
        ),
        check=_check_agreement,
        bad=(
            Example("The ministers met on Monday, and they has agreed on the budget.", flagged="they has"),
            Example("The mayor said he have no plans to resign.", flagged="he have"),
        ),
        good=(
            Example("About 300 tonnes of it have been sold abroad every year."),
            Example("Does he have a plan? If he were mayor, he would have one."),
            Example("The board insisted that he have access to the files."),
        ),
        suggestion="Make the verb agree with its subject: 'they have', 'he has'.",
    ),
    Rule(
        code="MT224",
        name="preposition-pair",
        category="garbled",
        severity=Severity.MAJOR,
        summary="Two prepositions English never puts together ('with of', 'of for'), or a preposition + 'they'",
        explanation=(
            "A preposition directly followed by 'of' ('to of the', 'with of'), 'of' followed by 'for', "
            "'with' or 'into', and a preposition followed by a subject pronoun ('with they', "
            "'of he') are not English: the MT has translated two Lithuanian case endings as two "
            "prepositions or lost the noun between them. Legitimate sequences ('out of', 'because of', "
            "'for at least', 'referred to in', 'for he knew', 'voted in favour of by') are not in the lists "
            "of data/garbled.toml."
        ),
        check=_check_preposition_pair,
        bad=(
            Example("The results of the investigation of for the same things were published.", flagged="of for"),
            Example("An investigation was conducted with of the defence committee.", flagged="with of"),
        ),
        good=(
            Example("Most of them came out of the building because of the fire."),
            Example("The amount was provided for in the budget, and it was referred to in the report."),
            Example("He stayed silent, for he knew the answer."),
        ),
        suggestion="Retranslate the phrase; keep one preposition.",
    ),
)

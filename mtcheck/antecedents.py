"""Mentions and antecedents: who or what a third-person pronoun most likely stands for.

Used by the pronoun-gender rules (:mod:`mtcheck.rules.pronouns`). Sound, cheap heuristics rather than
a parser:

* **Mentions.** Each sentence is tokenised once. People: capitalised name runs (with their titles
  and the role word before them: "Prime Minister Ingrida Šimonytė", "tennis player Eglė X", "Ms.
  Siliņa"), a surname alone resolved to a person named earlier in the article, and role nouns
  ("the spokeswoman", "the minister"). Things: the nouns of ``data/noun_gender.toml`` when they head
  their noun phrase ("the state budget" is a budget, not a state). Unknown capitalised words that may
  name a person ("Smith said") are kept as *entities*: a pronoun of either gender may stand for them.
* **Salience.** Candidates come from the pronoun's sentence (before it), the previous sentences of its
  paragraph and the last sentences of the previous paragraph (all of it when that paragraph is an
  interview question). Each gets a score from recency, grammatical role (subject, inside a
  prepositional phrase, possessive modifier) and animacy.
* **Quotations are separate worlds**: a pronoun inside a quotation only looks for antecedents inside
  the same quotation; things quoted elsewhere are not candidates outside their quotation.
* **Decision.** :func:`resolve` returns the most likely antecedent that *explains* the pronoun as a
  Lithuanian gender artifact (a thing whose Lithuanian noun has the pronoun's gender, a person of
  the other gender) only when no candidate that English allows (a person of the pronoun's gender or
  of unknown gender, a ship for "she") is about as salient.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress, pairwise
from operator import add, and_, itemgetter
from typing import Any

import regex

from mtcheck.people import Gender, fold, name_gender, people_lexicon, surname_gender

# --- nouns with Lithuanian gender -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Noun:
    english: str
    feminine: tuple[str, ...]
    masculine: tuple[str, ...]
    plural: bool
    kind: str  # thing | country | place | ship
    verb: bool

    def lithuanian(self, gender: Gender) -> tuple[str, ...]:
        return self.feminine if gender == "f" else self.masculine


@dataclass(frozen=True)
class NounLexicon:
    source: str  # the `regex` pattern (IGNORECASE) of every English form: see ``pattern``
    forms: dict[str, Noun]  # folded English form -> noun
    heads: frozenset[str]  # every folded single-word form: a following word that makes a noun a modifier
    # a stdlib ``re`` pattern that matches in ``_plain_lower(text)`` exactly what ``pattern`` matches in
    # a plain ``text`` (see _is_plain; faster there) and in ``_folded(text)`` what it matches in any
    # text; None if unavailable
    lower_pattern: Any = None

    @cached_property
    def pattern(self) -> Any:
        """The compiled ``source``: compiled only when needed (never, when ``lower_pattern`` is there),
        as compiling it costs more than all the rest of the lexicon."""
        return regex.compile(self.source, regex.IGNORECASE)


_KINDS = ("thing", "country", "place", "ship")


def compile_nouns(raw: dict[str, Any]) -> NounLexicon:
    """Compile ``data/noun_gender.toml`` (and user lexicons of kind ``noun_gender``)."""
    from mtcheck.lexicons import LexiconError, validate_entries

    entries = raw.get("entry", [])
    errors = validate_entries(
        "noun_gender.toml",
        entries,
        {"english": str},
        {"forms": list, "feminine": list, "masculine": list, "number": str, "kind": str, "verb": bool, "note": str},
    )
    forms: dict[str, Noun] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or "english" not in entry:
            continue
        if not entry.get("feminine") and not entry.get("masculine"):
            errors.append(f"noun_gender.toml: entry {number}: needs 'feminine' or 'masculine'")
        if entry.get("number", "singular") not in ("singular", "plural"):
            errors.append(f"noun_gender.toml: entry {number}: number must be 'singular' or 'plural'")
        if entry.get("kind", "thing") not in _KINDS:
            errors.append(f"noun_gender.toml: entry {number}: kind must be one of {', '.join(_KINDS)}")
        noun = Noun(
            english=str(entry["english"]),
            feminine=tuple(entry.get("feminine", ())),
            masculine=tuple(entry.get("masculine", ())),
            plural=entry.get("number", "singular") == "plural",
            kind=str(entry.get("kind", "thing")),
            verb=bool(entry.get("verb", False)),
        )
        for form in [entry["english"], *entry.get("forms", [])]:
            forms[fold(str(form))] = noun
    if errors:
        raise LexiconError(errors)
    alternatives = sorted(forms, key=len, reverse=True)
    if all(_trie_safe(form) for form in alternatives):
        body = _trie_body(alternatives)
    else:
        body = "|".join(_form_piece(form) for form in alternatives)
    source = rf"(?<![\p{{L}}\p{{M}}\d-])(?:{body})(?![\p{{L}}\p{{M}}\d-])"
    lower_pattern = None
    if all(_trie_safe(form) for form in alternatives):
        # On plain text (see _is_plain), \p{L}\p{M}\d are the stdlib's [^\W_] (letters and ASCII
        # digits: no marks, no other digits), the `regex` module's \s is [ \t\n\v\f\r] (the stdlib's
        # \s would also match \x1c-\x1f) and, ignoring case, each character of a (lowercase ASCII) form
        # matches the same characters in both modules: spelled out, both patterns match the same. And
        # ignoring case is matching the lowercased text: see _plain_lower.
        ascii_body = body.replace(r"\s+", r"[ \t\n\x0b\x0c\r]+")
        lower_pattern = re.compile(rf"(?<![^\W_])(?<!-)(?:{ascii_body})(?![^\W_]|-)")
    heads = frozenset(form for form in forms if " " not in form)
    return NounLexicon(source, forms, heads, lower_pattern)


def _form_piece(form: str) -> str:
    return str(regex.escape(form)).replace(r"\ ", r"\s+").replace("'", "['’]")


_TRIE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _trie_safe(form: str) -> bool:
    """Whether a form can go into the prefix tree: lowercase ASCII, single spaces between words."""
    return (
        bool(form)
        and all(char in _TRIE_CHARS for char in form)
        and not form.startswith(" ")
        and not form.endswith(" ")
        and "  " not in form
    )


def _trie_body(forms: list[str]) -> str:
    """The alternation of ``forms`` as a prefix tree (much faster to scan than a flat alternation).

    It matches exactly what the flat alternation of the forms, longest first, matches: at every node
    at most one branch can match the text (the branches are distinct lowercase ASCII characters, a
    space being ``\\s+``), and the longer branches are tried before the form that ends at the node.
    """
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    pieces = {char: _form_piece(char) for char in _TRIE_CHARS}  # (escaping each node's character costs more)

    def emit(node: dict[str, Any]) -> str:
        # a chain of nodes with one branch each, no form ending at them, is their characters in a row
        chain = ""
        while len(node) == 1 and "" not in node:
            ((char, node),) = node.items()
            chain += pieces[char]
        branches = [pieces[char] + emit(child) for char, child in node.items() if char]
        if not branches:
            return chain
        inner = "|".join(branches)
        if "" in node:
            return f"{chain}(?:{inner})?"
        return f"{chain}(?:{inner})" if len(branches) > 1 else chain + inner

    return emit(root)


# --- tokens ------------------------------------------------------------------------------------------

_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}\d]*(?:(?:-|['’](?!s\b))\p{L}[\p{L}\p{M}\d]*)*|['’]s\b|\d[\d,.]*|[^\s\p{L}\d]")


# _TOKEN for the stdlib ``re``, exact on ASCII-only text (where \p{L} is [A-Za-z], \d is [0-9], \b is
# the same and the `regex` module's \s is [ \t\n\v\f\r]); faster there.
_ASCII_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:(?:-|['’](?!s\b))[A-Za-z][A-Za-z0-9]*)*|['’]s\b|[0-9][0-9,.]*|[^ \t\n\x0b\x0c\rA-Za-z0-9]"
)


# Characters besides ASCII in "plain" text, where stdlib ``re`` patterns can spell out the `regex`
# module's exactly: the letters of Latin-1 and Latin Extended-A/B (which both modules, and str.isalpha,
# take for letters; not "ı" and "İ", which the two modules match differently ignoring case) and common
# typographic punctuation (no letter, mark, digit, space or word character in either module).
_NOT_PLAIN = re.compile("[^\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u012f\u0132-\u024f“”‘’„«»–—…]")


def _is_plain(text: str) -> bool:
    return text.isascii() or _NOT_PLAIN.search(text) is None


def _plain_lower(text: str) -> str:
    """Plain ``text`` lowercased, where a case-sensitive pattern of lowercase ASCII matches what it matches
    ignoring case in ``text``, at the same offsets.

    Checked over every plain character: ``lower()`` maps each to one character, keeps it a letter, a
    digit, "-", "'", "’", whitespace or none of these, and maps it to a given ASCII character exactly when
    the stdlib ``re`` ignoring case matches that character to it; except "ſ", which the stdlib matches to
    "s" ignoring case (and whose lowercase is itself): spelled "s" here.
    """
    lower = text.lower()
    return lower.replace("ſ", "s") if "ſ" in lower else lower


class _Folded(dict[int, str]):
    r"""The ``str.translate`` table that makes any text plain for the nouns' ``lower_pattern`` (filled in as
    characters come): each character becomes one that the pattern treats as the `regex` module's
    pattern of the lexicon treats the original (``pattern``, with IGNORECASE), at the same offset.

    The pattern looks at characters one at a time: the letters, digits and punctuation of the forms
    (lowercase ASCII; "'" also matches "’"), whitespace for their spaces, and [\p{L}\p{M}\d-] around
    them. A character that the `regex` module, ignoring case, matches to one of the forms' characters
    becomes that character (ASCII: lowercased; besides, "K" the Kelvin sign becomes "k", "ſ" "s" ...);
    any other letter, mark or decimal digit "à" (a letter, and no form's character), whitespace " ",
    and anything else "×" (neither). Checked over every character (all 0x110000) with both modules.
    """

    def __missing__(self, code: int) -> str:
        value = _fold_for_nouns(chr(code))
        if len(self) < 65536:  # bounded: text of every script at once would otherwise fill 1.1M entries
            self[code] = value
        return value


_FORM_CHARACTERS = "".join(sorted(_TRIE_CHARS - {" "})) + "’"


@lru_cache(maxsize=1)
def _character_classes() -> tuple[Any, Any, Any]:
    r"""`regex` patterns of one character: any of the forms' (ignoring case), [\p{L}\p{M}\d-], \s."""
    return (
        regex.compile(f"[{regex.escape(_FORM_CHARACTERS)}]", regex.IGNORECASE),
        regex.compile(r"[\p{L}\p{M}\d-]", regex.IGNORECASE),
        regex.compile(r"\s"),
    )


def _fold_for_nouns(char: str) -> str:
    if char.isascii():
        return char.lower()
    form_character, word, space = _character_classes()
    if form_character.match(char):
        for candidate in _FORM_CHARACTERS:
            if regex.match(regex.escape(candidate), char, regex.IGNORECASE):
                return candidate
    if word.match(char):
        return "à"
    return " " if space.match(char) else "×"


_FOLDED = _Folded()


# _TOKEN for the stdlib ``re``, exact on plain text: there \p{L} is [^\W\d_], [\p{L}\p{M}\d] is [^\W_],
# \d is [0-9], \b is the same and the `regex` module's \s is [ \t\n\v\f\r]. (_ASCII_TOKEN is faster on
# ASCII text.)
_PLAIN_TOKEN = re.compile(
    r"[^\W\d_][^\W_]*(?:(?:-|['’](?!s\b))[^\W\d_][^\W_]*)*|['’]s\b|[0-9][0-9,.]*|[^ \t\n\x0b\x0c\r\w]|_"
)


def _tokens_of(text: str) -> Any:
    if text.isascii():
        return _ASCII_TOKEN
    return _PLAIN_TOKEN if _NOT_PLAIN.search(text) is None else _TOKEN


class Tokens:
    """The tokens of a sentence as parallel lists, rather than an object per token.

    Index ``i`` of every list is the ``i``-th token (``text[i]``, ``start[i]`` ...); a sentence's tokens
    are made once and looked at by index, and one list per attribute costs much less to make than
    one object per token.
    """

    __slots__ = ("capital", "end", "lower", "start", "text", "word")
    text: list[str]
    start: list[int]  # offsets in the sentence
    end: list[int]
    lower: list[str]
    word: list[bool]  # it starts with a letter
    capital: list[bool]  # it starts with a capital

    def __init__(self, sentence: str, words: list[str] | None = None) -> None:
        """Tokenise ``sentence``; ``words``: its tokens' texts if already found (``findall`` of the same pattern)."""
        pattern = _tokens_of(sentence) if words is None else None
        if pattern is not None and pattern is not _TOKEN:
            # a stdlib pattern: its matches' offsets are quicker to take than to find
            matches = list(pattern.finditer(sentence))
            texts: list[str] = list(map(_match_group, matches))
            starts: list[int] = list(map(_match_start, matches))
            ends: list[int] = list(map(_match_end, matches))
        else:
            texts = pattern.findall(sentence) if pattern is not None else (words or [])
            # Every token pattern leaves out exactly the whitespace, and no token starts with whitespace:
            # the next token starts at the first occurrence of its text after the end of the previous one.
            starts = []
            append = starts.append
            find = sentence.find
            position = 0
            for token in texts:
                position = find(token, position)
                append(position)
                position += len(token)
            ends = list(map(add, starts, map(len, texts)))
        firsts = [token[0] for token in texts]
        self.text = texts
        self.start = starts
        self.end = ends
        self.lower = list(map(str.lower, texts))
        self.word = list(map(str.isalpha, firsts))
        self.capital = list(map(str.isupper, firsts))


_match_group = re.Match.group
_match_start = re.Match.start
_match_end = re.Match.end
_match_span = re.Match.span
_first = itemgetter(0)


# fmt: off
DETERMINERS = frozenset((
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "every", "each", "any", "no", "another", "whose", "which", "what", "some", "both", "either", "neither", "such"
))
# fmt: on
# fmt: off
PREPOSITIONS = frozenset((
    "in", "on", "at", "to", "from", "of", "by", "with", "for", "about", "into", "onto", "over", "under", "near",
    "across", "against", "among", "between", "through", "during", "after", "before", "since", "until", "without",
    "within", "via", "behind", "beside", "towards", "toward", "around", "upon", "including", "despite", "like",
    "than", "per"
))
# fmt: on
# Words after a noun that show it is the subject of the clause ("the Seimas adopted", "the army said").
# fmt: off
_VERBS = frozenset((
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
    "must", "does", "did", "do", "said", "says", "told", "tells", "added", "adds", "announced", "announces",
    "stated", "states", "noted", "notes", "stressed", "stresses", "believes", "believed", "thinks", "thought",
    "wants", "wanted", "plans", "planned", "intends", "intended", "decided", "decides", "approved", "approves",
    "adopted", "adopts", "proposed", "proposes", "rejected", "rejects", "agreed", "agrees", "refused", "refuses",
    "claimed", "claims", "confirmed", "confirms", "denied", "denies", "expects", "expected", "hopes", "hoped",
    "insists", "insisted", "warned", "warns", "argued", "argues", "explained", "explains", "reported", "reports",
    "won", "wins", "lost", "loses", "became", "becomes", "met", "meets", "made", "makes", "took", "takes", "gave",
    "gives", "got", "gets", "went", "goes", "came", "comes", "left", "leaves", "began", "begins", "received",
    "receives", "sent", "sends", "called", "calls", "asked", "asks", "admitted", "admits", "urged", "urges",
    "welcomed", "welcomes", "promised", "promises", "accused", "accuses", "signed", "signs", "launched",
    "launches", "opened", "opens", "needs", "needed", "continues", "continued", "remains", "remained", "seeks",
    "sought", "knows", "knew", "sees", "saw"
))
# fmt: on
# fmt: off
_ADVERBS = frozenset((
    "also", "already", "still", "now", "then", "recently", "earlier", "later", "finally", "officially",
    "reportedly", "previously", "never", "always", "often", "only", "just", "once", "again", "even", "not",
    "however", "therefore", "thus"
))
# fmt: on
# Nouns that, after another noun, make that noun a modifier ("party leader", "government officials").
# fmt: off
_COMPOUND_HEADS = frozenset((
    "members", "member", "officials", "official", "leader", "leaders", "spokesman", "spokeswoman", "spokesperson",
    "chairman", "head", "representative", "representatives", "meeting", "session", "building", "headquarters",
    "website", "spending", "funds", "money", "decision", "resolution", "proposal", "plan", "programme", "program",
    "budget", "report", "statement", "office", "staff", "employees", "workers", "chief", "director", "minister",
    "ministers", "election", "elections", "vote", "candidate", "candidates", "group", "president", "policy",
    "reform", "bill", "law", "system", "sector", "level", "levels", "crisis", "debt", "bonds", "forces", "troops",
    "soldiers", "officers", "police", "agency", "service", "services", "board", "committee", "council", "court",
    "case", "cases", "investigation", "elections", "seat", "seats", "list", "lists", "account", "accounts"
))
# fmt: on
# fmt: off
_TITLE_MODIFIERS = frozenset((
    "prime", "foreign", "defence", "defense", "finance", "interior", "health", "education", "justice", "economy",
    "energy", "culture", "deputy", "vice", "acting", "former", "first", "general", "chief", "state", "lithuanian",
    "latvian", "estonian", "polish", "russian", "ukrainian", "belarusian", "european", "us", "u.s.", "interim",
    "outgoing", "incoming", "caretaker"
))
# fmt: on
# Role words that are also verbs or adjectives: a person only after a determiner.
# fmt: off
_AMBIGUOUS_ROLES = frozenset((
    "chair", "head", "host", "star", "model", "guard", "major", "general", "chief", "fellow", "elder",
    "executive", "principal", "figure", "legend", "cook", "fan", "guest", "youth", "adult", "partner", "star",
    "heir", "deceased", "accused", "official", "elder", "leader", "conservative", "liberal", "socialist",
    "communist", "democrat", "republican", "populist", "nationalist", "centrist", "green"
))
# fmt: on
# fmt: off
_FUNCTION = frozenset((
    "and", "or", "but", "nor", "so", "yet", "to", "of", "in", "on", "at", "for", "with", "from", "by", "as",
    "that", "than", "if", "when", "while", "because", "who", "whom", "which", "whose", "where", "what", "the",
    "a", "an", "this", "these", "those", "it", "its", "they", "them", "their", "he", "him", "his", "she", "her"
))
# fmt: on


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    from mtcheck.lexicons import load_segmentation

    return load_segmentation().sentence_starters


_OPENERS = frozenset("\"“„«‘'([–—-")
_THERE_BE = frozenset(["is", "are", "was", "were", "be", "been"])


@dataclass(slots=True)
class Mention:
    start: int  # document offsets of the head
    end: int
    kind: str  # person | entity | thing
    label: str
    sentence: int
    paragraph: int
    gender: Gender | None = None  # persons: their gender
    confidence: float = 0.0  # of the gender
    cue: str = ""
    noun: Noun | None = None
    plural: bool = False
    subject: bool = False
    in_pp: bool = False
    possessive: bool = False
    animate: bool = False  # a noun followed by "who"
    indefinite: bool = False  # after "a"/"an"
    embedded: bool = False  # subject of a relative clause: "the suit that the Union filed"
    relative: str = ""  # "where"/"when" right after the mention: the adverb, not a pronoun, refers to it
    quote: tuple[int, int] | None = None


def _common(word: str) -> float:
    return _zipf(word.lower())


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from mtcheck.wordfreqs import english_zipf

    return english_zipf(word)


def _is_verbish(tokens: Tokens, index: int) -> bool:
    lower = tokens.lower[index]
    return lower in _VERBS or (len(lower) > 4 and lower.endswith("ed") and tokens.text[index].islower())


def _is_subject(tokens: Tokens, first: int, last: int) -> bool:
    """Whether the noun phrase ``tokens[first..last]`` is the subject of its clause."""
    lowers = tokens.lower
    count = len(lowers)
    index = last + 1
    skipped = 0
    while index < count and lowers[index] in _ADVERBS and skipped < 2:
        index += 1
        skipped += 1
    if index < count and _is_verbish(tokens, index):
        return True
    # "there are no Russian troops": the subject of an existential sentence
    words = tokens.word
    back = first - 1
    steps = 0
    while back >= 0 and steps < 4 and words[back] and lowers[back] not in _THERE_BE:
        if lowers[back] in PREPOSITIONS:
            return False
        back -= 1
        steps += 1
    if back >= 1 and lowers[back] in _THERE_BE and lowers[back - 1] == "there":
        return True
    # the first noun phrase of the sentence, not after a preposition
    capital, texts = tokens.capital, tokens.text
    return (
        first <= 4
        and all(not words[i] or lowers[i] in DETERMINERS or capital[i] or texts[i][0].isdigit() for i in range(first))
        and not any(lowers[i] in PREPOSITIONS for i in range(first))
    )


def _in_pp(tokens: Tokens, first: int) -> bool:
    lowers, texts = tokens.lower, tokens.text
    back = first - 1
    steps = 0
    while back >= 0 and steps < 4:
        lower = lowers[back]
        if lower in PREPOSITIONS:
            after = back + 1
            # "to evade Lohan": the infinitive marker, not a preposition
            return not (lower == "to" and after < first and texts[after].islower() and lowers[after] not in DETERMINERS)
        text = texts[back]
        if not tokens.word[back] and not text[0].isdigit() and text not in ("'s", "’s"):
            return False
        if lower in _VERBS:
            return False
        back -= 1
        steps += 1
    return False


def _nationality_noun(tokens: Tokens, first: int, last: int) -> bool:
    """'a Palestinian', 'the Lithuanian': a capitalised adjective used as a noun for a person."""
    lowers = tokens.lower
    if first != last or first == 0 or lowers[first - 1] not in ("a", "an", "the"):
        return False
    word = lowers[first]
    if not word.endswith(("an", "ian", "ish", "ese", "i")):
        return False
    following = last + 1
    return (
        following >= len(lowers)
        or not tokens.word[following]
        or _is_verbish(tokens, following)
        or lowers[following] in _FUNCTION
    )


def _followed_by_verb(tokens: Tokens, last: int) -> bool:
    lowers = tokens.lower
    index = last + 1
    while index < len(lowers) and lowers[index] in _ADVERBS:
        index += 1
    return index < len(lowers) and _is_verbish(tokens, index)


def _has_determiner(tokens: Tokens, first: int) -> bool:
    lowers = tokens.lower
    back = first - 1
    steps = 0
    while back >= 0 and steps < 3:
        lower = lowers[back]
        if lower in DETERMINERS or tokens.text[back] in ("'s", "’s"):
            return True
        if not tokens.word[back] or lower in PREPOSITIONS or _is_verbish(tokens, back):
            return False
        back -= 1
        steps += 1
    return False


def _quote_of(quotes: Iterable[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for q_start, q_end in quotes:
        if q_start <= start and end <= q_end:
            return (q_start, q_end)
    return None


_SPACES = regex.compile(r"\s+")


def sentence_mentions(
    text: str,
    offset: int,
    sentence: int,
    paragraph: int,
    nouns: NounLexicon,
    known: dict[str, Gender | None],
    quotes: tuple[tuple[int, int], ...] = (),
    detail: bool = True,
    words: list[str] | None = None,
    tokens: Tokens | None = None,
) -> list[Mention]:
    """The mentions of people and things in one sentence (``text`` starts at document ``offset``).

    Without ``detail`` only what :func:`analyse` needs of a sentence outside every pronoun's window is
    worked out: which mentions there are, their kind, gender and number (and the surnames learned);
    not their grammatical role, quotation or the words around them. ``words``: the texts of the
    sentence's tokens, when the caller has them already.
    """
    people = people_lexicon()
    if tokens is None:
        tokens = Tokens(text, words)
    texts, lowers, starts, ends, is_word, capital = (
        tokens.text,
        tokens.lower,
        tokens.start,
        tokens.end,
        tokens.word,
        tokens.capital,
    )
    count = len(texts)
    mentions: list[Mention] = []
    covered: set[int] = set()  # token indexes that belong to a thing mention
    thing_heads: set[int] = set()  # token indexes of the head nouns of thing mentions

    # Things: nouns of the lexicon heading their noun phrase.
    spans: Iterable[tuple[int, int]]
    if nouns.lower_pattern is not None:
        plain = _plain_lower(text) if _is_plain(text) else text.translate(_FOLDED)
        spans = map(_match_span, nouns.lower_pattern.finditer(plain))
    else:
        spans = [match.span() for match in nouns.pattern.finditer(text)]
    for match_start, match_end in spans:
        # only a match that starts at a token's start and ends at a token's end (the offsets increase)
        first = bisect_left(starts, match_start)
        if first == count or starts[first] != match_start:
            continue
        last = bisect_left(ends, match_end, first)
        if last == count or ends[last] != match_end:
            continue
        matched = text[match_start:match_end]
        noun = nouns.forms.get(fold(matched if matched.isalpha() else _SPACES.sub(" ", matched)))
        if noun is None:
            continue
        head_capital = capital[last]
        if noun.kind in ("country", "place") and not head_capital:
            continue  # "china" the porcelain, "turkey" the bird
        if noun.english in ("eu", "un", "nato", "imf") and not matched.isupper():
            continue
        if noun.kind == "thing" and head_capital and first > 0 and noun.english == "bill":
            continue
        following = last + 1 if last + 1 < count else -1  # -1: none
        possessive = following >= 0 and texts[following] in ("'s", "’s")
        if following >= 0 and is_word[following] and not possessive:
            lower = lowers[following]
            if (
                fold(lower) in nouns.heads
                or lower in people.roles
                or lower in people.role_plurals
                or lower in _COMPOUND_HEADS
                or (capital[following] and head_capital and fold(lower) not in people.first_names)
            ):
                continue  # a modifier: "state budget", "party leader", "Government Office"
        if noun.verb and not head_capital and not _has_determiner(tokens, first):
            continue
        if (
            noun.kind == "thing"
            and not head_capital
            and not noun.plural
            and first > 0
            and lowers[first - 1] in PREPOSITIONS
        ):
            continue  # a bare singular noun after a preposition is rarely a referent ("by law", "in court")
        # the label: the noun with the capitalised name before it ("the Freedom Party")
        label_first = first
        if head_capital:
            while label_first > 0 and capital[label_first - 1] and is_word[label_first - 1]:
                if label_first - 1 == 0 and _common(texts[0]) >= 5.0:
                    break
                label_first -= 1
        covered.update(range(label_first, last + 1))
        thing_heads.add(last)
        start, end = offset + starts[label_first], offset + ends[last]
        if not detail:
            mentions.append(Mention(start, end, "thing", "", sentence, paragraph, noun=noun, plural=noun.plural))
            continue
        animate = following >= 0 and (
            lowers[following] == "who" or (texts[following] == "," and last + 2 < count and lowers[last + 2] == "who")
        )
        in_pp = _in_pp(tokens, label_first)
        mentions.append(
            Mention(
                start=start,
                end=end,
                kind="thing",
                label=text[starts[label_first] : ends[last]],
                sentence=sentence,
                paragraph=paragraph,
                noun=noun,
                plural=noun.plural,
                subject=not possessive and not in_pp and _is_subject(tokens, label_first, last),
                in_pp=in_pp,
                possessive=possessive,
                animate=animate,
                quote=_quote_of(quotes, start, end),
            )
        )

    # People: capitalised name runs, with their titles.
    index = 0
    attached_roles: set[int] = set()
    capitals = list(compress(range(count), map(and_, capital, is_word)))  # where a run may start
    next_capital = 0
    while index < count:
        while next_capital < len(capitals) and (capitals[next_capital] < index or capitals[next_capital] in covered):
            next_capital += 1
        if next_capital == len(capitals):
            break
        index = capitals[next_capital]
        run_first = index
        run = [index]  # indexes of capitalised words only
        index += 1
        while index < count and index not in covered:
            if is_word[index] and capital[index]:
                run.append(index)
            elif texts[index] == "." and len(texts[index - 1]) <= 3 and capital[index - 1]:
                pass  # "V." "Mr." "Ms."
            elif (
                lowers[index] in ("von", "van", "der", "de", "la", "le", "bin")
                and index + 1 < count
                and capital[index + 1]
            ):
                pass
            else:
                break
            index += 1
        words_at = run  # never changed in place: only rebound to slices
        initial = 1 in map(len, [texts[i] for i in run])  # "K. Handziuk": an initial makes a person
        sentence_initial = run_first == 0 or (
            not is_word[0]
            and texts[0] in _OPENERS
            and all(not is_word[i] and texts[i] in _OPENERS for i in range(run_first))
        )
        if sentence_initial and len(texts[words_at[0]]) > 1:
            first_word = texts[words_at[0]]
            first_fold = fold(first_word)
            if (
                first_fold not in people.first_names
                and first_fold not in people.titles
                and lowers[words_at[0]] not in people.roles
                and (
                    first_word in _starters()
                    or _common(first_word) >= 5.0
                    or (len(words_at) == 1 and _common(first_word) >= 3.3 and not _followed_by_verb(tokens, run[-1]))
                )
                and first_fold not in people.surnames
            ):
                words_at = words_at[1:]
        # titles and role words before the name
        title_gender: Gender | None = None
        titled = False
        while words_at and (
            fold(texts[words_at[0]]) in people.titles
            or lowers[words_at[0]] in people.roles
            or lowers[words_at[0]] in _TITLE_MODIFIERS
        ):
            lower = fold(texts[words_at[0]])
            gender = people.titles.get(lower) or people.roles.get(lowers[words_at[0]])
            if gender:
                title_gender = gender
            titled = titled or lower in people.titles or lowers[words_at[0]] in people.roles
            words_at = words_at[1:]
        # a lowercase role word just before ("spokeswoman Rasa X", "his wife Ona")
        before = run_first - 1
        if before >= 0 and lowers[before] in people.roles:
            attached_roles.add(before)
            titled = True
            title_gender = title_gender or people.roles[lowers[before]]
        # (every word of a run is capitalised: a one-letter one is an initial, not a name)
        names = [texts[i] for i in words_at if len(texts[i]) > 1 and texts[i].strip("IVX")]  # not "II"
        head = words_at[-1] if words_at else run[-1]
        if not names:
            if titled:  # (the run is never empty)
                # a capitalised role alone: "the President said"
                role_words = [i for i in run if lowers[i] in people.roles]
                if role_words:
                    role = role_words[-1]
                    mentions.append(
                        _person(
                            text,
                            offset,
                            sentence,
                            paragraph,
                            role,
                            role,
                            None,
                            title_gender,
                            0.9 if title_gender else 0.0,
                            "role",
                            tokens,
                            quotes,
                            detail,
                        )
                    )
            continue
        folded_names = [fold(n) for n in names]
        if all(n in people.not_names for n in folded_names):
            continue
        weak = title_gender == "m" and any(fold(texts[i]) == "mr" for i in range(run_first, min(run_first + 2, count)))
        verdict = name_gender(names, title_gender, known, weak_title=weak)
        first_index = words_at[0]  # (names is not empty: neither is words_at)
        last_index = head
        if (
            verdict.cue == "surname"
            and verdict.confidence < 0.75
            and len(names) == 1
            and not titled
            and not initial
            and (_in_pp(tokens, first_index))
        ):
            continue  # "in Naujamiestis": a place whose name merely ends like a surname
        if run_first > 0 and run_first - 1 in thing_heads and not verdict.cue and not titled:
            continue  # the name of the thing before it: "the company Achema"
        if verdict.cue or titled:
            kind = "person"
        elif initial:
            kind = "entity"  # "G. D. Lawrence": a person of unknown gender
        elif len(names) >= 2 and not any(n in people.not_names for n in folded_names):
            kind = "entity"
        else:
            # one unknown capitalised word: a name only when it looks like one
            if _nationality_noun(tokens, first_index, last_index):
                mentions.append(
                    _person(
                        text,
                        offset,
                        sentence,
                        paragraph,
                        first_index,
                        last_index,
                        None,
                        None,
                        0.0,
                        "",
                        tokens,
                        quotes,
                        detail,
                    )
                )
                continue  # "a Palestinian", "the Lithuanian": a person of unknown gender
            following = last_index + 1 if last_index + 1 < count else -1  # -1: none
            possessive = following >= 0 and texts[following] in ("'s", "’s")
            if any(n in people.not_names for n in folded_names) or _common(names[0]) >= 5.0:
                continue
            if _in_pp(tokens, first_index) and not possessive:
                continue  # "in Prague", "from Minsk": a place
            if (
                following >= 0
                and is_word[following]
                and not capital[following]
                and not _is_verbish(tokens, following)
                and lowers[following] not in _ADVERBS
                and lowers[following] not in _FUNCTION
                and not initial
                and not possessive
            ):
                continue  # a modifier: "the Suwałki corridor"
            kind = "entity"
        mention = _person(
            text,
            offset,
            sentence,
            paragraph,
            first_index,
            last_index,
            verdict.gender,
            None,
            verdict.confidence,
            verdict.cue or ("title" if titled else ""),
            tokens,
            quotes,
            detail,
        )
        mention.kind = kind
        mentions.append(mention)
        if (
            kind == "person"
            and verdict.gender
            and verdict.confidence >= 0.9
            and (len(names) >= 2 or verdict.cue == "title")
        ):
            surname = fold(names[-1])
            if surname in known and known[surname] != verdict.gender:
                known[surname] = None
            else:
                known[surname] = verdict.gender
            known["=" + " ".join(folded_names)] = verdict.gender
        elif kind in ("person", "entity") and verdict.confidence < 0.9 and len(names) >= 2 and fold(names[-1]) in known:
            known[fold(names[-1])] = None  # "Sarah Palin ... Track Palin": the surname alone is ambiguous now

    # Role nouns in lowercase: "the spokeswoman", "the minister", "officials".
    for position in compress(range(count), map(people.role_words.__contains__, lowers)):
        if position in attached_roles or position in covered or not is_word[position] or capital[position]:
            continue
        lower = lowers[position]
        if lower in people.roles:
            singular, plural = lower, False
        elif lower in people.role_plurals:
            singular, plural = people.role_plurals[lower], True
        else:
            continue
        following = position + 1
        if (
            following < count
            and is_word[following]
            and (
                lowers[following] in people.roles
                or lowers[following] in people.role_plurals
                or fold(lowers[following]) in nouns.heads
            )
        ):
            continue  # "party leader" is a leader; "police officer" is an officer
        if following < count and is_word[following] and capital[following]:
            continue  # a title: the name's mention has it
        if singular in _AMBIGUOUS_ROLES and not _has_determiner(tokens, position):
            continue
        gender = people.roles[singular]
        mention = _person(
            text,
            offset,
            sentence,
            paragraph,
            position,
            position,
            gender,
            None,
            0.9 if gender else 0.0,
            "role",
            tokens,
            quotes,
            detail,
        )
        mention.plural = plural
        mentions.append(mention)
    mentions.sort(key=lambda m: m.start)
    if not detail:
        return _merge_appositions(text, offset, mentions)
    for mention in mentions:
        local_start, local_end = mention.start - offset, mention.end - offset
        preceding = text[max(0, local_start - 4) : local_start].lower()
        mention.indefinite = preceding.endswith((" a ", " an ")) or preceding in ("a ", "an ")
        mention.embedded = mention.subject and _EMBEDDED_BEFORE.search(text, 0, local_start) is not None
        relative = _RELATIVE_AFTER.match(text, local_end)
        mention.relative = relative.group(1).lower() if relative else ""
    _possessors(text, offset, mentions)
    return _merge_appositions(text, offset, mentions)


_EMBEDDED_BEFORE = regex.compile(r"\b(?:that|which|whom|whose)\s+(?:the\s+|a\s+|an\s+)?(?:\p{Lu}[\p{L}\p{M}-]*\s+)*$")
_RELATIVE_AFTER = regex.compile(r",?\s+(where|when)\b", regex.IGNORECASE)


def _possessors(text: str, offset: int, mentions: list[Mention]) -> None:
    """A person's possessive takes the role of what it possesses: "the Republican's office said he"."""
    for index, mention in enumerate(mentions):
        if not mention.possessive or mention.kind == "thing":
            continue
        for other in mentions[index + 1 : index + 3]:
            if other.kind == "thing" and other.start - mention.end <= 30:
                mention.subject, mention.in_pp = other.subject, other.in_pp
                break


_TITLE_OF = regex.compile(r"\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}\p{M}-]*\s+)*$")
_APPOSITION = regex.compile(r",\s+(?:a|an|the|his|her)\s+(?:[\p{L}\p{M}-]+\s+){0,3}$")


def _merge_appositions(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """One person, one mention: "Minister of Education Jurgita X", "Olena X, a teacher from Kharkiv"."""
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if previous is not None and mention.kind in ("person", "entity") and previous.kind == "person":
            between = text[previous.end - offset : mention.start - offset]
            if (
                previous.cue == "role"
                and previous.gender is None
                and previous.label[:1].isupper()
                and mention.cue != "role"
                and _TITLE_OF.fullmatch(between)
            ):
                # "Minister of Education Jurgita Šiugždinienė": the title's place in the sentence is the person's
                mention.subject, mention.in_pp, mention.start = previous.subject, previous.in_pp, previous.start
                mention.gender = mention.gender or previous.gender
                merged[-1] = mention
                continue
        if (
            previous is not None
            and mention.kind == "person"
            and mention.cue == "role"
            and previous.kind in ("person", "entity")
        ):
            between = text[previous.end - offset : mention.start - offset]
            if _APPOSITION.fullmatch(between) and not mention.plural:
                if previous.gender is None and mention.gender is not None:
                    previous.gender, previous.confidence, previous.cue = mention.gender, mention.confidence, "role"
                continue  # "Olena Kovalenko, a teacher": the same person
        merged.append(mention)
    return merged


def _person(
    text: str,
    offset: int,
    sentence: int,
    paragraph: int,
    first: int,
    head: int,
    gender: Gender | None,
    title_gender: Gender | None,
    confidence: float,
    cue: str,
    tokens: Tokens,
    quotes: tuple[tuple[int, int], ...],
    detail: bool = True,
) -> Mention:
    """A person mention from token ``first`` to token ``head``."""
    local_start, local_end = tokens.start[first], tokens.end[head]
    start, end = offset + local_start, offset + local_end
    label = text[local_start:local_end]
    if not detail:
        return Mention(start, end, "person", label, sentence, paragraph, gender or title_gender, confidence, cue)
    in_pp = _in_pp(tokens, first)
    return Mention(
        start=start,
        end=end,
        kind="person",
        label=label,
        sentence=sentence,
        paragraph=paragraph,
        gender=gender or title_gender,
        confidence=confidence,
        cue=cue,
        subject=not in_pp and _is_subject(tokens, first, head),
        in_pp=in_pp,
        possessive=head + 1 < len(tokens.text) and tokens.text[head + 1] in ("'s", "’s"),
        quote=_quote_of(quotes, start, end),
    )


# --- pronouns and their resolution -------------------------------------------------------------------

PRONOUNS: dict[str, tuple[Gender, str]] = {
    "he": ("m", "subject"),
    "him": ("m", "object"),
    "his": ("m", "possessive"),
    "himself": ("m", "reflexive"),
    "she": ("f", "subject"),
    "her": ("f", "object"),  # or possessive: decided by the next word
    "hers": ("f", "possessive-alone"),
    "herself": ("f", "reflexive"),
}
PRONOUN_PATTERN = regex.compile(
    r"(?<![\p{L}\p{M}\d/(-])(?:he|she|him|her|his|hers|himself|herself)(?![\p{L}\p{M}\d/)-])", regex.IGNORECASE
)
# What each character PRONOUN_PATTERN's IGNORECASE matches for a letter of the pronouns stands for: the
# letter (checked over every code point by the tests). Not ``lower()``: the `regex` module also matches
# "ſ" (long s) for "s" and "İ" for "i", which ``lower()`` keeps, or makes two characters ("i̇").
_PRONOUN_LETTERS = str.maketrans("HEIMRSLFſİ", "heimrslfsi")


def pronoun_word(matched: str) -> str:
    """The key in ``PRONOUNS`` of a match of ``PRONOUN_PATTERN``: "she" for "She", "SHE" or "ſhe"."""
    return matched.translate(_PRONOUN_LETTERS)


_GENERIC = regex.compile(
    r"(?:\b(?:he|she|him|her|his|hers|himself|herself)\s*(?:or|and|/)\s*(?:he|she|him|her|his|hers|himself|herself)\b"
    r"|\bs/he\b|\(s\)he\b|\bhe/she\b|\bhis/her\b)",
    regex.IGNORECASE,
)
# After "her", these words show an object pronoun ("like her to appear", "told her that").
# fmt: off
_AFTER_OBJECT = frozenset((
    "to", "and", "or", "in", "on", "at", "for", "with", "from", "by", "as", "that", "than", "up", "out", "off",
    "down", "back", "about", "into", "over", "again", "too", "very", "so", "not", "when", "if", "because",
    "while", "after", "before", "until", "since", "the", "a", "an", "this", "these", "those", "it", "them", "him",
    "her", "me", "us", "you", "what", "how", "why", "where", "who", "whom", "which"
))
# fmt: on
# A possessive followed by these is about a person whatever the nouns around say ("her husband").
# fmt: off
_PERSONAL = frozenset((
    "husband", "wife", "son", "daughter", "sons", "daughters", "children", "child", "mother", "father", "parents",
    "brother", "sister", "grandmother", "grandfather", "boyfriend", "girlfriend", "fiancé", "fiancée", "family",
    "life", "death", "career", "birthday", "body", "hands", "hand", "eyes", "face", "hair", "heart", "childhood",
    "youth", "friends", "friend", "colleagues", "mind", "voice", "husband's", "wife's", "biography", "memoirs"
))
# fmt: on
_CLOSING_QUOTES = ('"', "”", "’", "'", "»", "“")
# fmt: off
_SPEECH_VERBS = frozenset((
    "said", "says", "added", "adds", "told", "tells", "noted", "notes", "stressed", "stresses", "explained",
    "explains", "asked", "asks", "admitted", "admits", "wrote", "writes", "remarked", "emphasised", "emphasized",
    "recalled", "recalls", "replied", "replies", "continued", "continues", "concluded", "insisted", "insists",
    "smiled", "laughed", "claimed", "claims"
))
# fmt: on
# Verbs after "he"/"she" that only a person does.
_HUMAN_VERBS = frozenset(
    ["born", "died", "smiled", "laughed", "married", "cried", "wept", "divorced", "retired", "graduated"]
)


@dataclass(frozen=True, slots=True)
class Pronoun:
    start: int
    end: int
    text: str
    gender: Gender
    role: str  # subject | object | possessive | possessive-alone | reflexive
    sentence: int
    paragraph: int
    quote: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Verdict:
    pronoun: Pronoun
    antecedent: Mention
    reason: str  # thing | country | person
    confidence: float


def find_pronouns(
    text: str,
    offset: int,
    sentence: int,
    paragraph: int,
    quotes: tuple[tuple[int, int], ...],
    spans: list[tuple[int, int]] | None = None,
) -> list[Pronoun]:
    """The pronouns of a sentence; ``spans``: where ``PRONOUN_PATTERN`` matches in it, if known."""
    if spans is None:
        spans = [match.span() for match in PRONOUN_PATTERN.finditer(text)]
    if not spans:
        return []
    found = []
    generic_spans = [(m.start(), m.end()) for m in _GENERIC.finditer(text)]
    for match_start, match_end in spans:
        if any(s <= match_start < e for s, e in generic_spans):
            continue  # "he or she", "his/her": generic
        matched = text[match_start:match_end]
        word = pronoun_word(matched)
        gender, role = PRONOUNS[word]
        if word == "her":
            rest = text[match_end:].lstrip()
            following = _TOKEN.match(rest)
            if following and following.group()[0].isalpha() and following.group().lower() not in _AFTER_OBJECT:
                role = "possessive"
        start, end = offset + match_start, offset + match_end
        found.append(Pronoun(start, end, matched, gender, role, sentence, paragraph, _quote_of(quotes, start, end)))
    return found


_RECENCY = (3.0, 2.2, 1.5, 1.0)
_PREVIOUS_PARAGRAPH = 0.8


def score(mention: Mention, pronoun: Pronoun, weight: float, same_sentence: bool) -> float:
    value = weight
    if same_sentence:
        value -= min(1.0, (pronoun.start - mention.end) / 80)
    if mention.subject:
        value += 0.5 if mention.embedded else 1.2
        if pronoun.role == "subject":
            value += 0.3
    if mention.in_pp:
        value -= 0.9
    if mention.possessive and mention.kind == "thing":
        value -= 0.4
    if mention.kind == "person":
        value += 0.3
    if same_sentence and mention.indefinite and not mention.subject:
        value -= 0.8  # "we prepared a helicopter to take him": a new thing is rarely what "him" means
    return value


def compatible(mention: Mention, pronoun: Pronoun) -> bool:
    """Whether English allows the pronoun for the mention."""
    if mention.kind in ("person", "entity"):
        return not mention.plural and (mention.gender in (None, pronoun.gender) or mention.confidence < 0.75)
    if mention.animate:
        return True
    return mention.noun is not None and mention.noun.kind == "ship" and pronoun.gender == "f"


def explains(mention: Mention, pronoun: Pronoun) -> str | None:
    """How the mention explains the pronoun as a Lithuanian-gender artifact, if it does."""
    if mention.kind == "person":
        if mention.plural or mention.gender is None or mention.gender == pronoun.gender or mention.confidence < 0.75:
            return None
        return "person"
    if mention.kind == "thing" and mention.noun is not None and not mention.animate:
        if mention.noun.kind == "ship" or not mention.noun.lithuanian(pronoun.gender):
            return None
        return "country" if mention.noun.kind == "country" else "thing"
    return None


def resolve(
    pronoun: Pronoun,
    candidates: list[tuple[Mention, float, bool]],
    earlier_compatible: bool | Callable[[], bool],
    next_word: str,
) -> Verdict | None:
    """The verdict on one pronoun, given its candidates ``(mention, recency weight, same sentence)``."""
    if not candidates:
        return None
    reasons = [explains(m, pronoun) for m, _, _ in candidates]
    if not any(reasons):
        return None  # (most pronouns: no need to score)
    scored = [(score(m, pronoun, w, same), m) for m, w, same in candidates]
    best_compatible = max((s for s, m in scored if compatible(m, pronoun)), default=None)
    explaining = [(s, m, r) for (s, m), r in zip(scored, reasons, strict=True) if r]
    best_score, best, reason = max(explaining, key=lambda item: item[0])
    assert reason is not None
    others = max(
        (s for s, m in scored if m is not best and m.start != best.start and not (m.plural and m.kind != "thing")),
        default=-9.0,
    )
    if best_compatible is not None and (reason == "person" or best_compatible >= best_score - 2.0):
        return None  # someone English allows is about as likely (for a person: anyone at all)
    if others > best_score + 0.2:
        return None  # a likelier antecedent that explains nothing: the pronoun is about something else
    if reason in ("thing", "country") and pronoun.role in ("possessive", "possessive-alone") and next_word in _PERSONAL:
        return None
    if reason in ("thing", "country") and pronoun.role == "subject" and next_word in _HUMAN_VERBS:
        return None
    if callable(earlier_compatible):
        earlier_compatible = earlier_compatible()  # worked out only when it matters: see analyse
    threshold = 2.4 if earlier_compatible else 1.9
    if pronoun.quote is not None:
        threshold += 0.6
    if best_score < threshold:
        return None
    confidence = 0.35 + 0.12 * best_score + 0.08 * min(2.0, best_score - max(others, 0.0))
    if best_compatible is not None:
        confidence -= 0.1
    if earlier_compatible:
        confidence -= 0.15
    if reason == "person":
        confidence = min(confidence, best.confidence)
    confidence = max(0.3, min(0.95, confidence))
    if confidence < 0.5:
        return None
    return Verdict(pronoun, best, reason, confidence)


_CLAUSE_BREAK = regex.compile(
    r"[,;:()–—]|\b(?:that|who|which|and|but|because|when|while|if|after|before|since|as)\b", regex.IGNORECASE
)


def _same_clause_subject(text: str, mention: Mention, pronoun: Pronoun) -> bool:
    """Whether ``mention`` is the subject of the clause whose object (or reflexive) is ``pronoun``."""
    if not mention.subject:
        return False
    between = text[mention.end : pronoun.start]
    if pronoun.role == "reflexive":
        return False
    return _CLAUSE_BREAK.search(between) is None


def _previous_in_chain(
    pronoun: Pronoun, history: list[tuple[Pronoun, Verdict | None]], where: dict[int, tuple[int, int]]
) -> tuple[Pronoun, Verdict | None] | None:
    """The last earlier pronoun of the same gender close by (same paragraph, two sentences back at most)."""
    position, order = where[pronoun.sentence]
    for earlier, verdict in reversed(history):
        earlier_position, earlier_order = where[earlier.sentence]
        if earlier_position != position or order - earlier_order > 2:
            return None
        if earlier.gender == pronoun.gender and earlier.quote == pronoun.quote:
            return earlier, verdict
    return None


def _window(
    pronoun: Pronoun, where: dict[int, tuple[int, int]], layout: list[tuple[int, list[int], bool]]
) -> list[tuple[int, float]]:
    """The sentences where the pronoun's candidates are, with their recency weights."""
    position, order = where[pronoun.sentence]
    indexes = layout[position][1]
    window: list[tuple[int, float]] = [(pronoun.sentence, _RECENCY[0])]
    for back in range(1, 4):
        if order - back >= 0:
            window.append((indexes[order - back], _RECENCY[back]))
    if order < 3 and position > 0:
        previous = layout[position - 1]
        take = previous[1] if previous[2] else previous[1][-2:]
        for index in take:
            window.append((index, _PREVIOUS_PARAGRAPH))
    return window


@lru_cache(maxsize=1)
def _gender_words() -> tuple[frozenset[str], frozenset[str]]:
    """Gendered role words (lowercase), and the folded words that may tell a name's gender."""
    people = people_lexicon()
    roles = frozenset(word for word, gender in people.roles.items() if gender)
    names = frozenset(people.first_names) | frozenset(people.surnames) | frozenset(people.titles)
    names |= frozenset(word for name in people.full_names for word in name.split())
    return roles, names


@lru_cache(maxsize=65536)
def _gender_cue(word: str) -> bool:
    """Whether a token can tell a person's gender (see :func:`_may_tell_gender`)."""
    roles, names = _gender_words()
    if word.lower() in roles:
        return True
    if not word[0].isupper():
        return False
    return fold(word) in names or surname_gender(word)[0] is not None


def _may_tell_gender(words: list[str], known: dict[str, Gender | None]) -> bool:
    """Whether the sentence whose tokens are ``words`` may name someone of known gender or teach (or
    unteach) a surname.

    The gender of a person mention comes from a gendered title or role word, the gazetteer, a first
    name, a surname met earlier (``known``) or the surname's ending (:func:`name_gender`), and a
    surname is learned only from a gendered name: a sentence with none of these words names nobody of
    known gender and teaches nothing.
    """
    if any(map(_gender_cue, words)):
        return True
    return bool(known) and any(fold(word) in known for word in words if word[0].isupper())


_PARTICLES = frozenset(("von", "van", "der", "de", "la", "le", "bin"))


def _teaches_later(words: list[str], position: int, last_seen: dict[str, int]) -> bool:
    """Whether a word under which the sentence at ``position`` (its tokens' texts: ``words``) may change
    `known` comes again, capitalised, in a later sentence (``last_seen``: the last sentence where each
    folded capitalised word is).

    :func:`sentence_mentions` teaches (or unteaches) the surname of a name of at least two words, or of
    a name after a title: the last word of a run of capitalised words, which is not the first of its
    run (the token before it is a capitalised word, a "." or a particle, see the run loop), or is the
    first, after a lowercase role word. Every capitalised word (first character uppercase) whose
    previous token is one of these is looked at: a superset.
    """
    roles = people_lexicon().roles
    return any(
        last_seen[fold(word)] > position
        for previous, word in pairwise(words)
        if word[0].isupper()
        and (previous[0].isupper() or previous == "." or previous.lower() in _PARTICLES or previous.lower() in roles)
    )


# A stdlib ``re`` pattern that matches wherever PRONOUN_PATTERN does, and faster: a prefix tree of the
# pronouns, each letter spelled as the characters the `regex` module's IGNORECASE matches for it (also
# "ſ" for "s", "İ" for "i"), with lookarounds on ASCII characters only (a subset of the characters
# PRONOUN_PATTERN's lookarounds reject). It may match where PRONOUN_PATTERN does not, so each of its
# matches is checked with PRONOUN_PATTERN. The pronouns are whole words: neither pattern's matches
# overlap, and no match of PRONOUN_PATTERN starts inside one of this pattern's (after a letter).
# It starts with the set of first letters, so that the stdlib scans for them in C; the lookbehind on
# the character before that first letter comes after it (two characters back), and a lookbehind on the
# first letter then picks the branch: "h" (he, her, hers, herself, him, himself, his) or "s" (she).
_PRONOUN_CANDIDATE = re.compile(
    r"[HhSsſ](?<![A-Za-z0-9/(-][\s\S])"
    r"(?:(?<=[Hh])(?:[Ee](?:[Rr](?:[Ssſ](?:[Ee][Ll][Ff])?)?)?|[Iiİ](?:[Mm](?:[Ssſ][Ee][Ll][Ff])?|[Ssſ]))|(?<=[Ssſ])[Hh][Ee])"
    r"(?![A-Za-z0-9/)-])"
)


def pronoun_hits(text: str) -> list[tuple[int, int]]:
    """The spans of the matches of ``PRONOUN_PATTERN`` in ``text`` (what ``finditer`` finds)."""
    match = PRONOUN_PATTERN.match
    found = []
    for position in map(_match_start, _PRONOUN_CANDIDATE.finditer(text)):
        hit = match(text, position)
        if hit is not None:
            found.append(hit.span())
    return found


_PRONOUN_EDGE = regex.compile(r"[\p{L}\p{M}\d/()-]")
_SPACE_CHARACTERS = " \n"  # (next to most sentences; never _PRONOUN_EDGE)


def _sentence_pronouns(text: str, hits: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]] | None:
    """Where ``PRONOUN_PATTERN`` matches in the sentence ``text[start:end]`` (offsets in the sentence),
    from ``hits``, its matches in the whole text; None when the sentence alone must be searched.

    A match is decided by the character before it, its own characters and the one after it. When the
    characters next to the sentence are none that the pattern's lookarounds look at (letters, marks,
    digits, "/", "(", ")", "-"), the text around the sentence acts as its start and end: no match of
    the text crosses its edges, and those inside it are the sentence's own.
    """
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if (before not in _SPACE_CHARACTERS and _is_edge(before)) or (after not in _SPACE_CHARACTERS and _is_edge(after)):
        return None
    at = bisect_left(hits, (start,))
    if at == len(hits) or hits[at][0] >= end:
        return []  # (most sentences)
    found = []
    while at < len(hits) and hits[at][0] < end:
        hit_start, hit_end = hits[at]
        found.append((hit_start - start, hit_end - start))
        at += 1
    return found


@lru_cache(maxsize=4096)
def _is_edge(char: str) -> bool:
    """Whether ``_PRONOUN_EDGE`` matches ``char`` (a few distinct characters end sentences: cached)."""
    return _PRONOUN_EDGE.match(char) is not None


class _Known(dict[str, Gender | None]):
    """The surnames (and full names) met so far, see :func:`sentence_mentions`, with a log of every
    change made to it (``changes``: the key, whether it was there, its value before, the value set):
    the table as it was at any earlier point can be rebuilt from it, without having been copied then
    (see :func:`analyse`). ``sentence_mentions`` only sets items, never deletes one."""

    __slots__ = ("changes",)

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[tuple[str, bool, Gender | None, Gender | None]] = []

    def __setitem__(self, key: str, value: Gender | None, /) -> None:
        self.changes.append((key, key in self, self.get(key), value))
        super().__setitem__(key, value)


def analyse(
    text: str,
    paragraphs: Iterable[Any],
    nouns: NounLexicon,
    quotes: tuple[tuple[int, int], ...],
    hits: list[tuple[int, int]] | None = None,
) -> list[Verdict]:
    """Every pronoun of the document whose likely antecedent makes it a Lithuanian-gender artifact.

    ``paragraphs`` are :class:`mtcheck.model.Paragraph` objects; ``text`` is the checked text;
    ``hits``: :func:`pronoun_hits` of the text, if the caller has them.
    """
    known = _Known()
    mentions: dict[int, list[Mention]] = {}
    pronouns: list[Pronoun] = []
    layout: list[tuple[int, list[int], bool]] = []  # paragraph index, sentence indexes, ends with "?"
    in_order: list[tuple[Any, int]] = []  # every sentence, with its paragraph index
    last_with_pronoun = -1
    if hits is None:
        hits = pronoun_hits(text)
    for paragraph in paragraphs:
        indexes = []
        for sentence in paragraph.sentences:
            spans = _sentence_pronouns(text, hits, sentence.start, sentence.end)
            found = (
                find_pronouns(
                    text[sentence.start : sentence.end], sentence.start, sentence.index, paragraph.index, quotes, spans
                )
                if spans is None or spans
                else []
            )
            if found:
                pronouns.extend(found)
                last_with_pronoun = len(in_order)
            in_order.append((sentence, paragraph.index))
            indexes.append(sentence.index)
        last = text[paragraph.start : paragraph.end].rstrip()
        layout.append((paragraph.index, indexes, last.endswith("?")))
    if not pronouns:
        return []
    where: dict[int, tuple[int, int]] = {}  # sentence -> (layout position, position in paragraph)
    for position, (_, indexes, _) in enumerate(layout):
        for order, index in enumerate(indexes):
            where[index] = (position, order)
    windows = [_window(pronoun, where, layout) for pronoun in pronouns]
    in_windows = {index for window in windows for index, _ in window}
    # Mentions after the sentence of the last pronoun are never candidates, never "named before" a
    # pronoun and teach no later sentence a surname: the sentences after it need no analysis. A
    # sentence in no pronoun's window is never a candidate either: it only matters for the surnames it
    # teaches and the genders it names before a pronoun, so it gets the light analysis, and none when
    # no word of it can tell a person's gender.
    analysed = in_order[: last_with_pronoun + 1]
    sentence_texts = [text[sentence.start : sentence.end] for sentence, _ in analysed]
    # (the sentences in a window are analysed in full: their tokens are made once, here)
    window_tokens = {
        position: Tokens(sentence_texts[position])
        for position, (sentence, _) in enumerate(analysed)
        if sentence.index in in_windows
    }
    sentence_words = [
        window_tokens[position].text if position in window_tokens else _tokens_of(sentence_text).findall(sentence_text)
        for position, sentence_text in enumerate(sentence_texts)
    ]
    # A sentence changes `known` only under the surname of a name it names (the last word of the name;
    # a full name's key ends with it), and a later sentence reads such an entry only if it has that
    # word too, capitalised (see _name_gender, _may_tell_gender): a sentence none of whose possible
    # surnames (see _teaches_later) comes again later teaches nothing that matters, whatever its
    # analysis. Worked out only for the sentences that need it (`last_seen`: where each folded
    # capitalised word was last seen).
    # (the capitalised words are collected as they are, in C, and folded once each: a folded word's
    # last sentence is the last one of the words that fold to it)
    seen_as_is: dict[str, int] = {}
    for position, words in enumerate(sentence_words):
        seen_as_is.update(dict.fromkeys(compress(words, map(str.isupper, map(_first, words))), position))
    last_seen: dict[str, int] = {}
    for word, position in seen_as_is.items():
        folded = fold(word)
        if last_seen.get(folded, -1) < position:
            last_seen[folded] = position
    elsewhere: list[Mention] = []
    # Sentences outside every window that teach nothing that matters: what they name counts only for
    # "someone of the pronoun's gender was named before" (`earlier`), which resolve asks for rarely:
    # they are analysed then (with `known` as it was before them), in order, up to the pronoun. Their
    # mentions are inside sentences without a pronoun, so none would have stopped `pointer` below.
    # (`known` before each is rebuilt then from its log of changes, not copied now: a copy per deferred
    # sentence grows as deferred sentences times names)
    deferred: list[tuple[int, int]] = []  # position in `analysed`, number of changes to `known` before it
    for position, (sentence, paragraph_index) in enumerate(analysed):
        sentence_text = sentence_texts[position]
        words = sentence_words[position]
        if sentence.index in in_windows:
            mentions[sentence.index] = sentence_mentions(
                sentence_text,
                sentence.start,
                sentence.index,
                paragraph_index,
                nouns,
                known,
                quotes,
                tokens=window_tokens[position],
            )
        elif _may_tell_gender(words, known):
            if not _teaches_later(words, position, last_seen):
                deferred.append((position, len(known.changes)))
                continue
            elsewhere.extend(
                sentence_mentions(
                    sentence_text,
                    sentence.start,
                    sentence.index,
                    paragraph_index,
                    nouns,
                    known,
                    quotes,
                    detail=False,
                    words=words,
                )
            )
    deferred_genders: set[Gender] = set()
    deferred_done = 0
    # `known` as it was before the next deferred sentence: its changes replayed in order (the same
    # items, in the same order, as `known` had then: _name_gender goes through them in order)
    known_before = _Known()
    replayed = 0  # how many of the changes of `known` are in `known_before`
    set_item = dict.__setitem__

    def named_before(pronoun: Pronoun) -> bool:
        """Whether a deferred sentence before the pronoun names someone of its gender (they are all
        before its sentence, so each of their mentions ends before it: counted, as in `earlier_genders`)."""
        nonlocal deferred_done, replayed
        while deferred_done < len(deferred):
            position, changes = deferred[deferred_done]
            sentence, paragraph_index = analysed[position]
            if sentence.start >= pronoun.start:
                break
            deferred_done += 1
            for key, _, _, value in known.changes[replayed:changes]:
                set_item(known_before, key, value)
            replayed = changes
            for seen in sentence_mentions(
                sentence_texts[position],
                sentence.start,
                sentence.index,
                paragraph_index,
                nouns,
                known_before,
                quotes,
                detail=False,
                words=sentence_words[position],
            ):
                if seen.kind == "person" and seen.gender and not seen.plural:
                    deferred_genders.add(seen.gender)
            # what the sentence itself taught is undone, latest first (a key it added is removed: the
            # others keep their order, and it comes back, in its place, when `known` gets it)
            for key, had, before, _ in reversed(known_before.changes):
                if had:
                    set_item(known_before, key, before)
                else:
                    del known_before[key]
            known_before.changes.clear()
        return pronoun.gender in deferred_genders

    verdicts = []
    history: list[tuple[Pronoun, Verdict | None]] = []
    earlier_genders: set[Gender] = set()
    pointer = 0
    all_mentions = sorted([*(m for ms in mentions.values() for m in ms), *elsewhere], key=lambda m: m.start)
    for pronoun, window in zip(pronouns, windows, strict=True):
        candidates: list[tuple[Mention, float, bool]] = []
        for index, weight in window:
            same = index == pronoun.sentence
            for mention in mentions.get(index, ()):
                if pronoun.quote is not None and mention.quote != pronoun.quote:
                    continue  # inside a quotation, only the quotation's own world
                if pronoun.quote is None and mention.quote is not None and not compatible(mention, pronoun):
                    continue  # outside a quotation, what it names only counts for someone English allows
                if same and mention.start >= pronoun.start:
                    if (
                        compatible(mention, pronoun)
                        and mention.kind != "thing"
                        and "," in text[pronoun.end : mention.start]
                    ):
                        candidates.append((mention, 1.0, False))  # cataphora: "After she won, Šimonytė said"
                    continue
                if mention.start <= pronoun.start < mention.end:
                    continue
                if (
                    same
                    and mention.relative
                    and text[mention.end : pronoun.start].split()[-1:] in (["where"], ["when"])
                ):
                    continue  # "from Kaunas, where he studied": "where" stands for the place, "he" for someone else
                if same and pronoun.role in ("object", "reflexive") and _same_clause_subject(text, mention, pronoun):
                    continue  # "Putin would like her": a clause's object is not its subject (that is "himself")
                candidates.append((mention, weight, same))
        while pointer < len(all_mentions) and all_mentions[pointer].end <= pronoun.start:
            seen = all_mentions[pointer]
            if seen.kind == "person" and seen.gender and not seen.plural:
                earlier_genders.add(seen.gender)
            pointer += 1
        # someone of the pronoun's gender was named before
        earlier: bool | Callable[[], bool] = pronoun.gender in earlier_genders
        if not earlier and deferred:
            earlier = lambda pronoun=pronoun: named_before(pronoun)  # noqa: E731
        rest = text[pronoun.end : pronoun.end + 30].split()
        next_word = rest[0].lower().strip(".,;:!?\"”'’") if rest else ""
        before = text[max(0, pronoun.start - 5) : pronoun.start].rstrip(" -–—")
        if next_word in _SPEECH_VERBS and (before.endswith(",") or before.rstrip(",").endswith(_CLOSING_QUOTES)):
            # '..." he added': the speaker of the quotation, a person the quotation may not name
            candidates = [c for c in candidates if c[0].kind != "thing"]
        verdict = resolve(pronoun, candidates, earlier, next_word)
        chain = _previous_in_chain(pronoun, history, where)
        if chain is not None and chain[1] is None:
            verdict = None  # "his wife ... his own": the chain already has a referent English allows
        history.append((pronoun, verdict))
        if verdict is not None:
            verdicts.append(verdict)
    return verdicts

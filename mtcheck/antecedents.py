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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
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
    pattern: Any  # compiled regex of every English form
    forms: dict[str, Noun]  # folded English form -> noun
    heads: frozenset[str]  # every folded single-word form: a following word that makes a noun a modifier
    # the same pattern for the stdlib ``re``, exact on ASCII-only text (faster there); None if unavailable
    ascii_pattern: Any = None


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
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d-])(?:{body})(?![\p{{L}}\p{{M}}\d-])", regex.IGNORECASE)
    ascii_pattern = None
    if all(_trie_safe(form) for form in alternatives):
        # On ASCII text, \p{L}\p{M}\d are [A-Za-z0-9] and the `regex` module's \s is [ \t\n\v\f\r]
        # (the stdlib's \s would also match \x1c-\x1f): spelled out, both patterns match the same.
        ascii_body = body.replace(r"\s+", r"[ \t\n\x0b\x0c\r]+")
        ascii_pattern = re.compile(rf"(?<![A-Za-z0-9-])(?:{ascii_body})(?![A-Za-z0-9-])", re.IGNORECASE)
    heads = frozenset(form for form in forms if " " not in form)
    return NounLexicon(pattern, forms, heads, ascii_pattern)


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

    def emit(node: dict[str, Any]) -> str:
        branches = [_form_piece(char) + emit(child) for char, child in node.items() if char]
        if not branches:
            return ""
        inner = "|".join(branches)
        if "" in node:
            return f"(?:{inner})?"
        return f"(?:{inner})" if len(branches) > 1 else inner

    return emit(root)


# --- tokens ------------------------------------------------------------------------------------------

_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}\d]*(?:(?:-|['’](?!s\b))\p{L}[\p{L}\p{M}\d]*)*|['’]s\b|\d[\d,.]*|[^\s\p{L}\d]")


class Token:
    """A token of a sentence; ``is_word`` and ``capitalised`` are worked out once, when it is made."""

    __slots__ = ("capitalised", "end", "is_word", "lower", "start", "text")
    text: str
    start: int  # offset in the sentence
    end: int
    lower: str
    is_word: bool
    capitalised: bool

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        first = text[0]
        self.is_word = first.isalpha()
        self.capitalised = first.isupper()

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, start={self.start}, end={self.end})"


# _TOKEN for the stdlib ``re``, exact on ASCII-only text (where \p{L} is [A-Za-z], \d is [0-9], \b is
# the same and the `regex` module's \s is [ \t\n\v\f\r]); faster there.
_ASCII_TOKEN = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:(?:-|['’](?!s\b))[A-Za-z][A-Za-z0-9]*)*|['’]s\b|[0-9][0-9,.]*|[^ \t\n\x0b\x0c\rA-Za-z0-9]"
)


def _tokens_of(text: str) -> Any:
    return _ASCII_TOKEN if text.isascii() else _TOKEN


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _tokens_of(text).finditer(text)]


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


_ROMAN = regex.compile(r"[IVX]+")
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


def _is_verbish(token: Token) -> bool:
    lower = token.lower
    return lower in _VERBS or (len(lower) > 4 and lower.endswith("ed") and token.text.islower())


def _is_subject(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the noun phrase ``tokens[first..last]`` is the subject of its clause."""
    index = last + 1
    skipped = 0
    while index < len(tokens) and tokens[index].lower in _ADVERBS and skipped < 2:
        index += 1
        skipped += 1
    if index < len(tokens) and _is_verbish(tokens[index]):
        return True
    # "there are no Russian troops": the subject of an existential sentence
    back = first - 1
    steps = 0
    while back >= 0 and steps < 4 and tokens[back].is_word and tokens[back].lower not in _THERE_BE:
        if tokens[back].lower in PREPOSITIONS:
            return False
        back -= 1
        steps += 1
    if back >= 1 and tokens[back].lower in _THERE_BE and tokens[back - 1].lower == "there":
        return True
    # the first noun phrase of the sentence, not after a preposition
    return (
        all(
            not token.is_word or token.lower in DETERMINERS or token.capitalised or token.text[0].isdigit()
            for token in tokens[:first]
        )
        and first <= 4
        and not any(t.lower in PREPOSITIONS for t in tokens[:first])
    )


def _in_pp(tokens: list[Token], first: int) -> bool:
    back = first - 1
    steps = 0
    while back >= 0 and steps < 4:
        token = tokens[back]
        if token.lower in PREPOSITIONS:
            after = tokens[back + 1] if back + 1 < first else None
            # "to evade Lohan": the infinitive marker, not a preposition
            return not (
                token.lower == "to" and after is not None and after.text.islower() and after.lower not in DETERMINERS
            )
        if not token.is_word and not token.text[0].isdigit() and token.text not in ("'s", "’s"):
            return False
        if token.lower in _VERBS:
            return False
        back -= 1
        steps += 1
    return False


def _nationality_noun(tokens: list[Token], first: int, last: int) -> bool:
    """'a Palestinian', 'the Lithuanian': a capitalised adjective used as a noun for a person."""
    if first != last or first == 0 or tokens[first - 1].lower not in ("a", "an", "the"):
        return False
    word = tokens[first].lower
    if not word.endswith(("an", "ian", "ish", "ese", "i")):
        return False
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    return following is None or not following.is_word or _is_verbish(following) or following.lower in _FUNCTION


def _followed_by_verb(tokens: list[Token], last: int) -> bool:
    index = last + 1
    while index < len(tokens) and tokens[index].lower in _ADVERBS:
        index += 1
    return index < len(tokens) and _is_verbish(tokens[index])


def _has_determiner(tokens: list[Token], first: int) -> bool:
    back = first - 1
    steps = 0
    while back >= 0 and steps < 3:
        token = tokens[back]
        if token.lower in DETERMINERS or token.text in ("'s", "’s"):
            return True
        if not token.is_word or token.lower in PREPOSITIONS or _is_verbish(token):
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
) -> list[Mention]:
    """The mentions of people and things in one sentence (``text`` starts at document ``offset``).

    Without ``detail`` only what :func:`analyse` needs of a sentence outside every pronoun's window is
    worked out: which mentions there are, their kind, gender and number (and the surnames learned);
    not their grammatical role, quotation or the words around them.
    """
    people = people_lexicon()
    tokens = tokenize(text)
    mentions: list[Mention] = []
    covered: set[int] = set()  # token indexes that belong to a thing mention
    thing_heads: set[int] = set()  # token indexes of the head nouns of thing mentions
    starts = {token.start: index for index, token in enumerate(tokens)}
    ends = {token.end: index for index, token in enumerate(tokens)}

    # Things: nouns of the lexicon heading their noun phrase.
    scan = nouns.ascii_pattern if nouns.ascii_pattern is not None and text.isascii() else nouns.pattern
    for match in scan.finditer(text):
        first, last = starts.get(match.start()), ends.get(match.end())
        if first is None or last is None:
            continue
        noun = nouns.forms.get(fold(_SPACES.sub(" ", match.group())))
        if noun is None:
            continue
        head = tokens[last]
        if noun.kind in ("country", "place") and not head.capitalised:
            continue  # "china" the porcelain, "turkey" the bird
        if noun.english in ("eu", "un", "nato", "imf") and not match.group().isupper():
            continue
        if noun.kind == "thing" and head.text[0].isupper() and first > 0 and noun.english == "bill":
            continue
        following = tokens[last + 1] if last + 1 < len(tokens) else None
        possessive = following is not None and following.text in ("'s", "’s")
        if following is not None and following.is_word and not possessive:
            lower = following.lower
            if (
                fold(lower) in nouns.heads
                or lower in people.roles
                or lower in people.role_plurals
                or lower in _COMPOUND_HEADS
                or (following.capitalised and head.capitalised and fold(lower) not in people.first_names)
            ):
                continue  # a modifier: "state budget", "party leader", "Government Office"
        if noun.verb and not head.capitalised and not _has_determiner(tokens, first):
            continue
        if (
            noun.kind == "thing"
            and not head.capitalised
            and not noun.plural
            and first > 0
            and tokens[first - 1].lower in PREPOSITIONS
        ):
            continue  # a bare singular noun after a preposition is rarely a referent ("by law", "in court")
        # the label: the noun with the capitalised name before it ("the Freedom Party")
        label_first = first
        if head.capitalised:
            while label_first > 0 and tokens[label_first - 1].capitalised and tokens[label_first - 1].is_word:
                if label_first - 1 == 0 and _common(tokens[0].text) >= 5.0:
                    break
                label_first -= 1
        for index in range(label_first, last + 1):
            covered.add(index)
        thing_heads.add(last)
        start, end = offset + tokens[label_first].start, offset + head.end
        if not detail:
            mentions.append(Mention(start, end, "thing", "", sentence, paragraph, noun=noun, plural=noun.plural))
            continue
        animate = (following is not None and following.lower == "who") or (
            following is not None
            and following.text == ","
            and last + 2 < len(tokens)
            and tokens[last + 2].lower == "who"
        )
        in_pp = _in_pp(tokens, label_first)
        mentions.append(
            Mention(
                start=start,
                end=end,
                kind="thing",
                label=text[tokens[label_first].start : head.end],
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
    capitals = [i for i, t in enumerate(tokens) if t.capitalised and t.is_word]  # where a run may start
    next_capital = 0
    while index < len(tokens):
        while next_capital < len(capitals) and (capitals[next_capital] < index or capitals[next_capital] in covered):
            next_capital += 1
        if next_capital == len(capitals):
            break
        index = capitals[next_capital]
        token = tokens[index]
        run_first = index
        run = [index]
        index += 1
        while index < len(tokens) and index not in covered:
            token = tokens[index]
            if token.is_word and token.capitalised:
                run.append(index)
            elif token.text == "." and len(tokens[index - 1].text) <= 3 and tokens[index - 1].capitalised:
                pass  # "V." "Mr." "Ms."
            elif (
                token.lower in ("von", "van", "der", "de", "la", "le", "bin")
                and index + 1 < len(tokens)
                and (tokens[index + 1].capitalised)
            ):
                pass
            else:
                break
            index += 1
        words = [tokens[i] for i in run]
        initial = any(len(t.text) == 1 for t in words)  # "K. Handziuk": an initial makes a person
        sentence_initial = all(not t.is_word and t.text in _OPENERS for t in tokens[:run_first])
        if sentence_initial and words and len(words[0].text) > 1:
            first_fold = fold(words[0].text)
            if (
                first_fold not in people.first_names
                and first_fold not in people.titles
                and words[0].lower not in people.roles
                and (
                    words[0].text in _starters()
                    or _common(words[0].text) >= 5.0
                    or (len(words) == 1 and _common(words[0].text) >= 3.3 and not _followed_by_verb(tokens, run[-1]))
                )
                and first_fold not in people.surnames
            ):
                words = words[1:]
        # titles and role words before the name
        title_gender: Gender | None = None
        titled = False
        while words and (
            fold(words[0].text) in people.titles or words[0].lower in people.roles or words[0].lower in _TITLE_MODIFIERS
        ):
            lower = fold(words[0].text)
            gender = people.titles.get(lower) or people.roles.get(words[0].lower)
            if gender:
                title_gender = gender
            titled = titled or lower in people.titles or words[0].lower in people.roles
            words = words[1:]
        # a lowercase role word just before ("spokeswoman Rasa X", "his wife Ona")
        before = run_first - 1
        if before >= 0 and tokens[before].lower in people.roles:
            attached_roles.add(before)
            titled = True
            title_gender = title_gender or people.roles[tokens[before].lower]
        names = [t.text for t in words if len(t.text) > 1 or not t.capitalised]
        names = [n for n in names if len(n) > 1 and not _ROMAN.fullmatch(n)]
        head_token = words[-1] if words else (tokens[run[-1]] if run else None)
        if head_token is None:
            continue
        if not names:
            if (titled and not sentence_initial) or (titled and run):
                # a capitalised role alone: "the President said"
                role_words = [tokens[i] for i in run if tokens[i].lower in people.roles]
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
                            starts,
                            detail,
                        )
                    )
            continue
        folded_names = [fold(n) for n in names]
        if all(n in people.not_names for n in folded_names):
            continue
        weak = title_gender == "m" and any(fold(t.text) in ("mr",) for t in tokens[run_first : run_first + 2])
        verdict = name_gender(names, title_gender, known, weak_title=weak)
        first_token = words[0]
        last_index = starts[head_token.start]
        first_index = starts[first_token.start]
        if (
            verdict.cue == "surname"
            and verdict.confidence < 0.75
            and len(names) == 1
            and not titled
            and not initial
            and (_in_pp(tokens, starts[words[0].start]))
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
                        first_token,
                        head_token,
                        None,
                        None,
                        0.0,
                        "",
                        tokens,
                        quotes,
                        starts,
                        detail,
                    )
                )
                continue  # "a Palestinian", "the Lithuanian": a person of unknown gender
            possessive = last_index + 1 < len(tokens) and tokens[last_index + 1].text in ("'s", "’s")
            if any(n in people.not_names for n in folded_names) or _common(names[0]) >= 5.0:
                continue
            if _in_pp(tokens, first_index) and not possessive:
                continue  # "in Prague", "from Minsk": a place
            following = tokens[last_index + 1] if last_index + 1 < len(tokens) else None
            if (
                following is not None
                and following.is_word
                and not following.capitalised
                and not _is_verbish(following)
                and following.lower not in _ADVERBS
                and following.lower not in _FUNCTION
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
            first_token,
            head_token,
            verdict.gender,
            None,
            verdict.confidence,
            verdict.cue or ("title" if titled else ""),
            tokens,
            quotes,
            starts,
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
    vocabulary = people.role_words
    for position, token in [(i, t) for i, t in enumerate(tokens) if t.lower in vocabulary]:
        if position in attached_roles or position in covered or not token.is_word or token.capitalised:
            continue
        lower = token.lower
        if lower in people.roles:
            singular, plural = lower, False
        elif lower in people.role_plurals:
            singular, plural = people.role_plurals[lower], True
        else:
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if (
            following is not None
            and following.is_word
            and (
                following.lower in people.roles
                or following.lower in people.role_plurals
                or fold(following.lower) in nouns.heads
            )
        ):
            continue  # "party leader" is a leader; "police officer" is an officer
        if following is not None and following.is_word and following.capitalised:
            continue  # a title: the name's mention has it
        if singular in _AMBIGUOUS_ROLES and not _has_determiner(tokens, position):
            continue
        gender = people.roles[singular]
        mention = _person(
            text,
            offset,
            sentence,
            paragraph,
            token,
            token,
            gender,
            None,
            0.9 if gender else 0.0,
            "role",
            tokens,
            quotes,
            starts,
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
    first: Token,
    head: Token,
    gender: Gender | None,
    title_gender: Gender | None,
    confidence: float,
    cue: str,
    tokens: list[Token],
    quotes: tuple[tuple[int, int], ...],
    starts: dict[int, int],
    detail: bool = True,
) -> Mention:
    start, end = offset + first.start, offset + head.end
    label = text[first.start : head.end]
    if not detail:
        return Mention(start, end, "person", label, sentence, paragraph, gender or title_gender, confidence, cue)
    first_index, last_index = starts[first.start], starts[head.start]
    following = tokens[last_index + 1] if last_index + 1 < len(tokens) else None
    in_pp = _in_pp(tokens, first_index)
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
        subject=not in_pp and _is_subject(tokens, first_index, last_index),
        in_pp=in_pp,
        possessive=following is not None and following.text in ("'s", "’s"),
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
    text: str, offset: int, sentence: int, paragraph: int, quotes: tuple[tuple[int, int], ...]
) -> list[Pronoun]:
    matches = list(PRONOUN_PATTERN.finditer(text))
    if not matches:
        return []
    found = []
    generic_spans = [(m.start(), m.end()) for m in _GENERIC.finditer(text)]
    for match in matches:
        if any(s <= match.start() < e for s, e in generic_spans):
            continue  # "he or she", "his/her": generic
        word = match.group().lower()
        gender, role = PRONOUNS[word]
        if word == "her":
            rest = text[match.end() :].lstrip()
            following = _TOKEN.match(rest)
            if following and following.group()[0].isalpha() and following.group().lower() not in _AFTER_OBJECT:
                role = "possessive"
        start, end = offset + match.start(), offset + match.end()
        found.append(
            Pronoun(start, end, match.group(), gender, role, sentence, paragraph, _quote_of(quotes, start, end))
        )
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
    earlier_compatible: bool,
    next_word: str,
) -> Verdict | None:
    """The verdict on one pronoun, given its candidates ``(mention, recency weight, same sentence)``."""
    if not candidates:
        return None
    scored = [(score(m, pronoun, w, same), m) for m, w, same in candidates]
    best_compatible = max((s for s, m in scored if compatible(m, pronoun)), default=None)
    explaining = [(s, m, explains(m, pronoun)) for s, m in scored]
    explaining = [(s, m, r) for s, m, r in explaining if r]
    if not explaining:
        return None
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


def _may_tell_gender(text: str, known: dict[str, Gender | None]) -> bool:
    """Whether the sentence may name someone of known gender or teach (or unteach) a surname.

    The gender of a person mention comes from a gendered title or role word, the gazetteer, a first
    name, a surname met earlier (``known``) or the surname's ending (:func:`name_gender`), and a
    surname is learned only from a gendered name: a sentence with none of these words names nobody of
    known gender and teaches nothing.
    """
    words = _tokens_of(text).findall(text)
    if any(map(_gender_cue, words)):
        return True
    return bool(known) and any(fold(word) in known for word in words if word[0].isupper())


_PRONOUN_EDGE = regex.compile(r"[\p{L}\p{M}\d/()-]")


def _may_have_pronoun(text: str, hits: list[int], start: int, end: int) -> bool:
    """Whether :func:`find_pronouns` may find a pronoun in ``text[start:end]``.

    ``hits`` are the starts of the matches of ``PRONOUN_PATTERN`` in the whole text: a sentence with
    none has none of its own either, unless a character next to it is one the pattern's lookarounds
    look at (then the sentence alone, without that character, may match).
    """
    at = bisect_left(hits, start)
    if at < len(hits) and hits[at] < end:
        return True
    return (start > 0 and _PRONOUN_EDGE.match(text, start - 1) is not None) or (
        end < len(text) and _PRONOUN_EDGE.match(text, end) is not None
    )


def analyse(
    text: str,
    paragraphs: Iterable[Any],
    nouns: NounLexicon,
    quotes: tuple[tuple[int, int], ...],
) -> list[Verdict]:
    """Every pronoun of the document whose likely antecedent makes it a Lithuanian-gender artifact.

    ``paragraphs`` are :class:`mtcheck.model.Paragraph` objects; ``text`` is the checked text.
    """
    known: dict[str, Gender | None] = {}
    mentions: dict[int, list[Mention]] = {}
    pronouns: list[Pronoun] = []
    layout: list[tuple[int, list[int], bool]] = []  # paragraph index, sentence indexes, ends with "?"
    in_order: list[tuple[Any, int]] = []  # every sentence, with its paragraph index
    last_with_pronoun = -1
    hits = [match.start() for match in PRONOUN_PATTERN.finditer(text)]
    for paragraph in paragraphs:
        indexes = []
        for sentence in paragraph.sentences:
            found = (
                find_pronouns(
                    text[sentence.start : sentence.end], sentence.start, sentence.index, paragraph.index, quotes
                )
                if _may_have_pronoun(text, hits, sentence.start, sentence.end)
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
    elsewhere: list[Mention] = []
    for sentence, paragraph_index in in_order[: last_with_pronoun + 1]:
        sentence_text = text[sentence.start : sentence.end]
        if sentence.index in in_windows:
            mentions[sentence.index] = sentence_mentions(
                sentence_text, sentence.start, sentence.index, paragraph_index, nouns, known, quotes
            )
        elif _may_tell_gender(sentence_text, known):
            elsewhere.extend(
                sentence_mentions(
                    sentence_text, sentence.start, sentence.index, paragraph_index, nouns, known, quotes, detail=False
                )
            )
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
        earlier = pronoun.gender in earlier_genders  # someone of the pronoun's gender was named before
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

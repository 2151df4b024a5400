"""People and their gender: the gazetteer, first names, surname morphology, titles and role words.

Used by the pronoun-gender rules (:mod:`mtcheck.rules.pronouns`) through :mod:`mtcheck.antecedents`.
The knowledge is data (``data/people.toml``, ``data/first_names.toml``); this module compiles it and
answers one question: given a capitalised name (and the title before it), what is the person's
gender, and how sure are we?

Gender cues, strongest first: a gendered title (Mr, Ms, spokeswoman), the gazetteer (full name, then
the surname alone when no person of the other gender shares it), the first name, and the surname's
morphology (Lithuanian -ienė/-aitė/-ytė/-utė/-iūtė female; -as/-is/-ys/-us/-ius male; Slavic
-ova/-eva/-ina/-skaya/-ska female, -ov/-ev/-in/-sky/-ski male; -enko/-uk/-chuk tell nothing).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

Gender = str  # "f" or "m"

# Letters that NFD does not decompose into a base letter and a combining mark.
_FOLD_EXTRA = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "’": "'"})


# The combining diacritics (U+0300-U+036F with a nonzero combining class): deleted by one translate.
_DIACRITICS = {code: None for code in range(0x300, 0x370) if unicodedata.combining(chr(code))}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase without diacritics: ``fold("Šimonytė") == "simonyte"``."""
    lower = text.lower()
    if lower.isascii():
        return lower  # nothing to translate, decompose or drop
    decomposed = unicodedata.normalize("NFD", lower.translate(_FOLD_EXTRA)).translate(_DIACRITICS)
    if decomposed.isascii():
        return decomposed  # (ASCII characters do not combine)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class PeopleLexicon:
    full_names: dict[str, Gender]  # folded full name -> gender
    surnames: dict[str, Gender | None]  # folded surname -> gender (None: people of both genders)
    first_names: dict[str, Gender]  # folded first name -> gender
    titles: dict[str, Gender]  # folded title (Mr, Ms, Lady) -> gender
    roles: dict[str, Gender | None]  # role word (lowercase, singular) -> gender or None (neutral)
    role_plurals: dict[str, str]  # plural form -> singular role word
    not_names: frozenset[str]  # folded capitalised words that never name a person
    role_words: frozenset[str] = frozenset()  # every key of ``roles`` and ``role_plurals``


def _plural(word: str) -> str:
    if word.endswith(("man",)) and not word.endswith(("human", "german", "shaman")):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("child"):
        return word + "ren"
    if word == "person":
        return "people"
    if word.endswith("wife"):
        return word[:-2] + "ves"
    return word + "s"


def _compile_people(raw: dict[str, Any], first: dict[str, Any]) -> PeopleLexicon:
    from mtcheck.lexicons import LexiconError, validate_entries

    errors = validate_entries("people.toml", raw.get("entry", []), {"gender": str, "names": list}, {"note": str})
    errors += validate_entries(
        "first_names.toml", first.get("entry", []), {"gender": str, "names": list}, {"note": str}
    )
    for entry in [*raw.get("entry", []), *first.get("entry", [])]:
        if isinstance(entry, dict) and entry.get("gender") not in ("f", "m"):
            errors.append(f"people: gender must be 'f' or 'm', not {entry.get('gender')!r}")
    if errors:
        raise LexiconError(errors)
    no_alone = {fold(word) for word in raw.get("no_surname_alone", [])}
    full: dict[str, Gender] = {}
    surnames: dict[str, Gender | None] = {}
    for entry in raw.get("entry", []):
        for name in entry["names"]:
            full[fold(name)] = entry["gender"]
            surname = fold(name.split()[-1])
            if surname in no_alone:
                continue
            if surname in surnames and surnames[surname] != entry["gender"]:
                surnames[surname] = None
            else:
                surnames.setdefault(surname, entry["gender"])
    first_names: dict[str, Gender] = {}
    for entry in first.get("entry", []):
        for name in entry["names"]:
            first_names[fold(name)] = entry["gender"]
    titles = {fold(t).rstrip("."): "f" for t in raw.get("female_titles", [])}
    titles.update({fold(t).rstrip("."): "m" for t in raw.get("male_titles", [])})
    roles: dict[str, Gender | None] = {word.lower(): None for word in raw.get("neutral_roles", [])}
    roles.update({word.lower(): "f" for word in raw.get("female_roles", [])})
    roles.update({word.lower(): "m" for word in raw.get("male_roles", [])})
    plurals = {_plural(word): word for word in roles if word not in ("people", "women", "men")}
    for word in ("people", "women", "men"):
        roles.pop(word, None)
        plurals[word] = {"people": "person", "women": "woman", "men": "man"}[word]
    return PeopleLexicon(
        full_names=full,
        surnames=surnames,
        first_names=first_names,
        titles=titles,
        roles=roles,
        role_plurals=plurals,
        not_names=frozenset(fold(word) for word in raw.get("not_names", [])),
        role_words=frozenset(roles) | frozenset(plurals),
    )


@lru_cache(maxsize=1)
def people_lexicon() -> PeopleLexicon:
    from mtcheck.lexicons import bundled

    return _compile_people(bundled("people"), bundled("first_names"))


_LT_FEMALE = ("ienė", "aitė", "ytė", "utė", "iūtė", "iene", "aite", "yte", "ute", "iute")


def surname_gender(surname: str) -> tuple[Gender | None, float]:
    """The gender a surname's ending tells, with a confidence (``(None, 0)`` when it tells nothing)."""
    word = surname.split("-")[-1]
    if len(word) < 4:
        return None, 0.0
    lower = word.lower()
    if lower.endswith(_LT_FEMALE):
        return "f", 0.95
    folded = fold(lower)
    if folded.endswith(("enko", "chuk", "iuk", "uk")):
        return None, 0.0
    if lower.endswith(("ius", "ys", "ūnas", "ėnas", "auskas", "evičius", "avičius")):
        return "m", 0.85
    if folded.endswith(("skaya", "skaja", "tskaya", "ckaya", "ovna", "evna")):
        return "f", 0.9
    if folded.endswith(("ova", "eva", "yova")):
        return "f", 0.85
    if folded.endswith(("sky", "skiy", "skyi", "skii")):
        return "m", 0.85
    if folded.endswith(("ska", "cka")):
        return "f", 0.8
    if folded.endswith(("ski", "cki")):
        return "m", 0.8
    if folded.endswith(("ov", "ev")):
        return "m", 0.8
    if folded.endswith(("as", "us")):
        return "m", 0.75  # Lithuanian -as/-us; English surnames in -as/-us are rare
    if folded.endswith(("ina", "yna")):
        return "f", 0.6
    if folded.endswith(("in", "yn")):
        return "m", 0.55
    if folded.endswith("is"):
        return "m", 0.55  # Lithuanian -is, but English Davis, Harris
    return None, 0.0


@dataclass(frozen=True, slots=True)
class NameGender:
    gender: Gender | None
    confidence: float
    cue: str  # what told the gender: "title", "gazetteer", "first name", "surname", "" (nothing)


def name_gender(
    names: list[str],
    title_gender: Gender | None = None,
    known: dict[str, Gender | None] | None = None,
    weak_title: bool = False,
) -> NameGender:
    """The gender of the person called ``names`` (the capitalised words after any title).

    ``weak_title``: the title is "Mr", which machine translation also writes for Lithuanian women
    ("p." is both ponas and ponia), so a strong name cue wins over it.
    ``known`` maps folded surnames to the gender of a person of that surname met earlier in the same
    article ("Eglė Paulauskaitė ... Paulauskaitė said").
    """
    if not names:
        return NameGender(title_gender, 0.98 if title_gender else 0.0, "title" if title_gender else "")
    by_name = _name_gender(names, known)
    if title_gender == "m" and weak_title:
        # Lithuanian "p." (ponas / ponia) is written "Mr" by machine translation for women too
        if by_name.gender == "f" and by_name.confidence >= 0.9:
            return by_name
        if by_name.gender == "m":
            return NameGender("m", max(by_name.confidence, 0.9), by_name.cue)
        return NameGender("m", 0.7, "title")
    if title_gender:
        return NameGender(title_gender, 0.98, "title")
    return by_name


def _name_gender(names: list[str], known: dict[str, Gender | None] | None) -> NameGender:
    by_gazetteer, full, surname, by_name = _name_gender_alone(tuple(names))
    if by_gazetteer is not None:
        return by_gazetteer
    if known and len(names) >= 2:
        # the end of a longer name met earlier: "Jose Maria Robles Fraga" ... "Maria Robles Fraga"
        suffix = " " + full
        for key, gender in known.items():
            if key.startswith("=") and key.endswith(suffix) and gender:
                return NameGender(gender, 0.95, "article")
    if len(names) == 1 and known is not None and surname in known:
        gender = known[surname]
        return NameGender(gender, 0.95 if gender else 0.0, "article")
    return by_name


@lru_cache(maxsize=16384)
def _name_gender_alone(names: tuple[str, ...]) -> tuple[NameGender | None, str, str, NameGender]:
    """What :func:`_name_gender` finds without the article: the full name in the gazetteer (``None`` if
    it is not there), the folded full name and surname, and the verdict of the other cues (which the
    article's cues, looked at between the two, would override)."""
    lexicon = people_lexicon()
    full = fold(" ".join(names))
    surname = fold(names[-1])
    if full in lexicon.full_names:
        return NameGender(lexicon.full_names[full], 0.97, "gazetteer"), full, surname, NameGender(None, 0.0, "")
    return None, full, surname, _other_cues(names, surname, lexicon)


def _other_cues(names: tuple[str, ...], surname: str, lexicon: PeopleLexicon) -> NameGender:
    if len(names) >= 2:
        first = fold(names[0])
        if first in lexicon.first_names:
            return NameGender(lexicon.first_names[first], 0.93, "first name")
    if surname in lexicon.surnames:
        gender = lexicon.surnames[surname]
        return NameGender(gender, 0.9 if gender else 0.0, "gazetteer")
    if len(names) == 1 and surname in lexicon.first_names:
        return NameGender(lexicon.first_names[surname], 0.85, "first name")  # "Albert II", "Jamala"
    gender, confidence = surname_gender(names[-1])
    if gender:
        return NameGender(gender, confidence, "surname")
    return NameGender(None, 0.0, "")

"""Numbers, amounts, percentages, dates and times in Lithuanian and English text, with their spans.

:func:`lithuanian` and :func:`english` return :class:`Mention` objects whose values are normalised so
that the two languages can be compared as multisets:

* Lithuanian formats: decimal comma ("4,5" = 4.5), thousands with a space or a dot ("10 000",
  "10.000"), scale abbreviations and words ("10 tūkst." = 10,000; "1,5 mln." = 1.5 million; "2,751
  mln. Eur" = 2.751 million; "mlrd." = billion), dates ("2020 m. rugsėjo 14 d." = the year 2020 and
  the date 14 September), times ("14.30 val." = 14:30), numbers written as words in any case
  ("du", "dvi", "dviejų" = 2; "penkių" = 5; "šimtas" = 100; "tūkstantis" = 1000; "pusė" = 0.5).
* English formats: thousands with a comma ("160,000"), decimal point, scale words and suffixes
  ("1.4 million", "€5m", "2bn"), dates ("14 September", "September 14th"), times ("2.30 pm",
  "14:30"), ordinals ("11th"), numbers as words ("two", "twenty-five", "a dozen", "half").
  A Lithuanian decimal comma kept in English ("4,5 percent") is read as the decimal it means, and
  marked (``decimal_comma``) for the rule that flags it.

Numbers written as words are *soft* mentions: they can match a number on the other side but are never
reported as missing themselves (word numbers are paraphrased too freely: "both", "a couple", "one of").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

_SPACE = "[ \u00a0\u202f\u2009]"


@dataclass(frozen=True, slots=True)
class Mention:
    """A number in a text: ``text[start:end]``, its possible values, kind and how it was written."""

    start: int
    end: int
    values: tuple[float, ...]
    kind: str = "num"  # "num", "date" (value = month * 100 + day), "time" (value = minutes after midnight)
    soft: bool = False  # written as a word: matches, but is never reported missing
    percent: bool = False
    decimal_comma: bool = False  # an English text with a Lithuanian decimal comma ("4,5")
    text: str = ""

    @property
    def value(self) -> float:
        return self.values[0]

    def display(self) -> str:
        if self.kind == "date":
            month, day = divmod(int(self.value), 100)
            return f"{day} {EN_MONTHS[month - 1]}"
        if self.kind == "time":
            hours, minutes = divmod(int(self.value), 60)
            return f"{hours:02d}:{minutes:02d}"
        return format_value(self.value) + ("%" if self.percent else "")


def format_value(value: float) -> str:
    if value >= 1e9 and value % 1e7 == 0:
        return f"{value / 1e9:g} billion"
    if value >= 1e6 and value % 1e4 == 0:
        return f"{value / 1e6:g} million"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:g}"


EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Lithuanian month names in the genitive, as used in dates ("rugsėjo 14 d.").
LT_MONTHS_GEN = (
    "sausio",
    "vasario",
    "kovo",
    "balandžio",
    "gegužės",
    "birželio",
    "liepos",
    "rugpjūčio",
    "rugsėjo",
    "spalio",
    "lapkričio",
    "gruodžio",
)
_EN_MONTH_ABBR = {name[:3].lower(): index + 1 for index, name in enumerate(EN_MONTHS)} | {"sept": 9}

# --- shared numeral scanning -------------------------------------------------------------------------

# A numeral: digits with separators (comma, dot or a space before a group of exactly three digits).
_NUMERAL = re.compile(
    r"(?<![\w.,])(?<![^\W\d]-)"
    r"(\d+(?:(?:[,.]|" + _SPACE + r"(?=\d{3}(?!\d)))\d+)*)"
)
# what may directly follow a numeral that we keep: nothing alphabetic except known suffixes
_EN_SUFFIX = re.compile(r"(?:st|nd|rd|th|s|m|bn|k|mn|km|kg|cm|mm|ml|h|pm|am|ha|kw|mw|gw|t)\b", re.IGNORECASE)


def _letter_after(text: str, end: int) -> bool:
    return end < len(text) and text[end].isalpha()


def _split_groups(raw: str) -> list[tuple[int, str]]:
    """Split a numeral whose space-separated groups are not a thousands grouping ("2019 100")."""
    parts = re.split(_SPACE, raw)
    if len(parts) == 1:
        return [(0, raw)]
    first = re.split(r"[,.]", parts[0])[0]
    if len(first) <= 3 and all(re.fullmatch(r"\d{3}(?:[,.]\d+)?", part) for part in parts[1:]):
        return [(0, raw)]
    found, offset = [], 0
    for part in parts:
        found.append((offset, part))
        offset += len(part) + 1
    return found


def _numerals(text: str, free: Callable[[int, int], bool]) -> Iterator[tuple[int, int, str]]:
    """Start, end and text of each numeral group of ``text`` whose span ``free`` still allows."""
    for match in _NUMERAL.finditer(text):
        for offset, raw in _split_groups(match.group(1)):
            start = match.start(1) + offset
            end = start + len(raw)
            if free(start, end):
                yield start, end, raw


def _lt_value(raw: str) -> tuple[float, ...] | None:
    """Value of a Lithuanian numeral: comma = decimal, space or dot before three digits = thousands."""
    compact = re.sub(_SPACE, "", raw)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", compact):
        compact = compact.replace(".", "")
    if compact.count(",") > 1 or compact.count(".") > 1:
        return None
    try:
        value = float(compact.replace(",", "."))
    except ValueError:
        return None
    return (value,)


def _en_value(raw: str) -> tuple[tuple[float, ...], bool] | None:
    """Value(s) of an English numeral and whether it has a Lithuanian decimal comma."""
    compact = re.sub(_SPACE, "", raw)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", compact):
        value = float(compact.replace(",", ""))
        if compact.count(",") == 1 and "." not in compact:
            # "2,751" is 2751, or 2.751 written the Lithuanian way: both readings stay possible
            return (value, float(compact.replace(",", "."))), False
        return (value,), False
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact):
        # "118.000": a Lithuanian thousands dot kept, or a decimal; both readings stay possible
        return (float(compact), float(compact.replace(".", ""))), False
    if re.fullmatch(r"\d+,\d+", compact):
        return (float(compact.replace(",", ".")),), True
    if re.fullmatch(r"\d+(?:\.\d+)?", compact):
        return (float(compact),), False
    return None


# --- Lithuanian ---------------------------------------------------------------------------------------

_LT_SCALE = re.compile(
    r"\s*(tūkst\.?|tūkstanč\w*|tūkstant\w*|mln\.?|milijon\w*|mlrd\.?|milijard\w*|trln\.?|trilijon\w*)(?!\w)",
    re.IGNORECASE,
)
_LT_PERCENT = re.compile(r"\s*(?:%|proc\.|procent\w*)", re.IGNORECASE)
_LT_DATE = re.compile(
    r"(?<!\w)(" + "|".join(LT_MONTHS_GEN) + r")" + _SPACE + r"?(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?!\d)"
    r"(?:\s*d\.|-?[^\W\d]+)?",
    re.IGNORECASE,
)
_LT_TIME = re.compile(r"(?<![\d.,])(\d{1,2})(?:[.:](\d{2}))?\s*val\.(?:\s*(\d{1,2})\s*min\.?)?", re.IGNORECASE)
_LT_TIME_BARE = re.compile(r"(?<![\d.,])([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d)(?![,.]\d)")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-.](\d{2})[-.](\d{2})(?!\d)")


# Letters the stdlib ``re`` matches to an ASCII letter ignoring case, where ``lower()`` does not give that
# letter: dotless ı and dotted İ (its lowercase is "i" + a combining dot) match "i", long ſ matches "s".
# (The Kelvin sign K lowercases to "k" already.) Table keys are looked up with :func:`_key`.
_CASE_VARIANTS = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})


def _key(word: str) -> str:
    """The lowercase table key of a word that a case-insensitive pattern of the table's words matched."""
    return word.translate(_CASE_VARIANTS).lower()


def _scale_lt(word: str) -> float:
    word = word.lower()
    if word.startswith("tūkst"):
        return 1e3
    if word.startswith(("mln", "milijon")):
        return 1e6
    if word.startswith(("mlrd", "milijard")):
        return 1e9
    return 1e12


# Lithuanian number words: a stem and its case endings (all genders), value.
_LT_UNITS_4_9 = {"ketur": 4, "penk": 5, "šeš": 6, "septyn": 7, "aštuon": 8, "devyn": 9}
_LT_TEENS = {
    "vienuo": 11,
    "dvy": 12,
    "try": 13,
    "keturio": 14,
    "penkio": 15,
    "šešio": 16,
    "septynio": 17,
    "aštuonio": 18,
    "devynio": 19,
}
_LT_TENS = {
    "dvi": 20,
    "tris": 30,
    "keturias": 40,
    "penkias": 50,
    "šešias": 60,
    "septynias": 70,
    "aštuonias": 80,
    "devynias": 90,
}
_LT_ORDINAL_STEMS = {
    "antr": 2,
    "treč": 3,
    "ketvirt": 4,
    "penkt": 5,
    "šešt": 6,
    "septint": 7,
    "aštunt": 8,
    "devint": 9,
    "dešimt": 10,
    "vienuolikt": 11,
    "dvylikt": 12,
}
_LT_ORDINAL_ENDINGS = (
    "as|o|am|ą|u|ame|ieji|ų|iems|us|ais|uose|a|os|ai|oje|ų|oms|as|omis|ose|asis|ojo|ajam|ąjį|uoju|ajame|"
    "oji|osios|ajai|ąją|ąja|ojoje|ųjų|iesiems|uosius|aisiais|uosiuose|osioms|ąsias|osiomis|osiose|i|ąjį"
)


@lru_cache(maxsize=1)
def _lt_words() -> tuple[re.Pattern[str], dict[str, float]]:
    table: dict[str, float] = {
        "du": 2,
        "dvi": 2,
        "dviejų": 2,
        "dviem": 2,
        "dvejų": 2,
        "dvejus": 2,
        "trys": 3,
        "trijų": 3,
        "trims": 3,
        "tris": 3,
        "trimis": 3,
        "trijuose": 3,
        "trejus": 3,
        "trejų": 3,
        "dešimt": 10,
        "dešimties": 10,
        "dešimčiai": 10,
        "dešimčia": 10,
        "šimtas": 100,
        "šimto": 100,
        "šimtą": 100,
        "šimtui": 100,
        "šimtu": 100,
        "tūkstantis": 1e3,
        "tūkstančio": 1e3,
        "tūkstantį": 1e3,
        "tūkstančiu": 1e3,
        "milijonas": 1e6,
        "milijono": 1e6,
        "milijoną": 1e6,
        "milijardas": 1e9,
        "milijardą": 1e9,
        "pusė": 0.5,
        "pusę": 0.5,
        "pusės": 0.5,
        "pusei": 0.5,
        "puse": 0.5,
        "pusantro": 1.5,
        "pusantros": 1.5,
        "pusantrų": 1.5,
        "pusantrą": 1.5,
        "tuzinas": 12,
        "tuziną": 12,
        "tuzino": 12,
        # collective numerals ("penkerių metų" = five years) and "para" (a day and night: 24 hours)
        "dveji": 2,
        "dvejiems": 2,
        "treji": 3,
        "trejiems": 3,
        "para": 24,
        "parą": 24,
        "paros": 24,
    }
    for stem, value in {"ketver": 4, "penker": 5, "šešer": 6, "septyner": 7, "aštuoner": 8, "devyner": 9}.items():
        for ending in ("i", "ių", "iems", "ius", "iais", "iuose", "ias", "ios", "ioms", "iomis"):
            table[stem + ending] = value
    for stem, value in _LT_UNITS_4_9.items():
        for ending in ("i", "ios", "ių", "iems", "ioms", "is", "ias", "iais", "iomis", "iuose", "iose"):
            table[stem + ending] = value
    for stem, value in _LT_TEENS.items():
        for ending in ("lika", "likos", "likai", "lika", "likoje"):
            table[stem + ending] = value
    for stem, value in _LT_TENS.items():
        for ending in ("dešimt", "dešimties", "dešimčiai", "dešimčia"):
            table[stem + ending] = value
    for stem, value in _LT_ORDINAL_STEMS.items():
        for ending in _LT_ORDINAL_ENDINGS.split("|"):
            table.setdefault(stem + ending, value)
    table["pirmas"] = table["pirmasis"] = table["pirmoji"] = 1
    words = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)
    return pattern, table


class _Collector:
    """Mentions found so far, and whether a span is still free (patterns run from the most specific)."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.taken.append((mention.start, mention.end))


def _start(text: str) -> tuple[list[Mention], Callable[[int, int], bool], Callable[[Mention], None]]:
    """A collector with the ISO dates ("2020-09-14") of ``text`` already in: they read the same in both
    languages. Returns its mentions list and its ``free`` and ``add`` functions."""
    collector = _Collector()
    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            collector.add(Mention(match.start(1), match.end(1), (float(year),), text=match.group(1)))
            collector.add(
                Mention(match.start(2), match.end(), (month * 100.0 + day,), "date", text=match.group(0))
            )
    return collector.mentions, collector.free, collector.add


def lithuanian(text: str) -> list[Mention]:
    """Numbers in a Lithuanian text."""
    mentions, free, add = _start(text)
    for match in _LT_DATE.finditer(text):
        if not free(match.start(), match.end(2)):
            continue
        month = LT_MONTHS_GEN.index(match.group(1).lower()) + 1
        if match.group(3):  # "lapkričio 5-13 dienomis": two dates
            first, last = int(match.group(2)), int(match.group(3))
            add(Mention(match.start(), match.end(2), (month * 100.0 + first,), "date", text=match.group(0)))
            add(Mention(match.start(3), match.end(), (month * 100.0 + last,), "date", text=match.group(0)))
            continue
        day = int(match.group(2))
        if 1 <= day <= 31:
            add(Mention(match.start(), match.end(), (month * 100.0 + day,), "date", text=match.group(0)))
    for match in _LT_TIME.finditer(text):
        if free(match.start(), match.end()):
            hours, minutes = int(match.group(1)), int(match.group(2) or match.group(3) or 0)
            if hours <= 24 and minutes < 60:
                add(Mention(match.start(), match.end(), (hours * 60.0 + minutes,), "time", text=match.group(0)))
    for match in _LT_TIME_BARE.finditer(text):
        if (
            free(match.start(), match.end())
            and not _LT_SCALE.match(text, match.end())
            and not _LT_PERCENT.match(text, match.end())
        ):
            hours, minutes = int(match.group(1)), int(match.group(2))
            add(Mention(match.start(), match.end(), (hours * 60.0 + minutes,), "time", text=match.group(0)))
    for start, end, raw in _numerals(text, free):
        if end < len(text) and text[end].isalpha():
            continue  # "5G", "3D": part of a name
        values = _lt_value(raw)
        if values is None:
            continue
        scale = _LT_SCALE.match(text, end)
        percent = _LT_PERCENT.match(text, end)
        if scale:
            factor = _scale_lt(scale.group(1))
            values = tuple(value * factor for value in values)
            end = scale.end()
        elif percent:
            end = percent.end()
        add(Mention(start, end, values, percent=bool(percent), text=text[start:end]))
    _words(text, mentions, free, add, *_lt_words(), scale_pattern=_LT_SCALE, scale_fn=_scale_lt)
    mentions.sort(key=lambda m: m.start)
    return mentions


# --- English ------------------------------------------------------------------------------------------

_EN_SCALE = re.compile(r"(?:\s*(thousand|million|billion|trillion|mln|bln)\b|\s?(bn|mn|tn)\b)", re.IGNORECASE)
_EN_SCALE_M = re.compile(r"(m|k)\b")  # "€5m", "$20k": only after a currency sign
_EN_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pct\b|proc\.)", re.IGNORECASE)
_MONTH_EN = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_EN_DATE_DM = re.compile(
    r"(?<![\d.,])(?:(\d{1,2})(?:st|nd|rd|th)?\s*[-–]\s*)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_EN + r"(?!\w)"
)
_EN_DATE_MD = re.compile(r"(?<!\w)" + _MONTH_EN + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d\w])")
_EN_TIME = re.compile(
    r"(?<![\d.,])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?(?!\w)|(?<![\d.,])(\d{1,2}):(\d{2})(?![\d])",
    re.IGNORECASE,
)

_EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_EN_OTHER = {
    "hundred": 100,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "dozen": 12,
    "half": 0.5,
    "twice": 2,
    "double": 2,
    "both": 2,
    "centenary": 100,
    "centennial": 100,
    "decade": 10,
}


@lru_cache(maxsize=1)
def _en_words() -> tuple[re.Pattern[str], dict[str, float]]:
    table: dict[str, float] = {**_EN_UNITS, **_EN_TENS, **_EN_ORDINALS, **_EN_OTHER}
    for ten, tens_value in _EN_TENS.items():
        for unit, unit_value in _EN_UNITS.items():
            if 1 <= unit_value <= 9:
                table[f"{ten}-{unit}"] = tens_value + unit_value
    words = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.IGNORECASE)
    return pattern, table


def _scale_en(word: str) -> float:
    word = word.lower()
    if word in ("thousand", "k"):
        return 1e3
    if word in ("million", "mln", "mn", "m"):
        return 1e6
    if word in ("billion", "bn", "bln"):
        return 1e9
    return 1e12


def _month_en(name: str) -> int:
    name = _key(name)
    return _EN_MONTH_ABBR[name.rstrip(".")[:4] if name.startswith("sept") else name[:3]]


def english(text: str) -> list[Mention]:
    """Numbers in an English text."""
    mentions, free, add = _start(text)
    for match in _EN_DATE_DM.finditer(text):
        day, month = int(match.group(2)), _month_en(match.group(3))
        if not (1 <= day <= 31 and free(match.start(), match.end())):
            continue
        if match.group(1):  # "11-13 November": two dates
            add(
                Mention(
                    match.start(), match.end(1), (month * 100.0 + int(match.group(1)),), "date", text=match.group(0)
                )
            )
            add(Mention(match.start(2), match.end(), (month * 100.0 + day,), "date", text=match.group(0)))
        else:
            add(Mention(match.start(), match.end(), (month * 100.0 + day,), "date", text=match.group(0)))
    for match in _EN_DATE_MD.finditer(text):
        month, day = _month_en(match.group(1)), int(match.group(2))
        if 1 <= day <= 31 and free(match.start(), match.end()):
            add(Mention(match.start(), match.end(), (month * 100.0 + day,), "date", text=match.group(0)))
    for match in _EN_TIME.finditer(text):
        if not free(match.start(), match.end()):
            continue
        if match.group(1):
            hours, minutes = int(match.group(1)), int(match.group(2) or 0)
            if match.group(3).lower() == "p" and hours < 12:
                hours += 12
            if match.group(3).lower() == "a" and hours == 12:
                hours = 0
        else:
            hours, minutes = int(match.group(4)), int(match.group(5))
        if hours <= 24 and minutes < 60:
            add(Mention(match.start(), match.end(), (hours * 60.0 + minutes,), "time", text=match.group(0)))
    for start, end, raw in _numerals(text, free):
        currency = start > 0 and text[start - 1] in "€$£"
        suffix = _EN_SUFFIX.match(text, end) if _letter_after(text, end) else None
        if _letter_after(text, end) and suffix is None:
            continue  # "5G", "3D"
        parsed = _en_value(raw)
        if parsed is None:
            continue
        values, decimal_comma = parsed
        scale = _EN_SCALE.match(text, end)
        scale_word = scale.group(1) or scale.group(2) if scale else None
        if scale is None and currency:
            scale = _EN_SCALE_M.match(text, end)
            scale_word = scale.group(1) if scale else None
        percent = _EN_PERCENT.match(text, end)
        if scale is not None and scale_word:
            factor = _scale_en(scale_word)
            values = tuple(value * factor for value in values)
            end = scale.end()
        else:
            if len(values) > 1 and not percent and "," in raw:
                values = values[:1]  # "1,500 people": thousands
            if percent:
                end = percent.end()
            elif suffix is not None and suffix.group(0).lower() in ("st", "nd", "rd", "th"):
                end = suffix.end()
        if len(values) > 1 and "," in raw:
            decimal_comma = True  # "2,751 million", "1,500 percent": a Lithuanian decimal comma
        decade = suffix is not None and suffix.group(0).lower() == "s"  # "the 1970s": a paraphrase
        add(
            Mention(
                start,
                end,
                values,
                soft=decade,
                percent=bool(percent),
                decimal_comma=decimal_comma,
                text=text[start:end],
            )
        )
    _words(text, mentions, free, add, *_en_words(), scale_pattern=_EN_SCALE, scale_fn=_scale_en)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _words(
    text: str,
    mentions: list[Mention],
    free: object,
    add: object,
    pattern: re.Pattern[str],
    table: dict[str, float],
    *,
    scale_pattern: re.Pattern[str],
    scale_fn: object,
) -> None:
    """Numbers written as words (soft mentions): "du milijonai" = 2,000,000; "twenty-five" = 25."""
    assert callable(free) and callable(add) and callable(scale_fn)
    for match in pattern.finditer(text):
        if not free(match.start(), match.end()):
            continue
        value = table[_key(match.group(1))]
        end = match.end()
        scale = scale_pattern.match(text, end)
        if scale and value < 1000:
            word = next(group for group in scale.groups() if group)
            value *= scale_fn(word)
            end = scale.end()
        add(Mention(match.start(), end, (float(value),), soft=True, text=text[match.start() : end]))


# --- comparison ---------------------------------------------------------------------------------------


def _significant(value: float) -> int:
    digits = f"{value:.6g}".replace(".", "").replace("-", "").lstrip("0").rstrip("0")
    return max(1, len(digits))


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def rounded(source: float, target: float) -> bool:
    """Whether ``target`` is ``source`` rounded to at least two significant digits ("2.8 million")."""
    digits = _significant(target)
    if digits < 2 or _significant(source) <= digits or target == 0:
        return False
    exponent = math.floor(math.log10(abs(target))) - digits + 1
    return bool(abs(source - target) <= 0.5 * 10**exponent + 1e-9)


def matches(source: Mention, target: Mention, *, loose: bool = False) -> bool:
    """Whether two mentions say the same number (dates also match their day number)."""
    if source.kind == target.kind:
        if any(same_value(a, b) for a in source.values for b in target.values):
            return True
        if source.kind == "time":
            return any(same_value(a % 720, b % 720) for a in source.values for b in target.values)
        written = target.text
        if loose and source.kind == "num" and (target.soft or "." in written or any(c.isalpha() for c in written)):
            return any(rounded(a, b) for a in source.values for b in target.values)
        return False
    kinds = {source.kind, target.kind}
    if kinds == {"date", "num"}:
        date, number = (source, target) if source.kind == "date" else (target, source)
        return any(same_value(date.value % 100, value) for value in number.values)
    if kinds == {"time", "num"}:
        time, number = (source, target) if source.kind == "time" else (target, source)
        hours, minutes = divmod(time.value, 60)
        if any(same_value(hours + minutes / 100, v) for v in number.values):
            return True  # "14.28" for "14.28 val."
        return minutes == 0 and any(same_value(hours % 12 or 12, v % 12 or 12) for v in number.values)
    return False


def compare(source: list[Mention], target: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Multiset comparison: the source mentions with no counterpart and the target mentions with none."""
    left = list(source)
    right = list(target)
    for loose in (False, True):
        # exact kinds first, then dates against day numbers and rounded amounts
        for s in list(left):
            for t in right:
                if matches(s, t, loose=loose) and (loose or s.kind == t.kind):
                    left.remove(s)
                    right.remove(t)
                    break
    return left, right

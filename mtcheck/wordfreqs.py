"""English and Lithuanian word frequencies from wordfreq, fast.

``wordfreq.zipf_frequency`` tokenises every word it is given (its tokenizer is a large Unicode regex,
compiled on first use) and caches through a dict of tuples. For the plain words the rules ask about
(lowercase ASCII letters) the tokenizer returns the word itself, so the frequency is one dict lookup:
:func:`english_zipf` takes that path and gives exactly ``zipf_frequency(word, "en")``; any other word
goes through wordfreq itself.

Importing wordfreq costs about 0.06 s (it imports langcodes and ftfy), so :func:`frequencies` reads the
packaged word list directly, as ``wordfreq.get_frequency_dict(lang, "best")`` does: the gzipped
msgpack "cBpack" file of the language (the "large" list when there is one, else the "small" one),
whose bucket N holds the words of frequency 10 ** (-N / 100). A language without its own file goes
through wordfreq (which matches language codes approximately). A test checks the two are equal.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
import unicodedata
from functools import lru_cache
from itertools import repeat
from pathlib import Path

_PLAIN = re.compile(r"[a-z]+")
# Lowercase Latin letters that wordfreq's English preprocessing (NFC, case folding) leaves as they are
# and that Unicode word segmentation keeps inside a word. Words of such letters (an apostrophe between
# letters stays inside a word: "can't"), separated by single spaces or hyphens, tokenise into the
# words ("si dzinpingas", "erdoğanas", "mercedes-benz", "lowest-") -- except where wordfreq splits off a French
# or Catalan elision, one or two letters and an apostrophe before a vowel or "h" ("l'avion").
_LATIN = "".join(
    char
    for char in map(chr, range(0xDF, 0x250))
    if unicodedata.category(char) == "Ll" and char.casefold() == char and unicodedata.normalize("NFC", char) == char
)
_WORD = f"[a-z{_LATIN}]+(?:'[a-z{_LATIN}]+)*"
_SIMPLE = re.compile(f"[ -]*{_WORD}(?:[ -]+{_WORD})*[ -]*")
_SEPARATOR = re.compile("[ -]+")
_ELISION = re.compile(f"[a-z{_LATIN}]{{1,2}}'[aehiouyáéíóúàèìòùâêîôûåïöœ]")  # wordfreq.tokens.INITIAL_VOWEL_EXPR
_ALPHANUMERIC = re.compile(r"[a-z0-9]+")  # one token (letters and digits join in a word)
_DIGIT_RUN = re.compile(r"[0-9]{2,}")  # what wordfreq.numbers.MULTI_DIGIT_RE finds in such a token
_MINIMUM = 10**0.0 / 1e9  # wordfreq.zipf_to_freq(0.0), zipf_frequency's default minimum


@lru_cache(maxsize=4)
def frequencies(lang: str) -> dict[str, float]:
    """wordfreq's 'best' frequency list of ``lang`` (loaded once per process)."""
    table = _read_best(lang)
    if table is None:
        from wordfreq import get_frequency_dict

        table = get_frequency_dict(lang, "best")
    return table


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)), "data")


def _read_best(lang: str) -> dict[str, float] | None:
    """``wordfreq.get_frequency_dict(lang, "best")`` read from the packaged file, or None when ``lang``
    has no file of its own (or the file is not the cBpack format)."""
    import msgpack

    data_dir = _data_dir()
    if data_dir is None or not lang.isalpha() or not lang.islower():
        return None
    for wordlist in ("large", "small"):
        path = data_dir / f"{wordlist}_{lang}.msgpack.gz"
        if path.is_file():
            break
    else:
        return None
    data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    header = data[0] if data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    table: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        if bucket:  # (update from pairs is faster than from dict.fromkeys: no intermediate dict)
            table.update(zip(bucket, repeat(10 ** (-index / 100))))  # wordfreq.cB_to_freq(-index)
    return table


def _zipf_of(freq: float) -> float:
    # word_frequency rounds to 3 significant digits, zipf_frequency to 2 decimals (wordfreq 3.x)
    leading_zeroes = math.floor(-math.log(freq, 10))
    freq = round(freq, leading_zeroes + 3)
    return round(math.log(freq, 10) + 9, 2)


@lru_cache(maxsize=200_000)
def english_zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")``."""
    if _PLAIN.fullmatch(word):
        freq = frequencies("en").get(word)
        return 0.0 if not freq else _zipf_of(freq)
    folded = unicodedata.normalize("NFC", word).casefold()  # wordfreq's English preprocessing
    if _SIMPLE.fullmatch(folded):
        tokens = [token for token in _SEPARATOR.split(folded) if token]
        if "'" in folded and any(_ELISION.match(token) for token in tokens):
            return _zipf_by_wordfreq(word)
        # as wordfreq combines the tokens' frequencies: 1 / f = 1 / f1 + 1 / f2 + ...
        table = frequencies("en")
        one_over_result = 0.0
        for token in tokens:
            freq = table.get(token)
            if freq is None:
                return 0.0  # an unknown token: the minimum, Zipf 0
            one_over_result += 1.0 / freq
        return _zipf_of(max(1.0 / one_over_result, _MINIMUM))
    if _ALPHANUMERIC.fullmatch(folded):
        # wordfreq looks a token up with each run of two digits or more as zeroes ("covid00") and
        # multiplies the frequency of that by its estimate of each run's (wordfreq.numbers.digit_freq)
        runs = _DIGIT_RUN.findall(folded)
        smashed = _DIGIT_RUN.sub(lambda run: "0" * len(run.group()), folded) if runs else folded
        freq = frequencies("en").get(smashed)
        if freq is None:
            return 0.0
        if smashed != folded:
            for run in runs:
                freq *= _year_freq(run) if len(run) == 4 else _benford_freq(run)
        return _zipf_of(max(1.0 / (1.0 / freq), _MINIMUM))
    return _zipf_by_wordfreq(word)


def _zipf_by_wordfreq(word: str) -> float:
    """wordfreq's own computation (its _word_frequency, wordfreq 3.x) with its tokenizer, looking the
    tokens up in :func:`frequencies` rather than in a second copy of the list."""
    from wordfreq.numbers import digit_freq, smash_numbers
    from wordfreq.tokens import lossy_tokenize

    tokens = lossy_tokenize(word, "en")
    if not tokens:
        return 0.0
    table = frequencies("en")
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        freq = table.get(smashed)
        if freq is None:
            return 0.0
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    return _zipf_of(max(1.0 / one_over_result, _MINIMUM))


# wordfreq.numbers (3.x)
_DIGIT_FREQS = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]
_YEAR_LOG_PEAK = -1.9185
_NOT_YEAR_PROB = 0.1
_REFERENCE_YEAR = 2019
_PLATEAU_WIDTH = 20


def _benford_freq(text: str) -> float:
    return float(_DIGIT_FREQS[int(text[0])] / 10 ** (len(text) - 1))


def _year_freq(text: str) -> float:
    year = int(text)
    if year <= _REFERENCE_YEAR:
        year_log_freq = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif _REFERENCE_YEAR < year <= _REFERENCE_YEAR + _PLATEAU_WIDTH:
        year_log_freq = _YEAR_LOG_PEAK
    else:
        year_log_freq = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_WIDTH))
    return float(10.0**year_log_freq + _NOT_YEAR_PROB * _benford_freq(text))

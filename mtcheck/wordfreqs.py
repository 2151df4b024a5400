"""English and Lithuanian word frequencies from wordfreq, fast.

``wordfreq.zipf_frequency`` tokenises every word it is given (its tokenizer is a large Unicode regex,
compiled on first use) and caches through a dict of tuples. For the plain words the rules ask about
(lowercase ASCII letters) the tokenizer returns the word itself, so the frequency is one dict lookup:
:func:`english_zipf` takes that path and gives exactly ``zipf_frequency(word, "en")``; any other word
goes through wordfreq itself.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

_PLAIN = re.compile(r"[a-z]+")


@lru_cache(maxsize=4)
def frequencies(lang: str) -> dict[str, float]:
    """wordfreq's 'best' frequency list of ``lang`` (loaded once per process)."""
    from wordfreq import get_frequency_dict

    table: dict[str, float] = get_frequency_dict(lang, "best")
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
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))

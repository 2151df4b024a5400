"""The fast frequency lookup gives exactly wordfreq's own values."""

from __future__ import annotations

import pytest
from wordfreq import zipf_frequency

from mtcheck.wordfreqs import english_zipf, frequencies

WORDS = ["the", "government", "seimas", "nausėda", "putino", "qwxzv", "don't", "Vilnius", "co-operation",
         "2020", "a", "kariuomenė", "troops", "zzzz", "E.U.", ""]


@pytest.mark.parametrize("word", WORDS)
def test_same_as_wordfreq(word: str) -> None:
    assert english_zipf(word) == zipf_frequency(word, "en")


def test_same_as_wordfreq_on_a_sample_of_the_list() -> None:
    sample = list(frequencies("en"))[::997]
    assert len(sample) > 300
    for word in sample:
        assert english_zipf(word) == zipf_frequency(word, "en"), word

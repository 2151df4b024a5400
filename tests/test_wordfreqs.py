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


@pytest.mark.parametrize("lang", ["en", "lt"])
def test_direct_loader_equals_wordfreq(lang: str) -> None:
    from wordfreq import get_frequency_dict

    from mtcheck.wordfreqs import _read_best

    direct = _read_best(lang)
    assert direct is not None
    expected = get_frequency_dict(lang, "best")
    assert direct == expected
    assert list(direct) == list(expected)  # same insertion order too


def test_language_without_a_file_goes_through_wordfreq() -> None:
    from mtcheck.wordfreqs import _read_best

    assert _read_best("xx") is None
    assert _read_best("EN") is None


def test_latin_words_tokenise_into_their_space_separated_parts() -> None:
    from wordfreq import lossy_tokenize

    from mtcheck.wordfreqs import _LATIN, _SIMPLE

    for char in _LATIN:
        for word in (char, f"ab{char}", f"{char}cd", f"x{char}y z{char}", f"{char}{char} {char}", f"{char}-x{char}",
                     f"bab'{char}", f"b{char}'t", f"{char}'z-{char}'s"):
            assert _SIMPLE.fullmatch(word)
            assert lossy_tokenize(word, "en") == word.replace("-", " ").split(" "), repr(word)
            spaced = f"-{word}- -{word}  x"
            assert _SIMPLE.fullmatch(spaced)
            assert lossy_tokenize(spaced, "en") == spaced.replace("-", " ").split(), repr(spaced)


def test_elisions_are_left_to_wordfreq() -> None:
    from wordfreq import lossy_tokenize

    from mtcheck.wordfreqs import _ELISION, _LATIN

    for vowel in "aehiouyáéíóúàèìòùâêîôûåïöœ":
        for word in (f"l'{vowel}x", f"qu'{vowel}", f"x-d'{vowel}b"):
            assert english_zipf(word) == zipf_frequency(word, "en"), word
    for char in _LATIN + "abcdefghijklmnopqrstuvwxyz":
        word = f"l'{char}x"
        if not _ELISION.match(word):
            assert lossy_tokenize(word, "en") == [word], word


LATIN_WORDS = ["can't", "lithuania's", "i'm", "we're", "o'neill", "d'arcy", "l'avion", "rock'n'roll", "mercedes-benz",
               "vice-president", "year-old", "denpasaras-jakarta", "non-experienced", "t-market",
               "putiną", "erdoğanas", "si dzinpingas", "von der leyenas", "new york", "the of", "café", "naïve",
               "señor", "über", "hello world", "a b c d e f g h", "façade", "zürich", "łódź", "ı", "Vilnius",
               "Grißsaukito", "STRASSE", "Straße", "NATO's", "Mercedes-Benz", "L'Avion", "ÉCOLE", "Ǆemal", "İstanbul",
               "cafe\u0301", "Ω", "lowest-", "-minimum", "a--b", "a - b", " lead",
               "trail ", "--", " ", "l'", "x-l'avion"]


@pytest.mark.parametrize("word", LATIN_WORDS)
def test_latin_words_same_as_wordfreq(word: str) -> None:
    assert english_zipf(word) == zipf_frequency(word, "en")


def test_latin_words_of_the_list_same_as_wordfreq() -> None:
    from mtcheck.wordfreqs import _PLAIN, _SIMPLE

    latin = [word for word in frequencies("en") if _SIMPLE.fullmatch(word) and not _PLAIN.fullmatch(word)]
    assert len(latin) > 1000
    assert sum("'" in word for word in latin) > 100
    sample = latin[::7] + [word for word in latin if "'" in word]
    for first, second in zip(sample, sample[1:] + sample[:1], strict=True):
        assert english_zipf(first) == zipf_frequency(first, "en"), first
        for pair in (f"{first} {second}", f"{first}-{second}", first.upper(), f"{first.title()} {second.upper()}"):
            assert english_zipf(pair) == zipf_frequency(pair, "en"), pair


def test_numbers_same_as_wordfreq() -> None:
    numbers = [str(number) for number in range(0, 2200)] + ["00", "007", "0123", "2050", "2100", "9999", "12345",
                                                             "31415926", "1000000", "0" * 12, "99" * 10,
                                                             "t1", "mp3", "covid19", "21st", "1990s", "a4", "g7", "g20",
                                                             "b2b", "x12y345z2019", "COVID19", "4g", "5G", "f16", "1st",
                                                             "00x12", "x00", "0000", "a00b1999"]
    for number in numbers:
        assert english_zipf(number) == zipf_frequency(number, "en"), number


ODD_WORDS = ["don't", "co-operation", "E.U.", "Vilnius", "l'avion", "3.5", "1,000", "covid-19", "x2", "ß", "ﬁne",
             "naïve", "‘quoted’", "it’s", "u.s.", "21st", "mp3", "NATO's", "北京", "Москва", "re-elect", "@s", "#tag"]


@pytest.mark.parametrize("word", ODD_WORDS)
def test_odd_words_same_as_wordfreq(word: str) -> None:
    from mtcheck.wordfreqs import _zipf_by_wordfreq

    assert english_zipf(word) == zipf_frequency(word, "en")
    assert _zipf_by_wordfreq(word) == zipf_frequency(word, "en")


def test_words_with_digits_of_the_list_same_as_wordfreq() -> None:
    from mtcheck.wordfreqs import _ALPHANUMERIC

    words = [word for word in frequencies("en") if _ALPHANUMERIC.fullmatch(word) and not word.isalpha()]
    assert len(words) > 1000
    for word in words[::3]:
        assert english_zipf(word) == zipf_frequency(word, "en"), word

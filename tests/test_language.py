"""The language tests of MT741-MT743 (mtcheck/rules/bilingual.py) give what the straightforward code
gives: function words counted chunk by chunk equal a word-regex count, and the langdetect profiles
parsed on demand give langdetect's own probabilities (commit "Speed: ... langdetect profiles parsed on
demand, language pre-filter by chunk counts")."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.rules import bilingual

_EQUIVALENCE = settings(max_examples=200, deadline=None, derandomize=True, database=None)

# --- function-word counts -------------------------------------------------------------------------


def _reference_counts(text: str) -> tuple[int, int, int]:
    # language_of before the chunk table: words = _WORD.findall(text), then the lowercased words that
    # are English and Lithuanian function words
    words = bilingual._WORD.findall(text)
    lowered = [word.lower() for word in words]
    return (
        len(words),
        sum(word in bilingual._EN_FUNCTION for word in lowered),
        sum(word in bilingual._LT_FUNCTION for word in lowered),
    )


_FUNCTION_WORDS = sorted(bilingual._EN_FUNCTION | bilingual._LT_FUNCTION)
_WORD_PIECES = st.sampled_from(
    [*_FUNCTION_WORDS[:: max(1, len(_FUNCTION_WORDS) // 40)], "THE", "The", "Ir", "IR", "Vilnius", "žmonės", "x"]
)
_GLUE = st.sampled_from(
    [" ", "  ", "\n", "\t", "\u00a0", "\x1c", ".", ",", "(", ")", '"', "“", "„", "”", "'", "’", "-", "_", "1", "2020",
     "ß", "İ", "\u0301", "½", "—", "[", "!", "?", ":", "«", "»"]
)
_COUNT_TEXT = st.lists(_WORD_PIECES | _GLUE, max_size=40).map("".join)


@_EQUIVALENCE
@given(_COUNT_TEXT)
def test_chunk_counts_equal_a_word_regex_count(text: str) -> None:
    assert bilingual._function_word_counts(text) == _reference_counts(text)


@_EQUIVALENCE
@given(st.text(max_size=60))
def test_chunk_counts_of_any_text(text: str) -> None:
    assert bilingual._function_word_counts(text) == _reference_counts(text)


def test_chunk_counts_of_a_long_text_after_many_chunks() -> None:
    text = " ".join(f"the ir word{index} (ir) “the” and-ir" for index in range(3000))
    assert bilingual._function_word_counts(text) == _reference_counts(text)
    assert bilingual._function_word_counts(text) == _reference_counts(text)  # from the table this time


# --- langdetect with profiles parsed on demand ------------------------------------------------------


@lru_cache(maxsize=1)
def _reference() -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


@pytest.fixture(scope="module")
def reference_factory() -> Any:
    """langdetect's own factory, as ``detect_langs`` builds it (every profile parsed up front)."""
    return _reference()


def _probabilities(factory: Any, text: str) -> list[tuple[str, float]] | str:
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    detector = factory.create()
    detector.append(text)
    try:
        return [(str(language.lang), float(language.prob)) for language in detector.get_probabilities()]
    except LangDetectException as error:
        return f"error: {error}"


_SAMPLES = [
    "The government said on Monday that the talks would continue.",
    "Vyriausybė pirmadienį pranešė, kad derybos bus tęsiamos.",
    "Die Regierung sagte am Montag, dass die Gespräche fortgesetzt werden.",
    "सरकार ने सोमवार को कहा कि बातचीत जारी रहेगी।",
    "Правительство заявило в понедельник, что переговоры продолжатся.",
    "Rząd poinformował w poniedziałek, że rozmowy będą kontynuowane.",
    "Valdība pirmdien paziņoja, ka sarunas turpināsies.",
    "政府は月曜日に協議を続けると述べた。",
    "الحكومة قالت يوم الاثنين إن المحادثات ستستمر",
    "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι οι συνομιλίες θα συνεχιστούν.",
    "Seimas",
    "ir",
    "the",
    "2020 m. rugsėjo 14 d.",
    "OK 😀 ½ ²",
    "",
    "12345",
    "Šimonytė said the Seimas will vote; Nausėda pritarė.",
]


@pytest.mark.parametrize("text", _SAMPLES)
def test_lazy_profiles_detect_as_langdetect(reference_factory: Any, text: str) -> None:
    lazy = bilingual._langdetect_factory.__wrapped__()  # a fresh one: no profile parsed yet
    assert lazy.langlist == reference_factory.langlist
    assert _probabilities(lazy, text) == _probabilities(reference_factory, text)
    # and the cached factory the rules use, whatever earlier texts had parsed
    assert _probabilities(bilingual._langdetect_factory(), text) == _probabilities(reference_factory, text)


@pytest.mark.parametrize("text", ["The talks would continue.", "Derybos bus tęsiamos.", "переговоры", "बातचीत"])
def test_detect_equals_detect_langs_with_a_fresh_factory(reference_factory: Any, text: str) -> None:
    best = _probabilities(reference_factory, text)
    assert isinstance(best, list)
    assert bilingual._detect(text) == best[0]
    # MT701's detect_langs goes through the same factory
    from mtcheck.rules.untranslated import _langdetect

    assert [(str(language.lang), float(language.prob)) for language in _langdetect()(text)] == best


_LANGUAGE_WORDS = st.sampled_from(
    ["the", "said", "talks", "ir", "kad", "derybos", "tęsiamos", "die", "Gespräche", "werden", "что", "переговоры",
     "सरकार", "बातचीत", "rozmowy", "że", "sarunas", "ka", "2020", "m.", "—", "“", "Ž", "ß", "İ", "\\", '"', "½"]
)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.lists(_LANGUAGE_WORDS, min_size=1, max_size=12).map(" ".join))
def test_lazy_profiles_detect_mixed_texts_as_langdetect(text: str) -> None:
    # the factory the rules use: its profiles are parsed as the texts (of this and earlier tests) need them
    assert _probabilities(bilingual._langdetect_factory(), text) == _probabilities(_reference(), text)


_FRESH = bilingual._langdetect_factory.__wrapped__()  # no profile parsed before this test's n-grams


@_EQUIVALENCE
@given(st.text(min_size=1, max_size=3) | st.sampled_from(["a", "th", "the", "ė", "ir ", " ", "ж", "ि", "ß"]))
def test_lazy_rows_equal_the_loaded_rows(word: str) -> None:
    lazy = _FRESH.word_lang_prob_map
    reference = _reference().word_lang_prob_map
    assert (word in lazy) == (word in reference)
    if word in lazy:
        assert lazy[word] == reference[word]


def test_chunk_counts_of_a_text_too_long_for_the_packed_fields() -> None:
    # 2**21 characters or more: counted unpacked (an explicit test, not an assert that -O removes)
    text = "the ir x " * ((1 << bilingual._FIELD) // 9 + 1)
    assert len(text) >= 1 << bilingual._FIELD
    assert bilingual._function_word_counts(text) == _reference_counts(text)
    chunk = "x-the-ir" * ((1 << bilingual._FIELD) // 8 + 1)  # one chunk with over 2**21 words
    assert bilingual._function_word_counts(chunk) == _reference_counts(chunk)


def test_a_full_chunk_table_is_replaced_not_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    # a thread still summing over the old table must find every chunk it added there
    monkeypatch.setattr(bilingual, "_MAX_CHUNKS", 2)
    full = {"one": 1, "two": 1, "three": 1}
    monkeypatch.setattr(bilingual, "_CHUNK_WEIGHTS", full)
    text = "a new text with the words ir and more words"
    assert bilingual._function_word_counts(text) == _reference_counts(text)
    assert bilingual._CHUNK_WEIGHTS is not full and set(text.split()) <= bilingual._CHUNK_WEIGHTS.keys()
    assert full == {"one": 1, "two": 1, "three": 1}  # left as it was for its readers
    assert bilingual._function_word_counts(text) == _reference_counts(text)

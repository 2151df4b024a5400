"""Garbled-sentence rules (MT221-224): verbless long sentences and impossible word pairs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.engine import check_document
from mtcheck.grammar import TOKEN
from mtcheck.lexicons import bundled
from mtcheck.model import Document, Finding
from mtcheck.rules import garbled

LEAD = "The council met on Tuesday. "


def _findings(text: str) -> list[Finding]:
    document = Document(path="t", id="t", text=text)
    return [f for f in check_document(document).findings if f.category == "garbled"]


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        (
            "The plan of the ministry for the renewal of the roads of the region and the bridges of the city.",
            "MT221",
            "The plan of the ministry for the renewal of the roads of the region and the bridges of the city.",
        ),
        (
            "Despite the attempts of the mediators from both sides to keep the fragile truce in place.",
            "MT221",
            "Despite the attempts of the mediators from both sides to keep the fragile truce in place.",
        ),
        ("The mayor will finish a the term of office in 2025.", "MT222", "a the"),
        ("The report was sent to the of the municipality board.", "MT222", "the of"),
        ("Residents were asked to the he would decide by Friday.", "MT222", "the he"),
        ("The museum opened the and a new hall for children.", "MT222", "the and"),
        ("Both ministers said that they has agreed on the budget.", "MT223", "they has"),
        ("The mayor said on Monday he have no plans to resign.", "MT223", "he have"),
        ("An inquiry was carried out with of the defence committee.", "MT224", "with of"),
        ("The results of the inquiry of for the same issues were published.", "MT224", "of for"),
        ("The dust clouds moved over the street in they passers-by.", "MT224", "in they"),
    ],
)
def test_flagged(text: str, code: str, span: str) -> None:
    assert [(f.code, f.text) for f in _findings(LEAD + text)] == [(code, span)]


@pytest.mark.parametrize(
    "text",
    [
        # verbs missing from data/verbs.toml, shown by their shape
        "The railway company apologizes to its passengers for the delay on the northern line.",
        "The agency specializes in the electronic signatures of the Baltic banks.",
        "Sailors patrol a long stretch of the coast near the border with Poland.",
        # legitimately verbless: a time phrase, a list of names, a label, a headline, a quotation
        "Three days away from the most important vote of the decade in the country.",
        "Director Jonas Petraitis and producers Ona Kairytė and Tomas Vaitkus of Vilnius.",
        "Contact for the press office of the municipality: Ona Petraitė, phone 8 5 211 1111.",
        "Record harvest in the south of the country despite the dry summer",
        '"A long way from the old days of the Soviet collective farms and their tractors."',
        # the continuation of a sentence cut at an amount (the sentence-split rules flag it)
        "The fund has about 7 million. Euros for the renewal of the schools of the city and the district.",
        # legitimate word pairs
        "He won the by-election and wrote a to-do list for the In crowd of the capital.",
        "Critics said the departure of the Good Evening host was planned.",
        "Most of them came out of the building because of the fire.",
        "The amount was provided for in the budget and was referred to in the report.",
        "The change is adopted if voted in favour of by more than half of the members.",
        "He stayed silent, for he knew the answer.",
        "Students achieved a Higher grade A in Lithuanian and mathematics.",
        # agreement: inversion, modals, subjunctive, objects, quotations
        "Does he have a plan? If he were mayor, he would have one.",
        "The board insisted that he have access to the files.",
        "About 300 tonnes of it have been sold abroad every year.",
        'The farmer said: "They was never paid for the grain."',
        "The prices of the World War I are rising at the auctions.",
    ],
)
def test_silent(text: str) -> None:
    assert _findings(LEAD + text) == []


def test_short_verbless_sentences_are_left_to_the_fragment_rules() -> None:
    text = LEAD + "There is a shortage of teachers. Of mathematics and physics in the schools."
    assert _findings(text) == []


def test_the_title_line_is_not_checked() -> None:
    assert _findings("Record harvest in the south of the country despite the dry summer.\nFarmers are happy.") == []


# --- the stdlib pre-filters never miss a match of the exact patterns (commit "Speed: segmenter and
# small rules scan from their trigger characters") ---------------------------------------------------

_EQUIVALENCE = settings(max_examples=150, deadline=None, derandomize=True, database=None)
_DATA = garbled._compile(bundled("garbled"))
_BUNDLED_PAIRS = {
    "article": (_DATA.article_pairs, [({"a", "an", "the"}, _DATA.after_article)]),
    "agreement": (_DATA.agreement_pairs, [({pronoun}, verbs) for pronoun, verbs in _DATA.agreement.items()]),
    "preposition": (
        _DATA.preposition_pairs,
        [(_DATA.before_of, {"of"}), ({"of"}, _DATA.after_of), (_DATA.before_subject, _DATA.subjects)],
    ),
}
# Around the words: what may or may not end a word for \p{L} (letters outside ASCII, marks) or [a-z].
_GLUE = ["", " ", "  ", "\n", "\t", "x", "é", "ž", "ß", "\u0307", "-", "'", "’", "1", ".", ",", "\u00a0", "İ", "Σ"]


def _pair_text(groups: list[tuple[set[str], set[str]]]) -> st.SearchStrategy[str]:
    """Text of the pairs' words: often a first and a second word (one space, or another separator), with
    glue around them, and the words alone."""
    words = sorted({word for firsts, seconds in groups for word in [*firsts, *seconds]})
    pair = st.sampled_from([(sorted(firsts), sorted(seconds)) for firsts, seconds in groups]).flatmap(
        lambda group: st.tuples(
            st.sampled_from(group[0]), st.sampled_from([" ", " ", "  ", "\n", "-", "x "]), st.sampled_from(group[1])
        ).map("".join)
    )
    return st.lists(pair | st.sampled_from(words) | st.sampled_from(_GLUE), max_size=8).map("".join)


def _exact(pairs: garbled._Pairs, lowered: str) -> bool:
    # _Pairs.in_text before the quick pre-filter: the exact patterns alone
    return pairs.always or any(pattern.search(lowered) is not None for pattern in pairs.patterns)


@pytest.mark.parametrize("name", sorted(_BUNDLED_PAIRS))
def test_pair_prefilter_never_misses_an_exact_match(name: str) -> None:
    pairs, groups = _BUNDLED_PAIRS[name]
    assert pairs is not None and not pairs.always

    @_EQUIVALENCE
    @given(_pair_text(groups), st.booleans())
    def check(text: str, capitalise: bool) -> None:
        lowered = (text.upper() if capitalise else text).lower()
        exact = _exact(pairs, lowered)
        if exact:
            assert any(quick.search(lowered) is not None for quick in pairs.quicks)
        assert pairs.in_lowered(lowered) == exact
        assert pairs.in_text(text) == _exact(pairs, text.lower())

    check()


@pytest.mark.parametrize(
    "groups",
    [
        [({"a", "an"}, {"of", "the"})],  # fewer first words: one pattern per first word
        [({"a", "the", "those"}, {"of"}), ({"of", "in"}, {"he", "she", "they", "it"})],  # one branch per second word
    ],
)
def test_pair_prefilter_of_both_shapes(groups: list[tuple[set[str], set[str]]]) -> None:
    pairs = garbled._Pairs([(frozenset(firsts), frozenset(seconds)) for firsts, seconds in groups])

    @_EQUIVALENCE
    @given(_pair_text(groups))
    def check(text: str) -> None:
        lowered = text.lower()
        assert pairs.in_lowered(lowered) == _exact(pairs, lowered)

    check()


@_EQUIVALENCE
@given(st.lists(st.text(alphabet="aΣσςİIiß \u0307.x\t", max_size=8), max_size=5))
def test_sentences_lowercase_alike_joined(sentences: list[str]) -> None:
    # _sentence_texts lowercases the joined sentences: the same lines as each one lowercased
    lines = [sentence.replace("\n", " ") for sentence in sentences]
    assert "\n".join(lines).lower() == "\n".join(line.lower() for line in lines)


@_EQUIVALENCE
@given(st.text(alphabet=st.characters(codec="ascii"), max_size=40))
def test_ascii_token_equals_grammar_token(text: str) -> None:
    assert garbled._ASCII_TOKEN is not None
    assert garbled._ASCII_TOKEN.findall(text) == TOKEN.findall(text)

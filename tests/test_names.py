"""The name-form rules (MT401-MT404): foreign names in Lithuanian forms, Lithuanian names in other
cases than the nominative, and the initial + surname convention."""

from __future__ import annotations

from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.lexicons import bundled
from mtcheck.rules import names as names_module
from mtcheck.rules.names import _compile_names
from tests.conftest import run


def found(text: str, code: str = "MT4") -> list[tuple[str, str]]:
    return [(finding.code, finding.text) for finding in run(text, [code])]


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        # every case form of a listed name is generated from its stem
        ("Putino visit to Minsk was short.", "MT401", "Putino"),
        ("The sanctions hurt Putinui personally.", "MT401", "Putinui"),
        ("Many voters support Putiną.", "MT401", "Putiną"),
        ("Joe Bideno administration announced aid.", "MT401", "Bideno"),
        ("Bidenas said so on Friday.", "MT401", "Bidenas"),
        ("Kyiv thanked Zelenskio team.", "MT401", "Zelenskio"),
        ("Zelenskis addressed the Seimas.", "MT401", "Zelenskis"),
        ("He met Makronas and Šolcas.", "MT401", "Makronas"),
        ("He met Makronas and Šolcas.", "MT401", "Šolcas"),
        ("Kremlin spokesman Peskovas denied it.", "MT401", "Peskovas"),
        ("The Kremlin spokesman, D. Peskovas, denied it.", "MT401", "D. Peskovas"),
        ("The letter was sent to Emmanuelis Macronas.", "MT401", "Emmanuelis Macronas"),
        ("They met Vladimiro Putino envoy.", "MT401", "Vladimiro Putino"),
        ("Donaldą Trampą was criticised.", "MT401", "Donaldą Trampą"),
        ("Polish businessman Dariušas was arrested.", "MT401", "Dariušas"),
        ("US President Donald Trumpui wrote a letter.", "MT401", "Trumpui"),
        ("The meeting with Lukašenka ended.", "MT401", "Lukašenka"),
        # heuristics for names that are not listed
        ("Irish Prime Minister Leo Varadkar met Whitecrossas in Dublin.", "MT402", "Whitecrossas"),
        ("Olaf Scholz spoke. The Scholzo government fell.", "MT401", "Scholzo"),
        ("Lindsey Graham spoke. Grahamo allies agreed.", "MT402", "Grahamo"),
        ("Interior Minister Horst Seehoferis said so.", "MT401", "Seehoferis"),
        ("The victory of Yannickas was expected.", "MT402", "Yannickas"),
        # Lithuanian names in oblique cases
        ("The Nausėdos office denied it.", "MT403", "Nausėdos"),
        ("They criticised Gitano Nausėdos decision.", "MT403", "Gitano Nausėdos"),
        ("The cabinet of Šimonytės resigned.", "MT403", "Šimonytės"),
        ("The lawyer of Paulauskaitės family spoke.", "MT403", "Paulauskaitės"),
        ("Kirkilas was elected. Kirkilo proposal failed.", "MT403", "Kirkilo"),
        # the initial + surname style
        ("President G. Nausėda signed it.", "MT404", "G. Nausėda"),
        ("Speaker V. Čmilytė-Nielsen thanked them.", "MT404", "V. Čmilytė-Nielsen"),
        ('"We will not allow it," added D. Peskov.', "MT404", "D. Peskov"),
    ],
)
def test_flags(text: str, code: str, span: str) -> None:
    assert (code, span) in found(text, code)


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin met Belarusian leader Alexander Lukashenko.",
        "German Chancellor Angela Merkel and Chancellor Olaf Scholz spoke.",
        "President Gitanas Nausėda met his Polish counterpart, Andrzej Duda, in Warsaw.",
        "Latvia's parliament approved Evika Siliņa as prime minister. Ms. Siliņa is a lawyer.",
        "Yulia Navalnaya, the widow of Alexei Navalny, spoke in Strasbourg.",
        "Žalgiris will host Olympiacos at the Žalgirio Arena in Kaunas.",
        "Thomas Stephanopoulos interviewed Carlos Santos and Alexis Tsipras.",
        "Marco Rubio, Roberto Carlos and Leonardo DiCaprio were there.",
        "The novel by J. R. R. Tolkien sold well.",
        "Patients lacked vitamin D. The doctors were surprised.",
        "Estonian Prime Minister Kaja Kallas and Greek Prime Minister Kyriakos Mitsotakis met.",
        "The energy group Lietuvos energija builds the plant; Kaunas is a city.",
        "Dalia Grybauskaite, the former president, spoke.",
        "Read more on Kauno.diena.lt every day.",
        "Ramūnas Karbauskis leads the Farmers and Greens Union.",
        "Tennis player Eglė Paulauskaitė won in Prague.",
        "A Lithuanian citizen, Vladimiras Laučius, wrote the column.",
        # native names in -as/-is: listed first names, and stems foreign only by doubled letters or "qu"
        # beside a first name that is not Lithuanised (then everywhere in the document)
        "Estonian President Toomas Hendrik Ilves spoke in Tallinn.",
        "Ashley Tellis, a senior fellow, said so. Tellis added that the talks failed.",
        "On Saturday, Oriol Junqueras announced he would run.",
        "Peter Tsouvallaris is the union convenor.",
        # a middle initial after a first name is the English form
        "It was the Lyndon B. Johnson administration that signed it.",
        "Franklin D. Roosevelt won four elections.",
    ],
)
def test_silent(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Boris Whitecrossas said so.", "Whitecrossas"),  # the first name is Lithuanised (or looks it)
        ("A film directed by Matthew Whitecrossas.", "Whitecrossas"),  # MT's mixed forms: a strong stem
        ("Reserve director Rameshas Pandey said so.", "Rameshas"),
        ("The winner was Dellis. Nobody expected Dellis to win.", "Dellis"),  # doubled letters, alone
        ("Whitecrossas and Ashley met.", "Whitecrossas"),  # not next to each other
        ("President Whitecrossas spoke.", "Whitecrossas"),  # a title is not a first name
    ],
)
def test_foreign_stem_still_flagged_next_to_lithuanised_names_and_titles(text: str, span: str) -> None:
    assert ("MT402", span) in found(text, "MT402")


@pytest.mark.parametrize(
    "text",
    ["President G. Nausėda signed it.", "Lithuanian G. Nausėda spoke.", "Meanwhile G. Nausėda left."],
)
def test_initial_after_a_title_adjective_or_adverb_is_not_a_middle_initial(text: str) -> None:
    assert [f.text for f in run(text, ["MT404"])] == ["G. Nausėda"]


def test_initial_style_is_one_finding_per_document() -> None:
    findings = run("G. Nausėda met I. Šimonytė. Later G. Nausėda left.", ["MT404"])
    assert [f.text for f in findings] == ["G. Nausėda"]
    assert "Šimonytė" in findings[0].message


def test_suggestions_come_from_the_data() -> None:
    findings = run("Russian President Vladimiras Putinas signed it.", ["MT401"])
    assert findings[0].suggestion == "Vladimir Putin"
    findings = run("Aleksandras Lukašenka said so.", ["MT401"])
    assert findings[0].suggestion == "Alexander Lukashenko"


def test_generated_forms_cover_every_paradigm() -> None:
    lexicon = _compile_names(bundled("names"))
    for form in (
        "Putino",
        "Putinui",
        "Putiną",
        "Putinu",
        "Zelenskio",
        "Zelenskiui",
        "Zelenskį",
        "Lukašenkos",
        "Lukašenkai",
        "Lukašenką",
        "Janukovyčiaus",
        "Nausėdos",
        "Šimonytės",
    ):
        assert form in lexicon.forms, form
    for english in ("Putin", "Merkel", "Duda", "Lukashenko", "Nausėda", "Šimonytė"):
        assert english not in lexicon.forms, english


def test_accepted_vocabulary_is_silent() -> None:
    from mtcheck.engine import Settings, check_document
    from mtcheck.model import Document
    from mtcheck.rules import select_rules

    settings = Settings(rules=select_rules(["MT401"]), accept=frozenset({"putino"}))
    document = Document(path="t", id="t", text="Putino visit.")
    assert not check_document(document, settings).findings


def test_fast_form_matches_equal_the_lazily_compiled_pattern() -> None:
    from mtcheck.rules.names import _form_matches

    lexicon = _compile_names(bundled("names"))
    text = (
        "Putinas met Bideną and Si Dzinpingas in Vilnius; von der Leyen spoke with Trumpui. "
        "Nausėdos advisers and Putino-era officials, putino, Zelenskį and Zelenskio were named."
    )
    expected = [(match.start(), match.end(), match.group(0)) for match in lexicon.pattern.finditer(text)]
    assert expected
    assert list(_form_matches(text, lexicon)) == expected



# --- the fast paths are the old code (commit "Speed: ... name-form per-word tests cached, MT404
# full-name search without per-name compiles"): references reproduce what they replaced -------------

_EQUIVALENCE = settings(max_examples=200, deadline=None, derandomize=True, database=None)
_LEXICON = _compile_names(bundled("names"))


def _old_named_in_full(text: str, initial: str, surname: str) -> tuple[str, int] | None:
    # _full_name before: _full_name_pattern(initial, surname).search(text), one compiled pattern per name
    # (behind the _may_name_in_full pre-check, which needs " SURNAME" after a lowercase letter)
    pattern = regex.compile(
        r"(?<!\p{L})(" + regex.escape(initial) + r"\p{Ll}+(?:-\p{Lu}\p{Ll}+)?) " + regex.escape(surname) + r"(?!\p{L})"
    )
    found = pattern.search(text)
    return (found.group(1), found.start()) if found else None


_INITIALS = ["D", "Š", "A", "Ž", "Ǆ"]
_SURNAMES = ["Peskov", "Šimonytė", "Le-Pen", "McCain", "Ab", "PESKOV"]


@st.composite
def _full_name_cases(draw: Any) -> tuple[str, str, str]:
    """Text with "Given Surname" (often with the initial and surname looked for), near misses and glue."""
    rng = draw(st.randoms(use_true_random=False))
    initial, surname = rng.choice(_INITIALS), rng.choice(_SURNAMES)
    givens = ["mitry", "mitrijus", "ean-Paul", "ean-paul", "nn-Mari-Lu", "ąžuolas", "x", "MITRY", "ǅ", "mitry-"]
    glue = [" ", "  ", "\u00a0", "\n", "-", ".", ", ", "a", "ž", "ß", "\u0301", "1", "Q", "ǅ", "’", "D.", initial]
    pieces = []
    for _ in range(rng.randint(1, 5)):
        if rng.random() < 0.6:
            first = initial if rng.random() < 0.7 else rng.choice(_INITIALS)
            last = surname if rng.random() < 0.8 else rng.choice(_SURNAMES)
            space = rng.choice([" ", " ", " ", "  ", "-", "\u00a0"])
            tail = rng.choice(["", "", "as", "-Kim", "ė", "\u0301", "1", ".", "ǅ"])
            pieces.append(first + rng.choice(givens) + space + last + tail)
        else:
            pieces.append(rng.choice(glue))
        pieces.append(rng.choice(["", " ", " ", "x", "-", "ž", "\n"]))
    return "".join(pieces), initial, surname


@_EQUIVALENCE
@given(_full_name_cases())
def test_named_in_full_equals_the_per_name_pattern(case: tuple[str, str, str]) -> None:
    text, initial, surname = case
    assert names_module._named_in_full(text, initial, surname) == _old_named_in_full(text, initial, surname)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dmitry Peskov said. D. Peskov", ("Dmitry", 0)),
        ("Dmitry-Ivan Peskov", ("Dmitry-Ivan", 0)),
        ("Anna-Dmitry Peskov", ("Dmitry", 5)),  # a hyphen is no letter: the pattern starts after it
        ("Ivan-Anna Peskov", None),  # the given name starts with another letter
        ("xDmitry Peskov Dmitry Peskovas, Dmitry Peskov", ("Dmitry", 32)),
        ("Dmitry-ivan Peskov", None),
        ("Dmitry-Ivan-Petr Peskov", None),
        ("Dmitry  Peskov", None),
    ],
)
def test_named_in_full_examples(text: str, expected: tuple[str, int] | None) -> None:
    assert names_module._named_in_full(text, "D", "Peskov") == expected == _old_named_in_full(text, "D", "Peskov")


@st.composite
def _form_texts(draw: Any) -> str:
    """Text of the lexicon's forms (with and without their ends), capitalised words and glue."""
    rng = draw(st.randoms(use_true_random=False))
    forms = sorted(_LEXICON.alternatives)
    pieces = []
    for _ in range(rng.randint(1, 6)):
        form = rng.choice(forms)
        choice = rng.random()
        if choice < 0.2:
            form = form[: rng.randint(1, len(form))]
        elif choice < 0.3:
            form = form.split()[0] + rng.choice(["1", "-Kim", "’s", "ą", "-", "2 x"])
        pieces.append(form)
        pieces.append(rng.choice([" ", " ", ", ", "-", "’", "'", "1", "x", "\n", ". ", "Šiaulių ", " Von ", " der "]))
    return "".join(pieces)


@_EQUIVALENCE
@given(_form_texts())
def test_form_matches_equal_the_lexicon_pattern(text: str) -> None:
    expected = [(m.start(), m.end(), m.group()) for m in _LEXICON.pattern.finditer(text)]
    assert list(names_module._form_matches(text, _LEXICON)) == expected


def test_form_match_prefilter_examples() -> None:
    for text in ["Putino1", "Putino 1", "Putinui-Kim", "von der Leyenai", "xvon der Leyenai", "Fon der Lajen",
                 "fon der Lajen", "Putino’s", "-Putino", "Putin-Putino"]:
        expected = [(m.start(), m.end(), m.group()) for m in _LEXICON.pattern.finditer(text)]
        assert list(names_module._form_matches(text, _LEXICON)) == expected, text


def _old_may_be_added(word: str, lexicon: Any) -> bool:
    # _may_be_added before the per-word cache (without the ctx.accepted test, which stays per document)
    return (
        word.endswith(names_module._ADDED_ENDS)
        and not (word in lexicon.forms or word in lexicon.first_forms or word in lexicon.english)
        and not word.isupper()
        and names_module._ADDED.match(word) is not None
    )


def _old_may_be_oblique(word: str, lexicon: Any, nominatives: dict[str, str]) -> bool:
    # _may_be_oblique before the per-word cache (without the ctx.accepted test)
    oblique = tuple(
        sorted({ending for paradigm in lexicon.nominative for ending in lexicon.paradigms.get(paradigm, ())[1:5]})
    )
    lengths = sorted({len(ending) for ending in oblique if ending})
    if word.isupper() or word in lexicon.place_genitives or word in lexicon.english:
        return False
    known = lexicon.forms.get(word)
    if known is not None:
        return known.role == "lithuanian"
    female = names_module._FEMALE_OBLIQUE.match(word) is not None
    if (word.endswith(("ės", "ei", "ę", "ėje")) or "-" in word) and female:
        return True
    return (
        bool(nominatives)
        and word.endswith(oblique)
        and any(
            len(word) - length >= 3 and word[-length:] in oblique and word[:-length] in nominatives
            for length in lengths
        )
    )


def _old_nominatives(words: list[str], lexicon: Any) -> dict[str, str]:
    # the stems of the nominatives a document uses, as _check_lithuanian_oblique found them before
    nominatives: dict[str, str] = {}
    for word in words:
        for ending in lexicon.nominative:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                nominatives.setdefault(word[: -len(ending)], ending)
    return nominatives


@st.composite
def _name_words(draw: Any) -> list[str]:
    rng = draw(st.randoms(use_true_random=False))
    known = sorted([*_LEXICON.forms, *_LEXICON.first_forms, *_LEXICON.place_genitives])
    endings = ["", *_LEXICON.nominative, *_LEXICON.oblique_endings[0], "ui", "o", "ą", "į", "ienė", "aitė", "ytės"]
    stems = ["Tellis", "Kask", "Junquer", "Jon", "Ab", "Petr", "Kazlausk", "Smith", "Quint", "Šimonyt", "Navick"]
    words = []
    for _ in range(rng.randint(1, 8)):
        word = rng.choice(known) if rng.random() < 0.3 else rng.choice(stems) + rng.choice(endings)
        words.append(word.upper() if rng.random() < 0.05 else word)
        if rng.random() < 0.1:
            words[-1] += "-" + rng.choice(stems) + rng.choice(endings)
    return words


@_EQUIVALENCE
@given(_name_words())
def test_cached_word_facts_equal_the_old_word_tests(words: list[str]) -> None:
    nominatives = _old_nominatives(words, _LEXICON)
    new_nominatives: dict[str, str] = {}
    for word in words:
        for stem, ending in names_module._word_facts(word, _LEXICON).nominative:
            new_nominatives.setdefault(stem, ending)
    assert new_nominatives == nominatives
    assert list(new_nominatives) == list(nominatives)  # in the same order
    for word in words:
        facts = names_module._word_facts(word, _LEXICON)
        assert facts.added == _old_may_be_added(word, _LEXICON), word
        possible = facts.oblique_always or bool(
            nominatives and any(stem in nominatives for stem in facts.oblique_stems)
        )
        assert possible == _old_may_be_oblique(word, _LEXICON, nominatives), word


def test_per_document_hits_and_tokens_live_in_the_document_context() -> None:
    # computed once a document and kept in its ctx.options: no module-level state that documents
    # checked at the same time in other threads would overwrite
    from mtcheck.model import Document
    from mtcheck.rules import Context
    from mtcheck.segment import segment

    def context(text: str) -> Context:
        return Context(Document("t.txt", "t.txt", text), segment(text))

    assert not any(hasattr(names_module, name) for name in ("_LAST_HITS", "_LAST_FOREIGN", "_LAST_TOKENS"))
    text = "Donaldas Trampas met Vladimiro Putino in Helsinkis with Angelai Merkel."
    ctx = context(text)
    hits = names_module.known_name_hits(ctx)
    assert hits and names_module.known_name_hits(ctx) == hits
    assert ctx.options["_names_known_hits"][1] == hits
    foreign = names_module._unknown_foreign_hits(ctx)
    assert names_module._unknown_foreign_hits(ctx) == foreign
    assert ctx.options["_names_tokens"][0] is ctx.text
    # another document (checked in between, as another thread would) leaves this one's results alone
    other = context("Nothing to see here, said Jonas.")
    assert names_module.known_name_hits(other) == []
    assert names_module.known_name_hits(ctx) == hits
    assert names_module._name_tokens(text)[0] == names_module._name_tokens(text, ctx.options)[0]

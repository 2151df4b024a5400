"""The name-form rules (MT401-MT404): foreign names in Lithuanian forms, Lithuanian names in other
cases than the nominative, and the initial + surname convention."""

from __future__ import annotations

import pytest

from mtcheck.lexicons import bundled
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

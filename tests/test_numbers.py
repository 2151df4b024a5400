"""Number extraction and normalisation in Lithuanian and English, and the source-based number rules."""

from __future__ import annotations

import pytest

from mtcheck.numbers import compare, english, lithuanian
from tests.conftest import run


def _values(mentions: list) -> list[tuple[str, float]]:
    return [(m.kind, m.value) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 tūkst. žmonių", [("num", 10_000)]),
        ("1,5 mln. eurų", [("num", 1_500_000)]),
        ("2,751 mln. Eur", [("num", 2_751_000)]),
        ("3 mlrd. eurų", [("num", 3e9)]),
        ("4,5 proc.", [("num", 4.5)]),
        ("10 000 gyventojų", [("num", 10_000)]),
        ("10.000 gyventojų", [("num", 10_000)]),
        ("2020 m. rugsėjo 14 d.", [("num", 2020), ("date", 914)]),
        ("nuo balandžio 1 d. iki liepos 15 d.", [("date", 401), ("date", 715)]),
        ("lapkričio 5-13 dienomis", [("date", 1105), ("date", 1113)]),
        ("2020-09-14", [("num", 2020), ("date", 914)]),
        ("14.30 val.", [("time", 870)]),
        ("du vaikai ir dvi mergaitės", [("num", 2), ("num", 2)]),
        ("penkių žmonių", [("num", 5)]),
        ("trys", [("num", 3)]),
        ("dešimt", [("num", 10)]),
        ("šimtas", [("num", 100)]),
        ("tūkstantis", [("num", 1000)]),
        ("dviejų milijonų", [("num", 2e6)]),
        ("COVID-19 ir 5G tinklas", []),
        ("1990-aisiais", [("num", 1990)]),
    ],
)
def test_lithuanian_formats(text: str, expected: list[tuple[str, float]]) -> None:
    assert _values(lithuanian(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("160,000 conscripts", [("num", 160_000)]),
        ("1.4 million residents", [("num", 1.4e6)]),
        ("EUR 2.751 million", [("num", 2.751e6)]),
        ("€5m and $3bn", [("num", 5e6), ("num", 3e9)]),
        ("14 September 2020", [("date", 914), ("num", 2020)]),
        ("September 14th", [("date", 914)]),
        ("at 2.30 pm", [("time", 870)]),
        ("the 11th hearing", [("num", 11)]),
        ("two children", [("num", 2)]),
        ("twenty-five", [("num", 25)]),
        ("a dozen", [("num", 12)]),
        ("half of them", [("num", 0.5)]),
        ("1,500 people", [("num", 1500)]),
        ("10 000 people", [("num", 10_000)]),
    ],
)
def test_english_formats(text: str, expected: list[tuple[str, float]]) -> None:
    assert _values(english(text)) == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [("by 4,5 percent", True), ("1,5 million", True), ("2,751 million euros", True), ("12,25 euros", True),
     ("1,500 people", False), ("4.5 percent", False), ("10,000 people", False), ("1,500,000 euros", False)],
)
def test_decimal_comma_marks(text: str, flagged: bool) -> None:
    assert any(m.decimal_comma for m in english(text)) is flagged


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Pašaukta 160 tūkst. šauktinių.", "160,000 conscripts were called up."),
        ("Išduota paskolų už 210 mln. eurų.", "Loans worth EUR 210 million were issued."),
        ("Biudžetas – 2,751 mln. Eur.", "The budget is EUR 2.751 million."),
        ("2020 m. rugsėjo 14 d. sužeisti du žmonės.", "Two people were injured on 14 September 2020."),
        ("Kaina mažės 4,5 proc.", "The price will fall by 4.5%."),
        ("Renginys prasidės 14.30 val.", "The event will start at 2.30 pm."),
        ("Mieste gyvena 10 000 žmonių.", "Ten thousand people live in the town."),
        ("Jis laimėjo 2 medalius.", "He won two medals."),
        ("Dalyvavo trys komandos.", "Three teams took part."),
        ("Į rinkimus atėjo pusė rinkėjų.", "Half of the voters turned out."),
    ],
)
def test_equal_numbers_compare_equal(source: str, target: str) -> None:
    left, right = compare(lithuanian(source), english(target))
    assert [m for m in left if not m.soft] == [] and [m for m in right if not m.soft] == []


@pytest.mark.parametrize(
    ("text", "source", "flagged"),
    [
        ("Over the past day, 213 traffic accidents were registered.", "Per parą užregistruota 312 eismo įvykių.",
         "213"),
        ("The call-up will last from 1 April to 15 June.", "Šaukimas vyks nuo balandžio 1 d. iki liepos 15 d.",
         "15 June"),
        ("Loans worth 120 million euros were issued.", "Išduota paskolų už 210 mln. eurų.", "120 million"),
        ("The budget is EUR 2.7 billion.", "Biudžetas – 2,751 mln. Eur.", "2.7 billion"),
        ("It happened on 14 October 2020.", "Tai įvyko 2020 m. rugsėjo 14 d.", "14 October"),
        ("The price will fall by 5.4%.", "Kaina mažės 4,5 proc.", "5.4%"),
    ],
)
def test_number_mismatch_flags_changed_numbers(text: str, source: str, flagged: str) -> None:
    findings = [f for f in run(text, ["MT701"], source) if f.code == "MT701"]
    assert flagged in [f.text for f in findings]
    assert findings[0].extra and dict(findings[0].extra)["source_text"] == source


def test_number_missing_points_at_the_sentence() -> None:
    findings = run("The change will affect residents.", ["MT702"], "Pokytis palies 1,4 mln. gyventojų.")
    assert [f.text for f in findings] == ["The change will affect residents."]


def test_decimal_comma_without_source() -> None:
    assert [f.text for f in run("Prices rose by 4,5 percent.", ["MT703"])] == ["4,5"]
    assert run("More than 1,500 people came.", ["MT703"]) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("He paid fıve euros.", [5.0]),  # dotless ı: the stdlib matches it to "i" ignoring case
        ("FİVE people came.", [5.0]),  # dotted İ lowercases to "i" + a combining dot
        ("It ended on 3 ſeptember 2019.", [3.0, 2019.0]),  # long ſ matches "s"
    ],
)
def test_case_variants_of_number_words_read_as_the_words(text: str, values: list[float]) -> None:
    assert sorted(v for m in english(text) for v in m.values) == values

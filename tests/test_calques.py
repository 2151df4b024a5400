"""The calque rules (MT501 idioms, MT502 terms) and their lexicon, data/calques.toml."""

from __future__ import annotations

import pytest
import regex

from mtcheck.lexicons import bundled
from mtcheck.rules.calques import _compile_calques
from tests.conftest import run


def found(text: str) -> list[tuple[str, str]]:
    return [(finding.code, finding.text) for finding in run(text, ["MT5"])]


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("Inspectors caught 4,000 passengers riding as rabbits.", "MT501", "riding as rabbits"),
        ("Many students travel as hares on trolleybuses.", "MT501", "travel as hares"),
        ("Each partner is pulling the blanket to its own side.", "MT501", "pulling the blanket to its own side"),
        ("Ministers pull the blanket towards their side.", "MT501", "pull the blanket towards their side"),
        ("The aid came like mustard after lunch.", "MT501", "like mustard after lunch"),
        ("In 2014 little green people appeared in Crimea.", "MT501", "little green people"),
        ("They were the so-called gray or green people.", "MT501", "gray or green people"),
        ("The Seimas lit the green light for the reform.", "MT501", "lit the green light"),
        ("Then the opposition leader took the word.", "MT501", "took the word"),
        ("His second cadence ends in 2029.", "MT501", "cadence"),
        ("The managers of the states met in Brussels.", "MT501", "managers of the states"),
        ("Prices rose. On the other side, wages grew too.", "MT501", "On the other side,"),
        ("The economical crisis hit Lithuania hard.", "MT501", "economical crisis"),
        ("The problem remains very actual.", "MT501", "remains very actual"),
        ("The tax was the last drop for farmers.", "MT501", "was the last drop"),
        ("It was a bear service to the party.", "MT501", "bear service"),
        ("The conservators criticised the budget.", "MT501", "conservators"),
        ("The project matters in the sense that the city lacks venues.", "MT502", "in the sense that"),
        ("The law will be adopted in the nearest future.", "MT502", "in the nearest future"),
        ("The Chairman of the Seimas signed the law.", "MT502", "Chairman of the Seimas"),
        ("Seimas members voted against.", "MT502", "Seimas members"),
        ("The Vilnius city self-government approved the plan.", "MT502", "city self-government"),
        ("It is foreseen to allocate 5 million euros.", "MT502", "It is foreseen to"),
        ("The ministry failed to solve the question of salaries.", "MT502", "solve the question"),
        ("Teachers must raise their qualification every year.", "MT502", "raise their qualification"),
        ("The police informed that two people were injured.", "MT502", "informed that"),
        ('The leader of the "peasants" said so.', "MT502", '"peasants"'),
        ("He was suspected in bribery.", "MT502", "suspected in bribery"),
        ("The law went into force on Monday.", "MT502", "went into force"),
        (
            "The lawyer has not yet got acquainted with the material of the case.",
            "MT502",
            "got acquainted with the material of the case",
        ),
        ("The Seimas adopted to consider the amendment.", "MT501", "adopted to consider"),
    ],
)
def test_flags(text: str, code: str, span: str) -> None:
    assert (code, span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors caught 4,000 fare dodgers in September.",
        "On the other side of the river lies the old town.",
        "The shop is on the other side, near the station.",
        "Little green men appeared in Crimea in 2014.",
        "The government gave the green light to the reform.",
        "The Speaker of the Seimas signed the law.",
        "The Chairman of the Seimas Committee on Budget and Finance spoke.",
        "Members of the Seimas voted against the bill.",
        "The municipality approved the plan; local self-government is a principle of democracy.",
        "The driver could not have foreseen the accident.",
        "The drummer kept a steady cadence of the march.",
        "She informed the police that her car had been stolen.",
        "He was well informed that the deal was off.",
        "Economic growth slowed; an economical car uses less fuel.",
        "The actual cost was higher than planned.",
        "The law entered into force on Monday.",
        "He was suspected of bribery and accused of fraud.",
        "She took the floor and spoke for ten minutes.",
        "A pre-trial investigation was started.",
        "He washed his hands of the matter.",
        "The company's managers said profits rose.",
    ],
)
def test_silent(text: str) -> None:
    assert found(text) == []


def test_lexicon_has_enough_documented_entries() -> None:
    raw = bundled("calques")
    calques = _compile_calques(raw)
    assert len(calques.entries) >= 60
    for entry in raw["entry"]:
        assert entry["lithuanian"] and entry["explanation"] and entry["suggestion"], entry["id"]
        assert entry["severity"] in ("major", "minor"), entry["id"]


def test_suggestion_and_origin_come_from_the_data() -> None:
    finding = run("Passengers riding as rabbits were fined.", ["MT501"])[0]
    assert finding.suggestion == "fare dodging / travelling without a ticket"
    assert "važiuoti zuikiu" in finding.message
    assert dict(finding.extra)["calque"] == "riding-as-rabbits"


def test_bad_lexicon_reports_every_error() -> None:
    from mtcheck.lexicons import LexiconError

    raw = {
        "entry": [
            {
                "id": "x",
                "patterns": ["(unclosed"],
                "lithuanian": "",
                "explanation": "",
                "suggestion": "",
                "severity": "major",
            },
            {"id": "y", "patterns": ["ok"], "lithuanian": "", "explanation": "", "suggestion": "", "severity": "huge"},
        ]
    }
    with pytest.raises(LexiconError) as error:
        _compile_calques(raw)
    assert len(error.value.errors) == 2


def test_every_bundled_pattern_compiles() -> None:
    # entries are compiled on first use; the lexicon's patterns must all be valid
    for calque in _compile_calques(bundled("calques")).entries:
        assert calque.pattern is not None, calque.id


def _entry(entry_id: str, patterns: list[str]) -> dict[str, object]:
    return {"id": entry_id, "patterns": patterns, "lithuanian": "x", "explanation": "y", "suggestion": "z",
            "severity": "major"}


@pytest.mark.parametrize(
    "pattern", ["[[a-z]--[q]]", "(?:rabbit){e<=1}", "[[:alpha:]]x", r"\p{Lu}\w+", "(?i)bad ]", r"\N{BOX}", "a{2,x"]
)
def test_patterns_the_cheap_check_cannot_vouch_for_are_compiled_at_load(pattern: str) -> None:
    from mtcheck.lexicons import LexiconError
    from mtcheck.rules.calques import _flags, _plainly_valid

    assert not _plainly_valid(pattern)
    try:
        regex.compile(pattern, _flags(False))
    except regex.error:
        with pytest.raises(LexiconError):
            _compile_calques({"entry": [_entry("bad", [pattern])]})
    else:
        calques = _compile_calques({"entry": [_entry("good", [pattern])]})
        assert calques.entries[0].pattern is not None


@pytest.mark.parametrize("pattern", ["(unclosed", "a**", "[z-a]", "x\\", "(?P<1>a)", "(?<=a+)b?(?q)"])
def test_bad_patterns_are_reported_at_load(pattern: str) -> None:
    from mtcheck.lexicons import LexiconError

    with pytest.raises(LexiconError) as error:
        _compile_calques({"entry": [_entry("bad", [pattern])]})
    assert "bad pattern" in str(error.value.errors[0])

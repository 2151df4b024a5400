"""Fragment rules (MT211-212) and the POS-less verb test they rely on."""

from __future__ import annotations

import pytest

from mtcheck.engine import check_document
from mtcheck.grammar import bundled_verbs, has_verb, tokens
from mtcheck.model import Document, Finding


def _findings(text: str) -> list[Finding]:
    document = Document(path="t", id="t", text=text)
    return [f for f in check_document(document).findings if f.category == "fragment"]


LEAD = "The ministry published its annual report on Monday. "


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        (
            "Inspections will be stepped up, said a representative of the company. Municipal.",
            "MT211",
            "Municipal.",
        ),
        ("There are no troops in Belarus, said a spokesman for the president. Russian.", "MT211", "Russian."),
        ("The ship will dock at Klaipėda. Port. It carries grain.", "MT211", "Port."),
        ("The grant was approved by the parliament. European. It is the largest.", "MT211", "European."),
        ("There is still a shortage of teachers. Of mathematics and physics.", "MT212", "Of mathematics and physics."),
        ("The changes were overdue, said the president's adviser. For social policy.", "MT212", "For social policy."),
        (
            "Prices rose sharply last year. In the eastern regions of the country.",
            "MT212",
            "In the eastern regions of the country.",
        ),
        ("The minister resigned on Friday. Of agriculture. He gave no reason.", "MT212", "Of agriculture."),
        ("The project was financed by the fund. Regional development. Work starts.", "MT212", "Regional development."),
    ],
)
def test_flagged(text: str, code: str, span: str) -> None:
    assert [(f.code, f.text) for f in _findings(LEAD + text)] == [(code, span)]


def test_attribution_raises_confidence_and_says_why() -> None:
    text = LEAD + "There are no troops in Belarus, said a spokesman for the president. Russian."
    (finding,) = _findings(text)
    assert "attribution" in finding.message
    assert finding.confidence is not None and finding.confidence >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        # sentences with a verb, short or long
        LEAD + "He said the alliance had never been stronger. Duda agreed.",
        LEAD + "Navalny, who had been jailed since 2021, was 47. The Kremlin denied any involvement.",
        LEAD + "Nobody moved. Wait. Then it started.",
        LEAD + "It tears us apart. We carry on.",
        LEAD + "Tomorrow's a different beast.",
        # elliptical replies and comments that stand alone
        LEAD + "Would he resign? Hardly. The coalition needs him.",
        LEAD + "Was the reform a success? Far from it. Prices kept rising.",
        LEAD + "Is the crisis over? Not so. Prices are still rising.",
        LEAD + "Did she agree? Absolutely. She signed at once.",
        LEAD + "Did it work? Yes. The numbers prove it.",
        LEAD + "Thanks to everybody for the help. We will be back.",
        LEAD + "Pretty moderate stuff. The film is fun anyway.",
        # quotations, exclamations, questions
        LEAD + 'Asked whether he would run again, he said: "Yes."',
        LEAD + '"Municipal." That was all he said.',
        LEAD + "What a game! Thanks! See you soon.",
        LEAD + "And the winner? Lithuania.",
        # headlines, datelines, bylines, captions, list items, names
        "Lithuanian economy\nThe economy grew by 3 percent.",
        "Economy.\nThe economy grew by 3 percent. It was expected.",
        "VILNIUS, Nov 25 (BNS) – The economy grew by 3 percent.",
        LEAD + "It was written by a new author.\nBy Jonas Jonaitis.",
        LEAD + "The station reopened on Monday.\nPhoto: LTG.",
        LEAD + "Protesters gathered in the capital. AFP / Scanpix photo.",
        LEAD + "The list:\n- Municipal.\n- Regional.",
        LEAD + "The report was written by two institutes. Lithuanian Railways. It was praised.",
        LEAD + "The deal was signed. Masiulis. He did not comment.",
        LEAD + "The total number of soldiers is almost 50.\nKabul.",
        LEAD + "The order was given. NATO. Its troops arrived.",
    ],
)
def test_silent(text: str) -> None:
    assert _findings(text) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Duda agreed.", True),
        ("They agree.", True),
        ("The prices rose.", True),
        ("The minister resigns.", True),
        ("Navalny was 47.", True),
        ("Going home.", True),
        ("Municipal.", False),
        ("Of mathematics and physics.", False),
        ("For social policy.", False),
        ("The annual report.", False),
        ("Regional development.", False),
        ("For the ground.", False),
        ("Its plan.", False),
    ],
)
def test_has_verb(sentence: str, expected: bool) -> None:
    assert has_verb(tokens(sentence), bundled_verbs()) is expected

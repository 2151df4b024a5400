"""Sentence-split rules (MT201-203): flagged spans, the cause named in the message, and legitimate
text left alone."""

from __future__ import annotations

import pytest

from mtcheck.engine import check_document
from mtcheck.model import Document, Finding


def _findings(text: str) -> list[Finding]:
    document = Document(path="t", id="t", text=text)
    return [f for f in check_document(document).findings if f.category == "sentence-split"]


@pytest.mark.parametrize(
    ("text", "code", "span", "cause"),
    [
        ("Police said 10,000 were arrested. people are dead, they added.", "MT201", "people are dead", "stands in"),
        ("The change will affect more than 1.4 million. residents.", "MT201", "residents", "mln."),
        ("About 7 thousand. runners from 50 countries took part.", "MT201", "runners from 50", "tūkst."),
        ("Since 2020. the regime has closed almost all media.", "MT201", "the regime has", "'m.'"),
        ("Unemployment reached 7 percent. in the third quarter.", "MT201", "in the third", "proc."),
        ("The meeting will start on the 14. at noon, he said.", "MT201", "at noon", "number"),
        ("The decision was made by the. government on Monday.", "MT201", "government on Monday", "cut off"),
        ("Airport served 3.7 million. People are expected to fly more.", "MT202", "million. People", "mln."),
        ("The fine can reach 25 thousand. Euros go to the state budget.", "MT202", "thousand. Euros", "tūkst."),
        ("Half of the 35 thousand. Tonnes of lettuce are grown here.", "MT202", "thousand. Tonnes", "tūkst."),
        ("The decision was made by the. Government officials said nothing.", "MT203", "the.", "cut off"),
        ("Spending on defence and. Education will suffer.", "MT203", "and.", "cut off"),
        ("Several reforms were adopted during. The opposition protested.", "MT203", "during.", "cut off"),
    ],
)
def test_flagged(text: str, code: str, span: str, cause: str) -> None:
    findings = [f for f in _findings(text) if f.code == code]
    assert [f.text for f in findings] == [span]
    assert cause in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "More than 10,000 people are dead, officials said.",
        "The meeting ended at 4 a.m., when the sun began to rise.",
        "Sanctions imposed by the U.S. remain in force.",
        "Spokesman D. Peskov declined to comment.",
        "The new model is called the X5. iPhone sales fell.",
        "Sales fell sharply. eBay shares dropped too.",
        "The portal is run by a Vilnius firm. lrt.lt reported it first.",
        "He was a general. de Gaulle later praised him.",
        "Prices rose... and then fell again.",
        "The vote was close: the motion passed.",
        "Options:\n1. the first one\n2. the second one",
        "a. first item. b. second item.",
        "The city's population fell to 1.4 million. The decline slowed last year.",
        "Vilnius airport served 3.7 million passengers. People are expected to travel more.",
        "This is the island the plane was flying to.",
        "It is a question we will have to think of.",
        "The bill will be voted on. The vote is set for Tuesday.",
        '"We are ready." he said.',
        "Navalny, who had been jailed since 2021, was 47. The Kremlin denied any involvement.",
        "The area is 130,000 sq. m and the leasable area 55,000 sq. m.",
    ],
)
def test_silent(text: str) -> None:
    assert _findings(text) == []


def test_one_finding_per_split() -> None:
    """A lowercase continuation is reported once (MT201), not again as a cut-off first part."""
    findings = _findings("The decision was made by the. government on Monday.")
    assert [f.code for f in findings] == ["MT201"]


def test_offsets_point_into_the_document() -> None:
    text = "Title line\nOrganisers said about 7 thousand. runners took part."
    (finding,) = _findings(text)
    assert text[finding.start : finding.end] == finding.text == "runners took part"
    assert (finding.line, finding.column) == (2, text.split("\n")[1].index("runners") + 1)


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("The rate is 3 proc. higher than last year.", "proc."),
        ("The company plans to invest 12 mln. euros in a new plant.", "mln."),
        ("About 10 tūkst. people took part.", "tūkst."),
    ],
)
def test_lithuanian_abbreviation_before_lowercase_is_not_a_split(text: str, token: str) -> None:
    """The sentence goes on after a Lithuanian abbreviation: the token is untranslated, not a split."""
    document = Document(path="t", id="t", text=text)
    findings = check_document(document).findings
    assert not [f for f in findings if f.category in ("sentence-split", "fragment")]
    assert [f.text for f in findings if f.category == "untranslated"] == [token]

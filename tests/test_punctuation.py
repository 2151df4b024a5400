"""Punctuation rules (MT901-MT907)."""

from __future__ import annotations

import pytest

from tests.conftest import flags, flags_markup, run

_flags = flags
_flags_markup = flags_markup


def test_lithuanian_quotes_pair_and_suggestion() -> None:
    text = "„Interest rates are gradually decreasing“, said a representative of the bank."
    findings = [f for f in run(text, ["MT901"]) if f.code == "MT901"]
    assert [(f.text, f.suggestion, f.severity.label) for f in findings] == [
        ("„Interest rates are gradually decreasing“", "“Interest rates are gradually decreasing”", "minor")
    ]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The party called it „a mistake” on Monday.", "„a mistake”"),
        ('The film „Liars" opens on Friday.', '„Liars"'),
        ("„The decision is final, the minister said.", "„"),
        ("He called it ‚temporary‘ twice.", "‚temporary‘"),
    ],
)
def test_lithuanian_quotes_flagged(text: str, flagged: str) -> None:
    assert flagged in _flags(text, "MT901")


@pytest.mark.parametrize(
    "text",
    ["“Interest rates are falling,” he said.", "He called it ‘temporary’.", "1‚5 is a typo of a comma."],
)
def test_lithuanian_quotes_silent(text: str) -> None:
    assert _flags(text, "MT901") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("“We will decide next week, she said.", "“"),
        ("We will decide next week,” she said. The vote is on Monday.", "”"),
        ('The minister said: "We will decide next week.', '"'),
        ("“Yes,” he said. “No.", "“"),
    ],
)
def test_unbalanced_quotes_flagged(text: str, flagged: str) -> None:
    assert flagged in _flags(text, "MT902")


@pytest.mark.parametrize(
    "text",
    [
        "“We will decide next week,” she said.",
        '"We will decide," she said, "next week."',
        "“The first paragraph of a long quotation.\n“The second paragraph closes it,” she said.",
        "“A quotation that runs\nover a line break,” she said.",
        "“We want answers,” he stressed.\n- Since the crash, nobody has called us.\nThe airline showed no empathy.”",
        'The TV has a 55" screen and the channel "Channel 4" covered it.',
        "The plan has two parts: a) taxes and b) spending.",
    ],
)
def test_unbalanced_quotes_silent(text: str) -> None:
    assert _flags(text, "MT902") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The Special Investigation Service (STT detained him.", "("),
        ("The Special Investigation Service STT) detained him on Monday.", ")"),
        ("The list [of names was published.", "["),
    ],
)
def test_unbalanced_brackets_flagged(text: str, flagged: str) -> None:
    assert flagged in _flags(text, "MT903")


@pytest.mark.parametrize(
    "text",
    [
        "Call (8 37) 303 450 or (8 700) 63331.",
        "The plan has three parts: 1) taxes, 2) spending and 3) debt.",
        "Great news :) said the mayor.",
        "The service (STT) said (in a statement) that it (the STT) acted.",
    ],
)
def test_unbalanced_brackets_silent(text: str) -> None:
    assert _flags(text, "MT903") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("He approved a resolution on Ukraine , which was proposed.", " ,"),
        ("Construction should begin next year . The opposition objected.", " ."),
        ("The reasons are : money and time.", " :"),
        ("Why did he resign ? Nobody knows.", " ?"),
        ("Stop the war !", " !"),
        ("He approved it ; the opposition did not.", " ;"),
        ("He received 15 thousand. , Gapšys 27 thousand.", " ,"),
        ('"This is not a formal meeting , " said the lawyer.', " ,"),
        ("He approved a resolution on Ukraine ,which was proposed.", " ,"),
    ],
)
def test_space_before_flagged(text: str, flagged: str) -> None:
    findings = [f for f in run(text, ["MT904"]) if f.code == "MT904"]
    assert flagged in [f.text for f in findings]
    assert all(f.suggestion == f.text.strip() for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "Žalgiris won 3 : 1 and the meeting began at 10 :00.",
        "He hesitated ... and signed. Then . . . nothing.",
        "The .NET framework and .5 percent.",
        "Great news :) said the mayor.",
        "A line that ends in spaces   \n, a comma on the next line is odd but not tokenised.",
    ],
)
def test_space_before_silent(text: str) -> None:
    assert _flags(text, "MT904") == []


def test_space_before_ignores_blanked_markup() -> None:
    assert _flags_markup("<p><b>Vilnius</b>, Kaunas and <i>Klaipėda</i>.</p>", "MT904", "a.html") == []
    assert _flags_markup("**Vilnius**, Kaunas and _Klaipėda_.", "MT904", "a.md") == []
    assert _flags_markup("<p>Vilnius , Kaunas</p>", "MT904", "a.html") == [" ,"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The minister resigned,, the spokesman said.", ",,"),
        ("The minister resigned.. The spokesman said nothing.", ".."),
        ("Why did he resign?. Nobody knows.", "?."),
        ("The minister resigned,. Then he left.", ",."),
        ("The minister resigned;; then he left.", ";;"),
        ("The minister resigned., the spokesman said.", ".,"),
        ("We are proud of it!.", "!."),
    ],
)
def test_doubled_flagged(text: str, flagged: str) -> None:
    assert flagged in _flags(text, "MT905")


@pytest.mark.parametrize(
    "text",
    [
        "He waited... and waited.... Really?! Really!! What??",
        "The U.S., Japan and the U.K.; at 8 a.m., etc.: all of them.",
        "J. R. R. Tolkien, and J., K. and L. agreed.",
        "See ../docs and pages 1..5 of std::string.",
        "He scored 15 points (3/4 dvit., 9/11 baud.) on Sunday.",
        "It was a long wait…, he said.",
    ],
)
def test_doubled_silent(text: str) -> None:
    assert _flags(text, "MT905") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("“Interest rates will fall”, – said a representative of the bank.", "”, –"),
        ('"The decisions are lawful", - said the head of the board.', '", -'),
        ("“Will rates fall?” – asked the journalist.", "” –"),
        ("“We are ready”,– she added.", "”,–"),
    ],
)
def test_dialogue_dash_flagged(text: str, flagged: str) -> None:
    assert flagged in _flags(text, "MT906")


def test_dialogue_dash_suggestion_uses_english_marks() -> None:
    findings = [f for f in run("„Taip“, – said he.", ["MT906"]) if f.code == "MT906"]
    assert [(f.text, f.suggestion) for f in findings] == [("“, –", ",”")]


@pytest.mark.parametrize(
    "text",
    [
        "“Interest rates will fall,” said a representative of the bank.",
        "The film “Liars” – a comedy – opens on Friday.",
        "He called it “a disaster” – and he meant it.",
        "Vilnius – “the city of churches” – welcomes you.",
    ],
)
def test_dialogue_dash_silent(text: str) -> None:
    assert _flags(text, "MT906") == []


def test_space_inside_brackets_one_finding_per_pair() -> None:
    text = "The Special Investigation Service ( STT ) detained him, the lawyer (sic ) said."
    assert _flags(text, "MT907") == ["( ", " )"]


def test_space_inside_brackets_silent() -> None:
    assert _flags("The Special Investigation Service (STT) detained him.", "MT907") == []


def test_lithuanian_quote_pairs_stay_in_their_paragraph_and_length() -> None:
    far = "„Start " + "word " * 300 + "end“ here."
    assert _flags(far, "MT901") == ["„"]
    assert _flags("„Open here.\nThe next paragraph closes it“.", "MT901") == ["„"]
    assert _flags("„Open here\nand go on“ soft wrapped.", "MT901", path="t.md") == ["„Open here\nand go on“"]


def test_pathological_punctuation_is_capped() -> None:
    from mtcheck.rules.punctuation import MAX_FINDINGS, MAX_QUOTATION

    text = "„" * 5000 + '"' * 5000
    findings = run(text, ["MT901", "MT902"])
    for code in ("MT901", "MT902"):
        assert 0 < len([f for f in findings if f.code == code]) <= MAX_FINDINGS
    assert max(f.end - f.start for f in findings) <= MAX_QUOTATION + 1

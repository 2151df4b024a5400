"""Punctuation rules (MT901-MT907)."""

from __future__ import annotations

from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.model import Paragraph
from mtcheck.rules import punctuation
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


# --- the fast scans are the old patterns (commit "Speed: segmenter and small rules scan from their
# trigger characters"): the patterns they replaced are reproduced here and compared on random text ---

_EQUIVALENCE = settings(max_examples=200, deadline=None, derandomize=True, database=None)
# Marks, brackets, quotation marks, dashes and every kind of space, including the characters that are
# str.isspace() but not the regex module's \s (\x1c-\x1f), and \x85, \u2028 (both spaces to both).
_PUNCTUATION_TEXT = st.lists(
    st.sampled_from(
        [" ", "  ", "\t", "\n", "\u00a0", "\u202f", "\x1c", "\x1f", "\x85", "\u2028", ",", ";", ":", ".", "!",
         "?", "…", "(", ")", "[", "]", "{", "}", "”", "“", '"', "»", "„", "«", "-", "–", "—", "a", "said", "3", "Ž",
         "( ", " )", "[ ", " ]", " .", " ,", " :", "\u202f!", "\x1c ", " \x1c", "\x85 ", "\u00a0 ?"]
    ),
    max_size=40,
).map("".join) | st.text(alphabet=" \t\u00a0\u202f\x1c\x1f\x85\n()[],.:;!?a3”-", max_size=24)

# MT904, MT905 and MT907 before the scans from their trigger characters (regex module)
_OLD_SPACE_BEFORE = regex.compile(r"(?<=\S)([ \t\u00a0\u202f]+)([,;:!?.])")
_OLD_RUN = regex.compile(r"[,;:.!?…]{2,}")
_OLD_INSIDE_OPEN = regex.compile(r"([(\[])([ \t]+)(?=[^\s)\]])")
_OLD_INSIDE_CLOSE = regex.compile(r"(?<=[^\s(\[])([ \t]+)([)\]])")
_OLD_QUOTE_MARK = regex.compile(r"[“”„\"«»]")
_OLD_BRACKET = regex.compile(r"[()\[\]{}]")


class _OldMarks:
    """Stands for _MARK_AFTER_SPACE: yields the marks of the old pattern's matches, checking that the
    rule's walk back over the spaces then finds the old match's start and passes its (?<=\\S) test."""

    class _Mark:
        def __init__(self, position: int) -> None:
            self.position = position

        def start(self) -> int:
            return self.position

    def finditer(self, text: str) -> list[Any]:
        marks = []
        for match in _OLD_SPACE_BEFORE.finditer(text):
            assert text[match.start(1) - 1] not in punctuation._SPACES  # a whole run of spaces
            assert punctuation._regex_non_space(text[match.start(1) - 1])
            marks.append(self._Mark(match.start(2)))
        return marks


@_EQUIVALENCE
@given(_PUNCTUATION_TEXT)
def test_space_before_mark_scan_equals_the_old_pattern(text: str) -> None:
    new = run(text, ["MT904"])
    saved = punctuation._MARK_AFTER_SPACE
    punctuation._MARK_AFTER_SPACE = _OldMarks()  # type: ignore[assignment]
    try:
        old = run(text, ["MT904"])
    finally:
        punctuation._MARK_AFTER_SPACE = saved
    assert new == old


@_EQUIVALENCE
@given(_PUNCTUATION_TEXT)
def test_space_before_findings_are_old_pattern_spans(text: str) -> None:
    old = {(m.start(1), m.end(2)) for m in _OLD_SPACE_BEFORE.finditer(text)}
    assert {(f.start, f.end) for f in run(text, ["MT904"])} <= old


@pytest.mark.parametrize(
    "text",
    ["Vilnius \u202f, Kaunas", "Vilnius\u202f , Kaunas", "a\u00a0\u202f\t. B", "a\t\u00a0? B",
     "Vilnius\u00a0 \t; Kaunas", "a\x1c . b", "a\x1f\u202f! b", "a\x85 , b", "\u2028 , b",
     "x ( \x1c y )", "x ( y \x1c )", "x (\t\ty ) z", "x [ \x85 ] z", "x ( \x1f ) z", " , a", "a ,",
     "(Vilnius )", "[ a ]", "a )", "( )", "(\t)"],
)
def test_space_scans_on_awkward_spaces(text: str) -> None:
    # the walk back takes the spaces of the old pattern's class
    assert set(punctuation._SPACES) == {" ", "\t", "\u00a0", "\u202f"}
    old = sorted({(m.start(1), m.end(2)) for m in _OLD_SPACE_BEFORE.finditer(text)})
    assert sorted((f.start, f.end) for f in run(text, ["MT904"])) == old
    _assert_inside_brackets_as_old(text)


@_EQUIVALENCE
@given(_PUNCTUATION_TEXT)
def test_mark_after_space_finds_every_old_mark(text: str) -> None:
    # every mark the old pattern took is found by the scan (the scan may find more: the walk back drops them)
    found = {m.start() for m in punctuation._MARK_AFTER_SPACE.finditer(text)}
    assert {m.start(2) for m in _OLD_SPACE_BEFORE.finditer(text)} <= found


def _assert_inside_brackets_as_old(text: str) -> None:
    brackets = punctuation._char_positions(text, punctuation._BRACKETS)
    assert list(punctuation._inside_open(text, brackets)) == [m.span() for m in _OLD_INSIDE_OPEN.finditer(text)]
    assert list(punctuation._inside_close(text, brackets)) == [
        (m.start(1), m.end()) for m in _OLD_INSIDE_CLOSE.finditer(text)
    ]


@_EQUIVALENCE
@given(_PUNCTUATION_TEXT)
def test_space_inside_brackets_equals_the_old_patterns(text: str) -> None:
    _assert_inside_brackets_as_old(text)


@_EQUIVALENCE
@given(_PUNCTUATION_TEXT)
def test_character_scans_equal_the_old_patterns(text: str) -> None:
    assert [m.span() for m in punctuation._RUN.finditer(text)] == [m.span() for m in _OLD_RUN.finditer(text)]
    quotes = punctuation._char_positions(text, punctuation._QUOTES)
    assert quotes == [m.start() for m in _OLD_QUOTE_MARK.finditer(text)]
    assert quotes == [m.start() for m in punctuation._QUOTE_MARK.finditer(text)]
    brackets = punctuation._char_positions(text, punctuation._BRACKETS)
    assert brackets == [m.start() for m in _OLD_BRACKET.finditer(text)]
    assert [m.start() for m in punctuation._LT_OPENER.finditer(text)] == [
        m.start() for m in regex.finditer(r"[„‚]", text)
    ]


@_EQUIVALENCE
@given(_PUNCTUATION_TEXT)
def test_dialogue_matches_at_quotation_marks_equal_finditer(text: str) -> None:
    # MT906 matches _DIALOGUE at each quotation mark but „ and « instead of scanning with finditer
    at_marks = []
    for position in punctuation._char_positions(text, punctuation._QUOTES):
        match = punctuation._DIALOGUE.match(text, position) if text[position] not in "„«" else None
        if match is not None:
            at_marks.append(match.span())
    assert at_marks == [m.span() for m in punctuation._DIALOGUE.finditer(text)]


@_EQUIVALENCE
@given(_PUNCTUATION_TEXT)
def test_dialogue_line_prefilter_and_bracketless_paragraphs(text: str) -> None:
    for start in range(len(text) + 1):
        # _quote_marks tries _DIALOGUE_LINE only at a paragraph starting with one of _DIALOGUE_FIRST
        if punctuation._DIALOGUE_LINE.match(text, start) is not None:
            assert text[start] in punctuation._DIALOGUE_FIRST
    # MT903 looks only at the paragraphs with a bracket: one without has no finding
    paragraph = Paragraph(0, len(text), 0, ())
    if not any(char in text for char in punctuation._BRACKETS):
        assert punctuation._bracket_balance(text, paragraph) == ([], [])


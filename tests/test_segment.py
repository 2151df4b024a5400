"""The segmenter: exact offsets, no break at English abbreviations or initials, and MT's broken
boundaries kept visible ("arrested. people are dead." splits so that the split rules see it)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import segment as segment_module
from mtcheck.model import Sentence
from mtcheck.segment import count_words, segment, split_sentences


def _sentences(text: str, soft_wrap: bool = False) -> list[str]:
    return [sentence.text for paragraph in segment(text, soft_wrap=soft_wrap) for sentence in paragraph.sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones on Monday.",
        "Mrs. Brown and Prof. White arrived.",
        "He lives on Main St. in Vilnius.",
        "The sanctions were imposed by the U.S. on Monday.",
        "They left at 4 a.m., when the sun rose.",
        "The game starts at 8 p.m. on Thursday.",
        "She lives at No. 5 Gedimino Avenue.",
        "Lakes, rivers, etc. are protected.",
        "Some fruit, e.g. apples, is cheaper.",
        "Others, i.e. the opposition, voted against.",
        "Kremlin spokesman D. Peskov said nothing.",
        "The book by J. R. R. Tolkien sold well.",
        "The area is 130,000 sq. m in total.",
        "See Art. 12 of the Constitution.",
        "Last week p. Masiulis announced the plan.",
        "The deal was announced by the U.S. Treasury.",
        "The contract, said a. Anušauskas, was signed.",
        "The price rose by 3.5 percent.",
        "Well... and then it ended.",
        '"Why?" he asked.',
        "It was a great success! said the mayor.",
        "Thanks to Th. May the talks resumed.",
    ],
)
def test_no_break(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10,000 were arrested. people are dead.", ["10,000 were arrested.", "people are dead."]),
        ("The change affects 1.4 million. residents.", ["The change affects 1.4 million.", "residents."]),
        ("Since 2020. the regime has closed them.", ["Since 2020.", "the regime has closed them."]),
        ("About 7 thousand. runners took part.", ["About 7 thousand.", "runners took part."]),
        ("It ended at 8 p.m. The crowd left.", ["It ended at 8 p.m.", "The crowd left."]),
        ("He was born in the U.S. It is his home.", ["He was born in the U.S.", "It is his home."]),
        ("Added D. Peskov. The Kremlin agreed.", ["Added D. Peskov.", "The Kremlin agreed."]),
        ("It was Plan B. The plan failed.", ["It was Plan B.", "The plan failed."]),
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        ("It is modern art. The show opens today.", ["It is modern art.", "The show opens today."]),
        ("They took vitamin C. The dose was small.", ["They took vitamin C.", "The dose was small."]),
        ("Why? Nobody knows.", ["Why?", "Nobody knows."]),
        ("We won! Everyone cheered.", ["We won!", "Everyone cheered."]),
        ('He said: "We are ready." Then he left.', ['He said: "We are ready."', "Then he left."]),
        ("Prices fell… Then they rose.", ["Prices fell…", "Then they rose."]),
        ("Prices fell... Then they rose.", ["Prices fell...", "Then they rose."]),
        ("Lakes, rivers, etc. The list goes on.", ["Lakes, rivers, etc.", "The list goes on."]),
    ],
)
def test_breaks(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "10,000 were arrested. people are dead.\nThe police said.  Nothing else.",
        "  Leading spaces. And trailing ones.  \n\n\nNew paragraph here. Dr. Who? Yes.",
        "„Taip“, – sakė jis. Vilnius, 2024 m. rugsėjo 1 d. Šventė.",
        "- item one\n- item two. More text\n\n1. First. Second",
    ],
)
@pytest.mark.parametrize("soft_wrap", [False, True])
def test_offsets_are_exact(text: str, soft_wrap: bool) -> None:
    previous_end = 0
    for paragraph in segment(text, soft_wrap=soft_wrap):
        assert text[paragraph.start : paragraph.end].strip()
        for sentence in paragraph.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip()
            assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
            assert sentence.start >= previous_end
            previous_end = sentence.end


def test_sentence_indexes_run_through_the_document() -> None:
    paragraphs = segment("One. Two.\nThree. Four.")
    indexes = [(s.index, s.paragraph) for p in paragraphs for s in p.sentences]
    assert indexes == [(0, 0), (1, 0), (2, 1), (3, 1)]


def test_plain_text_lines_are_paragraphs() -> None:
    paragraphs = segment("First line without stop\nSecond line.")
    assert [p.sentences[0].text for p in paragraphs] == ["First line without stop", "Second line."]


def test_markdown_soft_wraps_join_lines() -> None:
    text = "The change will affect more\nthan 1.4 million residents.\n\nNext paragraph."
    paragraphs = segment(text, soft_wrap=True)
    assert [[s.text for s in p.sentences] for p in paragraphs] == [
        ["The change will affect more\nthan 1.4 million residents."],
        ["Next paragraph."],
    ]


def test_markdown_list_items_are_paragraphs() -> None:
    text = "Intro line:\n- first item\n- second item. More\n\n\nAfter the list."
    paragraphs = segment(text, soft_wrap=True)
    assert [text[p.start : p.end] for p in paragraphs] == [
        "Intro line:",
        "- first item",
        "- second item. More",
        "After the list.",
    ]
    assert all(p.sentences for p in paragraphs)


def test_split_sentences_of_a_slice() -> None:
    text = "Ignore this. Keep one. Keep two."
    start = text.index("Keep")
    sentences = split_sentences(text, start, len(text), paragraph=3, first_index=7)
    assert [(s.text, s.index, s.paragraph) for s in sentences] == [("Keep one.", 7, 3), ("Keep two.", 8, 3)]


def test_count_words() -> None:
    assert count_words("The co-operation's residents — of Vilnius, they’re 40.") == 7


def test_long_punctuation_runs_are_linear() -> None:
    import time

    started = time.perf_counter()
    sentences = _sentences("Hello there " + "." * 30000 + " Next one. " + "!" * 20000 + '"' * 5000)
    assert time.perf_counter() - started < 2  # was quadratic: ~10 s
    assert sentences[0] == "Hello there " + "." * 30000 and sentences[1] == "Next one."


# --- the fast paths are the old code (commit "Speed: segmenter and small rules scan from their trigger
# characters"): references below reproduce what they replaced, compared on random text -------------

_EQUIVALENCE = settings(max_examples=200, deadline=None, derandomize=True, database=None)
# Marks, closers, all kinds of whitespace (str.isspace() but not "\s" of other engines: \x1c-\x1f,
# \x85, \u2028), abbreviations and letters: what the boundary scan and _is_boundary look at.
_SEGMENT_TEXT = st.lists(
    st.sampled_from(
        [".", "!", "?", "…", "...", "?!", '"', "'", "”", "’", "»", ")", "]", "“", " ", "  ", "\t", "\n", "\x1c",
         "\x1f", "\x85", "\u2028", "\u00a0", "The", "he", "Mr.", "e.g.", "U.S.", "D.", "a", "1", "1.5", "Šimonytė"]
    )
    | st.text(alphabet=".!?…\"' \n\tx", max_size=4),
    max_size=40,
).map("".join)

# The boundary pattern before the fast scan (starts with a lookbehind tried at every position).
_OLD_BOUNDARY = re.compile(
    r"(?:(?<![.!?])(?:\.{3}|[.!?]++)|…)[" + re.escape(segment_module._CLOSERS) + r"]*+(?=\s)"
)


def _old_append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int, first: int) -> None:
    # _append before it used str.strip()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, text[start:end], paragraph, first + len(sentences)))


def _old_split_sentences(text: str, start: int, end: int, paragraph: int, first_index: int) -> list[Sentence]:
    # split_sentences before the first-boundary short cut, with the old pattern and _append
    sentences: list[Sentence] = []
    cursor = start
    for match in _OLD_BOUNDARY.finditer(text, start, end):
        next_start = match.end()
        while next_start < end and text[next_start].isspace():
            next_start += 1
        if next_start >= end:
            break
        if not segment_module._is_boundary(text, match.start(), match.end(), next_start):
            continue
        _old_append(sentences, text, cursor, match.end(), paragraph, first_index)
        cursor = next_start
    _old_append(sentences, text, cursor, end, paragraph, first_index)
    return sentences


@_EQUIVALENCE
@given(_SEGMENT_TEXT, st.integers(0, 50), st.integers(0, 50))
def test_boundary_scan_equals_the_lookbehind_pattern(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(max(start, end), len(text))
    new = [m.span() for m in segment_module._BOUNDARY.finditer(text, start, end)]
    assert new == [m.span() for m in _OLD_BOUNDARY.finditer(text, start, end)]
    first = segment_module._BOUNDARY.search(text, start, end)
    assert (first.span() if first else None) == (new[0] if new else None)


@_EQUIVALENCE
@given(_SEGMENT_TEXT, st.integers(0, 50), st.integers(0, 50))
def test_split_sentences_equals_the_old_code(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(max(start, end), len(text))
    assert split_sentences(text, start, end, 2, 5) == _old_split_sentences(text, start, end, 2, 5)


@_EQUIVALENCE
@given(_SEGMENT_TEXT)
def test_plain_paragraph_spans_equal_the_line_pattern(text: str) -> None:
    # the lines of "[^\n]+" that are not all whitespace
    old = [m.span() for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    assert list(segment_module._paragraph_spans(text, soft_wrap=False)) == old


def test_boundary_scan_awkward_cases() -> None:
    for text in ["a... b", "a.... b", "a…. b", "a.… b", "a?!… b", "…… x", "a.\x1c", "x.”’) y", "!… z", "a …. b"]:
        assert [m.span() for m in segment_module._BOUNDARY.finditer(text)] == [
            m.span() for m in _OLD_BOUNDARY.finditer(text)
        ], text

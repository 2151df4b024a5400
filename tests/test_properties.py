"""Property tests: any Unicode text never crashes the checker, and every finding's span is exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtcheck.engine import check_document
from mtcheck.inputs.markup import mask_html, mask_markdown
from mtcheck.model import Document
from mtcheck.segment import segment

# Text that looks like MT news often enough to exercise the rules: words, Lithuanian letters,
# abbreviations, quotes, brackets, markup and numbers, mixed with arbitrary Unicode.
PIECES = st.sampled_from([
    "The", "the", "Seimas", "she", "her", "He", "Putino", "tūkst.", "mln.", "2020 m.", "rugsėjo", "14 d.",
    " ", ". ", ", ", "\n", "\n\n", "„", "“", "\"", "(", ")", "[ad_1]", "&nbsp;", "<b>", "</p>", "Mr.",
    "D. Peskov", "1,5", "10,000", "people", "said", "Russian.", "army", "troops", "ąčęėįšųūž", "Ä…",
    "<!-- mtcheck: ignore[MT801] -->", "…", "?", "!", " .", "..", "e.g.", "U.S.", "Šimonytė", "he",
])
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=80).map("".join),
)


def _assert_exact(text: str, check_text: str | None = None, path: str = "t.txt") -> None:
    document = Document(path=path, id=path, text=text, check_text=check_text or "")
    result = check_document(document)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text
        assert finding.line >= 1 and finding.column >= 1
    assert result.words >= 0 and 0 <= result.score <= 100


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_plain_text_never_crashes_and_spans_are_exact(text: str) -> None:
    _assert_exact(text)


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_markup_masks_keep_length_and_spans(text: str) -> None:
    for mask, path in ((mask_html, "t.html"), (mask_markdown, "t.md")):
        masked = mask(text)
        assert len(masked) == len(text)
        # line breaks survive (block tags may add some, so paragraphs stay apart)
        assert all(masked[i] == "\n" for i, c in enumerate(text) if c == "\n")
        _assert_exact(text, masked or None, path)


@settings(max_examples=150, deadline=None)
@given(TEXT, st.booleans())
def test_segments_are_ordered_slices(text: str, soft_wrap: bool) -> None:
    previous = 0
    for paragraph in segment(text, soft_wrap=soft_wrap):
        for sentence in paragraph.sentences:
            assert previous <= sentence.start < sentence.end <= len(text)
            assert text[sentence.start:sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip()
            previous = sentence.end

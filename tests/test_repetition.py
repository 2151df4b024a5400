"""The repetition rules (MT801-MT802): doubled words and phrases, and the doubles that are names."""

from __future__ import annotations

import pytest

from tests.conftest import run


def found(text: str) -> list[str]:
    return [finding.text for finding in run(text, ["MT801"])]


@pytest.mark.parametrize(
    "text",
    [
        "They flew to Bora Bora for the honeymoon.",
        "The ship docked in Pago Pago, American Samoa.",
        "Guests of the Roa Roa Hotel were evacuated.",
        "Walla Walla is a city in Washington.",
    ],
)
def test_doubled_place_names_are_not_flagged(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The The council met on Monday.", "The The"),  # a function word is never a name
        ("He travelled In In Vilnius yesterday.", "In In"),
        ("The amendments will allow allow municipalities to act.", "allow allow"),
        ("They went to bora bora.", "bora bora"),  # not capitalised: no name
        ("Bora bora was the answer.", None),  # mixed case is left alone as before
    ],
)
def test_other_doubles_are_still_flagged(text: str, span: str | None) -> None:
    assert found(text) == ([span] if span else [])

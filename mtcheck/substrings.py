"""Substring helpers for the pre-filters that skip a search when a text cannot match."""

from __future__ import annotations


def common_substring(strings: list[str], minimum: int = 1) -> str:
    """The longest substring of every string of ``strings`` (the leftmost of the shortest string's,
    on a tie), or "" when they share none of at least ``minimum`` characters or there are none.

    A text without it holds none of the strings, so a search for them can be skipped.
    """
    if not strings:
        return ""
    shortest = min(strings, key=len)
    for length in range(len(shortest), minimum - 1, -1):
        for start in range(len(shortest) - length + 1):
            candidate = shortest[start : start + length]
            if all(candidate in string for string in strings):
                return candidate
    return ""

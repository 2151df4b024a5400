"""Quoted spans: inside quotation marks, the words are somebody's own (a quote, a title, a name)."""

from __future__ import annotations

import re

# opening mark -> closing marks it may pair with. „…“ is Lithuanian (and German), “…” English,
# «…» Russian and French; plain " pairs with itself. Single quotes are left out: ’ is an apostrophe.
_PAIRS = {"“": "”\"", "„": "“”\"", "«": "»", '"': '"', "‘": "’"}
_MARK = re.compile(r"[“”„«»\"‘’]")


def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of every quotation, marks included; unbalanced marks are skipped."""
    spans: list[tuple[int, int]] = []
    opening: tuple[str, int] | None = None
    for match in _MARK.finditer(text):
        mark, position = match.group(0), match.start()
        if opening is not None:
            if mark in _PAIRS[opening[0]]:
                spans.append((opening[1], position + 1))
                opening = None
                continue
            if text.count("\n", opening[1], position):
                opening = None  # quotations do not cross paragraphs
        if mark == "‘":
            before = text[position - 1] if position else " "
            if before.isalnum():
                continue
        if mark == "’":
            continue
        if mark in _PAIRS and opening is None:
            opening = (mark, position)
    return tuple(spans)

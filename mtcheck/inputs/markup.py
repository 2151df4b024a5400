"""Blank out markup so rules see prose only, keeping every offset (same length, same line breaks).

HTML: tags, comments, ``<script>``/``<style>`` contents and entities are replaced by spaces; block
tags (p, div, br, li, h1-h6, tr, ...) by a line break, so paragraphs stay apart. An entity becomes
its character followed by spaces. Markdown: code, link targets, image syntax, heading and list
markers, emphasis marks and HTML comments are blanked. Comments are blanked in every format (they
hold suppression directives, never prose).
"""

from __future__ import annotations

import html
import re

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_RAW = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
_DOCTYPE = re.compile(r"<![A-Za-z][^>]*>|<\?[^>]*\?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "section", "article", "header", "footer", "blockquote", "pre", "figure", "figcaption",
    "hr", "dd", "dt", "dl", "main", "aside", "nav", "title", "body", "head", "html",
}


def _blank(text: str) -> str:
    """Spaces for every character but line breaks."""
    return re.sub(r"[^\n]", " ", text)


def blank_comments(text: str) -> str:
    return _COMMENT.sub(lambda m: _blank(m.group(0)), text)


def mask_html(text: str) -> str:
    text = blank_comments(text)
    text = _RAW.sub(lambda m: _blank(m.group(0)), text)
    text = _DOCTYPE.sub(lambda m: _blank(m.group(0)), text)

    def tag(match: re.Match[str]) -> str:
        blank = _blank(match.group(0))
        if match.group(1).lower() in _BLOCK and "\n" not in blank:
            return "\n" + blank[1:]
        return blank

    text = _TAG.sub(tag, text)

    def entity(match: re.Match[str]) -> str:
        char = html.unescape(match.group(0))
        if len(char) != 1 or char == "\xa0":
            char = " "
        return char + " " * (len(match.group(0)) - 1)

    return _ENTITY.sub(entity, text)


_FENCE = re.compile(r"^(```|~~~).*?(?:^\1[^\n]*$|\Z)", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\](\([^)\n]*\)|\[[^\]\n]*\])")
_MARKERS = re.compile(r"^([ \t]*)(#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d{1,3}[.)][ \t])", re.M)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)([^*_\n]+?)(?<=\S)\1")
_REFDEF = re.compile(r"^[ \t]*\[[^\]\n]+\]:[^\n]*$", re.M)


def mask_markdown(text: str) -> str:
    text = blank_comments(text)
    text = _FENCE.sub(lambda m: _blank(m.group(0)), text)
    text = _INLINE_CODE.sub(lambda m: _blank(m.group(0)), text)
    text = _IMAGE.sub(lambda m: _blank(m.group(0)), text)
    text = _REFDEF.sub(lambda m: _blank(m.group(0)), text)
    text = _LINK.sub(lambda m: " " + m.group(1) + _blank(m.group(2)) + " ", text)
    text = _MARKERS.sub(lambda m: m.group(1) + _blank(m.group(2)), text)
    text = _EMPHASIS.sub(lambda m: _blank(m.group(1)) + m.group(2) + _blank(m.group(1)), text)
    return _TAG.sub(lambda m: _blank(m.group(0)), text)

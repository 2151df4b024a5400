"""Blank out markup so rules see prose only, keeping every offset (same length, same line breaks).

HTML: tags, comments, ``<script>``/``<style>`` contents, code (``<code>``, ``<pre>``, ``<kbd>``,
``<samp>`` contents) and entities are replaced by spaces; block tags (p, div, br, li, h1-h6, tr, ...)
by a line break, so paragraphs stay apart. An entity becomes its character followed by spaces.
Markdown: code (fenced, indented and inline), tables, link targets, image syntax, heading and list
markers, emphasis marks and HTML comments are blanked. Comments are blanked in every format (they
hold suppression directives, never prose).
"""

from __future__ import annotations

import html
import re

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_RAW = re.compile(r"<(script|style|noscript|template)\b[^<>]*>", re.I)
_CODE = re.compile(r"<(code|pre|kbd|samp)\b[^<>]*>", re.I)
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


def _blank_elements(text: str, opener: re.Pattern[str], whole: bool) -> str:
    """Blank the elements ``opener`` starts up to their closing tag: whole, or their contents only.

    Linear: once no closing tag of a name follows a position, later openers of it are not searched."""
    parts: list[str] = []
    done = 0
    position = 0
    unclosed_from: dict[str, int] = {}
    while (match := opener.search(text, position)) is not None:
        name = match.group(1).lower()
        if match.start() >= unclosed_from.get(name, len(text) + 1):
            position = match.end()
            continue
        closing = re.compile(r"</" + name + r"\s*>", re.I).search(text, match.end())
        if closing is None:
            unclosed_from[name] = match.start()
            position = match.end()
            continue
        start, end = (match.start(), closing.end()) if whole else (match.end(), closing.start())
        parts.append(text[done:start])
        parts.append(_blank(text[start:end]))
        done, position = end, closing.end()
    parts.append(text[done:])
    return "".join(parts)


def blank_comments(text: str) -> str:
    return _COMMENT.sub(lambda m: _blank(m.group(0)), text)


def mask_html(text: str) -> str:
    text = blank_comments(text)
    text = _blank_elements(text, _RAW, whole=True)
    # code: the contents only, the tags stay for the block-tag line breaks below
    text = _blank_elements(text, _CODE, whole=False)
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


_LIST_LINE = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])(?:[ \t]|$)")
_CODE_INDENT = re.compile(r" {0,3}\t| {4}")
_TABLE_ROW = re.compile(r" {0,3}\|")
_TABLE_SEPARATOR = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")


def _blank_blocks(text: str) -> str:
    """Blank indented code blocks (not list item continuations) and tables, line by line."""
    lines = text.split("\n")
    blank = [False] * len(lines)
    previous_blank, previous_code, in_list = True, False, False
    for number, line in enumerate(lines):
        if not line.strip():
            previous_blank = True
            continue
        code = (previous_blank or previous_code) and not in_list and _CODE_INDENT.match(line) is not None
        if code:
            blank[number] = True
        elif _LIST_LINE.match(line):
            in_list = True
        elif not line[:1].isspace():
            in_list = False
        previous_blank, previous_code = False, code
        if _TABLE_ROW.match(line):
            blank[number] = True
        elif "|" in line and _TABLE_SEPARATOR.match(line):
            blank[number] = True  # a table without outer pipes: its header and rows up to a blank line
            if number and "|" in lines[number - 1]:
                blank[number - 1] = True
            following = number + 1
            while following < len(lines) and lines[following].strip() and "|" in lines[following]:
                blank[following] = True
                following += 1
    if not any(blank):
        return text
    return "\n".join(_blank(line) if flag else line for line, flag in zip(lines, blank, strict=True))


def mask_markdown(text: str) -> str:
    text = text.replace("\r\n", " \n").replace("\r", "\n")  # as Document does: CR-only files have lines too
    text = blank_comments(text)
    text = _FENCE.sub(lambda m: _blank(m.group(0)), text)
    text = _blank_blocks(text)
    text = _INLINE_CODE.sub(lambda m: _blank(m.group(0)), text)
    text = _IMAGE.sub(lambda m: _blank(m.group(0)), text)
    text = _REFDEF.sub(lambda m: _blank(m.group(0)), text)
    text = _LINK.sub(lambda m: " " + m.group(1) + _blank(m.group(2)) + " ", text)
    text = _MARKERS.sub(lambda m: m.group(1) + _blank(m.group(2)), text)
    text = _EMPHASIS.sub(lambda m: _blank(m.group(1)) + m.group(2) + _blank(m.group(1)), text)
    return _TAG.sub(lambda m: _blank(m.group(0)), text)

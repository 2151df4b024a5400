"""Bilingual translator files: XLIFF 1.2, XLIFF 2.0, TMX and PO, each read as one document.

A file's translation units, in order, make one :class:`~mtcheck.model.Document`: ``text`` is the
units' targets joined by a blank line (so each unit is a paragraph and every offset points inside one
unit's target), ``source`` the units' sources joined the same way, and ``units`` records each unit's
id, span and where its target's lines are in the file. The engine adds the unit's id to every finding
(``"unit"``), the finding's offset in the unit's target (``"unit_offset"``) and its line in the file
(``"unit_line"``), which the reports point at. In XML the line is that of the target's element plus the
line breaks before the finding in its text (a character reference such as ``&#10;`` is a line break
in the text but not in the file); in PO each string literal is a line of its own.

Units without a target (not translated yet) are left out, as pofilter skips them. Inline codes (XLIFF
``<x/>``, ``<ph>``, ``<bpt>``…, TMX ``<ph>``…) are dropped; the text of container elements (``<g>``,
``<mrk>``, ``<pc>``, ``<hi>``) is kept.

XML is parsed with defusedxml: no DTD entities (so no entity-expansion "billion laughs"), no external
entities or DTDs, no network. A malformed or unsafe file is an :class:`InputError`, one line.
The PO reader is a small parser of its own: ``msgctxt``, ``msgid``, ``msgstr`` (``msgstr[0]`` for
plurals), multi-line strings and C escapes; obsolete (``#~``) entries and the header are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from mtcheck.model import LINE_BREAK, Document, InputError, Unit

Reader = Callable[[str, str], Iterator[Document | InputError]]
Lines = tuple[tuple[int, int], ...]  # (offset in a target, line in the file) where each line starts
Pair = tuple[str, str | None, str, Lines]  # (unit id, source, target, lines of the target)

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# inline elements whose content is native code, not text
_CODES = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "sc", "ec", "sm", "em", "cp"})


class _FormatError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: Any) -> str:
    """The text of an element without its inline codes."""
    parts = [element.text or ""]
    for child in element:
        if _local(child.tag) not in _CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# the elements whose lines the readers ask for (the others are not recorded: large files stay lean)
_LINE_TAGS = frozenset({"target", "seg"})


_LINE_BREAK_BYTES = re.compile(LINE_BREAK.pattern.encode("ascii"))  # the same, in the bytes expat reads


def _tag_end(data: bytes, start: int) -> int:
    """The offset just past the ">" closing the tag that starts at ``start`` (a ">" inside a quoted
    attribute value does not close it)."""
    quote = 0
    for index in range(start, len(data)):
        byte = data[index]
        if quote:
            if byte == quote:
                quote = 0
        elif byte in b"\"'":
            quote = byte
        elif byte == 0x3E:  # >
            return index + 1
    return len(data)


class _Lines:
    """The line each target element starts on, recorded as the parser builds the tree."""

    def __init__(self) -> None:
        self.of: dict[int, int] = {}  # id(element) -> line (the tree keeps every element alive)

    def of_text(self, element: Any, text: str, offset: int = 0) -> Lines:
        """Where each line of ``text`` (the element's text, at ``offset`` in its unit's target) starts."""
        line = None if element is None else self.of.get(id(element))
        if line is None:
            return ()
        starts = [(offset, line)]
        position = text.find("\n")
        while position >= 0:  # (expat turns CRLF and CR into LF in the text)
            line += 1
            starts.append((offset + position + 1, line))
            position = text.find("\n", position + 1)
        return tuple(starts)


def _parse_xml(text: str) -> tuple[Any, _Lines]:
    from xml.etree.ElementTree import ParseError, TreeBuilder

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    lines = _Lines()

    class Builder(TreeBuilder):
        def start(self, tag: Any, attrs: Any) -> Any:
            element = super().start(tag, attrs)
            if _local(tag) in _LINE_TAGS:
                # expat is at the start tag's "<"; its text starts after the tag's ">", maybe lines later
                at = parser.parser.CurrentByteIndex
                breaks = _LINE_BREAK_BYTES.findall(encoded, at, _tag_end(encoded, at))
                lines.of[id(element)] = parser.parser.CurrentLineNumber + len(breaks)
            return element

    # the text is already decoded: drop the declaration, whose encoding no longer applies (keeping its
    # line breaks, so that lines stay the file's lines)
    body = re.sub(r"^\s*<\?xml[^>]*\?>", lambda match: "\n" * len(LINE_BREAK.findall(match.group())), text,
                  count=1)
    encoded = body.encode("utf-8", "surrogatepass")  # what expat reads, and counts its byte index in
    parser = DefusedXMLParser(target=Builder(), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(body)
        return parser.close(), lines
    except DefusedXmlException as error:
        raise _FormatError(
            f"unsafe XML refused ({type(error).__name__}: entity declarations and external references are not allowed)"
        ) from None
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        message = re.sub(r": line \d+, column \d+$", "", str(error))
        raise _FormatError(f"malformed XML: {message}", line) from None


def _xliff_pairs(root: Any, lines: _Lines) -> list[Pair]:
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    version = root.get("version", "")
    if _local(root.tag) != "xliff":
        raise _FormatError(f"not an XLIFF file (root element <{_local(root.tag)}>)")
    pairs: list[Pair] = []
    if namespace == XLIFF20 or version.startswith("2"):
        for number, unit in enumerate((e for e in root.iter() if _local(e.tag) == "unit"), 1):
            sources: list[str] = []
            targets: list[str] = []
            starts: list[tuple[int, int]] = []
            length = 0
            for part in unit:
                if _local(part.tag) not in ("segment", "ignorable"):
                    continue
                for child in part:
                    if _local(child.tag) == "source":
                        sources.append(_text(child))
                    elif _local(child.tag) == "target":
                        text = _text(child)
                        starts.extend(lines.of_text(child, text, length))  # each segment's own lines
                        targets.append(text)
                        length += len(text)
            pairs.append((unit.get("id") or str(number), "".join(sources), "".join(targets), tuple(starts)))
        return pairs
    for number, unit in enumerate((e for e in root.iter() if _local(e.tag) == "trans-unit"), 1):
        source = next((c for c in unit if _local(c.tag) == "source"), None)
        target = next((c for c in unit if _local(c.tag) == "target"), None)
        text = _text(target) if target is not None else ""
        pairs.append(
            (
                unit.get("id") or str(number),
                _text(source) if source is not None else None,
                text,
                lines.of_text(target, text),
            )
        )
    return pairs


def _tmx_pairs(root: Any, lines: _Lines) -> list[Pair]:
    if _local(root.tag) != "tmx":
        raise _FormatError(f"not a TMX file (root element <{_local(root.tag)}>)")
    header = next((e for e in root if _local(e.tag) == "header"), None)
    source_lang = (header.get("srclang", "") if header is not None else "").lower()
    pairs: list[Pair] = []
    for number, unit in enumerate((e for e in root.iter() if _local(e.tag) == "tu"), 1):
        variants: list[tuple[str, str]] = []
        where: Lines | None = None  # the lines of the first English variant: the target
        for tuv in unit:
            if _local(tuv.tag) != "tuv":
                continue
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()
            seg = next((c for c in tuv if _local(c.tag) == "seg"), None)
            variants.append((lang, _text(seg) if seg is not None else ""))
            if where is None and lang.startswith("en"):
                where = lines.of_text(seg, variants[-1][1])
        target = next((t for lang, t in variants if lang.startswith("en")), None)
        source = next(
            (
                t
                for lang, t in variants
                if source_lang not in ("", "*all*") and lang == source_lang and not lang.startswith("en")
            ),
            None,
        )
        if source is None:
            source = next((t for lang, t in variants if lang.startswith("lt")), None)
        if source is None:
            source = next((t for lang, t in variants if not lang.startswith("en")), None)
        pairs.append((unit.get("tuid") or str(number), source, target or "", where or ()))
    return pairs


# --- PO ---------------------------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_PO_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')
_PO_STRING = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*$')


def _unescape(value: str, line: int) -> str:
    def replace(match: re.Match[str]) -> str:
        char = match.group(1)
        if char in _ESCAPES:
            return _ESCAPES[char]
        raise _FormatError(f"unknown escape sequence \\{char}", line)

    return re.sub(r"\\(.)", replace, value)


def _append(entry: dict[str, Any], key: str, value: str, line: int) -> None:
    """Add one string literal to a field; for the translation, note the line it starts (each literal
    is a line of the file)."""
    if key == "msgstr":
        entry.setdefault("msgstr_lines", []).append((len(entry.get("msgstr", "")), line))
    entry[key] = entry.get(key, "") + value


def _po_pairs(text: str) -> list[Pair]:
    entries: list[dict[str, Any]] = []
    current: dict[str, Any] = {}
    key: str | None = None

    def close() -> None:
        nonlocal current, key
        if "msgid" in current:
            entries.append(current)
        elif current.get("fields"):
            raise _FormatError("entry without msgid", current.get("line"))
        current, key = {}, None

    # (split at line breaks only: str.splitlines would also split at form feeds, U+2028 and others,
    # which may stand inside a PO string, and the line numbers would drift from the file's)
    for number, raw in enumerate(LINE_BREAK.split(text.removesuffix("\n").removesuffix("\r")), 1):
        line = raw.strip()
        if not line:
            close()
            continue
        if line.startswith("#"):
            if key is not None and current.get("msgstr_seen"):
                close()
            continue
        match = _PO_LINE.match(line)
        if match:
            keyword, index, quoted = match.groups()
            if keyword in ("msgctxt", "msgid") and current.get("msgstr_seen"):
                close()
            if keyword == "msgid" and "msgid" in current:
                raise _FormatError("two msgid in one entry", number)
            string = _PO_STRING.match(quoted)
            if string is None:
                raise _FormatError("malformed string", number)
            key = (
                "msgstr"
                if keyword.startswith("msgstr") and (index in (None, "0"))
                else ("other" if keyword.startswith("msgstr") else keyword)
            )
            if keyword.startswith("msgstr"):
                current["msgstr_seen"] = True
            current.setdefault("line", number)
            current.setdefault("fields", {})
            _append(current, key, _unescape(string.group(1), number), number)
            continue
        string = _PO_STRING.match(line)
        if string and key is not None:
            _append(current, key, _unescape(string.group(1), number), number)
            continue
        raise _FormatError(f"malformed PO line: {line[:40]!r}", number)
    close()
    if not entries:
        raise _FormatError("no PO entries (msgid/msgstr) found")
    pairs: list[Pair] = []
    for entry in entries:
        if entry["msgid"] == "" and "msgctxt" not in entry:
            continue  # the header
        unit_id = entry.get("msgctxt") or f"line {entry['line']}"
        pairs.append((unit_id, entry["msgid"], entry.get("msgstr", ""), tuple(entry.get("msgstr_lines", ()))))
    return pairs


# --- documents --------------------------------------------------------------------------------------


def _document(path: str, pairs: list[Pair]) -> Document | InputError:
    texts: list[str] = []
    sources: list[str] = []
    units: list[Unit] = []
    position = 0
    for unit_id, source, target, lines in pairs:
        if not target or not target.strip():
            continue  # not translated yet: nothing to check
        if texts:
            position += 2
        units.append(Unit(unit_id, position, position + len(target), source, lines))
        texts.append(target)
        sources.append(source or "")
        position += len(target)
    if not units:
        return InputError(path, "no translated units (every target is empty)" if pairs else "no translation units")
    source_text = "\n\n".join(sources)
    return Document(
        path=path,
        id=path,
        text="\n\n".join(texts),
        source=source_text if source_text.strip() else None,
        units=tuple(units),
    )


def _xml_reader(extract: Callable[[Any, _Lines], list[Pair]]) -> Reader:
    def read(path: str, text: str) -> Iterator[Document | InputError]:
        try:
            pairs = extract(*_parse_xml(text))
        except _FormatError as error:
            yield InputError(path, str(error), error.line)
            return
        yield _document(path, pairs)

    return read


def _po(path: str, text: str) -> Iterator[Document | InputError]:
    try:
        pairs = _po_pairs(text)
    except _FormatError as error:
        yield InputError(path, str(error), error.line)
        return
    yield _document(path, pairs)


READERS: dict[str, Reader] = {
    ".xlf": _xml_reader(_xliff_pairs),
    ".xliff": _xml_reader(_xliff_pairs),
    ".tmx": _xml_reader(_tmx_pairs),
    ".po": _po,
}

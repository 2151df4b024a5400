"""Readers: turn paths into :class:`~mtcheck.model.Document` objects, or :class:`InputError` lines.

Plain documents (``.txt``, ``.md``, ``.html``) are one document each; corpora (``.jsonl``, ``.csv``,
``.tsv``) one document a record; bilingual translator files (XLIFF, TMX, PO) one document each, made
of their units. Directories are walked recursively (sorted, hidden entries skipped); ``-`` is
standard input. Every problem is yielded as an error and the walk goes on.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from mtcheck.inputs.decode import DecodeError, decode
from mtcheck.model import Document, InputError

Reader = Callable[[str, str], Iterator[Document | InputError]]


def _plain(path: str, text: str) -> Iterator[Document | InputError]:
    from mtcheck.inputs.markup import blank_comments

    yield Document(path=path, id=path, text=text, check_text=blank_comments(text))


def _html(path: str, text: str) -> Iterator[Document | InputError]:
    from mtcheck.inputs.markup import mask_html

    yield Document(path=path, id=path, text=text, check_text=mask_html(text))


def _markdown(path: str, text: str) -> Iterator[Document | InputError]:
    from mtcheck.inputs.markup import mask_markdown

    yield Document(path=path, id=path, text=text, check_text=mask_markdown(text))


def _jsonl(path: str, lines: Iterable[str | InputError]) -> Iterator[Document | InputError]:
    from mtcheck.inputs.corpus import read_jsonl

    return read_jsonl(path, lines)


def _csv(path: str, lines: Iterable[str | InputError]) -> Iterator[Document | InputError]:
    from mtcheck.inputs.corpus import read_table

    return read_table(path, lines, ",")


def _tsv(path: str, lines: Iterable[str | InputError]) -> Iterator[Document | InputError]:
    from mtcheck.inputs.corpus import read_table

    return read_table(path, lines, "\t")


# Corpora are read a record at a time from a stream of lines: memory does not grow with the corpus.
StreamReader = Callable[[str, Iterable[str | InputError]], Iterator[Document | InputError]]
STREAM_READERS: dict[str, StreamReader] = {".jsonl": _jsonl, ".csv": _csv, ".tsv": _tsv}

READERS: dict[str, Reader] = {
    ".txt": _plain,
    ".text": _plain,
    ".md": _markdown,
    ".markdown": _markdown,
    ".html": _html,
    ".htm": _html,
}


def register_reader(extension: str, reader: Reader) -> None:
    READERS[extension.lower()] = reader


def _bilingual_readers() -> None:
    try:
        import mtcheck.inputs.bilingual as bilingual
    except ImportError:  # pragma: no cover - the module ships with the package
        return
    for extension, reader in bilingual.READERS.items():
        READERS.setdefault(extension, reader)


def reader_for(path: str) -> Reader | StreamReader | None:
    suffix = Path(path).suffix.lower()
    found = STREAM_READERS.get(suffix) or READERS.get(suffix)
    if found is None:  # the bilingual formats never replace a reader: imported only when needed
        _bilingual_readers()
        found = READERS.get(suffix)
    return found


def _stream_lines(path: str, handle: BinaryIO) -> Iterator[str | InputError]:
    """Decoded lines of a binary stream; an undecodable line is an :class:`InputError` in its place."""
    from mtcheck.inputs.decode import sniff_encoding

    head = handle.read(65536)
    try:
        encoding, skip = sniff_encoding(head)
    except DecodeError as error:
        yield InputError(path, str(error))
        return
    if encoding.startswith("utf-16"):
        wrapper = io.TextIOWrapper(io.BufferedReader(_Prefixed(head[skip:], handle)), encoding=encoding,
                                   newline="")
        try:
            yield from wrapper
        except UnicodeDecodeError as error:
            yield InputError(path, f"invalid UTF-16: {error.reason}")
        return
    number = 0
    pending = head[skip:]
    while True:
        chunk = handle.read(1 << 20)
        pending += chunk
        lines = pending.split(b"\n")
        pending = lines.pop() if chunk else b""
        if not chunk and lines and not lines[-1]:
            lines.pop()  # the file ends with a line break
        for raw in lines:
            number += 1
            try:
                yield raw.decode(encoding) + "\n"
            except UnicodeDecodeError as error:
                yield InputError(path, f"invalid {encoding.upper()} at byte {error.start} of the line", number)
        if not chunk:
            return


class _Prefixed(io.RawIOBase):
    """A raw stream that returns ``prefix`` and then the rest of ``handle``."""

    def __init__(self, prefix: bytes, handle: BinaryIO) -> None:
        self.prefix = prefix
        self.handle = handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.prefix:
            size = min(len(buffer), len(self.prefix))
            buffer[:size] = self.prefix[:size]
            self.prefix = self.prefix[size:]
            return size
        data = self.handle.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def read_path(path: str, default_reader: Reader = _plain) -> Iterator[Document | InputError]:
    """Documents of one file (or standard input)."""
    reader = reader_for(path) if path != "-" else default_reader
    if reader is None:
        yield InputError(path, f"unsupported file type {Path(path).suffix or '(none)'!r}")
        return
    stream_reader = STREAM_READERS.get(Path(path).suffix.lower()) if path != "-" else None
    if stream_reader is not None:
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
        except OSError as error:
            yield InputError(path, f"cannot read: {error.strerror or error}")
            return
        with handle:
            yield from stream_reader(path, _stream_lines(path, handle))
        return
    try:
        data = _read_bytes(path)
    except FileNotFoundError:
        yield InputError(path, "no such file or directory")
        return
    except IsADirectoryError:
        yield InputError(path, "is a directory")
        return
    except OSError as error:
        yield InputError(path, f"cannot read: {error.strerror or error}")
        return
    try:
        text = decode(data)
    except DecodeError as error:
        yield InputError(path, str(error))
        return
    if not text.strip():
        yield InputError(path, "empty file")
        return
    yield from reader("<stdin>" if path == "-" else path, text)


def _walk(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and reader_for(name) is not None:
                yield os.path.join(root, name)


def iter_documents(paths: Iterable[str]) -> Iterator[Document | InputError]:
    """Documents of every path, in order; errors are yielded in place and the walk goes on."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = False
            for file in _walk(path):
                found = True
                yield from read_path(file)
            if not found:
                _bilingual_readers()
                yield InputError(path, "directory holds no supported files ("
                    + ", ".join(sorted({*READERS, *STREAM_READERS})) + ")")
        elif path != "-" and not os.path.exists(path):
            yield InputError(path, "no such file or directory")
        else:
            yield from read_path(path)


def attach(document: Document, source: str | None, reference: str | None) -> Document:
    """A copy of a plain document with a source and/or a reference attached."""
    from dataclasses import replace

    return replace(document, source=source or document.source, reference=reference or document.reference)

"""Corpora: ``.jsonl`` (one JSON object a line), ``.csv`` and ``.tsv``; each record is one document.

Fields: ``id`` (optional; default the 1-based line or row number), ``text`` (required), ``source``,
``reference`` and ``suppress`` (optional). Records are read one at a time, so a corpus of any size
is checked in bounded memory. A bad record is an :class:`InputError` naming the file and line; the
records around it are still checked.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any

from mtcheck.model import Document, InputError

FIELDS = ("id", "text", "source", "reference", "suppress")


def _suppress(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.replace(";", ",").split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return tuple(value)
    raise ValueError("'suppress' must be a list of rule codes or a comma-separated string")


def _record(path: str, line: int, record: Any, default_id: str) -> Document | InputError:
    if not isinstance(record, dict):
        return InputError(path, "record is not a JSON object", line)
    text = record.get("text")
    if text is None:
        return InputError(path, "record has no 'text' field", line)
    if not isinstance(text, str):
        return InputError(path, "'text' must be a string", line)
    for key in ("source", "reference"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return InputError(path, f"{key!r} must be a string", line)
    record_id = record.get("id")
    if record_id is None or record_id == "":
        record_id = default_id
    elif isinstance(record_id, bool) or not isinstance(record_id, (str, int, float)):
        return InputError(path, "'id' must be a string or a number", line)
    elif not isinstance(record_id, str):
        record_id = json.dumps(record_id)  # its JSON text: 1 -> "1", 1.5 -> "1.5"
    try:
        suppress = _suppress(record.get("suppress"))
    except ValueError as error:
        return InputError(path, str(error), line)
    from mtcheck.inputs.markup import blank_comments

    text = text.removeprefix("\ufeff") if line == 1 else text
    return Document(
        path=path,
        id=record_id,
        text=text,
        check_text=blank_comments(text),
        source=record.get("source") or None,
        reference=record.get("reference") or None,
        suppress=suppress,
        line_offset=line,
    )


def read_jsonl(path: str, lines: Iterable[str | InputError]) -> Iterator[Document | InputError]:
    count = 0
    for number, line in enumerate(lines, 1):
        if isinstance(line, InputError):
            count += 1
            yield line
            continue
        if not line.strip():
            continue
        count += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(path, f"malformed JSON: {error.msg} (column {error.colno})", number)
            continue
        yield _record(path, number, record, str(number))
    if count == 0:
        yield InputError(path, "empty corpus: no records")


def _text_only(lines: Iterable[str | InputError], errors: list[InputError]) -> Iterator[str]:
    for line in lines:
        if isinstance(line, InputError):
            errors.append(line)  # undecodable: the stream ends there
            return
        yield line


def read_table(path: str, lines: Iterable[str | InputError], delimiter: str) -> Iterator[Document | InputError]:
    decode_errors: list[InputError] = []
    reader = csv.reader(_text_only(lines, decode_errors), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield InputError(path, "empty corpus: no header row")
        return
    except csv.Error as error:
        yield InputError(path, f"malformed header: {error}", 1)
        return
    header = [name.strip().lstrip("\ufeff").lower() for name in header]
    if "text" not in header:
        yield InputError(path, f"no 'text' column (columns: {', '.join(header)})", 1)
        return
    rows = 0
    while True:
        start = reader.line_num + 1  # the row's first line: a quoted field may run over several
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield InputError(path, f"malformed row: {error}", reader.line_num)
            continue
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if len(row) != len(header):
            yield InputError(path, f"row has {len(row)} fields, the header {len(header)}", start)
            continue
        record = {key: value for key, value in zip(header, row, strict=True) if key in FIELDS}
        yield _record(path, start, record, str(rows))
    yield from decode_errors
    if rows == 0 and not decode_errors:
        yield InputError(path, "empty corpus: no rows")

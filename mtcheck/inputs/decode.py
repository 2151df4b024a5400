"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1257 (the Baltic code page)."""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    pass


def _mostly_utf8(data: bytes) -> bool:
    """Whether the bytes hold valid multi-byte UTF-8 sequences: then an invalid byte is damage, not cp1257."""
    decoded = data.decode("utf-8", errors="replace")
    return any(ord(char) > 127 and char != "\ufffd" for char in decoded)


# Bytes that are control characters in every text encoding we accept; their presence means binary.
_BINARY = {b for b in range(32) if b not in (9, 10, 12, 13)}


def decode(data: bytes) -> str:
    """Decode a file's bytes; raise :class:`DecodeError` with a one-line reason otherwise."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8")
        except UnicodeDecodeError as error:
            raise DecodeError(f"invalid UTF-8 at byte {error.start + 3}") from None
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise DecodeError(f"invalid UTF-16 at byte {error.start + 2}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    sample = data[:65536]
    if _mostly_utf8(data):
        raise DecodeError(f"invalid UTF-8 at byte {utf8_error.start}")
    if any(byte in _BINARY for byte in sample):
        raise DecodeError(f"not a text file (binary data; invalid UTF-8 at byte {utf8_error.start})")
    try:
        return data.decode("cp1257")
    except UnicodeDecodeError:
        raise DecodeError(
            f"undecodable: invalid UTF-8 at byte {utf8_error.start}, and not Windows-1257 either"
        ) from None


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """The encoding of a stream from its first bytes, and the length of its BOM."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", len(codecs.BOM_UTF8)
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8", 0
    except UnicodeDecodeError as error:
        utf8_error = error
    if _mostly_utf8(head):
        return "utf-8", 0  # damaged lines are reported one by one
    if any(byte in _BINARY for byte in head):
        raise DecodeError(f"not a text file (binary data; invalid UTF-8 at byte {utf8_error.start})")
    try:
        head.decode("cp1257")
    except UnicodeDecodeError:
        raise DecodeError(
            f"undecodable: invalid UTF-8 at byte {utf8_error.start}, and not Windows-1257 either"
        ) from None
    return "cp1257", 0

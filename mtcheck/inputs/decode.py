"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1257 (the Baltic code page)."""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    pass


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
    if any(byte in _BINARY for byte in sample):
        raise DecodeError(f"not a text file (binary data; invalid UTF-8 at byte {utf8_error.start})")
    try:
        return data.decode("cp1257")
    except UnicodeDecodeError:
        raise DecodeError(
            f"undecodable: invalid UTF-8 at byte {utf8_error.start}, and not Windows-1257 either"
        ) from None

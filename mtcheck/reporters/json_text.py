"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, faster.

With an ``indent``, the standard library encodes in pure Python through nested generators (its C
encoder only serves compact output), which made pretty JSON a visible share of a large run's time in
the parent process. The report is plain data (dicts with string keys, lists, strings, numbers,
booleans, None), so a direct recursive writer that escapes strings with the C ``encode_basestring``
gives the same bytes in about 60% of the time. Anything else (other key types, other objects)
goes through ``json.dumps`` itself, so errors and edge cases stay the standard library's.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # C-accelerated when the _json extension is present
from typing import Any

_INFINITY = float("inf")


def _float(value: float) -> str:
    # json.encoder's floatstr with allow_nan=True
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _write(value: Any, pad: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append(_float(value))
    elif kind is dict and all(type(key) is str for key in value):
        if not value:
            out.append("{}")
            return
        inner = pad + "  "
        separator = "{\n" + inner
        for key, item in value.items():
            out.append(separator)
            out.append(encode_basestring(key))
            out.append(": ")
            _write(item, inner, out)
            separator = ",\n" + inner
        out.append("\n" + pad + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = pad + "  "
        separator = "[\n" + inner
        for item in value:
            out.append(separator)
            _write(item, inner, out)
            separator = ",\n" + inner
        out.append("\n" + pad + "]")
    else:  # subclasses, other key types, unserialisable objects: the standard library decides
        out.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad))


def pretty(value: Any, indent: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, every line after the first indented by
    ``indent`` more spaces (for a value nested in a larger document)."""
    out: list[str] = []
    _write(value, " " * indent, out)
    return "".join(out)

"""Lexicons: the project's linguistic knowledge, kept as TOML data files in ``mtcheck/data``.

Every lexicon file has a ``[meta]`` table naming its ``kind`` (and a description and sources), and
its entries as an array of tables under ``[[entry]]``; a few kinds use plain lists instead. A user's
own lexicon (``lexicons = [...]`` in the configuration) uses the same schema and is merged into the
bundled one of its kind: entries are appended, lists are extended.

Rules never parse files themselves: they ask the :class:`Lexicons` for a kind and give a function that
compiles the raw tables into what they need (regexes, dicts); the result is cached per process.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

DATA = Path(__file__).parent / "data"
T = TypeVar("T")


class LexiconError(Exception):
    """One or more lexicon files are invalid; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise LexiconError([f"{path}: cannot read lexicon: {error.strerror}"]) from None
    except tomllib.TOMLDecodeError as error:
        raise LexiconError([f"{path}: invalid TOML: {error}"]) from None
    except UnicodeDecodeError as error:
        raise LexiconError([f"{path}: not UTF-8 (byte {error.start}): TOML files are UTF-8"]) from None


def validate_entries(
    path: str, entries: Iterable[Any], required: dict[str, type], optional: dict[str, type] | None = None
) -> list[str]:
    """Check each ``[[entry]]`` for required and optional keys of the right types."""
    errors: list[str] = []
    allowed = {**required, **(optional or {})}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            errors.append(f"{path}: entry {number}: expected a table")
            continue
        for key, kind in required.items():
            if key not in entry:
                errors.append(f"{path}: entry {number}: missing key {key!r}")
            elif not isinstance(entry[key], kind):
                errors.append(f"{path}: entry {number}: {key!r} must be {kind.__name__}")
        for key, value in entry.items():
            if key not in allowed:
                errors.append(f"{path}: entry {number}: unknown key {key!r}")
            elif key not in required and not isinstance(value, allowed[key]):
                errors.append(f"{path}: entry {number}: {key!r} must be {allowed[key].__name__}")
    return errors


@cache
def bundled(name: str) -> dict[str, Any]:
    """The raw tables of ``mtcheck/data/<name>.toml``."""
    return _read(DATA / f"{name}.toml")


def bundled_kinds() -> dict[str, str]:
    """Map of lexicon kind to bundled file name."""
    kinds: dict[str, str] = {}
    for path in sorted(DATA.glob("*.toml")):
        meta = bundled(path.stem).get("meta", {})
        kinds[str(meta.get("kind", path.stem))] = path.stem
    return kinds


class Lexicons:
    """The lexicons in force for one run: the bundled ones plus the user's own files."""

    def __init__(self, extra_files: Iterable[str | Path] = ()) -> None:
        self._extra: dict[str, list[dict[str, Any]]] = {}
        self._compiled: dict[tuple[str, Callable[[dict[str, Any]], Any]], Any] = {}
        errors: list[str] = []
        kinds = bundled_kinds()
        for file in extra_files:
            path = Path(file)
            try:
                table = _read(path)
            except LexiconError as error:
                errors.extend(error.errors)
                continue
            kind = table.get("meta", {}).get("kind")
            if kind not in kinds:
                errors.append(f"{path}: [meta] kind must be one of {', '.join(sorted(kinds))}, not {kind!r}")
                continue
            self._extra.setdefault(kind, []).append(table)
        if errors:
            raise LexiconError(errors)
        self.extra_files = tuple(str(file) for file in extra_files)

    def __getstate__(self) -> dict[str, Any]:
        # Spawned workers (macOS, Windows) get the settings pickled: the compiled structures are left
        # out (they hold functions and compiled patterns) and each worker compiles its own.
        state = dict(self.__dict__)
        state["_compiled"] = {}
        return state

    def raw(self, kind: str) -> dict[str, Any]:
        """The merged tables of one kind: bundled first, then the user's files."""
        merged = dict(bundled(bundled_kinds()[kind]))
        for table in self._extra.get(kind, []):
            for key, value in table.items():
                if key == "meta":
                    continue
                if isinstance(value, list) and isinstance(merged.get(key), list):
                    merged[key] = [*merged[key], *value]
                elif isinstance(value, dict) and isinstance(merged.get(key), dict):
                    merged[key] = {**merged[key], **value}
                else:
                    merged[key] = value
        return merged

    def compiled(self, kind: str, compile: Callable[[dict[str, Any]], T]) -> T:
        """``compile(raw(kind))``, computed once per run and kind."""
        key = (kind, compile)
        try:
            return self._compiled[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._compiled[key] = compile(self.raw(kind))
            return value


@lru_cache(maxsize=1)
def default_lexicons() -> Lexicons:
    return Lexicons()


@dataclass(frozen=True)
class Segmentation:
    never_break: frozenset[str]
    flexible: frozenset[str]
    sentence_starters: frozenset[str]


@lru_cache(maxsize=1)
def load_segmentation() -> Segmentation:
    raw = bundled("segmentation")
    return Segmentation(
        frozenset(word.lower() for word in raw["never_break"]),
        frozenset(word.lower() for word in raw["flexible"]),
        frozenset(raw["sentence_starters"]),
    )

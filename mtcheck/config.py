"""Configuration: ``[tool.mtcheck]`` in ``pyproject.toml`` or a ``mtcheck.toml``, merged with CLI flags.

The file is found from the first checked path upwards (``mtcheck.toml`` wins over ``pyproject.toml``
in the same folder); ``--config FILE`` names one. Every error in the file is collected and reported
at once (exit 2).

```toml
[tool.mtcheck]
select = ["MT"]                 # codes, code prefixes, rule names or categories
ignore = ["MT402"]
fail-on = "major"               # a finding at or above this severity fails the document
fail-under = 90                 # the score under which a document fails
min-words = 100                 # word-count floor of the score's normalisation
lexicons = ["terms.toml"]       # your own lexicons, same schema as mtcheck/data/*.toml
[tool.mtcheck.weights]
minor = 1
major = 5
critical = 25
[tool.mtcheck.severity]
MT301 = "minor"
[tool.mtcheck.vocabulary]
accept = ["Nausėda", "Seimas"]  # never flagged
reject = ["kadencija"]          # always flagged (untranslated)
[tool.mtcheck.per-file-ignores]
"archive/*.txt" = ["MT9"]
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtcheck.model import Severity

KEYS = {
    "select", "ignore", "extend-select", "fail-on", "fail-under", "min-words", "weights", "severity",
    "vocabulary", "lexicons", "per-file-ignores",
}


class ConfigError(Exception):
    def __init__(self, path: str, errors: list[str]) -> None:
        super().__init__(f"{path}: " + "; ".join(errors))
        self.path = path
        self.errors = errors


@dataclass
class Config:
    path: str | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.CRITICAL
    fail_under: float = 90.0
    min_words: int = 100
    weights: dict[Severity, float] = field(
        default_factory=lambda: {Severity.MINOR: 1.0, Severity.MAJOR: 5.0, Severity.CRITICAL: 25.0}
    )
    severity: dict[str, Severity] = field(default_factory=dict)
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    lexicons: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)


def find_config(start: Path) -> Path | None:
    """The nearest ``mtcheck.toml`` or ``pyproject.toml`` with a ``[tool.mtcheck]`` table."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "mtcheck.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file():
            try:
                with project.open("rb") as handle:
                    if "mtcheck" in tomllib.load(handle).get("tool", {}):
                        return project
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                return project  # reported when loaded
    return None


def _strings(value: Any, key: str, errors: list[str]) -> list[str]:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    errors.append(f"{key!r} must be a list of strings")
    return []


def load_config(path: Path) -> Config:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(str(path), [f"cannot read: {error.strerror}"]) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), [f"invalid TOML: {error}"]) from None
    except UnicodeDecodeError as error:
        raise ConfigError(str(path), [f"not UTF-8 (byte {error.start}): TOML files are UTF-8"]) from None
    table = data.get("tool", {}).get("mtcheck", {}) if path.name == "pyproject.toml" else data
    if path.name != "pyproject.toml" and "tool" in table and "mtcheck" in table["tool"]:
        table = table["tool"]["mtcheck"]
    return parse_config(table, str(path), base=path.parent)


def parse_config(table: dict[str, Any], path: str = "<config>", base: Path | None = None) -> Config:
    """Validate a ``[tool.mtcheck]`` table; every error is collected before raising."""
    from mtcheck.rules import get_rule, unknown_selectors

    errors: list[str] = []
    config = Config(path=path)
    for key in sorted(set(table) - KEYS):
        errors.append(f"unknown key {key!r}")
    if "select" in table:
        config.select = _strings(table["select"], "select", errors)
    if "extend-select" in table:
        config.extend_select = _strings(table["extend-select"], "extend-select", errors)
    if "ignore" in table:
        config.ignore = _strings(table["ignore"], "ignore", errors)
    for key in ("select", "extend-select", "ignore"):
        if isinstance(table.get(key), list):
            for selector in unknown_selectors([s for s in table[key] if isinstance(s, str)]):
                errors.append(f"{key!r}: unknown rule or prefix {selector!r}")
    if "fail-on" in table:
        try:
            config.fail_on = Severity.parse(str(table["fail-on"]))
        except ValueError as error:
            errors.append(f"'fail-on': {error}")
    if "fail-under" in table:
        value = table["fail-under"]
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 100:
            config.fail_under = float(value)
        else:
            errors.append("'fail-under' must be a number from 0 to 100")
    if "min-words" in table:
        value = table["min-words"]
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            config.min_words = value
        else:
            errors.append("'min-words' must be a positive integer")
    weights = table.get("weights", {})
    if not isinstance(weights, dict):
        errors.append("'weights' must be a table")
        weights = {}
    for name, value in weights.items():
        try:
            level = Severity.parse(name)
        except ValueError as error:
            errors.append(f"'weights': {error}")
            continue
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            config.weights[level] = float(value)
        else:
            errors.append(f"'weights.{name}' must be a non-negative number")
    severities = table.get("severity", {})
    if not isinstance(severities, dict):
        errors.append("'severity' must be a table")
        severities = {}
    for code, value in severities.items():
        rule = get_rule(code)
        if rule is None:
            errors.append(f"'severity': unknown rule {code!r}")
            continue
        try:
            config.severity[rule.code] = Severity.parse(str(value))
        except ValueError as error:
            errors.append(f"'severity.{code}': {error}")
    vocabulary = table.get("vocabulary", {})
    if not isinstance(vocabulary, dict):
        errors.append("'vocabulary' must be a table")
        vocabulary = {}
    for key in sorted(set(vocabulary) - {"accept", "reject"}):
        errors.append(f"'vocabulary': unknown key {key!r}")
    config.accept = _strings(vocabulary.get("accept", []), "vocabulary.accept", errors)
    config.reject = _strings(vocabulary.get("reject", []), "vocabulary.reject", errors)
    lexicons = _strings(table.get("lexicons", []), "lexicons", errors)
    config.lexicons = [str((base / name) if base and not Path(name).is_absolute() else name) for name in lexicons]
    ignores = table.get("per-file-ignores", {})
    if not isinstance(ignores, dict):
        errors.append("'per-file-ignores' must be a table of glob = [rules]")
        ignores = {}
    for pattern, selectors in ignores.items():
        config.per_file_ignores[pattern] = _strings(selectors, f"per-file-ignores.{pattern}", errors)
        for selector in unknown_selectors(config.per_file_ignores[pattern]):
            errors.append(f"'per-file-ignores.{pattern}': unknown rule or prefix {selector!r}")
    if errors:
        raise ConfigError(path, errors)
    return config


def build_settings(
    config: Config,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: Severity | None = None,
    fail_under: float | None = None,
) -> Any:
    """The engine's :class:`~mtcheck.engine.Settings` from a config and the CLI's overrides."""
    from mtcheck.engine import Settings
    from mtcheck.lexicons import Lexicons, default_lexicons
    from mtcheck.rules import select_rules
    from mtcheck.scoring import ScoreSettings

    chosen = select if select else config.select
    if chosen is not None and config.extend_select:
        chosen = [*chosen, *config.extend_select]
    elif chosen is None and config.extend_select:
        chosen = [r.code for r in select_rules()] + config.extend_select
    rules = select_rules(chosen, [*config.ignore, *(ignore or [])])
    score = ScoreSettings(
        weights=dict(config.weights),
        threshold=config.fail_under if fail_under is None else fail_under,
        min_words=config.min_words,
        fail_on=fail_on or config.fail_on,
    )
    return Settings(
        rules=rules,
        severities=dict(config.severity),
        score=score,
        accept=frozenset(word.lower() for word in config.accept),
        reject=frozenset(word.lower() for word in config.reject),
        lexicons=Lexicons(config.lexicons) if config.lexicons else default_lexicons(),
        per_file_ignores=_per_file_patterns(config),
    )


def _per_file_patterns(config: Config) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each glob as written (matched against the path as given) and anchored at the config's folder."""
    import os

    base = Path(config.path).resolve().parent if config.path and Path(config.path).is_file() else None
    patterns: list[tuple[str, tuple[str, ...]]] = []
    for pattern, selectors in config.per_file_ignores.items():
        patterns.append((pattern, tuple(selectors)))
        if base is not None and not os.path.isabs(pattern):
            patterns.append(((base / pattern).as_posix(), tuple(selectors)))
    return tuple(patterns)

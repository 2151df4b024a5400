"""The run's signature: what makes a report reproducible (version, rules, score settings, lexicons)."""

from __future__ import annotations

import hashlib
from typing import Any

from mtcheck import __version__


def signature(settings: Any) -> str:
    """``mtcheck:0.1.0|rules:<n>:<hash>|weights:1/5/25|...|lex:<hash>``, like sacrebleu's signatures."""
    codes = ",".join(rule.code for rule in settings.rules)
    overrides = ",".join(f"{code}={level.label}" for code, level in sorted(settings.severities.items()))
    rules_hash = hashlib.sha256((codes + ";" + overrides).encode()).hexdigest()[:8]
    lexicon_files = getattr(settings.lexicons, "extra_files", ())
    vocab = ",".join(sorted(settings.accept)) + ";" + ",".join(sorted(settings.reject))
    extra_hash = hashlib.sha256((";".join(lexicon_files) + "|" + vocab).encode()).hexdigest()[:8]
    return (
        f"mtcheck:{__version__}|rules:{len(settings.rules)}:{rules_hash}|{settings.score.signature()}"
        f"|user:{extra_hash}"
    )

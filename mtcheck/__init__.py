"""mtcheck: find machine-translation artifacts in English news translated from Lithuanian.

Public API::

    from mtcheck import check_text
    findings = check_text("The Seimas adopted the law. He also approved ...")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from mtcheck.model import Finding


def check_text(
    text: str, source: str | None = None, reference: str | None = None, *, settings: Any = None
) -> list[Finding]:
    """Check one English text (with its Lithuanian source / a human reference) and return the findings."""
    from mtcheck.engine import check_document
    from mtcheck.model import Document

    document = Document(path="<text>", id="<text>", text=text, source=source, reference=reference)
    return list(check_document(document, settings).findings)


def check_frame(frame: Any, settings: Any = None) -> Any:
    """Check a pandas DataFrame (``id``, ``text``, optional ``source``, ``reference``); one row per finding."""
    from mtcheck.frame import check_frame as _check_frame

    return _check_frame(frame, settings)


def __getattr__(name: str) -> Any:
    if name in ("Finding", "Severity", "Document", "DocumentResult"):
        from mtcheck import model

        return getattr(model, name)
    raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")

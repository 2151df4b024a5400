"""A progress bar on standard error for long runs, only when standard error is a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# The bar appears only once a run has taken this long: short runs print nothing extra.
DELAY_SECONDS = 1.0


@contextmanager
def progress_bar(enabled: bool | None = None) -> Iterator[Callable[[int], None]]:
    """Yields ``advance(words)``, to call once per document checked."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda words: None
        return
    started = time.monotonic()
    state: dict[str, Any] = {"bar": None, "task": None, "documents": 0, "words": 0}

    def advance(words: int) -> None:
        state["documents"] += 1
        state["words"] += words
        if state["bar"] is None:
            if time.monotonic() - started < DELAY_SECONDS:
                return
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            bar = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task("checking")
        rate = state["words"] / max(time.monotonic() - started, 1e-9)
        state["bar"].update(
            state["task"],
            description=f"checked {state['documents']:,} documents, {state['words']:,} words ({rate:,.0f} words/s)",
        )

    try:
        yield advance
    finally:
        if state["bar"] is not None:
            state["bar"].stop()

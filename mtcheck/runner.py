"""Running the pipeline over many documents: in this process, or in worker processes (``--jobs``).

Workers receive the run's settings once (at start-up) and documents in chunks; results come back in
input order (``imap``), so the output of ``--jobs N`` is identical to ``--jobs 1``. Lexicons and
models are loaded once: where workers fork, this process checks the first document before starting
them, and they inherit everything it loaded (elsewhere each worker loads them once). Small runs (a handful of
documents) never pay the cost of starting workers.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from typing import Any

from mtcheck.engine import Settings, check_document
from mtcheck.model import Document, DocumentResult, InputError

Item = Document | InputError
# Below this many documents a run stays in one process: starting workers costs more than it saves.
PARALLEL_MIN_DOCUMENTS = 24
CHUNK = 4

_settings: Settings | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(settings: Settings) -> None:
    global _settings
    _settings = settings


def _work(item: Item) -> DocumentResult | InputError:
    if isinstance(item, InputError):
        return item
    return check_document(item, _settings)


def _work_chunk(items: list[Item]) -> list[DocumentResult | InputError]:
    return [_work(item) for item in items]


def run(items: Iterable[Item], settings: Settings, jobs: int = 1) -> Iterator[DocumentResult | InputError]:
    """Check every document of ``items`` in order; input errors pass through in their place."""
    iterator = iter(items)
    if jobs > 1:
        head = list(itertools.islice(iterator, PARALLEL_MIN_DOCUMENTS))
        if len(head) < PARALLEL_MIN_DOCUMENTS:
            iterator = iter(head)
            jobs = 1
        else:
            iterator = itertools.chain(head, iterator)
    if jobs <= 1:
        for item in iterator:
            yield item if isinstance(item, InputError) else check_document(item, settings)
        return
    yield from _parallel(iterator, settings, jobs)


def _parallel(items: Iterator[Item], settings: Settings, jobs: int) -> Iterator[DocumentResult | InputError]:
    """A sliding window of chunks in flight: at most ``4 × jobs`` chunks are read ahead, so memory is
    bounded whatever the corpus size (``Pool.imap`` would read the whole input ahead)."""
    import collections
    import multiprocessing

    # fork shares the parent's loaded modules; elsewhere spawn re-imports them once per worker
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context: Any = multiprocessing.get_context(method)
    done: list[DocumentResult | InputError] = []
    if method == "fork":
        # The first document is checked here, before the workers fork: it loads and compiles every
        # lexicon once, and the workers inherit all of it instead of each paying for it again. Its
        # result is handed on only once the workers exist: no caller code (a progress bar's thread)
        # runs before the fork.
        for item in items:
            done.append(item if isinstance(item, InputError) else check_document(item, settings))
            if not isinstance(item, InputError):
                break
        following = next(items, None)
        if following is None:
            yield from done
            return
        items = itertools.chain([following], items)
    window = 4 * jobs
    with _pool(context, method, jobs, settings) as pool:
        yield from done
        pending: collections.deque[Any] = collections.deque()
        chunks = iter(lambda: list(itertools.islice(items, CHUNK)), [])
        for chunk in chunks:
            pending.append(pool.apply_async(_work_chunk, (chunk,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _pool(context: Any, method: str, jobs: int, settings: Settings) -> Any:
    """The worker pool. Forked workers start with what this process has loaded; while they fork, that
    is frozen out of garbage collection (a collection in a worker would write to every inherited
    object's header and so copy all their memory pages), and unfrozen again here after."""
    if method != "fork":
        return context.Pool(jobs, initializer=_init_worker, initargs=(settings,))
    import gc

    gc.freeze()
    try:
        return context.Pool(jobs, initializer=_init_worker, initargs=(settings,))
    finally:
        gc.unfreeze()

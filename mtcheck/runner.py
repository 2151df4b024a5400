"""Running the pipeline over many documents: in this process, or in worker processes (``--jobs``).

Workers receive the run's settings once (at start-up) and documents in chunks; results come back in
input order, so the output of ``--jobs N`` is identical to ``--jobs 1``. Lexicons and models are loaded
once: where workers fork, this process checks the first document before starting them, and they
inherit everything it loaded (elsewhere each worker loads them once). Small runs (a handful of
documents) never pay the cost of starting workers.

The pool is a small one of our own rather than ``multiprocessing.Pool``. Each worker has one pipe;
this process, in its one thread, hands a worker its next chunk as soon as it returns the last one and
reads the results itself. ``multiprocessing.Pool`` runs three helper threads, and one of them (the one
that watches the workers) wakes whenever a result is waiting in the shared result queue, until another
thread has taken it (CPython's design since bpo-35493). On two cores that watcher burned about 1 s of
CPU in a 9 s run: CPU the workers needed. With one chunk per worker in flight no pipe can fill up in
both directions at once, so the exchange cannot deadlock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
from collections.abc import Iterable, Iterator
from typing import Any, NoReturn

from mtcheck.engine import Settings, check_document
from mtcheck.model import Document, DocumentResult, InputError

Item = Document | InputError
# Below this many documents a run stays in one process: starting workers costs more than it saves.
PARALLEL_MIN_DOCUMENTS = 24
CHUNK = 4
# At most this many chunks per worker are read ahead of the results given back (a slow document
# holds back the ones after it, which wait here in order): memory is bounded whatever the corpus.
WINDOW_PER_WORKER = 4


class WorkerError(RuntimeError):
    """A worker process stopped before it returned its chunk (killed, or out of memory)."""


class _RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker, shown as the cause of its re-raise here."""

    def __str__(self) -> str:
        return str(self.args[0])


def default_jobs() -> int:
    """The cores this process may use: those it may run on, capped by a container's CPU quota (a CI
    runner or a Kubernetes pod with two CPUs on a 64-core host must not start 64 workers)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    quota = cpu_quota()
    return max(1, min(cores, quota) if quota is not None else cores)


# cgroup v2, then v1: the quota of CPU time per period (as the container sees its own cgroup)
CGROUP_FILES = (("/sys/fs/cgroup/cpu.max", None),
                ("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu/cpu.cfs_period_us"))


def cpu_quota() -> int | None:
    """The container's CPU limit in whole cores (rounded up), or None when there is none. Only the
    container's own cgroup is read (what a container sees as its root): a limit set on a parent
    cgroup outside a cgroup namespace is not seen."""
    for quota_file, period_file in CGROUP_FILES:
        try:
            quota_text = _read_small(quota_file)
            if period_file is None:  # v2: "QUOTA PERIOD", QUOTA "max" for no limit
                quota_text, _, period_text = quota_text.partition(" ")
            else:
                period_text = _read_small(period_file)
        except (OSError, UnicodeDecodeError):
            continue
        try:
            quota, period = int(quota_text.split()[0]), int(period_text.split()[0])
        except (ValueError, IndexError):
            return None
        return -(-quota // period) if quota > 0 and period > 0 else None  # (integer ceiling: no float)
    return None


def _read_small(path: str) -> str:
    with open(path, encoding="ascii") as handle:
        return handle.read(4096).strip()


def run(items: Iterable[Item], settings: Settings, jobs: int = 1, *,
        sentences: bool = True) -> Iterator[DocumentResult | InputError]:
    """Check every document of ``items`` in order; input errors pass through in their place.

    ``sentences=False`` leaves the results' ``sentences`` empty, for a caller that does not read them
    (only the text report shows them): workers then do not send them back (a third of what they send).
    """
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
            yield item if isinstance(item, InputError) else _check(item, settings, sentences)
        return
    yield from _parallel(iterator, settings, jobs, sentences)


def _check(document: Document, settings: Settings, sentences: bool) -> DocumentResult:
    result = check_document(document, settings)
    return result if sentences else dataclasses.replace(result, sentences=())


# --- in a worker ------------------------------------------------------------------------------------

Reply = tuple[int, float, bool, Any, Any, Any]  # a DocumentResult without its document


def _work_chunk(items: list[Item], settings: Settings, sentences: bool) -> list[Reply | None]:
    """The results of a chunk, without their documents (the parent has them): None for an input error."""
    replies: list[Reply | None] = []
    for item in items:
        if isinstance(item, InputError):
            replies.append(None)
            continue
        result = _check(item, settings, sentences)
        replies.append((result.words, result.score, result.passed, result.findings, result.metrics,
                        result.sentences))
    return replies


def _serve(connection: Any, settings: Settings, inherited: list[Any], sentences: bool) -> None:
    """A worker's life: check each chunk received and send its results back, until told to stop."""
    import signal
    from multiprocessing.reduction import ForkingPickler

    # Ctrl-C is the parent's: it stops the workers. (The parent blocks SIGINT while it starts them, so
    # none arrives before this line; unblocking it here is harmless once it is ignored.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for other in inherited:  # forked: the parent's ends of this worker's pipe and of earlier workers'
        other.close()  # (while any copy is open here, the parent's death would never read as EOF)
    while True:
        try:
            chunk = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if chunk is None:
            return
        try:
            reply = ForkingPickler.dumps(_work_chunk(chunk, settings, sentences))
        except Exception as error:  # a bug in a rule (or a result that cannot be pickled): re-raised in
            reply = ForkingPickler.dumps(_failure(error))  # the parent, as --jobs 1 would raise it
        try:
            connection.send_bytes(reply)
        except OSError:  # the parent is gone
            return


def _failure(error: Exception) -> tuple[str, Exception, str]:
    import pickle
    import traceback

    text = "".join(traceback.format_exception(error))
    try:  # some exceptions pickle but cannot be rebuilt (an __init__ with other arguments)
        pickle.loads(pickle.dumps(error))
    except Exception:
        error = RuntimeError(f"{type(error).__name__}: {error}")
    return ("failure", error, text)


# --- in this process --------------------------------------------------------------------------------


class _Worker:
    __slots__ = ("busy", "connection", "process")

    def __init__(self, context: Any, settings: Settings, inherited: list[Any], sentences: bool) -> None:
        """``inherited``: connections of this process a forked worker must close (none under spawn)."""
        mine, theirs = context.Pipe(duplex=True)
        close = [mine, *inherited] if context.get_start_method() == "fork" else []
        self.process = context.Process(target=_serve, args=(theirs, settings, close, sentences),
                                       daemon=True)
        self.process.start()
        theirs.close()  # only the worker holds its end now: if it dies, reading ours gives EOF
        self.connection = mine
        self.busy = False  # holding a chunk whose results are not received yet

    def send(self, chunk: list[Item]) -> None:
        self.busy = True  # before sending: a send cut short leaves the worker to be terminated
        try:
            self.connection.send(chunk)
        except OSError:
            self._died()

    def receive(self) -> Any:
        try:
            return self.connection.recv()
        except (EOFError, OSError):
            self._died()

    def _died(self) -> NoReturn:
        self.process.join(1)
        code = self.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        raise WorkerError(f"a worker process stopped unexpectedly ({how}); "
                          "try again with fewer --jobs or with --jobs 1") from None


def _parallel(items: Iterator[Item], settings: Settings, jobs: int,
              sentences: bool) -> Iterator[DocumentResult | InputError]:
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
            done.append(item if isinstance(item, InputError) else _check(item, settings, sentences))
            if not isinstance(item, InputError):
                break
        following = next(items, None)
        if following is None:
            yield from done
            return
        items = itertools.chain([following], items)
    workers = _start(context, method, jobs, settings, sentences)
    try:
        yield from done
        yield from _exchange(workers, items, WINDOW_PER_WORKER * jobs)
    finally:
        _stop(workers)


def _start(context: Any, method: str, jobs: int, settings: Settings, sentences: bool) -> list[_Worker]:
    """The workers. Forked ones start with what this process has loaded; while they fork, that is
    frozen out of garbage collection (a collection in a worker would write to every inherited
    object's header and so copy all their memory pages), and unfrozen again here after (unless the
    caller had frozen it). A Ctrl-C is held back while they start, so that it never falls between a
    fork and the worker's record here (which would leave a worker nobody stops): it is handled once
    they are all recorded, and stops them."""
    import gc

    workers: list[_Worker] = []
    freeze = method == "fork" and gc.get_freeze_count() == 0
    try:
        with _interrupts_held_back():
            if freeze:
                gc.freeze()
            try:
                for _ in range(jobs):
                    workers.append(_Worker(context, settings, [worker.connection for worker in workers],
                                           sentences))
            finally:
                if freeze:
                    gc.unfreeze()
    except BaseException:
        _stop(workers)
        raise
    return workers


@contextlib.contextmanager
def _interrupts_held_back() -> Iterator[None]:
    """SIGINT is recorded instead of handled inside the block, and handled as usual at its end (a
    KeyboardInterrupt, by default). It is also blocked: a worker forked here starts with it blocked
    until it has chosen to ignore it. Only the main thread can change signal handlers; elsewhere
    this does nothing."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[Any] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(frame))
    mask = hasattr(signal, "pthread_sigmask")
    if mask:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if mask:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
    if caught:
        if callable(previous):
            previous(signal.SIGINT, caught[0])
        elif previous != signal.SIG_IGN:
            raise KeyboardInterrupt


def _exchange(workers: list[_Worker], items: Iterator[Item], window: int) -> Iterator[DocumentResult | InputError]:
    """Hand chunks to idle workers, collect their results, and give them back in input order."""
    from multiprocessing.connection import wait

    idle = list(reversed(workers))
    busy: dict[Any, tuple[_Worker, int]] = {}  # connection -> (worker, number of the chunk it holds)
    chunks: dict[int, list[Item]] = {}  # chunks sent, by number, until their results are given back
    ready: dict[int, Any] = {}  # replies received, by chunk number, until their turn
    sent = following = 0
    exhausted = False
    while True:
        while idle and not exhausted and sent - following < window:
            chunk = list(itertools.islice(items, CHUNK))
            if not chunk:
                exhausted = True
                break
            worker = idle.pop()
            worker.send(chunk)
            busy[worker.connection] = (worker, sent)
            chunks[sent] = chunk
            sent += 1
        if following in ready:
            yield from _results(chunks.pop(following), ready.pop(following))
            following += 1
            continue
        if not busy:
            return
        for connection in wait(list(busy)):
            worker, number = busy.pop(connection)
            ready[number] = worker.receive()
            worker.busy = False
            idle.append(worker)


def _results(chunk: list[Item], reply: Any) -> Iterator[DocumentResult | InputError]:
    if isinstance(reply, tuple) and reply[0] == "failure":
        _, error, text = reply
        raise error from _RemoteTraceback(text)
    for item, fields in zip(chunk, reply, strict=True):
        if isinstance(item, InputError):
            yield item
        else:
            words, score, passed, findings, metrics, sentences = fields
            yield DocumentResult(document=item, words=words, score=score, passed=passed, findings=findings,
                                 metrics=metrics, sentences=sentences)


def _stop(workers: list[_Worker]) -> None:
    """Tell idle workers to stop and wait for them; a worker still busy (the run was interrupted, or
    its caller stopped early) is terminated."""
    for worker in workers:
        with contextlib.suppress(OSError):  # a worker that died: terminated below
            worker.connection.send(None)
    for worker in workers:
        worker.process.join(timeout=0 if worker.busy else 5)
        if worker.process.is_alive():
            worker.process.terminate()
            worker.process.join()
        worker.connection.close()

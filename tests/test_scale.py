"""Corpora at scale: worker processes, bounded read-ahead, the pandas and Dask APIs."""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import mtcheck
from mtcheck.engine import Settings
from mtcheck.frame import COLUMNS, check_frame, empty_frame
from mtcheck.model import Document, DocumentResult, InputError
from mtcheck.runner import CHUNK, PARALLEL_MIN_DOCUMENTS, run

ARTICLES = [
    "The the government approved the budget. She proposes to raise spending to 3 proc.",
    "About 10 tūkst. people were arrested. people are dead.",
    "The Seimas adopted the law. He also approved a resolution , which the opposition proposed.",
    "Lithuanian Railways will launch a new train. [ad_1]",
    "President Gitanas Nausėda met Andrzej Duda in Warsaw on Monday.",
]


def corpus(count: int) -> list[Document]:
    return [Document(path="c.jsonl", id=str(i), text=ARTICLES[i % len(ARTICLES)] + f" Item {i}.")
            for i in range(count)]


def _key(item: DocumentResult | InputError) -> object:
    if isinstance(item, InputError):
        return str(item)
    return json.dumps(item.to_dict(), sort_keys=True)


def test_jobs_give_identical_results_in_order() -> None:
    items: list[Document | InputError] = list(corpus(60))
    items.insert(30, InputError("c.jsonl", "malformed JSON", 31))
    serial = [_key(r) for r in run(iter(items), Settings(), jobs=1)]
    parallel = [_key(r) for r in run(iter(items), Settings(), jobs=2)]
    assert serial == parallel
    assert len(serial) == 61 and serial[30] == "mtcheck: error: c.jsonl:31: malformed JSON"


@pytest.mark.parametrize(
    "items",
    [
        [InputError("c.jsonl", "malformed JSON", n) for n in range(3)] + list(corpus(40)),  # errors first
        [*corpus(1), *(InputError("c.jsonl", "malformed JSON", n) for n in range(30))],  # one document
        [InputError("c.jsonl", "malformed JSON", n) for n in range(30)],  # no document at all
    ],
    ids=["errors-first", "one-document", "only-errors"],
)
def test_parallel_runs_with_errors_equal_the_serial_run(items: list[Document | InputError]) -> None:
    import gc

    serial = [_key(r) for r in run(iter(items), Settings(), jobs=1)]
    assert [_key(r) for r in run(iter(items), Settings(), jobs=2)] == serial
    assert gc.get_freeze_count() == 0  # what the workers inherit is frozen only while they fork


def test_parallel_run_reads_ahead_a_bounded_window() -> None:
    consumed = itertools.count()
    last = [0]

    def documents() -> Iterator[Document]:
        for document in corpus(2000):
            last[0] = next(consumed)
            yield document

    results = run(documents(), Settings(), jobs=2)
    next(results)
    assert last[0] < PARALLEL_MIN_DOCUMENTS + 4 * 2 * CHUNK + CHUNK
    results.close()


def test_cli_jobs_output_is_identical(tmp_path: Path) -> None:
    from mtcheck.cli import run_check

    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in corpus(50)), encoding="utf-8")
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}.json"
        assert run_check([str(path)], "json", out, jobs=jobs, progress=False) == 1
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]


def test_check_text_api() -> None:
    findings = mtcheck.check_text("It was was late.")
    assert [(f.code, f.text) for f in findings if f.category == "repetition"] == [("MT801", "was was")]


def test_check_frame_matches_check_text() -> None:
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": ARTICLES[:3]})
    out = check_frame(frame)
    assert tuple(out.columns) == COLUMNS
    for document_id, text in zip(frame["id"], frame["text"], strict=True):
        expected = [(f.code, f.start, f.end, f.text) for f in mtcheck.check_text(text)]
        rows = out[out["id"] == document_id]
        assert list(zip(rows["code"], rows["start"], rows["end"], rows["text"], strict=True)) == expected
    assert mtcheck.check_frame(frame).equals(out)


def test_check_frame_empty_and_errors() -> None:
    out = check_frame(pd.DataFrame({"id": ["x"], "text": ["The government approved the budget."]}))
    assert out.empty and tuple(out.columns) == COLUMNS
    assert dict(out.dtypes.astype(str)) == dict(empty_frame().dtypes.astype(str))
    with pytest.raises(ValueError, match="'text' column"):
        check_frame(pd.DataFrame({"id": ["x"]}))


def test_dask_local_cluster_gives_the_single_process_findings() -> None:
    dd = pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    from mtcheck.frame import check_dask

    frame = pd.DataFrame({"id": [d.id for d in corpus(40)], "text": [d.text for d in corpus(40)]})
    expected = check_frame(frame).reset_index(drop=True)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        result = check_dask(dd.from_pandas(frame, npartitions=4)).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(result, expected)


def test_progress_bar_is_silent_off_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from mtcheck.progress import progress_bar

    with progress_bar() as advance:
        for _ in range(3):
            advance(10)
    assert capsys.readouterr().err == ""
    assert io.StringIO().isatty() is False


def test_results_pickle_to_equal_objects() -> None:
    """Workers send results back pickled; findings and sentences pickle as constructor arguments."""
    import pickle

    from mtcheck.engine import Settings, check_document
    from mtcheck.model import Document

    text = "Now there are no Russian troops in Belarus. Do you think Putin would like her to appear there?"
    result = check_document(Document(path="a.txt", id="a.txt", text=text), Settings())
    assert result.findings and result.sentences
    assert pickle.loads(pickle.dumps(result)) == result


forking = pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                             reason="the monkeypatched checker reaches workers only when they fork")


def _check_or(action: str, victim: str) -> object:
    """check_document, except in a worker process on the document ``victim``: exit, or raise."""
    import os

    from mtcheck import runner

    parent, original = os.getpid(), runner.check_document

    def check(document: Document, settings: Settings | None = None) -> DocumentResult:
        if document.id == victim and os.getpid() != parent:
            if action == "exit":
                os._exit(3)
            raise LookupError("a bug in a rule")
        return original(document, settings)

    return check


@forking
def test_a_worker_that_dies_stops_the_run_with_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from mtcheck import runner

    monkeypatch.setattr(runner, "check_document", _check_or("exit", "37"))
    results = run(iter(corpus(80)), Settings(), jobs=2)
    with pytest.raises(runner.WorkerError, match=r"stopped unexpectedly \(exit code 3\).*--jobs 1"):
        list(results)
    assert multiprocessing.active_children() == []  # the other worker is stopped too


@forking
def test_an_exception_in_a_worker_is_raised_here_with_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck import runner

    monkeypatch.setattr(runner, "check_document", _check_or("raise", "41"))
    with pytest.raises(LookupError, match="a bug in a rule") as raised:
        list(run(iter(corpus(80)), Settings(), jobs=2))
    cause = raised.value.__cause__
    assert isinstance(cause, runner._RemoteTraceback) and "LookupError: a bug in a rule" in str(cause)


@forking
def test_cli_reports_a_dead_worker_on_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from mtcheck import runner
    from mtcheck.cli import run_check

    monkeypatch.setattr(runner, "check_document", _check_or("exit", "30"))
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in corpus(60)), encoding="utf-8")
    assert run_check([str(path)], "json", tmp_path / "out.json", jobs=2, progress=False) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mtcheck: error: a worker process stopped unexpectedly")


def test_workers_stop_when_the_caller_stops_early_and_no_thread_is_left() -> None:
    import multiprocessing
    import threading

    threads = threading.active_count()
    results = run(iter(corpus(200)), Settings(), jobs=2)
    first = [next(results) for _ in range(30)]
    assert threading.active_count() == threads  # the pool runs no helper threads in this process
    results.close()
    assert multiprocessing.active_children() == []
    assert [_key(r) for r in first] == [_key(r) for r in run(iter(corpus(30)), Settings(), jobs=1)]


def test_documents_and_results_larger_than_a_pipe_buffer_pass_both_ways() -> None:
    # A chunk goes to a worker only while it waits for one, and its results are read before it gets
    # another: neither side can block on a full pipe while the other does (no deadlock), however
    # large the documents and results. One repeated-word rule keeps the test fast.
    from mtcheck.rules import select_rules

    text = "It was was late. " * 4000  # 68 kB in (a pipe holds 64 kB), 4,000 findings out
    documents = [Document(path="big.jsonl", id=str(i), text=text) for i in range(PARALLEL_MIN_DOCUMENTS + 6)]
    settings = Settings(rules=tuple(select_rules(select=["MT801"])))
    results = list(run(iter(documents), settings, jobs=2))
    assert [len(r.findings) for r in results if isinstance(r, DocumentResult)] == [4000] * len(documents)


def test_spawned_workers_give_the_serial_results(monkeypatch: pytest.MonkeyPatch) -> None:
    # macOS and Windows start workers with spawn: they import mtcheck afresh and get the settings pickled
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    items = corpus(PARALLEL_MIN_DOCUMENTS + 10)
    assert [_key(r) for r in run(iter(items), Settings(), jobs=2)] == [_key(r) for r in run(iter(items), Settings())]
    assert multiprocessing.active_children() == []


def test_benchmark_speedups_are_set_beside_amdahls_bound() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        from throughput import _speedups
    finally:
        sys.path.pop(0)
    lines = _speedups({"mtcheck --jobs 1": 2.0, "mtcheck --jobs 2": 1.25, "mtcheck, one small file": 0.4,
                       "mtcheck --jobs 1, corpus x10": 20.0, "mtcheck --jobs 2, corpus x10": 11.0})
    # 2.0 / (0.4 + 1.6 / 2) = 1.67; 20.0 / (0.4 + 19.6 / 2) = 1.96
    assert lines == ["--jobs 2 on the corpus: 1.60 x --jobs 1 (at most 1.67 x with 0.40 s of serial start-up)",
                     "--jobs 2 on the corpus x10: 1.82 x --jobs 1 (at most 1.96 x with 0.40 s of serial start-up)"]
    assert _speedups({"mtcheck --jobs 1": 2.0}) == []


def _gone(pid: int) -> bool:
    """The process has exited (a zombie nobody reaps counts as exited)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@forking
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_exit_when_their_parent_dies() -> None:
    # a forked worker closes the parent's ends of the pipes it inherits: the parent's death reads as EOF
    import subprocess
    import sys
    import time

    script = (
        "import os, multiprocessing\n"
        "from mtcheck.engine import Settings\n"
        "from mtcheck.model import Document\n"
        "from mtcheck.runner import run\n"
        "docs = (Document(path='c', id=str(i), text='It was was late. ' * 50) for i in range(10**6))\n"
        "results = run(docs, Settings(), jobs=2)\n"
        "next(results); next(results)\n"
        "print(*(child.pid for child in multiprocessing.active_children()), flush=True)\n"
        "os._exit(0)  # no clean-up: as if the parent were killed\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    pids = [int(pid) for pid in done.stdout.split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 20
    while not all(map(_gone, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(map(_gone, pids))


@forking
def test_a_worker_dead_before_its_first_chunk_is_a_worker_error() -> None:
    import multiprocessing
    import os
    import signal

    from mtcheck import runner

    results = run(iter(corpus(80)), Settings(), jobs=2)
    next(results)  # the first document, checked here before the workers started: they hold no chunk yet
    for child in multiprocessing.active_children():
        os.kill(child.pid, signal.SIGKILL)
        child.join()
    with pytest.raises(runner.WorkerError, match="killed by signal 9"):
        next(results)  # sending to a dead worker: a WorkerError, not a broken pipe
    assert multiprocessing.active_children() == []


def test_an_interruption_while_workers_start_stops_those_started(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import os
    import signal

    from mtcheck import runner

    original, started = runner._Worker.__init__, []

    def start(self: object, *args: object) -> None:
        original(self, *args)  # type: ignore[arg-type]
        started.append(self)
        if len(started) == 2:  # Ctrl-C while the workers start: held back until they are all recorded
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(runner._Worker, "__init__", start)
    results = run(iter(corpus(80)), Settings(), jobs=3)
    with pytest.raises(KeyboardInterrupt):
        list(results)
    assert len(started) == 3 and multiprocessing.active_children() == []


class _TwoArguments(Exception):
    def __init__(self, a: int, b: int) -> None:
        super().__init__(f"{a}/{b}")


@forking
def test_an_exception_that_cannot_be_rebuilt_keeps_its_name_and_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import copyreg

    from mtcheck import runner

    # (tblib, which distributed installs, registers every exception class it sees as rebuildable)
    monkeypatch.delitem(copyreg.dispatch_table, _TwoArguments, raising=False)
    monkeypatch.setattr(runner, "check_document", _raising(_TwoArguments(1, 2), "41"))
    with pytest.raises(RuntimeError, match=r"_TwoArguments: 1/2") as raised:
        list(run(iter(corpus(80)), Settings(), jobs=2))
    assert "_TwoArguments: 1/2" in str(raised.value.__cause__)


def _raising(error: Exception, victim: str) -> object:
    import os

    from mtcheck import runner

    parent, original = os.getpid(), runner.check_document

    def check(document: Document, settings: Settings | None = None) -> DocumentResult:
        if document.id == victim and os.getpid() != parent:
            raise error
        return original(document, settings)

    return check


def test_settings_pickle_after_their_lexicons_compiled() -> None:
    # spawned workers get the settings pickled; compiled lexicon structures hold functions
    import pickle

    settings = Settings()
    list(run(iter(corpus(3)), settings))
    assert settings.lexicons._compiled
    copy = pickle.loads(pickle.dumps(settings))
    assert copy.lexicons._compiled == {} and copy.lexicons.extra_files == settings.lexicons.extra_files


@pytest.mark.skipif(not hasattr(__import__("os"), "killpg"), reason="sends Ctrl-C to a process group")
def test_ctrl_c_stops_a_parallel_run_with_one_line_and_code_130(tmp_path: Path) -> None:
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "big.jsonl"  # some 20 s of checking: still running when Ctrl-C comes
    path.write_text("".join(json.dumps({"id": d.id, "text": d.text * 20}) + "\n" for d in corpus(3000)),
                    encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "mtcheck", "check", str(path), "-j", "2", "-f", "jsonl",
                                "--no-progress", "-o", str(tmp_path / "out.jsonl")],
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(2.0)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal sends it: to every process of the group
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err) == (130, "mtcheck: interrupted\n")
    if shutil.which("pgrep"):  # no worker is left behind
        assert subprocess.run(["pgrep", "-f", str(path)], capture_output=True, text=True, check=False).stdout == ""


@pytest.mark.parametrize(
    ("files", "quota"),
    [
        ({"v2": "200000 100000\n"}, 2),  # cgroup v2: two CPUs
        ({"v2": "150000 100000\n"}, 2),  # one and a half: rounded up
        ({"v2": "max 100000\n"}, None),  # no limit
        ({"v1q": "50000\n", "v1p": "100000\n"}, 1),  # cgroup v1: half a CPU is still one worker
        ({"v1q": "-1\n", "v1p": "100000\n"}, None),  # v1 without a limit
        ({"v2": "garbage"}, None),
        ({"v2": "1" + "0" * 400 + " 100000"}, 10**395),  # absurd but exact (no float division)
        ({"v1q": "50000 1\n", "v1p": "100000\n"}, 1),  # each file's first field
        ({}, None),  # not in a container (or not Linux)
    ],
)
def test_cpu_quota_of_a_container(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str],
                                  quota: int | None) -> None:
    from mtcheck import runner

    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="ascii")
    monkeypatch.setattr(runner, "CGROUP_FILES", ((str(tmp_path / "v2"), None),
                                                 (str(tmp_path / "v1q"), str(tmp_path / "v1p"))))
    assert runner.cpu_quota() == quota
    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert runner.default_jobs() == (min(quota, 64) if quota is not None else 64)


def test_results_leave_sentences_out_only_when_asked_and_alike_in_every_mode() -> None:
    items = corpus(PARALLEL_MIN_DOCUMENTS + 6)
    for jobs in (1, 2):
        full = [r for r in run(iter(items), Settings(), jobs=jobs) if isinstance(r, DocumentResult)]
        bare = [r for r in run(iter(items), Settings(), jobs=jobs, sentences=False) if isinstance(r, DocumentResult)]
        assert all(r.sentences for r in full) and not any(r.sentences for r in bare)
        assert [_key(r) for r in full] == [_key(r) for r in bare]  # nothing else differs


def test_only_the_text_report_asks_for_sentences() -> None:
    from mtcheck.reporters import FORMATS, get_reporter

    assert {name for name in FORMATS if getattr(get_reporter(name), "needs_sentences", False)} == {"text"}

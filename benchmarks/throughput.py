"""Throughput and peak memory of mtcheck, beside proselint on the same articles.

    python benchmarks/throughput.py [--data ../shared/data] [--repeat 3] [--skip-proselint]

The corpus is built from the WMT19 lt-en system outputs in ``../shared/data/wmt19/systems/`` (11 real MT
systems, 1,000 segments each): every run of 20 consecutive non-empty segments of one system is an
article, about 550 articles. It is written twice: as a JSONL corpus (what mtcheck reads) and as one
.txt file per article (what proselint reads). A second corpus repeats the first ten times, to show
that peak memory does not grow with the corpus.

The package's bytecode is compiled first (``compileall``), as ``pip install`` does for an installed
package: an editable install under ``PYTHONDONTWRITEBYTECODE`` would otherwise recompile every module
on every run. Each measurement is a fresh process (the command-line tool as users run it, start-up
included); its wall time is the best of ``--repeat`` runs (the ten-times corpus too: on a shared
machine one run of it varies by 5%) and its peak
memory the child's maximum resident set size (``os.wait4``). The runs go in rounds, every command once
per round, so that a change in the machine's speed during the benchmark affects every row alike.
Nothing here is a test: it prints a table, and ``--json`` writes the figures.
Without ../shared/data the script says so and stops.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"


def build_articles(data: Path, size: int = 20) -> list[dict[str, str]]:
    articles = []
    for path in sorted((data / "wmt19" / "systems").glob("newstest2019.*.lt-en")):
        system = path.name.split(".")[1]
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        for start in range(0, len(lines), size):
            chunk = lines[start:start + size]
            if len(chunk) >= size // 2:
                articles.append({"id": f"{system}-{start // size + 1:03d}", "text": "\n".join(chunk)})
    return articles


def write_corpus(articles: list[dict[str, str]], folder: Path, repeat: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / f"corpus-x{repeat}.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for round_ in range(repeat):
            for article in articles:
                record = {"id": f"{article['id']}-{round_}", "text": article["text"]}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return corpus


def write_files(articles: list[dict[str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article['id']}.txt").write_text(article["text"] + "\n", encoding="utf-8")
    return folder


def measure(command: list[str], repeat: int) -> tuple[float, float]:
    """Best wall time (s) and peak RSS (MiB) of ``command`` over ``repeat`` runs."""
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited {process.returncode}: {process.stderr.read()[-500:]!r}")
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak


def _speedups(seconds: dict[str, float]) -> list[str]:
    """``--jobs 2`` against ``--jobs 1`` on both corpora, beside the most two workers could give.

    A run's start-up (Python, the command line, settings, the first document's lexicons: about what
    the one-small-file run takes) is serial. With that part ``s`` of a one-process run of ``t``
    seconds, two perfect workers finish in ``s + (t - s) / 2`` (Amdahl's law): that bound is printed
    beside each measured ratio."""
    lines = []
    serial = seconds.get("mtcheck, one small file")
    for label, one, two in (("corpus", "mtcheck --jobs 1", "mtcheck --jobs 2"),
                            ("corpus x10", "mtcheck --jobs 1, corpus x10", "mtcheck --jobs 2, corpus x10")):
        if one not in seconds or two not in seconds:
            continue
        line = f"--jobs 2 on the {label}: {seconds[one] / seconds[two]:.2f} x --jobs 1"
        if serial is not None and serial < seconds[one]:
            bound = seconds[one] / (serial + (seconds[one] - serial) / 2)
            line += f" (at most {bound:.2f} x with {serial:.2f} s of serial start-up)"
        lines.append(line)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    if not (options.data / "wmt19" / "systems").is_dir():
        print(f"no WMT19 data at {options.data}: nothing to measure", file=sys.stderr)
        return 2
    import mtcheck

    compileall.compile_dir(Path(mtcheck.__file__).parent, quiet=1)
    articles = build_articles(options.data)
    words = sum(len(WORD.findall(a["text"])) for a in articles)
    mtcheck = [sys.executable, "-m", "mtcheck", "check", "--format", "json", "--no-progress"]
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        corpus = write_corpus(articles, folder)
        corpus10 = write_corpus(articles, folder, repeat=10)
        files = write_files(articles, folder / "articles")
        small = folder / "small.txt"
        small.write_text(articles[0]["text"] + "\n", encoding="utf-8")
        runs = [
            ("mtcheck --jobs 1", [*mtcheck, "--jobs", "1", str(corpus)], words),
            ("mtcheck --jobs 2", [*mtcheck, "--jobs", "2", str(corpus)], words),
            ("mtcheck --jobs 1, corpus x10", [*mtcheck, "--jobs", "1", str(corpus10)], words * 10),
            ("mtcheck --jobs 2, corpus x10", [*mtcheck, "--jobs", "2", str(corpus10)], words * 10),
            ("mtcheck, one small file", [*mtcheck, str(small)], len(WORD.findall(articles[0]["text"]))),
            ("mtcheck --jobs 1, .txt files", [*mtcheck, "--jobs", "1", str(files)], words),
        ]
        proselint = shutil.which("proselint")
        if proselint and not options.skip_proselint:
            runs.append(("proselint, .txt files", [proselint, "check", "--output-format", "json", str(files)], words))
        elif not options.skip_proselint:
            print("proselint is not installed (pip install '.[bench]'): its row is left out", file=sys.stderr)
        # Rounds: each runs every command once, so a machine that gets slower or faster during the
        # benchmark (shared hosts do) shifts every row alike; each row keeps its best round.
        best = {name: (float("inf"), 0.0) for name, _, _ in runs}
        for _ in range(options.repeat):
            for name, command, _ in runs:
                seconds, peak = measure(command, 1)
                best[name] = (min(best[name][0], seconds), max(best[name][1], peak))
        for name, _, count in runs:
            seconds, peak = best[name]
            rows.append({"run": name, "words": count, "seconds": round(seconds, 3),
                         "words_per_second": round(count / seconds), "peak_mib": round(peak, 1)})
    print(f"corpus: {len(articles)} articles, {words:,} words (WMT19 lt-en system outputs)")
    print(f"{'run':<32}{'words':>10}{'seconds':>10}{'words/s':>10}{'peak MiB':>10}")
    for row in rows:
        print(f"{row['run']:<32}{row['words']:>10,}{row['seconds']:>10.2f}{row['words_per_second']:>10,}"
              f"{row['peak_mib']:>10.1f}")
    speedups = _speedups({str(row["run"]): float(str(row["seconds"])) for row in rows})
    for line in speedups:
        print(line)
    if options.json:
        options.json.write_text(json.dumps({"articles": len(articles), "words": words, "runs": rows,
                                            "speedups": speedups}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

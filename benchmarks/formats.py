"""The time each output format takes for 1,000 articles.

    python benchmarks/formats.py [--data ../shared/data] [--articles 1000] [--repeat 3] [--json FILE]

The articles are built from the WMT19 lt-en system outputs in ``../shared/data/wmt19/systems/``
(11 real MT systems, 1,000 segments each): every run of 10 consecutive segments of one system is an
article, with the matching 10 lines of the Lithuanian source attached when the source file is there
(so the source-based rules run and the HTML report shows the source). The articles are checked once;
then each reporter renders the same results ``--repeat`` times into memory and the best time is kept,
so the figures are the cost of the format alone (the check's own time is printed beside them).
Nothing here is a test. Without ../shared/data the script says so and stops.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"


def build_articles(data: Path, count: int, size: int = 10) -> list[dict[str, str]]:
    source_file = data / "wmt19" / "newstest2019-lten.src.lt"
    source = source_file.read_text(encoding="utf-8").splitlines() if source_file.is_file() else []
    articles: list[dict[str, str]] = []
    for path in sorted((data / "wmt19" / "systems").glob("newstest2019.*.lt-en")):
        system = path.name.split(".")[1]
        lines = path.read_text(encoding="utf-8").splitlines()
        for start in range(0, len(lines) - size + 1, size):
            record = {"id": f"{system}-{start // size + 1:03d}", "text": "\n".join(lines[start:start + size])}
            if len(source) >= start + size:
                record["source"] = "\n".join(source[start:start + size])
            articles.append(record)
            if len(articles) == count:
                return articles
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    if not (args.data / "wmt19" / "systems").is_dir():
        print(f"no WMT19 system outputs under {args.data}: nothing to measure", file=sys.stderr)
        return 1

    from mtcheck import __version__
    from mtcheck.engine import Settings
    from mtcheck.model import Document, DocumentResult
    from mtcheck.reporters import FORMATS, RunInfo, Summary, get_reporter
    from mtcheck.runner import default_jobs, run
    from mtcheck.signature import signature

    articles = build_articles(args.data, args.articles)
    documents = [Document(path="wmt19.jsonl", id=a["id"], text=a["text"], source=a.get("source"))
                 for a in articles]
    settings = Settings()
    started = time.perf_counter()
    results = [r for r in run(documents, settings, default_jobs()) if isinstance(r, DocumentResult)]
    check_seconds = time.perf_counter() - started
    summary = Summary()
    for result in results:
        summary.add(result)
    words = summary.words
    info = RunInfo(version=__version__, signature=signature(settings), rules=settings.rules,
                   options={"threshold": settings.score.threshold})
    figures: dict[str, dict[str, float]] = {}
    print(f"{len(results)} articles, {words:,} words, {summary.findings:,} findings; "
          f"check: {check_seconds:.2f} s with {default_jobs()} jobs")
    print(f"{'format':<10}{'seconds':>10}{'ms/article':>12}{'output':>12}")
    for name in FORMATS:
        best = float("inf")
        size = 0
        for _ in range(args.repeat):
            get_reporter(name)  # imported before timing (the import is start-up, not per article)
            stream = io.StringIO()
            begin = time.perf_counter()
            reporter = get_reporter(name)(stream, info)
            for result in results:
                reporter.document(result)
            reporter.finish(summary)
            best = min(best, time.perf_counter() - begin)
            size = len(stream.getvalue().encode("utf-8"))
        figures[name] = {"seconds": round(best, 4), "bytes": size}
        print(f"{name:<10}{best:>10.3f}{1000 * best / max(1, len(results)):>12.3f}{size / 1e6:>10.2f}MB")
    if args.json:
        args.json.write_text(json.dumps({"articles": len(results), "words": words, "check_seconds": check_seconds,
                                         "formats": figures}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

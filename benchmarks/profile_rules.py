"""Where the time goes: seconds per rule (and for segmentation) over the benchmark corpus, in one process.

    python benchmarks/profile_rules.py [--data ../shared/data] [--top 20]

Builds the same corpus as throughput.py (WMT19 system outputs, about 550 articles), warms every rule on
one document (so one-time lexicon loading is reported apart), then times each stage of the pipeline
per document in CPU time (so other load on the machine does not skew it). ``--select MT1,MT3`` times
only the rules whose codes start with those prefixes. For a function-level view, run the CLI under cProfile:

    python -m cProfile -o prof.out -m mtcheck check corpus.jsonl --jobs 1 -f json -o /dev/null
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> int:
    from throughput import DEFAULT_DATA, WORD, build_articles

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--select", default="", help="comma-separated rule-code prefixes to time (default: all)")
    options = parser.parse_args()
    if not (options.data / "wmt19" / "systems").is_dir():
        print(f"no WMT19 data at {options.data}", file=sys.stderr)
        return 2
    from mtcheck.engine import Settings
    from mtcheck.model import Document
    from mtcheck.rules import Context
    from mtcheck.segment import segment

    articles = build_articles(options.data)
    words = sum(len(WORD.findall(a["text"])) for a in articles)
    settings = Settings()
    prefixes = tuple(p.strip() for p in options.select.split(",") if p.strip())
    rules = [rule for rule in settings.rules if not prefixes or rule.code.startswith(prefixes)]
    documents = [Document(path="c.jsonl", id=a["id"], text=a["text"]) for a in articles]
    started = time.process_time()
    warm = Context(document=documents[0], paragraphs=segment(documents[0].text), lexicons=settings.lexicons)
    for rule in rules:
        warm.rule = rule
        list(rule.check(warm))
    warm_up = time.process_time() - started
    spent: Counter[str] = Counter()
    for document in documents:
        tick = time.process_time()
        paragraphs = segment(document.check_text)
        spent["(segmentation)"] += time.process_time() - tick
        ctx = Context(document=document, paragraphs=paragraphs, lexicons=settings.lexicons)
        for rule in rules:
            ctx.rule = rule
            tick = time.process_time()
            list(rule.check(ctx))
            spent[f"{rule.code} {rule.name}"] += time.process_time() - tick
    total = sum(spent.values())
    print(f"{len(documents)} documents, {words:,} words; one-time warm-up {warm_up:.2f} s; "
          f"checks {total:.2f} s = {words / total:,.0f} words/s")
    for name, seconds in spent.most_common(options.top):
        print(f"{seconds:8.3f} s {100 * seconds / total:5.1f}%  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

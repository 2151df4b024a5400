"""Findings on real data: the WMT19 lt-en human references against the 11 MT systems (and NLLB).

    python benchmarks/wmt19.py [--data ../shared/data] [--select MT3] [--show ref] [--with-source]

Documents are 10 consecutive segments (lines) of one file. For each file the script prints the
findings per 1,000 words, overall and per category: the human reference is the false-alarm floor
(professional translations: findings there are mostly false alarms, look at each with ``--show ref``),
the systems show what the checker finds in real MT. ``--with-source`` attaches the Lithuanian source
lines, so the source-based rules run too. Systems are listed in the official WMT19 human ranking
(best first), so a useful checker's rate should tend to grow down the table.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"


def documents(lines: list[str], sources: list[str] | None, name: str, size: int = 10) -> list[object]:
    from mtcheck.model import Document

    out = []
    for start in range(0, len(lines), size):
        chunk = [(i, line.strip()) for i, line in enumerate(lines[start:start + size], start) if line.strip()]
        if not chunk:
            continue
        text = "\n".join(line for _, line in chunk)
        source = "\n".join(sources[i].strip() for i, _ in chunk) if sources else None
        out.append(Document(path=name, id=f"{name}:{start + 1}-{start + size}", text=text, source=source))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--select", action="append", help="rules to run (default: every default rule)")
    parser.add_argument("--show", action="append", default=[], help="print the findings of this file (e.g. ref)")
    parser.add_argument("--with-source", action="store_true", help="attach the Lithuanian source")
    options = parser.parse_args()
    wmt = options.data / "wmt19"
    if not wmt.is_dir():
        print(f"no WMT19 data at {options.data}", file=sys.stderr)
        return 2
    from mtcheck.engine import Settings, check_document
    from mtcheck.rules import select_rules
    from mtcheck.segment import count_words

    settings = Settings(rules=select_rules(options.select)) if options.select else Settings()
    sources = (wmt / "newstest2019-lten.src.lt").read_text(encoding="utf-8").splitlines()
    ranking = (wmt / "human" / "system_ranking_by_DA.txt").read_text(encoding="utf-8").split()
    files = [("ref", wmt / "newstest2019-lten.ref.en")]
    for system in ranking:
        matches = sorted((wmt / "systems").glob(f"newstest2019.{system}*.lt-en"))
        files += [(system, path) for path in matches]
    files += [("nllb-200-3.3B", wmt / "systems_modern" / "newstest2019.nllb-200-3.3B.lt-en")]
    categories: set[str] = set()
    table = []
    for name, path in files:
        if not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        words, counts = 0, Counter()
        for document in documents(lines, sources if options.with_source else None, name):
            result = check_document(document, settings)  # type: ignore[arg-type]
            words += count_words(result.document.text)
            for finding in result.findings:
                counts[finding.category] += 1
                if name in options.show:
                    line = result.document.text.count("\n", 0, finding.start)
                    print(f"{result.document.id} +{line}: {finding.code} {finding.text!r}: {finding.message}")
        categories.update(counts)
        table.append((name, words, counts))
    columns = sorted(categories)
    print(f"{'file':<22}{'words':>8}{'per kw':>8} " + " ".join(f"{c[:10]:>10}" for c in columns))
    for name, words, counts in table:
        total = sum(counts.values())
        print(f"{name:<22}{words:>8}{1000 * total / max(words, 1):>8.2f} "
              + " ".join(f"{1000 * counts[c] / max(words, 1):>10.2f}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())

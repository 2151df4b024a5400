"""Documents checked at the same time in several threads (``mtcheck.check_text`` from a thread pool, as
Dask's threaded scheduler does) get exactly the findings they get alone, in one thread.

The rules keep per-document caches in the document's ``ctx.options`` and per-thread (or lock-protected)
memos for the process; a module-level cache of "the last document" or a shared chunk log would let one
thread's document leak into another's results, or leave chunks unclassified (a KeyError)."""

from __future__ import annotations

import json
import random
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import mtcheck
from mtcheck.engine import Settings
from mtcheck.model import Finding
from mtcheck.rules import untranslated as untranslated_module

_CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"
_THREADS = 8
_ROUNDS = 3

# Lithuanian-heavy texts: whole sentences left in Lithuanian (MT304), words, dates and abbreviations
# (MT301-MT303), names in Lithuanian forms (MT4)
_LITHUANIAN = [
    "Vyriausybė pritarė naujam biudžeto projektui, kurį parengė Finansų ministerija. "
    "The parliament will vote on it next week.",
    "The villagers of tractor suvažinėjo tigrę near the forest. Policija pradėjo ikiteisminį tyrimą dėl "
    "šio įvykio ir apklausė liudininkus.",
    "Prezidentas Gitanas Nausėda pirmadienį susitiko su Lenkijos prezidentu. Jie aptarė saugumo klausimus "
    "regione ir bendrus energetikos projektus.",
    "The meeting took place on 2020 m. rugsėjo 14 d. in Vilnius, t. y. a week before the vote; prices rose "
    "by 3 proc. and 10 tūkst. people attended at 9 val.",
    "Donaldas Trampas met Vladimiro Putino in Helsinkis. Angelai Merkel said nothing, according to "
    "Verslo žinios and Kauno apskr. officials.",
    "Šiandien Seimas svarstys įstatymo pataisas. Opozicija teigia, kad jos prieštarauja Konstitucijai, "
    "o valdantieji tam nepritaria. The debate continues tomorrow.",
    "Ministras pirmininkas sakė: „Mes nepasiduosime“. The minister said the reform is yra būtina ir "
    "skubi, nes ekonomika auga lėtai.",
]


def _documents() -> list[tuple[str, str | None]]:
    documents: list[tuple[str, str | None]] = []
    for path in sorted(_CASES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                documents.append((record["text"], record.get("source")))
    documents.extend((text, None) for text in _LITHUANIAN)
    # longer documents made of several cases, so that documents share many chunks and some are new
    rng = random.Random(7)
    texts = [text for text, _ in documents]
    for size in (3, 8, 20):
        for _ in range(3):
            documents.append(("\n\n".join(rng.sample(texts, size)), None))
    return documents


_DOCUMENTS = _documents()
_SETTINGS = Settings()  # one Settings for every thread, as a library user shares it


def _findings(document: tuple[str, str | None]) -> list[Finding]:
    text, source = document
    return mtcheck.check_text(text, source, settings=_SETTINGS)


def _concurrently(order: list[int]) -> dict[int, list[Finding]]:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # threads switch often: races show up (interleavings mid-document)
    try:
        with ThreadPoolExecutor(max_workers=_THREADS) as pool:
            results = list(pool.map(lambda index: _findings(_DOCUMENTS[index]), order))
    finally:
        sys.setswitchinterval(interval)
    return dict(zip(order, results, strict=True))


@pytest.fixture(scope="module")
def expected() -> dict[int, list[Finding]]:
    return {index: _findings(document) for index, document in enumerate(_DOCUMENTS)}


def test_the_documents_are_varied(expected: dict[int, list[Finding]]) -> None:
    assert len(_DOCUMENTS) >= 200
    codes = {finding.code for findings in expected.values() for finding in findings}
    assert {"MT301", "MT302", "MT303", "MT304"} <= codes  # Lithuanian-heavy ones among them
    assert any(code.startswith("MT4") for code in codes) and any(code.startswith("MT5") for code in codes)
    assert any(code.startswith("MT7") for code in codes)  # with a source


def test_threads_give_the_single_threaded_findings(expected: dict[int, list[Finding]]) -> None:
    rng = random.Random(2024)
    for _ in range(_ROUNDS):
        order = list(range(len(_DOCUMENTS))) * 2
        rng.shuffle(order)
        found = _concurrently(order)
        for index in set(order):
            assert found[index] == expected[index], _DOCUMENTS[index][0][:80]


def test_threads_give_the_same_findings_while_chunk_logs_are_reset(
    expected: dict[int, list[Finding]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a tiny bound: each thread's chunk log (and every feed's classes) is reset at almost every document
    monkeypatch.setattr(untranslated_module, "_MAX_CHUNKS", 50)
    order = list(range(len(_DOCUMENTS)))
    random.Random(5).shuffle(order)
    found = _concurrently(order)
    for index in order:
        assert found[index] == expected[index], _DOCUMENTS[index][0][:80]

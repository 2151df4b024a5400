"""Sentence alignment of a Lithuanian source and its English translation."""

from __future__ import annotations

from mtcheck.align import align, source_sentences
from mtcheck.model import Document
from mtcheck.segment import segment
from tests.conftest import run


def _align(text: str, source: str) -> list[tuple[list[str], list[str]]]:
    document = Document(path="x", id="x", text=text, source=source)
    sentences = tuple(s for p in segment(text) for s in p.sentences)
    alignment = align(document, sentences)
    assert alignment is not None
    return [([alignment.source_sentences[i].text for i in bead.source], [sentences[j].text for j in bead.target])
            for bead in alignment.beads]


def test_lithuanian_abbreviation_breaks_are_mended() -> None:
    sentences = source_sentences("Pokytis palies 1,4 mln. gyventojų. Nuo 2025 m. sausio 1 d. kaina mažės. Tai viskas.")
    assert [s.text for s in sentences] == [
        "Pokytis palies 1,4 mln. gyventojų.", "Nuo 2025 m. sausio 1 d. kaina mažės.", "Tai viskas.",
    ]


def test_one_to_one() -> None:
    beads = _align(
        "Over the past day, 312 accidents were registered. The police report that most occurred in Vilnius. "
        "One person was killed.",
        "Per parą užregistruota 312 eismo įvykių. Policija praneša, kad daugiausia jų įvyko Vilniuje. "
        "Vienas žmogus žuvo.",
    )
    assert [(len(s), len(t)) for s, t in beads] == [(1, 1), (1, 1), (1, 1)]


def test_split_sentence_is_two_to_one() -> None:
    beads = _align(
        "The change will affect more than 1.4 million. residents. This was announced by the council.",
        "Pokytis palies daugiau nei 1,4 mln. gyventojų. Tai paskelbė taryba.",
    )
    assert (len(beads[0][0]), len(beads[0][1])) == (1, 2)


def test_omitted_sentence_is_one_to_zero() -> None:
    beads = _align(
        "Over the past day, 312 traffic accidents were registered in Lithuania. One person was killed in the "
        "Panevėžys district.",
        "Per praėjusią parą Lietuvoje užregistruota 312 eismo įvykių. Policija praneša, kad daugiausia avarijų "
        "įvyko Vilniuje ir Kaune, kur eismas buvo ypač intensyvus. Vienas žmogus žuvo Panevėžio rajone.",
    )
    assert ([len(t) for _, t in beads]) == [1, 0, 1]
    findings = run(
        "Over the past day, 312 traffic accidents were registered in Lithuania. One person was killed in the "
        "Panevėžys district.",
        ["MT721"],
        "Per praėjusią parą Lietuvoje užregistruota 312 eismo įvykių. Policija praneša, kad daugiausia avarijų "
        "įvyko Vilniuje ir Kaune, kur eismas buvo ypač intensyvus. Vienas žmogus žuvo Panevėžio rajone.",
    )
    assert len(findings) == 1 and "Policija" in dict(findings[0].extra)["source_text"]


def test_paragraphs_are_aligned_separately() -> None:
    beads = _align(
        "First line with 5 apples.\nSecond line with 7 pears.", "Pirma eilutė su 5 obuoliais.\nAntra su 7 kriaušėmis."
    )
    assert [(s, t) for s, t in beads] == [
        (["Pirma eilutė su 5 obuoliais."], ["First line with 5 apples."]),
        (["Antra su 7 kriaušėmis."], ["Second line with 7 pears."]),
    ]


def test_numbers_anchor_the_alignment() -> None:
    # lengths alone would pair the short sentences wrongly; the numbers put 2011 with 2011
    beads = _align(
        "The call-up of 160,000 conscripts will take place in spring. It is the largest since 2011.",
        "Šaukimas vyks pavasarį. Bus pašaukta 160 tūkst. šauktinių, tai didžiausias šaukimas nuo 2011 metų.",
    )
    joined = [(" ".join(s), " ".join(t)) for s, t in beads]
    assert any("2011" in s and "2011" in t for s, t in joined)


def test_no_source_no_alignment() -> None:
    document = Document(path="x", id="x", text="Hello.")
    assert align(document, ()) is None

"""Bilingual translator files (XLIFF 1.2 and 2.0, TMX, PO): units, offsets, unit ids in the reports,
safe XML parsing and one-line input errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mtcheck.cli import run_check
from mtcheck.engine import check_document
from mtcheck.inputs import iter_documents
from mtcheck.inputs.bilingual import READERS
from mtcheck.model import Document, InputError

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="lt" target-language="en" datatype="plaintext" original="news.txt">
  <body>
   <trans-unit id="t1">
    <source>Per praėjusią parą Lietuvoje užregistruota 312 eismo įvykių.</source>
    <target>Over the past day, 213 <g id="1">traffic</g> accidents<x id="2"/> were registered in Lithuania.</target>
   </trans-unit>
   <group id="g1">
    <trans-unit id="t2">
     <source>Vienas žmogus žuvo Panevėžio rajone.</source>
     <target>One person was killed in the Panevėžys district.</target>
    </trans-unit>
   </group>
   <trans-unit id="t3"><source>Neišversta.</source><target></target></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="lt" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <segment><source>Kaina mažės 4,5 proc.</source><target>The price will fall by 4,5 percent.</target></segment>
   <ignorable><source> </source><target> </target></ignorable>
   <segment><source>Tai paskelbė taryba.</source><target>The <pc id="1">council</pc> announced it.</target></segment>
  </unit>
  <unit id="u2">
   <segment><source>Pokytis palies 1,4 mln. gyventojų.</source>
    <target>The change will affect 1.4 million residents.</target></segment>
  </unit>
 </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
 <header srclang="lt" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t"
   creationtoolversion="1" o-tmf="x"/>
 <body>
  <tu tuid="a1">
   <tuv xml:lang="lt"><seg>Šaukimas vyks nuo balandžio 1 d. iki liepos 15 d.</seg></tuv>
   <tuv xml:lang="en-GB"><seg>The call-up will take place from 1 April to 15 June.</seg></tuv>
  </tu>
  <tu>
   <tuv xml:lang="en"><seg>This is the largest spring call-up since 2011.</seg></tuv>
   <tuv xml:lang="lt"><seg>Tai didžiausias pavasario šaukimas nuo 2011 metų.</seg></tuv>
  </tu>
 </body>
</tmx>
"""

PO = r'''# Lithuanian to English
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#: news.txt:1
msgctxt "headline"
msgid "Per mėnesį išduota naujų būsto paskolų už 210 mln. eurų."
msgstr "During the month, new housing loans worth 120 million euros were issued."

#, fuzzy
msgid ""
"Policija praneša, kad daugiausia avarijų "
"įvyko \"Vilniuje\" ir Kaune."
msgstr ""
"The police report that most accidents "
"occurred in \"Vilnius\" and Kaunas."

msgid "Vienas vaikas"
msgid_plural "%d vaikai"
msgstr[0] "One child"
msgstr[1] "%d children"

msgid "Neišversta"
msgstr ""

#~ msgid "Sena eilutė"
#~ msgstr "An old line"
'''


def _read(extension: str, text: str) -> Document:
    items = list(READERS[extension](f"file{extension}", text))
    assert len(items) == 1
    assert isinstance(items[0], Document), items[0]
    return items[0]


def _check_units(document: Document) -> None:
    assert document.text == "\n\n".join(document.text[u.start:u.end] for u in document.units)
    assert document.source == "\n\n".join(u.source or "" for u in document.units)


def test_xliff12_units_inline_codes_and_untranslated_units() -> None:
    document = _read(".xlf", XLIFF12)
    _check_units(document)
    assert [u.id for u in document.units] == ["t1", "t2"]  # t3 has no target
    assert document.text.startswith("Over the past day, 213 traffic accidents were registered")
    assert document.units[1].source == "Vienas žmogus žuvo Panevėžio rajone."


def test_xliff20_segments_make_one_unit() -> None:
    document = _read(".xliff", XLIFF20)
    _check_units(document)
    assert [u.id for u in document.units] == ["u1", "u2"]
    first = document.text[document.units[0].start:document.units[0].end]
    assert first == "The price will fall by 4,5 percent. The council announced it."


def test_tmx_picks_english_target_and_lithuanian_source() -> None:
    document = _read(".tmx", TMX)
    _check_units(document)
    assert [u.id for u in document.units] == ["a1", "2"]
    assert document.units[1].source == "Tai didžiausias pavasario šaukimas nuo 2011 metų."
    assert "15 June" in document.text


def test_po_multiline_escapes_context_plurals_and_obsolete() -> None:
    document = _read(".po", PO)
    _check_units(document)
    ids = [u.id for u in document.units]
    assert ids[0] == "headline" and len(ids) == 3  # header, untranslated and obsolete entries skipped
    assert 'most accidents occurred in "Vilnius" and Kaunas.' in document.text
    assert "One child" in document.text and "%d children" not in document.text
    assert document.units[1].source == 'Policija praneša, kad daugiausia avarijų įvyko "Vilniuje" ir Kaune.'


@pytest.mark.parametrize(
    ("extension", "text", "quote", "unit"),
    [(".xlf", XLIFF12, "213", "t1"), (".xliff", XLIFF20, "4,5", "u1"), (".tmx", TMX, "15 June", "a1"),
     (".po", PO, "120 million", "headline")],
)
def test_findings_carry_the_unit_and_offsets_inside_its_target(extension: str, text: str, quote: str,
                                                               unit: str) -> None:
    document = _read(extension, text)
    findings = [f for f in check_document(document).findings if f.category == "number-mismatch"]
    hit = next(f for f in findings if f.text == quote)
    extra = dict(hit.extra)
    assert extra["unit"] == unit
    target = next(u for u in document.units if u.id == unit)
    assert target.start <= hit.start < hit.end <= target.end
    assert document.text[target.start + extra["unit_offset"]:].startswith(quote)


def test_text_and_json_reports_show_the_unit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "news.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    assert run_check([str(path)], "text") == 1
    assert "[unit t1]" in capsys.readouterr().out
    run_check([str(path)], "json")
    report = json.loads(capsys.readouterr().out)
    units = {f.get("unit") for f in report["documents"][0]["findings"]}
    assert "t1" in units


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body>
<trans-unit id="1"><source>a</source><target>&lol3;</target></trans-unit></body></file></xliff>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>&xxe;</target></trans-unit>
</body></file></xliff>
"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote;]>
<tmx version="1.4"><header srclang="lt"/><body><tu><tuv xml:lang="en"><seg>Hello there.</seg></tuv></tu></body></tmx>
"""
MALFORMED = """<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source><target>b</trans-unit>"""


@pytest.mark.parametrize(
    ("extension", "text", "expected"),
    [(".xlf", BOMB, "unsafe XML"), (".xlf", EXTERNAL, "unsafe XML"), (".tmx", EXTERNAL_DTD, "unsafe XML"),
     (".xlf", MALFORMED, "malformed XML"), (".tmx", XLIFF12, "not a TMX file"),
     (".po", 'msgid "a"\nmsgstr "b\n', "malformed"), (".po", 'msgid "a"\nmsgstr "\\q"\n', "escape"),
     (".po", "just some text\n", "malformed PO line")],
    ids=["billion-laughs", "external-entity", "external-dtd", "malformed", "wrong-root", "po-unclosed",
         "po-escape", "po-garbage"],
)
def test_unsafe_or_malformed_files_are_one_line_input_errors(extension: str, text: str, expected: str) -> None:
    items = list(READERS[extension](f"bad{extension}", text))
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert expected in items[0].message
    assert "\n" not in str(items[0])


def test_cli_exit_2_and_one_line_on_a_bomb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text(BOMB, encoding="utf-8")
    good = tmp_path / "good.tmx"
    good.write_text(TMX, encoding="utf-8")
    code = run_check([str(bomb), str(good)], "json")
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.count("\n") == 1 and "bomb.xlf" in captured.err and "Traceback" not in captured.err
    assert json.loads(captured.out)["summary"]["documents"] == 1  # the other input is still checked


def test_directory_walk_finds_bilingual_files(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_text(PO, encoding="utf-8")
    (tmp_path / "b.tmx").write_text(TMX, encoding="utf-8")
    documents = [d for d in iter_documents([str(tmp_path)]) if isinstance(d, Document)]
    assert sorted(Path(d.path).name for d in documents) == ["a.po", "b.tmx"]


def test_source_and_reference_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, source, reference = tmp_path / "t.txt", tmp_path / "s.txt", tmp_path / "r.txt"
    text.write_text("Over the past day, 213 traffic accidents were registered in Lithuania.\n", encoding="utf-8")
    source.write_text("Per praėjusią parą Lietuvoje užregistruota 312 eismo įvykių.\n", encoding="utf-8")
    reference.write_text("Over the past day, 312 road accidents were registered in Lithuania.\n", encoding="utf-8")
    run_check([str(text)], "json", source=source, reference=reference)
    report = json.loads(capsys.readouterr().out)
    document = report["documents"][0]
    mismatch = [f for f in document["findings"] if f["code"] == "MT701"]
    assert mismatch and mismatch[0]["text"] == "213"
    assert mismatch[0]["source_text"] == "Per praėjusią parą Lietuvoje užregistruota 312 eismo įvykių."
    assert set(document["metrics"]) == {"BLEU", "chrF", "chrF++", "TER"}
    assert set(report["summary"]["metrics"]) == {"BLEU", "chrF", "chrF++", "TER"}


def test_corpus_source_and_reference_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    record = {"id": "x", "text": "New loans worth 120 million euros were issued.",
              "source": "Išduota naujų paskolų už 210 mln. eurų.",
              "reference": "New loans worth 210 million euros were issued."}
    corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    run_check([str(corpus)], "json")
    report = json.loads(capsys.readouterr().out)
    assert any(f["code"] == "MT701" for f in report["documents"][0]["findings"])
    assert "BLEU" in report["documents"][0]["metrics"]


@pytest.mark.parametrize(("extension", "text"), [(".xlf", XLIFF12), (".xliff", XLIFF20), (".tmx", TMX), (".po", PO)])
def test_every_word_of_a_target_maps_to_its_line_in_the_file(extension: str, text: str) -> None:
    document = _read(extension, text)
    lines = text.splitlines()
    checked = 0
    for unit in document.units:
        target = document.text[unit.start:unit.end]
        for match in re.finditer(r"[A-Za-z]{4,}", target):
            line = unit.line_at(match.start())
            assert line is not None and match.group() in lines[line - 1], (unit.id, match.group(), line)
            checked += 1
    assert checked > 10


TRICKY = {
    # XLIFF 2.0: a unit of two segments, the second target on a line of its own and over two lines
    ".xliff": """<?xml version="1.0"
  encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="lt" trgLang="en">
 <file id="f1"><unit id="u1">
  <segment><source>Pirmas.</source><target>Alpha starts here.</target></segment>
  <segment><source>Antras.</source>
   <target
     state="translated">Bravo goes on
and Charlie ends it.</target></segment>
 </unit></file>
</xliff>
""",
    # TMX: CDATA over lines, and the first English variant is the target
    ".tmx": """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="lt"/><body>
 <tu tuid="a"><tuv xml:lang="lt"><seg>Labas.</seg></tuv>
  <tuv xml:lang="en-GB"><seg><![CDATA[
Delta waits here.]]></seg></tuv>
  <tuv xml:lang="en-US"><seg>Echo is not the target.</seg></tuv>
 </tu>
</body></tmx>
""",
    # PO: a wrapped msgstr (each string literal a line), a form feed in a comment
    ".po": 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n# a\x0c comment\n'
           'msgctxt "x"\nmsgid "Labas"\nmsgstr ""\n"Foxtrot begins, "\n"Golf follows "\n"and Hotel ends."\n',
}


@pytest.mark.parametrize("extension", sorted(TRICKY))
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_of_segments_wrapped_targets_cdata_and_line_endings(extension: str, newline: str) -> None:
    text = TRICKY[extension].replace("\n", newline)
    document = _read(extension, text)
    lines = re.split(r"\r\n|\r|\n", text)
    words = [w for w in ("Alpha", "Bravo", "Charlie", "Delta", "Foxtrot", "Golf", "Hotel") if w in document.text]
    assert len(words) >= 1 and "Echo" not in document.text
    for word in words:
        offset = document.text.index(word)
        unit = next(u for u in document.units if u.start <= offset < u.end)
        line = unit.line_at(offset - unit.start)
        assert line is not None and word in lines[line - 1], (word, line)


def test_ci_reports_point_at_the_line_of_the_unit_in_the_file(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "news.xliff"
    path.write_text(XLIFF20, encoding="utf-8")
    line = next(n for n, text in enumerate(XLIFF20.splitlines(), 1) if "4,5 percent" in text)
    run_check([str(path)], "github")
    annotation = next(a for a in capsys.readouterr().out.splitlines() if "4,5" in a and "MT7" in a)
    assert f",line={line},endLine={line}," in annotation and "::[unit u1] " in annotation
    run_check([str(path)], "sarif")
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    result = next(r for r in results if r["properties"]["recordRegion"]["snippet"]["text"] == "4,5")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": line, "endLine": line}
    assert result["properties"]["unit"] == "u1"
    assert result["locations"][0]["logicalLocations"][0]["name"] == "u1"
    run_check([str(path)], "text", color=False)
    assert f"news.xliff:{line} [unit u1]: MT7" in capsys.readouterr().out
    run_check([str(path)], "json")
    finding = next(f for f in json.loads(capsys.readouterr().out)["documents"][0]["findings"] if f["text"] == "4,5")
    assert (finding["unit"], finding["unit_line"]) == ("u1", line)
    # SARIF's recordRegion counts inside the unit's target, as unit_offset does
    record_region = result["properties"]["recordRegion"]
    assert record_region["charOffset"] == finding["unit_offset"] and record_region["startLine"] == 1
    run_check([str(path)], "junit")
    junit = capsys.readouterr().out
    assert f'file="{path}" line="{line}"' in junit and f"news.xliff:{line} [unit u1]: " in junit
    run_check([str(path)], "markdown")
    assert f":{line} \\[unit u1\\] | MT7" in capsys.readouterr().out  # (Markdown escapes brackets)

"""Readers, encodings and input errors."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from mtcheck.inputs import iter_documents
from mtcheck.inputs.decode import DecodeError, decode
from mtcheck.inputs.markup import mask_html, mask_markdown
from mtcheck.model import Document, InputError

TEXT = "Prezidentas G. Nausėda lankėsi Šiauliuose: „Ačiū“, – sakė jis."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.replace("„", '"').replace("“", '"').replace("–", "-").encode("cp1257"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1257"],
)
def test_decodes_supported_encodings(data: bytes) -> None:
    text = decode(data)
    assert "Nausėda" in text and "Šiauliuose" in text
    assert not text.startswith("\ufeff")


def test_binary_is_an_error() -> None:
    with pytest.raises(DecodeError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")


def _items(*paths: Path | str) -> list[Document | InputError]:
    return list(iter_documents([str(p) for p in paths]))


def test_errors_do_not_stop_the_other_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The Seimas adopted the law.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    items = _items(tmp_path / "missing.txt", empty, good)
    errors = [i for i in items if isinstance(i, InputError)]
    documents = [i for i in items if isinstance(i, Document)]
    assert [e.message for e in errors] == ["no such file or directory", "empty file"]
    assert [d.text for d in documents] == ["The Seimas adopted the law."]


def test_directory_walk_is_sorted_and_recursive(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z.", encoding="utf-8")
    (tmp_path / "a.md").write_text("A.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("H.", encoding="utf-8")
    paths = [d.path for d in _items(tmp_path) if isinstance(d, Document)]
    assert paths == [str(tmp_path / "a.md"), str(tmp_path / "b" / "z.txt")]


def test_directory_without_supported_files(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    [error] = _items(tmp_path)
    assert isinstance(error, InputError) and "no supported files" in error.message


def test_jsonl_records_ids_and_errors(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "One.", "source": "Vienas."}),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"text": "Four."}),
        "",
        json.dumps(["list"]),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(corpus)
    assert isinstance(items[0], Document) and items[0].id == "a" and items[0].source == "Vienas."
    assert isinstance(items[1], InputError) and items[1].line == 2 and "malformed JSON" in items[1].message
    assert isinstance(items[2], InputError) and items[2].line == 3 and "'text'" in items[2].message
    assert isinstance(items[3], Document) and items[3].id == "4"
    assert isinstance(items[4], InputError) and items[4].line == 6
    assert str(items[1]).startswith(f"mtcheck: error: {corpus}:2: ")


def test_corpus_ids_must_be_strings_or_numbers(tmp_path: Path) -> None:
    corpus = tmp_path / "ids.jsonl"
    ids: list[object] = [1, 1.5, "x", True, [1], {"a": 1}, False, None, -3, 2e20]
    corpus.write_text("".join(json.dumps({"id": i, "text": "One."}) + "\n" for i in ids), encoding="utf-8")
    items = _items(corpus)
    assert [i.id if isinstance(i, Document) else None for i in items] == [
        "1", "1.5", "x", None, None, None, None, "8", "-3", "2e+20"
    ]
    for index in (3, 4, 5, 6):
        error = items[index]
        assert isinstance(error, InputError) and error.line == index + 1
        assert error.message == "'id' must be a string or a number"


@pytest.mark.parametrize(("name", "delimiter"), [("c.csv", ","), ("c.tsv", "\t")])
def test_tables(tmp_path: Path, name: str, delimiter: str) -> None:
    corpus = tmp_path / name
    rows = [["id", "text", "source"], ["x1", "First, with a comma.", "Pirmas."], ["", "Second.", ""]]
    if delimiter == ",":
        body = '"id","text","source"\n"x1","First, with a comma.","Pirmas."\n"","Second.",""\n'
    else:
        body = "\n".join("\t".join(row) for row in rows) + "\n"
    corpus.write_text(body, encoding="utf-8")
    documents = _items(corpus)
    assert [(d.id, d.text, d.source) for d in documents if isinstance(d, Document)] == [
        ("x1", "First, with a comma.", "Pirmas."),
        ("2", "Second.", None),
    ]


def test_table_without_text_column(tmp_path: Path) -> None:
    corpus = tmp_path / "c.csv"
    corpus.write_text("id,body\n1,x\n", encoding="utf-8")
    [error] = _items(corpus)
    assert isinstance(error, InputError) and "no 'text' column" in error.message


def test_html_masking_keeps_offsets() -> None:
    html = '<html><body><p>The <b>Seimas</b> &amp; the Government.</p><script>var x="[ad_1]";</script></body></html>'
    masked = mask_html(html)
    assert len(masked) == len(html)
    assert "[ad_1]" not in masked and "<b>" not in masked
    start = masked.index("Seimas")
    assert html[start:start + 6] == "Seimas"
    assert "& " in masked


def test_markdown_masking_keeps_offsets() -> None:
    md = "# Title\n\nSee [the report](https://example.com/x.html) and `code`.\n\n- item one\n"
    masked = mask_markdown(md)
    assert len(masked) == len(md)
    assert "https" not in masked and "code" not in masked and "#" not in masked
    assert masked.index("the report") == md.index("the report")


def test_input_file_is_never_modified(tmp_path: Path) -> None:
    from mtcheck.engine import check_document

    path = tmp_path / "a.txt"
    data = b"The the Seimas adopted the law .\r\n[ad_1]\r\n"
    path.write_bytes(data)
    for item in _items(path):
        assert isinstance(item, Document)
        check_document(item)
    assert path.read_bytes() == data


def test_corpus_is_streamed_with_bad_lines_reported_in_place(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    good = json.dumps({"id": "ok", "text": "Šiauliai."}, ensure_ascii=False).encode()
    corpus.write_bytes(good + b"\n" + b'{"id": "bad", "text": "\xff\xfe\xfa"}\n' + good.replace(b"ok", b"ok2"))
    items = _items(corpus)
    assert isinstance(items[0], Document) and items[0].text == "Šiauliai."
    assert isinstance(items[1], InputError) and items[1].line == 2 and "invalid UTF-8" in items[1].message
    assert isinstance(items[2], Document) and items[2].id == "ok2"


def test_utf16_and_cp1257_corpora(tmp_path: Path) -> None:
    record = json.dumps({"id": "1", "text": "Klaipėda ir Šiauliai"}, ensure_ascii=False) + "\n"
    (tmp_path / "a.jsonl").write_bytes(codecs.BOM_UTF16_LE + (record * 3).encode("utf-16-le"))
    (tmp_path / "b.tsv").write_bytes(("id\ttext\n7\tKlaipėda ir Šiauliai\n").encode("cp1257"))
    texts = [d.text for d in _items(tmp_path / "a.jsonl", tmp_path / "b.tsv") if isinstance(d, Document)]
    assert texts == ["Klaipėda ir Šiauliai"] * 4


def test_damaged_utf8_is_an_error_not_cp1257() -> None:
    with pytest.raises(DecodeError, match="invalid UTF-8 at byte 10"):
        decode("Šiauliai ".encode() + b"\xff and more")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings_check_the_same(newline: str) -> None:
    from mtcheck.engine import check_document

    lines = ["The ministry listed the measures.", "", "- higher salaries for teachers", "- new schools in the regions"]
    text = newline.join(lines) + newline
    document = Document(path="l.md", id="l.md", text=text, check_text=mask_markdown(text))
    assert "\r" not in document.check_text and len(document.check_text) == len(text)
    assert [f.code for f in check_document(document).findings] == []
    plain = newline.join(["Fine line.", "The border .", "Next line is fine."]) + newline
    findings = [f for f in check_document(Document(path="c.txt", id="c.txt", text=plain)).findings]
    assert [(f.code, f.line, f.column) for f in findings if f.code == "MT904"] == [("MT904", 2, 11)]


def test_line_index_counts_crlf_once_and_lone_cr() -> None:
    from mtcheck.model import LineIndex

    index = LineIndex("ab\r\ncd\ref\ngh")
    assert [index.position(offset) for offset in (0, 3, 4, 7, 10)] == [(1, 1), (1, 4), (2, 1), (3, 1), (4, 1)]


def test_html_code_elements_are_blanked() -> None:
    html = "<p>Run <code>x ,, y</code> then <kbd>Ctrl ,</kbd> and <SAMP>out ( </SAMP>.</p><pre>a  .\nb</pre>Next."
    masked = mask_html(html)
    assert len(masked) == len(html) and masked.count("\n") >= html.count("\n")
    assert not any(word in masked for word in ("x ,,", "Ctrl", "out", "a  ."))
    assert masked.index("then") == html.index("then") and masked.index("Next.") == html.index("Next.")


def test_unclosed_html_elements_are_linear() -> None:
    import time

    started = time.perf_counter()
    for text in ("x<code>" * 20000, "<script>" * 20000):
        assert len(mask_html(text)) == len(text)
    assert time.perf_counter() - started < 2


def test_markdown_indented_code_and_tables_are_blanked() -> None:
    md = (
        "Intro here.\n\n    code ,, line\n    more code\n\n- item one\n\n    item continuation\n\n"
        "| a | b |\n|---|---|\n| x ,, | y |\n\nh1 | h2\n---|---\nc ,, | d\n\nParagraph\n    lazy continuation.\n"
    )
    masked = mask_markdown(md)
    assert len(masked) == len(md) and [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(md) if c == "\n"
    ]
    for gone in ("code ,,", "more code", "| a", "---", "x ,,", "h1", "c ,,"):
        assert gone not in masked
    for kept in ("Intro here.", "item continuation", "lazy continuation.", "Paragraph"):
        assert masked.index(kept) == md.index(kept)


def test_a_csv_record_is_located_at_its_first_line(tmp_path: Path) -> None:
    # a quoted field may hold line breaks: the record (and an error in it) is where its row starts
    corpus = tmp_path / "c.csv"
    corpus.write_text('id,text\nr1,"One line."\nr2,"First line\nsecond line\nthird line."\n\nr3,"x",extra\n'
                      'r4,Last.\n', encoding="utf-8")
    items = list(iter_documents([str(corpus)]))
    documents = {item.id: item.line_offset for item in items if isinstance(item, Document)}
    assert documents == {"r1": 2, "r2": 3, "r4": 8}
    [error] = [item for item in items if isinstance(item, InputError)]
    assert error.line == 7 and "3 fields" in error.message

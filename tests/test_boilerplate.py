"""Boilerplate rules (MT601-MT607): scraper, CMS, encoding and MT-pipeline leftovers."""

from __future__ import annotations

import pytest

from mtcheck.lexicons import bundled, validate_entries
from tests.conftest import flags, flags_markup, run

_flags = flags
_flags_markup = flags_markup


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Inspections will be stepped up. [ad_2]", "[ad_2]"),
        ("The police report follows.\n[ad_1]\nOne person was killed.", "[ad_1]"),
        ("Read the original: [source_link]", "[source_link]"),
        ("[matched_content]", "[matched_content]"),
        ("The minister resigned. [related_posts]", "[related_posts]"),
        ("The minister resigned. [AD_3]", "[AD_3]"),
        ("Posted in %%category%% by the editor.", "%%category%%"),
    ],
)
def test_placeholders_flagged(text: str, flagged: str) -> None:
    assert flagged in _flags(text, "MT601")


@pytest.mark.parametrize(
    "text",
    [
        '"We [the government] will not back down," he said.',
        "The word [sic] is in the original.",
        "The audience laughed [applause] and the show went on.",
        "Square brackets [1] mark references in the report.",
    ],
)
def test_placeholders_silent(text: str) -> None:
    assert _flags(text, "MT601") == []


def test_caption_is_one_span_with_its_credit() -> None:
    text = (
        "The journey will take about four hours. "
        '[caption id="attachment_9921" align="aligncenter" width="1024"]Photo: LTG[/caption] '
        "The train will run twice a day."
    )
    findings = [f for f in run(text, ["MT602"]) if f.code == "MT602"]
    assert [f.text for f in findings] == [
        '[caption id="attachment_9921" align="aligncenter" width="1024"]Photo: LTG[/caption]'
    ]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "Watch: [embed]https://www.youtube.com/watch?v=x[/embed] Later.",
            "[embed]https://www.youtube.com/watch?v=x[/embed]",
        ),
        ('[gallery ids="1,2,3" columns="4"] The exhibition opens.', '[gallery ids="1,2,3" columns="4"]'),
        ("[vc_row][vc_column]The mayor resigned.", "[vc_row]"),
        ('[contact-form-7 id="12" title="Contact"]', '[contact-form-7 id="12" title="Contact"]'),
        ("The text ends here.[/caption]", "[/caption]"),
        ('[foo_widget size="large"] The mayor resigned.', '[foo_widget size="large"]'),
    ],
)
def test_shortcodes_flagged(text: str, flagged: str) -> None:
    assert flagged in _flags(text, "MT602")


@pytest.mark.parametrize(
    "text",
    [
        '"They [the opposition] voted against," the speaker said.',
        "The plan [PDF, 2 MB] is online.",
        "The list [in Lithuanian] was published on Monday.",
    ],
)
def test_shortcodes_silent(text: str) -> None:
    assert _flags(text, "MT602") == []


@pytest.mark.parametrize(
    ("text", "code", "flagged"),
    [
        ("The Seimas adopted the law.<br> It enters into force on 1 May.", "MT603", "<br>"),
        ("<strong>Vilnius</strong> will host the summit.", "MT603", "<strong>"),
        ("The summit ends.</p>", "MT603", "</p>"),
        ("Rates&nbsp;fell.", "MT604", "&nbsp;"),
        ("He said &quot;no&quot; twice.", "MT604", "&quot;"),
        ("The years 2019&#8211;2021.", "MT604", "&#8211;"),
        ("The price is 5&nbsp;euros.", "MT604", "&nbsp;"),
        ("Johnson & amp ; Johnson", "MT604", "& amp ;"),
    ],
)
def test_html_leftovers_flagged(text: str, code: str, flagged: str) -> None:
    assert flagged in _flags(text, code)


@pytest.mark.parametrize(
    "text",
    [
        "Inflation fell below < 3 percent while wages grew > 10 percent.",
        "AT&T and Procter & Gamble; R&D rose.",
        "The model wrote <unk> instead of the name.",  # MT607's business, not a tag
        "Email the newsroom at news@lrt.lt for details.",
    ],
)
def test_html_leftovers_silent(text: str) -> None:
    assert _flags(text, "MT603") == [] and _flags(text, "MT604") == []


def test_html_input_markup_is_not_flagged() -> None:
    text = "<html><body><p>The Seimas adopted the law&nbsp;on Tuesday.</p><p>It enters into force.</p></body></html>"
    assert _flags_markup(text, "MT6", "article.html") == []
    assert "<p>" in _flags(text, "MT603")  # the same text as plain text: leftovers


def test_markdown_entities_are_markup() -> None:
    assert _flags_markup("Procter &amp; Gamble opened an office.", "MT604", "a.md") == []
    assert _flags("Procter &amp; Gamble opened an office.", "MT604") == ["&amp;"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The train runs twice a day.\nShare\nTickets cost 20 euros.", "Share"),
        ("The train runs twice a day.\nRead more »", "Read more »"),
        ("The train runs twice a day.\nSubscribe to our newsletter", "Subscribe to our newsletter"),
        ("The train runs twice a day.\nFacebook Twitter Share", "Facebook Twitter Share"),
        ("The train runs twice a day.\nAlso read: Trains to Riga are back", "Also read: Trains to Riga are back"),
        ("The train runs twice a day.\nADVERTISEMENT\nTickets cost 20 euros.", "ADVERTISEMENT"),
        ("The train runs twice a day.\nComments (12)", "Comments (12)"),
        ("The train runs twice a day.\nSkaityti daugiau", "Skaityti daugiau"),
    ],
)
def test_button_lines_flagged(text: str, flagged: str) -> None:
    assert flagged in _flags(text, "MT605")


@pytest.mark.parametrize(
    "text",
    [
        "Residents can share their views until Friday.",
        "Follow the instructions of the police, the mayor said.",
        "Read more about the reform in the ministry's report.",
        "The company's shares fell.\nFacebook and Twitter were fined.",
        "More than 100 people came.",
    ],
)
def test_button_lines_silent(text: str) -> None:
    assert _flags(text, "MT605") == []


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("The ship returned to KlaipÄ—da on Wednesday.", "KlaipÄ—da", "Klaipėda"),
        ("The match in KaunÄ… ended late.", "KaunÄ…", "Kauną"),
        ("Å½algiris won again.", "Å½algiris", "Žalgiris"),
        ("The mayor of Å\xa0iauliai resigned.", "Å\xa0iauliai", "Šiauliai"),
        ("The mayor of Å iauliai resigned.", "Å iauliai", "Šiauliai"),
        ("Prime Minister Å imonytÄ— spoke.", "Å imonytÄ—", "Šimonytė"),
        ("Ä®staigos closed.", "Ä®staigos", "Įstaigos"),
        ("He said â€žyesâ€œ on Monday.", "â€žyesâ€œ", "„yes“"),
        ("The mayor of Klaip\ufffdda resigned.", "Klaip\ufffdda", None),
    ],
)
def test_mojibake_flagged(text: str, flagged: str, suggestion: str | None) -> None:
    findings = [f for f in run(text, ["MT606"]) if f.code == "MT606"]
    assert [(f.text, f.suggestion) for f in findings] == [(flagged, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "The ship returned to Klaipėda; Šiauliai and Žalgiris too.",
        "Åland, Århus and the Ångström unit: 10 Å thick.",
        "Ä is a German letter, and so is Ö.",
        "Müller and Gödel visited São Paulo.",
    ],
)
def test_mojibake_silent(text: str) -> None:
    assert _flags(text, "MT606") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("V. Ačienė about R.<unk>o's arrest.", "<unk>"),
        ("The mayor resigned. </s>", "</s>"),
        ("The mayor of Vil@@ nius resigned.", "Vil@@"),
        ("The ▁mayor resigned.", "▁"),
    ],
)
def test_special_tokens_flagged(text: str, flagged: str) -> None:
    assert flagged in _flags(text, "MT607")


def test_special_tokens_silent() -> None:
    assert _flags("Write to info@lrt.lt or @LRTnews.", "MT607") == []


def test_mojibake_data_is_valid_and_computed() -> None:
    """Every letter entry is what its code pages make of the letter's UTF-8 bytes."""
    raw = bundled("boilerplate")
    entries = raw["entry"]
    assert not validate_entries(
        "boilerplate.toml", entries, {"sequence": str, "letters": list, "via": list, "kind": str}
    )
    for entry in entries:
        if entry["kind"] != "letter":
            continue
        produced = set()
        for letter in entry["letters"]:
            for via in entry["via"]:
                encoded = letter.encode("utf-8")
                produced.add(encoded.decode(via, errors="replace"))
                produced.add("".join(bytes([b]).decode(via, errors="ignore") or chr(b) for b in encoded))
        assert entry["sequence"] in produced, entry
    sequences = {entry["sequence"] for entry in entries}
    for letter in "ąčęėįšųūžĄČĘĖĮŠŲŪŽ":
        assert letter.encode("utf-8").decode("cp1252", errors="replace") in sequences

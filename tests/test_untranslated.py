"""The untranslated family (MT301-MT304): Lithuanian abbreviations, dates, words and sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.engine import Settings, check_document
from mtcheck.lexicons import bundled, default_lexicons
from mtcheck.model import Document
from mtcheck.rules import select_rules
from mtcheck.rules import untranslated as untranslated_module
from mtcheck.rules.base import Context
from mtcheck.segment import segment
from tests.conftest import run


def spans(text: str, select: str = "MT3") -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in run(text, [select])]


def texts(text: str, select: str = "MT3") -> list[str]:
    return [f.text for f in run(text, [select])]


# --- MT301 lithuanian-abbreviation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Spending will rise to 3 proc. of GDP this year.", "proc."),
        ("The race started at 9 val. in the Old Town square.", "val."),
        ("About 10 tūkst. people took part in the march.", "tūkst."),
        ("The airport handled 1.2 mln. passengers last year.", "mln."),
        ("The budget deficit reached 1,2 mlrd. euros last year.", "mlrd."),
        ("The company sold 500 vnt. of the device in a week.", "vnt."),
        ("Fees apply to every application, t. y. a fixed amount per form.", "t. y."),
        ("Fees apply to every application, t.y. a fixed amount per form.", "t.y."),
        ("Some countries, pvz. Latvia, have already done so.", "pvz."),
        ("The details are in the annex (žr. table 2).", "žr."),
        ("They sell honey, cheese ir kt. at the market.", "ir kt."),
        ("They sell honey, cheese and kt. at the market.", "kt."),
        ("They sell honey, cheese ir pan. at the market.", "ir pan."),
        ("The vad. shadow fleet is still sailing.", "vad."),
        ("The buv. minister was questioned by police.", "buv."),
        ("The suspect, Dalius Malakauskas (GIM. 1994), is wanted.", "GIM."),
        ("The clinic moved to Vilniaus g. 15 last week.", "g."),
        ("The office is at Gedimino pr. 11 in the centre.", "pr."),
        ("Contact the police of Kauno apskr. with any information.", "apskr."),
        ("A fire broke out in Kauno r. on Sunday night.", "r."),
        ("The castle dates from the XV a. and was rebuilt later.", "a."),
        ("Parties will receive 2,751 million. Eur. in subsidies.", "Eur."),
        ("The state paid 180 million. eur. to the operator.", "eur."),
        ("The resolution Nr. 452 was adopted on Monday.", "Nr."),
        ("The runner finished in 2 min. 30 sek. ahead of the rest.", "sek."),
        ("Proc. figures were published by the statistics office.", "Proc."),
    ],
)
def test_abbreviation_flagged(text: str, flagged: str) -> None:
    assert ("MT301", flagged) in spans(text, "MT301")


@pytest.mark.parametrize(
    "text",
    [
        "The route is 20 km long and the race starts at 9 a.m. sharp.",
        "The results appeared in Proc. Natl. Acad. Sci. last year.",
        "Val Kilmer and Mario K. Smith attended the premiere.",
        "She won the 1500 m final in 4 min. flat.",
        "The study by Smith et al. was cited twice.",
        "He weighs 80 kg and drinks 500 g of coffee a week.",
        "The tablet contains 5 mg of the drug, e.g. for children.",
        "World War II ended in 1945, and Plan B. The rest followed.",
        "The offices of Ernst & Young LLP are in Kaunas.",
        "The ship sailed at 12 kt. in calm seas.",
    ],
)
def test_abbreviation_silent(text: str) -> None:
    assert not texts(text, "MT301")


def test_abbreviation_severity_from_lexicon() -> None:
    findings = run("The resolution Nr. 452 was adopted on Monday.", ["MT301"])
    assert [f.severity.label for f in findings] == ["minor"]


def test_overlapping_abbreviations_reported_once() -> None:
    assert texts("They sell honey ir kt. at the market.", "MT301") == ["ir kt."]


# --- MT302 lithuanian-date ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("The new school year begins on rugsėjo 1 as usual.", "rugsėjo 1", "1 September"),
        ("The protests began in 2020 m. rugsėjo and lasted long.", "2020 m. rugsėjo", "September 2020"),
        ("It was adopted on 2019 m. gruodžio 5 d. by the Seimas.", "2019 m. gruodžio 5 d.", "5 December 2019"),
        ("About 10,000 people were arrested in 2020 m. in Minsk.", "2020 m.", "2020"),
        ("The deadline is liepos 15 d. for every applicant.", "liepos 15 d.", "15 July"),
        ("The meeting was held on 14 d. of the month.", "14 d.", None),
        ("Prices have risen since sausio.", "sausio", "January"),
        ("The talks will resume on antradienį in Brussels.", "antradienį", "Tuesday"),
        ("On Rugsėjo 1 the pupils returned to school.", "Rugsėjo 1", "1 September"),
        ("Since 2020-ųjų the regime has closed every newspaper.", "2020-ųjų", "2020"),
        ("The school year starts on rugsėjo 1-ąją in most towns.", "rugsėjo 1-ąją", "1 September"),
    ],
)
def test_date_flagged(text: str, flagged: str, suggestion: str | None) -> None:
    findings = [f for f in run(text, ["MT302"]) if f.text == flagged]
    assert findings, spans(text, "MT302")
    assert findings[0].suggestion == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "The school year begins on 1 September as usual.",
        "Actress Liepa Kovaitė was born on 12 May 1990.",
        "The parade passed along Kovo 11-osios Street in Kaunas.",
        "She won the 1500 m final and set a record over the 2000 m.",
        "He died in 1990 (d. 1990) according to the register.",
        "Liepa said the vote had been postponed.",
        'The film "Liepos naktis" premiered in Vilnius.',
    ],
)
def test_date_silent(text: str) -> None:
    assert not texts(text, "MT302")


# --- MT303 lithuanian-word ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("In northern India villagers suvažinėjo a tiger with a tractor.", "suvažinėjo"),
        ("The case of Gustainis ir Kurlianskis will be heard in March.", "ir"),
        ("Anot the interviewee, the roofs will be made of tin.", "Anot"),
        ("The man was beaten in the Širvintos rajone on Monday.", "rajone"),
        ("The Huddersfield and Fulham dvikova finished with a minimal score.", "dvikova"),
        ("He said that the villagers of tractor suvažinėjo tigrę on Monday.", "suvažinėjo tigrę"),
        ('Asked about it, she said "the infrastructure is already braška, it was planned for less".', "braška"),
        ("The liberal sąjūdžio board met on Monday.", "sąjūdžio"),
        ("Such legionieriaus performance allowed the team to win.", "legionieriaus"),
        ("The seller was one of many illegal melagiais in the region.", "melagiais"),
    ],
)
def test_word_flagged(text: str, flagged: str) -> None:
    assert ("MT303", flagged) in spans(text, "MT303")


@pytest.mark.parametrize(
    "text",
    [
        "Thousands celebrated Joninės, also known as Rasos, at Kernavė.",
        "Žalgiris will host Olympiacos at the Žalgirio Arena in Kaunas.",
        "Maxima grupė operates in Bulgaria, said the daily Verslo žinios.",
        "He is a shareholder of the private school Erudito licėjus.",
        'The film "Tarp mūsų" premiered in Šiauliai.',
        "Before the vote, the seimas committee met in klaipėda.",  # lowercased names are not untranslated
        "The group's leader, stasys ignatavičius, resigned.",
        "The Czech word robota gave English its robots, said Slavoj Žižek in Łódź.",
        "Polish has words like się and już, which Lithuanian lacks.",
        "The parade passed along Kovo 11-osios Street in Kaunas.",
        "The Kauno diena newspaper reported the story first.",
        "It is a per cent, not a percentage point, as the bus driver said.",
        "Sutartinės are polyphonic songs listed by UNESCO.",
    ],
)
def test_word_silent(text: str) -> None:
    assert not texts(text, "MT303")


def test_adjacent_words_are_one_finding() -> None:
    assert texts("Private companies papirkę R. Ačą or participated in hiding it.", "MT303") == ["papirkę"]
    assert texts("The governing Valstiečių party ir žaliųjų unions got money.", "MT303") == ["ir žaliųjų"]


def test_month_words_left_to_the_date_rule() -> None:
    assert not texts("The school year begins on rugsėjo 1.", "MT303")
    assert not texts("It rose by 3 proc. in a year.", "MT303")


# --- MT304 lithuanian-sentence -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "The train will run twice a day. Bilietus jau galima įsigyti internetu.",
            "Bilietus jau galima įsigyti internetu.",
        ),
        (
            '[caption id="1"]Photo: LTG[/caption] Bilietus jau galima įsigyti internetu. More soon.',
            "Bilietus jau galima įsigyti internetu.",
        ),
        (
            "Police are investigating. Įvykio aplinkybės dar nėra aiškios, sakė policijos atstovas.",
            "Įvykio aplinkybės dar nėra aiškios, sakė policijos atstovas.",
        ),
        ("Renginio programa bus paskelbta artimiausiu metu", "Renginio programa bus paskelbta artimiausiu metu"),
    ],
)
def test_sentence_flagged(text: str, flagged: str) -> None:
    findings = run(text, ["MT3"])
    assert [f.text for f in findings if f.code == "MT304"] == [flagged]
    # one finding per sentence: its words are not flagged again one by one
    assert not [f for f in findings if f.code == "MT303"]


@pytest.mark.parametrize(
    "text",
    [
        "Tickets can already be bought online.",
        'Protesters chanted "Mes esame kartu su Ukraina ir jos žmonėmis" outside the embassy.',
        "Gitanas Nausėda, Ingrida Šimonytė and Viktorija Čmilytė-Nielsen met in Vilnius.",
        "Lietuvos geležinkeliai, Lietuvos paštas and Šiaulių bankas reported profits.",
        "Bilietus jau galima įsigyti.",  # four words: too short for a language guess
    ],
)
def test_sentence_silent(text: str) -> None:
    assert not [f for f in run(text, ["MT3"]) if f.code == "MT304"]


# --- vocabulary, determinism, data --------------------------------------------------------------------


def _with_vocabulary(
    text: str, accept: frozenset[str] = frozenset(), reject: frozenset[str] = frozenset()
) -> list[str]:
    settings = Settings(rules=select_rules(["MT3"]), accept=accept, reject=reject)
    result = check_document(Document(path="t.txt", id="t", text=text), settings)
    return [f.text for f in result.findings]


def test_accept_vocabulary_is_never_flagged() -> None:
    text = "The committee of the liberal sąjūdžio met at 9 val. on Monday."
    assert _with_vocabulary(text) == ["sąjūdžio", "val."]
    assert _with_vocabulary(text, accept=frozenset({"sąjūdžio", "val."})) == []


def test_reject_vocabulary_is_always_flagged() -> None:
    text = "The Seimas approved the budget."
    assert _with_vocabulary(text) == []
    assert _with_vocabulary(text, reject=frozenset({"seimas"})) == ["Seimas"]


def test_same_input_same_output() -> None:
    text = "Police are investigating. Įvykio aplinkybės dar nėra aiškios, sakė policijos atstovas. At 9 val."
    first = [(f.code, f.start, f.end) for f in run(text, ["MT3"])]
    assert first == [(f.code, f.start, f.end) for f in run(text, ["MT3"])]


def test_spans_match_text() -> None:
    text = (
        "Ką? The Seimas met on rugsėjo 14 d. at 9 val. „Tai mūsų reikalas“, said ir kt. "
        "Bilietus jau galima įsigyti internetu."
    )
    for finding in run(text, ["MT3"]):
        assert text[finding.start : finding.end] == finding.text


@pytest.mark.parametrize("name", ["lt_abbreviations", "lt_dates", "lt_words", "lt_proper_names"])
def test_data_files_have_meta(name: str) -> None:
    meta = bundled(name)["meta"]
    assert meta["kind"].startswith("lithuanian-") and meta["description"] and meta["sources"]


def test_function_words_are_not_english() -> None:
    import wordfreq

    # below one in a hundred thousand English words ("ir" occurs as the lowercased acronym IR)
    english = wordfreq.get_frequency_dict("en", "best")
    for word in bundled("lt_words")["never_english"]:
        assert english.get(word, 0.0) < 1e-5, word


# --- The fast paths give the same results as the plain scans ----------------------------------------


def test_word_seen_before_does_not_hide_a_new_one() -> None:
    # the per-process token cache: a sentence with a known Lithuanian word and a new one flags both
    assert texts("The villagers suvažinėjo a tiger.", "MT303") == ["suvažinėjo"]
    assert texts("The villagers suvažinėjo grėbliukę on Monday.", "MT303") == ["suvažinėjo grėbliukę"]


@pytest.mark.parametrize(
    "text",
    [
        "Spending rose to 3 proc. of GDP, t. y. 10 tūkst. and 1,2 mlrd. Eur. in Kauno apskr. on 2020 m. rugsėjo 14 d.",
        "Honey, cheese ir kt. and kt. at Vilniaus g. 15, Gedimino pr. 11, the XV a. castle, Nr. 452, 3Eur. 30 sek.",
        "Proc. Natl. Acad. Sci. and Val Kilmer met on antradienį, since 2020-ųjų, on RUGSĖJO 1 and Liepa 5.",
    ],
)
def test_prefilters_match_plain_scans(text: str) -> None:
    from mtcheck.lexicons import default_lexicons
    from mtcheck.rules import untranslated

    lexicons = default_lexicons()
    abbreviations = lexicons.compiled("lithuanian-abbreviations", untranslated._compile_abbreviations)
    dates = lexicons.compiled("lithuanian-dates", untranslated._compile_dates)
    plain = [(m.span(), m.group(0)) for m in abbreviations.pattern.finditer(text)]
    assert plain and [(m.span(), m.group(0)) for m in abbreviations.finditer(text)] == plain
    assert dates.may_have_date(text) == bool(dates.date.search(text))



# --- the chunk-classification fast paths give what the plain scans give (commit "Speed: untranslated
# rules classify whitespace chunks once ..."): references reproduce the code they replaced -----------

_EQUIVALENCE = settings(max_examples=200, deadline=None, derandomize=True, database=None)
_LEXICONS = default_lexicons()
_ABBREVIATIONS, _DATES, _WORDS, _NAMES = untranslated_module._lexicon(
    Context(Document("t", "t", ""), (), lexicons=_LEXICONS)
)
_PIECES = [
    *sorted(_ABBREVIATIONS.entries), *sorted(_DATES.month)[::3], *sorted(_DATES.weekday)[::3],
    "Sausio", "RUGSĖJO", "2020", "1999", "14", "3", "31", "-ųjų", "-aisiais", "- ais", "-ieji", "-uoju", "m.", "d.",
    "M.", "the", "a", "said", "people", "ir", "kad", "buvo", "žmonių", "yra", "policija", "Vilniuje", "Šimonytė",
    "po", "Kr.", "police", "kt", "proc", "„", "“", "”", '"', "’", "(", ")", ",", ".", ":", "-", "x", "ą", "\u0307",
    "2020 m.", "1999\u00a0m.", "the 2000 m.", "2020-ųjų", "2020 - aisiais", "1918-ieji", "14 d.", "sausio 14 d.",
    "2021 m. rugsėjo 3 d.", "Policija pranešė, kad žmonės buvo sulaikyti.", "„Mes esame pasiruošę“, – sakė jis.",
    "Tai buvo labai svarbus sprendimas", "žmonių",
]
_GLUE = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\x1c", "", "", ".", ", "]
_MIXED_TEXT = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)).map("".join), max_size=25).map(
    "".join
)


@_EQUIVALENCE
@given(_MIXED_TEXT)
def test_abbreviation_search_from_chunks_equals_the_pattern(text: str) -> None:
    # MT301 tries the full pattern only where a chunk holds an abbreviation's start (_chunk_start)
    expected = [match.span() for match in _ABBREVIATIONS.pattern.finditer(text)]
    assert [match.span() for match in _ABBREVIATIONS.finditer(text)] == expected
    assert [match.span() for match in _ABBREVIATIONS.finditer(text, set(text.split()))] == expected


@_EQUIVALENCE
@given(_MIXED_TEXT)
def test_date_prefilters_never_miss_a_match(text: str) -> None:
    chunks = set(text.split())
    if _DATES.date.search(text):
        assert _DATES.may_have_date(text, chunks)
    if _DATES.year_m.search(text):
        assert _DATES.may_have_year(text, chunks)
    if _DATES.day_d.search(text):
        assert _DATES.may_have_day(text, chunks)
    if _DATES.year_case.search(text):
        assert _DATES.may_have_year_case(text)


@pytest.mark.parametrize(
    "text", ["2020 m.", "2020\u00a0m.", "2020\x1cm.", "14 d.", "14\x1fd.", "2020-ųjų", "2020 - aisiais", "2020- ais"]
)
def test_date_prefilters_on_awkward_spaces(text: str) -> None:
    chunks = set(text.split())
    assert bool(_DATES.year_m.search(text)) <= _DATES.may_have_year(text, chunks)
    assert bool(_DATES.day_d.search(text)) <= _DATES.may_have_day(text, chunks)
    assert bool(_DATES.year_case.search(text)) <= _DATES.may_have_year_case(text)


def _reference_chunk_starts(text: str, chunk: str) -> list[int]:
    # where ``chunk`` is one of text.split(): between whitespace (str.isspace) or the text's ends
    return [
        index
        for index in range(len(text))
        if text.startswith(chunk, index)
        and (index == 0 or text[index - 1].isspace())
        and (index + len(chunk) == len(text) or text[index + len(chunk)].isspace())
    ]


@_EQUIVALENCE
@given(_MIXED_TEXT)
def test_chunk_starts_equal_the_split_chunks(text: str) -> None:
    for chunk in set(text.split()):
        assert list(untranslated_module._chunk_starts(text, chunk)) == _reference_chunk_starts(text, chunk)


@_EQUIVALENCE
@given(_MIXED_TEXT)
def test_chunk_counts_equal_a_count_of_their_words(text: str) -> None:
    chunks = set(text.split())
    feed = untranslated_module._ChunkFeed(lambda: ({}, set()))
    counts, nonzero = untranslated_module._count_chunks(chunks, _WORDS, feed)
    for chunk in chunks:
        # the lowercase Lithuanian-looking words of the chunk, found by the word regex
        exact = sum(
            1
            for word in untranslated_module._WORD.findall(chunk)
            if word[0].islower() and untranslated_module._looks_lithuanian(word, _WORDS)
        )
        if untranslated_module._QUOTE_MARKS.isdisjoint(chunk):
            assert counts[chunk] == exact, chunk
        assert (chunk in nonzero) == (counts[chunk] > 0)


def _context(text: str) -> Context:
    return Context(Document("t.txt", "t.txt", text), segment(text), lexicons=_LEXICONS)


@_EQUIVALENCE
@given(_MIXED_TEXT)
def test_lithuanian_sentences_are_never_skipped_by_the_counts(text: str) -> None:
    # MT302 before its pre-filters: every sentence through _lithuanian_part, those outside quotations kept
    ctx = _context(text)
    expected = []
    for sentence in ctx.sentences:
        part = untranslated_module._lithuanian_part(_WORDS, _NAMES, text[sentence.start : sentence.end], ctx.accept)
        if part is not None:
            start, end = sentence.local(part[0]), sentence.local(part[1])
            if not ctx.in_quote(start, end):
                expected.append((start, end))
    assert list(untranslated_module._sentence_parts(ctx)) == expected


@_EQUIVALENCE
@given(st.lists(_MIXED_TEXT, min_size=2, max_size=3))
def test_findings_do_not_depend_on_chunks_seen_before(texts: list[str]) -> None:
    # the chunk tables are per process: a text checked after others gives what it gives alone, twice
    first = run(texts[0], ["MT3"])
    for other in texts[1:]:
        run(other, ["MT3"])
    assert run(texts[0], ["MT3"]) == first
    joined = "\n".join(texts)
    assert run(joined, ["MT3"]) == run(joined, ["MT3"])


@_EQUIVALENCE
@given(st.lists(_MIXED_TEXT, min_size=2, max_size=3))
def test_findings_do_not_depend_on_the_chunk_log_being_cleared(texts: list[str]) -> None:
    # the thread's chunk log (_chunk_log()) is cleared past a bound, and every rule's chunk classes with it:
    # with a tiny bound (cleared at almost every document), the findings are the same
    expected = [run(text, ["MT3"]) for text in texts]
    saved = untranslated_module._MAX_CHUNKS
    untranslated_module._MAX_CHUNKS = 3
    try:
        assert [run(text, ["MT3"]) for text in texts] == expected
        assert [run(text, ["MT3"]) for text in reversed(texts)] == expected[::-1]
    finally:
        untranslated_module._MAX_CHUNKS = saved
    assert [run(text, ["MT3"]) for text in texts] == expected


def test_chunk_feeds_classify_every_registered_chunk() -> None:
    # a feed that has not looked for a while catches up with every chunk logged meanwhile
    log = untranslated_module._chunk_log()
    feed = untranslated_module._ChunkFeed(set)
    for chunks in ({"a", "b."}, {"b.", "c"}, {"a", "d,"}):
        other = untranslated_module._ChunkFeed(set)
        other.done(other.pending(chunks)[2])  # another classifier registers the chunks first
        reset, pending, token, classified = feed.pending(chunks)
        assert classified is feed.classes
        if reset:
            classified.clear()
        classified.update(pending)
        feed.done(token)
        assert chunks <= classified
        assert log.seen >= chunks


def test_chunk_logs_and_feed_classes_are_per_thread() -> None:
    # each thread has its own chunk log and its own classes in each feed: a reset or a registration in
    # one thread never leaves another thread's chunks unclassified
    import threading

    feed = untranslated_module._ChunkFeed(set)
    seen: dict[str, tuple[set[str], set[str], bool]] = {}

    def classify(name: str, chunks: set[str]) -> None:
        reset, pending, token, classified = feed.pending(chunks)
        if reset:
            classified.clear()
        classified.update(pending)
        feed.done(token)
        seen[name] = (set(classified), set(untranslated_module._chunk_log().seen), reset)

    main_chunks = {"mainonly1", "shared"}
    classify("main", main_chunks)
    thread = threading.Thread(target=classify, args=("other", {"threadonly1", "shared"}))
    thread.start()
    thread.join()
    other_classes, other_log, other_reset = seen["other"]
    assert other_reset  # a new thread starts with its own, empty, log
    assert "mainonly1" not in other_classes and "mainonly1" not in other_log
    assert {"threadonly1", "shared"} <= other_classes
    assert "threadonly1" not in feed.classes and main_chunks <= feed.classes

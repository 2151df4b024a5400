"""The calque rules (MT501 idioms, MT502 terms) and their lexicon, data/calques.toml."""

from __future__ import annotations

import importlib
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.lexicons import bundled
from mtcheck.model import Severity
from mtcheck.rules import calques as calques_module
from mtcheck.rules.calques import _compile_calques
from tests.conftest import run


def found(text: str) -> list[tuple[str, str]]:
    return [(finding.code, finding.text) for finding in run(text, ["MT5"])]


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("Inspectors caught 4,000 passengers riding as rabbits.", "MT501", "riding as rabbits"),
        ("Many students travel as hares on trolleybuses.", "MT501", "travel as hares"),
        ("Each partner is pulling the blanket to its own side.", "MT501", "pulling the blanket to its own side"),
        ("Ministers pull the blanket towards their side.", "MT501", "pull the blanket towards their side"),
        ("The aid came like mustard after lunch.", "MT501", "like mustard after lunch"),
        ("In 2014 little green people appeared in Crimea.", "MT501", "little green people"),
        ("They were the so-called gray or green people.", "MT501", "gray or green people"),
        ("The Seimas lit the green light for the reform.", "MT501", "lit the green light"),
        ("Then the opposition leader took the word.", "MT501", "took the word"),
        ("His second cadence ends in 2029.", "MT501", "cadence"),
        ("The managers of the states met in Brussels.", "MT501", "managers of the states"),
        ("Prices rose. On the other side, wages grew too.", "MT501", "On the other side,"),
        ("The economical crisis hit Lithuania hard.", "MT501", "economical crisis"),
        ("The problem remains very actual.", "MT501", "remains very actual"),
        ("The tax was the last drop for farmers.", "MT501", "was the last drop"),
        ("It was a bear service to the party.", "MT501", "bear service"),
        ("The conservators criticised the budget.", "MT501", "conservators"),
        ("The project matters in the sense that the city lacks venues.", "MT502", "in the sense that"),
        ("The law will be adopted in the nearest future.", "MT502", "in the nearest future"),
        ("The Chairman of the Seimas signed the law.", "MT502", "Chairman of the Seimas"),
        ("Seimas members voted against.", "MT502", "Seimas members"),
        ("The Vilnius city self-government approved the plan.", "MT502", "city self-government"),
        ("It is foreseen to allocate 5 million euros.", "MT502", "It is foreseen to"),
        ("The ministry failed to solve the question of salaries.", "MT502", "solve the question"),
        ("Teachers must raise their qualification every year.", "MT502", "raise their qualification"),
        ("The police informed that two people were injured.", "MT502", "informed that"),
        ('The leader of the "peasants" said so.', "MT502", '"peasants"'),
        ("He was suspected in bribery.", "MT502", "suspected in bribery"),
        ("The law went into force on Monday.", "MT502", "went into force"),
        (
            "The lawyer has not yet got acquainted with the material of the case.",
            "MT502",
            "got acquainted with the material of the case",
        ),
        ("The Seimas adopted to consider the amendment.", "MT501", "adopted to consider"),
    ],
)
def test_flags(text: str, code: str, span: str) -> None:
    assert (code, span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors caught 4,000 fare dodgers in September.",
        "On the other side of the river lies the old town.",
        "The shop is on the other side, near the station.",
        "Little green men appeared in Crimea in 2014.",
        "The government gave the green light to the reform.",
        "The Speaker of the Seimas signed the law.",
        "The Chairman of the Seimas Committee on Budget and Finance spoke.",
        "Members of the Seimas voted against the bill.",
        "The municipality approved the plan; local self-government is a principle of democracy.",
        "The driver could not have foreseen the accident.",
        "The drummer kept a steady cadence of the march.",
        "She informed the police that her car had been stolen.",
        "He was well informed that the deal was off.",
        "Economic growth slowed; an economical car uses less fuel.",
        "The actual cost was higher than planned.",
        "The law entered into force on Monday.",
        "He was suspected of bribery and accused of fraud.",
        "She took the floor and spoke for ten minutes.",
        "A pre-trial investigation was started.",
        "He washed his hands of the matter.",
        "The company's managers said profits rose.",
    ],
)
def test_silent(text: str) -> None:
    assert found(text) == []


def test_lexicon_has_enough_documented_entries() -> None:
    raw = bundled("calques")
    calques = _compile_calques(raw)
    assert len(calques.entries) >= 60
    for entry in raw["entry"]:
        assert entry["lithuanian"] and entry["explanation"] and entry["suggestion"], entry["id"]
        assert entry["severity"] in ("major", "minor"), entry["id"]


def test_suggestion_and_origin_come_from_the_data() -> None:
    finding = run("Passengers riding as rabbits were fined.", ["MT501"])[0]
    assert finding.suggestion == "fare dodging / travelling without a ticket"
    assert "važiuoti zuikiu" in finding.message
    assert dict(finding.extra)["calque"] == "riding-as-rabbits"


def test_bad_lexicon_reports_every_error() -> None:
    from mtcheck.lexicons import LexiconError

    raw = {
        "entry": [
            {
                "id": "x",
                "patterns": ["(unclosed"],
                "lithuanian": "",
                "explanation": "",
                "suggestion": "",
                "severity": "major",
            },
            {"id": "y", "patterns": ["ok"], "lithuanian": "", "explanation": "", "suggestion": "", "severity": "huge"},
        ]
    }
    with pytest.raises(LexiconError) as error:
        _compile_calques(raw)
    assert len(error.value.errors) == 2


def test_every_bundled_pattern_compiles() -> None:
    # entries are compiled on first use; the lexicon's patterns must all be valid
    for calque in _compile_calques(bundled("calques")).entries:
        assert calque.pattern is not None, calque.id


def _entry(entry_id: str, patterns: list[str]) -> dict[str, object]:
    return {"id": entry_id, "patterns": patterns, "lithuanian": "x", "explanation": "y", "suggestion": "z",
            "severity": "major"}


@pytest.mark.parametrize(
    "pattern", ["[[a-z]--[q]]", "(?:rabbit){e<=1}", "[[:alpha:]]x", r"\p{Lu}\w+", "(?i)bad ]", r"\N{BOX}", "a{2,x"]
)
def test_patterns_the_cheap_check_cannot_vouch_for_are_compiled_at_load(pattern: str) -> None:
    from mtcheck.lexicons import LexiconError
    from mtcheck.rules.calques import _flags, _plainly_valid

    assert not _plainly_valid(pattern)
    try:
        regex.compile(pattern, _flags(False))
    except regex.error:
        with pytest.raises(LexiconError):
            _compile_calques({"entry": [_entry("bad", [pattern])]})
    else:
        calques = _compile_calques({"entry": [_entry("good", [pattern])]})
        assert calques.entries[0].pattern is not None


@pytest.mark.parametrize("pattern", ["(unclosed", "a**", "[z-a]", "x\\", "(?P<1>a)", "(?<=a+)b?(?q)"])
def test_bad_patterns_are_reported_at_load(pattern: str) -> None:
    from mtcheck.lexicons import LexiconError

    with pytest.raises(LexiconError) as error:
        _compile_calques({"entry": [_entry("bad", [pattern])]})
    assert "bad pattern" in str(error.value.errors[0])



# --- the stdlib re routing and the keyword pre-filter give the regex module's matches (commit "Speed:
# calque patterns on the stdlib re where provably equivalent, lazier keyword clauses") ---------------

_EQUIVALENCE = settings(max_examples=120, deadline=None, derandomize=True, database=None)
_CALQUES = _compile_calques(bundled("calques"))
_PARSER: Any = importlib.import_module("re._parser")
# Characters on which re and regex disagree (\w, \s, \d, full case folding, "i" with "İ" and "ı"):
# a text with one must be scanned with regex.
_AWKWARD = ["ß", "İ", "ı", "\u212a", "ſ", "²", "½", "\u0307", "ﬁ", "\x1c", "\x1f", "ΐ", "ͅ"]
# Characters on which they agree, which keep a text on re (Lithuanian letters, typographic quotes, dashes)
_HARMLESS = ["ą", "č", "ę", "ė", "į", "š", "ų", "ū", "ž", "Ą", "Š", "Ž", "“", "”", "„", "’", "‘", "–", "—", "é"]


def _sample(items: Any, rng: random.Random) -> str:
    """A string the parsed pattern ``items`` (re._parser) may well match: lookarounds are written out
    (a lookbehind before, a lookahead after), negative ones left out."""
    out = []
    for op, argument in items:
        name = op.name
        if name == "LITERAL":
            out.append(chr(argument))
        elif name in ("NOT_LITERAL", "ANY"):
            out.append(rng.choice("x -"))
        elif name == "IN":
            member_op, member = rng.choice([m for m in argument if m[0].name != "NEGATE"] or [(None, None)])
            kind = member_op.name if member_op is not None else ""
            if kind == "LITERAL":
                out.append(chr(member))
            elif kind == "RANGE":
                out.append(chr(rng.randint(*member)))
            else:
                out.append({"CATEGORY_DIGIT": "4", "CATEGORY_SPACE": " ", "CATEGORY_WORD": "w"}.get(str(member), "-"))
        elif name == "BRANCH":
            out.append(_sample(rng.choice(argument[1]), rng))
        elif name == "SUBPATTERN":
            out.append(_sample(argument[3], rng))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = argument
            out.extend(_sample(sub, rng) for _ in range(rng.randint(low, min(high, low + 2))))
        elif name == "ASSERT":
            out.append(_sample(argument[1], rng))
    return "".join(out)


def _parsed(pattern: str) -> Any:
    try:
        return _PARSER.parse(pattern)
    except re.error:  # regex-only syntax: without its (variable-width) lookbehinds
        return _PARSER.parse(regex.sub(r"\(\?<[!=](?:[^()]|\([^()]*\))*\)", "", pattern))


_PATTERNS = [_parsed(pattern) for entry in bundled("calques")["entry"] for pattern in entry["patterns"]]
_FILLER = ["", " ", "  ", ", ", ". ", "\n", "the ", "said ", "-", "x", "“", "”", "(", "Vilnius "]


def _salt(text: str, rng: random.Random) -> str:
    """``text`` with a few characters swapped for awkward or harmless ones, or with its case changed."""
    swaps = {"s": ["ſ", "ß", "š"], "k": ["\u212a", "K"], "i": ["İ", "ı", "į"], "e": ["ė", "é"], "a": ["ą", "ª"],
             "'": ["’", "‘"], " ": ["\x1c", "\u00a0", "\u2028", " "], "2": ["²"], "f": ["ﬁ"], "o": ["ö", "º"]}
    chars = list(text.upper() if rng.random() < 0.2 else text.title() if rng.random() < 0.2 else text)
    for _ in range(rng.randint(0, 2)):
        if chars:
            position = rng.randrange(len(chars))
            options = swaps.get(chars[position].lower())
            if options:
                chars[position] = rng.choice(options)
            else:
                chars.insert(position, rng.choice(["\u0307", "½", "ǅ", "µ", *_HARMLESS]))
    return "".join(chars)


@st.composite
def _calque_texts(draw: Any) -> str:
    """Text of fillers and strings the entries' patterns match, often salted."""
    rng = draw(st.randoms(use_true_random=False))
    pieces = []
    for _ in range(rng.randint(1, 4)):
        pieces.append(rng.choice(_FILLER))
        piece = _sample(rng.choice(_PATTERNS), rng)
        pieces.append(_salt(piece, rng) if rng.random() < 0.6 else piece)
    pieces.append(rng.choice(_FILLER))
    return "".join(pieces)


def _spans(pattern: Any, text: str) -> list[tuple[int, int]]:
    spans = [match.span() for match in pattern.finditer(text)]
    # the scanner also searches from positions after a previous match's start (lookbehinds see before it)
    spans += [(-1, -1) if (m := pattern.search(text, position)) is None else m.span() for position in range(len(text))]
    return spans


def test_some_entries_are_routed_to_the_stdlib() -> None:
    routed = [calque.id for calque in _CALQUES.entries if calque.stdlib is not None]
    assert len(routed) >= len(_CALQUES.entries) // 2
    # a variable-width lookbehind has no stdlib equivalent
    assert next(c for c in _CALQUES.entries if c.id == "informed-that").stdlib is None


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(_calque_texts())
def test_stdlib_routed_patterns_match_as_regex_does(text: str) -> None:
    facts = calques_module._TextFacts(text)
    for calque in _CALQUES.entries:
        matcher = calque.matcher(facts)
        if matcher is not calque.pattern:
            assert calque.stdlib is not None and matcher is calque.stdlib.pattern
            assert _spans(matcher, text) == _spans(calque.pattern, text), (calque.id, text)


@pytest.mark.parametrize("char", _AWKWARD)
def test_texts_with_awkward_characters_are_scanned_with_regex(char: str) -> None:
    text = f"Passengers riding as rabbits{char} were fined, the ministry{char}s managers said."
    facts = calques_module._TextFacts(text)
    assert not facts.portable
    assert all(calque.matcher(facts) is calque.pattern for calque in _CALQUES.entries)


@pytest.mark.parametrize("char", _HARMLESS)
def test_texts_with_lithuanian_letters_and_quotes_stay_on_re(char: str) -> None:
    text = f"Passengers riding as rabbits were fined in {char}Vilnius{char}."
    facts = calques_module._TextFacts(text)
    assert facts.portable
    routed = [calque for calque in _CALQUES.entries if calque.matcher(facts) is not calque.pattern]
    assert routed and all(calque.stdlib is not None for calque in routed)
    for calque in routed:
        assert _spans(calque.matcher(facts), text) == _spans(calque.pattern, text)


@pytest.mark.parametrize(("char", "literal"), [("ß", "ss"), ("\u212a", "k"), ("İ", "i"), ("ı", "I"), ("ſ", "s")])
def test_case_folding_the_engines_disagree_on(char: str, literal: str) -> None:
    # why the probes exist: these match in regex (full case folding) but not in re
    assert regex.fullmatch(literal, char, regex.VERSION1 | regex.IGNORECASE) or not re.fullmatch(
        literal, char, re.IGNORECASE
    )
    assert not calques_module._char_agrees(char)


@_EQUIVALENCE
@given(_calque_texts())
def test_keyword_prefilter_never_skips_a_matching_entry(text: str) -> None:
    scanned: dict[bool, tuple[int, ...]] = {}
    scan = calques_module._scan

    def recording(calques: Any, case_sensitive: bool, candidates: tuple[int, ...], facts: Any) -> Any:
        scanned[case_sensitive] = candidates
        return scan(calques, case_sensitive, candidates, facts)

    calques_module._scan = recording  # type: ignore[assignment]
    try:
        for code, severity in (("MT501", Severity.MAJOR), ("MT502", Severity.MINOR)):
            scanned.clear()
            run(text, [code])
            for index, calque in enumerate(_CALQUES.entries):
                if calque.severity != severity:
                    continue
                if any(match.start() < match.end() for match in calque.pattern.finditer(text)):
                    assert index in scanned.get(calque.case_sensitive, ()), (calque.id, text)
    finally:
        calques_module._scan = scan


@_EQUIVALENCE
@given(_calque_texts())
def test_findings_are_those_of_the_regex_module_alone(text: str) -> None:
    routed = run(text, ["MT5"])
    matcher = calques_module.Calque.matcher
    calques_module.Calque.matcher = lambda self, facts: self.pattern  # type: ignore[method-assign]
    try:
        assert run(text, ["MT5"]) == routed
    finally:
        calques_module.Calque.matcher = matcher  # type: ignore[method-assign]


def test_common_substring_is_the_longest_shared_one() -> None:
    from mtcheck.substrings import common_substring

    assert common_substring(["grey people", "green people"]) == " people"
    assert common_substring(["abc", "xbcx", "bc"]) == "bc"
    assert common_substring(["abcd", "abce"], minimum=4) == ""
    assert common_substring(["abcd", "xabcdx"], minimum=4) == "abcd"
    assert common_substring(["ab", "ba"]) == "a"  # the leftmost of the shortest string's, on a tie
    assert common_substring([]) == "" and common_substring(["x", "y"]) == ""


def test_stdlib_equivalents_are_compiled_with_the_public_api() -> None:
    # re.compile(source, flags): the same program as the parse tree compiled (re._compiler) before
    for calque in _CALQUES.entries:
        if calque.stdlib is None:
            continue
        pattern = calque.stdlib.pattern
        assert isinstance(pattern, re.Pattern)
        # compiled from its source text (a parse tree compiled with re._compiler has no pattern text)
        assert isinstance(pattern.pattern, str) and pattern.pattern, calque.id
        assert re.compile(pattern.pattern, pattern.flags).pattern == pattern.pattern


def test_text_facts_live_in_the_document_context() -> None:
    # computed once a document and kept in its ctx.options (no module-level state shared by threads)
    from mtcheck.model import Document
    from mtcheck.rules import Context
    from mtcheck.segment import segment

    text = "Passengers riding as rabbits were fined."
    ctx = Context(Document("t.txt", "t.txt", text), segment(text))
    facts = calques_module._text_facts(ctx)
    assert facts.text is ctx.text and calques_module._text_facts(ctx) is facts
    assert ctx.options["_calques_facts"] is facts
    other = Context(Document("u.txt", "u.txt", text + " Again."), segment(text + " Again."))
    assert calques_module._text_facts(other) is not facts
    assert calques_module._text_facts(ctx) is facts
    assert not hasattr(calques_module, "_last_facts")


def test_without_the_standard_librarys_parser_every_entry_is_scanned_with_regex(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # re._parser is private: a Python without it must give the same findings, only slower
    from mtcheck.engine import Settings, check_document
    from mtcheck.lexicons import Lexicons
    from mtcheck.model import Document

    cases = Path(__file__).parent.parent / "fixtures" / "cases" / "calques.jsonl"
    texts = [json.loads(line)["text"] for line in cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    settings = Settings(rules=tuple(r for r in Settings().rules if r.code.startswith("MT5")))
    expected = [check_document(Document(path="t.txt", id="t.txt", text=t), settings).findings for t in texts]
    monkeypatch.setattr(calques_module, "_sre_parse", None)
    calques_module._sre_parsed.cache_clear()
    try:
        fresh = Settings(rules=settings.rules, lexicons=Lexicons())
        found = [check_document(Document(path="t.txt", id="t.txt", text=t), fresh).findings for t in texts]
        compiled = fresh.lexicons.compiled("calques", _compile_calques)
        assert all(portable is None for calque in compiled.entries for portable in calque._stdlib)
        assert all(requirements is None for requirements in compiled.keywords)
    finally:
        calques_module._sre_parsed.cache_clear()
    assert found == expected and any(expected)

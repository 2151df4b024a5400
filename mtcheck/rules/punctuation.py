"""Punctuation: Lithuanian conventions and tokeniser residue that MT carries into English.

Lithuanian quotation marks („Taip“) and the Lithuanian dialogue dash (“Yes”, – he said), quotation
marks and brackets left unbalanced in a paragraph, spaces before punctuation and inside brackets
(tokenised MT output: "Ukraine , which"), doubled punctuation (",," ".."). All minor: they mark the
text as unedited MT but do not change its meaning. The conventions are in ``data/punctuation.toml``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from mtcheck.model import Finding, Paragraph, Severity
from mtcheck.rules.base import Context, Example, Rule

# MT904 looks for (?<=\S)([ \t\u00a0\u202f]+)([,;:!?.]) (regex module: \S is any character but its \s,
# which is str.isspace() without U+001C-U+001F). Such a pattern is tried at every position; the scan
# instead finds each mark with a space right before it (a character class first: fast) and walks back
# over the spaces in Python. A match's spaces are a whole run (a space cannot be \S), so it is the same.
_SPACES = " \t\u00a0\u202f"
_MARK_AFTER_SPACE = re.compile(r"[,;:!?.](?<=[ \t\u00a0\u202f].)")
_REGEX_NON_SPACE = "\x1c\x1d\x1e\x1f"  # str.isspace() but not the regex module's \s
_RUN = re.compile(r"[,;:.!?…][,;:.!?…]+")  # = [,;:.!?…]{2,}, which the re module scans slower
_DIALOGUE = regex.compile(r"(?<=\S)([”“\"»])([ \t]*,)?[ \t]*([–—]|-(?=[ \t]))[ \t]*(\p{L}+)")
_LT_OPENER = re.compile(r"[„‚]")
_DIALOGUE_LINE = regex.compile(r"[ \t]*[-–—][ \t]+\p{L}")
_QUOTE_MARK = re.compile(r"[“”„\"«»]")
_DIALOGUE_FIRST = " \t-–—"  # what _DIALOGUE_LINE can start with: a pre-filter
_BRACKET = re.compile(r"[()\[\]{}]")
_EMOTICON = regex.compile(r"(?<!\S)[:;=]-?[()\[\]](?!\w)")
_ENUMERATOR = regex.compile(r"(?:^|(?<=\s))(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})\)")
_AFTER_MARK = set(" \t\n\u00a0”’\"')]»")

MAX_FINDINGS = 50  # per rule and document: pathological input ("„„„…") must not explode the report
MAX_QUOTATION = 1000  # characters: a Lithuanian opener pairs with a closer at most this far away


def _capped(check: Callable[[Context], Iterator[Finding]]) -> Callable[[Context], Iterator[Finding]]:
    """The check, stopped after :data:`MAX_FINDINGS` findings."""

    @functools.wraps(check)
    def capped(ctx: Context) -> Iterator[Finding]:
        return itertools.islice(check(ctx), MAX_FINDINGS)

    return capped


@dataclass(frozen=True)
class _Data:
    openers: frozenset[str]
    english_for: dict[str, str]
    closers_for: dict[str, str]
    allowed_runs: frozenset[str]
    abbreviations: frozenset[str]
    speech_words: frozenset[str]


def _compile(raw: dict[str, Any]) -> _Data:
    from mtcheck.lexicons import load_segmentation

    segmentation = load_segmentation()
    return _Data(
        openers=frozenset(raw["lithuanian_openers"]),
        english_for=dict(raw["english_for"]),
        closers_for=dict(raw["closers_for"]),
        allowed_runs=frozenset(raw["allowed_runs"]),
        abbreviations=frozenset(a.lower() for a in raw["abbreviations"])
        | segmentation.never_break
        | segmentation.flexible,
        speech_words=frozenset(word.lower() for word in raw["attribution_words"]),
    )


def _data(ctx: Context) -> _Data:
    return ctx.lexicons.compiled("punctuation", _compile)


def _real_space(ctx: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` is whitespace in the original text too (not blanked markup)."""
    return ctx.document.text[start:end].isspace()


def _char_positions(text: str, chars: str) -> list[int]:
    """The positions in ``text`` of the characters ``chars``, in order. For rare characters a str.find
    per character (a memchr-like scan) is several times faster than a regex scan for a class."""
    positions: list[int] = []
    find = text.find
    for char in chars:
        position = find(char)
        while position >= 0:
            positions.append(position)
            position = find(char, position + 1)
    positions.sort()
    return positions


def _cached_positions(ctx: Context, chars: str) -> list[int]:
    """:func:`_char_positions` of ``ctx.text``, computed once a document (several rules use them)."""
    key = "punctuation.positions." + chars
    positions: list[int] | None = ctx.options.get(key)
    if positions is None:
        positions = ctx.options[key] = _char_positions(ctx.text, chars)
    return positions


_BRACKETS = "()[]{}"  # the characters of _BRACKET
_QUOTES = "“”„\"«»"  # the characters of _QUOTE_MARK


# MT901 ---------------------------------------------------------------------------------------------


def _paragraph_end(ctx: Context, starts: list[int], position: int) -> int:
    """End of the paragraph that holds ``position`` (of its line if none does)."""
    index = bisect.bisect_right(starts, position) - 1
    if index >= 0 and position < ctx.paragraphs[index].end:
        return ctx.paragraphs[index].end
    line_end = ctx.text.find("\n", position)
    return len(ctx.text) if line_end < 0 else line_end


@functools.lru_cache(maxsize=8)
def _closer_pattern(closers: str) -> regex.Pattern[str]:
    return regex.compile("[" + regex.escape(closers) + "]")


@_capped
def _check_lithuanian_quotes(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    if "„" not in text and "‚" not in text:
        return  # no _LT_OPENER (a one-character "in" test is very fast)
    data = _data(ctx)
    starts = [paragraph.start for paragraph in ctx.paragraphs]
    for match in _LT_OPENER.finditer(text):
        position, char = match.start(), match.group(0)
        if char not in data.openers:
            continue
        if char == "‚" and (position == 0 or not text[position - 1].isspace()):
            continue  # U+201A after a letter is a comma look-alike, not a quotation mark
        # a quotation closes in its paragraph and within a sane length; else the opener is lone
        limit = min(_paragraph_end(ctx, starts, position), position + 1 + MAX_QUOTATION)
        closers = data.closers_for.get(char, "")
        found = _closer_pattern(closers).search(text, position + 1, limit) if closers else None
        close = found.start() if found else None
        english_open = data.english_for.get(char, "“")
        if close is None:
            if char == "‚":
                continue
            yield ctx.finding(
                position,
                position + 1,
                "Lithuanian opening quotation mark „ (English uses “ ”)",
                suggestion=english_open,
            )
            continue
        english_close = "”" if char == "„" else "’"
        yield ctx.finding(
            position,
            close + 1,
            f"Lithuanian quotation marks {char}…{text[close]} (English uses {english_open}…{english_close})",
            suggestion=english_open + ctx.document.text[position + 1 : close] + english_close,
        )


# MT902 / MT903 -------------------------------------------------------------------------------------


def _quote_direction(text: str, position: int) -> str:
    """'open', 'close' or '?' for a straight double quote at ``position``."""
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-"):
        return "close"
    return "?"


def _quote_marks(
    text: str, paragraphs: tuple[Paragraph, ...], marks: list[int] | None = None
) -> tuple[list[int], list[int]]:
    """Unclosed openers and unmatched closers of the document (positions).

    Quotations may run over paragraphs: an opener stays open until a closer comes, and a paragraph
    that starts with an opening mark while a quotation is open continues it (the news convention of
    opening every paragraph of a long quotation and closing only the last).
    """
    stack: list[tuple[str, int]] = []
    stray: list[int] = []
    if marks is None:  # the positions of _QUOTE_MARK
        marks = _char_positions(text, _QUOTES)
    if not marks:
        return [], []  # only soft openers, never reported, could be left open
    count = len(marks)
    index = 0
    for paragraph in paragraphs:
        if stack and _starts_with_quote(text, paragraph):
            stack.pop()  # continued: the new paragraph's opening mark takes its place
        if not stack and text[paragraph.start] in _DIALOGUE_FIRST and _DIALOGUE_LINE.match(
            text, paragraph.start, paragraph.end
        ):
            # "- Since then nobody called us. ... to us.”": an interview answer opened by a dialogue
            # dash may be closed by a quotation mark; a soft opener, never reported itself
            stack.append(("-", paragraph.start))
        while index < count and marks[index] < paragraph.start:
            index += 1
        while index < count and marks[index] < paragraph.end:
            position = marks[index]
            mark = text[position]
            index += 1
            open_straight = bool(stack) and stack[-1][0] == '"'
            if mark == '"':
                direction = _quote_direction(text, position)
                if position and text[position - 1].isdigit() and direction != "open" and not open_straight:
                    continue  # 55" (inches)
                if direction == "?":
                    direction = "close" if open_straight else "open"
            elif mark in "„«":
                direction = "open"
            elif mark == "“":
                # “ closes „ (Lithuanian), or closes anything when it stands where a closer stands
                closes = bool(stack) and (stack[-1][0] == "„" or _quote_direction(text, position) == "close")
                direction = "close" if closes else "open"
            elif mark == "”":
                # ”Žalgiris” (a closing mark typed for both) opens where an opening mark stands
                direction = "open" if _quote_direction(text, position) == "open" else "close"
            else:  # »
                direction = "close"
            if direction == "open":
                stack.append((mark, position))
            elif stack:
                stack.pop()
            else:
                stray.append(position)
    return [position for mark, position in stack if mark != "-"], stray


def _bracket_balance(text: str, paragraph: Paragraph) -> tuple[list[int], list[int]]:
    pairs = {")": "(", "]": "[", "}": "{"}
    skip: set[int] = set()
    for match in _EMOTICON.finditer(text, paragraph.start, paragraph.end):
        skip.update(range(match.start(), match.end()))
    enumerators = {match.end() - 1 for match in _ENUMERATOR.finditer(text, paragraph.start, paragraph.end)}
    stack: list[tuple[str, int]] = []
    stray: list[int] = []
    for match in _BRACKET.finditer(text, paragraph.start, paragraph.end):
        mark, position = match.group(0), match.start()
        if position in skip:
            continue
        if mark in "([{":
            stack.append((mark, position))
        elif stack and stack[-1][0] == pairs[mark]:
            stack.pop()
        elif any(opening == pairs[mark] for opening, _ in stack):
            while stack[-1][0] != pairs[mark]:  # an inner unclosed bracket
                stray.append(stack.pop()[1])
            stack.pop()
        elif position not in enumerators:  # "a) taxes and b) spending": list markers
            stray.append(position)
    return [position for _, position in stack], stray


def _starts_with_quote(text: str, paragraph: Paragraph) -> bool:
    content = text[paragraph.start : paragraph.end].lstrip(" \t-–—•*")
    return content[:1] in ("“", "„", '"', "«")


@_capped
def _check_unbalanced_quotes(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    marks = _cached_positions(ctx, _QUOTES)
    unclosed, stray = _quote_marks(text, ctx.paragraphs, marks)
    for position in unclosed:
        # A quotation with no quotation mark after it may run past the end of an excerpt: less sure.
        edge = _QUOTE_MARK.search(text, position + 1) is None
        yield ctx.finding(
            position, position + 1, "Opening quotation mark never closed", confidence=0.5 if edge else 0.9
        )
    for position in stray:
        # No quotation mark before it at all: the excerpt may start inside a quotation.
        edge = _QUOTE_MARK.search(text, 0, position) is None
        yield ctx.finding(
            position,
            position + 1,
            "Closing quotation mark without an opening one",
            confidence=0.5 if edge else 0.9,
        )


@_capped
def _check_unbalanced_brackets(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    # Only a paragraph with a bracket can have a finding: look at those alone.
    brackets = _cached_positions(ctx, _BRACKETS)
    if not brackets:
        return
    starts = [paragraph.start for paragraph in ctx.paragraphs]
    with_bracket: dict[int, None] = {}  # indices of paragraphs, in order
    for position in brackets:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < ctx.paragraphs[index].end:
            with_bracket[index] = None
    for index in with_bracket:
        paragraph = ctx.paragraphs[index]
        unclosed, stray = _bracket_balance(text, paragraph)
        for position in unclosed:
            yield ctx.finding(position, position + 1, f"Bracket {text[position]!r} never closed in this paragraph")
        for position in stray:
            yield ctx.finding(position, position + 1, f"Closing bracket {text[position]!r} without an opening one")


# MT904 ---------------------------------------------------------------------------------------------


def _regex_non_space(char: str) -> bool:
    """Whether ``char`` matches the regex module's \\S."""
    return not char.isspace() or char in _REGEX_NON_SPACE


@_capped
def _check_space_before(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    length = len(text)
    for found in _MARK_AFTER_SPACE.finditer(text):
        mark_position = found.start()
        space_start = mark_position - 1
        while space_start > 0 and text[space_start - 1] in _SPACES:
            space_start -= 1
        if space_start == 0 or not _regex_non_space(text[space_start - 1]):
            continue  # the spaces must follow a non-space: (?<=\S)
        mark = text[mark_position]
        before = text[space_start - 1]
        after = text[mark_position + 1] if mark_position + 1 < length else "\n"
        if not _real_space(ctx, space_start, mark_position):
            continue
        if mark == ".":
            if after == "." or before == "." or text.startswith(" .", mark_position + 1):
                continue  # an ellipsis: "and ...", ". . ."
            if after not in _AFTER_MARK:
                continue  # ".NET", " .5"
        elif mark in ",;":
            if before.isdigit() and after.isdigit():
                continue
            if not (after in _AFTER_MARK or after.isalpha()):
                continue
        elif mark == ":":
            if before.isdigit() and (after.isdigit() or text[mark_position + 1 : mark_position + 3].strip().isdigit()):
                continue  # a score or a time: "3 : 1", "10 : 00"
            if after not in _AFTER_MARK or after in ")]":
                continue  # ":)" and the like
        elif after not in _AFTER_MARK:  # ! ?
            continue
        if before in "([{":
            continue
        yield ctx.finding(
            space_start,
            mark_position + 1,
            f"Space before {mark!r} (tokenised MT output)",
            suggestion=mark,
        )


# MT905 ---------------------------------------------------------------------------------------------


def _token_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([\"'“„«":
        start -= 1
    return text[start:end]


@_capped
def _check_doubled(ctx: Context) -> Iterator[Finding]:
    data = _data(ctx)
    text = ctx.text
    for match in _RUN.finditer(text):
        run, start, end = match.group(0), match.start(), match.end()
        if run in data.allowed_runs or set(run) <= {"?", "!"} or (set(run) == {"."} and len(run) >= 3):
            continue
        core = run.replace("…", "").replace("...", "")
        if len(core) <= 1 and core != run:
            continue  # an ellipsis and one mark: "...,", "?…"
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if "/" in (before, after) or (before.isdigit() and after.isdigit()):
            continue  # "../", "1..5", URLs
        if run[0] == "." and len(run) == 2 and run[1] in ",;:)":
            token = _token_before(text, start)
            if "." in token or token.lower() in data.abbreviations or (len(token) == 1 and token.isalpha()):
                continue  # "U.S., Japan", "etc.;", "J., K. and L."
            last = regex.split(r"[^\p{L}]+", token)[-1]
            if last[:1].isupper() or (last.isalpha() and _zipf(last) < _WORD_ZIPF):
                continue  # "R-Ariz., said", "3/4 dvit., 9/11 baud.": abbreviations, not English words
        if run == "::" and before.isalnum() and after.isalnum():
            continue  # "std::string", IPv6
        mark = run[0] if run[0] in "?!" else run[-1]
        yield ctx.finding(start, end, f"Doubled punctuation {run!r}", suggestion=mark)


_WORD_ZIPF = 2.5  # wordfreq Zipf frequency of an English word; abbreviations ("dvit", "baud") are rarer


def _zipf(word: str) -> float:
    from mtcheck.wordfreqs import english_zipf  # heavy data: only for the rare ".," candidates

    return english_zipf(word)


# MT906 ---------------------------------------------------------------------------------------------


@_capped
def _check_dialogue_dash(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    # A match starts at a quotation mark and holds no other one: matching at each quotation mark of
    # ”“"» finds what finditer finds (its lookbehind sees the text before the match position).
    data = _data(ctx)
    for position in _cached_positions(ctx, _QUOTES):
        if text[position] in "„«":
            continue
        match = _DIALOGUE.match(text, position)
        if match is None:
            continue
        quote, comma, word = match.group(1), match.group(2), match.group(4)
        if not word[0].islower():
            continue
        if comma is None:
            inner = text[match.start(1) - 1]
            if inner not in "?!.…" or word.lower() not in data.speech_words:
                continue
        closing = quote if quote in '"»' else data.english_for.get(quote, quote)  # Lithuanian “ -> ”
        suggestion = ("," if comma else "") + closing
        yield ctx.finding(
            match.start(1),
            match.end(3),
            "Lithuanian dialogue dash after a quotation (“…”, – said); English: “…,” said",
            suggestion=suggestion,
        )


# MT907 ---------------------------------------------------------------------------------------------


def _inside_open(text: str, brackets: list[int]) -> Iterator[tuple[int, int]]:
    """Spans (bracket, spaces) of ([(\\[])([ \\t]+)(?=[^\\s)\\]]), from the positions of the brackets:
    the run of spaces is greedy and a shorter one would be followed by a space, so it is the whole
    run after the bracket (and holds no bracket: the matches are the same as finditer's)."""
    length = len(text)
    for start in brackets:
        if text[start] not in "([" or start + 1 == length or text[start + 1] not in " \t":
            continue
        end = start + 2
        while end < length and text[end] in " \t":
            end += 1
        if end < length and _regex_non_space(text[end]) and text[end] not in ")]":
            yield start, end


def _inside_close(text: str, brackets: list[int]) -> Iterator[tuple[int, int]]:
    """Spans (spaces, bracket) of (?<=[^\\s(\\[])([ \\t]+)([)\\]]), from the positions of the brackets:
    a match's spaces are a whole run (no space or tab matches the lookbehind), after a character that
    is not a space or an opening bracket."""
    for bracket in brackets:
        if text[bracket] not in ")]" or bracket == 0 or text[bracket - 1] not in " \t":
            continue
        start = bracket - 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start > 0 and _regex_non_space(text[start - 1]) and text[start - 1] not in "([":
            yield start, bracket + 1


@_capped
def _check_space_inside_brackets(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    brackets = _cached_positions(ctx, _BRACKETS)
    flagged: set[int] = set()
    for start, end in _inside_open(text, brackets):
        if _real_space(ctx, start + 1, end):
            flagged.add(start)
            yield ctx.finding(start, end, "Space after an opening bracket (tokenised MT output)", text[start])
    for start, end in _inside_close(text, brackets):
        if not _real_space(ctx, start, end - 1) or text[start - 1] in ".…":
            continue
        line_start = text.rfind("\n", 0, start) + 1
        opening = max(text.rfind("(", line_start, start), text.rfind("[", line_start, start))
        if opening in flagged:
            continue  # "( STT )": one finding for the pair, on the opening side
        yield ctx.finding(start, end, "Space before a closing bracket (tokenised MT output)", text[end - 1])


RULES = (
    Rule(
        code="MT901",
        name="lithuanian-quotes",
        category="punctuation",
        severity=Severity.MINOR,
        summary="Lithuanian quotation marks „…“ left in English text",
        explanation=(
            "Lithuanian opens a quotation with a low mark and closes it with a high one („Taip“); English "
            "uses “…” (or '…'). The MT copies the marks unchanged. The whole quotation is flagged as one "
            "span and the suggestion is the same quotation in English marks. Minor: MQM counts a locale "
            "convention that does not change the meaning as minor, though it shows at a glance that the "
            "text was never edited."
        ),
        check=_check_lithuanian_quotes,
        bad=(
            Example(
                "„Interest rates are gradually decreasing“, said a representative of the bank.",
                flagged="„Interest rates are gradually decreasing“",
            ),
            Example("The party called the plan „unacceptable” on Monday.", flagged="„unacceptable”"),
        ),
        good=(Example("“Interest rates are gradually decreasing,” said a representative of the bank."),),
        suggestion="Use English quotation marks: “…”.",
    ),
    Rule(
        code="MT902",
        name="unbalanced-quotes",
        category="punctuation",
        severity=Severity.MINOR,
        summary="A quotation mark opened and never closed, or closed and never opened",
        explanation=(
            "MT loses quotation marks when it reorders clauses, leaving a quotation without its end. "
            "Quotation marks are paired over the whole document: a quotation may run over paragraphs, "
            "and the news convention of opening each paragraph of a long quotation and closing only the "
            "last one is understood. A straight quote after a number is an inch mark unless it closes."
        ),
        check=_check_unbalanced_quotes,
        bad=(
            Example("“The decision is final, said the minister on Monday.", flagged="“"),
            Example("The decision is final,” said the minister on Monday.", flagged="”"),
        ),
        good=(
            Example("“The decision is final,” said the minister on Monday."),
            Example("“The first part of a long quotation.\n“The second part ends it.”"),
            Example('The screen measures 55" across.'),
        ),
        suggestion="Restore the missing quotation mark from the source.",
    ),
    Rule(
        code="MT903",
        name="unbalanced-brackets",
        category="punctuation",
        severity=Severity.MINOR,
        summary="A bracket opened and never closed (or closed and never opened) in a paragraph",
        explanation=(
            "A lost bracket makes the reader guess where a parenthesis ends; MT loses them when it splits "
            "or reorders sentences. List markers ('1)', 'a)') and emoticons are not brackets."
        ),
        check=_check_unbalanced_brackets,
        bad=(
            Example("The Special Investigation Service (STT detained the mayor on Monday.", flagged="("),
            Example("The Special Investigation Service STT) detained the mayor.", flagged=")"),
        ),
        good=(
            Example("The Special Investigation Service (STT) detained the mayor."),
            Example("The plan has two parts: a) taxes and b) spending."),
        ),
        suggestion="Close the bracket where the parenthesis ends, or remove the stray one.",
    ),
    Rule(
        code="MT904",
        name="space-before-punctuation",
        category="punctuation",
        severity=Severity.MINOR,
        summary="A space before , . ; : ! ? (tokenised MT output)",
        explanation=(
            "MT systems work on tokenised text ('Ukraine , which') and some do not detokenise their "
            "output. Not flagged: spaced ellipses ('and ...', '. . .'), decimals and file names ('.5', "
            "'.NET'), scores and times ('3 : 1'), emoticons, and spaces that stand for blanked markup."
        ),
        check=_check_space_before,
        bad=(
            Example("He also approved a resolution on support for Ukraine , which was proposed.", flagged=" ,"),
            Example("Construction should begin next year . The opposition voted against.", flagged=" ."),
            Example("What will happen next ? Nobody knows.", flagged=" ?"),
        ),
        good=(
            Example("Žalgiris won 3 : 1 and the game ended at 10 : 00 after a pause ..."),
            Example("He hesitated . . . and then signed the decree."),
        ),
        suggestion="Delete the space before the punctuation mark.",
    ),
    Rule(
        code="MT905",
        name="doubled-punctuation",
        category="punctuation",
        severity=Severity.MINOR,
        summary="Punctuation doubled or clashing (',,' '..' ',.' '?.')",
        explanation=(
            "When MT joins or splits segments it may leave two marks where one belongs. An ellipsis "
            "('...'), '?!' and emphatic '!!', and an abbreviation's full stop before a comma ('U.S., ', "
            "'etc.;') are correct English and not flagged."
        ),
        check=_check_doubled,
        bad=(
            Example("The minister resigned,, the spokesman said.", flagged=",,"),
            Example("The minister resigned.. The spokesman said nothing.", flagged=".."),
            Example("Why did he resign?. Nobody knows.", flagged="?."),
        ),
        good=(Example("He waited... and waited. Really?! The U.S., Japan and others agreed, etc.; then left."),),
        suggestion="Keep one punctuation mark.",
    ),
    Rule(
        code="MT906",
        name="lithuanian-dialogue-dash",
        category="punctuation",
        severity=Severity.MINOR,
        summary="The Lithuanian comma and dash after a quotation (“…”, – he said)",
        explanation=(
            "Lithuanian marks the author's words after direct speech with a comma and a dash "
            "(„Taip“, – sakė jis). English puts the comma inside the quotation marks and uses no dash: "
            "“Yes,” he said. Minor: a convention, not a change of meaning."
        ),
        check=_check_dialogue_dash,
        bad=(
            Example("“Interest rates will fall”, – said a representative of the bank.", flagged="”, –"),
            Example("“Will rates fall?” – asked the journalist.", flagged="” –"),
        ),
        good=(
            Example("“Interest rates will fall,” said a representative of the bank."),
            Example("The film “Liars” – a comedy – opens on Friday."),
        ),
        suggestion="Move the comma inside the quotation marks and delete the dash.",
    ),
    Rule(
        code="MT907",
        name="space-inside-brackets",
        category="punctuation",
        severity=Severity.MINOR,
        summary="A space after an opening or before a closing bracket ('( STT )')",
        explanation="Tokenised MT output separates brackets from the words they enclose; English does not.",
        check=_check_space_inside_brackets,
        bad=(Example("The Special Investigation Service ( STT ) detained him.", flagged="( "),),
        good=(Example("The Special Investigation Service (STT) detained him."),),
        suggestion="Delete the spaces inside the brackets.",
    ),
)

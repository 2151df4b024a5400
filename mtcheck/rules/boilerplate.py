"""Boilerplate: scraper, auto-blogging, CMS and encoding leftovers in the article text.

Everything these rules know is in ``data/boilerplate.toml``: placeholder and shortcode names, HTML
element names, share-button labels, MT special tokens and the mojibake sequences of the Lithuanian
letters (computed from their UTF-8 bytes read in the wrong code page). The rules match on
``ctx.text``, where markup of ``.html`` input is already blanked: a tag in an HTML file is markup, a
tag in a plain-text article is a leftover.
"""

from __future__ import annotations

import html.entities
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from mtcheck.lexicons import LexiconError, validate_entries
from mtcheck.model import Finding, Severity
from mtcheck.rules.base import Context, Example, Rule

_BRACKETED = regex.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\[\]\n]*)?)\]")
_ATTRIBUTE = regex.compile(r"[\w-]+\s*=\s*[\"'“”]|[\w-]+=\S")
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(\s[^<>\n]*)?\s*/?>")
_ENTITY = regex.compile(
    r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|([A-Za-z][A-Za-z0-9]{1,31}));"
    r"|&\s?(nbsp|amp|quot|lt|gt|apos|rsquo|lsquo|rdquo|ldquo|bdquo|ndash|mdash|hellip|laquo|raquo)\s?;"
    r"|&(nbsp|amp|quot|rsquo|ldquo|rdquo|ndash|mdash|hellip)(?![A-Za-z0-9;])"
)
_LINE_TRIM = regex.compile(r"^[\s•·*>\-–—|]+|[\s:.!»›>→…|]+$")
_LINE_LEAD = regex.compile(r"[\s•·*>\-–—|]+")  # the first alternative of _LINE_TRIM
_LEAD_MARKS = "•·*>-–—|"  # the characters of _LINE_LEAD but whitespace
_LETTERS = regex.compile(r"\p{L}+")
_LAST_LETTERS = regex.compile(r"(?r)\p{L}+")
_COUNT = regex.compile(r"\s*[(\[]?\d+[)\]]?\s*$")
_SEPARATORS = regex.compile(r"\s*[|•·/,]\s*|\s+")


@dataclass(frozen=True)
class _Data:
    placeholders: frozenset[str]
    placeholder_pattern: regex.Pattern[str]
    template_pattern: regex.Pattern[str]
    shortcodes: frozenset[str]
    shortcode_prefixes: tuple[str, ...]
    html_elements: frozenset[str]
    button_lines: frozenset[str]
    link_label: regex.Pattern[str]
    button_words: frozenset[str]
    button_verbs: frozenset[str]
    special_pattern: regex.Pattern[str]
    mojibake_letter: regex.Pattern[str] | None
    mojibake_other: regex.Pattern[str]
    repairs: dict[str, str]
    special_required: tuple[str, ...] | None = None  # special_pattern cannot match without one of these
    mojibake_required: tuple[str, ...] | None = None  # the mojibake patterns cannot match without one
    template_required: tuple[str, ...] | None = None  # template_pattern cannot match without one
    button_runs: frozenset[str] | None = None  # letter runs of a button line (None: no pre-filter)


# What each bundled special-token pattern cannot match without. A pattern not listed here (from a user
# lexicon) turns the pre-filter off.
_SPECIAL_REQUIRES = {r"\w+@@(?=\s|$)": "@", r"(?<!\w)▁(?=\w)": "▁"}


# What each bundled template pattern cannot match without (a one-character "in" test is very fast).
_TEMPLATE_REQUIRES = {r"\{\{\s*[A-Za-z_][\w.]*\s*\}\}": "{", r"%%[A-Za-z_]\w*%%": "%"}


def _template_required(patterns: list[str]) -> tuple[str, ...] | None:
    """Characters one of which the text must contain for the template pattern to match, or None."""
    if not patterns or any(pattern not in _TEMPLATE_REQUIRES for pattern in patterns):
        return None
    return tuple(sorted({_TEMPLATE_REQUIRES[pattern] for pattern in patterns}))


def _special_required(raw: dict[str, Any]) -> tuple[str, ...] | None:
    """Strings one of which the text must contain for the special-token pattern to match, or None.
    A token matched case-insensitively starts with its own first character when that is ASCII and
    not a letter ("<", "[")."""
    required: set[str] = set()
    for token in raw["special_tokens"]:
        first = token[:1]
        if not first or not first.isascii() or first.isalpha():
            return None
        required.add(first)
    for pattern in raw.get("special_patterns", []):
        if pattern not in _SPECIAL_REQUIRES:
            return None
        required.add(_SPECIAL_REQUIRES[pattern])
    return tuple(sorted(required))


def _pattern_required(pattern: str) -> str | None:
    """A character that every match of the regex ``pattern`` contains, or None when it is not obvious:
    the literal character a pattern without alternation or inline flags starts with (not quantified),
    or the one character that an escape ``\\uXXXX`` standing for the whole pattern matches."""
    if len(pattern) == 6 and pattern.startswith("\\u"):
        try:
            return chr(int(pattern[2:], 16))
        except ValueError:
            return None
    if "|" in pattern or "(?" in pattern or len(pattern) < 2 or not pattern[0].isalnum():
        return None
    return pattern[0] if pattern[1] not in "*?{+" else None


def _required(sequences: list[str], patterns: list[str]) -> tuple[str, ...] | None:
    """Characters one of which the text must contain for a pattern made of the literal ``sequences``
    and of the regexes ``patterns`` to match (None: no pre-filter)."""
    required: set[str] = set()
    for sequence in sequences:
        if not sequence:
            return None
        required.add(sequence[0])
    for pattern in patterns:
        char = _pattern_required(pattern)
        if char is None:
            return None
        required.add(char)
    return tuple(sorted(required))


def _button_runs(lines: frozenset[str], words: frozenset[str], verbs: frozenset[str]) -> frozenset[str] | None:
    """The runs of letters that a button line can contain (those of the button lines and words), or None
    when a button line could have no letter at all (then every line is looked at)."""
    runs = {entry: _LETTERS.findall(entry) for entry in lines | words}
    if any(not runs[entry] for entry in lines | (words & verbs)):
        return None
    return frozenset(run for found in runs.values() for run in found)


def _alternation(items: list[str]) -> str:
    return "|".join(regex.escape(item) for item in sorted(items, key=len, reverse=True))


def _compile(raw: dict[str, Any]) -> _Data:
    errors = validate_entries(
        "boilerplate.toml",
        raw.get("entry", []),
        {"sequence": str, "letters": list, "via": list, "kind": str},
    )
    if errors:
        raise LexiconError(errors)
    letter_sequences = [e["sequence"] for e in raw.get("entry", []) if e["kind"] == "letter"]
    other_sequences = [e["sequence"] for e in raw.get("entry", []) if e["kind"] == "punctuation"]
    repairs = {e["sequence"]: e["letters"][0] for e in raw.get("entry", []) if len(e["letters"]) == 1}
    special = "|".join([f"(?i:{_alternation(raw['special_tokens'])})", *raw.get("special_patterns", [])])
    # A letter sequence counts only inside a word: "KlaipÄ—da", "Å\xa0iauliai", "rankÄ…".
    inside = _alternation(letter_sequences)
    letter = regex.compile(rf"(?<=\p{{L}})(?:{inside})|(?:{inside})(?=\p{{L}})") if letter_sequences else None
    spaced = [e["sequence"] for e in raw.get("entry", []) if e["kind"] == "letter-spaced"]
    other_parts = [*raw.get("mojibake_patterns", [])]
    if other_sequences:
        other_parts.append(_alternation(other_sequences))
    if spaced:
        other_parts.append(rf"(?<!\d\s?)(?:{_alternation(spaced)})(?=\p{{Ll}}{{2}})")
    other = "|".join(f"(?:{part})" for part in other_parts)
    labels = _alternation(raw["link_labels"])
    button_lines = frozenset(line.lower() for line in raw["button_lines"])
    button_words = frozenset(word.lower() for word in raw["button_words"])
    button_verbs = frozenset(word.lower() for word in raw["button_verbs"])
    return _Data(
        placeholders=frozenset(name.lower() for name in raw["placeholders"]),
        placeholder_pattern=regex.compile("|".join(f"(?:{p})" for p in raw["placeholder_patterns"])),
        template_pattern=regex.compile("|".join(f"(?:{p})" for p in raw["template_patterns"])),
        shortcodes=frozenset(name.lower() for name in raw["shortcodes"]),
        shortcode_prefixes=tuple(raw["shortcode_prefixes"]),
        html_elements=frozenset(name.lower() for name in raw["html_elements"]),
        button_lines=button_lines,
        link_label=regex.compile(rf"(?i)^(?:{labels})\s*[:»›>→–—-]\s*\S"),
        button_words=button_words,
        button_verbs=button_verbs,
        special_pattern=regex.compile(special),
        mojibake_letter=letter,
        mojibake_other=regex.compile(other),
        repairs=repairs,
        special_required=_special_required(raw),
        mojibake_required=_required(
            letter_sequences + other_sequences + spaced, list(raw.get("mojibake_patterns", []))
        ),
        template_required=_template_required(raw["template_patterns"]),
        button_runs=_button_runs(button_lines, button_words, button_verbs),
    )


def _data(ctx: Context) -> _Data:
    return ctx.lexicons.compiled("boilerplate", _compile)


def _is_placeholder(data: _Data, name: str) -> bool:
    return name.lower() in data.placeholders or data.placeholder_pattern.fullmatch(name) is not None


def _check_placeholders(ctx: Context) -> Iterator[Finding]:
    data = _data(ctx)
    text = ctx.text
    if "[" in text:  # _BRACKETED starts with "["
        for match in _BRACKETED.finditer(text):
            if match.group(1) or match.group(3).strip():
                continue  # closing tags and names with attributes are shortcodes (MT602)
            if _is_placeholder(data, match.group(2)):
                yield ctx.finding(
                    match.start(),
                    match.end(),
                    f"Auto-blogging placeholder {match.group(0)} left in the text",
                    suggestion="",
                )
    required = data.template_required
    if required is not None and not any(char in text for char in required):
        return
    for match in data.template_pattern.finditer(text):
        yield ctx.finding(match.start(), match.end(), f"Template variable {match.group(0)} left in the text", "")


def _is_shortcode(data: _Data, name: str, attributes: str, closed: bool) -> bool:
    key = name.lower()
    if _is_placeholder(data, name) and not attributes.strip() and not closed:
        return False  # MT601
    return (
        key in data.shortcodes
        or key.startswith(data.shortcode_prefixes)
        or _ATTRIBUTE.search(attributes) is not None
        or closed
    )


def _check_shortcodes(ctx: Context) -> Iterator[Finding]:
    data = _data(ctx)
    text = ctx.text
    if "[" not in text:
        return  # _BRACKETED starts with "["
    position = 0
    while True:
        match = _BRACKETED.search(text, position)
        if match is None:
            return
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        position = match.end()
        if closing:
            if _is_shortcode(data, name, attributes, True):
                yield ctx.finding(
                    match.start(), match.end(), f"Closing shortcode {match.group(0)} left in the text", ""
                )
            continue
        close = regex.compile(rf"\[/{regex.escape(name)}\]", regex.IGNORECASE).search(
            text, match.end(), match.end() + 3000
        )
        nested_open = close is not None and regex.search(
            rf"\[{regex.escape(name)}[\s\]]", text[match.end() : close.start()], regex.IGNORECASE
        )
        if close is not None and not nested_open and _is_shortcode(data, name, attributes, True):
            inner = text[match.end() : close.start()].strip()
            yield ctx.finding(
                match.start(),
                close.end(),
                f"Shortcode [{name}]…[/{name}] left in the text"
                + (f" (its content {inner[:60]!r} is a caption or credit, not article text)" if inner else ""),
                suggestion="",
            )
            position = close.end()
        elif _is_shortcode(data, name, attributes, False):
            yield ctx.finding(match.start(), match.end(), f"Shortcode {match.group(0)[:60]} left in the text", "")


def _markdown(ctx: Context) -> bool:
    return ctx.document.path.lower().endswith((".md", ".markdown"))


def _check_html_tags(ctx: Context) -> Iterator[Finding]:
    if "<" not in ctx.text:
        return  # _TAG starts with "<"
    data = _data(ctx)
    for match in _TAG.finditer(ctx.text):
        if match.group(2).lower() in data.html_elements:
            yield ctx.finding(match.start(), match.end(), f"HTML tag {match.group(0)[:40]} left in plain text", "")


def _check_html_entities(ctx: Context) -> Iterator[Finding]:
    if _markdown(ctx) or "&" not in ctx.text:
        return  # Markdown renders entities: they are markup there; every _ENTITY starts with "&"
    for match in _ENTITY.finditer(ctx.text):
        name = match.group(1)
        if name is not None and name not in html.entities.name2codepoint and f"{name};" not in html.entities.html5:
            continue  # "&Co;" is no entity
        entity = "&" + "".join(match.group(0)[1:].split())
        if not entity.endswith(";"):
            entity += ";"
        replacement = html.unescape(entity)
        if replacement == "\xa0":
            replacement = " "
        yield ctx.finding(
            match.start(),
            match.end(),
            f"HTML entity {match.group(0)} left in plain text",
            suggestion=replacement if replacement != entity else None,
        )


def _is_button_line(data: _Data, line: str) -> bool:
    core = _LINE_TRIM.sub("", line)
    core = _COUNT.sub("", core).strip().lower()
    if not core:
        return False
    if core in data.button_lines:
        return True
    words = [word for word in _SEPARATORS.split(core) if word]
    if len(words) < 2 or len(words) > 12:
        return False
    return all(word in data.button_words or word.isdigit() for word in words) and any(
        word in data.button_verbs for word in words
    )


def _may_be_button_line(data: _Data, stripped: str) -> bool:
    """Pre-filter, true for every line that ``_is_button_line`` or the link-label test accepts.

    A button line consists of button lines' or words' letters, digits, separators and trimmed marks; the
    trimmed marks, counts and separators hold no letter, so each run of letters of the lowercased line is
    one of a button line or word (and there is one). A link-label line matches ``link_label`` once its
    leading marks are trimmed: the match ends before any trailing mark that _LINE_TRIM drops."""
    runs = data.button_runs
    if runs is None:
        return True
    lowered = stripped.lower()
    # most lines fail on their first or last run: no findall for them
    first = _LETTERS.search(lowered)
    if (
        first is not None
        and first.group() in runs
        and _last_letters(lowered) in runs
        and runs.issuperset(_LETTERS.findall(lowered))
    ):
        return True
    # ``stripped`` starts with no whitespace: a lead needs one of the other characters of _LINE_LEAD
    lead = _LINE_LEAD.match(stripped) if stripped[0] in _LEAD_MARKS else None
    return data.link_label.match((stripped[lead.end() :] if lead else stripped) + " ") is not None


def _last_letters(text: str) -> str:
    """The last run of letters of ``text`` (which has one): a reverse search finds the whole run."""
    match = _LAST_LETTERS.search(text)
    return match.group() if match is not None else ""


def _check_button_text(ctx: Context) -> Iterator[Finding]:
    data = _data(ctx)
    text = ctx.text
    line_start = 0
    for line in text.split("\n"):  # the lines of _LINE ([^\n]+), without match objects
        offset = line_start
        line_start += len(line) + 1
        stripped = line.strip()
        if not stripped or len(stripped) > 160 or not _may_be_button_line(data, stripped):
            continue
        start = offset + (len(line) - len(line.lstrip()))
        end = offset + len(line.rstrip())
        if _is_button_line(data, stripped):
            yield ctx.finding(
                start, end, f"Share, subscribe or navigation button text {stripped!r} left in the article", ""
            )
        elif data.link_label.match(_LINE_TRIM.sub("", stripped) + " ") and len(stripped.split()) <= 25:
            yield ctx.finding(start, end, "Related-article link line left in the article", "")


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    # trailing sentence punctuation is not part of the word
    while end > start + 1 and text[end - 1] in ".,;:!?)]\"'”":
        end -= 1
    while start < end - 1 and text[start] in "([\"'“„":
        start += 1
    return start, end


def _check_mojibake(ctx: Context) -> Iterator[Finding]:
    data = _data(ctx)
    text = ctx.text
    if data.mojibake_required is not None and not any(char in text for char in data.mojibake_required):
        return  # (one-character "in" tests are much faster than the patterns' scans)
    spans: list[tuple[int, int]] = []
    if data.mojibake_letter is not None:
        spans.extend(match.span() for match in data.mojibake_letter.finditer(text))
    spans.extend(match.span() for match in data.mojibake_other.finditer(text))
    reported_until = -1
    for start, end in sorted(spans):
        word_start, word_end = _word_around(text, start, end)
        word_start, word_end = min(word_start, start), max(word_end, end)
        if word_start < reported_until:
            continue
        reported_until = word_end
        word = text[word_start:word_end]
        repaired = word
        for sequence in sorted(data.repairs, key=len, reverse=True):
            repaired = repaired.replace(sequence, data.repairs[sequence])
        yield ctx.finding(
            word_start,
            word_end,
            "Mojibake: Lithuanian letters or quotation marks garbled by a wrong character encoding",
            suggestion=repaired if repaired != word and "\ufffd" not in repaired else None,
        )


def _check_special_tokens(ctx: Context) -> Iterator[Finding]:
    data = _data(ctx)
    if data.special_required is not None and not any(needed in ctx.text for needed in data.special_required):
        return
    for match in data.special_pattern.finditer(ctx.text):
        yield ctx.finding(
            match.start(),
            match.end(),
            f"MT model token {match.group(0)!r} left in the output (a word the system could not produce)",
        )


RULES = (
    Rule(
        code="MT601",
        name="autoblog-placeholder",
        category="boilerplate",
        severity=Severity.MAJOR,
        summary="An auto-blogging placeholder such as [ad_1] or [source_link] left in the text",
        explanation=(
            "Scraper and auto-blogging plugins that republish machine-translated news fill templates with "
            "placeholders ([ad_1], [ad_2], [source_link], [matched_content], {{title}}). When the template "
            "is not rendered they are published verbatim: a sign that nobody read the text. Major, not "
            "critical: the reader sees garbage but the article's meaning is intact."
        ),
        check=_check_placeholders,
        bad=(
            Example("One person was killed in the Panevėžys district.\n[ad_1]", flagged="[ad_1]"),
            Example("Inspections will be stepped up. [ad_2] The fine is 30 euros.", flagged="[ad_2]"),
            Example("Source: [source_link]", flagged="[source_link]"),
            Example("Published by {{author}} on Monday.", flagged="{{author}}"),
        ),
        good=(
            Example('"We [the government] will not back down," he said.'),
            Example("The report [PDF] is available on the ministry's website."),
        ),
        suggestion="Delete the placeholder; fix the publishing template.",
    ),
    Rule(
        code="MT602",
        name="cms-shortcode",
        category="boilerplate",
        severity=Severity.MAJOR,
        summary="A WordPress or page-builder shortcode ([caption …]…[/caption], [embed], [gallery]) left in the text",
        explanation=(
            "Shortcodes are CMS instructions, not prose. A [caption]…[/caption] pair is flagged as one span "
            "including its content: the photo credit inside is caption text that does not belong to the "
            'article\'s running text. A bracketed name with attributes (name="value") or a closing [/name] '
            "is a shortcode whatever its name; the names in data/boilerplate.toml are shortcodes even bare."
        ),
        check=_check_shortcodes,
        bad=(
            Example(
                'The journey will take about four hours. [caption id="attachment_9921" align="aligncenter" '
                'width="1024"]Photo: LTG[/caption] The train will run twice a day.',
                flagged='[caption id="attachment_9921" align="aligncenter" width="1024"]Photo: LTG[/caption]',
            ),
            Example(
                "Watch the video: [embed]https://youtu.be/abc[/embed]", flagged="[embed]https://youtu.be/abc[/embed]"
            ),
            Example(
                '[gallery ids="101,102,103"] The exhibition runs until May.', flagged='[gallery ids="101,102,103"]'
            ),
        ),
        good=(
            Example('"They [the opposition] voted against," the speaker said.'),
            Example("The word [sic] was in the original letter."),
        ),
        suggestion="Delete the shortcode (and its caption content, or move the credit to a caption).",
    ),
    Rule(
        code="MT603",
        name="html-tag",
        category="boilerplate",
        severity=Severity.MAJOR,
        summary="An HTML tag (<p>, </strong>, <br />) left in plain text",
        explanation=(
            "A tag in a .txt article or a corpus record is markup that was not rendered or not stripped by "
            "the scraper. In .html input the markup is expected and is not checked. Only real HTML element "
            "names count: 'x < y > z' and '<unk>' are not tags."
        ),
        check=_check_html_tags,
        bad=(
            Example("The Seimas adopted the law.<br /> It enters into force on 1 May.", flagged="<br />"),
            Example("<p>The minister resigned on Friday.</p>", flagged="<p>"),
            Example('See the <a href="https://lrt.lt">report</a>.', flagged='<a href="https://lrt.lt">'),
        ),
        good=(
            Example("Inflation fell to < 3 percent while wages rose > 10 percent."),
            Example("The ratio 2 < x > 1 holds."),
        ),
        suggestion="Strip the markup before publishing the plain text.",
    ),
    Rule(
        code="MT604",
        name="html-entity",
        category="boilerplate",
        severity=Severity.MINOR,
        summary="An HTML entity (&nbsp;, &amp;, &#8211;) left in plain text",
        explanation=(
            "An entity left unescaped in plain text shows as code where a space, dash or quotation mark "
            "should be. Minor: the meaning is intact. Markdown renders entities, so .md files are skipped."
        ),
        check=_check_html_entities,
        bad=(
            Example("The price rose by&nbsp;5 percent.", flagged="&nbsp;"),
            Example("Procter &amp; Gamble opened an office in Vilnius.", flagged="&amp;"),
            Example("The years 2019&#8211;2021 were difficult.", flagged="&#8211;"),
        ),
        good=(
            Example("AT&T and Procter & Gamble opened offices in Vilnius."),
            Example("R&D spending rose; &c. is an old abbreviation."),
        ),
        suggestion="Replace the entity by its character.",
    ),
    Rule(
        code="MT605",
        name="share-button-text",
        category="boilerplate",
        severity=Severity.MAJOR,
        summary="Share, subscribe, 'Read more' or 'Follow us' button text left as a line of the article",
        explanation=(
            "Scrapers copy the page's buttons and related-link blocks with the article, and the MT "
            "translates them ('Dalintis' -> 'Share', 'Skaityti daugiau' -> 'Read more', 'Taip pat "
            "skaitykite' -> 'Also read'). Only whole lines are flagged: 'share' inside a sentence is prose."
        ),
        check=_check_button_text,
        bad=(
            Example(
                "The train will run twice a day.\nShare on Facebook\nThe tickets cost 20 euros.",
                flagged="Share on Facebook",
            ),
            Example(
                "The budget was approved.\nRead also: Seimas rejects tax reform",
                flagged="Read also: Seimas rejects tax reform",
            ),
            Example("The budget was approved.\nShare | Tweet | Email", flagged="Share | Tweet | Email"),
            Example("The budget was approved.\nFollow us on Facebook!", flagged="Follow us on Facebook!"),
        ),
        good=(
            Example("Residents can share their opinion on the plan until Friday."),
            Example("Read more about the reform in the ministry's report, the spokesman said."),
        ),
        suggestion="Delete the line; strip page navigation when scraping.",
    ),
    Rule(
        code="MT606",
        name="mojibake",
        category="boilerplate",
        severity=Severity.MAJOR,
        summary="Lithuanian letters garbled by a wrong character encoding ('KlaipÄ—da', 'Å iauliai')",
        explanation=(
            "UTF-8 text read as Windows-1252, Latin-1 or the Baltic code page Windows-1257 turns each "
            "Lithuanian letter into two characters (ė -> 'Ä—', š -> 'Å¡') and each typographic quotation "
            "mark into three ('â€ž'). The sequences are computed in data/boilerplate.toml; a letter sequence "
            "is flagged only inside a word. Names become unreadable, hence major. When the sequence stands "
            "for one letter, the suggestion is the repaired word."
        ),
        check=_check_mojibake,
        bad=(
            Example("The ship returned to KlaipÄ—da on Wednesday.", flagged="KlaipÄ—da"),
            Example("Å\xa0iauliai airport will be closed.", flagged="Å\xa0iauliai"),
            Example("The airport of Å iauliai will be closed.", flagged="Å iauliai"),
            Example("President Nausėda met Å imonytÄ— on Monday.", flagged="Å imonytÄ—"),
            Example("The CafÃ© opened on Monday.", flagged="CafÃ©"),
        ),
        good=(
            Example("The ship returned to Klaipėda on Wednesday."),
            Example("The Åland Islands and Århus are not in Lithuania; the unit is 10 Å."),
        ),
        suggestion="Re-decode the source text as UTF-8 (or Windows-1257) before translating.",
    ),
    Rule(
        code="MT607",
        name="mt-special-token",
        category="boilerplate",
        severity=Severity.MAJOR,
        summary="A token of the MT model (<unk>, </s>, BPE '@@') left in the output",
        explanation=(
            "Neural MT systems with a closed vocabulary write <unk> for a word they cannot produce (usually "
            "a name), and subword pipelines that are not post-processed leave '@@' or '▁' pieces. The word "
            "behind the token is lost."
        ),
        check=_check_special_tokens,
        bad=(
            Example("V. Ačienė about R.<unk>o's arrest.", flagged="<unk>"),
            Example("The mayor of Vil@@ nius resigned.", flagged="Vil@@"),
        ),
        good=(Example("Write to info@lrt.lt for details."),),
        suggestion="Translate the missing word from the source; post-process the MT output.",
    ),
)

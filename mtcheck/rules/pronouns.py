"""Pronoun gender: the pronouns that Lithuanian grammatical gender got wrong.

Lithuanian has no neuter: *kariuomenė* (army), *Vyriausybė* (government), *partija* (party) are
feminine, *Seimas*, *įstatymas* (law), *biudžetas* (budget) masculine, and the pronoun that refers to
them is *ji* "she" or *jis* "he". Machine translation copies that gender into English ("The army said
that she could deploy"). It also loses the gender of people when the Lithuanian sentence has no
subject pronoun ("Paulauskaitė reached the quarterfinals. In the second round, he defeated ...").

The antecedent of each gendered pronoun is resolved by :mod:`mtcheck.antecedents` (people from
``data/people.toml`` and ``data/first_names.toml``, things from ``data/noun_gender.toml``).
"""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.antecedents import Verdict, analyse, compile_nouns, pronoun_hits, pronoun_word
from mtcheck.model import Finding, Severity
from mtcheck.rules.base import Context, Example, Rule

_THING = {
    # pronoun (lowercase), its role -> (singular replacement, plural replacement)
    ("he", "subject"): ("it", "they"),
    ("she", "subject"): ("it", "they"),
    ("him", "object"): ("it", "them"),
    ("her", "object"): ("it", "them"),
    ("his", "possessive"): ("its", "their"),
    ("her", "possessive"): ("its", "their"),
    ("his", "possessive-alone"): ("its", "theirs"),
    ("hers", "possessive-alone"): ("its", "theirs"),
    ("himself", "reflexive"): ("itself", "themselves"),
    ("herself", "reflexive"): ("itself", "themselves"),
}
_PERSON = {
    ("he", "subject"): "she",
    ("she", "subject"): "he",
    ("him", "object"): "her",
    ("her", "object"): "him",
    ("his", "possessive"): "her",
    ("her", "possessive"): "his",
    ("his", "possessive-alone"): "hers",
    ("hers", "possessive-alone"): "his",
    ("himself", "reflexive"): "herself",
    ("herself", "reflexive"): "himself",
}
_GENDER_WORD = {"f": "feminine", "m": "masculine"}


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[0].upper() + word[1:] if like[0].isupper() else word


_CACHE: tuple[object, list[Verdict]] = (None, [])


def _verdicts(ctx: Context) -> list[Verdict]:
    """The analysis of the document, shared by the three rules (computed once per context)."""
    global _CACHE
    entry = _CACHE
    if entry[0] is ctx:
        return entry[1]
    hits = pronoun_hits(ctx.text)
    if not hits:
        verdicts: list[Verdict] = []
    else:
        nouns = ctx.lexicons.compiled("noun_gender", compile_nouns)
        verdicts = analyse(ctx.text, ctx.paragraphs, nouns, ctx.quotes, hits)
    _CACHE = (ctx, verdicts)
    return verdicts


def _message(verdict: Verdict) -> tuple[str, str]:
    pronoun, antecedent = verdict.pronoun, verdict.antecedent
    word = pronoun_word(pronoun.text)  # (not lower(): "ſhe", "HİS")
    key = (word, pronoun.role if (word, pronoun.role) in _THING else _fallback_role(word))
    if verdict.reason == "person":
        replacement = _cased(_PERSON[key], pronoun.text)
        who = "a woman" if antecedent.gender == "f" else "a man"
        cue = {
            "title": "by the title",
            "gazetteer": "",
            "first name": "by the first name",
            "surname": "by the surname",
            "article": "as named earlier",
            "role": "",
        }.get(antecedent.cue, "")
        message = (
            f"'{pronoun.text}' most likely refers to {antecedent.label}, {who}{(' ' + cue) if cue else ''}: "
            f"use '{replacement}'"
        )
        return message, replacement
    assert antecedent.noun is not None
    singular, plural = _THING[key]
    replacement = _cased(plural if antecedent.plural else singular, pronoun.text)
    lithuanian = "' / '".join(antecedent.noun.lithuanian(pronoun.gender))
    message = (
        f"'{pronoun.text}' most likely stands for '{antecedent.label}' (Lithuanian '{lithuanian}', "
        f"{_GENDER_WORD[pronoun.gender]}): use '{replacement}'"
    )
    if verdict.reason == "country":
        message += " (or keep the personification if it is deliberate)"
    return message, replacement


def _fallback_role(word: str) -> str:
    return {"he": "subject", "she": "subject", "him": "object", "his": "possessive", "hers": "possessive-alone"}.get(
        word, "reflexive"
    )


def _findings(ctx: Context, reason: str) -> Iterator[Finding]:
    for verdict in _verdicts(ctx):
        if verdict.reason != reason:
            continue
        message, replacement = _message(verdict)
        yield ctx.finding(
            verdict.pronoun.start,
            verdict.pronoun.end,
            message,
            suggestion=replacement,
            confidence=verdict.confidence,
            antecedent=verdict.antecedent.label,
        )


def _check_thing(ctx: Context) -> Iterator[Finding]:
    yield from _findings(ctx, "thing")


def _check_person(ctx: Context) -> Iterator[Finding]:
    yield from _findings(ctx, "person")


def _check_country(ctx: Context) -> Iterator[Finding]:
    yield from _findings(ctx, "country")


RULES = (
    Rule(
        code="MT101",
        name="gendered-pronoun-for-thing",
        category="pronoun-gender",
        severity=Severity.MAJOR,
        summary="'he'/'she' for a thing whose Lithuanian noun is masculine or feminine",
        explanation=(
            "Lithuanian has no neuter gender: kariuomenė (army), Vyriausybė (government), partija (party) "
            "are feminine, Seimas, įstatymas (law), sprendimas (decision) masculine, and the pronoun that "
            "refers to them is 'ji' (she) or 'jis' (he). Machine translation carries that gender into "
            "English, where an institution, a law or an army is 'it' (or 'they' for a plural such as "
            "'troops'). The rule resolves the pronoun to its most likely antecedent (same sentence, then "
            "the previous sentences of the paragraph, by grammatical role and recency) and flags it when "
            "that is a thing whose Lithuanian noun has the pronoun's gender and no person who could be "
            "meant is about as salient. A ship is legitimately 'she' and never flagged."
        ),
        check=_check_thing,
        bad=(
            Example(
                "Now there are no Russian troops in Belarus. Do you think Putin would like her to appear there?",
                flagged="her",
            ),
            Example("The Freedom Party has announced that she will not support the tax reform.", flagged="she"),
            Example(
                "The Seimas adopted the law on Tuesday with 85 votes in favour. He also approved a resolution.",
                flagged="He",
            ),
            Example("The army said that she could deploy combat units to the border within hours.", flagged="she"),
        ),
        good=(
            Example("The army said that it could deploy combat units to the border within hours."),
            Example("The research vessel Mintis returned to Klaipėda. She is expected to sail again in the autumn."),
            Example("Prime Minister Ingrida Šimonytė said that she expects the Seimas to adopt the budget."),
        ),
        suggestion="Use 'it'/'its' for a singular thing, 'they'/'them'/'their' for a plural one.",
    ),
    Rule(
        code="MT102",
        name="pronoun-wrong-person-gender",
        category="pronoun-gender",
        severity=Severity.MAJOR,
        summary="'he' for a woman or 'she' for a man named just before",
        explanation=(
            "Lithuanian often leaves the subject pronoun out ('Antrajame rate įveikė ...', 'in the second "
            "round [she] defeated'), and the verb does not show the gender, so machine translation guesses "
            "'he'. The rule knows the gender of people named in the article from a gazetteer of people in "
            "Lithuanian and regional news, first names, titles (Mr, Ms, spokeswoman) and surname "
            "morphology (Lithuanian -ienė, -aitė, -ytė, -utė, -iūtė are women's surnames; -as, -is, -ys, "
            "-us, -ius men's; Slavic -ova, -eva, -skaya women's, -ov, -ev, -sky men's), and flags a "
            "pronoun of the other gender when that person is its most likely antecedent and no one of "
            "the pronoun's gender could be meant."
        ),
        check=_check_person,
        bad=(
            Example(
                "Lithuanian tennis player Eglė Paulauskaitė has reached the quarterfinals of the tournament. "
                "In the second round, he defeated the seventh seed in three sets.",
                flagged="he",
            ),
            Example(
                "Minister of Education Jurgita Šiugždinienė visited the school on Monday. He said that the "
                "reform would continue.",
                flagged="He",
            ),
        ),
        good=(
            Example(
                "President Gitanas Nausėda met his Polish counterpart, Andrzej Duda, in Warsaw. He said the "
                "alliance had never been stronger."
            ),
            Example(
                "Yulia Navalnaya addressed the European Parliament after her husband died. She accused "
                "Vladimir Putin of being responsible for his death."
            ),
        ),
        suggestion="Use the pronoun of the person's gender.",
    ),
    Rule(
        code="MT103",
        name="personified-country",
        category="pronoun-gender",
        severity=Severity.MINOR,
        summary="'she'/'her' for a country whose Lithuanian name is feminine",
        explanation=(
            "Lietuva, Rusija, Lenkija are feminine, and machine translation writes 'Lithuania ... her "
            "borders'. Older English personified nations as 'she', so this is only minor, but modern news "
            "English uses 'it'/'its'."
        ),
        check=_check_country,
        bad=(
            Example(
                "Russia has moved more troops to the border. She wants to show strength before the talks.",
                flagged="She",
            ),
        ),
        good=(Example("Russia has moved more troops to the border. It wants to show strength before the talks."),),
        suggestion="Use 'it'/'its' for a country.",
    ),
)

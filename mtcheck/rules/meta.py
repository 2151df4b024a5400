"""Meta rules: findings about the check itself rather than about the translation.

``MT001 unused-suppression`` is raised by :mod:`mtcheck.suppression` (its check is a no-op): a
``<!-- mtcheck: ignore[...] -->``, ``disable[...]`` or ``file-ignore[...]`` directive, or one of its
rule selectors, that silenced nothing.

Codes: the MT0xx block is outside every artifact family on purpose, so that selecting a family by
prefix (``--select MT9`` for punctuation) never picks a meta rule up by accident.

Category of MT001: the contract's categories describe artifacts of the text, and a stale directive is
not a translation error; the closest of them is ``boilerplate`` ("scraper and CMS leftovers"): a
directive that no longer applies is non-prose markup left behind in the document when the text under
it changed, exactly the kind of leftover that category collects, and it is what an editor cleans up
in the same pass. It is minor: it costs one point per 1,000 words and never fails a document alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.model import Finding, Severity
from mtcheck.rules.base import Context, Example, Rule


def _no_op(ctx: Context) -> Iterator[Finding]:
    """The findings of MT001 are made by mtcheck.suppression after every other rule has run."""
    return iter(())


RULES = (
    Rule(
        code="MT001",
        name="unused-suppression",
        category="boilerplate",
        severity=Severity.MINOR,
        summary="A suppression comment that silences nothing",
        explanation=(
            "An `<!-- mtcheck: ignore[...] -->`, `disable[...]` or `file-ignore[...]` directive (or one of "
            "its rule codes) under which no finding of the named rules was raised. Either the text was "
            "fixed and the directive is stale, or the code is misspelt; a stale directive would silently "
            "hide the next real problem in that paragraph. A selector that names no rule at all (a typo) "
            "is always reported; one naming only rules that are not selected in this run is not. The "
            "category is `boilerplate` because a stale directive is a markup leftover, not a translation error."
        ),
        check=_no_op,
        bad=(
            Example(
                "<!-- mtcheck: ignore[repeated-wrod] -->\nThe the budget was approved.", flagged="repeated-wrod"
            ),
        ),
        good=(
            Example("<!-- mtcheck: ignore[MT801] -->\nThe the budget was approved on Wednesday."),
            Example("The budget was approved on Wednesday."),
        ),
        suggestion="Remove the directive, or the codes in it that no longer match anything.",
    ),
)

"""The command line: a thin typer app over the engine and the reporters.

Exit codes: 0 every document passes; 1 at least one fails; 2 a usage, configuration or input error
(one line on standard error naming the file and line; every other input is still checked).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from typer._click.exceptions import NoArgsIsHelpError as _NoArgsIsHelp
from typer._click.exceptions import UsageError as _UsageError

from mtcheck import __version__

app = typer.Typer(
    name="mtcheck",
    help="Find machine-translation artifacts in English news translated from Lithuanian.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _fail(message: str) -> None:
    sys.stderr.write(f"mtcheck: error: {message}\n")


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mtcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Find machine-translation artifacts in English news translated from Lithuanian."""


def _formats() -> str:
    from mtcheck.reporters import FORMATS

    return ", ".join(FORMATS)


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories (walked recursively) or '-' for standard input."),
    ],
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", help="text, json, jsonl, sarif, junit, github, csv, markdown or html."),
    ] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE.")] = None,
    source: Annotated[
        Path | None, typer.Option("--source", help="Lithuanian source of a single plain document.")
    ] = None,
    reference: Annotated[
        Path | None, typer.Option("--reference", help="Human English reference of a single plain document.")
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Rules to run: codes, prefixes, names or categories.")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Rules to skip.")] = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="Fail a document on a finding at or above: minor, major, critical.")
    ] = None,
    fail_under: Annotated[
        float | None, typer.Option("--fail-under", help="Fail a document whose score is under this (0-100).")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="Configuration file (default: nearest mtcheck.toml/pyproject).")
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when documents fail.")] = False,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour the text report (default: on a terminal).")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1,
                     help="Worker processes (default: the number of cores, capped by a container's CPU quota)."),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar on standard error (default: on a terminal)."),
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Report (and fail on) only findings not in this baseline.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Record every finding of this run in FILE.")
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print counts per rule and per category instead of findings.")
    ] = False,
) -> None:
    """Check documents and report the machine-translation artifacts found."""
    code = run_check(
        paths, output_format, output, source, reference, _split(select), _split(ignore),
        fail_on, fail_under, config, exit_zero, color, jobs, progress, baseline, write_baseline, statistics,
    )
    raise typer.Exit(code)


def _load_settings(
    paths: list[str],
    config_path: Path | None,
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: str | None,
    fail_under: float | None,
) -> Any:
    from mtcheck.config import Config, ConfigError, build_settings, find_config, load_config
    from mtcheck.lexicons import LexiconError
    from mtcheck.model import Severity
    from mtcheck.rules import unknown_selectors

    errors: list[str] = []
    level = None
    if fail_on is not None:
        try:
            level = Severity.parse(fail_on)
        except ValueError as error:
            errors.append(f"--fail-on: {error}")
    if fail_under is not None and not 0 <= fail_under <= 100:
        errors.append("--fail-under must be from 0 to 100")
    for flag, values in (("--select", select), ("--ignore", ignore)):
        for selector in unknown_selectors(values or []):
            errors.append(f"{flag}: unknown rule or prefix {selector!r}")
    if config_path is not None and not config_path.is_file():
        errors.append(f"{config_path}: no such configuration file")
        config_path = None
    if config_path is None and not errors:
        first = next((Path(p) for p in paths if p != "-"), Path.cwd())
        config_path = find_config(first if first.exists() else Path.cwd())
    configuration = Config()
    if config_path is not None and not errors:
        try:
            configuration = load_config(config_path)
        except ConfigError as error:
            errors.extend(f"{error.path}: {message}" for message in error.errors)
    if errors:
        for message in errors:
            _fail(message)
        return None
    try:
        return build_settings(configuration, select, ignore, level, fail_under)
    except LexiconError as error:
        for message in error.errors:
            _fail(message)
        return None


def _overwrites_input(output: Path, paths: list[str], *sides: Path | None) -> bool:
    """Whether ``output`` is one of the inputs (or, for a directory input, a file inside it that would be read)."""
    target = output.resolve()
    for given in [*paths, *(str(side) for side in sides if side is not None)]:
        if given == "-":
            continue
        path = Path(given).resolve()
        if path == target:
            return True
        if path.is_dir() and path in target.parents and target.exists():
            from mtcheck.inputs import reader_for

            return reader_for(str(target)) is not None
    return False


def _is_plain(path: str) -> bool:
    from mtcheck.inputs import READERS

    return path == "-" or (not Path(path).is_dir() and Path(path).suffix.lower() in READERS)


def _read_side(path: Path) -> Any:
    """The text of a --source or --reference file, whatever its extension; or an InputError."""
    from mtcheck.inputs.decode import DecodeError, decode
    from mtcheck.model import InputError

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return InputError(str(path), "no such file or directory")
    except IsADirectoryError:
        return InputError(str(path), "is a directory")
    except OSError as error:
        return InputError(str(path), f"cannot read: {error.strerror or error}")
    try:
        text = decode(data)
    except DecodeError as error:
        return InputError(str(path), str(error))
    if not text.strip():
        return InputError(str(path), "empty file")
    return text


def _open_output(output: Path | None) -> TextIO:
    if output is None:
        return sys.stdout
    return output.open("w", encoding="utf-8", newline="\n")


def run_check(
    paths: list[str],
    output_format: str = "text",
    output: Path | None = None,
    source: Path | None = None,
    reference: Path | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: str | None = None,
    fail_under: float | None = None,
    config: Path | None = None,
    exit_zero: bool = False,
    color: bool | None = None,
    jobs: int | None = None,
    progress: bool | None = None,
    baseline: Path | None = None,
    write_baseline: Path | None = None,
    statistics: bool = False,
) -> int:
    from mtcheck.model import InputError
    from mtcheck.reporters import RunInfo, Summary, get_reporter

    try:
        reporter_class = get_reporter(output_format)
    except ValueError as error:
        _fail(str(error))
        return 2
    if statistics:
        if output_format not in ("text", "json"):
            _fail("--statistics works with --format text or json")
            return 2
        from mtcheck.reporters.statistics import StatisticsReporter

        reporter_class = StatisticsReporter
    settings = _load_settings(paths, config, select, ignore, fail_on, fail_under)
    if settings is None:
        return 2
    from mtcheck.baseline import Baseline, BaselineError, BaselineWriter

    known = None
    if baseline is not None:
        try:
            known = Baseline.load(baseline)
        except BaselineError as error:
            _fail(str(error))
            return 2
    recorder = BaselineWriter() if write_baseline is not None else None
    side: dict[str, str | None] = {"source": None, "reference": None}
    summary = Summary()
    for key, side_path in (("source", source), ("reference", reference)):
        if side_path is None:
            continue
        if len(paths) != 1 or not _is_plain(paths[0]):
            _fail(f"--{key} needs exactly one plain document (.txt, .md, .html or '-') to check; "
                  f"corpora and translator files carry their own {key}")
            return 2
        text_or_error = _read_side(side_path)
        if isinstance(text_or_error, InputError):
            summary.errors.append(text_or_error)
            _fail(str(text_or_error).removeprefix("mtcheck: error: "))
        else:
            side[key] = text_or_error
    for flag, target in (("--output", output), ("--write-baseline", write_baseline)):
        if target is not None and _overwrites_input(target, paths, source, reference, baseline):
            _fail(f"{target}: {flag} would overwrite an input file; choose another name")
            return 2
    if output is not None and write_baseline is not None and output.resolve() == write_baseline.resolve():
        _fail(f"{output}: --output and --write-baseline name the same file")
        return 2
    try:
        stream = _open_output(output)
    except OSError as error:
        _fail(f"{output}: cannot write: {error.strerror}")
        return 2
    from mtcheck.runner import WorkerError
    from mtcheck.signature import signature

    info = RunInfo(
        version=__version__,
        signature=signature(settings),
        rules=settings.rules,
        color=color if color is not None else (output is None and sys.stdout.isatty()),
        options={"format": output_format, "threshold": settings.score.threshold},
    )
    try:
        code = _report(
            reporter_class(stream, info), paths, side, settings, jobs, progress, known, recorder,
            write_baseline, summary, exit_zero,
        )
        stream.flush()  # a write error must surface here, not be lost at close
        return code
    except OSError as error:  # a full disk, a closed pipe: one line, not a traceback
        _fail(f"{output or '<stdout>'}: cannot write the report: {error.strerror or error}")
        return 2
    except WorkerError as error:  # a worker process was killed (out of memory): one line, not a traceback
        _fail(str(error))
        return 2
    finally:
        try:
            if stream is not sys.stdout:
                stream.close()
            else:
                stream.flush()
        except OSError:
            pass


def _report(
    reporter: Any,
    paths: list[str],
    side: dict[str, str | None],
    settings: Any,
    jobs: int | None,
    progress: bool | None,
    known: Any,
    recorder: Any,
    write_baseline: Path | None,
    summary: Any,
    exit_zero: bool,
) -> int:
    """Check every input and feed the reporter; the exit code."""
    from mtcheck.inputs import attach, iter_documents
    from mtcheck.model import InputError
    from mtcheck.progress import progress_bar
    from mtcheck.runner import default_jobs, run

    documents = iter_documents(paths)
    if side["source"] or side["reference"]:
        documents = (
            item if isinstance(item, InputError) else attach(item, side["source"], side["reference"])
            for item in documents
        )
    with progress_bar(enabled=progress) as advance:
        sentences = getattr(reporter, "needs_sentences", False)  # (only the text report shows them)
        for outcome in run(documents, settings, jobs or default_jobs(), sentences=sentences):
            if isinstance(outcome, InputError):
                summary.errors.append(outcome)
                sys.stderr.write(str(outcome) + "\n")
                continue
            if recorder is not None:
                recorder.add(outcome)
            if known is not None:
                outcome = known.filter(outcome, settings)
            summary.add(outcome)
            reporter.document(outcome)
            advance(outcome.words)
    summary.finish_metrics()
    reporter.finish(summary)
    if recorder is not None and write_baseline is not None:
        try:
            recorder.write(write_baseline)
        except OSError as error:
            _fail(f"{write_baseline}: cannot write baseline: {error.strerror}")
            return 2
    if summary.errors:
        return 2
    if summary.failed and not exit_zero:
        return 1
    return 0


@app.command("rules")
def rules_command(
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json or markdown.")] = "text",
) -> None:
    """List every rule: code, name, category, default severity and summary."""
    from mtcheck.rules import all_rules

    rules = all_rules()
    if output_format == "json":
        import json

        payload = [
            {"code": r.code, "name": r.name, "category": r.category, "severity": r.severity.label,
             "summary": r.summary, "default_enabled": r.default_enabled, "needs_source": r.needs_source}
            for r in rules
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif output_format == "markdown":
        from mtcheck.docs import rules_markdown

        typer.echo(rules_markdown(), nl=False)
    elif output_format == "text":
        for r in rules:
            flags = " (needs source)" if r.needs_source else ""
            typer.echo(f"{r.code}  {r.name:<32} {r.category:<16} {r.severity.label:<9}{r.summary}{flags}")
    else:
        _fail(f"unknown format {output_format!r} (choose from text, json, markdown)")
        raise typer.Exit(2)


@app.command("rule")
def rule_command(code: Annotated[str, typer.Argument(help="A rule code or name, e.g. MT201.")]) -> None:
    """Print one rule's documentation."""
    from mtcheck.rules import get_rule

    rule = get_rule(code)
    if rule is None:
        _fail(f"unknown rule {code!r} (see `mtcheck rules`)")
        raise typer.Exit(2)
    typer.echo(rule.doc(), nl=False)


def main() -> None:
    # Start-up builds large lexicon structures (some 10^5 objects): with the default threshold (700
    # allocations) the cyclic collector would walk them about a hundred times, and again at exit. A
    # higher threshold still collects cyclic garbage; freezing at exit skips the final walk.
    gc.set_threshold(50_000, 20, 20)
    try:
        code = app(standalone_mode=False)
    except typer.Exit as exit_:
        code = exit_.exit_code
    except _NoArgsIsHelp as error:
        sys.stderr.write(error.format_message() + "\n")  # `mtcheck` alone: the help, exit 2 as click does
        code = 2
    except _UsageError as error:
        # one line, as for every other error (click would print usage, a hint and a blank line)
        sys.stderr.write(f"mtcheck: error: {error.format_message()} (see mtcheck --help)\n")
        code = 2
    except typer.Abort:
        code = 130
    except KeyboardInterrupt:
        sys.stderr.write("mtcheck: interrupted\n")
        sys.exit(130)
    finally:
        gc.freeze()
    if code == 130:  # typer turns Ctrl-C into exit code 130, silently
        sys.stderr.write("mtcheck: interrupted\n")
    sys.exit(code if isinstance(code, int) else 0)

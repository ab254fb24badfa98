"""The command line: options in, library calls, output and exit code out. Nothing else here."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from typer.core import TyperGroup

from targetcheck import __version__
from targetcheck.errors import ExitCode, TargetcheckError, one_line, write_stderr

try:  # typer vendors click from 0.2x on
    from typer import _click as click_api  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import click as click_api  # type: ignore[no-redef]

_NoArgsIsHelp = getattr(click_api.exceptions, "NoArgsIsHelpError", ())


class _OneLineUsageErrors(TyperGroup):
    """Usage errors found while parsing the command line (an unknown option, a missing value or
    argument) are said like every other error: one line on stderr, with the command's --help as
    the hint, exit 2. Click would print the usage block and a separate `Error:` line."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[no-untyped-def, override]
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NoArgsIsHelp as exc:  # `targetcheck` alone: the help, as before
            exc.show()
            sys.exit(exc.exit_code)
        except click_api.exceptions.UsageError as exc:
            words = list(args) if args is not None else sys.argv[1:]
            named = f"targetcheck {words[0]}" if words and words[0] in self.commands else "targetcheck"
            command = exc.ctx.command_path if exc.ctx is not None else named
            message = exc.format_message().rstrip(".")
            _say(f"targetcheck: error: {message} (hint: see `{command} --help`)")
            sys.exit(exc.exit_code)
        except click_api.exceptions.Abort:
            _say("targetcheck: interrupted")
            sys.exit(ExitCode.ERROR)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

EXIT_CODES_HELP = (
    "\b\nExit codes:\n"
    "  0  the command ran, whatever the verdicts\n"
    "  1  --fail-on matched at least one result shown\n"
    "  2  usage, configuration or input error (one line on stderr says what and where)\n"
    "  3  internal error: a bug in targetcheck (TARGETCHECK_DEBUG=1 shows the traceback)"
)


def _epilog(*examples: str) -> str:
    """Help text after the options: the exit codes, then `Example:` lines (always last)."""
    return EXIT_CODES_HELP + "\n\n\b\n" + "\n".join(f"Example: {e}" for e in examples)

app = typer.Typer(
    name="targetcheck",
    help=(
        "Hold governments to their own words: the targets one year's work report sets, against what "
        "the next year's report says happened."
    ),
    epilog=_epilog("targetcheck check --status missed,unreported"),
    add_completion=False,
    no_args_is_help=True,
    cls=_OneLineUsageErrors,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

TargetsOption = Annotated[
    Path | None,
    typer.Option("--targets", metavar="PATH", help="The curated map of targets [default: ./targets.yaml]."),
]
CorpusOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--corpus",
        metavar="PATH",
        help="A report file or a folder of them; repeatable. Replaces the corpus named in targets.yaml.",
    ),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", metavar="FORMAT", help="table, json, csv or markdown.")
]


def _filter(name: str, metavar: str, help: str) -> typer.models.OptionInfo:
    return typer.Option(name, metavar=metavar, help=help + " Repeatable, or a comma list.")


StatusFilter = Annotated[
    list[str] | None, _filter("--status", "VERDICT", "Show only these verdicts: met, missed, unreported, pending.")
]
YearFilter = Annotated[list[str] | None, _filter("--year", "YEAR", "Show only the targets set for these years.")]
TagFilter = Annotated[list[str] | None, _filter("--tag", "TAG", "Show only targets with one of these tags.")]
IdFilter = Annotated[
    list[str] | None, _filter("--id", "GLOB", "Show only these target ids; globs work: '2017.*', '*income*'.")
]
IndicatorFilter = Annotated[
    list[str] | None, _filter("--indicator", "SLUG", "Show only these indicators, e.g. gdp-growth.")
]
FailOnOption = Annotated[
    list[str] | None,
    typer.Option(
        "--fail-on",
        metavar="VERDICTS",
        help="Exit 1 when a result shown is missed, unreported or pending (comma list); judged after the filters.",
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="PATH", help="Write to PATH, whole or not at all (never a partial file); - is stdout."
    ),
]
BomOption = Annotated[
    bool,
    typer.Option("--bom", help="CSV only: start with a UTF-8 byte-order mark, so that Excel reads the Chinese text."),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        help="Check in N processes [default: one per core, for corpora of 48 files or more; 1: this process alone].",
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Neither read nor write the cache of loaded targets.yaml, read reports and runs (also TARGETCHECK_NO_CACHE=1).",
    ),
]


def _version(value: bool) -> None:
    if value:
        print(f"targetcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    pass


AutoOption = Annotated[
    bool,
    typer.Option(
        "--auto",
        help=(
            "Also find the headline targets (今年主要预期目标是…) of every report in the corpus and check them. "
            "Alone, it uses no targets.yaml target; with --targets, a curated target replaces the found one "
            "with the same id and city."
        ),
    ),
]


@app.command(
    epilog=_epilog(
        "targetcheck check --format csv --bom --output verdicts.csv",
        "targetcheck check --year 2024 --fail-on missed,unreported",
        "targetcheck check --auto --corpus reports/ --format csv > panel.csv",
    )
)
def check(
    targets: TargetsOption = None,
    corpus: CorpusOption = None,
    format: FormatOption = "table",
    auto: AutoOption = False,
    status: StatusFilter = None,
    year: YearFilter = None,
    tag: TagFilter = None,
    id: IdFilter = None,
    indicator: IndicatorFilter = None,
    fail_on: FailOnOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Check every target in targets.yaml against the later reports in the corpus."""
    from targetcheck.commands.check import CheckOptions, run_check_command

    _run(
        lambda: run_check_command(
            CheckOptions.from_cli(
                targets=targets, corpus=corpus, format=format, auto=auto, status=status, year=year, tag=tag,
                id=id, indicator=indicator, fail_on=fail_on, output=output, bom=bom, jobs=jobs, no_cache=no_cache,
            )
        )
    )


@app.command(epilog=_epilog("targetcheck show 2024.gdp-growth", "targetcheck show 2024.gdp-growth --format json"))
def show(
    target_id: Annotated[str, typer.Argument(metavar="ID", help="A target id from targets.yaml, e.g. 2024.gdp-growth.")],
    targets: TargetsOption = None,
    corpus: CorpusOption = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")] = "text",
) -> None:
    """Everything about one target: its quote, rule, outcome, and every place the rule looked."""
    from targetcheck.commands.show import ShowOptions, run_show_command

    _run(lambda: run_show_command(ShowOptions(target_id, targets=targets, corpus=corpus or [], format=format)))


@app.command(epilog=_epilog("targetcheck reports --corpus seeds/ --format json"))
def reports(
    corpus: CorpusOption = None,
    targets: TargetsOption = None,
    format: FormatOption = "table",
) -> None:
    """List the report files in the corpus: year, city, date, speaker, sections, warnings."""
    from targetcheck.commands.reports import run_reports_command

    _run(lambda: run_reports_command(corpus or [], targets, format))


@app.command(
    epilog=_epilog(
        "targetcheck scan seeds/003_f70d05a2e53d4ccd.txt",
        "targetcheck scan seeds/003_f70d05a2e53d4ccd.txt --format yaml > draft.yaml",
    )
)
def scan(
    reports: Annotated[list[Path], typer.Argument(metavar="REPORT...", help="Report files (or folders of them).")],
    targets: Annotated[
        Path | None,
        typer.Option("--targets", metavar="PATH", help="targets.yaml for coverage [default: ./targets.yaml if present]."),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="table, json, or yaml (draft targets for the uncovered).")
    ] = "table",
) -> None:
    """List every quantified commitment in a report's plan, and whether targets.yaml covers it."""
    from targetcheck.commands.scan import ScanOptions, run_scan_command

    _run(lambda: run_scan_command(ScanOptions(reports=reports, targets=targets, format=format)))


@app.command(
    epilog="Exit codes: 0 no errors (warnings allowed); 2 errors found, or a usage error; "
    "3 internal error.\n\n\b\nExample: targetcheck lint\nExample: targetcheck lint --targets targets.yaml --format json"
)
def lint(
    targets: TargetsOption = None,
    corpus: CorpusOption = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")] = "text",
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of targets.yaml and exit.")
    ] = False,
) -> None:
    """Check targets.yaml without running the check: syntax, keys, types, ids, regexes, quotes."""
    from targetcheck.commands.lint import LintOptions, run_lint_command

    _run(lambda: run_lint_command(LintOptions(targets=targets, corpus=corpus or [], format=format, schema=schema)))


def _run(action: object) -> NoReturn:
    """Run a command body; turn the tool's errors into one line on stderr and an exit code."""
    try:
        code = action()  # type: ignore[operator]
    except TargetcheckError as exc:
        _fail(f"targetcheck: error: {exc}", exc.exit_code)
    except BrokenPipeError:
        _quiet_pipe_exit()
    except KeyboardInterrupt:
        _fail("targetcheck: interrupted", ExitCode.ERROR)
    except Exception as exc:  # a bug: say so, without a traceback unless asked
        if os.environ.get("TARGETCHECK_DEBUG"):
            raise
        _fail(
            f"targetcheck: internal error: {type(exc).__name__}: {exc} "
            "(a bug in targetcheck; run with TARGETCHECK_DEBUG=1 for the traceback and report it)",
            ExitCode.INTERNAL,
        )
    raise typer.Exit(int(code or ExitCode.OK))


def _fail(message: str, code: int) -> NoReturn:
    _say(message)
    raise typer.Exit(int(code))


def _say(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    write_stderr(one_line(message))


def _quiet_pipe_exit() -> NoReturn:
    # The reader went away (`| head`): stop quietly, and keep Python from complaining at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise typer.Exit(int(ExitCode.OK))


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()

"""`sdi` entry point: global options, the sub-commands, and one-line errors with a non-zero exit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sdi import __version__
from sdi.cli import (
    agreement,
    anonymise,
    check,
    code,
    codebook,
    cooccurrence,
    corpus,
    db,
    export,
    figure,
    keywords,
    matrix,
    merge,
    nlp,
    project,
    pseudonym,
    refi,
    search,
    show,
    status,
)

COMMANDS = (
    project,
    corpus,
    status,
    show,
    search,
    keywords,
    code,
    matrix,
    cooccurrence,
    figure,
    codebook,
    merge,
    agreement,
    export,
    refi,
    pseudonym,
    anonymise,
    check,
    nlp,
    db,
)
EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sdi",
        description="Terminal workbench for stepwise-deductive induction (SDI) on focus-group transcripts.",
        epilog="Without a command, sdi opens the workbench (or prints the status when not in a terminal).",
    )
    parser.add_argument("--version", action="version", version=f"sdi {__version__}")
    parser.add_argument(
        "--project",
        "-p",
        type=Path,
        metavar="DIR",
        help="project folder (default: the nearest folder with sdi.toml at or above the cwd)",
    )
    parser.add_argument("--coder", metavar="NAME", help="who is coding (default: SDI_CODER, sdi.toml, login)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from sdi.cli import workbench

        args.handler = workbench.run
    try:
        return int(args.handler(args) or 0)
    except BrokenPipeError:  # `sdi show … | head`: the reader left; not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("sdi: interrupted; everything committed so far is kept", file=sys.stderr)
        return 130
    except Exception as exc:  # one line for the researcher, never a traceback for known problems
        known = _known_errors()
        if isinstance(exc, known):
            message = str(exc).strip()
            if type(exc).__module__.startswith("sqlalchemy"):  # the driver's words, not the SQL it ran
                message = message.splitlines()[0] if message else type(exc).__name__
            print(f"sdi: error: {message}", file=sys.stderr)
            return EXIT_ERROR
        raise


def _known_errors() -> tuple[type[BaseException], ...]:
    from sdi.workflow.errors import reportable_errors

    return reportable_errors()


if __name__ == "__main__":
    sys.exit(main())

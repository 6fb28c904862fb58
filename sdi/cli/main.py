"""`sdi` entry point: global options, the sub-commands, and one-line errors with a non-zero exit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from types import ModuleType

from sdi import __version__
from sdi.cli.language import language_of, parser_class
from sdi.i18n import t

# The command modules, in the order `sdi --help` lists them; each is imported only when its command runs (or
# for the full help), so a command started from the shell pays for its own module alone.
COMMAND_MODULES = (
    "project",
    "corpus",
    "status",
    "show",
    "search",
    "keywords",
    "code",
    "matrix",
    "cooccurrence",
    "figure",
    "codebook",
    "merge",
    "agreement",
    "export",
    "refi",
    "pseudonym",
    "anonymise",
    "check",
    "nlp",
    "db",
)
# Sub-command → the module that registers it (where the two names differ; a test checks the whole map).
COMMAND_OF = {"init": "project", "import": "corpus", "reindex": "nlp"}
_VALUED = ("--project", "-p", "--coder")  # global options that take a value
EXIT_ERROR = 2


def __getattr__(name: str) -> tuple[ModuleType, ...]:
    """`COMMANDS`: every command module, imported on first use (tests may replace it)."""
    if name == "COMMANDS":
        return tuple(import_module(f"sdi.cli.{module}") for module in COMMAND_MODULES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def command_named(argv: Sequence[str]) -> str | None:
    """The module of the command `argv` runs, or None when that is not plain (no command, --help or
    --version first, an unknown word): then every module is registered and argparse decides."""
    tokens = iter(argv)
    for token in tokens:
        if token in _VALUED:
            next(tokens, None)
        elif token.startswith("-"):
            joined = token.startswith(("--project=", "--coder=", "-p")) and token != "-p"
            if not joined:  # --help, --version, or an option this scan does not know
                return None
        else:
            module = COMMAND_OF.get(token, token)
            return module if module in COMMAND_MODULES else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given `argv`, with only the sub-command it runs registered (when that is plain)."""
    parser = parser_class(argv)(
        prog="sdi",
        description="desc.sdi",
        epilog="epilog.sdi",
    )
    parser.add_argument("--version", action="version", version=f"sdi {__version__}", help="argparse.version")
    parser.add_argument(
        "--project",
        "-p",
        type=Path,
        metavar="meta.dir",
        help="help.main.project",
    )
    parser.add_argument("--coder", metavar="meta.name", help="help.main.coder")
    sub = parser.add_subparsers(dest="command", metavar="meta.command")
    replaced = globals().get("COMMANDS")  # a test's own list of command modules
    named = None if replaced else command_named(sys.argv[1:] if argv is None else argv)
    modules: Sequence[ModuleType]
    modules = (import_module(f"sdi.cli.{named}"),) if named else replaced or __getattr__("COMMANDS")
    for module in modules:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    args.language = language_of(argv)  # the language of the command line's own lines (cheap, cached)
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
        print(t("cli.interrupted", language_of(argv)), file=sys.stderr)
        return 130
    except Exception as exc:  # one line for the researcher, never a traceback for known problems
        known = _known_errors()
        if isinstance(exc, known):
            language = language_of(argv)
            message = described(exc, language).strip()
            if type(exc).__module__.startswith("sqlalchemy"):  # the driver's words, not the SQL it ran
                message = message.splitlines()[0] if message else type(exc).__name__
            print(f"sdi: {t('cli.error', language)}: {message}", file=sys.stderr)
            return EXIT_ERROR
        raise


def described(error: BaseException, language: str) -> str:
    """A known error in `language`: said again from its catalogue key when it carries one."""
    from sdi.workflow.errors import describe

    return describe(error, language)


def _known_errors() -> tuple[type[BaseException], ...]:
    from sdi.workflow.errors import reportable_errors

    return reportable_errors()


if __name__ == "__main__":
    sys.exit(main())

"""The command line in the project's language: help, usage, argparse's own words and its errors.

`parser_class(argv)` gives `sdi.cli.main` an `ArgumentParser` subclass whose help texts, descriptions, group
titles and metavars may be catalogue keys (`help="help.search.query"`), said when the help is printed in the
language of the nearest `sdi.toml` (or `--project`'s), bokmål when there is none. The language is read only
when help or an error is shown, and cheaply (tomllib, no workflow), so `sdi status` pays nothing for it."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from sdi import safe_toml
from sdi.i18n import LANGUAGES, catalogue, t

_MAX_BYTES = 1024 * 1024  # more than any sdi.toml; a larger one is refused by the command itself
# argparse's own words (Python 3.11–3.13) → catalogue keys; they reach us through the formatter's sections
_SECTIONS = {
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "optional arguments": "argparse.options",
}
# argparse's error sentences, English as argparse writes them → the key that says them in the language
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"^the following arguments are required: (?P<names>.+)$", "argparse.required"),
        (r"^unrecognized arguments: (?P<names>.+)$", "argparse.unrecognized"),
        (r"^argument (?P<name>[^:]+): (?P<message>.+)$", "argparse.argument"),
        (r"^invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$", "argparse.invalid_choice"),
        (r"^expected one argument$", "argparse.expected_one"),
        (r"^expected at most one argument$", "argparse.expected_at_most_one"),
        (r"^expected at least one argument$", "argparse.expected_at_least_one"),
        (r"^expected (?P<count>\d+) arguments?$", "argparse.expected_n"),
        (r"^invalid (?P<type>\S+) value: (?P<value>.+)$", "argparse.invalid_value"),
        (r"^not allowed with argument (?P<name>.+)$", "argparse.not_allowed_with"),
        (r"^one of the arguments (?P<names>.+) is required$", "argparse.one_required"),
        (r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.+)$", "argparse.ambiguous"),
        (r"^ignored explicit argument (?P<value>.+)$", "argparse.ignored_explicit"),
        # the argparse types of sdi.cli.common
        (r"^not a whole number: (?P<value>.+)$", "argparse.not_whole"),
        (r"^must be from (?P<low>\S+) to (?P<high>\S+), not (?P<value>.+)$", "argparse.out_of_range"),
    )
)


def project_of(argv: Sequence[str]) -> Path | None:
    """The folder `--project`/`-p` names in `argv`, if any (the last one wins, as argparse has it)."""
    found: Path | None = None
    tokens = iter(argv)
    for token in tokens:
        if token in ("--project", "-p"):
            value = next(tokens, None)
            found = Path(value) if value else found
        elif token.startswith("--project="):
            found = Path(token.partition("=")[2])
        elif token.startswith("-p") and len(token) > 2 and not token.startswith("--"):
            found = Path(token[2:])
        elif token == "--":
            break
    return found


@cache
def project_language(project: Path | None) -> str:
    """`project.language` of `project`'s sdi.toml, or of the nearest one at or above the working folder;
    bokmål when there is none or it cannot be read (the command itself then says what is wrong)."""
    try:
        start = (project or Path.cwd()).resolve()
        folders = (start,) if project else (start, *start.parents)
        for folder in folders:
            path = folder / "sdi.toml"
            if path.is_file():
                text = path.read_bytes()[:_MAX_BYTES].decode("utf-8-sig")
                try:
                    language = safe_toml.loads(text).get("project", {}).get("language", "nb")
                except ValueError:  # TOML that does not parse: its refusal in the language it asks for
                    language = _language_line(text)
                return language if language in LANGUAGES else "nb"
    except Exception:  # any broken file: the command itself then says what is wrong
        pass
    return "nb"


_TABLE = re.compile(r"\s*\[\s*([A-Za-z0-9_.\"' -]*)")
_LANGUAGE = re.compile(r"""\s*language\s*=\s*["']([a-z]{2})["']""")


def _language_line(text: str) -> str:
    """`language = "…"` under `[project]`, read line by line from a file the TOML parser refuses."""
    table = ""
    for line in text.splitlines():
        header = _TABLE.match(line)
        if header:
            table = header.group(1).strip().strip("\"'")
            continue
        found = _LANGUAGE.match(line)
        if found and table == "project":
            return found.group(1)
    return "nb"


def language_of(argv: Sequence[str] | None) -> str:
    """The language the command line speaks for this run."""
    return project_language(project_of(sys.argv[1:] if argv is None else argv))


def said(text: str | None, language: str, prefix: str = "") -> str | None:
    """`text` in `language` when it is a catalogue key (starting with `prefix`), else as written."""
    if text and text.startswith(prefix) and text in catalogue():
        return t(text, language)
    return text


def argparse_message(message: str, language: str) -> str:
    """An argparse error sentence in `language` (those it does not know stay as argparse wrote them)."""
    for pattern, key in _ERRORS:
        match = pattern.match(message)
        if match:
            values = match.groupdict()
            for field in ("name", "names"):  # metavars that are catalogue keys, said as the help says them
                if field in values:
                    values[field] = ", ".join(
                        said(n, language, "meta.") or n for n in values[field].split(", ")
                    )
            if "message" in values:
                values["message"] = argparse_message(values["message"], language)
            return t(key, language, **values)
    return message


class Formatter(argparse.HelpFormatter):
    """argparse's help layout, with catalogue keys and argparse's headings said in the run's language."""

    language = "nb"

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        said_prefix = prefix if prefix is not None else t("argparse.usage", self.language)
        super().add_usage(usage, actions, groups, said_prefix)

    def start_section(self, heading: str | None) -> None:
        key = _SECTIONS.get(heading or "")
        super().start_section(t(key, self.language) if key else said(heading, self.language))

    def add_text(self, text: str | None) -> None:
        super().add_text(said(text, self.language))

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return said(action.help, self.language)

    def _metavar_formatter(
        self, action: argparse.Action, default_metavar: str
    ) -> Callable[[int], tuple[str, ...]]:
        if isinstance(action.metavar, str):
            action = _with_metavar(action, said(action.metavar, self.language, "meta."))
        return super()._metavar_formatter(action, default_metavar)


def _with_metavar(action: argparse.Action, metavar: str | None) -> argparse.Action:
    import copy

    shown = copy.copy(action)
    shown.metavar = metavar
    return shown


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the run's language: its own `-h/--help`, its help through `Formatter`,
    and argparse's error sentences said again by `error`. Sub-parsers are made of the same class."""

    language_source: Callable[[], str] = staticmethod(lambda: "nb")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _formatter_for(self.language_source))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="argparse.help")

    @property
    def language(self) -> str:
        return self.language_source()

    def error(self, message: str) -> NoReturn:
        language = self.language
        self.print_usage(sys.stderr)
        said_again = argparse_message(message, language)
        self.exit(2, f"{self.prog}: {t('cli.error', language)}: {said_again}\n")


def _formatter_for(language: Callable[[], str]) -> Callable[..., argparse.HelpFormatter]:
    def make(prog: str, **kwargs: Any) -> argparse.HelpFormatter:
        formatter = Formatter(prog, **kwargs)
        formatter.language = language()
        return formatter

    return make


def parser_class(argv: Sequence[str] | None) -> type[Parser]:
    """A `Parser` whose language is that of the project this run's `argv` names (read when first needed)."""

    def source() -> str:
        return language_of(argv)

    return type("SdiParser", (Parser,), {"language_source": staticmethod(source)})

"""Helpers shared by the command modules (kept free of heavy imports)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.i18n import Notice, t
from sdi.publish import slug as slug

if TYPE_CHECKING:
    from sdi.publish import Written
    from sdi.workflow.project import Project


EXIT_NAMES = 3  # an export was refused because it contained real names
MAX_COUNT = 1_000_000  # --limit, --top, --min-count: more than any study holds, less than SQL's integers


def said_in(args: argparse.Namespace) -> str:
    """The language of the command's own lines: the run's (`sdi.cli.main` sets it), else the project's."""
    from sdi.cli.language import project_language

    return getattr(args, "language", None) or project_language(args.project)


def count(text: str) -> int:
    """A whole number no further from 0 than MAX_COUNT, for options that say how many (an argparse type;
    what makes sense is the workflow's to say, in one line)."""
    return _whole(text, -MAX_COUNT, MAX_COUNT)


def width(text: str) -> int:
    """A wrap width from 0 (the terminal's) to 10,000 (an argparse type)."""
    return _whole(text, 0, 10_000)


def _whole(text: str, low: int, high: int) -> int:
    try:
        value = int(text.strip()[:20])
    except ValueError:
        raise argparse.ArgumentTypeError(Notice("argparse.not_whole", value=repr(text[:20]))) from None
    if not low <= value <= high or len(text.strip()) > 20:
        raise argparse.ArgumentTypeError(Notice("argparse.out_of_range", low=f"{low:,}", high=f"{high:,}",
                                                value=text[:20]))  # fmt: skip
    return value


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Project]:
    """The project named by --project (or found from the cwd), closed when the command is done."""
    from sdi.workflow.project import open_project

    project = open_project(args.project, coder=args.coder)
    try:
        yield project
    finally:
        project.close()


def no_real_names(written: Written, *, replaceable: bool = False, language: str = "nb") -> bool:
    """After a file was written and read back: False (saying where) when a real name the project knows (the
    pseudonym key, [pseudonyms], the [privacy] lists) was in it — the file was then removed, unless
    --allow-names kept it. `replaceable` files (codebook TOML, merge decisions) also offer --replace-names."""
    import sys

    if written.kept:
        return True
    print(t("out.names.refused", language, path=written.path), file=sys.stderr)
    for where in written.names:
        print(f"  {where}", file=sys.stderr)
    options = t("out.names.allow", language) + (t("out.names.or_replace", language) if replaceable else "")
    print(t("out.names.use", language, options=options), file=sys.stderr)
    return False


def no_real_names_in(
    path: Path,
    names: Mapping[str, str] | Iterable[str],
    allow_names: bool,
    *,
    replace: bool | None = None,
    language: str = "nb",
) -> bool:
    """`no_real_names` for a file a command wrote itself: read it back for the real names the project knows
    (one matcher, `sdi.nlp.known_names`) and remove it when one is there (unless --allow-names). `replace` is
    None for files that must be refused (Word, CSV, REFI-QDA, xlsx); for the text files sdi writes for the
    team (codebook TOML, merge decisions) it is the researcher's --replace-names: the file is then rewritten
    with each name replaced by its pseudonym (`names` mapping name → pseudonym) instead of being removed."""
    from sdi.config.files import write_atomically
    from sdi.publish import Written, names_in_export
    from sdi.workflow.name_check import without_names

    found = tuple(names_in_export(path, names))
    if found and replace and isinstance(names, Mapping):
        write_atomically(path, without_names(path.read_text(encoding="utf-8"), names))
        found = tuple(names_in_export(path, names))
    if found and not allow_names:
        path.unlink(missing_ok=True)
        return no_real_names(
            Written(path, found, kept=False), replaceable=replace is not None, language=language
        )
    return True

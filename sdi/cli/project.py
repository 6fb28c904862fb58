"""`sdi init DIR`: create a project folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "init",
        help="help.project.init",
        description="desc.project.init",
    )
    parser.add_argument(
        "directory",
        type=Path,
        nargs="?",
        default=Path("."),
        metavar="meta.dir",
        help="help.project.directory",
    )
    parser.add_argument("--title", metavar="meta.title", help="help.project.title")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.project import init_project

    path = init_project(args.directory, args.title)
    print(t("initialised", path=path.parent))
    return 0

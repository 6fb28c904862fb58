"""`sdi pseudonym add NAME PSEUDONYM` / `list`: the pseudonym key, kept apart from the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from sdi.cli.common import said_in
from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "pseudonym",
        help="help.pseudonym",
        description="desc.pseudonym",
    )
    actions = parser.add_subparsers(dest="action", metavar="meta.action", required=True)
    add = actions.add_parser(
        "add", help="help.pseudonym.add", description="desc.pseudonym.add"
    )
    add.add_argument("name", metavar="meta.name", help="help.pseudonym.add.name")
    add.add_argument("pseudonym", metavar="meta.pseudonym", help="help.pseudonym.add.pseudonym")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser(
        "list",
        help="help.pseudonym.list",
        description="desc.pseudonym.list",
    )
    listing.add_argument("--names", action="store_true", help="help.pseudonym.listing.names")
    listing.set_defaults(handler=run_list)


def _config(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from sdi.config import find_project, load_config

    return load_config(find_project(args.project or Path.cwd()))


def run_add(args: argparse.Namespace) -> int:
    from sdi.config.key import add_to_key

    path = add_to_key(_config(args), args.name, args.pseudonym)
    print(f"{path}: «{args.name}» → {args.pseudonym}")
    print(t("out.pseudonym.added", said_in(args)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from sdi.config.key import read_key

    config = _config(args)
    key = read_key(config.key_path)
    inline = len(config.pseudonyms) - len(key)
    print(t("out.pseudonym.count", config.language, path=config.key_path, count=len(key), inline=inline))
    if args.names:
        for name in sorted(key, key=str.casefold):
            print(f"  {name} → {key[name]}")
    return 0

"""`sdi pseudonym add NAME PSEUDONYM` / `list`: the pseudonym key, kept apart from the database."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "pseudonym",
        help="manage the pseudonym key (real names → pseudonyms)",
        description="The pseudonym key maps real names and places to pseudonyms. It is kept "
        "in its own owner-only file (privacy.key_file, default .sdi/pseudonymnokkel.toml), "
        "applied to transcripts on import, and every export is checked against it. After "
        "adding names, run `sdi import` to pseudonymise the stored transcripts again.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add or change a name", description="Add or change one name in the key."
    )
    add.add_argument("name", help="the real name, as written in transcripts")
    add.add_argument("pseudonym", help='what replaces it, e.g. "[helsesykepleier]"')
    add.set_defaults(handler=run_add)
    listing = actions.add_parser(
        "list",
        help="how many names the key holds, and where it is",
        description="Show where the key is and how many names it holds (--names to print them).",
    )
    listing.add_argument("--names", action="store_true", help="print the names too")
    listing.set_defaults(handler=run_list)


def _config(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from sdi.config import find_project, load_config

    return load_config(find_project(args.project or Path.cwd()))


def run_add(args: argparse.Namespace) -> int:
    from sdi.config.key import add_to_key

    path = add_to_key(_config(args), args.name, args.pseudonym)
    print(f"{path}: «{args.name}» → {args.pseudonym}")
    print("Kjør `sdi import` for å pseudonymisere de lagrede transkripsjonene på nytt.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from sdi.config.key import read_key

    config = _config(args)
    key = read_key(config.key_path)
    inline = len(config.pseudonyms) - len(key)
    print(f"{config.key_path}: {len(key)} navn i nøkkelen, {inline} i sdi.toml")
    if args.names:
        for name in sorted(key, key=str.casefold):
            print(f"  {name} → {key[name]}")
    return 0

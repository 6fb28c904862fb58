"""`sdi db upgrade` / `sdi db copy --to URL`: the project database as a whole — its schema, and moving it
between SQLite and a PostgreSQL team server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sdi.cli.common import opened
from sdi.i18n import t

EXIT_MISMATCH = 1


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "db",
        help="upgrade the database schema, or copy the database to another engine",
        description="The project database as a whole: bring its schema up to date, or copy it to an empty "
        "SQLite file or PostgreSQL database.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    up = actions.add_parser(
        "upgrade",
        help="migrate the schema to the newest revision (a backup first)",
        description="Migrate the database schema to the revision this sdi expects, in one transaction: "
        "an upgrade that fails or is interrupted changes nothing. SQLite is copied to .sdi/backups/ first "
        "(one owner-only copy per revision step); PostgreSQL gets a pg_dump there when the client tools are "
        "installed, otherwise the server's own backups apply. Opening a project does the same "
        "automatically.",
    )
    up.set_defaults(handler=run_upgrade)
    cp = actions.add_parser(
        "copy",
        help="copy every table to an empty SQLite file or PostgreSQL database, verified",
        description="Copy the whole store, ids included, to an empty database (migrated to the newest schema "
        "first), rebuild its search index, and verify every table by row count and checksum. A target that "
        "is not empty is refused; a copy that does not match is left marked unusable (exit 1). The project "
        "keeps using its own database: point database.url in sdi.toml at the copy to switch. Keep passwords "
        "out of files: write ${NAME} in the URL for an environment variable, use env:NAME for a URL kept "
        "wholly in one, or rely on PGPASSWORD / ~/.pgpass.",
    )
    cp.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="postgresql+psycopg://user@host/db, sqlite:///path.sqlite, a file path, or env:NAME "
        "(relative paths are taken from the project folder)",
    )
    cp.set_defaults(handler=run_copy)


def run_upgrade(args: argparse.Namespace) -> int:
    from sdi.config import find_project, load_config
    from sdi.workflow.database import upgrade_database

    root = (args.project or Path.cwd()).resolve()
    config = load_config(root if args.project else find_project(root))
    report = upgrade_database(config)
    language = config.language
    if report.before == report.after:
        print(t("safety.upgrade.current", language, database=report.database, revision=report.after))
        return 0
    before = report.before or t("safety.upgrade.new", language)
    print(t("safety.upgrade.done", language, database=report.database, before=before, after=report.after))
    if report.backup is not None:
        print(t("safety.upgrade.backup", language, path=report.backup))
    elif report.engine == "postgresql" and report.before is not None:
        print(t("safety.upgrade.no_backup", language))
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from sdi.cli.table import render
    from sdi.workflow.database import copy_store

    with opened(args) as project:
        language = project.config.language
        report = copy_store(project, args.to)
    print(t("safety.copy.heading", language, source=report.source, target=report.target))
    same, differs = t("safety.copy.same_mark", language), t("safety.copy.differs", language)
    rows = [
        (check.table, check.source_rows, check.target_rows,
         check.source_digest[:16] or "–", same if check.ok else differs)
        for check in report.checks
    ]  # fmt: skip
    headers = [
        t(f"safety.copy.{key}", language) for key in ("table", "source_rows", "target_rows", "checksum")
    ]
    print(render([*headers, ""], rows, [False, True, True, False, False]))
    if not report.ok:
        message = t("safety.copy.mismatch", language, tables=", ".join(report.mismatched))
        print(f"sdi: error: {message}", file=sys.stderr)
        return EXIT_MISMATCH
    print(t("safety.copy.verified", language, tables=len(report.checks) - 1, rows=report.rows))
    return 0

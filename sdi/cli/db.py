"""`sdi db upgrade` / `sdi db copy --to URL`: the project database as a whole — its schema, and moving it
between SQLite and a PostgreSQL team server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sdi.cli.common import opened
from sdi.i18n import t

EXIT_MISMATCH = 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "db",
        help="help.db",
        description="desc.db",
    )
    actions = parser.add_subparsers(dest="action", metavar="meta.action", required=True)
    up = actions.add_parser(
        "upgrade",
        help="help.db.upgrade",
        description="desc.db.upgrade",
    )
    up.set_defaults(handler=run_upgrade)
    cp = actions.add_parser(
        "copy",
        help="help.db.copy",
        description="desc.db.copy",
    )
    cp.add_argument(
        "--to",
        required=True,
        metavar="meta.url",
        help="help.db.cp.to",
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
        print(f"sdi: {t('cli.error', language)}: {message}", file=sys.stderr)
        return EXIT_MISMATCH
    print(t("safety.copy.verified", language, tables=len(report.checks) - 1, rows=report.rows))
    return 0

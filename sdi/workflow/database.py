"""The project database as a whole: `sdi db upgrade` (the schema to HEAD, a backup first) and `sdi db copy`
(every table to an empty store on another engine or file, verified by row counts and checksums).

A copy writes its target in one transaction under a mark that keeps it from being opened for work; only a
verified copy gets its real schema revision. So a copy that fails, is killed, or does not match is never
mistaken for the analysis. Called by `sdi.cli.db`."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sdi.config import Config
from sdi.config.url import expand_url
from sdi.i18n import t
from sdi.nlp.stopwords import stop_words
from sdi.storage import copy as store_copy
from sdi.storage import search_index
from sdi.storage.engine import create_store_engine, sqlite_path, stored_revision
from sdi.storage.faults import describe, pause_if_asked
from sdi.storage.leftovers import remove_leftovers, work_prefix
from sdi.storage.revision import COPY_MARK, HEAD_REVISION
from sdi.storage.url import project_url, url_problem
from sdi.workflow.bounds import refuse_oversized
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project

INDEX_ROW = "(search index)"  # the pseudo-table line verifying the rebuilt full-text index


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_digest: str
    target_digest: str

    @property
    def ok(self) -> bool:
        return self.source_rows == self.target_rows and self.source_digest == self.target_digest


@dataclass
class CopyReport:
    source: str  # shown without passwords
    target: str
    checks: list[TableCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def mismatched(self) -> list[str]:
        return [check.table for check in self.checks if not check.ok]

    @property
    def rows(self) -> int:
        return sum(check.source_rows for check in self.checks if check.table != INDEX_ROW)


@dataclass(frozen=True)
class UpgradeReport:
    database: str
    before: str | None
    after: str
    backup: Path | None
    engine: str


def resolve_url(config: Config, given: str) -> str:
    """The target's SQLAlchemy URL. Passwords stay out of files and shell history: `env:NAME` takes the
    whole URL from the environment, `${NAME}` inside it is replaced from the environment. A plain path (or a
    relative `sqlite:///` path) is an SQLite file relative to the project folder."""
    language = config.language

    def unset(name: str) -> WorkflowError:
        return WorkflowError(t("safety.copy.no_env", language, name=name))

    whole = os.environ.get(given[4:]) if given.startswith("env:") else given
    if whole is None:
        raise unset(given[4:])
    url = expand_url(whole, config.root, unset)
    if "://" not in url:
        path = Path(url).expanduser()
        return f"sqlite:///{path if path.is_absolute() else config.root / path}"
    problem = url_problem(url)
    if problem is not None:
        key, values = problem
        unreadable = key in ("limits.url.garbage", "limits.url.space", "limits.url.port", "limits.url.engine")
        shown = repr(given[:80]) if unreadable else describe(url)  # as typed: ${NAME} not filled in
        raise WorkflowError(t("safety.copy.bad_url", language, url=shown, detail=t(key, language, **values)))
    return url


def _same_database(a: str, b: str) -> bool:
    path_a, path_b = sqlite_path(a), sqlite_path(b)
    if path_a is not None and path_b is not None:
        return path_a.resolve() == path_b.resolve()
    left, right = make_url(a), make_url(b)
    return (left.get_backend_name(), left.host, left.port, left.database) == (
        right.get_backend_name(), right.host, right.port, right.database
    )  # fmt: skip


def _refuse_unless_empty(engine: Engine, language: str) -> None:
    database = describe(str(engine.url))
    revision = stored_revision(engine)
    reasons: list[str] = []
    if revision is not None and revision != HEAD_REVISION and not _known_revision(revision):
        reasons.append(t("safety.copy.foreign_revision", language, revision=revision))
    found = store_copy.not_empty(engine)
    reasons += [t("safety.copy.rows_in", language, rows=rows, table=name) for name, rows in found if rows > 0]
    others = [name for name, rows in found if rows < 0]
    if others:
        reasons.append(t("safety.copy.tables", language, tables=", ".join(sorted(others))))
    if reasons:
        raise WorkflowError(t("safety.copy.not_empty", language, database=database, what="; ".join(reasons)))


def _known_revision(revision: str) -> bool:
    """A revision of our own migration chain (an empty store at an older schema can still be a target)."""
    if revision == COPY_MARK:
        return False
    from alembic.script import ScriptDirectory

    from sdi.storage.migrate import alembic_config

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:
        return False


def _source_snapshot(project: Project, folder: Path) -> Engine:
    """A consistent view of the source while it is read: an SQLite store is first copied through the
    backup API (other coders may keep writing meanwhile); a PostgreSQL store is read in one repeatable-read
    transaction (see `copy_store`)."""
    database = sqlite_path(str(project.store.engine.url))
    if database is None:
        return project.store.engine
    from sdi.storage.migrate import backup_sqlite

    snapshot = backup_sqlite(database, folder, "copy-source")
    return create_engine(f"sqlite:///{snapshot}")


def copy_store(project: Project, given_url: str) -> CopyReport:
    """Copy every table of the project's store to the empty store at `given_url` (migrated to HEAD first),
    ids preserved; reset PostgreSQL sequences, rebuild the search index, then verify row counts and
    checksums table by table. Only a verified target gets its schema revision; otherwise it keeps the mark
    that makes `open_store` refuse it. Raises WorkflowError for a target that is not empty."""
    language = project.config.language
    url = resolve_url(project.config, given_url)
    source_url = str(project.store.engine.url)
    if _same_database(url, project.store.engine.url.render_as_string(hide_password=False)):
        raise WorkflowError(t("safety.copy.same", language, database=describe(source_url)))
    refuse_oversized(project.store.engine, language)  # what the target's columns would refuse mid-copy
    target = create_store_engine(url)
    report = CopyReport(source=describe(source_url), target=describe(str(target.url)))
    try:
        _refuse_unless_empty(target, language)
        from sdi.storage.migrate import upgrade

        upgrade(target, project.config.state_dir / "backups", language=project.config.language)
        project.config.state_dir.mkdir(parents=True, exist_ok=True)
        remove_leftovers(project.config.state_dir)  # a killed copy's snapshot
        work = work_prefix()
        with tempfile.TemporaryDirectory(dir=project.config.state_dir, prefix=work) as folder:
            source = _source_snapshot(project, Path(folder))
            try:
                expected = _fill(source, target)
            finally:
                if source is not project.store.engine:
                    source.dispose()
        found = _verify(target)
        for want, got in zip(expected, found, strict=True):
            report.checks.append(TableCheck(want.table, want.rows, got.rows, want.digest, got.digest))
        if report.ok:
            with target.begin() as connection:
                store_copy.set_revision(connection, HEAD_REVISION)
        return report
    except DBAPIError as exc:
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise WorkflowError(
            key="refusal.database.failed", database=describe(str(target.url)), detail=detail
        ) from exc
    finally:
        target.dispose()


def _fill(source: Engine, target: Engine) -> list[store_copy.TableDigest]:
    """Copy in one target transaction (a failure leaves the target as empty as it was, at HEAD); the
    source's checksums are taken from the same snapshot the rows come from."""
    options = {"isolation_level": "REPEATABLE READ"} if source.dialect.name == "postgresql" else {}
    with source.connect().execution_options(**options) as reader, reader.begin():
        with target.begin() as writer:
            store_copy.mark_unverified(writer)
            for table in store_copy.tables():
                store_copy.copy_rows(reader, writer, table)
            store_copy.reset_sequences(writer)
            lemmas = search_index.turn_lemmas(Session(bind=reader))  # the source's, as imported
            search_index.rebuild(Session(bind=writer), lemmas, stop_words())
            pause_if_asked(Session(bind=writer))  # test-only: the fault tests kill a copy here
        digests = store_copy.digest_all(reader)
    indexed = next(d.rows for d in digests if d.table == "utterance_index")  # every stored turn, searchable
    return [*digests, store_copy.TableDigest(INDEX_ROW, indexed, "")]


def _verify(target: Engine) -> list[store_copy.TableDigest]:
    """Read the committed target back, table by table, and count the turns its search index holds (to be
    compared with the number rebuilt from the source's index rows)."""
    with target.connect() as connection:
        digests = store_copy.digest_all(connection)
        indexed = search_index.indexed_count(Session(bind=connection))
    return [*digests, store_copy.TableDigest(INDEX_ROW, indexed, "")]


def upgrade_database(config: Config) -> UpgradeReport:
    """`sdi db upgrade`: bring the schema to HEAD, with a backup first (SQLite copy, or pg_dump)."""
    from sdi.storage.migrate import current_revision, upgrade

    engine = create_store_engine(project_url(config))
    try:
        before = current_revision(engine)
        if before == COPY_MARK:
            raise WorkflowError(t("safety.copy.marked", config.language, database=describe(str(engine.url))))
        backup = upgrade(engine, config.state_dir / "backups", language=config.language)
        return UpgradeReport(describe(str(engine.url)), before, HEAD_REVISION, backup, engine.dialect.name)
    finally:
        engine.dispose()

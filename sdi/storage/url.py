"""Whether sdi can keep a project in the database a URL names, asked before an engine is made: a URL that
is not one, a space around it, a bad port, an engine sdi does not speak (only SQLite and PostgreSQL have
the full-text index it needs), a driver that is not installed, or an in-memory SQLite database (which would
take an import and forget it at exit). SQLAlchemy's answer to each is a traceback; here it is a catalogue
key the caller turns into one line naming `sdi.toml` and the line, or the URL given to `sdi db copy`.

Called by `sdi.storage.open_store` and `sdi.workflow.database`; nothing connects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from sdi.i18n import Notice

if TYPE_CHECKING:
    from sdi.config import Config

ENGINES = ("sqlite", "postgresql")

Problem = tuple[str, dict[str, object]]
"""A catalogue key (`limits.url.…`) and its values."""


def project_url(config: Config) -> str:
    """The project's database URL (`database.url` filled in, or the SQLite file under `.sdi/`); one that
    cannot hold the project is a ConfigError at its line of `sdi.toml`."""
    url = config.resolved_database_url()
    problem = url_problem(url)
    if problem is not None:
        key, values = problem
        raise config.database_url_error(Notice("limits.url.in_config", problem=Notice(key, **values)))
    return url


def url_problem(url: str) -> Problem | None:
    """Why `url` cannot hold a project, or None when it can (as far as can be told without connecting)."""
    if url != url.strip():
        return "limits.url.space", {}
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 — a port that is not a number fails here, not at connect
    except ArgumentError:
        return "limits.url.garbage", {}
    except ValueError:
        return "limits.url.port", {}
    backend = parsed.get_backend_name()
    if backend not in ENGINES:
        return "limits.url.engine", {"engine": backend}
    if backend == "sqlite" and _in_memory(parsed.database, dict(parsed.query)):
        return "limits.url.memory", {}
    try:
        dialect = parsed.get_dialect()
        if getattr(dialect, "is_async", False):
            return "limits.url.async", {"driver": parsed.get_driver_name()}
        dialect.import_dbapi()
    except (NoSuchModuleError, ImportError):
        return "limits.url.driver", {"driver": parsed.get_driver_name(), "engine": backend}
    return None


def _in_memory(database: str | None, query: dict[str, object]) -> bool:
    name = (database or "").strip()
    return not name or name == ":memory:" or name.startswith("file::memory:") or query.get("mode") == "memory"

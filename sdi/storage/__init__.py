"""The store: SQLAlchemy models, engine and sessions, migrations on open, typed queries.

`open_store(config)` is the one way in: it creates the database if needed, backs it up and migrates it,
and returns a `Store`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.config import Config
    from sdi.storage.engine import Store


def open_store(config: Config, migrate: bool = True) -> Store:
    from sdi.storage.engine import Store, create_store_engine, stored_revision
    from sdi.storage.revision import HEAD_REVISION

    engine = create_store_engine(config.resolved_database_url())
    if migrate and stored_revision(engine) != HEAD_REVISION:
        from sdi.storage.migrate import upgrade

        upgrade(engine, config.state_dir / "backups")
    return Store(engine)

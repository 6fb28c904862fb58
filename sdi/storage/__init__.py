"""The store: SQLAlchemy models, engine and sessions, migrations on open, typed queries.

`open_store(config)` is the one way in: it creates the database if needed, backs it up and migrates it,
and returns a `Store`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.config import Config
    from sdi.storage.engine import Store


def open_store(config: Config, migrate: bool = True) -> Store:
    """The project's store, migrated to HEAD (a backup first). Refuses the target of an unfinished or
    failed `sdi db copy`, and reports a database it cannot reach as one StoreError sentence."""
    from sqlalchemy.exc import DBAPIError

    from sdi.i18n import t
    from sdi.storage.engine import Store, create_store_engine, stored_revision
    from sdi.storage.faults import StoreError, describe, store_error
    from sdi.storage.leftovers import remove_leftovers
    from sdi.storage.revision import COPY_MARK, HEAD_REVISION
    from sdi.storage.url import project_url

    remove_leftovers(config.state_dir)  # the snapshot a killed `sdi db copy` left behind
    engine = create_store_engine(project_url(config))
    try:
        revision = stored_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        known = store_error(exc, str(engine.url), config.language, writing=False)
        if known is None:
            raise
        raise known from exc
    if revision == COPY_MARK:
        engine.dispose()
        raise StoreError("copy", t("safety.copy.marked", config.language, database=describe(str(engine.url))))
    if migrate and revision != HEAD_REVISION:
        from sdi.storage.migrate import upgrade

        upgrade(engine, config.state_dir / "backups", language=config.language)
    return Store(engine, config.language)

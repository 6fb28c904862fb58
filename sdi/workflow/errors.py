"""Errors the faces show as one line."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")


class WorkflowError(Exception):
    """A request the workflow refuses (unknown transcript, duplicate stage, …), worded for the researcher."""


def reportable_errors() -> tuple[type[BaseException], ...]:
    """Exceptions a face should show as one line (with the file and line they name) instead of a traceback."""
    from sqlalchemy.exc import OperationalError

    from sdi.config import ConfigError
    from sdi.ingest.model import IngestError
    from sdi.storage.engine import ConcurrentEditError
    from sdi.storage.faults import StoreError
    from sdi.storage.migrate import MigrationError

    return (ConfigError, IngestError, WorkflowError, MigrationError, OperationalError, ConcurrentEditError,
            StoreError)  # fmt: skip


def require(session: Session, model: type[T], ident: int, what: str) -> T:
    """The row `ident` of `model`, or a WorkflowError saying which `what` is missing (deleted meanwhile)."""
    found = session.get(model, ident)
    if found is None:
        raise WorkflowError(f"no {what} with id {ident}")
    return found


def check_version(session: Session, obj: object, seen_version: int | None, what: str) -> None:
    """Optimistic locking: refuse an edit made on a stale view (another coder changed the object since it was
    shown), naming who changed it, instead of silently overwriting their work."""
    current = getattr(obj, "version")  # noqa: B009 — every shared object has one
    if seen_version is None or current == seen_version:
        return
    from sqlalchemy import select

    from sdi.storage.models import AuditEvent, Coder

    table = getattr(obj, "__tablename__", "")
    target = {"codes": "code", "code_groups": "code_group", "concepts": "concept"}.get(table, table)
    who = session.scalar(
        select(Coder.name)
        .join(AuditEvent, AuditEvent.coder_id == Coder.id)
        .where(AuditEvent.target_type == target, AuditEvent.target_id == getattr(obj, "id"))  # noqa: B009
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    by = f" by {who}" if who else ""
    raise WorkflowError(f"{what} was changed{by} since you opened it; it has been reloaded, try again")

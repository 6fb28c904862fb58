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
    from sdi.storage.migrate import MigrationError

    return (ConfigError, IngestError, WorkflowError, MigrationError, OperationalError)


def require(session: Session, model: type[T], ident: int, what: str) -> T:
    """The row `ident` of `model`, or a WorkflowError saying which `what` is missing (deleted meanwhile)."""
    found = session.get(model, ident)
    if found is None:
        raise WorkflowError(f"no {what} with id {ident}")
    return found

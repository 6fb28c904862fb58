"""Errors the faces show as one line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sdi.i18n import Notice

T = TypeVar("T")


class WorkflowError(Exception):
    """A request the workflow refuses (unknown transcript, duplicate stage, …), worded for the researcher.

    Raised with a catalogue `key` (and its values) the message can be shown in the project's language;
    `str()` stays English, which is what logs and the English CLI show."""

    def __init__(self, message: str = "", *, key: str = "", **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(message or (_text(key, "en", values) if key else ""))

    @classmethod
    def of(cls, notice: Notice) -> WorkflowError:
        """The refusal a room's `Notice` (a catalogue key and its values) says."""
        refusal = cls(str(notice))
        refusal.key, refusal.values = notice.key, dict(notice.values)
        return refusal

    def in_language(self, language: str) -> str:
        """The message in `language` when it was raised with a catalogue key, else as written."""
        return _text(self.key, language, self.values) if self.key else str(self)


# what `require` and `check_version` name, so the sentence can be said in either language
_WHAT = {
    "code": "error.what.code",
    "code group": "error.what.code_group",
    "coding": "error.what.coding",
    "concept": "error.what.concept",
    "memo": "error.what.memo",
    "quote": "error.what.quote",
    "quote set": "error.what.quote_set",
    "transcript": "error.what.transcript",
}


_WHAT_KEYS = ("error.what.", "limits.what.")  # values that are themselves said in the language


def _text(key: str, language: str, values: dict[str, object]) -> str:
    from sdi.i18n import Notice, t

    filled = {
        name: value.in_language(language) if isinstance(value, Notice)  # a reason from outside, say
        else t(value, language) if isinstance(value, str) and value.startswith(_WHAT_KEYS)
        else value
        for name, value in values.items()
    }  # fmt: skip
    if "by" in filled:  # who changed it, said the language's way
        filled["by"] = t("error.stale_by", language, who=filled["by"]) if filled["by"] else ""
    return t(key, language, **filled)


def describe(error: BaseException, language: str) -> str:
    """One line for a face: workflow refusals in the project's language, anything else as it reads."""
    in_language = getattr(error, "in_language", None)  # WorkflowError, ConfigError, IngestError
    return str(in_language(language)) if callable(in_language) else str(error)


def reportable_errors() -> tuple[type[BaseException], ...]:
    """Exceptions a face should show as one line (with the file and line they name) instead of a traceback."""
    from sqlalchemy.exc import OperationalError

    from sdi.config import ConfigError
    from sdi.config.files import WriteError
    from sdi.ingest.model import IngestError
    from sdi.storage.engine import ConcurrentEditError
    from sdi.storage.faults import StoreError
    from sdi.storage.migrate import MigrationError

    return (ConfigError, IngestError, WorkflowError, MigrationError, OperationalError, ConcurrentEditError,
            StoreError, WriteError)  # fmt: skip


@contextmanager
def refused_if_taken(session: Session, error: WorkflowError) -> Iterator[None]:
    """Write the block's rows now (a flush); when another process took the same unique name (or the one
    concept of a group) at the same moment — after our check, before our write — the database's unique
    constraint refuses us: say so as `error` instead of an IntegrityError."""
    from sqlalchemy.exc import IntegrityError

    try:
        yield
        session.flush()
    except IntegrityError as exc:
        original = exc.orig
        state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
        if state != "23505" and "UNIQUE constraint failed" not in str(original):
            raise
        raise error from None


def require(session: Session, model: type[T], ident: int, what: str) -> T:
    """The row `ident` of `model`, or a WorkflowError saying which `what` is missing (deleted meanwhile)."""
    found = session.get(model, ident)
    if found is None:
        raise missing(what, ident)
    return found


def missing(what: str, ident: int) -> WorkflowError:
    """The error for the row `ident` of a `what` («transcript», «code» …) that is not there (deleted)."""
    return WorkflowError(key="error.missing", what=_WHAT.get(what, what), ident=ident)


def check_version(session: Session, obj: object, seen_version: int | None, what: str, name: str) -> None:
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
    raise WorkflowError(key="error.stale", what=_WHAT.get(what, what), name=name, by=who or "")

"""Deductive checks and the audit log: SDI checks each step back against the one before it (a code against
its passage, a group against its codes, a concept against its quotes). Recording that a check was done is
one call, and lands in the audit log shown per object — the methods appendix of the analysis."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdi.workflow.errors import WorkflowError

if TYPE_CHECKING:  # the models load where a check or log is read, not with `brief` (the first screen's)
    from sdi.workflow.project import Project

SUMMARY_WORDS = 60  # characters of quoted words an audit summary keeps


def brief(text: str, limit: int = SUMMARY_WORDS) -> str:
    """`text` on one line, cut at a word boundary before `limit` characters with «…» where it was cut — so a
    log line never presents the start of a passage or memo as the whole of it."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(",;:") + " …"


@dataclass(frozen=True)
class AuditView:
    id: int
    at: dt.datetime
    coder: str
    action: str
    target_type: str
    target_id: int | None
    summary: str


def record_check(project: Project, target_type: str, target_id: int | None, note: str) -> int:
    """Record a deductive check, e.g. "koder lest mot utsagnene, 3 omdøpt"."""
    from sdi.storage.models.audit import TARGET_TYPES

    if target_type not in TARGET_TYPES:
        raise WorkflowError(key="error.check.target", target=target_type)
    note = note.strip()
    if not note:
        raise WorkflowError(key="error.check.empty")
    with project.store.transaction() as session:
        event = project.record(session, "check", target_type, target_id, note, undoable=False)
        session.flush()
        return event.id


def audit_log(
    project: Project,
    target_type: str | None = None,
    target_id: int | None = None,
    *,
    checks_only: bool = False,
) -> list[AuditView]:
    """Events, newest first — for one object, or for the whole project when no target is given."""
    from sqlalchemy import select

    from sdi.storage.models import AuditEvent, Coder

    with project.store.reading() as session:
        query = select(AuditEvent, Coder.name).outerjoin(Coder, Coder.id == AuditEvent.coder_id)
        if target_type is not None:
            query = query.where(AuditEvent.target_type == target_type, AuditEvent.target_id == target_id)
        if checks_only:
            query = query.where(AuditEvent.action == "check")
        rows = session.execute(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())).all()
    return [
        AuditView(e.id, e.at, name or "", e.action, e.target_type, e.target_id, e.summary) for e, name in rows
    ]


def transcript_log(project: Project, document_id: int) -> list[AuditView]:
    """A transcript's log, newest first: what was done to the transcript itself (imports, new versions,
    memos, checks) and to every coding made on it — also codings removed since."""
    from sqlalchemy import select

    from sdi.storage.models import AuditEvent, Coder, Coding

    with project.store.reading() as session:
        current = set(session.scalars(select(Coding.id).where(Coding.document_id == document_id)))
        rows = session.execute(
            select(AuditEvent, Coder.name)
            .outerjoin(Coder, Coder.id == AuditEvent.coder_id)
            .where(
                ((AuditEvent.target_type == "document") & (AuditEvent.target_id == document_id))
                | (AuditEvent.target_type == "coding")
            )
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        ).all()
    made_here = {
        event.target_id
        for event, _ in rows
        if event.target_type == "coding" and (event.details or {}).get("document_id") == document_id
    }
    codings = current | made_here
    return [
        AuditView(e.id, e.at, name or "", e.action, e.target_type, e.target_id, e.summary)
        for e, name in rows
        if e.target_type == "document" or e.target_id in codings
    ]

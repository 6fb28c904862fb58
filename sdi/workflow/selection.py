"""A selection made in one version of a transcript, brought to its current text.

The workbench takes a selection's offsets when the code picker opens; a colleague's re-import, a REFI-QDA
import or `sdi anonymise` may give the transcript a new version before the coding is written. Then the
offsets no longer point at the words the coder saw. The words are followed into the new text the way a
re-import moves codings (`sdi.workflow.anchor`); when they are no longer there, unchanged, the coding is
refused, naming who changed the transcript — never placed on other words. Called by `sdi.workflow.code`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.storage.models import AuditEvent, Coder, Document, DocumentVersion
from sdi.workflow.anchor import anchor_for, reanchor
from sdi.workflow.errors import WorkflowError


def follow_selection(
    session: Session, document: Document, seen_version: int, start: int, end: int
) -> tuple[int, int]:
    """Where [start, end) of version `seen_version` of `document` lies in its current text."""
    seen_text = session.scalar(
        select(DocumentVersion.text).where(
            DocumentVersion.document_id == document.id, DocumentVersion.version == seen_version
        )
    )
    words = seen_text[start:end] if seen_text is not None and 0 <= start < end <= len(seen_text) else ""
    if seen_text is not None and words.strip():
        [place] = reanchor(seen_text, document.text, [anchor_for(seen_text, start, end)])
        if place.status in ("ok", "moved") and document.text[place.start : place.end] == words:
            return place.start, place.end
    raise WorkflowError(
        key="error.code.transcript_changed",
        title=document.title or document.source_path,
        seen=seen_version,
        now=document.version,
        words=" ".join(words.split())[:60] or "…",
        by=_changed_by(session, document.id),
    )


def _changed_by(session: Session, document_id: int) -> str:
    """Who gave the transcript its latest version (a re-import, an anonymisation, a REFI-QDA import)."""
    return (
        session.scalar(
            select(Coder.name)
            .join(AuditEvent, AuditEvent.coder_id == Coder.id)
            .where(AuditEvent.target_type == "document", AuditEvent.target_id == document_id)
            .order_by(AuditEvent.id.desc())
            .limit(1)
        )
        or ""
    )

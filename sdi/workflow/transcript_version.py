"""A new version of a stored transcript: the old text archived, every coding moved to the same words in the
new text (or flagged where they changed or went), the turns and their index replaced. The one way a stored
transcript changes — a re-import, `sdi anonymise`, a REFI-QDA source whose text changed — so codings
re-anchor the same way whatever changed the words."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.storage.base import utcnow
from sdi.storage.models import Coding, Document, DocumentVersion, Utterance
from sdi.storage.search_index import remove_document
from sdi.workflow.anchor import FLAGGED, Anchor, anchor_for, reanchor
from sdi.workflow.project import Project
from sdi.workflow.turn_rows import TurnRow, replace_turns


def new_version(
    project: Project,
    session: Session,
    document: Document,
    text: str,
    utterances: Iterable[Utterance | TurnRow],
    words: int,
    *,
    action: str = "reimport",
) -> int:
    """Archive the old text, move every coding to the same words in `text`, replace the turns; returns how
    many codings were flagged. The one way a stored transcript changes: a re-import, `sdi anonymise` and a
    REFI-QDA source whose text changed all come through here, so codings re-anchor the same way."""
    old_text = document.text
    session.add(
        DocumentVersion(
            document_id=document.id,
            version=document.version,
            source_hash=document.source_hash,
            content_hash=document.content_hash,
            text=old_text,
            imported_at=document.updated_at,
        )
    )
    codings = list(
        session.scalars(select(Coding).where(Coding.document_id == document.id).order_by(Coding.id))
    )
    anchors = [
        Anchor(c.start, c.end, c.anchor_text or old_text[c.start : c.end], c.context_before, c.context_after)
        if c.status != "orphaned"
        else Anchor(c.start, c.start, c.anchor_text, c.context_before, c.context_after)
        for c in codings
    ]
    relocations = reanchor(old_text, text, anchors)
    flagged = 0
    for coding, old_anchor, place in zip(codings, anchors, relocations, strict=True):
        if coding.status == "orphaned" and place.status != "moved":
            # Still lost: keep the original words, only follow the nearest point.
            coding.start = coding.end = min(place.start, len(text))
            flagged += 1
            continue
        coding.start, coding.end, coding.status = place.start, place.end, place.status
        if place.status in FLAGGED:
            flagged += 1
            # keep anchor_text: the words the researcher coded, shown when the flag is resolved
            if place.status == "changed":
                coding.anchor_text = old_anchor.text
        else:
            fresh = anchor_for(text, place.start, place.end)
            coding.anchor_text, coding.context_before, coding.context_after = (
                fresh.text,
                fresh.before,
                fresh.after,
            )
        coding.document_version = document.version + 1
    remove_document(session, document.id)
    replace_turns(session, document, utterances)
    document.text = text
    document.version += 1
    document.word_count = words
    document.updated_at = utcnow()
    session.flush()
    project.record(
        session,
        action,
        "document",
        document.id,
        f"ny versjon {document.version} av {document.source_path}",
        undoable=False,
        version=document.version,
        codings=len(codings),
        flagged=flagged,
    )
    return flagged

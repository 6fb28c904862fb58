"""Memos on anything, and the audit log: who did what when — SDI's record of its deductive checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sdi.storage.base import Base, CreatedMixin, UidMixin, utcnow
from sdi.storage.models.analysis import Coder

# Objects a memo or an audit event can be about (target_type values).
TARGET_TYPES = (
    "project",
    "focus_group",
    "stage",
    "participant",
    "document",
    "utterance",
    "code",
    "coding",
    "code_group",
    "concept",
    "quote_set",
    "quote",
)


class Memo(UidMixin, CreatedMixin, Base):
    """A researcher's note attached to any object (generic target, so one table serves every step)."""

    __tablename__ = "memos"
    __table_args__ = (Index("ix_memos_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_type: Mapped[str] = mapped_column(String(30))
    target_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    author: Mapped[Coder | None] = relationship()


class AuditEvent(Base):
    """One action or recorded check. Append-only."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(50))  # import, code, group, rename, check, ...
    target_type: Mapped[str] = mapped_column(String(30))
    target_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    coder: Mapped[Coder | None] = relationship()

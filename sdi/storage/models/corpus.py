"""Step 1 of SDI, the raw data: focus groups meeting in stages, their participants, transcripts and turns."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sdi.storage.base import Base, CreatedMixin, UidMixin, utcnow


class FocusGroup(UidMixin, CreatedMixin, Base):
    """A group that meets in several stages, e.g. «Barnehage Fjordvik»."""

    __tablename__ = "focus_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    site: Mapped[str] = mapped_column(String(200), default="")  # municipality
    category: Mapped[str] = mapped_column(String(200), default="")  # Barnehage, Skole, Mellomledere, Ledelse
    description: Mapped[str] = mapped_column(Text, default="")

    stages: Mapped[list[Stage]] = relationship(back_populates="group", order_by="Stage.number")
    participants: Mapped[list[Participant]] = relationship(back_populates="group")


class Stage(CreatedMixin, Base):
    """One meeting of a group. Its summary is what the moderator brings to open the next stage."""

    __tablename__ = "stages"
    __table_args__ = (UniqueConstraint("group_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("focus_groups.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")

    group: Mapped[FocusGroup] = relationship(back_populates="stages")
    documents: Mapped[list[Document]] = relationship(back_populates="stage")


class Participant(UidMixin, CreatedMixin, Base):
    """A pseudonymised speaker in a group; real names never reach this table."""

    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("group_id", "pseudonym"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("focus_groups.id", ondelete="CASCADE"), index=True)
    pseudonym: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    service: Mapped[str] = mapped_column(String(200), default="")
    is_moderator: Mapped[bool] = mapped_column(Boolean, default=False)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    group: Mapped[FocusGroup] = relationship(back_populates="participants")


class Document(UidMixin, CreatedMixin, Base):
    """A transcript of one stage. `text` is the current (pseudonymised) version; older ones are kept."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="RESTRICT"), unique=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    source_path: Mapped[str] = mapped_column(String(1000), unique=True)  # relative to the project, POSIX
    format: Mapped[str] = mapped_column(String(20))
    encoding: Mapped[str] = mapped_column(String(40))
    source_hash: Mapped[str] = mapped_column(String(64))  # sha256 of the file's bytes
    content_hash: Mapped[str] = mapped_column(String(64))  # sha256 of `text`
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="active")
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    pipeline: Mapped[str] = mapped_column(String(120), default="")  # the language pipeline that indexed it
    # what other tools say about it: a document set it is in, a source variable (REFI-QDA import, export)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    stage: Mapped[Stage] = relationship(back_populates="documents")
    utterances: Mapped[list[Utterance]] = relationship(
        back_populates="document", order_by="Utterance.seq", cascade="all, delete-orphan"
    )
    versions: Mapped[list[DocumentVersion]] = relationship(
        back_populates="document", order_by="DocumentVersion.version", cascade="all, delete-orphan"
    )


class DocumentVersion(Base):
    """A superseded text of a transcript, kept so nothing coded against it is ever lost."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    source_hash: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    replaced_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="versions")


class Utterance(Base):
    """A speaker turn: the unit researchers read, code and quote. Offsets are into `Document.text`."""

    __tablename__ = "utterances"
    __table_args__ = (UniqueConstraint("document_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # no index of its own: the unique (document_id, seq) index serves lookups by transcript
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    participant_id: Mapped[int | None] = mapped_column(  # not indexed: no query looks turns up by speaker
        ForeignKey("participants.id", ondelete="SET NULL")
    )
    speaker: Mapped[str] = mapped_column(String(200), default="")
    is_moderator: Mapped[bool] = mapped_column(Boolean, default=False)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    time_start: Mapped[float | None] = mapped_column(Float)
    time_end: Mapped[float | None] = mapped_column(Float)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    cues: Mapped[list[list[int]]] = mapped_column(JSON, default=list)  # [[start, end], ...] non-speech

    document: Mapped[Document] = relationship(back_populates="utterances")
    participant: Mapped[Participant | None] = relationship()

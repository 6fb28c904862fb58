"""Steps 2–4 of SDI: empirically close codes, their codings, code groups and concepts.

Shared objects (code, group, concept) carry a version counter so a stale edit from another coder is
refused rather than silently overwriting (optimistic locking)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sdi.storage.base import Base, CreatedMixin, UidMixin, utcnow
from sdi.storage.models.corpus import Document


class Coder(UidMixin, CreatedMixin, Base):
    """A person who codes; every coding and audit event records one."""

    __tablename__ = "coders"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class CodeGroup(UidMixin, CreatedMixin, Base):
    """A kodegruppe: related codes sorted together. One group per project is the rest group."""

    __tablename__ = "code_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_rest: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    codes: Mapped[list[Code]] = relationship(back_populates="group", order_by="Code.position")
    concept: Mapped[Concept | None] = relationship(back_populates="group")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Code(UidMixin, CreatedMixin, Base):
    """An empirinær kode: a short statement in the informants' own terms."""

    __tablename__ = "codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement: Mapped[str] = mapped_column(String(1000))
    description: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("code_groups.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    color: Mapped[str | None] = mapped_column(String(9))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    author: Mapped[Coder | None] = relationship()
    group: Mapped[CodeGroup | None] = relationship(back_populates="codes")
    codings: Mapped[list[Coding]] = relationship(back_populates="code")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Coding(UidMixin, CreatedMixin, Base):
    """A code applied to a span of a transcript.

    The span's words and a little context are kept so the coding can be re-anchored when the transcript is
    re-imported; `status` says whether that went cleanly ("ok"), moved the span, changed its words, or lost
    them ("orphaned" — kept and flagged, never dropped)."""

    __tablename__ = "codings"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="RESTRICT"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="RESTRICT"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"), index=True)
    anchor_text: Mapped[str] = mapped_column(Text, default="")
    context_before: Mapped[str] = mapped_column(String(200), default="")
    context_after: Mapped[str] = mapped_column(String(200), default="")
    document_version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="ok")

    code: Mapped[Code] = relationship(back_populates="codings")
    document: Mapped[Document] = relationship()
    coder: Mapped[Coder | None] = relationship()


class Concept(UidMixin, CreatedMixin, Base):
    """A begrep developed from one code group, with a definition and its key quotes."""

    __tablename__ = "concepts"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("code_groups.id", ondelete="RESTRICT"), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    definition: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    group: Mapped[CodeGroup] = relationship(back_populates="concept")
    key_quotes: Mapped[list[ConceptQuote]] = relationship(
        order_by="ConceptQuote.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ConceptQuote(Base):
    """A coding picked as one of a concept's key quotes, in the researcher's order."""

    __tablename__ = "concept_quotes"
    __table_args__ = (UniqueConstraint("concept_id", "coding_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_id: Mapped[int] = mapped_column(ForeignKey("concepts.id", ondelete="CASCADE"), index=True)
    coding_id: Mapped[int] = mapped_column(ForeignKey("codings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    coding: Mapped[Coding] = relationship()

"""Concepts (SDI step 4, begrepsutvikling): one concept developed from each code group — a name, a
definition, notes, and the key quotes chosen from the group's own codings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from sdi.storage.base import utcnow
from sdi.storage.history import delete_children
from sdi.storage.models import Code, CodeGroup, Coding, Concept, ConceptQuote
from sdi.workflow.context import CodingContext, coding_contexts
from sdi.workflow.errors import WorkflowError, check_version, refused_if_taken, require
from sdi.workflow.project import Project


@dataclass(frozen=True)
class ConceptView:
    id: int
    group_id: int
    group_name: str
    name: str
    definition: str
    notes: str
    key_quotes: tuple[CodingContext, ...]
    version: int = 1


def list_concepts(project: Project) -> list[ConceptView]:
    with project.store.reading() as session:
        ids = session.scalars(
            select(Concept.id).join(CodeGroup, CodeGroup.id == Concept.group_id).order_by(CodeGroup.position)
        ).all()
    return [concept_view(project, i) for i in ids]


def concept_view(project: Project, concept_id: int) -> ConceptView:
    with project.store.reading() as session:
        concept = require(session, Concept, concept_id, "concept")
        quotes = coding_contexts(session, [q.coding_id for q in concept.key_quotes])
        return ConceptView(
            concept.id,
            concept.group_id,
            concept.group.name,
            concept.name,
            concept.definition,
            concept.notes,
            tuple(quotes),
            concept.version,
        )


def concept_of_group(project: Project, group_id: int) -> int | None:
    with project.store.reading() as session:
        return session.scalar(select(Concept.id).where(Concept.group_id == group_id))


def create_concept(project: Project, group_id: int, name: str, definition: str = "", notes: str = "") -> int:
    name = " ".join(name.split())
    if not name:
        raise WorkflowError(key="error.concept.name_needed")
    with project.store.transaction() as session:
        group = require(session, CodeGroup, group_id, "code group")
        if session.scalar(select(Concept.id).where(Concept.group_id == group_id)) is not None:
            raise WorkflowError(key="error.concept.exists", group=group.name)
        concept = Concept(group_id=group_id, name=name, definition=definition, notes=notes)
        with refused_if_taken(session, WorkflowError(key="error.concept.exists", group=group.name)):
            session.add(concept)
        project.record(
            session, "create-concept", "concept", concept.id, f"nytt begrep: {name} (fra {group.name})"
        )
        return concept.id


def update_concept(
    project: Project,
    concept_id: int,
    *,
    name: str | None = None,
    definition: str | None = None,
    notes: str | None = None,
    seen_version: int | None = None,
) -> None:
    with project.store.transaction() as session:
        concept = require(session, Concept, concept_id, "concept")
        check_version(session, concept, seen_version, "concept", concept.name)
        if name is not None:
            if not name.strip():
                raise WorkflowError(key="error.concept.name_needed")
            concept.name = " ".join(name.split())
        if definition is not None:
            concept.definition = definition
        if notes is not None:
            concept.notes = notes
        concept.updated_at = utcnow()
        project.record(session, "edit-concept", "concept", concept_id, f"endret begrepet «{concept.name}»")


def delete_concept(project: Project, concept_id: int) -> None:
    with project.store.transaction() as session:
        concept = require(session, Concept, concept_id, "concept")
        delete_children(session, concept, "key_quotes")
        session.delete(concept)
        project.record(session, "delete-concept", "concept", concept_id, f"slettet begrepet «{concept.name}»")


def set_key_quotes(project: Project, concept_id: int, coding_ids: Sequence[int]) -> None:
    """Choose (and order) a concept's key quotes. Only codings of the concept's own group qualify: a
    concept is checked against its data, not decorated with quotes from elsewhere."""
    with project.store.transaction() as session:
        concept = require(session, Concept, concept_id, "concept")
        allowed = set(
            session.scalars(
                select(Coding.id)
                .join(Code, Code.id == Coding.code_id)
                .where(Code.group_id == concept.group_id)
            )
        )
        outside = [i for i in coding_ids if i not in allowed]
        if outside:
            raise WorkflowError(key="error.concept.outside", outside=outside, group=concept.group.name)
        wanted = list(dict.fromkeys(coding_ids))
        current = {q.coding_id: q for q in concept.key_quotes}
        for coding_id, quote in current.items():
            if coding_id not in wanted:
                session.delete(quote)
        session.flush()
        for position, coding_id in enumerate(wanted):
            kept = current.get(coding_id)
            if kept is None:
                session.add(ConceptQuote(concept_id=concept_id, coding_id=coding_id, position=position))
            elif kept.position != position:
                kept.position = position
        project.record(
            session, "key-quotes", "concept", concept_id, f"{len(wanted)} nøkkelsitater for «{concept.name}»"
        )

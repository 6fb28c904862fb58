"""`sdi reindex`: annotate the stored transcripts again with the pipeline now in use, and rebuild their
search index — after the pipeline changed (sdi's own model replacing the lookup lemmas, a model installed),
so searches find the lemmas the new pipeline gives. Each transcript is one transaction: an interrupted run
keeps what it finished and the rest as it was; running again goes on where it stopped. The transcripts'
text, turns and codings are never touched, only the index beside them. Called by the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from sdi.storage.models import Document, Utterance
from sdi.storage.search_index import remove_document
from sdi.workflow.project import Project
from sdi.workflow.search import compact_index, index_document, index_model, index_pipeline


@dataclass(frozen=True)
class ReindexPlan:
    pipeline: str  # the pipeline that will index
    documents: list[int]  # transcripts to index again, in id order
    turns: int  # their turns


def plan(project: Project, everything: bool = False) -> ReindexPlan:
    """The transcripts indexed by another pipeline than the one in use now (all of them with
    `everything`). Loads no pipeline: the name comes from `describe_pipeline`."""
    from sdi.nlp.pipeline import describe_pipeline

    name = describe_pipeline(index_model(project)).name
    with project.store.reading() as session:
        query = select(Document.id).order_by(Document.id)
        if not everything:
            query = query.where(Document.pipeline != name)
        ids = list(session.scalars(query))
        turns = session.scalar(select(func.count()).where(Utterance.document_id.in_(ids))) if ids else 0
    return ReindexPlan(name, ids, int(turns or 0))


def reindex(
    project: Project,
    documents: list[int],
    progress: Callable[[int, int], None] = lambda done, turns: None,
) -> int:
    """Index `documents` again, one transaction each; `progress(transcripts done, turns done)` after each.
    Returns the turns indexed."""
    index_pipeline(project)  # load before the first transaction, so no write waits on it
    total = 0
    for done, document_id in enumerate(documents, 1):
        with project.store.transaction() as session:
            document = session.get(Document, document_id)
            if document is not None:
                remove_document(session, document.id)
                session.flush()
                total += index_document(project, session, document)
        progress(done, total)
    if documents:
        compact_index(project)
        project.store.checkpoint()
    return total

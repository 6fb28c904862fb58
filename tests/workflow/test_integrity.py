"""`sdi check` finds what is wrong and says nothing when all is well."""

from __future__ import annotations

from sqlalchemy import update

from sdi.storage.models import Coding
from sdi.workflow.code import add_coding, create_code
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.integrity import check_store
from sdi.workflow.project import Project
from sdi.workflow.transcript import list_transcripts
from tests.conftest import transcript_md, write

BODY = "Moderator: Hva tenker dere?\n\nP1: Jeg venter med å ringe hjem.\n"


def test_sound_store_passes_and_damage_is_reported(project: Project) -> None:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    doc = list_transcripts(project)[0].id
    coding = add_coding(project, create_code(project, "Venter"), doc, 20, 30)
    assert check_store(project).ok and check_store(project).notes == []
    with project.store.transaction() as session:
        session.execute(update(Coding).where(Coding.id == coding).values(start=25, end=35))
    report = check_store(project)
    assert report.problems == [f"coding {coding} in corpus/bh-1.md no longer covers its words"]
    with project.store.transaction() as session:
        session.execute(update(Coding).where(Coding.id == coding).values(end=10_000))
    assert "lies outside corpus/bh-1.md" in check_store(project).problems[0]

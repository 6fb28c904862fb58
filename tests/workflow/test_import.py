"""Importing transcripts: versions, idempotence, re-anchoring, and bad input that leaves the store alone."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sdi.storage.models import AuditEvent, Coding, Document, DocumentVersion, Participant, Stage, Utterance
from sdi.workflow.code import add_coding, codings_of_document, create_code
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project
from tests.conftest import dump_store, transcript_md, write

BODY = """\
# Runde 1

Moderator: Velkommen. Hva gjør dere når dere blir bekymret for et barn?

P1: Eh, jeg venter med å ringe hjem til jeg er helt sikker, altså.
Det tar ofte flere uker (pause) før jeg tør.

P2: Jeg ringer med en gang (ler). Emil sin mor sa takk etterpå.

Moderator: Og stafettloggen?

P1: Den ligger i en perm. Ingen visste hvem som hadde stafettpinnen.
"""
PHRASE = "venter med å ringe hjem til jeg er helt sikker"


def count(project: Project, model: type) -> int:
    with project.store.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def first_document(project: Project) -> Document:
    with project.store.reading() as session:
        document = session.scalars(select(Document)).one()
        session.expunge(document)
        return document


def code_phrase(project: Project, phrase: str = PHRASE) -> int:
    document = first_document(project)
    start = document.text.index(phrase)
    code_id = create_code(project, "Pedagogisk leder venter med å ringe hjem til hun er helt sikker")
    return add_coding(project, code_id, document.id, start, start + len(phrase))


def test_import_stores_groups_stages_participants_and_turns(project: Project) -> None:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    report = import_paths(project, [])
    assert [o.action for o in report.outcomes] == ["imported"]
    outcome = report.outcomes[0]
    assert outcome.turns == 5
    document = first_document(project)
    assert document.version == 1 and document.source_path == "corpus/bh-1.md"
    with project.store.reading() as session:
        turns = session.scalars(select(Utterance).order_by(Utterance.seq)).all()
        assert [t.speaker for t in turns] == ["Moderator", "P1", "P2", "Moderator", "P1"]
        assert [t.is_moderator for t in turns] == [True, False, False, True, False]
        assert turns[1].line == 27  # the source line of "P1: Eh, jeg venter…" in the file
        assert document.text[turns[1].start : turns[1].end].startswith("Eh, jeg venter med å ringe hjem")
        assert "(pause)" in document.text[turns[1].start : turns[1].end]
        assert turns[1].cues  # the pause is marked as non-speech
        roles = {p.pseudonym: p.role for p in session.scalars(select(Participant))}
        assert roles["P1"] == "Pedagogisk leder"
        stage = session.scalars(select(Stage)).one()
        assert stage.number == 1 and str(stage.date) == "2025-02-12"
    assert count(project, AuditEvent) == 1


@pytest.fixture
def project_with_names(project_dir: Path) -> Project:
    config = project_dir / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8") + '"Emil" = "[barn]"\n', encoding="utf-8")
    from sdi.workflow.project import open_project

    return open_project(project_dir, coder="tester", exact=True)


def test_names_from_the_pseudonym_list_never_reach_the_store(project_with_names: Project) -> None:
    project = project_with_names
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    assert "Emil" not in dump_store(project)
    assert "[barn] sin mor" in first_document(project).text
    project.close()


def test_reimporting_an_unchanged_file_writes_nothing(project: Project) -> None:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    before = dump_store(project)
    report = import_paths(project, [])
    assert [o.action for o in report.outcomes] == ["unchanged"]
    assert dump_store(project) == before


def test_changed_metadata_updates_without_a_new_version(project: Project) -> None:
    path = write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    path.write_text(
        transcript_md("Barnehage Fjordvik", 1, BODY, extra='summary = "De venter lenge."'), encoding="utf-8"
    )
    assert [o.action for o in import_paths(project, []).outcomes] == ["metadata"]
    with project.store.reading() as session:
        assert session.scalars(select(Stage)).one().summary == "De venter lenge."
    assert first_document(project).version == 1


def reimport_with(project: Project, old: str, new: str) -> Coding:
    path = project.root / "corpus/bh-1.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    report = import_paths(project, [])
    assert [o.action for o in report.outcomes] == ["updated"]
    with project.store.reading() as session:
        return session.scalars(select(Coding)).one()


@pytest.fixture
def coded(project: Project) -> Project:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    code_phrase(project)
    return project


def test_changed_file_becomes_a_new_version_and_keeps_the_old_text(coded: Project) -> None:
    old_text = first_document(coded).text
    reimport_with(coded, "Velkommen.", "Velkommen alle sammen, så fint at dere kom.")
    document = first_document(coded)
    assert document.version == 2
    with coded.store.reading() as session:
        versions = session.scalars(select(DocumentVersion)).all()
        assert [(v.version, v.text) for v in versions] == [(1, old_text)]
        assert session.scalar(select(func.count()).select_from(Utterance)) == 5


def test_coding_follows_its_words_when_text_is_inserted_before(coded: Project) -> None:
    coding = reimport_with(coded, "Velkommen.", "Velkommen alle sammen, så fint at dere kom.")
    text = first_document(coded).text
    assert coding.status == "moved"
    assert text[coding.start : coding.end] == PHRASE


def test_coding_follows_its_words_when_text_is_deleted_before(coded: Project) -> None:
    coding = reimport_with(coded, "Hva gjør dere når dere blir bekymret for et barn?", "Hva gjør dere?")
    assert first_document(coded).text[coding.start : coding.end] == PHRASE
    assert coding.status == "moved"


def test_text_inserted_inside_a_coded_span_is_flagged(coded: Project) -> None:
    coding = reimport_with(coded, "ringe hjem til", "ringe hjem, eller sende melding, til")
    assert coding.status == "changed"
    assert first_document(coded).text[coding.start : coding.end] == (
        "venter med å ringe hjem, eller sende melding, til jeg er helt sikker"
    )
    assert coding.anchor_text == PHRASE  # what the researcher coded is kept
    views = codings_of_document(coded, coding.document_id)
    assert views[0].original == PHRASE and views[0].status == "changed"


def test_text_deleted_inside_a_coded_span_is_flagged(coded: Project) -> None:
    coding = reimport_with(coded, "er helt sikker", "er sikker")
    assert coding.status == "changed"
    assert (
        first_document(coded).text[coding.start : coding.end] == "venter med å ringe hjem til jeg er sikker"
    )


def test_coding_whose_words_vanish_is_orphaned_not_dropped(coded: Project) -> None:
    coding = reimport_with(coded, "Eh, jeg venter med å ringe hjem til jeg er helt sikker, altså.\n", "")
    assert coding.status == "orphaned"
    assert coding.start == coding.end
    assert coding.anchor_text == PHRASE
    # The words come back in a later version: the coding finds them again.
    path = coded.root / "corpus/bh-1.md"
    path.write_text(transcript_md("Barnehage Fjordvik", 1, BODY), encoding="utf-8")
    import_paths(coded, [])
    with coded.store.reading() as session:
        restored = session.scalars(select(Coding)).one()
    assert restored.status == "moved"
    assert first_document(coded).text[restored.start : restored.end] == PHRASE


def assert_refused(project: Project, relative: str, content: str | bytes, *words: str) -> None:
    before = dump_store(project)
    path = write(project.root, relative, content)
    report = import_paths(project, [path])
    assert [o.action for o in report.outcomes] == ["failed"]
    message = report.outcomes[0].message
    assert message.splitlines() == [message]  # one line
    assert Path(relative).name in message
    for word in words:
        assert word in message, message
    assert dump_store(project) == before


@pytest.fixture
def imported(project: Project) -> Project:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    code_phrase(project)
    return project


def test_empty_file_is_refused(imported: Project) -> None:
    assert_refused(imported, "corpus/tom.md", b"", "empty")


def test_binary_file_is_refused(imported: Project) -> None:
    assert_refused(
        imported, "corpus/bilde.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"
    )


def test_transcript_without_speakers_is_refused(imported: Project) -> None:
    assert_refused(
        imported, "corpus/notat.md", "Bare et notat om møtet.\nUten talere.\n", "no speaker labels"
    )


def test_unreadable_docx_is_refused(imported: Project) -> None:
    assert_refused(imported, "corpus/ødelagt.docx", b"PK\x03\x04 this is not really a zip", "docx")


def test_docx_without_document_part_is_refused(imported: Project, tmp_path: Path) -> None:
    broken = tmp_path / "x.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert_refused(imported, "corpus/mangler.docx", broken.read_bytes(), "docx")


def test_duplicate_stage_is_refused(imported: Project) -> None:
    assert_refused(
        imported,
        "corpus/bh-1-kopi.md",
        transcript_md("Barnehage Fjordvik", 1, BODY.replace("Velkommen.", "Hei.")),
        "duplicate stage",
        "corpus/bh-1.md",
    )


def test_bad_front_matter_names_the_line(imported: Project) -> None:
    broken = transcript_md("Barnehage Fjordvik", 2, BODY).replace("stage = 2", "stage = to")
    assert_refused(imported, "corpus/bh-2.md", broken, "bh-2.md:6")


def test_path_outside_the_project_is_refused(imported: Project, tmp_path: Path) -> None:
    before = dump_store(imported)
    outside = write(tmp_path, "annet/bh-9.md", transcript_md("Barnehage Fjordvik", 9, BODY))
    report = import_paths(imported, [outside])
    assert [o.action for o in report.outcomes] == ["failed"]
    assert "outside the project" in report.outcomes[0].message
    assert dump_store(imported) == before


def test_one_bad_file_does_not_stop_the_others(project: Project) -> None:
    write(project.root, "corpus/a-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    write(project.root, "corpus/b-tom.md", b"")
    write(project.root, "corpus/c-1.md", transcript_md("Skole Fjordvik", 1, BODY))
    report = import_paths(project, [])
    assert [o.action for o in report.outcomes] == ["imported", "failed", "imported"]
    assert count(project, Document) == 2

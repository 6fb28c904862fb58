"""A REFI-QDA source that is a known transcript with other words: a text we never had becomes the
transcript's next version (the old text kept, codings following their words, turns rebuilt); a text we
had before (the colleague coded an older version) leaves the transcript alone and moves the file's new
codings forward onto the current words."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from sdi.export.refi import write_qdpx
from sdi.ingest.refi import RefiCoding, RefiProject, RefiSelection, RefiSource
from sdi.storage.models import Coding, Document
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.exchange.refi import gather_refi
from sdi.workflow.exchange.refi_import import import_refi_file
from sdi.workflow.integrity import check_store
from sdi.workflow.project import Project
from tests.conftest import dump_store, transcript_md, write
from tests.workflow.test_refi import BODY, analysed

ADDED = "Og en ting til."


def first_source(data: RefiProject) -> RefiSource:
    return next(s for s in data.sources if any(v.value == "corpus/bh-1.md" for v in s.values))


def with_source(data: RefiProject, source: RefiSource, *, cases: bool = True) -> RefiProject:
    sources = tuple(source if s.guid == source.guid else s for s in data.sources)
    return replace(data, sources=sources, cases=data.cases if cases else ())


def coded_at(source: RefiSource, words: str, code: str) -> RefiSelection:
    """A new selection coding `words` of the source's text with `code`."""
    start = source.text.index(words)
    return RefiSelection(
        str(uuid.uuid4()), start, start + len(words), "", (RefiCoding(str(uuid.uuid4()), code),)
    )


def transcript(project: Project) -> tuple[Document, list[tuple[str, str, str]], list[tuple[str, str]]]:
    """The first transcript, its codings (words, status, anchor) and turns (speaker, words)."""
    with project.store.reading() as session:
        document = session.scalar(select(Document).where(Document.source_path == "corpus/bh-1.md"))
        assert document is not None
        codings = [
            (document.text[c.start : c.end], c.status, c.anchor_text)
            for c in session.scalars(
                select(Coding).where(Coding.document_id == document.id).order_by(Coding.id)
            )
        ]
        turns = [(u.speaker, document.text[u.start : u.end]) for u in document.utterances]
        document.versions  # noqa: B018 - loaded while the session is open
        session.expunge(document)
    return document, codings, turns


@pytest.mark.parametrize("cases", [True, False], ids=["speakers-from-cases", "speakers-kept"])
def test_a_changed_text_becomes_the_next_version(project: Project, tmp_path: Path, cases: bool) -> None:
    analysed(project)
    old, old_codings, old_turns = transcript(project)
    data = gather_refi(project)
    source = first_source(data)
    changed = replace(source, text=source.text.replace("perm", "mapp") + "\n" + ADDED)
    code = next(c.guid for c in data.codes if c.codable)
    changed = replace(changed, selections=(*source.selections, coded_at(changed, ADDED, code)))
    path = write_qdpx(with_source(data, changed, cases=cases), tmp_path / "kollega.qdpx")

    report = import_refi_file(project, path)
    assert (report.versions, report.codings, report.transcripts) == (1, 1, 0)
    assert report.flagged == 1  # the coding whose words said «perm»
    document, codings, turns = transcript(project)
    assert document.version == old.version + 1 and document.text == changed.text
    assert [v.text for v in document.versions] == [old.text]  # nothing stored is lost
    assert len(codings) == len(old_codings) + 1
    for (words, _status, anchor), (new_words, new_status, new_anchor) in zip(
        old_codings, codings, strict=False
    ):
        assert new_words == words.replace("perm", "mapp")  # every coding follows its words
        if "perm" in words:  # flagged, the words as coded kept for the researcher
            assert (new_status, new_anchor) == ("changed", anchor)
        else:
            assert new_status in ("ok", "moved") and new_anchor == anchor
    assert codings[-1][:2] == (ADDED, "ok")
    expected = [(speaker, words.replace("perm", "mapp")) for speaker, words in old_turns] + [("", ADDED)]
    assert turns == expected  # speakers kept, from the file's cases or by following their words
    assert check_store(project).ok, check_store(project).problems
    before = dump_store(project)
    again = import_refi_file(project, path)  # the same file again: now the same text, nothing to add
    assert again.added == 0 and dump_store(project) == before


def test_codings_on_an_older_text_move_forward(project: Project, tmp_path: Path) -> None:
    analysed(project)
    data = gather_refi(project)  # the colleague's copy, exported before our next re-import
    extra = '[[participants]]\nlabel = "P3"\nrole = "Styrer"\nattributes = { alder = "50-59" }\n'
    newer = BODY.replace("P1: Jeg venter", "P1: Først dette. Jeg venter").replace(", altså", "")
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, newer, extra=extra))
    assert import_paths(project, []).count("updated") == 1
    current, _, _ = transcript(project)

    source = first_source(data)
    code = next(c.guid for c in data.codes if c.codable)
    moved, lost = coded_at(source, "Stafettloggen ligger", code), coded_at(source, "altså", code)
    path = write_qdpx(with_source(data, replace(source, selections=(*source.selections, moved, lost))),
                      tmp_path / "eldre.qdpx")  # fmt: skip
    report = import_refi_file(project, path)
    assert (report.versions, report.codings, report.flagged, report.matched) == (0, 2, 1, 2)
    document, codings, _ = transcript(project)
    assert (document.version, document.text) == (current.version, current.text)  # left as it is
    assert codings[-2][:2] == ("Stafettloggen ligger", "moved")
    assert codings[-1][1:] == ("orphaned", "altså")  # the coded words are kept for the researcher
    assert check_store(project).ok, check_store(project).problems

"""REFI-QDA completeness: quote sets, concepts' key quotes and non-speech cues go out in a file that still
validates, and come back when our own importer reads our own export — as notes on the quoted passages,
listed by Sets, never as memos."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from sqlalchemy import select

from sdi.export.refi import codebook_xml, write_qdpx
from sdi.storage.models import Coding, Concept, Document, Quote, QuoteSet, Utterance
from sdi.workflow.concept import set_key_quotes
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.exchange.refi import gather_refi
from sdi.workflow.exchange.refi_import import import_refi_file
from sdi.workflow.project import Project
from sdi.workflow.quote import add_quote, create_quote_set
from tests.conftest import dump_store, transcript_md, write
from tests.workflow.test_refi import analysed, analysis, other, xsd

__all__ = ["other"]  # the fixture, shared with test_refi

CUED = """\
Moderator: Hvordan var det å ta den samtalen?

P1: Det var tungt (ler) men vi fikk det til [latter].
"""
NS = {"q": "urn:QDA-XML:project:1.0"}


def quoted(project: Project) -> None:
    """The analysed project, plus a transcript with cues, a quote set and a concept's key quotes."""
    analysed(project)
    write(project.root, "corpus/bh-3.md", transcript_md("Barnehage Fjordvik", 3, CUED))
    import_paths(project, [])
    with project.store.reading() as session:
        codings = session.scalars(select(Coding).order_by(Coding.id)).all()
        waiting = [c.id for c in codings if c.code.statement == "Venter med å ringe hjem"]
        log = next(c.id for c in codings if c.code.statement.startswith("Stafettloggen"))
        concept = session.scalars(select(Concept)).one().id
    poster = create_quote_set(project, "Poster", "Til konferansen.")
    add_quote(project, poster, log)
    add_quote(project, poster, waiting[0], "Jeg venter med […] hjem")
    with project.store.transaction() as session:
        session.scalars(select(Quote).where(Quote.coding_id == log)).one().note = "Godt bilde."
    create_quote_set(project, "Tomt sett")
    set_key_quotes(project, concept, list(reversed(waiting)))


def quotes(project: Project) -> dict[str, object]:
    """Quote sets, key quotes and cues as a reader sees them, independent of ids."""
    with project.store.reading() as session:

        def words(coding: Coding) -> str:
            return coding.document.text[coding.start : coding.end]

        sets = sorted(
            (s.name, s.description, [(q.position, words(q.coding), q.display_text, q.note) for q in s.quotes])
            for s in session.scalars(select(QuoteSet))
        )
        keys = sorted(
            (c.name, [(k.position, words(k.coding)) for k in c.key_quotes])
            for c in session.scalars(select(Concept))
        )
        cues = sorted(
            (u.document.source_path, u.seq, [u.document.text[a:b] for a, b in u.cues])
            for u in session.scalars(select(Utterance))
            if u.cues
        )
        words_of = sorted((d.source_path, d.word_count) for d in session.scalars(select(Document)))
    return {"sets": sets, "keys": keys, "cues": cues, "words": words_of}


def test_quote_sets_key_quotes_and_cues_round_trip(project: Project, other: Project, tmp_path: Path) -> None:
    quoted(project)
    mine = quotes(project)
    assert [name for name, _, _ in mine["sets"]] == ["Poster", "Tomt sett"]  # type: ignore[index]
    assert mine["cues"] and len(mine["keys"][0][1]) == 2  # type: ignore[index]
    path = write_qdpx(gather_refi(project), tmp_path / "studie.qdpx")
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    checker = xsd("Project.xsd")
    assert checker.validate(root), checker.error_log
    poster = root.find("q:Sets/q:Set[@name='Poster']", NS)
    assert poster is not None and poster.findtext("q:Description", namespaces=NS).startswith("[Sitatsett]")
    members = [m.get("targetGUID") for m in poster.findall("q:MemberNote", NS)]
    notes = {n.get("guid"): n for n in root.findall("q:Notes/q:Note", NS)}
    assert [notes[g].findtext("q:PlainTextContent", namespaces=NS) for g in members][
        1
    ] == "Jeg venter med […] hjem"
    pointed = {r.get("targetGUID") for r in root.iterfind(".//q:PlainTextSelection/q:NoteRef", NS)}
    assert set(members) <= pointed  # another tool finds each quote on its passage
    # no uncoded selections (other tools make empty annotations of them): cues are found again on import
    selections = list(root.iterfind(".//q:Sources//q:PlainTextSelection", NS))
    assert selections and all(s.find("q:Coding", NS) is not None for s in selections)

    report = import_refi_file(other, path)
    assert (report.quote_sets, report.quotes, report.key_quotes, report.memos) == (2, 2, 2, 6)
    assert quotes(other) == mine
    assert all(memo[3] != "Jeg venter med […] hjem" for memo in analysis(other)["memos"])  # type: ignore[attr-defined]
    before = dump_store(other)
    again = import_refi_file(other, path)  # idempotent: nothing twice
    assert again.added == 0 and dump_store(other) == before


def test_a_codebook_carries_no_quotes(project: Project, tmp_path: Path) -> None:
    """Quote sets are analysis, not codebook: a .qdc has the code groups only, and still validates."""
    quoted(project)
    book = gather_refi(project, codebook_only=True)
    assert {s.name for s in book.sets} == {"Å vente", "Restgruppe"}
    assert not [s for s in book.sets if s.description.startswith("[Sitatsett]")]
    checker = xsd("Codebook.xsd")
    assert checker.validate(etree.fromstring(codebook_xml(book))), checker.error_log

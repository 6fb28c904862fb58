"""REFI-QDA exchange with the store: project → .qdpx → an empty project gives the same analysis; a copy with
the same transcripts gets the codings attached; .qdc carries codes and groups; a foreign tool's project
lands in a focus group named after the file; bad files import nothing; every export validates."""

from __future__ import annotations

import argparse
import shutil
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from sdi.cli import refi as refi_cli
from sdi.export.refi import write_qdc, write_qdpx
from sdi.ingest.model import IngestError
from sdi.storage.models import Code, CodeGroup, Coder, Coding, Concept, Document, Memo, Participant, Utterance
from sdi.workflow.code import add_coding, create_code
from sdi.workflow.code_group import create_group, move_codes, rest_group
from sdi.workflow.concept import create_concept
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.exchange.refi import gather_refi
from sdi.workflow.exchange.refi_import import import_refi_file
from sdi.workflow.history import undo
from sdi.workflow.integrity import check_store
from sdi.workflow.memo import write_memo
from sdi.workflow.project import Project, init_project, open_project
from sdi.workflow.transcript import list_transcripts
from tests.conftest import POSTGRES_URL, REPO, dump_store, transcript_md, write

SCHEMAS = Path(__file__).resolve().parents[2] / ".." / "shared" / "refi-qda"
BODY = """\
Moderator: Hva gjør dere når dere blir bekymret? 😀

P1: Jeg venter med å ringe hjem til jeg er helt sikker. Det er «tryggest» sånn, altså.

P2: Stafettloggen ligger i en perm på kontoret.
"""


def xsd(name: str) -> etree.XMLSchema:
    if not (SCHEMAS / name).exists():
        pytest.skip(f"REFI-QDA schemas not found: put Project.xsd and Codebook.xsd in {SCHEMAS.resolve()}")
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture
def other(tmp_path: Path, database_url: str) -> Iterator[Project]:
    """A second, empty project on the same engine as `project` (a colleague's machine or team server)."""
    url = ""
    if database_url:
        import psycopg

        url = POSTGRES_URL.rsplit("/", 1)[0] + f"/sdi_test_{uuid.uuid4().hex[:12]}"
        admin = POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{url.rsplit("/", 1)[1]}"')
    root = tmp_path / "kollega"
    init_project(root, "Kollega")
    config = root / "sdi.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('url = ""', f'url = "{url}"'), encoding="utf-8")
    opened = open_project(root, coder="kollega", exact=True)
    yield opened
    opened.close()
    if url:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def analysed(project: Project) -> None:
    extra = '[[participants]]\nlabel = "P3"\nrole = "Styrer"\nattributes = { alder = "50-59" }\n'
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY, extra=extra))
    second_body = BODY.replace("perm", "hylle")
    write(project.root, "corpus/bh-2.md", transcript_md("Barnehage Fjordvik", 2, second_body))
    import_paths(project, [])
    first, second = (t.id for t in list_transcripts(project))
    with project.store.reading() as session:
        text = session.get(Document, first).text
    waiting = create_code(project, "Venter med å ringe hjem", "Om å vente.")
    log = create_code(project, "Stafettloggen ligger i en perm")
    loose = create_code(project, "Ugruppert kode")
    start = text.index("Jeg venter")
    coding = add_coding(project, waiting, first, start, start + 28)
    add_coding(project, log, first, text.index("Stafettloggen"), text.index("Stafettloggen") + 30)
    add_coding(project, loose, second, 10, 40)
    add_coding(project, waiting, second, 0, 20)
    group = create_group(project, "Å vente", "Koder om å vente.")
    move_codes(project, [waiting], group)
    move_codes(project, [log], rest_group(project))
    concept = create_concept(project, group, "Sikkerhetsventing", "Å vente til man er sikker.")
    write_memo(project, "code", waiting, "Henger sammen med frykt.", "Frykt")
    write_memo(project, "coding", coding, "Typisk sitat.")
    write_memo(project, "document", first, "God stemning.")
    write_memo(project, "code_group", group, "Gruppa er tydelig.")
    write_memo(project, "project", None, "Prosjektnotat.")
    write_memo(project, "concept", concept, "Begrepet må prøves.")
    with project.store.transaction() as session:
        session.get(Code, log).color = "#1f77b4"


def analysis(project: Project) -> dict[str, object]:
    """What a researcher sees, independent of ids and engines."""
    with project.store.reading() as session:
        codes = {c.id: c for c in session.scalars(select(Code))}
        groups = {g.id: g for g in session.scalars(select(CodeGroup))}
        documents = {d.id: d for d in session.scalars(select(Document))}
        coders = {c.id: c.name for c in session.scalars(select(Coder))}
        codings = sorted(
            (documents[c.document_id].source_path, c.start, c.end, c.anchor_text, c.status,
             documents[c.document_id].text[c.start : c.end], codes[c.code_id].statement,
             coders.get(c.coder_id or 0)) for c in session.scalars(select(Coding))
        )  # fmt: skip
        targets = {"code": lambda i: codes[i].statement, "coding": lambda i: session.get(Coding, i).start,
                   "document": lambda i: documents[i].source_path, "code_group": lambda i: groups[i].name,
                   "project": lambda i: None}  # fmt: skip
        return {
            "codes": sorted((c.statement, c.description, c.color) for c in codes.values()),
            "groups": sorted((g.name, g.description, g.is_rest, sorted(c.statement for c in g.codes))
                             for g in groups.values()),
            "concepts": sorted((c.name, c.definition) for c in session.scalars(select(Concept))),
            "codings": codings,
            "memos": sorted((m.target_type, targets[m.target_type](m.target_id), m.title, m.text)
                            for m in session.scalars(select(Memo)) if m.target_type != "concept"),
            "transcripts": sorted((d.source_path, d.title, d.text, d.stage.number, d.stage.group.name,
                                   d.stage.group.site, d.stage.date) for d in documents.values()),
            "turns": sorted((documents[u.document_id].source_path, u.seq, u.speaker, u.start, u.end,
                             u.is_moderator) for u in session.scalars(select(Utterance))),
            "participants": sorted((p.group.name, p.pseudonym, p.role, p.is_moderator, sorted(p.attributes))
                                   for p in session.scalars(select(Participant))),
            "attributes": sorted(str(p.attributes) for p in session.scalars(select(Participant))),
        }


def test_round_trip_into_an_empty_project(project: Project, other: Project, tmp_path: Path) -> None:
    analysed(project)
    path = write_qdpx(gather_refi(project), tmp_path / "studie.qdpx")
    report = import_refi_file(other, path)
    counts = (report.transcripts, report.codes, report.groups, report.concepts, report.codings, report.memos)
    assert counts == (2, 3, 2, 1, 4, 6)
    assert report.participants == 4 and report.warnings == []
    mine, theirs = analysis(project), analysis(other)
    concept_memo = ("code_group", "Å vente", "", "Begrepet må prøves.")  # a concept's memo rides on its Set
    mine["memos"] = sorted([*mine["memos"], concept_memo])  # type: ignore[list-item]
    for key in mine:
        assert theirs[key] == mine[key], key
    with other.store.reading() as session:
        assert session.scalar(select(CodeGroup.is_rest).where(CodeGroup.name == "Restgruppe")) is True
    assert check_store(other).ok, check_store(other).problems  # turns, codings and search index all sound
    before = dump_store(other)
    again = import_refi_file(other, path)
    assert again.added == 0 and again.matched == 2 and dump_store(other) == before
    # and out again: the same file, byte for byte, apart from the project name
    assert gather_refi(other).codes == gather_refi(project).codes


def test_codings_attach_to_the_same_transcripts(project: Project, other: Project, tmp_path: Path) -> None:
    analysed(project)
    path = write_qdpx(gather_refi(project), tmp_path / "studie.qdpx")
    shutil.copytree(project.root / "corpus", other.root / "corpus", dirs_exist_ok=True)
    import_paths(other, [])
    before = analysis(other)
    report = import_refi_file(other, path)
    assert (report.transcripts, report.matched, report.codings) == (0, 2, 4)
    after = analysis(other)
    assert after["codings"] == analysis(project)["codings"]  # the codings keep their coder
    assert after["transcripts"] == before["transcripts"] and after["turns"] == before["turns"]
    undo(other)  # adding codings to known transcripts is one undoable action
    assert analysis(other)["codings"] == [] and analysis(other)["codes"] == []


def test_codebook_round_trip(project: Project, other: Project, tmp_path: Path) -> None:
    analysed(project)
    path = write_qdc(gather_refi(project, codebook_only=True), tmp_path / "kodebok.qdc")
    report = import_refi_file(other, path)
    counts = (report.codes, report.groups, report.concepts, report.codings, report.transcripts)
    assert counts == (3, 2, 1, 0, 0)
    mine, theirs = analysis(project), analysis(other)
    for key in ("codes", "groups", "concepts"):
        assert theirs[key] == mine[key], key


FOREIGN = """<?xml version="1.0" encoding="utf-8"?>
<Project name="Intervjuer" origin="QualCoder 3.5">
 <Users><User guid="{{U}}" name="ana"/></Users>
 <CodeBook><Codes>
  <Code guid="00000000-0000-4000-8000-000000000001" name="Tillit" isCodable="true">
   <NoteRef targetGUID="00000000-0000-4000-8000-000000000009"/>
   <Code guid="00000000-0000-4000-8000-000000000002" name="Ringe hjem" isCodable="true"/>
  </Code>
 </Codes></CodeBook>
 <Cases><Case guid="00000000-0000-4000-8000-000000000003" name="Kari">
  <SelectionRef targetGUID="00000000-0000-4000-8000-000000000006"/></Case></Cases>
 <Sources>
  <TextSource guid="00000000-0000-4000-8000-000000000004" name="Intervju 1" plainTextPath="internal://a.txt">
   <PlainTextSelection guid="00000000-0000-4000-8000-000000000005" startPosition="4" endPosition="15">
    <Coding guid="00000000-0000-4000-8000-000000000007" creatingUser="{{U}}">
     <CodeRef targetGUID="00000000-0000-4000-8000-000000000002"/></Coding>
   </PlainTextSelection>
   <PlainTextSelection guid="00000000-0000-4000-8000-000000000006" startPosition="0" endPosition="27"/>
  </TextSource>
  <TextSource guid="00000000-0000-4000-8000-000000000008" name="Intervju 2">
   <PlainTextContent>Andre intervju.</PlainTextContent></TextSource>
 </Sources>
 <Notes><Note guid="00000000-0000-4000-8000-000000000009" name="Om tillit">
  <PlainTextContent>Folk stoler på barnehagen.</PlainTextContent></Note></Notes>
 <Sets/>
</Project>
""".replace("{{U}}", "{00000000-0000-4000-8000-0000000000AA}")
FOREIGN_TEXT = "Jeg ringer hjem når jeg er.\nSå sier hun noe.\n\nOg mer."


def test_a_foreign_tools_project(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "Intervjuer 2024.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", FOREIGN)
        archive.writestr("Sources/a.txt", FOREIGN_TEXT)
    report = import_refi_file(project, path)
    counts = (report.transcripts, report.codes, report.codings, report.memos, report.participants)
    assert counts == (2, 2, 1, 1, 1)
    with project.store.reading() as session:
        documents = session.scalars(select(Document).order_by(Document.id)).all()
        assert [(d.stage.group.name, d.stage.number, d.title) for d in documents] == [
            ("Intervjuer 2024", 1, "Intervju 1"), ("Intervjuer 2024", 2, "Intervju 2")]  # fmt: skip
        coding = session.scalars(select(Coding)).one()
        assert documents[0].text[coding.start : coding.end] == "ringer hjem"
        assert coding.code.statement == "Ringe hjem"
        assert coding.coder.name == "ana" and "Underkode av «Tillit»" in coding.code.description
        turns = [(u.speaker, documents[0].text[u.start : u.end]) for u in documents[0].utterances]
        assert turns == [("Kari", "Jeg ringer hjem når jeg er."), ("", "Så sier hun noe."), ("", "Og mer.")]
        memo = session.scalars(select(Memo)).one()
        assert (memo.target_type, memo.target_id, memo.text) == ("code", session.scalar(
            select(Code.id).where(Code.statement == "Tillit")), "Folk stoler på barnehagen.")  # fmt: skip
    assert check_store(project).ok
    again = tmp_path / "ut.qdpx"  # and out again, valid, with the foreign GUIDs kept
    with zipfile.ZipFile(write_qdpx(gather_refi(project), again)) as archive:
        checker = xsd("Project.xsd")
        assert checker.validate(etree.fromstring(archive.read("project.qde"))), checker.error_log
    assert "00000000-0000-4000-8000-000000000002" in {c.guid for c in gather_refi(project).codes}


@pytest.mark.parametrize("kind", ["malformed", "truncated", "xxe", "traversal", "stage"])
def test_a_bad_file_imports_nothing(project: Project, tmp_path: Path, kind: str) -> None:
    analysed(project)
    good = write_qdpx(gather_refi(project), tmp_path / "god.qdpx").read_bytes()
    path = tmp_path / f"{kind}.qdpx"
    with zipfile.ZipFile(tmp_path / "god.qdpx") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    if kind == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif kind == "stage":  # a new transcript claiming a stage that already has one
        data = gather_refi(project)
        source = replace(data.sources[0], guid=str(uuid.uuid4()), text="Helt annen tekst.", selections=(),
                         values=tuple(v for v in data.sources[0].values if v.value != "corpus/bh-1.md"))
        write_qdpx(replace(data, sources=(source,), cases=()), path)
    else:
        qde = members["project.qde"]
        if kind == "malformed":
            members["project.qde"] = qde[: len(qde) // 2]
        elif kind == "xxe":
            doctype = b'<!DOCTYPE P [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            members["project.qde"] = qde.replace(b"<Project ", doctype + b"<Project ", 1)
        elif kind == "traversal":
            members["../../escape.txt"] = b"x"
        with zipfile.ZipFile(path, "w") as archive:
            for name, content in members.items():
                archive.writestr(name, content)
    before = dump_store(project)
    with pytest.raises((IngestError, WorkflowError)) as caught:
        import_refi_file(project, path)
    assert dump_store(project) == before
    if isinstance(caught.value, IngestError):
        assert caught.value.path == path
    else:
        assert kind == "stage"  # a changed text is a new version now: tests/workflow/test_refi_versions.py


def test_the_demo_project_exports_valid_files(demo_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root)
    project = open_project(root, coder="demo", exact=True)
    try:
        seed = REPO / "codebooks" / "demo-analyse.toml"
        if seed.exists():
            import_codebook_file(project, seed)
        data, book = gather_refi(project), gather_refi(project, codebook_only=True)
        names = tuple(project.config.pseudonyms)
    finally:
        project.close()
    qdpx, qdc = write_qdpx(data, tmp_path / "demo.qdpx"), write_qdc(book, tmp_path / "demo.qdc")
    with zipfile.ZipFile(qdpx) as archive:
        content = archive.read("project.qde")
        checker = xsd("Project.xsd")
        assert checker.validate(etree.fromstring(content)), checker.error_log
        assert len(archive.namelist()) == 1 + 16
        every = content + b"".join(archive.read(n) for n in archive.namelist())
    checker = xsd("Codebook.xsd")
    assert checker.validate(etree.parse(str(qdc))), checker.error_log
    assert len(data.sources) == 16 and data.cases and data.variables
    assert not [n for n in names if n.encode() in every]  # no real name from the pseudonym list
    assert write_qdpx(data, tmp_path / "again.qdpx").read_bytes() == qdpx.read_bytes()


def test_the_cli_refuses_a_file_with_a_real_name(project: Project, tmp_path: Path) -> None:
    analysed(project)
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path)
    parser.add_argument("--coder")
    refi_cli.register(parser.add_subparsers(dest="command"))

    def run(*argv: str) -> int:
        args = parser.parse_args(["--project", str(project.root), "--coder", "tester", *argv])
        return args.handler(args)

    assert run("refi", "export") == 0 and (project.root / "exports" / "teststudie.qdpx").exists()
    assert run("refi", "export", "--codebook-only", "-o", str(tmp_path / "k.qdc")) == 0
    create_code(project, "Kari Nordmann ringer alltid")  # a real name typed into a code
    key = project.root / ".sdi" / "pseudonymnokkel.toml"
    key.parent.mkdir(exist_ok=True)
    key.write_text('"Kari Nordmann" = "[pedagog]"\n', encoding="utf-8")
    key.chmod(0o600)
    assert run("refi", "export", "-o", str(tmp_path / "ut.qdpx")) == refi_cli.EXIT_NAMES
    assert not (tmp_path / "ut.qdpx").exists()
    assert run("refi", "import", str(tmp_path / "k.qdc")) == 0

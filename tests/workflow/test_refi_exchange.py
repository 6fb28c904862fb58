"""What our REFI-QDA files say for other tools (QualCoder's importer in particular), and what we recognise
when they come back: codes with new GUIDs by name, description or codings; codings by span; document sets
as transcript attributes, not empty code groups. Every file written here validates against the schema."""

from __future__ import annotations

import shutil
import uuid
import zipfile
from dataclasses import replace
from pathlib import Path

from lxml import etree
from sqlalchemy import select

from sdi.export.refi import write_qdpx
from sdi.ingest.refi import RefiCode, RefiProject, RefiUser, refi_guid
from sdi.storage.models import Code, CodeGroup, Coder, Coding, Document, Utterance
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.exchange.refi import gather_refi
from sdi.workflow.exchange.refi_import import import_refi_file
from sdi.workflow.project import Project, open_project
from tests.conftest import REPO, dump_store
from tests.workflow.test_refi import analysed, analysis, xsd

NS = {"q": "urn:QDA-XML:project:1.0"}


def qde(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    checker = xsd("Project.xsd")
    assert checker.validate(root), checker.error_log
    return root


def test_our_file_says_what_qualcoder_reads(project: Project, tmp_path: Path) -> None:
    analysed(project)
    root = qde(write_qdpx(gather_refi(project), tmp_path / "studie.qdpx"))
    assert root.get("creationDateTime") and root.get("creatingUserGUID")
    for tag in ("Sources/q:TextSource", "Notes/q:Note"):
        elements = root.findall(f"q:{tag}", NS)
        assert elements and all(e.get("creationDateTime") and e.get("creatingUser") for e in elements), tag
    selections = root.findall(".//q:Sources//q:PlainTextSelection", NS)
    assert all(s.find("q:Coding", NS) is not None for s in selections)  # no uncoded selections
    assert all(c.get("creationDateTime") and c.get("creatingUser") for c in root.iterfind(".//q:Coding", NS))
    code = root.find(".//q:Code[@name='Venter med å ringe hjem']", NS)
    assert code.findtext("q:Description", namespaces=NS) == "Om å vente.\n\n[Memo] Henger sammen med frykt."
    category = code.getparent()  # the code group as a category, beside its Set
    assert (category.get("name"), category.get("isCodable")) == ("Å vente", "false")
    assert "[Begrep] Sikkerhetsventing" in category.findtext("q:Description", namespaces=NS)
    assert root.find("q:Sets/q:Set[@name='Å vente']", NS) is not None
    memo = [s for s in selections if s.findtext("q:Description", namespaces=NS) == "Typisk sitat."]
    assert len(memo) == 1  # a coding's memo where QualCoder reads it
    cases = root.findall("q:Cases/q:Case", NS)
    speaking = [c for c in cases if c.find("q:CodeRef", NS) is not None]
    assert speaking and all(c.find("q:CodeRef", NS).get("targetGUID") == c.get("guid") for c in speaking)
    folder = root.find(".//q:Code[@name='[Deltakere]']", NS)
    assert folder.get("isCodable") == "false" and {c.get("guid") for c in folder} >= {
        c.get("guid") for c in speaking}  # fmt: skip


def _new_guids(data: RefiProject, rename: dict[str, tuple[str, str]]) -> RefiProject:
    """The file as a tool that issues new GUIDs writes it back; `rename`: name → (new name, description)."""
    fresh = {c.guid: str(uuid.uuid4()) for c in data.codes if c.codable}
    codes = tuple(replace(c, guid=fresh[c.guid], name=rename.get(c.name, (c.name, c.description))[0],
                          description=rename.get(c.name, (c.name, c.description))[1])
                  if c.guid in fresh else c for c in data.codes)  # fmt: skip
    sources = tuple(replace(s, selections=tuple(replace(x, guid=str(uuid.uuid4()), codings=tuple(
        replace(c, guid=str(uuid.uuid4()), code=fresh.get(c.code, c.code)) for c in x.codings))
        for x in s.selections)) for s in data.sources)  # fmt: skip
    sets = tuple(replace(s, guid=str(uuid.uuid4()), codes=tuple(fresh.get(c, c) for c in s.codes))
                 for s in data.sets)  # fmt: skip
    return replace(data, codes=codes, sources=sources, sets=sets, notes=(), project_notes=())


def test_codes_with_new_guids_are_recognised(project: Project, tmp_path: Path) -> None:
    analysed(project)
    before = dump_store(project)
    data = _new_guids(gather_refi(project), {
        "Stafettloggen ligger i en perm": ("Loggen i perm", ""),  # renamed: its codings say who it is
        "Ugruppert kode": ("Kode uten gruppe", ""),
        "Venter med å ringe hjem": ("Venter med å ringe", "Om å vente."),  # renamed: same description
    })  # fmt: skip
    report = import_refi_file(project, write_qdpx(data, tmp_path / "tilbake.qdpx"))
    assert report.codes == 0 and report.codings == 0 and report.groups == 0, report
    assert report.recognised == {"kodinger": 2, "beskrivelse": 1} and report.codings_matched == 4
    assert any("«Loggen i perm» i fila er «Stafettloggen ligger i en perm» her" in w for w in report.warnings)
    assert dump_store(project) == before  # names and everything else kept as the researchers have them


def test_a_genuinely_new_code_and_coding_are_added(project: Project, tmp_path: Path) -> None:
    analysed(project)
    data = _new_guids(gather_refi(project), {})
    new = RefiCode(str(uuid.uuid4()), "Helt ny kode", "Noe annet.")
    data = replace(data, codes=(*data.codes, new))
    source = data.sources[0]
    taken = {(x.start, x.end) for x in source.selections}
    spare = next((a, a + 3) for a in range(0, len(source.text) - 3) if (a, a + 3) not in taken)
    extra = replace(source.selections[0], guid=str(uuid.uuid4()), start=spare[0], end=spare[1], codings=(
        replace(source.selections[0].codings[0], guid=str(uuid.uuid4()), code=new.guid),))  # fmt: skip
    data = replace(data, sources=(replace(source, selections=(*source.selections, extra)), *data.sources[1:]))
    report = import_refi_file(project, write_qdpx(data, tmp_path / "tilbake.qdpx"))
    assert (report.codes, report.codings, report.codings_matched) == (1, 1, 4)
    with project.store.reading() as session:
        assert session.scalar(select(Code).where(Code.statement == "Helt ny kode")) is not None


MAXQDA = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Intervjuer" origin="MAXQDA 2022">
 <CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="Tillit" isCodable="true"/></Codes>
 </CodeBook>
 <Sources>
  <TextSource guid="00000000-0000-4000-8000-000000000004" name="Intervju 1">
   <PlainTextContent>Jeg ringer hjem når jeg er sikker.</PlainTextContent>
   <PlainTextSelection guid="00000000-0000-4000-8000-000000000005" startPosition="4" endPosition="15">
    <Coding guid="00000000-0000-4000-8000-000000000007">
     <CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding>
   </PlainTextSelection>
  </TextSource>
  <TextSource guid="00000000-0000-4000-8000-000000000008" name="Intervju 2">
   <PlainTextContent>Andre intervju.</PlainTextContent></TextSource>
 </Sources>
 <Sets>
  <Set guid="00000000-0000-4000-8000-000000000009" name="Foreldre">
   <MemberSource targetGUID="00000000-0000-4000-8000-000000000004"/></Set>
  <Set guid="00000000-0000-4000-8000-00000000000a" name="Tomt"/>
 </Sets>
</Project>
"""


def test_a_document_set_is_an_attribute_not_a_group(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "maxqda.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", MAXQDA)
    report = import_refi_file(project, path)
    counts = (report.transcripts, report.codes, report.groups, report.codings, report.attributes)
    assert counts == (2, 1, 0, 1, 1)
    assert any("«Tomt» skipped" in w for w in report.warnings)
    with project.store.reading() as session:
        assert session.scalars(select(CodeGroup)).all() == []
        attributes = {d.title: d.attributes for d in session.scalars(select(Document))}
        assert attributes == {"Intervju 1": {"Foreldre": "true"}, "Intervju 2": {}}
        coding = session.scalars(select(Coding)).one()
        assert coding.document.text[coding.start : coding.end] == "ringer hjem"
    root = qde(write_qdpx(gather_refi(project), tmp_path / "ut.qdpx"))  # and out again as a variable
    assert root.find("q:Variables/q:Variable[@name='Foreldre']", NS) is not None
    before = dump_store(project)
    assert import_refi_file(project, path).added == 0 and dump_store(project) == before


def test_the_demo_round_trips_identically(demo_root: Path, tmp_path: Path) -> None:
    """sdi → .qdpx → an empty project with the same sdi.toml: the same analysis, turns, speakers and cues."""
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root)
    copy = tmp_path / "kopi"
    copy.mkdir()
    shutil.copy(root / "sdi.toml", copy / "sdi.toml")
    project = open_project(root, coder="demo", exact=True)
    other = open_project(copy, coder="demo", exact=True)
    try:
        import_codebook_file(project, REPO / "codebooks" / "demo-analyse.toml")
        path = write_qdpx(gather_refi(project), tmp_path / "demo.qdpx")
        qde(path)
        report = import_refi_file(other, path)
        assert (report.transcripts, report.codes, report.codings, report.participants) == (16, 39, 95, 55)
        assert report.warnings == []
        mine, theirs = analysis(project), analysis(other)
        for key in mine:
            assert theirs[key] == mine[key], key
        assert spoken(other) == spoken(project)
        assert gather_refi(other).codes == gather_refi(project).codes  # the same GUIDs out again
    finally:
        project.close()
        other.close()


def spoken(project: Project) -> list[tuple[str, int, str, list[list[int]], int]]:
    """Every turn's speaker, non-speech cues and word count."""
    with project.store.reading() as session:
        return sorted((u.document.source_path, u.seq, u.speaker, u.cues, u.word_count)
                      for u in session.scalars(select(Utterance)))  # fmt: skip


def test_a_known_coders_coding_on_the_same_words_stays_theirs(project: Project, tmp_path: Path) -> None:
    """For agreement: the same code on the same span by another coder of the project is their own coding;
    by a user the project does not know (QualCoder's «default») it is ours come back."""
    analysed(project)
    with project.store.transaction() as session:
        ola = Coder(name="ola")
        session.add(ola)
        session.flush()
        ola_guid = refi_guid("coder", ola.uid)
    data = gather_refi(project)
    stranger = RefiUser(str(uuid.uuid4()), "default")
    waiting = next(c.guid for c in data.codes if c.name == "Venter med å ringe hjem")
    source = next(s for s in data.sources if any(x.codings[0].code == waiting for x in s.selections))
    coded = next(x for x in source.selections if x.codings[0].code == waiting)
    again = [replace(coded, guid=str(uuid.uuid4()), codings=(replace(coded.codings[0], guid=str(uuid.uuid4()),
                                                                     user=user),))
             for user in (ola_guid, stranger.guid)]  # fmt: skip
    source = replace(source, selections=(*source.selections, *again))
    data = replace(data, users=(*data.users, stranger),
                   sources=tuple(source if s.guid == source.guid else s for s in data.sources))  # fmt: skip
    report = import_refi_file(project, write_qdpx(data, tmp_path / "to.qdpx"))
    assert (report.codings, report.codings_matched) == (1, 1)
    with project.store.reading() as session:
        theirs = session.scalars(select(Coding).where(Coding.coder_id == ola.id)).all()
        assert [(c.start, c.end) for c in theirs] == [(coded.start, coded.end)]

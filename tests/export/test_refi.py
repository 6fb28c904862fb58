"""REFI-QDA writing from plain data: every file validates against the REFI schemas and reads back to the same
content; the zip is stable byte for byte; the schemas' quirks (no empty <Sets/>, MemberCode's attribute)
are honoured."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from sdi.export.refi import codebook_xml, project_xml, qdpx_bytes, refi_texts, write_qdc, write_qdpx
from sdi.ingest.refi import (
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiNote,
    RefiProject,
    RefiSelection,
    RefiSet,
    RefiSource,
    RefiUser,
    RefiValue,
    RefiVariable,
    read_refi,
    refi_guid,
)

SCHEMAS = Path(__file__).resolve().parents[2] / ".." / "shared" / "refi-qda"


def schema(name: str) -> etree.XMLSchema:
    """The REFI schema `name`; the test skips (saying where the files belong) when they are not there."""
    path = SCHEMAS / name
    if not path.exists():
        pytest.skip(f"REFI-QDA schemas not found: put Project.xsd and Codebook.xsd in {SCHEMAS.resolve()}")
    return etree.XMLSchema(etree.parse(str(path)))


def assert_valid(xsd: str, content: bytes) -> None:
    checker = schema(xsd)
    document = etree.fromstring(content)
    assert checker.validate(document), checker.error_log


TEXT = "Jeg venter med å ringe hjem 😀 til jeg er sikker.\nStafettloggen ligger i en perm."
USER = refi_guid("coder", "tester")
CODE_A, CODE_B, CHILD = (refi_guid("code", n) for n in ("a", "b", "child"))
SOURCE = refi_guid("document", "bh-1")
START = TEXT.index("sikker")
MEMO = refi_guid("memo", "1")


def sample() -> RefiProject:
    stamp = dt.datetime(2025, 2, 12, 10, 30, tzinfo=dt.UTC)
    coding = RefiCoding(refi_guid("coding", "1"), CODE_A, USER, stamp, (refi_guid("memo", "2"),))
    turn = refi_guid("turn", "bh-1:1")
    group, stage = refi_guid("variable", "group"), refi_guid("variable", "stage")
    return RefiProject(
        name="Teststudie",
        users=(RefiUser(USER, "tester"),),
        codes=(
            RefiCode(CODE_A, "Venter til hun er sikker", "Om å vente.", "#A1B2C3", None, (MEMO,)),
            RefiCode(CODE_B, "Stafettloggen i perm", ""),
            RefiCode(CHILD, "Underkode", "", None, CODE_B),
        ),
        sets=(RefiSet(refi_guid("group", "g"), "Å vente", "Koder om å vente.\n\n[Begrep] Sikkerhetsventing",
                      (CODE_A,), (refi_guid("memo", "3"),)),),
        variables=(RefiVariable(group, "Fokusgruppe"), RefiVariable(stage, "Runde", "Integer")),
        cases=(RefiCase(refi_guid("participant", "p1"), "P1 (Barnehage)", "", (RefiValue(group, "Bhg"),),
                        (SOURCE,), (turn,)),),
        sources=(RefiSource(
            SOURCE, "Barnehage – runde 1", TEXT, "Oppsummering.",
            (RefiSelection(refi_guid("selection", "1"), START, START + 6, "sikker", (coding,)),
             RefiSelection(turn, 0, TEXT.index("\n"), "P1")),
            (RefiValue(group, "Barnehage"), RefiValue(stage, "1", "Integer")),
            (refi_guid("memo", "4"),),
        ),),
        notes=tuple(RefiNote(refi_guid("memo", str(n)), f"Memo {n}", f"Tekst {n}\nlinje to", "", USER, stamp)
                    for n in range(1, 6)),
        project_notes=(refi_guid("memo", "5"),),
    )


def test_project_validates_and_reads_back(tmp_path: Path) -> None:
    data = sample()
    assert_valid("Project.xsd", project_xml(data))
    path = write_qdpx(data, tmp_path / "studie.qdpx")
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["project.qde", f"sources/{SOURCE}.txt"]
        assert archive.read(f"sources/{SOURCE}.txt").decode("utf-8") == TEXT
        assert f'plainTextPath="internal://{SOURCE}.txt"'.encode() in archive.read("project.qde")
    back = read_refi(path)
    assert back.codes == data.codes and back.sets == data.sets and back.users == data.users
    assert back.cases == data.cases and back.variables == data.variables
    assert back.sources == data.sources and back.notes == data.notes
    assert back.project_notes == data.project_notes and back.warnings == ()
    source = back.sources[0]
    assert source.text[source.selections[0].start : source.selections[0].end] == "sikker"  # code points


def test_codebook_validates_and_reads_back(tmp_path: Path) -> None:
    data = sample()
    assert_valid("Codebook.xsd", codebook_xml(data))
    back = read_refi(write_qdc(data, tmp_path / "kodebok.qdc"))
    assert [(c.guid, c.name, c.description, c.color, c.parent) for c in back.codes] == [
        (c.guid, c.name, c.description, c.color, c.parent) for c in data.codes
    ]
    assert [(s.guid, s.name, s.description, s.codes) for s in back.sets] == [
        (s.guid, s.name, s.description, s.codes) for s in data.sets
    ]
    child = etree.fromstring(codebook_xml(data)).find(".//{*}Code[@name='Underkode']")
    assert child is not None and child.getparent().get("guid") == CODE_B  # nested under its parent


def test_exports_are_stable_byte_for_byte() -> None:
    assert qdpx_bytes(sample()) == qdpx_bytes(sample())
    assert codebook_xml(sample()) == codebook_xml(sample())


def test_no_empty_sets_and_a_bare_project_still_validates() -> None:
    bare = RefiProject(name="Tom")
    content = project_xml(bare)
    assert b"Sets" not in content and b"Codes" not in content and b"Sources" not in content
    assert_valid("Project.xsd", content)
    without_sets = RefiProject(codes=sample().codes)
    assert b"Sets" not in codebook_xml(without_sets)
    assert_valid("Codebook.xsd", codebook_xml(without_sets))
    with pytest.raises(ValueError, match="at least one code"):
        codebook_xml(bare)


def test_text_xml_cannot_carry_is_dropped_not_refused(tmp_path: Path) -> None:
    data = RefiProject(name="Studie\x0c", codes=(RefiCode(CODE_A, "Side\x0cskift\x00", "a\x1bb"),))
    assert_valid("Project.xsd", project_xml(data))
    back = read_refi(write_qdc(data, tmp_path / "k.qdc"))
    assert (back.codes[0].name, back.codes[0].description) == ("Sideskift", "ab")


def test_read_back_texts_cover_everything_another_tool_shows(tmp_path: Path) -> None:
    texts = refi_texts(write_qdpx(sample(), tmp_path / "s.qdpx"))
    shown = " | ".join(text for _, text in texts)
    for expected in ("Venter til hun", "Å vente", "P1 (Barnehage)", "Stafettloggen ligger", "Tekst 3"):
        assert expected in shown

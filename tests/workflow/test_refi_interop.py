"""REFI-QDA files that other tools really wrote (../shared/interop, README there): what each imports as,
the exact coded words at the file's own offsets read in the unit the tool counts in, nothing twice on a
second import, and a colleague's QualCoder round trip of the demo recognised instead of duplicated. The
files hold other people's texts: they are read from ../shared, never copied into the repository."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sdi.ingest.refi import read_refi
from sdi.ingest.refi_positions import on_word_edge
from sdi.storage.models import Code, CodeGroup, Coding, Document, Memo, Participant
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.exchange.refi_import import import_refi_file
from sdi.workflow.project import Project, open_project
from tests.conftest import REPO, dump_store

INTEROP = REPO.parent / "shared" / "interop"
NVIVO = "nvivo-win12.6_oltas.qdpx"
EMOJI = "qualcoder4.0beta-generated_native-emoji-categories.qdpx"
ROUND_TRIP = "qualcoder4.0beta-generated_roundtrip-of-sdi-demo.qdpx"


def interop(name: str) -> Path:
    path = INTEROP / name
    if not path.exists():
        pytest.skip(f"real REFI-QDA files of other tools not found: put shared/ (with interop/{name}) beside "
                    f"the repository, at {INTEROP.parent.resolve()}")  # fmt: skip
    return path


def counts(project: Project) -> dict[str, int]:
    with project.store.reading() as session:
        memos = list(session.scalars(select(Memo)))
        return {
            "transcripts": session.scalar(select(func.count(Document.id))) or 0,
            "codes": session.scalar(select(func.count(Code.id))) or 0,
            "groups": session.scalar(select(func.count(CodeGroup.id))) or 0,
            "codings": session.scalar(select(func.count(Coding.id))) or 0,
            "memos": len(memos),
            "empty memos": sum(1 for m in memos if not m.text.strip()),
            "participants": session.scalar(select(func.count(Participant.id))) or 0,
        }


def coded_texts(project: Project) -> list[tuple[str, str]]:
    """(code, the words its coding covers in the stored text), in file order."""
    with project.store.reading() as session:
        return [(c.code.statement, c.document.text[c.start : c.end])
                for c in session.scalars(select(Coding).order_by(Coding.id))]  # fmt: skip


EXPECTED = {  # what each file imports as (before this work: no groups, NVivo's codings shifted)
    "atlasti-win23.2_target-project.qdpx": dict(transcripts=0, codes=3, groups=0, codings=0, memos=0),
    NVIVO: dict(transcripts=1, codes=60, groups=0, codings=97, memos=0),
    "openqda-refi-tools_MastodonMoodBoard_example_codebook.qdc": dict(transcripts=0, codes=44, groups=0,
                                                                     codings=0, memos=0),
    "qualcoder4.0beta-generated_native-categories.qdc": dict(transcripts=0, codes=5, groups=3, codings=0,
                                                            memos=0),
    EMOJI: dict(transcripts=2, codes=5, groups=3, codings=6, memos=3),
    "taguette1.5.2-generated_interop-tags.qdc": dict(transcripts=0, codes=5, groups=0, codings=0, memos=0),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_file_imports_once(project: Project, name: str) -> None:
    report = import_refi_file(project, interop(name))
    found = counts(project)
    assert {key: found[key] for key in EXPECTED[name]} == EXPECTED[name]
    assert found["empty memos"] == 0
    before = dump_store(project)
    again = import_refi_file(project, interop(name))
    assert again.added == 0 and dump_store(project) == before, again
    assert report.added > 0


def _utf16(text: str, start: int, end: int) -> str:
    """The words at positions counted in UTF-16 code units, as NVivo counts them."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_nvivo_positions_are_read_as_utf16(project: Project) -> None:
    path = interop(NVIVO)
    report = import_refi_file(project, path)
    assert report.positions.startswith("positions: UTF-16 code units, 97 of 97")
    with zipfile.ZipFile(path) as archive:  # the file's own offsets and text, read independently
        qde = archive.read("project.qde").decode("utf-8")
        name = next(n for n in archive.namelist() if n.endswith(".txt"))
        raw = archive.read(name).decode("utf-8-sig")
    assert "\r\n" in raw and any(ord(ch) > 0xFFFF for ch in raw)  # what makes the readings differ
    offsets = [(int(a), int(b)) for a, b in re.findall(r'startPosition="(\d+)" endPosition="(\d+)"', qde)]
    mine = coded_texts(project)
    assert len(mine) == len(offsets) == 97
    for (start, end), (_, words) in list(zip(offsets, mine, strict=True))[::7]:  # a sample, exactly
        assert words == _utf16(raw, start, end)
    with project.store.reading() as session:
        codings = list(session.scalars(select(Coding)))
        on_edges = sum(on_word_edge(c.document.text, c.start) and on_word_edge(c.document.text, c.end)
                       for c in codings)  # fmt: skip
    assert on_edges / len(codings) >= 0.97
    first = next(words for _, words in mine if words.startswith("Természetesen a transzhumanista"))
    assert first  # the coding the issue found cut to «tesen a transzhumanista…»


def test_qualcoder_categories_memos_and_annotations(project: Project) -> None:
    path = interop(EMOJI)
    report = import_refi_file(project, path)
    assert report.positions.startswith("positions: Unicode characters (code points), 7 of 7")
    with project.store.reading() as session:
        groups = {g.name: g for g in session.scalars(select(CodeGroup))}
        assert set(groups) == {"Samarbeid", "Kommunikasjon", "Access"}  # categories, not codes
        assert "Underkategori av «Samarbeid»" in groups["Kommunikasjon"].description
        assert groups["Samarbeid"].description == "Kategori om samarbeid"
        placed = {c.statement: c.group.name if c.group else None for c in session.scalars(select(Code))}
        assert placed == {"Wrong phone numbers": None, "Barnevernet gir ingen tilbakemelding": "Samarbeid",
                          "Foreldre ringer ikke tilbake": "Kommunikasjon", "Venter på svar": "Kommunikasjon",
                          "Long distance to health station": "Access"}  # fmt: skip
        memos = {(m.target_type, m.text): m for m in session.scalars(select(Memo))}
        coding_memo = memos[("coding", "coding memo")]  # a PlainTextSelection's Description
        coding = session.get(Coding, coding_memo.target_id)
        assert coding is not None and coding.document.text[coding.start : coding.end] == (
            "Noen ganger går det uker før noe skjer.")  # fmt: skip
        vigilo = memos[("utterance", "Vigilo = school messaging app")]  # on the turn holding its words
        assert vigilo.title == "«Vigilo»"  # the annotation keeps the words it annotates
        assert ("project", "Første inntrykk: mye frustrasjon.") in memos  # the journal
        coders = {c.coder.name for c in session.scalars(select(Coding)) if c.coder}
        assert coders == {"qc_tester", "second_coder"}
    with zipfile.ZipFile(path) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    names = set(re.findall(r'endPosition="\d+" name="([^"]*)"', qde))  # QualCoder names selections by words
    assert {words for _, words in coded_texts(project)} == names


@pytest.fixture
def demo(demo_root: Path, tmp_path: Path) -> Iterator[Project]:
    """The demo project with its seeded analysis (39 codes, 95 codings), on SQLite."""
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root)
    project = open_project(root, coder="demo", exact=True)
    import_codebook_file(project, REPO / "codebooks" / "demo-analyse.toml")
    yield project
    project.close()


def test_a_qualcoder_round_trip_is_recognised(demo: Project) -> None:
    path = interop(ROUND_TRIP)
    assert len({c.guid for c in read_refi(path).codes} & {c.uid for c in _codes(demo)}) == 0  # new GUIDs
    before = counts(demo)
    assert (before["codes"], before["codings"]) == (39, 95)
    report = import_refi_file(demo, path)
    after = counts(demo)
    assert after == before  # 39 codes, 95 codings, no new memos (1,688 empty or marker notes are none)
    assert report.added == 0 and report.recognised == {"navn": 39} and report.codings_matched == 95
    assert report.notes_skipped == 1688 and report.matched == 16
    again = import_refi_file(demo, path)
    assert again.added == 0


def _codes(project: Project) -> list[Code]:
    with project.store.reading() as session:
        return list(session.scalars(select(Code)))

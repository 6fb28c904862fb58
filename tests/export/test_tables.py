"""Codebook (Word, CSV) and the analysis report, read back from the files."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from docx import Document

from sdi.cli.main import main
from sdi.workflow.check import record_check
from sdi.workflow.code_group import list_groups
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.project import open_project
from tests.conftest import REPO


@pytest.fixture
def analysed(demo_root: Path, tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root)
    project = open_project(root, coder="tester", exact=True)
    try:
        import_codebook_file(project, REPO / "codebooks" / "demo-analyse.toml")
        group = next(g for g in list_groups(project) if g.concept == "Sikkerhetsventing")
        record_check(project, "code_group", group.id, "koder lest mot utsagnene, 2 omdøpt")
    finally:
        project.close()
    return root


def test_codebook_csv_and_word(analysed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(analysed), "export", "codebook"]) == 0
    with (analysed / "exports" / "kodebok.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 39
    waiting = [r for r in rows if r["group"] == "Å vente til man er sikker"]
    assert len(waiting) == 5 and all(int(r["codings"]) >= 1 for r in waiting)
    assert sum(1 for r in rows if r["group"] == "") == 4
    table = Document(str(analysed / "exports" / "kodebok.docx")).tables[0]
    header = ["Kode", "Beskrivelse", "Kodegruppe", "Kodinger", "Først brukt", "Sist brukt"]
    assert [c.text for c in table.rows[0].cells] == header
    assert len(table.rows) == 40
    assert {row.cells[0].text for row in table.rows[1:]} == {r["name"] for r in rows}


def test_analysis_report(analysed: Path) -> None:
    assert main(["--project", str(analysed), "export", "report"]) == 0
    document = Document(str(analysed / "exports" / "analyserapport.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Begrep: Sikkerhetsventing", "Begrep: Stafettbrudd"]
    assert "Restgruppe" in headings
    assert headings[-4:] == ["Figurer", "Kodegrupper per fokusgruppe og runde", "Memoer",
                             "Metodevedlegg: deduktive kontroller"]  # fmt: skip
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes and all(q.startswith("«") and q.endswith("»") for q in quotes)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert all("runde" in c or c.startswith("Figur ") for c in captions)
    assert [c for c in captions if c.startswith("Figur ")] == [
        "Figur 1: Begrepskart", "Figur 2: Kodegruppe × fokusgruppe: kodinger",
        "Figur 3: Kodinger per fokusgruppe og runde"]  # fmt: skip
    assert len(document.inline_shapes) == 3  # the figures, as pictures
    # the 16 stages in two tables of four focus groups each: the group over its two stages
    assert [len(t.columns) for t in document.tables] == [9, 9]
    first = document.tables[0]
    header = ["Kodegruppe", "Barnehage Fjordvik", "Barnehage Fjordvik"]
    assert [c.text for c in first.rows[0].cells][:3] == header
    assert [c.text for c in first.rows[1].cells][:3] == ["Kodegruppe", "runde 1", "runde 2"]
    assert first.rows[0].cells[1]._tc is first.rows[0].cells[2]._tc  # one merged cell
    assert {first.rows[2].cells[0].text} <= set(headings[:8]) | {"Å vente til man er sikker"}
    appendix = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert any(line.endswith("(tester): koder lest mot utsagnene, 2 omdøpt") for line in appendix)


def test_the_report_carries_concept_notes_and_memos(analysed: Path) -> None:
    from sdi.workflow.concept import list_concepts, update_concept
    from sdi.workflow.memo import write_memo
    from sdi.workflow.transcript import list_transcripts

    project = open_project(analysed, coder="tester", exact=True)
    try:
        concept = list_concepts(project)[0]
        notes = "Ventingen er en måte å beskytte relasjonen på.\n\nSjekk Åsmark."
        update_concept(project, concept.id, notes=notes)
        write_memo(project, "concept", concept.id, "Les runde 2 på nytt.", title="Neste steg")
        transcript = list_transcripts(project)[0]
        write_memo(project, "document", transcript.id, "Lydfilen mangler de siste minuttene.")
    finally:
        project.close()
    assert main(["--project", str(analysed), "export", "report", "--no-figures"]) == 0
    document = Document(str(analysed / "exports" / "analyserapport.docx"))
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    start = texts.index(("Heading 1", f"Begrep: {concept.name}"))
    section = texts[start : next(i for i in range(start + 1, len(texts)) if texts[i][0] == "Heading 1")]
    assert ("Heading 2", "Notater") in section
    assert ("Normal", "Ventingen er en måte å beskytte relasjonen på.") in section
    assert ("Normal", "Sjekk Åsmark.") in section
    memos = [text for style, text in section if style == "List Bullet" and "Neste steg" in text]
    assert memos[0].startswith(f"Begrep: {concept.name} – Neste steg: Les runde 2 på nytt. (tester, ")
    start = texts.index(("Heading 1", "Memoer")) + 1
    end = texts.index(("Heading 1", "Metodevedlegg: deduktive kontroller"))
    others = [text for _, text in texts[start:end]]
    memo = f"Transkripsjon: {transcript.title}: Lydfilen mangler de siste minuttene. (tester, "
    assert memo in "\n".join(others)
    assert any(text.startswith("Kode: ") for text in others)  # the demo's memo on a code in no group
    assert len(document.inline_shapes) == 0

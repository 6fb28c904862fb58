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
from sdi.workflow.codebook import import_codebook_file
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
    assert headings[-2:] == ["Kodegrupper per fokusgruppe og runde", "Metodevedlegg: deduktive kontroller"]
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes and all(q.startswith("«") and q.endswith("»") for q in quotes)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert all("runde" in c for c in captions)
    spread = document.tables[0]
    assert len(spread.columns) == 17  # code group + 16 stages
    assert spread.rows[0].cells[1].text == "Barnehage Fjordvik, runde 1"
    appendix = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert any(line.endswith("(tester): koder lest mot utsagnene, 2 omdøpt") for line in appendix)

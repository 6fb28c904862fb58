"""Every Word file sdi writes, read back: A4 (posters A0–A2 landscape), the project's language on every style,
the project's properties (author = the coder, created now), tables that fit their pages — and one report
rendered to PDF by LibreOffice when it is installed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from sdi.cli.main import main
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.project import Project, open_project
from sdi.workflow.quote import add_quote, create_quote_set
from tests.conftest import REPO
from tests.workflow.comparison_fixture import Study, build_study


@pytest.fixture
def study(project: Project) -> Study:
    found = build_study(project)
    poster = create_quote_set(project, "Plakat")
    for number in (1, 7, 5, 8):  # Barnehage, Skole, Barnehage, Skole
        add_quote(project, poster, found.codings[number])
    return found


@pytest.fixture
def demo(demo_root: Path, tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root)
    project = open_project(root, coder="tester", exact=True)
    try:
        import_codebook_file(project, REPO / "codebooks" / "demo-analyse.toml")
    finally:
        project.close()
    return root


def run(root: Path, *argv: str) -> None:
    assert main(["--project", str(root), "--coder", "Kari Koder", *argv]) == 0


def mm(value: int) -> int:
    return round(value / Mm(1))


def languages(path: Path) -> tuple[list[str], str]:
    """Every w:lang value on the defaults and the styles, and the settings' theme font language."""
    with zipfile.ZipFile(path) as docx:
        styles = docx.read("word/styles.xml").decode()
        settings = docx.read("word/settings.xml").decode()
    values = re.findall(r'<w:lang [^>]*w:val="([^"]+)"', styles)
    theme = re.search(r'<w:themeFontLang [^>]*w:val="([^"]+)"', settings)
    assert "w:proofState" not in settings
    return values, theme.group(1) if theme else ""


def check_document(path: Path, tag: str, author: str, title: str) -> None:
    document = Document(str(path))
    section = document.sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297), path.name
    values, theme = languages(path)
    styles = [s for s in document.styles if s.type in (1, 2, 3)]  # paragraph, character, table
    assert values and set(values) == {tag} and len(values) >= len(styles) + 1, path.name
    for style in styles:
        lang = style.element.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        assert lang is not None and lang.get(qn("w:val")) == tag, style.name
    assert theme == tag
    props = document.core_properties
    assert (props.author, props.last_modified_by, props.title, props.language) == (author, author, title, tag)
    now = dt.datetime.now(dt.UTC)
    assert props.created is not None and abs(props.created.replace(tzinfo=dt.UTC) - now).total_seconds() < 300
    assert props.modified is not None and props.revision == 1
    with zipfile.ZipFile(path) as docx:
        assert b"python-docx" not in docx.read("docProps/core.xml")


def test_every_word_file_is_a4_in_bokmal_with_the_projects_properties(study: Study) -> None:
    root = study.project.root
    run(root, "export", "quotes", "Plakat")
    run(root, "export", "codebook", "--format", "docx")
    run(root, "export", "report", "--no-figures")
    exports = root / "exports"
    check_document(exports / "plakat-paper.docx", "nb-NO", "Kari Koder", "Plakat")
    check_document(exports / "kodebok.docx", "nb-NO", "Kari Koder", "Kodebok: Teststudie")
    check_document(exports / "analyserapport.docx", "nb-NO", "Kari Koder", "Teststudie")


def test_an_english_project_writes_british_english(study: Study) -> None:
    config = study.project.root / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('language = "nb"', 'language = "en"'),
                      encoding="utf-8")  # fmt: skip
    run(study.project.root, "export", "quotes", "Plakat")
    check_document(study.project.root / "exports" / "plakat-paper.docx", "en-GB", "Kari Koder", "Plakat")


def sections_with_tables(document) -> list[tuple[object, list[object]]]:  # type: ignore[no-untyped-def]
    """Each section with the tables in it (a section ends at a paragraph carrying its w:sectPr)."""
    found: list[tuple[object, list[object]]] = []
    tables: list[object] = []
    sections = list(document.sections)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            tables.append(child)
        elif child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            found.append((sections[len(found)], tables))
            tables = []
    found.append((sections[len(found)], tables))
    return found


def test_the_reports_wide_table_reads_on_paper(demo: Path) -> None:
    run(demo, "export", "report")
    document = Document(str(demo / "exports" / "analyserapport.docx"))
    seen = 0
    orientations = []
    for section, tables in sections_with_tables(document):
        orientations.append(section.orientation)  # type: ignore[attr-defined]
        usable = (section.page_width - section.left_margin - section.right_margin) / 635  # type: ignore[attr-defined]
        for table in tables:
            seen += 1
            grid = [int(col.get(qn("w:w"))) for col in table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
            assert sum(grid) <= usable + len(grid), "the table is wider than its page"
            if section.orientation == WD_ORIENT.PORTRAIT:  # type: ignore[attr-defined]
                assert len(grid) <= 8
            assert table.find(f"{qn('w:tblPr')}/{qn('w:tblLayout')}").get(qn("w:type")) == "fixed"
    assert seen == 2
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = document.sections[1]
    assert (mm(landscape.page_width), mm(landscape.page_height)) == (297, 210)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_the_report_on_a4_with_a_landscape_page(demo: Path, tmp_path: Path) -> None:
    run(demo, "export", "report")
    out = tmp_path / "pdf"
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(demo / "exports" / "analyserapport.docx")],
                   check=True, capture_output=True, timeout=240)  # fmt: skip
    pdf = (out / "analyserapport.pdf").read_bytes()
    boxes = [tuple(round(float(v)) for v in box.split()[2:]) for box in
             re.findall(rb"/Type\s*/Page\b[^>]*?/MediaBox\s*\[([^\]]+)\]", pdf)
             + re.findall(rb"/MediaBox\s*\[([^\]]+)\][^>]*?/Type\s*/Page\b", pdf)]  # fmt: skip
    assert (595, 842) in boxes and (842, 595) in boxes  # A4 portrait pages and the landscape table page
    assert set(boxes) <= {(595, 842), (842, 595)}

"""The poster layout read back: the paper size in landscape, one panel per category with «Barnehage (N=2)»
(N from the participants in that category), the headline quote large, an optional figure as a picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from sdi.cli.main import main
from sdi.workflow.project import Project
from sdi.workflow.quote import add_quote, create_quote_set
from tests.workflow.comparison_fixture import Study, build_study


@pytest.fixture
def study(project: Project) -> Study:
    found = build_study(project)
    poster = create_quote_set(project, "Plakat")
    for number in (1, 7, 5, 8):  # Barnehage, Skole, Barnehage, Skole
        add_quote(project, poster, found.codings[number])
    return found


def panels(path: Path) -> list[list[tuple[str, str, float | None]]]:
    document = Document(str(path))
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    return [
        [(p.style.name, p.text, p.runs[0].font.size.pt if p.runs and p.runs[0].font.size else None)
         for p in cell.paragraphs]
        for cell in cells if cell.text.strip()
    ]  # fmt: skip


@pytest.mark.parametrize(("size", "paper", "headline"), [("A1", (841, 594), 30), ("A0", (1189, 841), 42),
                                                          ("A2", (594, 420), 21)])  # fmt: skip
def test_poster_page_and_panels(study: Study, size: str, paper: tuple[int, int], headline: int) -> None:
    root = study.project.root
    options = [] if size == "A1" else ["--size", size]
    assert main(["--project", str(root), "export", "quotes", "Plakat", "--layout", "poster", *options]) == 0
    path = root / "exports" / "plakat-poster.docx"
    document = Document(str(path))
    (section,) = document.sections
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == paper
    assert document.paragraphs[0].style.name == "Title"
    barnehage, skole = panels(path)
    assert barnehage[0][:2] == ("Heading 1", "Barnehage (N=2)")
    assert skole[0][:2] == ("Heading 1", "Skole (N=2)")
    assert barnehage[1] == ("Intense Quote", "Vi venter til vi er sikre.", headline)
    assert barnehage[2][:2] == ("Caption", "— Pedagogisk leder, Barnehage Fjordvik, runde 1")
    assert barnehage[3][:2] == ("Quote", "«Vi venter fortsatt for lenge.»")
    assert skole[1][:2] == ("Intense Quote", "Loggen følger ikke med fra barnehagen.")
    assert len(document.tables) == 1 and len(document.tables[0].columns) == 2
    assert len(document.inline_shapes) == 0


def test_poster_with_a_figure(study: Study) -> None:
    root = study.project.root
    argv = ["--project", str(root), "export", "quotes", "Plakat", "--layout", "poster", "--figure", "heatmap"]
    assert main(argv) == 0
    document = Document(str(root / "exports" / "plakat-poster.docx"))
    assert len(document.inline_shapes) == 1
    assert document.paragraphs[-1].text == "Kodegruppe × fokusgruppe: kodinger"
    assert len(panels(root / "exports" / "plakat-poster.docx")) == 2


def test_a_figure_showing_a_real_name_is_refused(study: Study, capsys: pytest.CaptureFixture[str]) -> None:
    root = study.project.root
    config = root / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8") + '"Stafettbrudd" = "[begrep]"\n', encoding="utf-8")
    argv = ["--project", str(root), "export", "quotes", "Plakat", "--layout", "poster", "--figure"]
    argv.append("concept-map")
    assert main(argv) == 3
    assert "concept: Stafettbrudd" in capsys.readouterr().err
    assert not (root / "exports" / "plakat-poster.docx").exists()

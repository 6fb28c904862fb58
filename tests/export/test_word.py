"""Quote sets to Word, read back with python-docx: headings, quotes, attributions, order, no real names."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from sdi.cli.main import main
from sdi.export.word import WordQuote, write_paper, write_poster
from sdi.workflow.code import add_coding, create_code
from sdi.workflow.code_group import create_group, move_codes
from sdi.workflow.concept import create_concept
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.name_check import find_names
from sdi.workflow.project import Project
from sdi.workflow.quote import add_quote, create_quote_set, edit_display
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import transcript_md, write

EDITED = "Jeg venter […] til jeg er helt sikker"
QUOTES = [
    WordQuote(EDITED, "Jeg venter, eh, med å ringe til jeg er helt sikker", True,
              "Pedagogisk leder, Barnehage Fjordvik, runde 1", "Sikkerhetsventing", "Barnehage"),
    WordQuote("Den ligger i en perm", "Den ligger i en perm", False, "Kontaktlærer, Skole Åsmark, runde 2",
              None, "Skole"),
    WordQuote("Vi ringer med en gang", "Vi ringer med en gang", False,
              "Barnehagelærer, Barnehage Åsmark, runde 1", "Sikkerhetsventing", "Barnehage"),
]  # fmt: skip


def styled(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


def test_paper_layout(tmp_path: Path) -> None:
    path = write_paper(
        tmp_path / "artikkel.docx", "Artikkel 1", "Sitater til artikkelen.", QUOTES, appendix=True
    )
    paragraphs = styled(path)
    assert paragraphs[0] == ("Title", "Artikkel 1")
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == ["Sikkerhetsventing", "Uten kodegruppe", "Vedlegg: opprinnelig ordlyd"]
    quotes = [text for style, text in paragraphs if style == "Quote"]
    assert quotes == [
        "«Jeg venter […] til jeg er helt sikker»",
        "«Vi ringer med en gang»",
        "«Den ligger i en perm»",
    ]
    captions = [p for p in Document(str(path)).paragraphs if p.style.name == "Caption"]
    assert captions[0].text == "— Pedagogisk leder, Barnehage Fjordvik, runde 1"
    assert [r.bold for r in captions[0].runs] == [None, True, None]
    appendix = [text for style, text in paragraphs if style in ("List Number", "List Continue")]
    assert appendix == [
        "1. Redigert: «Jeg venter […] til jeg er helt sikker»",
        "Opprinnelig: «Jeg venter, eh, med å ringe til jeg er helt sikker»",
    ]


def test_paper_in_english_with_block_quotes(tmp_path: Path) -> None:
    path = write_paper(tmp_path / "paper.docx", "Paper", "", QUOTES[1:2], language="en", block=True)
    assert ("Heading 1", "Not grouped") in styled(path)
    assert ("Quote", "Den ligger i en perm") in styled(path)


def panel_texts(path: Path) -> list[list[tuple[str, str]]]:
    """The poster's panels (table cells), each as (style, text) of its paragraphs."""
    document = Document(str(path))
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    return [[(p.style.name, p.text) for p in cell.paragraphs] for cell in cells if cell.text.strip()]


def test_poster_layout(tmp_path: Path) -> None:
    path = write_poster(tmp_path / "poster.docx", "Poster", QUOTES, {"Barnehage": 14, "Skole": 11})
    barnehage, skole = panel_texts(path)
    assert barnehage[0] == ("Heading 1", "Barnehage (N=14)") and skole[0] == ("Heading 1", "Skole (N=11)")
    assert barnehage[1] == ("Intense Quote", "Jeg venter […] til jeg er helt sikker")
    assert [t for s, t in barnehage if s == "Quote"] == ["«Vi ringer med en gang»"]
    cell = Document(str(path)).tables[0].rows[0].cells[0]
    headline = next(p for p in cell.paragraphs if p.style.name == "Intense Quote")
    supporting = next(p for p in cell.paragraphs if p.style.name == "Quote")
    assert headline.runs[0].font.size.pt == 30 and supporting.runs[0].font.size.pt == 20  # A1


def test_find_names_matches_whole_words_and_genitive() -> None:
    texts = [
        ("paragraph 1", "Emils mor ringte"),
        ("paragraph 2", "Emilie og Idar"),
        ("paragraph 3", "Ida sa"),
    ]
    assert find_names(texts, ["Emil", "Ida"]) == ["paragraph 1: Emil", "paragraph 3: Ida"]


BODY = """\
Moderator: Hva gjør dere?

P1: Jeg venter med å ringe hjem til jeg er helt sikker.

P2: Vi ringer med en gang, vi.
"""


@pytest.fixture
def quoted(project: Project) -> Project:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    doc = list_transcripts(project)[0].id
    text = "\n".join(t.text for t in transcript_view(project, doc).turns)
    code = create_code(project, "Venter til hun er sikker")
    group = create_group(project, "Å vente")
    move_codes(project, [code], group)
    create_concept(project, group, "Sikkerhetsventing")
    start = text.index("Jeg venter")
    coding = add_coding(project, code, doc, start, start + len("Jeg venter med å ringe hjem"))
    poster = create_quote_set(project, "Poster")
    add_quote(project, poster, coding)
    return project


def test_cli_export_reads_back(quoted: Project, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(quoted.root)
    assert main(["--project", root, "export", "quotes", "poster"]) == 0
    path = quoted.root / "exports" / "poster-paper.docx"
    assert ("Heading 1", "Sikkerhetsventing") in styled(path)
    assert ("Quote", "«Jeg venter med å ringe hjem»") in styled(path)
    assert ("Caption", "— Pedagogisk leder, Barnehage Fjordvik, runde 1") in styled(path)
    assert main(["--project", root, "export", "quotes", "Poster", "--layout", "poster"]) == 0
    (panel,) = panel_texts(quoted.root / "exports" / "poster-poster.docx")
    assert panel[0] == ("Heading 1", "Barnehage (N=2)")


def test_cli_export_refuses_real_names(quoted: Project, capsys: pytest.CaptureFixture[str]) -> None:
    config = quoted.root / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8") + '"Kari Nordmann" = "[pedagogisk leder]"\n',
                      encoding="utf-8")  # fmt: skip
    from sdi.workflow.quote import quotes_of_set

    edit_display(quoted, quotes_of_set(quoted, 1)[0].id, "Kari Nordmann venter med å ringe hjem")
    capsys.readouterr()
    root = str(quoted.root)
    assert main(["--project", root, "export", "quotes", "Poster"]) == 3
    err = capsys.readouterr().err
    assert "Kari Nordmann" in err and "paragraph" in err
    assert not (quoted.root / "exports" / "poster-paper.docx").exists()
    assert main(["--project", root, "export", "quotes", "Poster", "--allow-names"]) == 0
    assert (quoted.root / "exports" / "poster-paper.docx").exists()

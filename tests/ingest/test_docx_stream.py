"""The streamed Word reader (`sdi.ingest.docx_xml`) reads what python-docx reads — paragraphs, leading bold
runs, headings, tables with merged cells — on documents python-docx itself writes, and stops at its caps."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdi.ingest import IngestError, IngestOptions, docx_xml, read_transcript
from sdi.ingest.docx_xml import DocxParagraph, read_body

WORDS = st.sampled_from(["Kari:", "FB1", "hei", "æøå", " ", "", "(ler)", "Moderator", "  ja ", "Ola N"])
RUN = st.tuples(st.lists(WORDS, max_size=4).map(" ".join), st.sampled_from([True, False, None]),
                st.sampled_from(["", "tab", "break", "page"]))  # fmt: skip
PARAGRAPH = st.tuples(st.lists(RUN, max_size=4), st.sampled_from(["Normal", "Heading 1", "Title", "Quote"]),
                      st.booleans())  # fmt: skip
TABLE = st.tuples(st.integers(1, 4), st.integers(1, 3), st.lists(WORDS, min_size=12, max_size=12),
                  st.sampled_from(["", "across", "down"]))  # fmt: skip
BLOCK = st.one_of(PARAGRAPH.map(lambda p: ("p", p)), TABLE.map(lambda t: ("t", t)))


def _build(blocks: list[tuple[str, Any]]) -> bytes:
    """A .docx written by python-docx: runs bold, not bold or inherited, with tabs and breaks; headings and
    a bold character style; tables, some with cells merged across or down."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    strong = document.styles["Strong"] if "Strong" in [s.name for s in document.styles] else None
    for kind, block in blocks:
        if kind == "p":
            runs, style, styled = block
            paragraph = document.add_paragraph(style=style)
            for text, bold, extra in runs:
                run = paragraph.add_run(text)
                run.bold = bold
                if styled and strong is not None and bold is None:
                    run.style = strong
                if extra == "tab":
                    run.add_tab()
                elif extra == "break":
                    run.add_break()
                elif extra == "page":
                    run.add_break(WD_BREAK.PAGE)
        else:
            rows, cols, words, merge = block
            table = document.add_table(rows=rows, cols=cols)
            for index, cell in enumerate(cell for row in table.rows for cell in row.cells):
                cell.text = words[index % len(words)]
            if merge == "across" and cols > 1:
                table.cell(0, 0).merge(table.cell(0, cols - 1))
            elif merge == "down" and rows > 1:
                table.cell(0, 0).merge(table.cell(rows - 1, 0))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _python_docx(data: bytes) -> tuple[list[DocxParagraph], list[list[list[str]]]]:
    """The same, read through python-docx's object model (what the reader used before it streamed)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = []
    for paragraph in document.paragraphs:
        bold: list[str] = []
        for run in paragraph.runs:
            style = run.style
            is_bold = bool(run.bold) or bool(style is not None and style.font is not None and style.font.bold)
            if (not run.text.strip() and not bold) or is_bold:
                bold.append(run.text)
            else:
                break
        name = (paragraph.style.name or "") if paragraph.style is not None else ""
        heading = name.lower().startswith(("heading", "title", "overskrift", "tittel"))
        paragraphs.append(DocxParagraph(paragraph.text, "".join(bold), heading))
    tables = []
    for table in document.tables:
        rows = []
        for row in table.rows:
            cells: list[str] = []
            previous = None
            for cell in row.cells:
                if cell is not previous:
                    cells.append(cell.text)
                previous = cell
            rows.append(cells)
        tables.append(rows)
    return paragraphs, tables


@settings(max_examples=60, deadline=2000, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(BLOCK, max_size=6))
def test_streamed_reader_reads_what_python_docx_reads(blocks: list[tuple[str, Any]]) -> None:
    data = _build(blocks)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = read_body(Path("t.docx"), archive, 10**6)
    paragraphs, tables = _python_docx(data)
    assert body.paragraphs == paragraphs
    # python-docx repeats a cell merged across in its row object by object; both keep it once
    assert body.tables == tables


def _docx_with_body(tmp_path: Path, body_xml: str, name: str = "t.docx") -> Path:
    """A minimal Word package around `body_xml` (no styles part)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>',
        )
        document = f'<w:document xmlns:w="{w}"><w:body>{body_xml}</w:body></w:document>'
        archive.writestr("word/document.xml", document)
    return path


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def test_a_continued_vertical_merge_reads_as_the_cell_above_and_content_controls_are_skipped(
    tmp_path: Path,
) -> None:
    table = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Kari</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Hei.</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        "<w:tc><w:p><w:r><w:t>Igjen.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    control = f"<w:sdt><w:sdtContent>{_para('Skjult')}</w:sdtContent></w:sdt>"
    path = _docx_with_body(tmp_path, _para("Moderator: Velkommen.") + control + table)
    with zipfile.ZipFile(path) as archive:
        body = read_body(path, archive, 10**6)
    assert [p.text for p in body.paragraphs] == ["Moderator: Velkommen."]
    assert body.tables == [[["Kari", "Hei."], ["Kari", "Igjen."]]]


def test_xml_that_inflates_past_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_xml, "MAX_XML_BYTES", 20_000)
    path = _docx_with_body(tmp_path, "".join(_para(f"FB1: setning nummer {i}.") for i in range(2_000)))
    with pytest.raises(IngestError, match=r"inflates beyond 20,000 bytes"):
        read_transcript(path)


def test_text_past_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = _docx_with_body(tmp_path, "".join(_para("FB1: " + "ord " * 200) for _ in range(200)))
    assert path.stat().st_size < 20_000  # it compresses: the file is small, its text is not
    with pytest.raises(IngestError, match=r"too much text in the \.docx \(more than 20,000 characters\)"):
        read_transcript(path, IngestOptions(max_bytes=20_000))


@pytest.mark.parametrize(
    "body",
    ["<w:p><w:r><w:t>uavsluttet</w:r></w:p>", "<w:p>" * 300 + "</w:p>" * 300, "&lol;"],
    ids=["malformed", "deep", "entity"],
)
def test_broken_xml_is_one_line(tmp_path: Path, body: str) -> None:
    path = _docx_with_body(tmp_path, body)
    with pytest.raises(IngestError) as refused:
        read_transcript(path)
    assert str(refused.value).startswith(f"{path}: ") and "\n" not in str(refused.value)


def test_reading_is_linear_and_lean_on_a_large_document() -> None:
    """50,000 paragraphs of 20 runs each (the shape of Word's revision-marked XML): read whole, in order."""
    run = "<w:r><w:rPr><w:rFonts w:ascii='Calibri'/></w:rPr><w:t>ord{} </w:t></w:r>"
    runs = "".join(run.format(i) for i in range(20))
    paragraph = "<w:p><w:r><w:t>FB1: </w:t></w:r>" + runs + "</w:p>"
    with tempfile.TemporaryDirectory() as folder:
        path = _docx_with_body(Path(folder), paragraph * 50_000)
        with zipfile.ZipFile(path) as archive:
            body = read_body(path, archive, 10**9)
    assert len(body.paragraphs) == 50_000
    assert body.paragraphs[-1].text.startswith("FB1: ord0 ") and body.paragraphs[-1].text.endswith("ord19 ")

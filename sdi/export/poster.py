"""A quote set as a poster (`sdi export quotes SET --layout poster`): one landscape page, A1 by default (A0 or
A2 by choice), the title across the top, then one panel per focus-group category side by side — «Barnehage
(N=14)», the headline quote large, the supporting quotes beneath, each with its attribution — and, if asked
for, a figure under the panels. N is the number of informants in the category, counted by the workflow.

Type sizes are set for reading at a distance and grow with the paper (A0 ×1.41, A2 ×0.71 of A1)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sdi.export.docx_layout import PAGE_MM, add_picture, usable_width
from sdi.export.word import CLOSE, LABELS, OPEN, WordQuote, new_document, save_document

SIZES = ("A0", "A1", "A2")
POINTS = {"title": 60, "heading": 36, "headline": 30, "quote": 20, "caption": 15}  # on A1
PANELS_PER_ROW = 4
TINTS = ("FFF4E5", "EAF2FB", "EDF7EC", "F5EEF8")


def _scale(size: str) -> float:
    return math.sqrt(PAGE_MM[size][0] * PAGE_MM[size][1] / (PAGE_MM["A1"][0] * PAGE_MM["A1"][1]))


def _sized(paragraph: Any, points: float, bold: bool | None = None) -> None:
    from docx.shared import Pt

    for run in paragraph.runs:
        run.font.size = Pt(round(points))
        if bold is not None:
            run.bold = bold


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _table_spacing(table: Any, twips: int) -> None:
    """Gaps between the panels, and room inside them."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    spacing = OxmlElement("w:tblCellSpacing")
    spacing.set(qn("w:w"), str(twips))
    spacing.set(qn("w:type"), "dxa")
    properties.append(spacing)
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)


def _panel(cell: Any, heading: str, items: Sequence[WordQuote], points: dict[str, float]) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    first = cell.paragraphs[0]
    first.style = "Heading 1"
    first.add_run(heading)
    _sized(first, points["heading"])
    for index, quote in enumerate(items):
        headline = index == 0
        text = quote.text if headline else f"{OPEN}{quote.text}{CLOSE}"
        paragraph = cell.add_paragraph(text, style="Intense Quote" if headline else "Quote")
        _sized(paragraph, points["headline" if headline else "quote"])
        caption = cell.add_paragraph(style="Caption")
        role, _, rest = quote.attribution.partition(", ")
        caption.add_run("— ")
        caption.add_run(role).bold = True
        if rest:
            caption.add_run(f", {rest}")
        _sized(caption, points["caption"])


def write_poster(
    path: Path, title: str, quotes: Sequence[WordQuote], participants: dict[str, int], *,
    language: str = "nb", author: str = "", size: str = "A1", figure: bytes | None = None,
    figure_caption: str = "",
) -> Path:  # fmt: skip
    """One landscape page of `size`: the title, one panel per category (in the order the set first quotes
    each), the first quote of a category as its headline; `figure` (PNG bytes) under the panels."""
    if size not in SIZES:
        # not shown: both faces offer only SIZES
        raise ValueError(f"poster size {size!r}: choose one of {', '.join(SIZES)}")
    labels = LABELS.get(language, LABELS["nb"])
    points = {name: value * _scale(size) for name, value in POINTS.items()}
    document = new_document(title, "", author=author, language=language, size=size, landscape=True)
    _sized(document.paragraphs[0], points["title"])
    categories: dict[str, list[WordQuote]] = {}
    for quote in quotes:
        categories.setdefault(quote.category, []).append(quote)
    if categories:
        columns = min(len(categories), PANELS_PER_ROW)
        rows = math.ceil(len(categories) / columns)
        table = document.add_table(rows=rows, cols=columns)
        table.autofit = False
        _table_spacing(table, round(120 * _scale(size)))
        width = usable_width(document.sections[-1]) // columns
        for row in table.rows:
            for cell in row.cells:
                cell.width = width
        for index, (category, items) in enumerate(categories.items()):
            count = labels["participants"].format(n=participants.get(category, 0))
            cell = table.cell(index // columns, index % columns)
            _shade(cell, TINTS[index % len(TINTS)])
            _panel(cell, f"{category} ({count})", items, points)
    if figure is not None:
        document.add_paragraph()
        add_picture(document, figure, width_share=0.6, max_height_share=0.4)
        if figure_caption:
            caption = document.add_paragraph(figure_caption, style="Caption")
            _sized(caption, points["caption"])
    return save_document(document, path)

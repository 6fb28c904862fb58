"""What every Word file sdi writes shares, so it fits Norwegian research as it opens: the page (A4, or A0–A2
for posters, portrait or landscape), the language on every style (nb-NO, or en-GB for English projects — so
Word checks the spelling in the right language), the document's properties from the project (title, the
coder as author, created now), landscape sections for wide tables, tables with fixed column widths that
fit the page, and pictures. Used by `sdi.export.word` and `sdi.export.tables`; python-docx is imported only
when a document is made."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

LANGUAGE_TAGS = {"nb": "nb-NO", "en": "en-GB"}
PAGE_MM = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594), "A1": (594, 841), "A0": (841, 1189)}
MARGIN_MM = {"A4": 25, "A3": 20, "A2": 20, "A1": 25, "A0": 30}
PORTRAIT_COLUMNS = 8  # the most columns a table may have on a portrait A4 page and still be read
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_AFTER_LANG = (f"{W}eastAsianLayout", f"{W}specVanish", f"{W}oMath")


def language_tag(language: str) -> str:
    return LANGUAGE_TAGS.get(language, language)


def _set_lang(rpr: Any, tag: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        following = next((child for child in rpr if child.tag in _AFTER_LANG), None)
        if following is not None:
            following.addprevious(lang)
        else:
            rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)


def set_language(document: Any, language: str) -> None:
    """The language on the document defaults, on every paragraph, character and table style, and in the
    settings (theme font language, decimal symbol); the «already proofed» mark is removed so Word checks."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    tag = language_tag(language)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _set_lang(rpr, tag)
    for style in document.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            _set_lang(style.element.get_or_add_rPr(), tag)
    settings = document.settings.element
    for found in settings.findall(qn("w:proofState")):
        settings.remove(found)
    font_lang = settings.find(qn("w:themeFontLang"))
    if font_lang is not None:
        font_lang.set(qn("w:val"), tag)
    decimal, separator = (",", ";") if language == "nb" else (".", ",")
    for name, value in (("w:decimalSymbol", decimal), ("w:listSeparator", separator)):
        found = settings.find(qn(name))
        if found is not None:
            found.set(qn("w:val"), value)


def set_properties(document: Any, title: str, author: str, language: str) -> None:
    """Core properties from the project: title, the coder as author and last editor, made now."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.created = now
    properties.modified = now
    properties.revision = 1
    properties.language = language_tag(language)
    properties.comments = ""
    properties.keywords = ""
    properties.subject = ""
    properties.category = ""


def set_page(section: Any, size: str = "A4", landscape: bool = False) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    width, height = PAGE_MM[size]
    if landscape:
        width, height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    margin = Mm(MARGIN_MM[size])
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = margin


def prepare(
    document: Any, *, title: str, author: str = "", language: str = "nb", size: str = "A4",
    landscape: bool = False,
) -> None:  # fmt: skip
    set_page(document.sections[0], size, landscape)
    set_language(document, language)
    set_properties(document, title, author, language)


def usable_width(section: Any) -> int:
    """The width between the margins, in EMU."""
    return int(section.page_width - section.left_margin - section.right_margin)


def turn_page(document: Any, landscape: bool) -> Any:
    """Start a new section (on a new page) with the other orientation, same paper; returns it."""
    from docx.enum.section import WD_SECTION

    previous = document.sections[-1]
    size = _size_of(previous)
    section = document.add_section(WD_SECTION.NEW_PAGE)
    set_page(section, size, landscape)
    return section


def _size_of(section: Any) -> str:
    from docx.shared import Mm

    short = min(section.page_width, section.page_height)
    return min(PAGE_MM, key=lambda name: abs(Mm(PAGE_MM[name][0]) - short))


def add_table(
    document: Any, header: Sequence[str], rows: Sequence[Sequence[str]], *, first_share: float = 0.3,
    numeric_from: int = 1, header_rows: int = 1, style: str = "Table Grid",
) -> Any:  # fmt: skip
    """A table whose columns fit the width of the current section: the first column (the labels) takes
    `first_share` of it, the rest share the remainder; fixed layout, so Word and LibreOffice keep it;
    numbers right-aligned; the header rows repeat on each page and are bold."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    columns = len(header)
    width = usable_width(document.sections[-1])
    first = int(width * first_share) if columns > 1 else width
    other = int((width - first) / (columns - 1)) if columns > 1 else 0
    widths = [first] + [other] * (columns - 1)
    table = document.add_table(rows=0, cols=columns)
    table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for grid_column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_column.set(qn("w:w"), str(width // 635))  # EMU -> twentieths of a point
    for index, values in enumerate([header, *rows]):
        cells = table.add_row().cells
        for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.width = widths[column]
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(str(value))
            if index < header_rows:
                run.bold = True
            if column >= numeric_from and index >= header_rows:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in table.rows[:header_rows]:
        marker = OxmlElement("w:tblHeader")
        row._tr.get_or_add_trPr().append(marker)
    return table


def add_picture(
    document: Any, image: bytes, width_share: float = 1.0, caption: str = "", max_height_share: float = 1.0
) -> None:
    """A picture (PNG bytes) as wide as `width_share` of the text width — narrower if it would be taller than
    `max_height_share` of the text height — centred, with a caption below."""
    import io
    import struct

    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[-1]
    width = int(usable_width(section) * width_share)
    pixels_wide, pixels_high = struct.unpack(">II", image[16:24])  # the PNG header's IHDR
    height_limit = int((section.page_height - section.top_margin - section.bottom_margin) * max_height_share)
    if pixels_wide and width * pixels_high / pixels_wide > height_limit:
        width = int(height_limit * pixels_wide / pixels_high)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(io.BytesIO(image), width=width)
    if caption:
        document.add_paragraph(caption, style="Caption")

"""The analysis report in Word: concepts → code groups → codes → quotes, with the concepts' notes and the
memos, figures (concept map, heatmap, codings per group and stage), the table of code groups per focus group
and stage on landscape pages (split so every table can be read on paper), the other memos, and the
deductive checks as a methods appendix. Plain data in (the workflow's `AnalysisReport` fits the protocols),
a file out; called by `sdi export report`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from sdi.export.docx_layout import PORTRAIT_COLUMNS, add_picture, add_table, turn_page
from sdi.export.tables import LABELS as TABLE_LABELS
from sdi.export.tables import CheckEntry, SectionEntry
from sdi.export.word import new_document, save_document

LABELS = {
    "nb": {**TABLE_LABELS["nb"], "notes": "Notater", "memos": "Memoer", "figures": "Figurer",
           "other_memos": "Memoer", "figure": "Figur {number}: {title}", "memo_by": "{author}, {day}",
           "stage_column": "runde"},
    "en": {**TABLE_LABELS["en"], "notes": "Notes", "memos": "Memos", "figures": "Figures",
           "other_memos": "Memos", "figure": "Figure {number}: {title}", "memo_by": "{author}, {day}",
           "stage_column": "stage"},
}  # fmt: skip
STAGE_COLUMNS = 8  # stage columns per table on a landscape page (with the code group column: 9)


class MemoEntry(Protocol):
    """A memo with what it is about (the workflow's `MemoNote`)."""

    @property
    def about(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def updated_at(self) -> dt.datetime: ...


def _memo(document: Any, memo: MemoEntry, labels: dict[str, str], with_about: bool) -> None:
    heading = " – ".join(part for part in (memo.about if with_about else "", memo.title) if part)
    paragraph = document.add_paragraph(style="List Bullet")
    if heading:
        paragraph.add_run(f"{heading}: ").bold = True
    paragraph.add_run(memo.text.strip())
    by = labels["memo_by"].format(author=memo.author or "–", day=memo.updated_at.date().isoformat())
    paragraph.add_run(f" ({by})").italic = True


def _section(document: Any, section: SectionEntry, labels: dict[str, str]) -> None:
    heading = f"{labels['concept']}: {section.concept}" if section.concept else section.name
    document.add_heading(heading, level=1)
    if section.concept:
        document.add_paragraph(f"{labels['group']}: {section.name}", style="Subtitle")
        if section.definition:
            document.add_paragraph(section.definition)
    elif section.description:
        document.add_paragraph(section.description)
    notes = getattr(section, "notes", "")
    if notes and notes.strip():
        document.add_heading(labels["notes"], level=2)
        for part in notes.strip().split("\n\n"):
            document.add_paragraph(" ".join(part.split()))
    document.add_heading(labels["codes"], level=2)
    for statement, count in section.codes:
        document.add_paragraph(f"{statement} ({count})", style="List Bullet")
    if section.quotes:
        document.add_heading(labels["quotes"], level=2)
        for quote in section.quotes:
            document.add_paragraph(f"«{quote.text}»", style="Quote")
            document.add_paragraph(f"— {quote.attribution}", style="Caption")
    memos = getattr(section, "memos", ())
    if memos:
        document.add_heading(labels["memos"], level=2)
        for memo in memos:
            _memo(document, memo, labels, with_about=True)


def _stage_chunks(stages: Sequence[str]) -> list[list[str]]:
    """Stage columns in tables of at most STAGE_COLUMNS, never splitting a focus group's stages unless one
    group alone has more."""
    by_group: dict[str, list[str]] = {}
    for stage in stages:
        by_group.setdefault(stage.rpartition(", ")[0] or stage, []).append(stage)
    chunks: list[list[str]] = [[]]
    for columns in by_group.values():
        if chunks[-1] and len(chunks[-1]) + len(columns) > STAGE_COLUMNS:
            chunks.append([])
        for column in columns:
            if len(chunks[-1]) == STAGE_COLUMNS:
                chunks.append([])
            chunks[-1].append(column)
    return [chunk for chunk in chunks if chunk]


def _spread(document: Any, groups: Sequence[str], stages: Sequence[str],
            spread: Mapping[str, Mapping[str, int]], labels: dict[str, str]) -> None:  # fmt: skip
    """Code groups × stages: two header rows (the focus group over its stages, then the stage), on landscape
    pages when there are more columns than a portrait page holds."""
    from docx.shared import Pt

    chunks = _stage_chunks(stages)
    wide = len(stages) + 1 > PORTRAIT_COLUMNS
    if wide:
        turn_page(document, landscape=True)
    document.add_heading(labels["spread"], level=1)
    for chunk in chunks:
        names = [stage.rpartition(", ")[0] or stage for stage in chunk]
        rounds = [stage.rpartition(", ")[2] for stage in chunk]
        rows = [["", *rounds]]
        for group in groups:
            rows.append([group, *(str(spread.get(group, {}).get(stage, "")) or "–" for stage in chunk)])
        table = add_table(document, [labels["group"], *names], rows, header_rows=2, first_share=0.28)
        for run in (r for row in table.rows for cell in row.cells for p in cell.paragraphs for r in p.runs):
            run.font.size = Pt(9)
        header = table.rows[0].cells
        column = 0
        while column < len(names):  # one cell over a focus group's stages
            end = column
            while end + 1 < len(names) and names[end + 1] == names[column]:
                end += 1
            if end > column:
                merged = header[column + 1].merge(header[end + 1])
                merged.text = ""
                run = merged.paragraphs[0].add_run(names[column])
                run.bold, run.font.size = True, Pt(9)
            column = end + 1
        corner = table.rows[0].cells[0].merge(table.rows[1].cells[0])
        for paragraph in corner.paragraphs[1:]:  # the merge brings the lower cell's empty paragraph along
            if not paragraph.text:
                paragraph._element.getparent().remove(paragraph._element)
        document.add_paragraph()
    if wide:
        turn_page(document, landscape=False)


def write_report(
    path: Path, title: str, sections: Sequence[SectionEntry], stages: Sequence[str],
    spread: Mapping[str, Mapping[str, int]], checks: Sequence[CheckEntry], language: str = "nb", *,
    author: str = "", memos: Sequence[MemoEntry] = (), figures: Sequence[Any] = (),
) -> Path:  # fmt: skip
    """`figures`: figure data for `sdi.export.figures.render` (drawn here as PNG, each with its title as
    caption)."""
    labels = LABELS.get(language, LABELS["nb"])
    document = new_document(title, "", author=author, language=language)
    for section in sections:
        _section(document, section, labels)
    if figures:
        from sdi.export.figures import render

        document.add_heading(labels["figures"], level=1)
        for number, figure in enumerate(figures, start=1):
            add_picture(document, render(figure, "png"), max_height_share=0.9,
                        caption=labels["figure"].format(number=number, title=figure.title))  # fmt: skip
    _spread(document, [s.name for s in sections], stages, spread, labels)
    if memos:
        document.add_heading(labels["other_memos"], level=1)
        for memo in memos:
            _memo(document, memo, labels, with_about=True)
    document.add_heading(labels["checks"], level=1)
    if not checks:
        document.add_paragraph(labels["no_checks"])
    for check in checks:
        line = f"{check.at.date().isoformat()} ({check.coder}): {check.summary}"
        document.add_paragraph(line, style="List Bullet")
    return save_document(document, path)

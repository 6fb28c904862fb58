"""What the figures show, as plain data in the project's language (drawn by `sdi.export.figures`): a heatmap
of a matrix, the SDI concept map, and codings per focus group and stage. Called by `sdi figure`, the report,
the poster and the workbench's palette."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import func, select

from sdi.i18n import t
from sdi.storage.models import Code, CodeGroup, Coding, Concept
from sdi.workflow.coded_turns import natural
from sdi.workflow.matrix import Matrix, check_measure, matrix
from sdi.workflow.project import Project

KINDS = ("heatmap", "concept_map", "bars")


@dataclass(frozen=True)
class HeatmapData:
    kind: ClassVar[str] = "heatmap"
    title: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: tuple[tuple[float | int | None, ...], ...]
    percent: bool
    measure: str


@dataclass(frozen=True)
class ConceptBoxData:
    concept: str | None
    group: str
    codes: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ConceptMapData:
    kind: ClassVar[str] = "concept_map"
    title: str
    boxes: tuple[ConceptBoxData, ...]
    group_label: str
    no_concept: str


@dataclass(frozen=True)
class BarsData:
    kind: ClassVar[str] = "bars"
    title: str
    groups: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]
    measure: str


def heatmap_of(table: Matrix, measure: str, language: str) -> HeatmapData:
    """A matrix as a heatmap of one measure (no totals: they would dwarf the cells)."""
    check_measure(measure)
    rows_label = t(f"mx.rows.{table.rows_by}", language)
    title = t("mx.title", language, rows=rows_label, columns=t(f"mx.columns.{table.columns_by}", language),
              measure=t(f"mx.measure.{measure}", language))  # fmt: skip
    values = tuple(tuple(row) for row in table.values(measure))
    rows, columns = tuple(r.label for r in table.rows), tuple(c.label for c in table.columns)
    return HeatmapData(title, rows, columns, values, measure == "share", t(f"mx.measure.{measure}", language))


def heatmap_data(
    project: Project, rows_by: str = "code_group", columns_by: str = "group", measure: str = "codings"
) -> HeatmapData:
    check_measure(measure)
    language = project.config.language
    return heatmap_of(matrix(project, rows_by, columns_by, language), measure, language)


def concept_map_data(project: Project) -> ConceptMapData:
    """Each code group with its concept (concepts first, in the groups' order) and its codes' codings."""
    language = project.config.language
    with project.store.reading() as session:
        groups = session.execute(
            select(CodeGroup.id, CodeGroup.name, Concept.name)
            .outerjoin(Concept, Concept.group_id == CodeGroup.id)
            .order_by(CodeGroup.position, CodeGroup.name)
        ).all()
        codes: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for group_id, statement, count in session.execute(
            select(Code.group_id, Code.statement, func.count(Coding.id))
            .outerjoin(Coding, Coding.code_id == Code.id)
            .where(Code.group_id.is_not(None))
            .group_by(Code.id, Code.group_id, Code.statement, Code.position)
            .order_by(Code.position, Code.id)
        ):
            codes[group_id].append((statement, count))
    boxes = [ConceptBoxData(concept, name, tuple(sorted(codes[group_id], key=lambda c: -c[1])))
             for group_id, name, concept in groups]  # fmt: skip
    boxes.sort(key=lambda box: box.concept is None)  # stable: concepts first, each part in the groups' order
    return ConceptMapData(t("mx.figure.concept_map", language).capitalize(), tuple(boxes),
                          t("mx.rows.code_group", language), t("mx.figure.ungrouped", language))  # fmt: skip


def bars_of(table: Matrix, language: str) -> BarsData:
    """Codings per focus group (along the axis) and stage (one bar each), from a matrix by transcript."""
    counts: dict[str, dict[int, int]] = defaultdict(dict)
    for column, heading in enumerate(table.columns):
        group, _, number = heading.key.removeprefix("transcript:").rpartition("/")
        counts[group][int(number)] = table.column_totals[column].codings
    groups = sorted(counts, key=natural)
    stages = sorted({number for per_group in counts.values() for number in per_group})
    series = tuple((t("mx.stage", language, number=n), tuple(counts[g].get(n, 0) for g in groups))
                   for n in stages)  # fmt: skip
    return BarsData(t("mx.figure.bars", language).capitalize(), tuple(groups), series,
                    t("mx.figure.codings", language))  # fmt: skip


def bars_data(project: Project) -> BarsData:
    language = project.config.language
    return bars_of(matrix(project, "code_group", "transcript", language), language)


def figure_data(
    project: Project, kind: str, rows_by: str = "code_group", columns_by: str = "group",
    measure: str = "codings",
) -> HeatmapData | ConceptMapData | BarsData:
    if kind == "heatmap":
        return heatmap_data(project, rows_by, columns_by, measure)
    if kind == "concept_map":
        return concept_map_data(project)
    return bars_data(project)

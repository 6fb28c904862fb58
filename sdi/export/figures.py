"""Figures for posters and papers (matplotlib, SVG or PNG): a heatmap of a matrix, the SDI concept map (each
concept with its code group and the codes' counts), and codings per focus group and stage as bars.

Plain data in, a file (or PNG bytes for Word) out; called by `sdi figure`, the report, the poster and the
workbench. matplotlib is imported only when a figure is drawn, with its bundled DejaVu Sans, which has æøå;
text in SVG files is drawn as outlines, so every viewer shows the same letters."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol

from sdi.config.files import write_atomically

FONT = "DejaVu Sans"
FORMATS = ("svg", "png")
HEAT = "YlOrRd"


class FigureData(Protocol):
    """What `render` draws: a heatmap, a concept map or bars (the workflow's figure data has these shapes)."""

    kind: ClassVar[str]  # "heatmap", "concept_map" or "bars"
    title: str


@dataclass(frozen=True)
class Heatmap:
    kind: ClassVar[str] = "heatmap"
    title: str
    rows: Sequence[str]
    columns: Sequence[str]
    values: Sequence[Sequence[float | int | None]]  # rows × columns; None where there is nothing to measure
    percent: bool = False  # values are shares (0–1), shown as whole percent
    measure: str = ""  # what the colours count, beside the colour bar


@dataclass(frozen=True)
class ConceptBox:
    concept: str | None  # None: a code group with no concept yet
    group: str
    codes: Sequence[tuple[str, int]]  # statement, codings


@dataclass(frozen=True)
class ConceptMap:
    kind: ClassVar[str] = "concept_map"
    title: str
    boxes: Sequence[ConceptBox]
    group_label: str = "Kodegruppe"  # «Kodegruppe: …» under each concept
    no_concept: str = "Uten begrep"


@dataclass(frozen=True)
class Bars:
    kind: ClassVar[str] = "bars"
    title: str
    groups: Sequence[str]  # along the axis (focus groups)
    series: Sequence[tuple[str, Sequence[int]]]  # one bar per series (stage) in each group
    measure: str = "Kodinger"


def labels_of(figure: Any) -> list[tuple[str, str]]:
    """(where, text) of every word a figure shows, for the check for real names before it is written."""
    if figure.kind == "heatmap":
        return [("title", figure.title), *(("row", r) for r in figure.rows),
                *(("column", c) for c in figure.columns)]  # fmt: skip
    if figure.kind == "bars":
        return [("title", figure.title), *(("group", g) for g in figure.groups),
                *(("series", s) for s, _ in figure.series)]  # fmt: skip
    found = [("title", figure.title), ("label", figure.group_label), ("label", figure.no_concept)]
    for box in figure.boxes:
        found += [("concept", box.concept or ""), ("code group", box.group)]
        found += [("code", statement) for statement, _ in box.codes]
    return found


def short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@contextmanager
def _style() -> Iterator[Any]:
    import matplotlib

    with matplotlib.rc_context({"font.family": FONT, "font.size": 10, "svg.fonttype": "path",
                                "svg.hashsalt": "sdi", "axes.titleweight": "bold"}):  # fmt: skip
        from matplotlib.figure import Figure as MplFigure

        yield MplFigure


def render(figure: Any, fmt: str = "png", dpi: int = 200) -> bytes:
    """The figure (anything shaped like Heatmap, ConceptMap or Bars, told apart by `kind`) as SVG or PNG
    bytes (PNG for Word documents)."""
    draw = {"heatmap": _heatmap, "concept_map": _concept_map, "bars": _bars}[figure.kind]
    with _style() as make:
        drawn = draw(make, figure)
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {}
        drawn.savefig(buffer, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()


def write_figure(path: Path, figure: Any) -> Path:
    """Written as the suffix says (.svg or .png)."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"{path}: a figure is .svg or .png")  # not shown: both faces check the suffix first
    return write_atomically(path, render(figure, fmt))


def _heatmap(make: Any, figure: Any) -> Any:
    import numpy as np

    rows, columns = len(figure.rows), len(figure.columns)
    width = min(40.0, max(6.0, 3.5 + 0.55 * columns))
    height = min(60.0, max(3.0, 1.6 + 0.32 * rows))
    drawn = make(figsize=(width, height))
    axes = drawn.add_subplot()
    table = [[math.nan if v is None else float(v) for v in row] for row in figure.values]
    data = np.ma.masked_invalid(np.array(table or [[math.nan]]))
    import matplotlib

    colours = matplotlib.colormaps[HEAT].with_extremes(bad="#eeeeee")
    top = float(data.max()) if data.count() else 1.0
    image = axes.imshow(data, cmap=colours, aspect="auto", vmin=0, vmax=top or 1.0)
    axes.set_xticks(range(columns), [short(c, 40) for c in figure.columns], rotation=40, ha="right")
    axes.set_yticks(range(rows), [short(r, 55) for r in figure.rows])
    axes.tick_params(length=0)
    if rows * columns <= 900:
        for r in range(rows):
            for c in range(columns):
                value = figure.values[r][c]
                text = "–" if value is None else (f"{value:.0%}" if figure.percent else f"{value:g}")
                dark = value is not None and top and float(value) > 0.6 * top
                colour = "white" if dark else "black"
                axes.text(c, r, text, ha="center", va="center", fontsize=8, color=colour)
    bar = drawn.colorbar(image, ax=axes, fraction=0.03, pad=0.02)
    if figure.percent:
        from matplotlib.ticker import PercentFormatter

        bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    if figure.measure:
        bar.set_label(figure.measure)
    axes.set_title(figure.title, loc="left")
    for spine in axes.spines.values():
        spine.set_visible(False)
    return drawn


def _concept_map(make: Any, figure: Any) -> Any:
    """Boxes in columns (each box: the concept, its code group, its codes with a bar for their codings),
    each box put in the shortest column so the map stays compact."""
    from matplotlib.patches import FancyBboxPatch, Rectangle

    boxes = list(figure.boxes)
    columns = 1 if len(boxes) < 2 else 2 if len(boxes) <= 8 else 3
    heights = [0.0] * columns
    placed: list[tuple[int, float, Any, float]] = []  # column, top, box, height (in lines)
    for box in boxes:
        lines = 2.6 + max(1, len(box.codes)) * 1.15
        column = heights.index(min(heights))
        placed.append((column, heights[column], box, lines))
        heights[column] += lines + 0.8
    total = max(heights) if boxes else 1.0
    line = 0.24  # inches per line
    head = 0.5 if figure.title else 0.1  # inches above the boxes
    height = max(1.5, total * line + head)
    drawn = make(figsize=(4.6 * columns, height))
    axes = drawn.add_axes((0, 0, 1, 1 - head / height))
    axes.set_xlim(0, columns)
    axes.set_ylim(total, 0)
    axes.axis("off")
    most = max((count for box in boxes for _, count in box.codes), default=1) or 1
    for column, top, box, lines in placed:
        left = column + 0.04
        width = 0.92
        frame = FancyBboxPatch((left, top), width, lines, boxstyle="round,pad=0.02,rounding_size=0.05",
                               facecolor="#fff8ec" if box.concept else "#f4f4f4",
                               edgecolor="#c0392b" if box.concept else "#999999",
                               linestyle="-" if box.concept else "--", linewidth=1.2)  # fmt: skip
        axes.add_patch(frame)
        heading = box.concept or box.group
        axes.text(left + 0.03, top + 0.85, short(heading, 44), fontsize=12, fontweight="bold", va="center")
        under = f"{figure.group_label}: {box.group}" if box.concept else figure.no_concept
        axes.text(left + 0.03, top + 1.9, short(under, 60), fontsize=8.5, style="italic", va="center",
                  color="#555555")  # fmt: skip
        for n, (statement, count) in enumerate(box.codes):
            y = top + 2.9 + n * 1.15
            share = count / most
            axes.add_patch(Rectangle((left + 0.03, y - 0.38), 0.12 * share, 0.76, facecolor="#e67e22"))
            axes.text(left + 0.17, y, f"{short(statement, 56)} ({count})", fontsize=8, va="center")
    if figure.title:
        drawn.suptitle(figure.title, x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontweight="bold")
    return drawn


def _bars(make: Any, figure: Any) -> Any:
    import numpy as np

    groups = len(figure.groups)
    series = max(1, len(figure.series))
    drawn = make(figsize=(min(30.0, max(6.0, 1.5 + 0.9 * groups * max(1, series) / 2)), 4.8))
    axes = drawn.add_subplot()
    positions = np.arange(groups)
    width = 0.8 / series
    colours = ["#e67e22", "#2c7fb8", "#7fbc41", "#8e44ad", "#c0392b", "#555555"]
    for n, (name, counts) in enumerate(figure.series):
        bars = axes.bar(positions + (n - (series - 1) / 2) * width, counts, width * 0.95, label=name,
                        color=colours[n % len(colours)])  # fmt: skip
        axes.bar_label(bars, fontsize=7, padding=1)
    if groups > 6:  # long names side by side would run into each other: slant them
        axes.set_xticks(positions, [short(g, 40) for g in figure.groups], fontsize=8, rotation=35, ha="right")
    else:
        axes.set_xticks(positions, ["\n".join(textwrap.wrap(g, 18)[:3]) for g in figure.groups], fontsize=8)
    axes.set_ylabel(figure.measure)
    axes.set_title(figure.title, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    if len(figure.series) > 1:
        axes.legend(frameon=False)
    return drawn

"""The exports both faces offer — a quote set for a paper or a poster, the codebook, the analysis report, a
REFI-QDA project or codebook — in one place, so `sdi export …`, `sdi refi export` and the workbench's palette
write the same files the same way.

Each export is made in two steps: `…_export(project, …)` reads what it needs from the store (quick, on the
caller's thread) and returns an `Export`; `Export.run()` writes the file and reads it back for the real names
of the pseudonym key (the slow part, safe in a worker thread, touching no store). A file with a real name in
it is removed unless the caller allows it. Faces print or show the outcome; nothing here talks to a user.

Imports of the workflow, python-docx and lxml happen inside the functions: `sdi --help` stays quick."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sdi.workflow.project import Project

LAYOUTS = ("paper", "poster")


def slug(name: str, fallback: str) -> str:
    """A file-name-safe form of a title ("Artikkel 1" → "artikkel-1")."""
    kept = "".join(ch.lower() if ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in kept.split("-") if part) or fallback


def names_in_export(path: Path, names: Iterable[str]) -> list[str]:
    """Every real name found in a written export, read back the way its readers will see it
    (`sdi.export.readback`), by the one known-name check (`sdi.workflow.name_check`)."""
    from sdi.export.readback import written_texts
    from sdi.workflow.name_check import find_names

    return find_names(written_texts(path), names)


@dataclass(frozen=True)
class Written:
    """What became of an export: the file, and the real names found in it (then it was removed, unless
    names were allowed)."""

    path: Path
    names: tuple[str, ...] = ()
    kept: bool = True


@dataclass(frozen=True)
class Export:
    """An export read from the store and ready to write. `kind` and `counts` let a face say what it was
    (`quotes`, `codebook`, `report`, `refi`, `refi_codebook`)."""

    kind: str
    path: Path
    write: Callable[[Path], Path]
    real_names: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    drawn_names: tuple[str, ...] = ()  # real names a figure in it would show (images cannot be read back)

    def run(self, *, allow_names: bool = False) -> Written:
        """Write the file, read it back, and remove it again if a real name is in it (unless allowed). A
        figure that would show a real name is caught before anything is written."""
        if self.drawn_names and not allow_names:
            return Written(self.path, self.drawn_names, kept=False)
        path = self.write(self.path)
        found = tuple(names_in_export(path, self.real_names))
        if found and not allow_names:
            path.unlink(missing_ok=True)
            return Written(path, found, kept=False)
        return Written(path, found)


def quotes_export(
    project: Project,
    set_id: int,
    layout: str = "paper",
    *,
    path: Path | None = None,
    block: bool = False,
    appendix: bool = False,
    size: str = "A1",
    figure: str | None = None,
) -> Export:
    """A quote set as Word: `paper` under headings by concept or code group with attributions, `poster` on
    one landscape page of `size` (A0, A1, A2), a panel per focus-group category with N participants and a
    headline quote, and optionally a `figure` (heatmap, concept-map, bars) under the panels."""
    from sdi.export.word import WordQuote, write_paper, write_poster
    from sdi.workflow.quote import quote_set_export

    data = quote_set_export(project, set_id)
    language, author = project.config.language, project.coder_name
    drawing = _figure(project, figure) if layout == "poster" and figure else None
    path = path or project.config.exports_dir / f"{slug(data.name, 'sitater')}-{layout}.docx"
    quotes = [
        WordQuote(q.display, q.original, q.edited, q.context.attribution_in(language),
                  q.context.concept or q.context.code_group, q.context.category or q.context.group)
        for q in data.quotes
    ]  # fmt: skip

    def write(target: Path) -> Path:
        if layout == "paper":
            return write_paper(target, data.name, data.description, quotes, language=language, block=block,
                               appendix=appendix, author=author)  # fmt: skip
        from sdi.export.figures import render

        image = render(drawing, "png") if drawing is not None else None
        return write_poster(target, data.name, quotes, data.participants_per_category, language=language,
                            author=author, size=size, figure=image,
                            figure_caption=drawing.title if drawing is not None else "")  # fmt: skip

    names = data.pseudonymised_names
    return Export("quotes", path, write, names, {"quotes": len(quotes)}, _drawn(drawing, names))


def _figure(project: Project, kind: str) -> Any:
    """A figure's data (`heatmap`, `concept-map`, `bars`) with the defaults of `sdi figure`."""
    from sdi.workflow.figure_data import figure_data

    return figure_data(project, kind.replace("-", "_"), "code_group", "group", "codings")


def _drawn(figure: Any, names: tuple[str, ...]) -> tuple[str, ...]:
    """The real names a figure would draw (its words are checked before drawing: images are not read
    back)."""
    if figure is None:
        return ()
    from sdi.export.figures import labels_of
    from sdi.workflow.name_check import find_names

    return tuple(find_names(labels_of(figure), names))


def codebook_exports(project: Project, formats: tuple[str, ...] = ("docx", "csv")) -> list[Export]:
    """The codebook as a Word table (exports/kodebok.docx) and/or CSV (exports/kodebok.csv)."""
    from sdi.export.tables import write_codebook_csv, write_codebook_docx
    from sdi.workflow.report import codebook_rows

    rows = codebook_rows(project)
    config, author = project.config, project.coder_name
    names = tuple(config.known_names)
    writers: dict[str, Callable[[Path], Path]] = {
        "docx": lambda target: write_codebook_docx(target, config.title, rows, config.language,
                                                   author=author),
        "csv": lambda target: write_codebook_csv(target, rows, config.language),
    }
    return [
        Export("codebook", config.exports_dir / f"kodebok.{kind}", writers[kind], names, {"codes": len(rows)})
        for kind in formats
    ]


def report_export(project: Project, *, path: Path | None = None, figures: bool = True) -> Export:
    """The analysis report: concepts (with their notes) → code groups → codes → quotes and memos, the
    figures (concept map, code groups × focus groups, codings per group and stage), code groups × stages
    on landscape pages, the other memos, and the checks as a methods appendix."""
    from sdi.export.report import write_report
    from sdi.workflow.report import analysis_report

    data = analysis_report(project)
    language = project.config.language
    drawings = report_figures(project) if figures else []

    def write(target: Path) -> Path:
        return write_report(target, data.title, data.sections, data.stages, data.spread, data.checks,
                            language, author=data.coder, memos=data.memos, figures=drawings)  # fmt: skip

    counts = {"groups": len(data.sections), "checks": len(data.checks)}
    path = path or project.config.exports_dir / "analyserapport.docx"
    names = data.pseudonymised_names
    drawn = tuple(dict.fromkeys(name for drawing in drawings for name in _drawn(drawing, names)))
    return Export("report", path, write, names, counts, drawn)


def report_figures(project: Project) -> list[Any]:
    """The report's figures: the concept map, code groups × focus groups as a heatmap, codings per focus
    group and stage."""
    from sdi.workflow.figure_data import bars_of, concept_map_data, heatmap_of
    from sdi.workflow.matrix import build_matrix, read_coded_turns

    language = project.config.language
    coded = read_coded_turns(project, "code_group", language)
    by_group = heatmap_of(build_matrix(coded, "group", language), "codings", language)
    by_stage = bars_of(build_matrix(coded, "transcript", language), language)
    return [concept_map_data(project), by_group, by_stage]


def refi_export(project: Project, *, codebook_only: bool = False, path: Path | None = None) -> Export:
    """The project as a REFI-QDA project (.qdpx), or only its codes and code groups (.qdc)."""
    from sdi.export.refi import write_qdc, write_qdpx
    from sdi.workflow.exchange.refi import gather_refi

    data = gather_refi(project, codebook_only=codebook_only)
    suffix = ".qdc" if codebook_only else ".qdpx"
    path = path or project.config.exports_dir / f"{slug(project.config.title, 'prosjekt')}{suffix}"
    cases = {case.guid for case in data.cases}  # each participant is also a code over their turns
    codes = {c.guid for c in data.codes if c.codable and c.guid not in cases}
    counts = {
        "codes": len(codes),
        "groups": sum(1 for c in data.codes if not c.codable) - any(c.guid in cases for c in data.codes),
        "transcripts": len(data.sources),
        "codings": sum(
            1 for source in data.sources for s in source.selections for c in s.codings if c.code in codes
        ),
        "participants": len(data.cases),
        "memos": len(data.notes),
    }

    def write(target: Path) -> Path:
        return (write_qdc if codebook_only else write_qdpx)(data, target)

    kind = "refi_codebook" if codebook_only else "refi"
    return Export(kind, path, write, tuple(project.config.known_names), counts)

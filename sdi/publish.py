"""The exports both faces offer — a quote set for a paper or a poster, the codebook, the analysis report, a
REFI-QDA project or codebook — in one place, so `sdi export …`, `sdi refi export` and the workbench's palette
write the same files the same way.

Each export is made in two steps: `…_export(project, …)` reads what it needs from the store (quick, on the
caller's thread) and returns an `Export`; `Export.run()` writes the file and reads it back for the real names
of the pseudonym key (the slow part, safe in a worker thread, touching no store). A file with a real name in
it is removed unless the caller allows it. Faces print or show the outcome; nothing here talks to a user.

Imports of the workflow, python-docx and lxml happen inside the functions: `sdi --help` stays quick."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.workflow.project import Project

LAYOUTS = ("paper", "poster")


def slug(name: str, fallback: str) -> str:
    """A file-name-safe form of a title ("Artikkel 1" → "artikkel-1")."""
    kept = "".join(ch.lower() if ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in kept.split("-") if part) or fallback


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

    def run(self, *, allow_names: bool = False) -> Written:
        """Write the file, read it back, and remove it again if a real name is in it (unless allowed)."""
        from sdi.export.names import names_in_export

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
) -> Export:
    """A quote set as Word: `paper` under headings by concept or code group with attributions, `poster`
    per focus-group category with N participants and a headline quote."""
    from sdi.export.word import WordQuote, write_paper, write_poster
    from sdi.workflow.quote import quote_set_export

    data = quote_set_export(project, set_id)
    language = project.config.language
    path = path or project.config.exports_dir / f"{slug(data.name, 'sitater')}-{layout}.docx"
    quotes = [
        WordQuote(q.display, q.original, q.edited, q.context.attribution_in(language),
                  q.context.concept or q.context.code_group, q.context.category or q.context.group)
        for q in data.quotes
    ]  # fmt: skip

    def write(target: Path) -> Path:
        if layout == "paper":
            return write_paper(target, data.name, data.description, quotes, language=language, block=block,
                               appendix=appendix)  # fmt: skip
        return write_poster(target, data.name, quotes, data.participants_per_category, language=language)

    return Export("quotes", path, write, data.pseudonymised_names, {"quotes": len(quotes)})


def codebook_exports(project: Project, formats: tuple[str, ...] = ("docx", "csv")) -> list[Export]:
    """The codebook as a Word table (exports/kodebok.docx) and/or CSV (exports/kodebok.csv)."""
    from sdi.export.tables import write_codebook_csv, write_codebook_docx
    from sdi.workflow.report import codebook_rows

    rows = codebook_rows(project)
    config = project.config
    names = tuple(config.pseudonyms)
    writers: dict[str, Callable[[Path], Path]] = {
        "docx": lambda target: write_codebook_docx(target, config.title, rows, config.language),
        "csv": lambda target: write_codebook_csv(target, rows, config.language),
    }
    return [
        Export("codebook", config.exports_dir / f"kodebok.{kind}", writers[kind], names, {"codes": len(rows)})
        for kind in formats
    ]


def report_export(project: Project, *, path: Path | None = None) -> Export:
    """The analysis report: concepts → code groups → codes → quotes, code groups × stages, the checks."""
    from sdi.export.tables import write_report
    from sdi.workflow.report import analysis_report

    data = analysis_report(project)
    language = project.config.language

    def write(target: Path) -> Path:
        sections, checks = data.sections, data.checks
        return write_report(target, data.title, sections, data.stages, data.spread, checks, language)

    counts = {"groups": len(data.sections), "checks": len(data.checks)}
    path = path or project.config.exports_dir / "analyserapport.docx"
    return Export("report", path, write, data.pseudonymised_names, counts)


def refi_export(project: Project, *, codebook_only: bool = False, path: Path | None = None) -> Export:
    """The project as a REFI-QDA project (.qdpx), or only its codes and code groups (.qdc)."""
    from sdi.export.refi import write_qdc, write_qdpx
    from sdi.workflow.refi import gather_refi

    data = gather_refi(project, codebook_only=codebook_only)
    suffix = ".qdc" if codebook_only else ".qdpx"
    path = path or project.config.exports_dir / f"{slug(project.config.title, 'prosjekt')}{suffix}"
    counts = {
        "codes": len(data.codes),
        "groups": len(data.sets),
        "transcripts": len(data.sources),
        "codings": sum(len(s.codings) for source in data.sources for s in source.selections),
        "memos": len(data.notes),
    }

    def write(target: Path) -> Path:
        return (write_qdc if codebook_only else write_qdpx)(data, target)

    kind = "refi_codebook" if codebook_only else "refi"
    return Export(kind, path, write, tuple(project.config.pseudonyms), counts)

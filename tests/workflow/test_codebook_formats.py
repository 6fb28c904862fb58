"""`sdi codebook import/export` by the file's extension: CSV as spreadsheets and Taguette read and write it
(Taguette's own rules: one of `tag`, `name`, `path`, plus `description`), REFI-QDA `.qdc` and the codebook
part of a `.qdpx`; all recognised on a second import, a bad file one line naming it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from sdi.cli.main import main
from sdi.ingest.codebook_csv import read_codebook_csv
from sdi.ingest.model import IngestError
from sdi.storage.models import Code, CodeGroup
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.project import Project
from tests.conftest import dump_store
from tests.workflow.test_codebook import analysed, copy_of
from tests.workflow.test_refi import xsd


def groups_and_codes(project: Project) -> list[tuple[str, str, str | None]]:
    with project.store.reading() as session:
        return sorted((c.statement, c.description, c.group.name if c.group else None)
                      for c in session.scalars(select(Code)))  # fmt: skip


@pytest.mark.parametrize("suffix", [".csv", ".qdc", ".qdpx", ".toml"])
def test_export_and_import_by_extension(project: Project, tmp_path: Path, suffix: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    analysed(project)
    path = tmp_path / f"kodebok{suffix}"
    extra = ["--with-codings"] if suffix == ".toml" else []  # its key quotes need their codings
    assert main(["--project", str(project.root), "codebook", "export", str(path), *extra]) == 0
    assert f"{path}: 3 koder, 2 kodegrupper" in capsys.readouterr().out
    if suffix == ".qdc":
        checker = xsd("Codebook.xsd")
        assert checker.validate(etree.parse(str(path))), checker.error_log
    other = copy_of(project, tmp_path / "kollega")
    try:
        report = import_codebook_file(other, path)
        assert (report.codes, report.groups) == (3, 2)
        assert groups_and_codes(other) == groups_and_codes(project)
        before = dump_store(other)
        again = import_codebook_file(other, path)
        assert again.codes == again.groups == 0 and dump_store(other) == before
    finally:
        other.close()


def test_the_csv_is_what_taguette_reads(project: Project, tmp_path: Path) -> None:
    analysed(project)
    path = tmp_path / "kodebok.csv"
    assert main(["--project", str(project.root), "codebook", "export", str(path)]) == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfname,description,group,memo,id\r\n")  # BOM for Excel, English header
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = [cell.lower() for cell in next(csv.reader(handle))]
    assert sum(column in header for column in ("tag", "name", "path")) == 1 and "description" in header
    rows = {row["name"]: row for row in csv.DictReader(path.open(encoding="utf-8-sig", newline=""))}
    waiting = rows["Venter med å ringe hjem til hun er sikker"]
    assert (waiting["group"], waiting["description"]) == ("Å vente", "Om å vente.")
    assert waiting["memo"] == "Henger sammen med frykt for å ta feil."


def test_a_taguette_csv_imports(project: Project, tmp_path: Path) -> None:
    analysed(project)
    path = tmp_path / "codebook.csv"  # as Taguette exports it (1.5: tag, description, number of highlights)
    path.write_text("tag,description,number of highlights\r\nUgruppert kode,,2\r\nsamarbeid.PPT,Om PPT,1\r\n",
                    encoding="utf-8")  # fmt: skip
    report = import_codebook_file(project, path)
    assert (report.codes, report.skipped) == (1, 1)  # «Ugruppert kode» is ours already, by name
    with project.store.reading() as session:
        assert session.scalar(select(Code.description).where(Code.statement == "samarbeid.PPT")) == "Om PPT"
        assert session.scalar(select(CodeGroup).where(CodeGroup.name == "samarbeid")) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [("tag,name\nx,y\n", "both name and tag columns"), ("name\nx\n\nx\n", "listed twice"),
     ("Kode,Beskrivelse\nx,y\n", "no 'name', 'tag' or 'path'"), ("", "empty file"),
     ("name,description\n,tom\n", "no code in")],
)  # fmt: skip
def test_a_bad_csv_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "kodebok.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_codebook_csv(path)
    assert caught.value.path == path and message in str(caught.value)


def test_an_unknown_extension_is_named(project: Project, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    path = tmp_path / "kodebok.qdx"
    path.write_text("x", encoding="utf-8")
    assert main(["--project", str(project.root), "codebook", "import", str(path)]) != 0
    err = capsys.readouterr().err
    assert "kodebok.qdx" in err and ".toml, .csv, .qdc, .qdpx" in err and "TOML" not in err.split(":")[-1]

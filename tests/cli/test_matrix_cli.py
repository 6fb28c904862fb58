"""`sdi matrix`, `sdi cooccurrence` and `sdi figure` run as the researcher runs them; the xlsx and CSV files
read back equal the printed tables; no file keeps a real name."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sdi.cli.main import main
from sdi.workflow.project import Project
from tests.workflow.comparison_fixture import Study, build_study


@pytest.fixture
def study(project: Project) -> Study:
    return build_study(project)


def sdi(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--project", str(root), "--coder", "tester", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def printed_table(out: str) -> list[list[str]]:
    """The aligned table in `out`, cut into cells by the rule line under its header."""
    lines = out.splitlines()
    rule = next(i for i, line in enumerate(lines) if re.fullmatch(r"-+( +-+)*", line))
    spans = [m.span() for m in re.finditer(r"-+", lines[rule])]
    rows = []
    for line in [lines[rule - 1], *lines[rule + 1 :]]:
        if not line.strip() or line.startswith(("(viser", "(showing", "Talere", "Speakers")):
            break
        padded = line.ljust(spans[-1][1])
        starts = [s for s, _ in spans] + [len(padded)]
        rows.append([padded[starts[i] : starts[i + 1]].strip() for i in range(len(spans))])
    return rows


def shown(value: object, number_format: str = "General") -> str:
    """An xlsx cell the way the table prints it (and the way Excel shows it, by its number format)."""
    if value is None:
        return "–"
    if number_format == "0.000" or isinstance(value, float):
        return f"{value:.3f}".replace(".", ",")
    return str(value)


def test_matrix_printed_and_as_xlsx(study: Study, capsys: pytest.CaptureFixture[str]) -> None:
    root = study.project.root
    code, out, _ = sdi(capsys, root, "matrix")
    assert code == 0 and out.startswith("Kodegruppe × fokusgruppe: kodinger")
    table = printed_table(out)
    assert table[0] == ["Kodegruppe", "Barnehage Fjordvik", "Skole Åsmark", "Totalt"]
    assert table[1:] == [["Å vente", "3", "1", "4"], ["Stafettbrudd", "3", "2", "5"],
                         ["(uten kodegruppe)", "2", "0", "2"], ["Totalt", "8", "3", "11"]]  # fmt: skip
    code, out, _ = sdi(capsys, root, "matrix", "--format", "xlsx")
    path = root / "exports" / "matrise-code-group-group.xlsx"
    assert code == 0 and str(path) in out
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Kodinger", "Ytringer", "Talere", "Andel av talerne"]
    sheet = [[cell for cell in row] for row in workbook["Kodinger"].iter_rows(values_only=True)]
    assert [[shown(v) for v in row] for row in sheet] == table
    assert all(isinstance(v, int) for row in sheet[1:] for v in row[1:])  # numbers, not text
    assert workbook["Kodinger"]["A1"].font.bold
    assert workbook.properties.creator == "tester" and workbook.properties.title == "Teststudie"
    share = [list(row) for row in workbook["Andel av talerne"].iter_rows(values_only=True)]
    assert share[1][1:] == [1.0, 0.5, 0.75] and workbook["Andel av talerne"]["C2"].number_format == "0%"


def test_share_by_participant_prints_percent_and_nothing_for_the_moderator(
    study: Study, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = sdi(capsys, study.project.root, "matrix", "--columns", "participant", "--measure", "share")
    assert code == 0
    table = printed_table(out)
    assert table[0][1] == "Moderator (Barnehage Fjordvik)"
    assert table[1][1:4] == ["–", "100 %", "100 %"]  # moderator, P1, P2 for «Å vente»
    assert "Talere: informanter som sa det" in out
    assert sdi(capsys, study.project.root, "matrix", "--columns", "participant", "--measure", "share",
               "--format", "xlsx", "-o", str(study.project.root / "andel.xlsx"))[0] == 0  # fmt: skip
    sheet = list(load_workbook(study.project.root / "andel.xlsx").worksheets[0].iter_rows(values_only=True))
    assert sheet[1][1:4] == (None, 1.0, 1.0)


def test_stage_comparison_printed_and_as_csv(study: Study, capsys: pytest.CaptureFixture[str]) -> None:
    root = study.project.root
    code, out, _ = sdi(capsys, root, "matrix", "--stages", "--rows", "code")
    assert code == 0
    table = printed_table(out)
    assert table[0] == ["Fokusgruppe", "Fra runde", "Til runde", "Endring", "Kode", "Kodinger før",
                        "Kodinger etter"]  # fmt: skip
    assert table[1] == ["Barnehage Fjordvik", "1", "2", "Nytt i runde 2", "Ny logg hjelper", "0", "1"]
    assert [row[4] for row in table[2:4]] == ["Ingen har stafettpinnen", "Moderator spør om bekymring"]
    assert {row[3] for row in table[2:4]} == {"Bare i runde 1"}
    assert sdi(capsys, root, "matrix", "--stages", "--rows", "code", "--format", "csv")[0] == 0
    with (root / "exports" / "runder-code.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == table


def test_cooccurrence_printed_and_as_xlsx(study: Study, capsys: pytest.CaptureFixture[str]) -> None:
    root = study.project.root
    code, out, _ = sdi(capsys, root, "cooccurrence", "--by", "near", "--within", "1", "--top", "2")
    assert code == 0
    assert out.startswith("Samforekomst, innen 1 ytringer: 6 par")
    table = printed_table(out)
    assert table == [["Første", "Andre", "Sammen", "Første alene", "Andre alene", "Jaccard"],
                     ["Venter til de er sikre", "Loggen blir borte", "3", "3", "3", "1,000"],
                     ["Loggen blir borte", "Ingen har stafettpinnen", "3", "3", "3", "0,800"]]  # fmt: skip
    assert "(viser 2 av 6 par; --top for flere)" in out
    assert sdi(capsys, root, "cooccurrence", "--by", "near", "--format", "xlsx")[0] == 0
    workbook = load_workbook(root / "exports" / "samforekomst-code-near.xlsx")
    assert workbook.sheetnames == ["Par", "Matrise"]
    pairs = list(workbook["Par"].iter_rows())
    assert [[shown(c.value, c.number_format) for c in row] for row in pairs[:3]] == table and len(pairs) == 7
    square = [list(row) for row in workbook["Matrise"].iter_rows(values_only=True)]
    assert square[0] == ["Kode", "Venter til de er sikre", "Loggen blir borte", "Ingen har stafettpinnen",
                         "Moderator spør om bekymring", "Ny logg hjelper"]  # fmt: skip
    assert square[1][1:] == [3, 3, 2, 1, 1]  # A's own turns on the diagonal, then the pairs


def test_files_with_real_names_are_removed(study: Study, capsys: pytest.CaptureFixture[str]) -> None:
    root = study.project.root
    config = root / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8") + '"Stafettbrudd" = "[tema]"\n', encoding="utf-8")
    code, _, err = sdi(capsys, root, "matrix", "--format", "xlsx")
    assert code == 3 and "Stafettbrudd" in err and "sheet Kodinger row 3 cell 1" in err
    assert not (root / "exports" / "matrise-code-group-group.xlsx").exists()
    code, _, err = sdi(capsys, root, "figure", "heatmap")
    assert code == 3 and "row: Stafettbrudd" in err
    assert not list((root / "exports").glob("*.svg"))
    code, _, _ = sdi(capsys, root, "matrix", "--format", "csv", "--allow-names")
    assert code == 0


def test_unknown_file_types_are_refused_in_one_line(study: Study, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = sdi(capsys, study.project.root, "matrix", "--format", "xlsx", "-o", "matrise.ods")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "matrise.ods" in err and ".xlsx" in err
    code, _, err = sdi(capsys, study.project.root, "figure", "bars", "-o", "figur.jpg")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "figur.jpg" in err and ".svg" in err


def test_figures_as_svg_and_png(study: Study, capsys: pytest.CaptureFixture[str]) -> None:
    root = study.project.root
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph (æøå) would warn
        assert sdi(capsys, root, "figure", "heatmap", "--columns", "site", "--measure", "share")[0] == 0
        assert sdi(capsys, root, "figure", "concept-map", "--format", "png")[0] == 0
        assert sdi(capsys, root, "figure", "bars", "-o", str(root / "stolper.png"))[0] == 0
    svg = (root / "exports" / "varmekart.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "<path" in svg
    for path in (root / "exports" / "begrepskart.png", root / "stolper.png"):
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_printed_matrix_loads_no_figure_or_spreadsheet_library(study: Study) -> None:
    script = (
        "import sys\nfrom sdi.cli.main import main\n"
        f"main(['--project', {str(study.project.root)!r}, 'matrix', '--columns', 'stage'])\n"
        "main(['--project', {0!r}, 'cooccurrence'])\n".format(str(study.project.root))
        + "print('HEAVY=' + ','.join(n for n in ('matplotlib', 'openpyxl', 'spacy', 'textual', 'docx')"
        " if n in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "runde 1" in result.stdout and result.stdout.rstrip().endswith("HEAVY=")

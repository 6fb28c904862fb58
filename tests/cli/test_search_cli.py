"""`sdi search` with filters and `sdi keywords`, run on the demo project as a researcher runs them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sdi.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def places(out: str) -> list[str]:
    """The `corpus/…:line  Speaker (role)` lines of search output."""
    return [line for line in out.splitlines() if re.match(r"corpus/\S+:\d+  ", line)]


def test_search_filters_narrow_the_demo_search(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = ("--project", str(demo_root))
    code, out, err = run(capsys, *project, "search", "stafettlogg", "-n", "200")
    assert code == 0, err
    everything = places(out)
    assert {line.split("/")[1] for line in everything} == {"asmark", "fjordvik"}
    assert any("  Moderator" in line for line in everything)
    assert not any("Moderator (Moderator)" in line for line in everything)  # a role is said once

    code, out, err = run(capsys, *project, "search", "stafettlogg", "-n", "200", "--site", "ÅSMARK",
                         "--category", "skole", "--stage", "2")  # fmt: skip
    assert code == 0, err
    narrowed = places(out)
    assert narrowed and set(narrowed) < set(everything)
    assert all(line.startswith("corpus/asmark/skole-2.md:") for line in narrowed)
    assert re.search(r"\[stafettlogg\w*\]", out, re.IGNORECASE)  # KWIC lines stay
    assert out.strip().endswith(f"{len(narrowed)} treff")

    code, out, _ = run(capsys, *project, "search", "stafettlogg", "--role", "kontaktlærer", "-n", "200")
    assert code == 0 and places(out)
    assert all(line.endswith("(Kontaktlærer)") for line in places(out))


def test_fuzzy_search_with_a_filter(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    remembered = "ingen visste hvem som hadde stafettpinnen"
    code, out, err = run(
        capsys, "--project", str(demo_root), "search", "--fuzzy", remembered, "--site", "fjordvik"
    )
    assert code == 0, err
    hits, why = out.splitlines()[::2], out.splitlines()[1::2]  # each hit, then the words it shares
    assert hits and all(" corpus/fjordvik/" in line for line in hits)
    assert hits[0].startswith("100.0") and why[0].strip().startswith("felles: ")


def test_an_unknown_filter_value_is_one_line_naming_the_valid_ones(
    demo_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--project", str(demo_root), "search", "barnehage", "--site", "Oslo")
    assert code == 2 and out == ""
    assert err == "sdi: feil: --site: ingen «Oslo» (gyldige: Fjordvik, Åsmark)\n"
    code, _, err = run(capsys, "--project", str(demo_root), "search", "barnehage", "--category", "sykehus")
    assert code == 2 and err.count("\n") == 1
    assert "Barnehage" in err and "Ledelse" in err and "Skole" in err


def test_keywords_on_the_demo_project(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--project", str(demo_root), "keywords", "--by", "category", "--top", "3")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["Kategori", "Nøkkelord"]
    starts = [line.split("  ")[0] for line in lines[2:-1] if not line.startswith(" ")]
    assert starts == ["Barnehage", "Ledelse", "Mellomledere oppvekst og helse", "Skole"]
    assert len(lines[2:-1]) <= 4 * 3
    assert "G²" in lines[-1]
    skole = next(i for i, line in enumerate(lines) if line.startswith("Skole"))
    assert "sfo" in " ".join(lines[skole : skole + 3]) or "elev" in " ".join(lines[skole : skole + 3])

    code, out, _ = run(capsys, "--project", str(demo_root), "keywords", "--by", "stage", "-n", "2")
    assert code == 0 and "runde 1" in out and "runde 2" in out
    code, _, err = run(capsys, "--project", str(demo_root), "keywords", "--top", "0")
    assert code == 2 and err == "sdi: feil: --top og --min-count må være minst 1\n"


def test_new_commands_have_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("search", "keywords"):
        with pytest.raises(SystemExit) as exited:
            main([command, "--help"])
        assert exited.value.code == 0
        out = capsys.readouterr().out
        assert out.count("--") > 3

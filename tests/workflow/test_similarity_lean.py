"""A cold `sdi search --fuzzy` and `sdi code similar` read an SQLite store through `sdi.storage.lean` (plain
SQL, no SQLAlchemy, no ORM) and give exactly what the workbench's full path gives: the same quotes, scores,
shared words and order; the same codes. Any other store (PostgreSQL, a filter) goes the full path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sdi.workflow.code import create_code
from sdi.workflow.code_assist import similar_codes
from sdi.workflow.code_similarity import similar_codes_at
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import open_project
from sdi.workflow.quote_finder import find_quote, find_quote_at
from sdi.workflow.search import lean_reading
from sdi.workflow.search_filter import SearchFilter
from tests.conftest import fjordvik_lookup_site

REMEMBERED = [
    "ingen visste hvem som hadde stafettpinnen",
    "foreldrene ringer ikke tilbake",
    "loggen ligger i en perm på kontoret",
    "vi må snakke med helsesykepleier før det blir for sent",
    "det er sånn det er",
    "barnevernet",
    "tolk",
    "xyzzy kvekk",
]
STATEMENTS = [
    "Ingen vet hvem som har stafettpinnen",
    "Foreldre ringer ikke tilbake etter undringssamtalen",
    "Stafettloggen ligger i en perm",
    "Helsesykepleier kommer for sent inn",
    "Vi mangler tolk på foreldremøter",
]


def _same_as_the_full_path(root: Path, *, lean: bool) -> int:
    """Compares the cold entry points with the workbench's calls on the project at `root`; returns how
    many quotes were found in all (so a test can see the comparison was not empty)."""
    with lean_reading(root) as (read, _config):
        assert (read is not None) == lean
    found = 0
    project = open_project(root, coder="tester", exact=True)
    try:
        for remembered in REMEMBERED:
            for limit in (1, 5, 20):
                cold, config = find_quote_at(root, None, remembered, limit)
                assert cold == find_quote(project, remembered, limit), remembered
                assert config.language == project.config.language
                found += len(cold)
            for limit in (1, 8):
                codes, _ = similar_codes_at(root, None, remembered, limit)
                assert codes == similar_codes(project, remembered, limit), remembered
    finally:
        project.close()
    return found


def test_the_lean_quote_finder_and_similar_codes_match_the_full_path_on_the_demo(demo_analysis: Path) -> None:
    assert _same_as_the_full_path(demo_analysis, lean=True) > 20
    codes, _ = similar_codes_at(demo_analysis, None, "ingen visste hvem som hadde stafettpinnen")
    assert codes  # the demo's codebook has a code about the baton


def test_the_same_on_a_second_project_on_both_engines(tmp_path: Path, database_url: str) -> None:
    """One site of the demo, indexed by the lookup lemmatiser, with its own codes: on SQLite the lean path
    is taken and agrees; on PostgreSQL the cold entry points fall back to the full path."""
    root = fjordvik_lookup_site(tmp_path / "second", database_url)
    project = open_project(root, coder="tester", exact=True)
    try:
        assert not import_paths(project, []).failed
        for statement in STATEMENTS:
            create_code(project, statement)
    finally:
        project.close()
    assert _same_as_the_full_path(root, lean=not database_url) > 10


def test_a_filter_or_an_empty_quote_goes_the_ordinary_way(demo_analysis: Path) -> None:
    found, _ = find_quote_at(demo_analysis, None, "ingen visste hvem", 20, SearchFilter(stages=("2",)))
    assert found and {match.turn.stage for match in found} == {2}
    with pytest.raises(WorkflowError, match="remember"):
        find_quote_at(demo_analysis, None, "   ")


@pytest.mark.parametrize("command", [["search", "--fuzzy", "ingen visste hvem"], ["code", "similar", "perm"]])
def test_cold_fuzzy_search_and_similar_codes_import_no_sqlalchemy(
    demo_analysis: Path, command: list[str]
) -> None:
    script = (
        "import sys\nfrom sdi.cli.main import main\n"
        f"main(['--project', {str(demo_analysis)!r}, *{command!r}])\n"
        "heavy = ('sqlalchemy', 'spacy', 'textual', 'alembic')\n"
        "print('HEAVY=' + ','.join(n for n in heavy if n in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert len(result.stdout.splitlines()) > 2
    assert result.stdout.splitlines()[-1] == "HEAVY="

"""Grouping suggestions on the demo codebook (codebooks/demo-analyse.toml): with its groups undone, the
suggestions should rediscover much of the researcher's own grouping, and accepting one is one undo."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest

from sdi.workflow.code import list_codes
from sdi.workflow.code_group import list_groups, move_codes
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.grouping import accept_suggestion, suggest_groups
from sdi.workflow.history import undo
from sdi.workflow.project import Project, open_project
from tests.conftest import REPO


@pytest.fixture
def demo_analysis(demo_root: Path, tmp_path: Path) -> Iterator[Project]:
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root)
    project = open_project(root, coder="tester", exact=True)
    import_codebook_file(project, REPO / "codebooks/demo-analyse.toml")
    yield project
    project.close()


def test_rest_group_and_ungrouped_codes_are_the_candidates(demo_analysis: Project) -> None:
    codes = {c.statement: c for c in list_codes(demo_analysis)}
    suggestions = suggest_groups(demo_analysis)
    model = next(s for s in suggestions if "modell" in s.shared)
    assert {codes[s].group_name for s in model.statements} == {None, "Restgruppe"}
    assert all(codes[s].group_name in (None, "Restgruppe") for g in suggestions for s in g.statements)


def test_suggestions_rediscover_the_demo_grouping(demo_analysis: Project) -> None:
    codes = list_codes(demo_analysis)
    original = {c.id: c.group_name for c in codes}
    move_codes(demo_analysis, [c.id for c in codes], None)
    suggestions = suggest_groups(demo_analysis)
    assert len(suggestions) >= 5
    assert all(s.shared and 2 <= len(s.code_ids) <= len(codes) // 3 for s in suggestions)
    pairs = [(a, b) for s in suggestions for a, b in combinations(s.code_ids, 2)]
    same = sum(original[a] == original[b] for a, b in pairs)
    assert same / len(pairs) >= 0.4, (same, len(pairs))  # chance would be about 1 in 8
    pinne = next(s for s in suggestions if "stafettpinne" in s.shared)
    assert set(pinne.statements) == {
        "Ingen vet hvem som har stafettpinnen",
        "Stafettpinnen skal gis videre, men ingen på skolen tar imot den",
    }


def test_accepting_a_suggestion_creates_the_group_in_one_undo(demo_analysis: Project) -> None:
    move_codes(demo_analysis, [c.id for c in list_codes(demo_analysis)], None)
    before = {g.name for g in list_groups(demo_analysis)}
    first = suggest_groups(demo_analysis)[0]
    group_id = accept_suggestion(demo_analysis, "Forslag godtatt", first.code_ids)
    groups = {g.id: g for g in list_groups(demo_analysis)}
    assert groups[group_id].name == "Forslag godtatt" and groups[group_id].codes == len(first.code_ids)
    assert undo(demo_analysis) is not None
    assert {g.name for g in list_groups(demo_analysis)} == before
    assert all(c.group_id is None for c in list_codes(demo_analysis))

"""The review of names in the workbench: opened from the command palette, each name accepted, rejected or
given another pseudonym, then applied — the stored text changes, rejected names stay."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Label

from sdi.tui.app import SdiApp
from sdi.tui.modals.anonymise import AnonymiseModal
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project, open_project
from tests.conftest import REPO, dump_store
from tests.tui.conftest import NLP_LABEL
from tests.tui.helpers import answer, type_text


@pytest.fixture
def named_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """Two demo transcripts imported with «Emil» and «Holmen» left in."""
    root = tmp_path / "demo"
    (root / "corpus").mkdir(parents=True)
    for name in ("barnehage-1.md", "skole-1.md"):
        shutil.copy(REPO / "corpus" / "fjordvik" / name, root / "corpus" / name)
    lines = (REPO / "sdi.toml").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith(('"Emil"', '"Holmen"'))]
    (root / "sdi.toml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    monkeypatch.setattr("sdi.tui.app.nlp_description", lambda project: NLP_LABEL)
    project = open_project(root, coder="tester", exact=True)
    assert not import_paths(project, []).failed
    return project


async def test_review_from_the_palette_accept_edit_reject_and_apply(named_project: Project) -> None:
    app = SdiApp(named_project)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+p")
            await type_text(pilot, "anonymiser")
            await pilot.press("enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            modal = app.screen
            assert isinstance(modal, AnonymiseModal)
            names = [choice.proposal.name for choice in modal.choices]
            assert "Emil" in names and "Holmen" in names
            table = modal.query_one(DataTable)
            table.move_cursor(row=names.index("Emil"))
            await pilot.pause()
            places = str(modal.query_one("#places", Label).render())
            assert "corpus/barnehage-1.md:" in places and "corpus/skole-1.md:" in places
            for name in names:  # reject all, then take back the two we want
                table.move_cursor(row=names.index(name))
                await pilot.press("r")
            table.move_cursor(row=names.index("Emil"))
            await pilot.press("e")
            await pilot.pause()
            await answer(pilot, "[barn]")
            table.move_cursor(row=names.index("Holmen"))
            await pilot.press("a")
            assert {c.proposal.name for c in modal.choices if c.accepted} == {"Emil", "Holmen"}
            assert str(table.get_cell(str(names.index("Emil")), "replacement")) == "[barn]"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, AnonymiseModal)
        stored = dump_store(named_project)
        assert "Emil" not in stored and "Holmen" not in stored
        assert named_project.config.pseudonyms["Emil"] == "[barn]"
        assert all(
            name in ("Emil", "Holmen") or name not in named_project.config.pseudonyms for name in names
        )
    finally:
        named_project.close()


async def test_escape_closes_the_review_without_writing(named_project: Project) -> None:
    app = SdiApp(named_project)
    try:
        before = dump_store(named_project)
        async with app.run_test(size=(120, 40)) as pilot:
            from sdi.tui.modals.anonymise import open_review

            open_review(app)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, AnonymiseModal)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, AnonymiseModal)
        assert dump_store(named_project) == before
        assert not named_project.config.key_path.exists()
    finally:
        named_project.close()

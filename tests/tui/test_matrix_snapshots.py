"""SVG snapshots of the Matrise screen on the seeded demo analysis at 80×24 and 160×48 (dark), and of the
share of speakers by category in the light theme. Update with `pytest tests/tui --snapshot-update` and look
at the SVGs before committing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from sdi.tui.app import SdiApp
from sdi.tui.matrix_commands import open_matrix
from sdi.workflow.project import Project

Snap = Callable[..., bool]


def matrix_then(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        open_matrix(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_matrix_screen(snap_compare: Snap, analysis_project: Project, size: tuple[int, int]) -> None:
    assert snap_compare(SdiApp(analysis_project), run_before=matrix_then("down"), terminal_size=size)


def test_matrix_share_light(snap_compare: Snap, analysis_project: Project) -> None:
    run = matrix_then("ctrl+t", "c", "m", "m", "m")  # categories, share of speakers
    assert snap_compare(SdiApp(analysis_project), run_before=run, terminal_size=(80, 24))

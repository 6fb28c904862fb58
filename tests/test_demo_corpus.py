"""The demo corpus in corpus/: 16 transcripts, 8 groups × 2 stages, imported cleanly and pseudonymised."""

from __future__ import annotations

from pathlib import Path

from sdi.config import load_config
from sdi.workflow.overview import project_status
from sdi.workflow.project import open_project
from sdi.workflow.transcript import list_transcripts, transcript_view

CATEGORIES = {"Barnehage", "Skole", "Mellomledere oppvekst og helse", "Ledelse"}


def test_demo_has_16_transcripts_in_8_groups_by_2_stages(demo_root: Path) -> None:
    project = open_project(demo_root, exact=True)
    try:
        status = project_status(project)
    finally:
        project.close()
    assert status.transcripts == 16
    assert status.groups == 8
    assert {(r.group, r.stage) for r in status.rows} == {
        (f"{category} {site}", stage)
        for category in ("Barnehage", "Skole", "Mellomledere", "Ledelse")
        for site in ("Fjordvik", "Åsmark")
        for stage in (1, 2)
    }
    assert {r.site for r in status.rows} == {"Fjordvik", "Åsmark"}
    for row in status.rows:
        assert 4 <= row.speakers <= 8, (row.group, row.stage, row.speakers)
        assert 1500 <= row.words <= 3200, (row.group, row.stage, row.words)


def test_demo_stage_two_follows_a_stage_one_summary(demo_root: Path) -> None:
    project = open_project(demo_root, exact=True)
    try:
        for summary in list_transcripts(project):
            view = transcript_view(project, summary.id)
            assert view.turns[0].is_moderator, summary.source_path
            assert all(t.speaker for t in view.turns), summary.source_path
    finally:
        project.close()


def test_demo_stores_no_slipped_names(demo_root: Path) -> None:
    config = load_config(demo_root)
    project = open_project(demo_root, exact=True)
    try:
        texts = [transcript_view(project, s.id) for s in list_transcripts(project)]
    finally:
        project.close()
    replaced = 0
    for view in texts:
        joined = "\n".join(turn.text for turn in view.turns)
        for name in config.pseudonyms:
            assert name not in joined, (view.source_path, name)
        replaced += sum(joined.count(p) for p in set(config.pseudonyms.values()))
    assert replaced >= 16  # the corpus really does contain names that had to be replaced

"""SVG snapshots of the screens at 80×24 and 160×48: Corpus and Coding on the demo corpus with a few codings
made through the workflow, Code groups, Concepts and Quotes on the seeded demo analysis (fixed coder, fixed
pipeline name, no cursor blink), so they change only when the screens do. Update with
`pytest tests/tui --snapshot-update` and look at the SVGs before committing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from sdi.nlp.quick_sentences import sentence_spans
from sdi.tui.app import SdiApp
from sdi.workflow.code import add_coding, create_code
from sdi.workflow.concept import list_concepts
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project, init_project, open_project
from sdi.workflow.quote import add_quote, create_quote_set, edit_display, tidy_display
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.tui.conftest import NLP_LABEL

SMALL, LARGE = (80, 24), (160, 48)
Snap = Callable[..., bool]


def seed_codings(project: Project) -> None:
    """Two codes on the first transcript: the first informant turn's first sentence, and a span of the next
    turn that a changed transcript then flags."""
    document = list_transcripts(project)[0].id
    turns = transcript_view(project, document).turns
    first, second = turns[1], turns[2]
    start, end = sentence_spans(first.text, first.start)[0]
    small_signs = create_code(project, "Små tegn legger seg oppå hverandre")
    add_coding(project, small_signs, document, start, end)
    quiet = create_code(project, "De stille barna blir oversett")
    add_coding(project, quiet, document, second.start + second.text.index("De stille"), second.end)
    add_coding(project, small_signs, document, second.start, second.start + 40)


def flag_a_coding(project: Project) -> None:
    """Edit the words of the second coding in the source file and re-import: that coding is flagged."""
    path = project.root / "corpus/fjordvik/barnehage-1.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Dem er det lettest å overse", "Dem glemmer vi lettest"), encoding="utf-8")
    import_paths(project, [])


async def steady(pilot: Pilot[None]) -> None:
    """Cursors in inputs stop blinking, so the picture does not depend on timing."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.pause()


def presses(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        await steady(pilot)

    return run


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_corpus_screen(snap_compare: Snap, tui_project: Project, size: tuple[int, int]) -> None:
    seed_codings(tui_project)
    assert snap_compare(SdiApp(tui_project), run_before=presses("down"), terminal_size=size)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_coding_screen(snap_compare: Snap, tui_project: Project, size: tuple[int, int]) -> None:
    seed_codings(tui_project)
    flag_a_coding(tui_project)
    run = presses("2", "j", "j", "J", "s")
    assert snap_compare(SdiApp(tui_project), run_before=run, terminal_size=size)


def test_code_picker(snap_compare: Snap, tui_project: Project) -> None:
    """Two words typed: the matches, and (once the pipeline has loaded in its worker) the topic-label
    warning."""
    seed_codings(tui_project)
    typing = presses("2", "j", "c", "s", "m", "å", "space", "t", "e", "g", "n")

    async def run(pilot: Pilot[None]) -> None:
        await typing(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(SdiApp(tui_project), run_before=run, terminal_size=SMALL)


def test_coding_screen_light(snap_compare: Snap, tui_project: Project) -> None:
    seed_codings(tui_project)
    assert snap_compare(SdiApp(tui_project), run_before=presses("ctrl+t", "2", "j"), terminal_size=SMALL)


def test_help(snap_compare: Snap, tui_project: Project) -> None:
    assert snap_compare(SdiApp(tui_project), run_before=presses("2", "question_mark"), terminal_size=SMALL)


def seed_quotes(project: Project) -> None:
    """Two quote sets; the first holds the first concept's key quotes and one of the second's, the second
    quote with an edited display version."""
    set_id = create_quote_set(project, "Artikkel 1: venting")
    create_quote_set(project, "Poster NFF")
    first, second = list_concepts(project)
    quotes = [
        add_quote(project, set_id, quote.coding_id) for quote in (*first.key_quotes, second.key_quotes[0])
    ]
    edit_display(project, quotes[1], tidy_display(first.key_quotes[1].text) + " […]")


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_code_group_screen(snap_compare: Snap, analysis_project: Project, size: tuple[int, int]) -> None:
    run = presses("3", "down", "enter", "space", "space")  # two codes of the first group marked
    assert snap_compare(SdiApp(analysis_project), run_before=run, terminal_size=size)


def test_code_group_codings(snap_compare: Snap, analysis_project: Project) -> None:
    run = presses("3", "down", "enter", "enter")  # the first code's codings in context
    assert snap_compare(SdiApp(analysis_project), run_before=run, terminal_size=SMALL)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_concept_screen(snap_compare: Snap, analysis_project: Project, size: tuple[int, int]) -> None:
    assert snap_compare(SdiApp(analysis_project), run_before=presses("4", "tab"), terminal_size=size)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_quote_screen(snap_compare: Snap, analysis_project: Project, size: tuple[int, int]) -> None:
    seed_quotes(analysis_project)
    assert snap_compare(
        SdiApp(analysis_project), run_before=presses("5", "enter", "down"), terminal_size=size
    )


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_coding_selection_and_stripes(
    snap_compare: Snap, analysis_project: Project, size: tuple[int, int]
) -> None:
    """The demo analysis's codings as stripes; `n` lights up the first coding (its name on the caret's line,
    or its turn's header at 80 columns); three words selected from there, over a sentence's end."""
    run = presses("2", "n", "shift+right", "shift+right", "shift+right")
    assert snap_compare(SdiApp(analysis_project), run_before=run, terminal_size=size)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_concept_form(snap_compare: Snap, analysis_project: Project, size: tuple[int, int]) -> None:
    """Writing the concept: the form in the upper pane, the group's codings still readable below it."""
    assert snap_compare(SdiApp(analysis_project), run_before=presses("4", "e"), terminal_size=size)


def test_memo_browser(snap_compare: Snap, analysis_project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """The memos' times are those of the test run: shown as one fixed moment, so the picture stays put."""
    moment = dt.datetime(2026, 3, 2, 14, 30)
    monkeypatch.setattr("sdi.tui.modals.memo_browser.local", lambda when: moment)
    assert snap_compare(SdiApp(analysis_project), run_before=presses("M"), terminal_size=SMALL)


def test_palette_exports(snap_compare: Snap, analysis_project: Project) -> None:
    run = presses("ctrl+p", "e", "k", "s", "p", "o", "r", "t")

    async def settled(pilot: Pilot[None]) -> None:
        await run(pilot)
        await pilot.pause(0.5)

    assert snap_compare(SdiApp(analysis_project), run_before=settled, terminal_size=SMALL)


def test_first_run(snap_compare: Snap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sdi.tui.app.nlp_description", lambda project: NLP_LABEL)
    root = tmp_path / "tom"
    init_project(root, "Nytt prosjekt")
    project = open_project(root, coder="tester", exact=True)
    try:
        assert snap_compare(SdiApp(project), run_before=presses(), terminal_size=SMALL)
    finally:
        project.close()

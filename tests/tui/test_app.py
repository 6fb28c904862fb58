"""The app shell: screens by number key and palette, status line, help, themes, undo/redo."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.screen import ModalScreen

from sdi.tui.app import SdiApp
from sdi.tui.modals.help import HelpModal
from sdi.tui.screens.code_group_screen import CodeGroupScreen
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.screens.concept_screen import ConceptScreen
from sdi.tui.screens.corpus_screen import CorpusScreen
from sdi.tui.screens.quote_screen import QuoteScreen
from sdi.tui.widgets.status_line import StatusLine
from sdi.workflow.code import add_coding, codings_of_document, create_code
from sdi.workflow.preference import read_preferences
from sdi.workflow.project import Project, init_project, open_project
from sdi.workflow.transcript import list_transcripts
from tests.tui.conftest import NLP_LABEL
from tests.tui.helpers import open_coding


async def test_number_keys_switch_between_the_steps(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.title == tui_project.config.title
        assert isinstance(app.screen, CorpusScreen)
        screen = await open_coding(pilot)
        assert screen.reader.transcript is not None
        assert screen.reader.transcript.id == list_transcripts(tui_project)[0].id
        await pilot.press("1")
        assert isinstance(app.screen, CorpusScreen)
        for key, screen_class in (("3", CodeGroupScreen), ("4", ConceptScreen), ("5", QuoteScreen)):
            await pilot.press(key)
            assert isinstance(app.screen, screen_class)
        await pilot.press("6")  # there is no step 6: nothing happens
        assert isinstance(app.screen, QuoteScreen)


async def test_status_line_shows_project_coder_pipeline_and_progress(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(160, 30)) as pilot:
        line = str(app.screen.query_one(StatusLine).render())
        assert tui_project.config.title in line
        assert "koder: tester" in line and NLP_LABEL in line and "0 % kodet · 0 koder" in line
        screen = await open_coding(pilot)
        code = create_code(tui_project, "Små tegn som legger seg oppå hverandre")
        add_coding(tui_project, code, screen.document_id or 0, 10, 40)
        screen.after_write(reload=False)  # what every coding action does after writing
        await pilot.pause()
        assert "1 kode ·" in str(screen.query_one(StatusLine).render())  # one, said as one


async def test_status_line_fits_80_columns(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(80, 24)):
        status = app.screen.query_one(StatusLine)
        text = str(status.render())
        assert len(text) <= 80 and "tester" in text and "0 % kodet" in text and "Sammen" in text


async def test_question_mark_lists_the_keys_of_the_current_screen(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_coding(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpModal)
        descriptions = app.screen.keys
        assert descriptions["Kod"] == "c"
        assert descriptions["Neste ytring"] == "↓ / j"
        assert "Bare ukodede" in descriptions and "Hjelp" in descriptions
        await pilot.press("escape")
        assert isinstance(app.screen, CodingScreen)


async def test_ctrl_t_toggles_light_and_dark(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test() as pilot:
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        assert not app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark


async def test_command_palette_switches_screens(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"2 Koding".replace(" ", ""))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "coding"


async def test_undo_and_redo_a_coding(tui_project: Project) -> None:
    pytest.importorskip("sdi.workflow.history")
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        document = screen.document_id or 0
        code = create_code(tui_project, "Stille barn blir oversett")
        add_coding(tui_project, code, document, 0, 20)
        screen.after_write(reload=False)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert codings_of_document(tui_project, document) == []
        assert screen.codings == []
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert len(screen.codings) == 1


async def test_undo_says_so_when_history_is_missing(
    tui_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sdi.workflow.history", None)  # import fails
    app = SdiApp(tui_project)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Angre/gjør om er ikke tilgjengelig ennå"]


async def test_an_english_project_gets_an_english_workbench(project_root: Path) -> None:
    config = project_root / "sdi.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('language = "nb"', 'language = "en"'), encoding="utf-8"
    )
    project = open_project(project_root, coder="tester", exact=True)
    try:
        app = SdiApp(project)
        async with app.run_test(size=(160, 30)) as pilot:
            assert "coder: tester" in str(app.screen.query_one(StatusLine).render())
            assert "0% coded" in str(app.screen.query_one(StatusLine).render())
            await open_coding(pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpModal)
            assert app.screen.keys["Code"] == "c" and app.screen.keys["Next sentence"] == "J"
    finally:
        project.close()


def test_importing_the_face_loads_no_textual_and_opens_nothing() -> None:
    import subprocess

    code = "import sys, sdi.tui; assert 'textual' not in sys.modules and 'sqlalchemy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_workbench_starts_without_the_heavy_tools() -> None:
    """spaCy, rapidfuzz and the name finder load when a command needs them, never at start-up."""
    import subprocess

    code = (
        "import sys, sdi.tui.app\n"
        "heavy = ('spacy', 'rapidfuzz', 'docx', 'sdi.workflow.anonymise.names',\n"
        "         'sdi.workflow.corpus_import', 'matplotlib', 'openpyxl')\n"
        "print(','.join(name for name in heavy if name in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == ""


async def test_an_empty_project_opens_without_transcripts(tmp_path: Path) -> None:
    init_project(tmp_path / "tom", "Tom studie")
    project = open_project(tmp_path / "tom", coder="tester", exact=True)
    try:
        app = SdiApp(project)
        async with app.run_test() as pilot:
            screen = await open_coding(pilot)
            await pilot.press("j", "s", "c", "u", "f", "x", "question_mark", "escape")
            assert app.screen is screen and screen.view is None
    finally:
        project.close()


async def test_steps_3_to_5_of_an_empty_project_take_every_key(tmp_path: Path) -> None:
    init_project(tmp_path / "tom", "Tom studie")
    project = open_project(tmp_path / "tom", coder="tester", exact=True)
    try:
        app = SdiApp(project)
        async with app.run_test() as pilot:
            for step, keys in (
                ("3", "enter space m R r delete ctrl+up ctrl+k a tab enter escape escape"),
                ("4", "enter e k q delete ctrl+k a tab k q enter escape"),
                ("5", "enter e t o x ctrl+up r delete ctrl+k a tab enter escape"),
            ):
                await pilot.press(step, *keys.split())
                await pilot.pause()
                assert app.current_mode == SdiApp.STEPS[int(step) - 1]
                assert not isinstance(app.screen, ModalScreen), app.screen
    finally:
        project.close()


async def test_the_chosen_theme_is_there_after_a_restart(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not app.current_theme.dark
    assert read_preferences(tui_project) == {"theme": "textual-light"}
    again = SdiApp(tui_project)
    async with again.run_test() as pilot:
        assert not again.current_theme.dark
        again.theme = "nord"  # the palette's own theme picker is kept too
        await pilot.pause()
    assert read_preferences(tui_project)["theme"] == "nord"


async def test_a_damaged_preferences_file_opens_with_the_default(tui_project: Project) -> None:
    (tui_project.root / ".sdi" / "workbench.toml").write_text('theme = "no such theme"\n[[', encoding="utf-8")
    app = SdiApp(tui_project)
    async with app.run_test():
        assert app.theme == "textual-dark"


async def test_q_never_quits_by_accident_and_ctrl_q_quits_everywhere(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test() as pilot:
        await pilot.press("q")  # on the Corpus screen; on Coding and Concepts it adds a quote
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CorpusScreen)
        await pilot.press("3", "ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_stranger_is_asked_who_codes_and_can_switch_later(analysis_project: Project) -> None:
    from sdi.tui.modals.dialogs import InputModal
    from sdi.tui.modals.picker import PickerModal
    from sdi.workflow.coder import list_coders
    from tests.tui.helpers import answer

    known = [c.name for c in list_coders(analysis_project) if c.codings]
    assert known
    analysis_project.switch_coder("maskin-7")
    analysis_project.coder_chosen = False  # only the login name: nobody said who codes
    app = SdiApp(analysis_project)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(40):  # the picker comes after the first refresh: on a busy machine, a while
            await pilot.pause(0.05)
            if isinstance(app.screen, PickerModal):
                break
        picker = app.screen
        assert isinstance(picker, PickerModal) and "maskin-7" in picker.title_text
        assert [key for key, _ in picker.choices][: len(known)] == known
        await pilot.press("end", "enter")  # the last choice: a new coder
        await answer(pilot, "Kari")
        assert analysis_project.coder_name == "Kari" and analysis_project.coder_chosen
        assert "koder: Kari" in app.screen.query_one(StatusLine).render().plain
        app.action_switch_coder()
        await pilot.pause()
        assert isinstance(app.screen, PickerModal)
        await pilot.press("home", "enter")
        assert analysis_project.coder_name == known[0]
        assert not isinstance(app.screen, InputModal)
